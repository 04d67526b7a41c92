"""Report dates (ISO 8601 at the precision the text supports) read back into parts for exports."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True)
class DateParts:
    """``precision`` is day | week | month | year; ``first``/``last`` bound the period."""

    iso: str
    precision: str
    year: int
    month: int | None
    day: int | None
    first: date
    last: date


def parse(value: str | None) -> DateParts | None:
    """Parts of ``2011-03-19``, ``2011-03``, ``2011``, ``2011-W12`` (a time part is dropped); None otherwise."""
    if not value:
        return None
    value = value.strip()
    m = _WEEK.match(value)
    if m:
        try:
            first = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        return DateParts(value, "week", int(m.group(1)), None, None, first, first + timedelta(days=6))
    m = _ISO.match(value)
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    try:
        if d is not None and mo is not None:
            first = last = date(y, mo, d)
            return DateParts(value[:10], "day", y, mo, d, first, last)
        if mo is not None:
            first = date(y, mo, 1)
            nxt = date(y + (mo == 12), mo % 12 + 1, 1)
            return DateParts(value[:7], "month", y, mo, None, first, nxt - timedelta(days=1))
        if y < 1:
            return None
        return DateParts(value[:4], "year", y, None, None, date(y, 1, 1), date(y, 12, 31))
    except ValueError:
        return None


def sort_key(value: str | None) -> tuple[str, int]:
    """Chronological order; a coarser period sorts before the days inside it."""
    p = parse(value)
    if p is None:
        return ("9999", 9)
    return (p.first.isoformat(), {"year": 0, "month": 1, "week": 2, "day": 3}[p.precision])
