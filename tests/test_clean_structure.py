"""The document-structure layer on real pages (fixtures copied unchanged, see fixtures/clean/README.md):
each typed field is found once by cleaning and reaches the Document and the report."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from dateline.clean import clean
from dateline.clean.ptb import detokenize_if_ptb
from dateline.clean.structure import find_dateline, live_items, parse_dateline
from dateline.lexicon import NEWS_AGENCIES
from dateline.model import Document, RawDocument, Structure, document_from_dict, to_dict

FIX = Path(__file__).resolve().parent / "fixtures" / "clean"
T17 = FIX / "t17"
AEB = FIX / "aeb" / "html"


def _text(name: str):
    raw = (T17 / name).read_text(encoding="utf-8")
    c = clean(RawDocument(id=name, source=name, text=raw))
    return detokenize_if_ptb(raw)[0], c  # the raw text as the cleaner read it (PTB tokens undone)


def _html(prefix: str):
    path = next(AEB.glob(f"{prefix}*.html.gz"))
    html = gzip.open(path).read().decode("utf-8")
    return html, clean(RawDocument(id=prefix, source=str(path), html=html))


def test_wire_dateline_after_url_and_headline_lines_is_found() -> None:
    _, c = _html("ef2b3f26")
    lines = c.text.split("\n")
    dl = c.structure.dateline
    assert dl is not None and not lines[0].startswith(dl.text)  # not at the start of the text
    opening = next(i for i, ln in enumerate(lines) if ln.startswith(dl.text))
    assert opening >= 1
    assert dl.credit in NEWS_AGENCIES and c.structure.agency == dl.credit
    assert dl.place and dl.text.startswith(dl.place) and dl.place.split(",")[0].isupper()


def test_capitals_dateline_without_credit_on_the_second_line() -> None:
    _, c = _html("776a1c04")
    dl = c.structure.dateline
    assert dl is not None and dl.credit is None
    second = c.text.split("\n")[1]
    assert second.startswith(dl.text) and dl.place == dl.text
    assert dl.place.split(",")[0].isupper()


def test_dateline_taken_off_a_flattened_wire_header_keeps_place_credit_and_page_stamp() -> None:
    raw, c = _text("reuters_373.htm.txt")
    st = c.structure
    assert st.dateline is not None and st.dateline.credit in NEWS_AGENCIES
    assert st.dateline.place and st.dateline.place.isupper() and st.dateline.place in raw.split("\n")[0]
    assert st.page_stamp == c.meta["header_date_text"] and st.page_stamp in raw
    assert st.agency == st.dateline.credit
    kinds = {r.kind for r in st.removed}
    assert "header" in kinds and "comments" in kinds and "credit" in kinds
    assert all(r.text in c.boilerplate for r in st.removed)


def test_byline_run_into_the_wire_header() -> None:
    raw, c = _text("reuters_byline_1186.htm.txt")
    by = c.structure.byline
    assert by is not None and by.startswith("By ") and len(by.split()) >= 3
    first = raw.split("\n")[0]
    assert first.startswith(by.split(",")[0])
    assert by not in c.text  # it was page furniture, not body
    assert not any(w.isupper() and len(w) > 2 for w in by.split())  # stops before the capitals place


def test_a_sentence_opening_with_by_is_not_a_byline() -> None:
    from dateline.clean.structure import _byline_of

    sentence = "By Monday, the water level had dropped by nearly a metre and residents began returning to their homes."
    assert _byline_of(sentence) is None


def test_headline_and_standfirst_read_off_a_glued_first_line() -> None:
    raw, c = _text("guardian_1206.htm.txt")
    st = c.structure
    first = raw.split("\n")[0]
    assert st.headline and first.startswith(st.headline)
    assert st.standfirst and st.standfirst in first and len(st.standfirst.split()) >= 4
    assert not st.standfirst.startswith(st.headline)
    assert st.page_stamp and st.page_stamp in first


def test_live_page_items_with_stamps_and_places() -> None:
    _, c = _text("cnn_liveblog_285.htm.txt")
    items = c.structure.live_items
    assert len(items) >= 5
    for a, b in zip(items, items[1:], strict=False):
        assert a.end == b.start  # an item runs to the next stamp
    for it in items:
        assert c.text[it.start:].startswith(it.stamp) and it.stamp.startswith("(") and it.stamp.endswith(")")
        assert it.place and c.text[it.place_start:it.place_end] == it.place and it.place in it.stamp
    assert items == live_items(c.text)  # the same function a loaded old report falls back to


def test_no_live_items_on_an_ordinary_article() -> None:
    _, c = _text("reuters_373.htm.txt")
    assert c.structure.live_items == []


def test_photo_captions_are_typed_removed_parts() -> None:
    _, c = _html("05844573")
    st = c.structure
    assert len(st.captions) >= 2
    assert all(cap in c.boilerplate and cap not in c.text.split("\n") for cap in st.captions)
    assert any(cap.startswith("Photo:") for cap in st.captions)
    assert not {r.text for r in st.removed} & set(st.captions)  # stored once


def test_reader_comments_are_typed_as_comments() -> None:
    _, c = _text("cnn_comments_104.htm.txt")
    comments = [r for r in c.structure.removed if r.kind == "comments"]
    assert comments and all(r.text in c.boilerplate for r in comments)


def test_parse_dateline_splits_place_date_and_credit() -> None:
    dl = parse_dateline("NEW YORK, March 7 (Reuters)")
    assert dl is not None and (dl.place, dl.date_text, dl.credit) == ("NEW YORK", "March 7", "Reuters")
    assert find_dateline(["A headline of the story", "By Jane Doe", "RIVERTON, Chile (AP) — A strong quake hit the coast."]).place == "RIVERTON, Chile"


def test_structure_reaches_the_document_and_survives_report_json() -> None:
    _, c = _text("reuters_373.htm.txt")
    doc = Document(id="d", source="s", text=c.text, boilerplate=c.boilerplate, meta=dict(c.meta))
    assert isinstance(doc.structure, Structure) and doc.structure.found and "structure" not in doc.meta
    back = document_from_dict(json.loads(json.dumps(to_dict(doc))))
    assert back.structure == doc.structure


def test_pubdate_reads_the_page_stamp_from_the_structure() -> None:
    from dateline.dating.pubdate import date_document

    _, c = _text("reuters_373.htm.txt")
    doc = Document(id="d", source="s", text=c.text, boilerplate=c.boilerplate, meta=dict(c.meta))
    date_document(doc, RawDocument(id="d", source="s", text="x"), {})  # no cleaner metadata passed
    assert doc.published == "2011-04-28" and "(header)" in (doc.published_evidence or "")


def test_live_items_of_a_page_stamped_country_time_local() -> None:
    path = Path(__file__).resolve().parent.parent / "examples" / "libya" / "cnn" / "2011-02-21" / "13.htm.txt"
    c = clean(RawDocument(id="p", source=str(path), text=path.read_text(encoding="utf-8")))
    items = c.structure.live_items
    assert len(items) >= 10
    for it in items:
        assert c.text[it.start:].startswith(it.stamp) and re.search(r"\d:\d\d [ap]\.m\.", it.stamp)
        assert it.place and it.place.isupper() and it.stamp.startswith(it.place)
    assert sum(it.stamp.endswith("local:") for it in items) * 2 >= len(items)  # most give the local time too


def test_readable_skips_the_stamp_and_dateline_cleaning_found() -> None:
    from dateline.events.readable import content_start, content_start_in

    path = Path(__file__).resolve().parent.parent / "examples" / "libya" / "cnn" / "2011-02-21" / "13.htm.txt"
    c = clean(RawDocument(id="p", source=str(path), text=path.read_text(encoding="utf-8")))
    doc = Document(id="p", source="s", text=c.text, meta=dict(c.meta))
    for it in doc.structure.live_items[:5]:
        off = content_start_in(doc, it.start, it.end)
        assert off >= len(it.stamp) and doc.text[it.start + off].isupper() and "local:" not in doc.text[it.start + off:it.end][:10]
    _, h = _html("ef2b3f26")
    doc = Document(id="h", source="s", text=h.text, meta=dict(h.meta))
    line_start = doc.text.index(doc.structure.dateline.text)
    line_end = doc.text.index("\n", line_start)
    off = content_start_in(doc, line_start, line_end)
    sentence = doc.text[line_start:line_end]
    assert off == content_start(sentence) and not sentence[off:].startswith(("(", "—", "-"))
    assert doc.structure.dateline.text not in sentence[off:]
