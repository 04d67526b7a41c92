"""The event layer on real articles (ECB+ tune split: two trial reports, two election reports),
run through the pipeline `dateline analyze` runs, and its exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from dateline.evaluate.events import analyse
from dateline.events.layer import attach_claims, modality, timex_date
from dateline.export import render
from dateline.model import Claim, Event, Span, to_dict
from dateline.schema import validate_report

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ["tests/corpora/ecbplus/articles/spiro_murder_trial_2013/45_2ecbplus.txt",
            "tests/corpora/ecbplus/articles/spiro_murder_trial_2013/45_10ecbplus.txt",
            "tests/corpora/ecbplus/articles/turkmenistan_election_2013/11_1ecbplus.txt",
            "tests/corpora/ecbplus/articles/turkmenistan_election_2013/11_3ecbplus.txt"]


@pytest.fixture(scope="module")
def report():  # noqa: ANN201
    rep, _paths, rejected = analyse([ROOT / a for a in ARTICLES], ARTICLES)
    assert not rejected
    return rep


def _text(rep, ev: Event) -> list[str]:  # noqa: ANN001
    docs = {d.id: d for d in rep.documents}
    return [docs[s.doc].text[s.start:s.end] for s in ev.evidence]


def _find(rep, needle: str) -> Event:  # noqa: ANN001
    hits = [v for v in rep.events if any(needle in t for t in _text(rep, v))]
    assert len(hits) == 1, (needle, [(v.id, v.date) for v in hits])
    return hits[0]


def test_every_dated_happening_is_an_event_not_only_timeline_days(report) -> None:  # noqa: ANN001
    days = {t.date for t in report.timeline}
    assert len(report.events) > len(days)
    assert any(v.date not in days for v in report.events)
    ids = [v.id for v in report.events]
    assert len(ids) == len(set(ids))
    for entry in report.timeline:  # the timeline points at the layer's events of its day
        for vid in entry.events:
            ev = next(v for v in report.events if v.id == vid)
            assert ev.date == entry.date and ev.granularity == "day"


def test_month_level_evidence_stays_a_month_event(report) -> None:  # noqa: ANN001
    ev = _find(report, "elected in December 2008")
    assert (ev.date, ev.granularity) == ("2008-12", "month")


def test_scheduled_happenings_are_future(report) -> None:  # noqa: ANN001
    ev = _find(report, "He is to be sentenced Nov. 8")
    assert (ev.date, ev.granularity, ev.modality) == ("2013-11-08", "day", "future")


def test_relative_weekday_resolved_against_publication_day(report) -> None:  # noqa: ANN001
    ev = _find(report, "found guilty Thursday")
    assert ev.date == "2013-09-26"  # the article is of Thursday 26 September 2013
    assert ev.sources >= 1 and ev.title


def test_report_with_event_layer_validates(report) -> None:  # noqa: ANN001
    validate_report(to_dict(report))


def test_timex_values_keep_their_granularity() -> None:
    pub = dt.date(2013, 10, 2)
    assert timex_date("2013-06", "in ", pub) == ("2013-06", "month", None)
    assert timex_date("2012", "", pub) == ("2012", "year", None)
    assert timex_date("2013-W39", "", pub) == ("2013-W39", "week", None)
    assert timex_date("2013-09-17", "fighting since ", pub) == ("2013-09-17", "range", "2013-10-02")
    assert timex_date("2013-09-17T10:00", "on ", pub) == ("2013-09-17", "day", None)
    assert timex_date("PRESENT_REF", "", pub) is None
    assert timex_date("XXXX-WXX-2", "", pub) is None


def test_modality_of_real_sentences() -> None:
    pub = dt.date(2013, 9, 28)
    assert modality("Flynn's body was found in a car near Spiro on April 9.", "2013-04-09", pub) == "fact"
    assert modality("The campaign starts October 5, according to TsKVPR.", "2013-10-05", pub) == "future"
    # a plain reporting verb tells a fact; one side's unverified account is a claim (round-5 ECB+ gold)
    pub = dt.date(2007, 4, 11)
    assert modality("When LaCalamita was arrested, police said they found a 12-gauge pump-action shotgun and "
                    "three shells in his vehicle.", "2007-04-09", pub) == "fact"
    pub = dt.date(2013, 7, 23)
    assert modality("Robert Pitman, 24, is accused of setting fire to the Waitrose store in Wellington shortly "
                    "after 06:00 BST.", "2013-07-21", pub) == "claim"
    pub = dt.date(2013, 9, 28)
    assert modality("The ministry denied on Friday that troops had fired.", "2013-09-27", pub) == "denied"


def test_claims_inside_event_evidence_are_attached() -> None:
    ev = Event("v1", "2013-07-02", "Quake", [Span("d1", 10, 90)])
    inside = Claim("c1", "killed", [5.0], evidence=Span("d1", 40, 52))
    elsewhere = Claim("c2", "killed", [5.0], evidence=Span("d1", 200, 210))
    attach_claims([ev], [inside, elsewhere])
    assert ev.claims == ["c1"]


def test_exports_carry_the_event_layer_with_granularity(report) -> None:  # noqa: ANN001
    md = render(report, "markdown")
    assert "## Events" in md
    assert "2008-12 (month)" in md
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert len(rows) == len(report.events)
    month = next(r for r in rows if r["event_date"] == "2008-12")
    assert month["granularity"] == "month" and month["time_precision"] == "month"
    from dateline.export.timelinejs import render_dict

    slides = render_dict(report, events_only=True)["events"]
    month_slide = next(s for s in slides if s["start_date"] == {"year": "2008", "month": "12"})
    assert "day" not in month_slide["start_date"]  # a month event is not the 1st of the month
    json.dumps(slides)


def test_syndicated_copies_count_once_as_a_source(tmp_path) -> None:  # noqa: ANN001
    """The same wire report printed by two outlets (one adds its own headline and a
    sentence) is one source; an independent report of the same happening is a second."""
    wire = (ROOT / ARTICLES[0]).read_text(encoding="utf-8")
    lines = wire.splitlines()
    copy = "\n".join(["Murder trial: " + lines[0], *lines[1:], "Readers can follow the case on our site."])
    paths = [tmp_path / "outlet_a.txt", tmp_path / "outlet_b.txt", ROOT / ARTICLES[1]]
    paths[0].write_text(wire, encoding="utf-8")
    paths[1].write_text(copy, encoding="utf-8")
    rep, ids, rejected = analyse(paths, ["outlet_a.txt", "outlet_b.txt", ARTICLES[1]])
    assert not rejected
    doc_of = dict(ids)
    copies = [v for v in rep.events
              if {doc_of[s.doc] for s in v.evidence} >= {"outlet_a.txt", "outlet_b.txt"}]
    assert copies, "the copied sentences form one event with evidence in both copies"
    for v in copies:
        others = {doc_of[s.doc] for s in v.evidence} - {"outlet_a.txt", "outlet_b.txt"}
        assert v.sources == 1 + len(others), (v.title, v.sources, others)


def test_absolute_dates_date_events_without_a_publication_date(tmp_path) -> None:  # noqa: ANN001
    """An article with no publication date anywhere: its calendar dates still give events,
    its bare weekday ("on Tuesday") cannot be placed and gives none."""
    text = ("Inquiry hears from dam engineers\n"
            "Engineers told the inquiry on Tuesday that they had raised concerns for years.\n"
            "The dam burst on March 3, 2011, after days of heavy rain, the chief engineer said.\n"
            "A report sent in January 2010 had warned that the wall was cracking.\n")
    path = tmp_path / "undated.txt"
    path.write_text(text, encoding="utf-8")
    rep, _ids, rejected = analyse([path], ["undated.txt"])
    assert not rejected and rep.documents[0].published is None
    got = {(v.date, v.granularity) for v in rep.events}
    assert got == {("2011-03-03", "day"), ("2010-01", "month")}
    assert not any("Tuesday" in v.title for v in rep.events)


def test_evaluator_scores_modality_over_referring_pairs() -> None:
    from dateline.evaluate.events import Evidence, Item, score_items

    gold = [Item("g1", "2013-09-26", "day", [Evidence("a", "The jury found him guilty on Thursday")], "fact"),
            Item("g2", "2013-11-08", "day", [Evidence("a", "He will be sentenced on November 8")], "future")]
    system = [Item("v1", "2013-09-26", None, [Evidence("a", "The jury found him guilty on Thursday, police said.")],
                   "claim"),
              Item("v2", "2013-11-08", None, [Evidence("a", "He will be sentenced on November 8.")], "future"),
              Item("v3", "2013-10-01", None, [Evidence("a", "Another thing happened on October 1.")], "fact")]
    r = score_items(system, gold)
    assert r["modality_pairs"] == 2 and r["modality_accuracy"] == 0.5
    assert r["wrong_modality"] == [{"gold": "g1", "gold_modality": "fact", "system_modality": "claim"}]
    assert r["spurious"] == ["v3"]


def test_one_days_reports_in_two_articles_are_one_event(report) -> None:  # noqa: ANN001
    """'The start of the campaign ... will be announced on October 5' and 'The campaign starts
    October 5' (two articles): each other's best match across the two, so one event, two sources."""
    ev = _find(report, "The campaign starts October 5")
    texts = _text(report, ev)
    assert any("start of the campaign" in t for t in texts)
    assert ev.sources == 2 and ev.date == "2013-10-05"
