"""An article's reference time: the placing of weekday timexes in an article without a date against
the day of its lead's happening, ranges opened by "since" at month and year granularity, and the
present of a habit ("Today, X is frequently used") that names no day. Real articles of the round-4
ECB+ tune split (a police shooting and the protests of the following nights, one article undated)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.evaluate.events import analyse
from dateline.events.layer import timex_date
from dateline.events.narrative import place

ROOT = Path(__file__).resolve().parent.parent
STORY = "tests/corpora/ecbplus/articles/brooklyn_police_shooting_protests_2013"
ARTICLES = [f"{STORY}/19_{n}ecbplus.txt" for n in (1, 3, 4, 6, 9, 10)]


def test_weekdays_and_month_days_are_placed_near_the_reference_day() -> None:
    assert place(("weekday", 6), "2013-03-09") == "2013-03-09"  # the reference day itself
    assert place(("weekday", 2), "2013-03-09") == "2013-03-12"  # the Tuesday after a Saturday
    assert place(("weekday", 4), "2013-03-09") == "2013-03-07"  # ... the Thursday before it
    assert place(("monthday", 12, 30), "2014-01-02") == "2013-12-30"  # across the new year
    assert place(("near",), "2013-03-09") is None  # "yesterday": the unknown publication day's


def test_since_opens_a_range_at_month_and_year_granularity() -> None:
    pub = dt.date(2011, 11, 11)
    assert timex_date("2011-06", "uprooted since ", pub) == ("2011-06-01", "range", "2011-11-11")
    assert timex_date("1955", "years since ", None) == ("1955-01-01", "range", None)
    assert timex_date("2011-06", "in ", pub) == ("2011-06", "month", None)


@pytest.fixture(scope="module")
def report():  # noqa: ANN201
    rep, _paths, rejected = analyse([ROOT / a for a in ARTICLES], ARTICLES)
    assert not rejected
    return rep


def test_an_undated_articles_weekdays_are_placed_by_its_lead(report) -> None:  # noqa: ANN001
    """19_9 prints no date; its lead's "late Saturday night" joins the shooting the other articles
    date to Saturday 9 March 2013, so its "early Tuesday morning" is the Tuesday after."""
    docs = {d.id: d for d in report.documents}
    undated = next(d for d in report.documents if d.title and "Snyder" in d.text and not d.published)
    hits = [ev for ev in report.events for s in ev.evidence
            if s.doc == undated.id and "barricaded Snyder" in docs[s.doc].text[s.start:s.end]]
    assert [(ev.date, ev.granularity) for ev in hits] == [("2013-03-12", "day")]


def test_a_denial_is_an_event_apart_from_what_it_denies() -> None:
    """Two sentences of a round-4 ECB+ refugee-camp article (41_1): the attack and its denial name the
    same armed forces and are close in meaning (cosine ~0.57), yet are two happenings, whether the
    denial is dated or floats ("Thursday" in a page without a date)."""
    from dateline.events import layer

    pub = dt.date(2011, 11, 10)
    attack = "The Sudan Armed Forces, or SAF, attacked a refugee camp in South Sudan at 2:53 p. m. local time today."
    denial = "A SAF spokesman denied the attack occurred."
    dated = [layer.Mention(0, 0, len(attack), attack, "2011-11-10", "day", None, "a", pub, ["saf"]),
             layer.Mention(1, 0, len(denial), denial, "2011-11-10", "day", None, "b", pub, ["saf"])]
    assert sorted(map(sorted, layer._cluster(dated))) == [[0], [1]]
    floating = [dated[0], layer.Mention(1, 0, len(denial), denial, "", "", None, "b", None, ["saf"],
                                        pattern=("weekday", 4))]
    assert layer._cluster(floating) == [[0]]
