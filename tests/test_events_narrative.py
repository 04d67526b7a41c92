"""Undated sentences of the news: the days they may tell, and the events they join or make, on real
sentences and articles of the round-4 ECB+ tune split (a jewellery-store raid reported by several
sources the same day)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.evaluate.events import analyse
from dateline.events import layer
from dateline.events.narrative import continues, inherited_days, reports_happening

ROOT = Path(__file__).resolve().parent.parent
HEIST = "tests/corpora/ecbplus/articles/paris_jewellery_heist_2013"
ARTICLES = [f"{HEIST}/24_{n}ecbplus.txt" for n in (2, 5, 6, 7)]


def test_happenings_are_told_by_past_perfect_or_progressive_verbs() -> None:
    assert reports_happening("Forensic teams were examining the crime scene on Rue de Castiglione "
                             "in Paris' first arrondissement.")
    assert reports_happening("At least 46 demonstrators were arrested along Church Ave.")
    assert reports_happening("A police officer suffered a gash in the face when a tossed brick hit him.")


def test_states_quotes_and_plans_are_not_happenings() -> None:
    assert not reports_happening("Paris has also been the scene of high-profile robberies.")
    assert not reports_happening("The heist near Place Vendome is the latest to hit France after a "
                                 "spate of high-profile robberies in the southern resort of Cannes.")
    assert not reports_happening('"That just stopped the original intention of the night," he said.')
    assert not reports_happening("The webcast will be available for 10 days after the conference call.")


def test_days_an_undated_sentence_may_tell() -> None:
    pub = dt.date(2013, 3, 12)
    past = "One person is believed to have been arrested, and no injuries were reported."
    assert inherited_days(pub, None, past) == ("2013-03-12", "2013-03-11")
    assert inherited_days(pub, "2013-03-09", past) == ("2013-03-12", "2013-03-11", "2013-03-09")
    # a present progressive is the state at the publication day
    now = "Forensic policemen are currently going through the site of the robbery at the Casty store."
    assert inherited_days(pub, None, now) == ("2013-03-12",)


def test_pronoun_openings_continue_the_previous_sentence() -> None:
    assert continues("They then set fire to the vehicle and escaped in another car.")
    assert not continues("Forensic policemen are examining the Casty store.")


@pytest.fixture(scope="module")
def report():  # noqa: ANN201
    """The heist articles with new events from undated sentences switched on (off by default:
    on the round-4 blind floors they cost date accuracy)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(layer, "INHERIT_NEW", 0.7)
        rep, _paths, rejected = analyse([ROOT / a for a in ARTICLES], ARTICLES)
    assert not rejected
    return rep


def _texts(rep, ev) -> list[str]:  # noqa: ANN001
    docs = {d.id: d for d in rep.documents}
    return [docs[s.doc].text[s.start:s.end] for s in ev.evidence]


def test_same_day_undated_reports_of_two_sources_make_an_event(report) -> None:  # noqa: ANN001
    """'Forensic teams were examining the crime scene' / 'Forensic policemen are examining the Casty
    store': no date expression, told by independent sources published on 9 September 2013."""
    hits = [ev for ev in report.events if any(t.startswith("Forensic") for t in _texts(report, ev))]
    assert len(hits) == 1
    ev = hits[0]
    assert ev.date == "2013-09-09" and ev.granularity == "day"
    assert ev.sources >= 2


def test_background_statements_join_no_event(report) -> None:  # noqa: ANN001
    texts = [t for ev in report.events for t in _texts(report, ev)]
    assert not any("has also been the scene" in t for t in texts)
