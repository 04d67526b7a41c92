"""Date precision of the event layer on real articles (ECB+ round-4 tune split), run through the
pipeline `dateline analyze` runs: a timex the article's own date cannot place floats and joins an
event of a compatible day, clock times and bounds do not date events, half-years are ranges."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.evaluate.events import analyse
from dateline.events.layer import compatible, timex_date
from dateline.model import Event

ROOT = Path(__file__).resolve().parent.parent
A = "tests/corpora/ecbplus/articles/"
ARTICLES = [A + "brooklyn_police_shooting_protests_2013/19_6ecbplus.txt",  # dated 2013-03-12
            A + "brooklyn_police_shooting_protests_2013/19_9ecbplus.txt",  # prints no date
            A + "gulf_of_aden_piracy_2011/12_6ecbplus.txt",  # dated 2011-11-15
            A + "chipmaker_acquisition_2012/43_2ecbplus.txt",  # prints no date
            A + "chipmaker_acquisition_2012/43_12ecbplus.txt"]  # dated 2012-02-29


@pytest.fixture(scope="module")
def report():  # noqa: ANN201
    rep, _paths, rejected = analyse([ROOT / a for a in ARTICLES], ARTICLES)
    assert not rejected
    return rep


def _texts(rep, ev: Event) -> list[str]:  # noqa: ANN001
    docs = {d.id: d for d in rep.documents}
    return [docs[s.doc].text[s.start:s.end] for s in ev.evidence]


def _with(rep, needle: str) -> list[Event]:  # noqa: ANN001
    return [v for v in rep.events if any(needle in t for t in _texts(rep, v))]


def test_undated_articles_weekday_joins_the_dated_event_of_that_weekday(report) -> None:  # noqa: ANN001
    """19_9 prints no date: its "late Saturday night" cannot be placed by itself, but the
    sentence tells the shooting a dated article places on Saturday 9 March 2013."""
    undated = next(d for d in report.documents if d.id.startswith("19_9"))
    assert undated.published is None
    hits = _with(report, "NYPD officers shot and killed the teen late Saturday night")
    assert len(hits) == 1
    ev = hits[0]
    assert (ev.date, ev.granularity) == ("2013-03-09", "day")
    assert dt.date.fromisoformat(ev.date).isoweekday() == 6
    assert any(s.doc.startswith("19_6") for s in ev.evidence)  # the dated report it joined


def test_a_floating_mention_is_placed_only_by_its_articles_reference_day(report) -> None:  # noqa: ANN001
    """"Early Tuesday morning, police barricaded Snyder Avenue" (19_9, no date, no dated article
    tells it) cannot be placed by itself; the article's lead ("late Saturday night") joins the
    shooting dated to Saturday 9 March, so its Tuesday is the one after (as the gold dates it), never
    a Tuesday invented without that reference. Every event has a date."""
    hits = _with(report, "police barricaded Snyder Avenue")
    assert [(ev.date, ev.granularity, ev.sources) for ev in hits] == [("2013-03-12", "day", 1)]
    for ev in report.events:
        assert ev.date, ev.title


def test_a_clock_time_does_not_date_the_sentence(report) -> None:  # noqa: ANN001
    """"at about 9:25 in the morning of 10th Nov" (article of 15 November): the day is the
    10th, not the publication day the bare clock time was resolved to."""
    hits = _with(report, "9:25 in the morning of 10th Nov")
    assert hits and all(v.date == "2011-11-10" for v in hits)


def test_a_bound_is_not_the_time_of_the_happening(report) -> None:  # noqa: ANN001
    """"the fastest growing segment of the server market through 2015": no 2015 event."""
    assert not any(v.date.startswith("2015") for v in _with(report, "through 2015"))


def test_second_half_of_a_year_is_a_scheduled_range(report) -> None:  # noqa: ANN001
    hits = _with(report, "in the second half of 2012")
    assert hits
    for ev in hits:
        assert (ev.date, ev.granularity, ev.date_end, ev.modality) == ("2012-07-01", "range", "2012-12-31",
                                                                      "future")


def test_timex_values_of_year_parts_are_ranges() -> None:
    pub = dt.date(2012, 2, 29)
    assert timex_date("2012-H2", "in ", pub) == ("2012-07-01", "range", "2012-12-31")
    assert timex_date("2013-Q1", "in ", pub) == ("2013-01-01", "range", "2013-03-31")


def test_floating_patterns_match_days_of_that_kind() -> None:
    assert compatible(("weekday", 6), "2013-03-09", "day")  # a Saturday
    assert not compatible(("weekday", 6), "2013-03-10", "day")
    assert compatible(("month", 9), "2011-09", "month")
    assert not compatible(("month", 9), "2011-09-14", "day")
    assert compatible(("monthday", 11, 10), "2011-11-10", "day")
    assert compatible(("near",), "2012-02-29", "day") and not compatible(("near",), "2012", "year")


def test_a_small_storys_timeline_keeps_the_days_several_sources_tell(report) -> None:  # noqa: ANN001
    """Five articles: the timeline is not capped at the five days a large story's ranking would
    give by default; every day an event is told by two independent sources is in it, and the
    layer's days come first (a day whose only sentence is unreadable, "when, at about 9:25 in
    the morning of 10th Nov, ...", has nothing to show and is skipped). A day only an undated
    article's reference day places (19_9's Monday vigil) is an event, not yet a timeline day: the
    timeline's own candidates do not date it."""
    days = {t.date for t in report.timeline}
    told = {v.date for v in report.events if v.granularity == "day" and v.sources >= 2}
    assert told and told <= days
    docs = {d.id: d for d in report.documents}
    layer_days = {v.date for v in report.events if v.granularity == "day"
                  and any(docs[s.doc].published for s in v.evidence)}
    assert len(days & layer_days) >= len(layer_days) - 1


def test_without_the_embedding_model_events_are_joined_on_their_words(report, monkeypatch) -> None:  # noqa: ANN001
    """The packaged model missing: a warning, and the same layer built on TF-IDF words."""
    import dateline.embed as embed
    from dateline.events import _entity_index
    from dateline.events import layer as layer_mod
    from dateline.events.syndication import syndication_groups

    def missing() -> None:
        raise embed.EmbeddingModelMissing("not installed")

    monkeypatch.setattr(embed, "load_model", missing)
    docs = [d for d in report.documents if d.status == "ok" and d.sentences]
    events = layer_mod.build_events(docs, report.entities, syndication_groups(docs), _entity_index(report.entities))
    assert events and all(v.date and v.evidence for v in events)
    assert any(v.date == "2013-03-09" for v in events)
