"""The story pass's stray check on a pile that holds several stories (real round-5 and round-6 ECB+ articles):
a weakly read date far from the pile's main years but close to another dated article keeps its date."""

from __future__ import annotations

from pathlib import Path

from dateline.clean import clean
from dateline.dating.pubdate import date_document, reconcile_publication_dates
from dateline.model import Document, RawDocument

CORPORA = Path(__file__).resolve().parents[1] / "tests" / "corpora"


def _doc(rel: str) -> Document:
    text = (CORPORA / rel).read_text(encoding="utf-8")
    raw = RawDocument(id=Path(rel).stem, source=Path(rel).name, text=text)
    c = clean(raw)
    doc = Document(id=raw.id, source=raw.source, title=c.title, text=c.text, boilerplate=c.boilerplate)
    date_document(doc, raw, c.meta)
    return doc


def _dairy_story() -> list[Document]:
    return [_doc(f"ecbplus_r6/articles/dairy_building_fire_2012/13_{n}ecbplus.txt") for n in (6, 8, 9, 13)]


def test_a_weak_date_beside_another_article_is_no_stray() -> None:
    # "Updated 4/11/2007 1:26 PM" over "arraigned Wednesday": 11 April 2007, read at low confidence
    weak = _doc("ecbplus_r5/articles/office_shooting_2007/18_7ecbplus.txt")
    assert weak.published == "2007-04-11" and weak.published_confidence < 0.5
    peer = _doc("ecbplus_r5/articles/office_shooting_2007/18_9ecbplus.txt")
    others = _dairy_story()
    assert peer.published == "2007-04-10" and all(o.published and o.published.startswith("2012") for o in others)
    # the pile's span is the 2012 story; the 2007 article a day from its 2007 peer keeps its date
    reconcile_publication_dates([weak, peer, *others])
    assert weak.published == "2007-04-11"
    # alone beside the 2012 story, five years from every dated article, it is a stray and loses it
    lone = _doc("ecbplus_r5/articles/office_shooting_2007/18_7ecbplus.txt")
    assert reconcile_publication_dates([lone, *_dairy_story()]) == ["18_7ecbplus"]
    assert lone.published is None and "published_rejected" in lone.meta
