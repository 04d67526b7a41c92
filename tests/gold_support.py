"""Checks shared by the format tests of the hand-made golds (tests/test_gold_*.py): how a quote is
found in its article, what a well-written gold date is, what a well-formed figure is."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STANCES = {"says", "estimates", "claims", "denies", "acknowledges", "disputes", "doubts"}
AS_OF = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@cache
def flat_text(path: str) -> str:
    """The article at repository-relative ``path`` with its whitespace runs made single spaces."""
    return " ".join((ROOT / path).read_text(encoding="utf-8").split())


def quoted(doc: str, evidence: str) -> bool:
    """``evidence`` occurs verbatim (up to whitespace) in the article ``doc``."""
    return " ".join(evidence.split()) in flat_text(doc)


def valid_date(value: str, granularity: str) -> bool:
    """True when value is an ISO date written at exactly the given granularity."""
    try:
        if granularity == "day":
            return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and bool(dt.date.fromisoformat(value))
        if granularity == "week":
            m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
            return bool(m) and bool(dt.date.fromisocalendar(int(m[1]), int(m[2]), 1))
        if granularity == "month":
            m = re.fullmatch(r"(\d{4})-(\d{2})", value)
            return bool(m) and 1 <= int(m[2]) <= 12
        if granularity == "year":
            return bool(re.fullmatch(r"\d{4}", value))
        if granularity == "range":
            start, end = value.split("/")
            return valid_date(start, "day") and valid_date(end, "day") and start <= end
    except ValueError:
        return False
    return False


def assert_figure_well_formed(f: dict[str, Any], listed: set[str]) -> None:
    """One gold figure: in a listed article, quoted verbatim, a value range, a bound, a date, a
    measure, and a stance only with a source."""
    assert f["doc"] in listed, f["doc"]
    assert quoted(f["doc"], f["evidence"]), (f["doc"], f["evidence"])
    low, high = f["value"]
    assert isinstance(low, (int, float)) and isinstance(high, (int, float)) and low <= high, f
    assert f["bound"] in (None, "lower", "upper"), f
    assert isinstance(f["approximate"], bool), f
    assert f["as_of"] is None or AS_OF.fullmatch(f["as_of"]), f
    assert f["measure"], f
    assert f["stance"] is None or f["stance"] in STANCES, f
    if f["source"] is None:
        assert f["source_entity"] is None and f["stance"] is None, f
