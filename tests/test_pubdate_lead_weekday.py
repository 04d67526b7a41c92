"""A numeric stamp of unknown order ("Posted 2/3/2009 11:11 PM") read by the weekday its lead names: when that
weekday lies a few days before either reading, the lead is a weak hint and the story's other articles decide
(real round-7 ECB+ articles: one story, five outlets)."""

from __future__ import annotations

from pathlib import Path

from dateline.clean import clean
from dateline.dating.pubdate import PENDING_KEY, date_document, reconcile_publication_dates
from dateline.model import Document, RawDocument

STORY = Path(__file__).resolve().parents[1] / "tests" / "corpora" / "ecbplus_r7" / "articles" / "athlete_dui_arrest_2009"


def _doc(name: str, text: str | None = None) -> Document:
    text = (STORY / f"{name}.txt").read_text(encoding="utf-8") if text is None else text
    raw = RawDocument(id=name, source=f"{name}.txt", text=text)
    c = clean(raw)
    doc = Document(id=name, source=raw.source, title=c.title, text=c.text, boilerplate=c.boilerplate)
    date_document(doc, raw, c.meta)
    return doc


def test_a_loose_lead_weekday_is_overruled_by_the_story() -> None:
    # "Posted 2/3/2009 11:11 PM" over "pulled over ... early Sunday": Sunday is the day before 2 March (a Monday)
    # and two days before 3 February (a Tuesday), so both readings fit the lead
    amb = _doc("35_1ecbplus")
    assert amb.published == "2009-03-02" and amb.meta[PENDING_KEY]["lead_choice"] == "2009-03-02"
    peers = [_doc(n) for n in ("35_2ecbplus", "35_4ecbplus", "35_6ecbplus", "35_9ecbplus")]
    assert [p.published for p in peers] == ["2009-02-02", "2009-02-05", "2009-04-02", "2009-04-02"]
    assert reconcile_publication_dates([amb, *peers]) == ["35_1ecbplus"]
    # 3 February lies a day after another article, 2 March weeks from every one
    assert amb.published == "2009-02-03" and "fits both readings" in (amb.published_evidence or "")


def test_the_lead_reading_stays_when_the_story_does_not_single_out_the_other() -> None:
    amb = _doc("35_1ecbplus")
    evidence = amb.published_evidence
    # only the two April articles: both readings lie weeks from them, so the lead's reading stays as it was
    peers = [_doc(n) for n in ("35_6ecbplus", "35_9ecbplus")]
    assert reconcile_publication_dates([amb, *peers]) == []
    assert amb.published == "2009-03-02" and amb.published_evidence == evidence


def test_a_lead_weekday_fitting_one_reading_only_is_not_deferred() -> None:
    # the same page with its lead naming Tuesday: 3 February's own weekday, and none of the four days up to
    # 2 March (Friday to Monday), so the other reading disagrees and the lead decides in phase 1
    text = (STORY / "35_1ecbplus.txt").read_text(encoding="utf-8").replace("early Sunday", "early Tuesday", 1)
    amb = _doc("35_1ecbplus", text)
    assert amb.published == "2009-02-03" and "lead_choice" not in amb.meta.get(PENDING_KEY, {})
