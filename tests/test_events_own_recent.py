"""The TimeBank relation model as a gate on undated steps (``layer.OWN_RECENT``, off by default), on the real
articles of a supermarket fire of the round-5 ECB+ gold (development data since round 6): with the undated
steps placed on their article's reference day (``OWN_UNDATED`` and ``OWN_REF`` on), asking the model that a
step lies on the article's news days only removes events, and keeps the fire's undated step."""

from __future__ import annotations

import pytest

from dateline.events import layer
from tests.events_support import run_fire


def _run(recent: float):  # noqa: ANN202
    return run_fire(OWN_UNDATED=True, OWN_REF=True, OWN_RECENT=recent)


@pytest.fixture(scope="module")
def reports():  # noqa: ANN201
    return _run(0.0), _run(0.5)


def _told(rep) -> set[tuple[str, str, int, int]]:  # noqa: ANN001
    return {(ev.date, sp.doc, sp.start, sp.end) for ev in rep.events for sp in ev.evidence}


def test_the_gate_only_removes_undated_steps(reports) -> None:  # noqa: ANN001
    ungated, gated = reports
    assert len(gated.events) <= len(ungated.events)
    assert _told(gated) <= _told(ungated)


def test_the_fire_step_stays_on_the_fire_day(reports) -> None:  # noqa: ANN001
    _ungated, gated = reports
    docs = {d.id: d for d in gated.documents}
    found = [ev for ev in gated.events if any("is accused of setting fire" in docs[sp.doc].text[sp.start: sp.end]
                                              for sp in ev.evidence)]
    assert [(ev.date, ev.granularity) for ev in found] == [("2013-07-21", "day")]


def test_undated_sentences_carry_their_timex_context(reports) -> None:  # noqa: ANN001
    _ungated, gated = reports
    mentions = layer.mentions_of(gated.documents, {}, {})
    undated = [m for m in mentions if not m.date and m.pattern and m.pattern[0] == "days"]
    assert undated and all(any(c.startswith("last=") for c in m.context) for m in undated)
