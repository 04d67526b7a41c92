"""A sentence that names another time than its article's news is never put on the news day, on the
real reports of a dairy building fire of the round-6 ECB+ gold (development data since round 7): the
fire's articles tell the colony's history ("In the 1950s", "Within five years", "in the mid-1980s")
between the steps of the fire. A written decade is the range of its ten years; a time the layer
cannot place (the mid-1980s, a span of years) gives the sentence no day at all, also when undated
steps of the news day become events of their own (``layer.OWN_UNDATED``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.evaluate.events import analyse
from dateline.events import layer
from dateline.model import Event

ROOT = Path(__file__).resolve().parent.parent
FIRE = "tests/corpora/ecbplus_r6/articles/dairy_building_fire_2012"
ARTICLES = [f"{FIRE}/13_{n}ecbplus.txt" for n in (8, 13)]


@pytest.fixture(scope="module")
def report():  # noqa: ANN201
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(layer, "OWN_UNDATED", True)
        rep, _paths, rejected = analyse([ROOT / a for a in ARTICLES], ARTICLES)
    assert not rejected
    return rep


def _with(rep, needle: str) -> list[Event]:  # noqa: ANN001
    docs = {d.id: d for d in rep.documents}
    return [ev for ev in rep.events if any(needle in docs[s.doc].text[s.start:s.end] for s in ev.evidence)]


def test_a_written_decade_is_a_range_of_ten_years(report) -> None:  # noqa: ANN001
    hits = _with(report, "dairy operators fought a losing battle")
    assert [(ev.date, ev.granularity, ev.date_end) for ev in hits] == [("1950-01-01", "range", "1959-12-31")]


@pytest.mark.parametrize("needle", ["half of the settlers gave up and left",  # "Within five years"
                                    "It was taken over by the state in the mid-1980s"])
def test_a_sentence_naming_a_time_it_cannot_be_placed_at_gets_no_day(report, needle: str) -> None:  # noqa: ANN001
    fire_days = {ev.date for ev in _with(report, "burned to the ground in a spectacular fire")}
    assert fire_days == {"2012-08-07"}  # the news day the undated steps of these articles are placed on
    assert _with(report, needle) == []


def test_timex_date_reads_only_a_written_decade() -> None:
    assert layer.timex_date("195", "In ", None, "the 1950s") == ("1950-01-01", "range", "1959-12-31")
    assert layer.timex_date("198", "in ", None, "the mid-1980s") is None
    assert layer.timex_date("198", "", None, "nearly two decades ago") is None
