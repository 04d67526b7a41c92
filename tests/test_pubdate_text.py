"""Publication dates read from plain text: real Timeline17 articles and real sentence forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.clean import clean
from dateline.dating.pubdate import date_document, reconcile_publication_dates
from dateline.dating.pubdate_text import date_only_line, find_dates, years_for
from dateline.ingest.decode import decode_text
from dateline.model import Document, RawDocument

T17 = Path(__file__).parent / "fixtures" / "pubdate" / "t17"


def _doc_from_text(text: str, doc_id: str = "d", **raw_kw) -> Document:
    raw = RawDocument(id=doc_id, source=f"{doc_id}.txt", text=text, **raw_kw)
    c = clean(raw)
    doc = Document(id=doc_id, source=raw.source, title=c.title, text=c.text, boilerplate=c.boilerplate)
    date_document(doc, raw, c.meta)
    return doc


def _t17(rel: str) -> tuple[Document, str]:
    p = T17 / rel
    text, _ = decode_text(p.read_bytes())
    return _doc_from_text(text, doc_id=p.stem), p.parent.name  # the folder date is the gold


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Thu 3 Nov 2016", "2016-11-03"),
        ("Sat, 12 Aug 2017 - 14:20 GMT", "2017-08-12"),
        ("Posted at 9:15 am March 3rd, 2017", "2017-03-03"),
        # Reuters header as it stands in T17 (PTB tokenised)
        ("TRIPOLI | Sun Mar 20 , 2011 7:55 pm EDT TRIPOLI -LRB- Reuters -RRB-", "2011-03-20"),
        # photo caption of a T17 bpoil_reuters article
        ("in this handout photograph taken on April 21 , 2010 and obtained on April 22", "2010-04-21"),
        ("Mittwoch, 01. November 2023", "2023-11-01"),
        # a press release's date line as ECB+ keeps it (chipmaker_acquisition_2012/43_2, tune split)
        ("SUNNYVALE, Calif. \u20142 / 29/2012", "2012-02-29"),
        ("29/02/2012", "2012-02-29"),
    ],
)
def test_full_date_forms(line: str, iso: str) -> None:
    assert find_dates(line)[0].iso == iso


def test_yearless_forms_keep_month_day_and_weekday() -> None:
    (dl,) = find_dates("BENGHAZI, Libya, March 19 - Rebels pushed west")
    assert (dl.year, dl.month, dl.day, dl.weekday) == (None, 3, 19, None)
    (rep,) = find_dates("Reuters reported Monday (August 8th) that the talks had stalled")
    assert (rep.year, rep.month, rep.day, rep.weekday) == (None, 8, 8, 0)
    # a Monday 8 August happened in 2011, 2016 and 2022 only, in 2010-2023
    assert years_for(8, 8, 0, list(range(2010, 2024))) == [2011, 2016, 2022]


def test_reuters_header_dates_the_article() -> None:
    doc, gold = _t17("LibyaWar_reuters/InputDocs/2011-03-19/265.htm.txt")
    assert doc.published == gold
    assert "Mar 19" in (doc.published_evidence or "")
    assert doc.published_confidence >= 0.5


def test_caption_date_of_a_text_article() -> None:
    doc, gold = _t17("bpoil_reuters/InputDocs/2010-04-22/1230.htm.txt")
    assert doc.published is not None
    assert doc.published[:7] == gold[:7]


def test_yearless_dateline_gets_year_from_the_story() -> None:
    # "RABAT , June 12 -LRB- Reuters -RRB-": no year in the article
    lone, gold = _t17("H1N1_reuters/InputDocs/2009-06-12/418.htm.txt")
    assert lone.published is None  # nothing in the article says which year
    other, _ = _t17("LibyaWar_reuters/InputDocs/2011-03-19/265.htm.txt")
    h1n1_peer = _doc_from_text("GENEVA | Wed Jun 10 , 2009 2:01 pm EDT GENEVA -LRB- Reuters -RRB- - The WHO said on Wednesday that it was close to declaring a pandemic .", "peer")
    assert h1n1_peer.published == "2009-06-10"
    changed = reconcile_publication_dates([lone, h1n1_peer])
    assert changed == [lone.id]
    assert lone.published == gold
    assert "story" in (lone.published_evidence or "")
    assert other.published == "2011-03-19"


def test_page_stamp_after_the_story_is_not_the_date() -> None:
    raw_text = (T17 / "LibyaWar_reuters/InputDocs/2011-03-19/265.htm.txt").read_text(encoding="utf-8")
    stamp = "Updated 11:02 GMT, Mon 4 Oct 2021\n"  # a site's stamp above an article about 2011
    doc = _doc_from_text(stamp + raw_text)
    assert doc.published == "2011-03-19"
    body_only, _ = _t17("LibyaWar_reuters/InputDocs/2011-03-19/265.htm.txt")
    doc2 = _doc_from_text(stamp + body_only.text + "\nIn 2011 the war began; by late 2011 it was over.")
    assert doc2.published is None or not doc2.published.startswith("2021")


def test_no_evidence_means_no_date() -> None:
    doc, _ = _t17("LibyaWar_reuters/InputDocs/2011-03-03/239.htm.txt")
    text = doc.text
    bare = _doc_from_text("\n".join(ln for ln in text.splitlines() if not find_dates(ln)) or text)
    if not find_dates(bare.text) and not any(find_dates(b) for b in bare.boilerplate):
        assert bare.published is None  # never today's date by default


def test_declared_and_path_dates_come_first() -> None:
    text = (T17 / "LibyaWar_reuters/InputDocs/2011-03-19/265.htm.txt").read_text(encoding="utf-8")
    declared = _doc_from_text(text, published="2011-03-20T01:00:00Z")
    assert declared.published == "2011-03-20" and declared.published_confidence >= 0.9
    by_path = _doc_from_text(text, meta={"path_date": "2011-03-18"})
    assert by_path.published == "2011-03-18" and "path" in (by_path.published_evidence or "")


def test_story_pass_flags_a_date_far_outside_the_span() -> None:
    headers = [  # real Reuters header lines of LibyaWar_reuters articles
        "TRIPOLI | Sun Mar 20 , 2011 7:55 pm EDT TRIPOLI -LRB- Reuters -RRB- - Libyan forces fired on the city .",
        "NAWFALIYAH\\/MISRATA , Libya | Tue Mar 29 , 2011 12:20 am IST NAWFALIYAH -LRB- Reuters -RRB- - Rebels fell back .",
        "TRIPOLI | Sun Mar 6 , 2011 11:56 pm IST TRIPOLI -LRB- Reuters -RRB- - Government forces launched a counter-offensive .",
    ]
    docs = [_doc_from_text(h, f"h{i}") for i, h in enumerate(headers)]
    assert [d.published for d in docs] == ["2011-03-20", "2011-03-29", "2011-03-06"]
    bp, _ = _t17("bpoil_reuters/InputDocs/2010-04-22/1230.htm.txt")  # dated April 2010 from its text
    assert bp.published is not None and bp.published.startswith("2010")
    before = bp.published_confidence
    changed = reconcile_publication_dates([*docs, bp])
    assert changed == [bp.id]
    assert bp.published is None or bp.published_confidence < before


def test_numeric_dates_with_two_possible_orders_are_not_read() -> None:
    # 3/4/2012 is 4 March in the US and 3 April elsewhere: no date rather than a coin flip
    assert find_dates("Filed 3/4/2012 by the clerk") == []


ECBPLUS = Path(__file__).resolve().parent / "corpora" / "ecbplus" / "articles"


def test_a_page_that_prints_only_an_updated_stamp_is_dated_by_it() -> None:
    # gulf_of_aden_piracy_2011/12_2 (ECB+ tune split): "Updated: November 11, 2011 18:50 IST" is its only date
    text = (ECBPLUS / "gulf_of_aden_piracy_2011" / "12_2ecbplus.txt").read_text(encoding="utf-8")
    doc = _doc_from_text(text)
    assert doc.published == "2011-11-11"
    assert doc.published_confidence < 0.5 and "updated" in doc.published_evidence


@pytest.mark.parametrize(
    "line, iso",
    [
        # stamps of ECB+ articles (round-4 gold, development data): two-digit years, a clock and a US zone
        ("11/10/11 02:39 PM ET", "2011-11-10"),
        ("06/06/13 07:05 PM ET EDT", "2013-06-06"),
        ("12/16/08 1:30 AM EST", "2008-12-16"),
        ("Posted 3/4/2012 7:00 pm EST", "2012-03-04"),
        # a misspelled month, read as printed (qeshm_earthquake_2005/20_6)
        ("Novemer 27, 2005", "2005-11-27"),
    ],
)
def test_stamp_forms(line: str, iso: str) -> None:
    assert [c.iso for c in find_dates(line)] == [iso]


def test_numeric_dates_without_a_us_clock_keep_their_ambiguity() -> None:
    # an Indian or British stamp writes the day first: without a US zone no order is assumed
    assert find_dates("Posted on 11/10/11 06:07 PM IST") == []
    assert find_dates("Filed 11/10/11 by the clerk") == []  # a two-digit year needs a clock time
    assert find_dates("Marching 3, 2010 and Junes 3 2010") == []  # not month names one letter off


def test_date_only_lines() -> None:
    assert date_only_line("7:15 a. m. Dec. 7, 2009").iso == "2009-12-07"
    assert date_only_line("November 14, 2011|12: 35 pm").iso == "2011-11-14"
    assert date_only_line("Thu Nov 10, 2011 3:00pm EST").iso == "2011-11-10"
    assert date_only_line("11:39am UK, Monday 09 September 2013").iso == "2013-09-09"
    # stamp lines of ECB+ articles (round-3/4 gold)
    assert date_only_line("August 10, 2011 - - Updated 0947 GMT (1747 HKT)").iso == "2011-08-10"
    assert date_only_line("Posted on November 15, 2011 6:07:15 PM GMT+01: 0").iso == "2011-11-15"
    assert date_only_line("Published time: March 12, 2013 02:03").iso == "2013-03-12"
    assert date_only_line("28.11.2005, 10:05 Uhr").iso == "2005-11-28"
    assert date_only_line("The camp was bombed on Nov 10, 2011") is None
    assert date_only_line("From Nov 10, 2011 to Nov 12, 2011") is None


@pytest.mark.parametrize(
    "rel, iso",
    [
        # a 2009 article whose body only speaks of 1979-1999: the stamp under the headline still dates it
        ("texas_prisoner_escape_2009/3_2ecbplus.txt", "2009-11-30"),
        ("refugee_camp_air_strike_2011/41_8ecbplus.txt", "2011-11-10"),
    ],
)
def test_stamp_line_under_the_headline_dates_the_article(rel: str, iso: str) -> None:
    doc = _doc_from_text((ECBPLUS / rel).read_text(encoding="utf-8"))
    assert doc.published == iso
    assert "under the headline" in (doc.published_evidence or "")


def test_a_later_stamp_above_the_headline_is_still_doubted() -> None:
    # the same 2009 article with a site's stamp of another year printed above its headline
    text = (ECBPLUS / "texas_prisoner_escape_2009/3_2ecbplus.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    doc = _doc_from_text("\n".join(["Monday, March 4, 2019", lines[0], *lines[2:]]))
    assert doc.published is None or not doc.published.startswith("2019")


def test_an_ambiguous_numeric_stamp_is_read_in_the_order_the_lead_supports() -> None:
    # polygamist_leader_trial_2011/36_9: "Updated 12/2/2010 1:31 AM" over "... arraigned Wednesday ..."
    # 2 December 2010 is a Thursday (Wednesday the day before); 12 February 2010 a Friday
    text = (ECBPLUS / "polygamist_leader_trial_2011/36_9ecbplus.txt").read_text(encoding="utf-8")
    doc = _doc_from_text(text)
    assert doc.published == "2010-12-02" and doc.published_confidence < 0.5
    assert "weekday" in (doc.published_evidence or "")
    # the same stamp over a lead naming no weekday: no order is guessed
    lines = text.splitlines()
    plain = _doc_from_text("\n".join([*lines[:2], lines[2].replace(" Wednesday", "")]))
    assert plain.published is None


def test_the_story_pass_reads_an_ambiguous_stamp_inside_the_story_span() -> None:
    headers = [  # real Reuters header lines (LibyaWar_reuters)
        "TRIPOLI | Sun Mar 20 , 2011 7:55 pm EDT TRIPOLI -LRB- Reuters -RRB- - Libyan forces fired on the city .",
        "NAWFALIYAH\\/MISRATA , Libya | Tue Mar 29 , 2011 12:20 am IST NAWFALIYAH -LRB- Reuters -RRB- - Rebels fell back .",
        "TRIPOLI | Sun Mar 6 , 2011 11:56 pm IST TRIPOLI -LRB- Reuters -RRB- - Government forces launched a counter-offensive .",
    ]
    docs = [_doc_from_text(h, f"h{i}") for i, h in enumerate(headers)]
    # 10 March lies in the story's span (6-29 March); 3 October lies half a year after it
    amb = _doc_from_text("Rebels hold the east\nPosted 3/10/2011 10:02\nRebels held the eastern towns, witnesses said.", "amb")
    assert amb.published is None
    assert reconcile_publication_dates([*docs, amb]) == ["amb"]
    assert amb.published == "2011-03-10" and "span" in (amb.published_evidence or "")
    # 3/4/2011: 4 March and 3 April both lie near the span: no reading is taken
    near = _doc_from_text("Rebels hold the east\nPosted 3/4/2011 10:02\nRebels held the eastern towns, witnesses said.", "near")
    assert reconcile_publication_dates([*docs, near]) == [] and near.published is None


def test_a_yearless_date_in_a_story_spanning_that_day_twice_stays_undated() -> None:
    # "RABAT , June 12 -LRB- Reuters -RRB-" in a story whose dated articles run from June 2009 to July 2010
    lone, _ = _t17("H1N1_reuters/InputDocs/2009-06-12/418.htm.txt")
    peers = [
        _doc_from_text(f"GENEVA | {stamp} GENEVA -LRB- Reuters -RRB- - The WHO said on Wednesday that it was close to declaring a pandemic .", f"p{i}")
        for i, stamp in enumerate(["Wed Jun 10 , 2009 2:01 pm EDT", "Tue Dec 1 , 2009 9:12 am EST", "Thu Jul 1 , 2010 4:40 pm EDT"])
    ]
    assert [p.published for p in peers] == ["2009-06-10", "2009-12-01", "2010-07-01"]
    reconcile_publication_dates([lone, *peers])
    assert lone.published is None  # 12 June 2009 or 12 June 2010: no guess


def test_stamp_lines_with_a_byline_or_an_update() -> None:
    from dateline.dating.pubdate import stamp_under_headline

    # the published/updated pair as newspaper sites print it: the published one is the stamp's date
    assert date_only_line("PUBLISHED: 12:38 EST, 13 March 2013 | UPDATED: 14:29 EST, 14 March 2013").iso == "2013-03-13"
    head = "Protesters clash with police in Brooklyn"
    for line in ("By Jane Doe, Associated Press | March 14, 2013", "By Jane Doe - March 14, 2013 8:16 AM"):
        assert stamp_under_headline(f"{head}\n{line}\nPolice said ...", head) == line
    # a sentence opening with "By" is no byline, and an update stamp is left to the updated-only rule
    assert stamp_under_headline(f"{head}\nBy the end of March 14, 2013 the police had left\nText", head) is None
    assert stamp_under_headline(f"{head}\nBy Jane Doe | Updated March 14, 2013\nText", head) is None
