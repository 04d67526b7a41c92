"""The learned relation of an event to its article's date (``events.reftime``), on AQUAINT: the TempEval-3
half the model never saw (it trains on TimeBank). The event words the annotators linked to the
document's day or the day before must score higher on "recent" than those they linked to an earlier
period or to a later one; real text, the annotators' TLINKs, no threshold of ours."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from dateline.events import reftime

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("train_reftime_model", ROOT / "scripts" / "train_reftime_model.py")


@pytest.fixture(scope="module")
def examples(shared_data: Path):  # noqa: ANN201
    """(class, probabilities) of every labelled event word of 24 AQUAINT documents."""
    mod = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
    _spec.loader.exec_module(mod)  # type: ignore[union-attr]
    files = sorted((shared_data / "tempeval3-tbaq" / "AQUAINT").glob("*.tml"))[:24]
    X, y, _groups, _undated = mod.examples(files)
    assert len(y) > 150 and set(y) == set(reftime.CLASSES)
    return [(c, reftime.probabilities(list(x))) for x, c in zip(X, y, strict=True)]


def _auc(pos: list[float], neg: list[float]) -> float:
    return sum((a > b) + 0.5 * (a == b) for a in pos for b in neg) / (len(pos) * len(neg))


def test_recent_happenings_score_above_the_past_and_the_future(examples) -> None:  # noqa: ANN001
    recent = [p["recent"] for c, p in examples if c == "recent"]
    past = [p["recent"] for c, p in examples if c == "past"]
    future = [p["recent"] for c, p in examples if c == "future"]
    assert _auc(recent, past) > 0.7
    assert _auc(recent, future) > 0.7


def test_relation_of_timex_values_to_the_publication_day() -> None:
    day = dt.date(2013, 7, 22)
    assert reftime.relation("2013-07-22", day) == "recent"
    assert reftime.relation("2013-07-21T22:00", day) == "recent"
    assert reftime.relation("2013-07-19", day) == "past"
    assert reftime.relation("2013-07-23", day) == "future"
    assert reftime.relation("2013-07", day) == "current"
    assert reftime.relation("2012", day) == "past"
    assert reftime.relation("P3D", day) is None


def test_a_scheduled_sentence_is_less_recent_than_a_happening() -> None:
    ctx = reftime.context(3, False, "recent", 1)
    assert reftime.recent("The firm will announce its results next month.", ctx) < \
        reftime.recent("Police arrested the driver at the scene.", ctx)
