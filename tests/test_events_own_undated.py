"""Undated steps of a happening as events of their own (``layer.OWN_UNDATED``, off by default), on the
real articles of a supermarket fire of the round-5 ECB+ gold (development data since round 6): the
fire's reports tell its steps (crews attended, a man is accused of setting the fire) with no date of
their own; each step is an event of the fire's day, apart from the events the dated sentences make."""

from __future__ import annotations

import pytest

from tests.events_support import run_fire


def _run(on: bool):  # noqa: ANN202
    return run_fire(OWN_UNDATED=on)


@pytest.fixture(scope="module")
def reports():  # noqa: ANN201
    return _run(False), _run(True)


def _events_told_by(rep, words: str) -> list:  # noqa: ANN001
    docs = {d.id: d for d in rep.documents}
    return [ev for ev in rep.events
            if any(words in docs[sp.doc].text[sp.start: sp.end] for sp in ev.evidence)]


def test_an_undated_step_of_the_fire_is_an_event_of_the_fire_day(reports) -> None:  # noqa: ANN001
    off, on = reports
    step = "is accused of setting fire"
    assert not _events_told_by(off, step)
    found = _events_told_by(on, step)
    assert len(found) == 1
    ev = found[0]
    assert (ev.date, ev.granularity) == ("2013-07-21", "day")  # the day the articles date the blaze
    assert len(ev.evidence) == 1  # a step of its own, not a sentence added to the fire service's event


def test_undated_steps_add_events_and_keep_the_dated_ones(reports) -> None:  # noqa: ANN001
    off, on = reports
    assert len(on.events) > len(off.events)
    dated = {(ev.date, ev.title) for ev in off.events}
    assert dated <= {(ev.date, ev.title) for ev in on.events}
