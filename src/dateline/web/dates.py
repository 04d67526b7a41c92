"""ISO dates at any precision (``2011``, ``2011-03``, ``2011-03-31``, ``2011-W12``) as day ranges."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by an ISO date string; None when it is not a date."""
    if not value:
        return None
    try:
        m = _WEEK.match(value)
        if m:
            first = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return first, first + dt.timedelta(days=6)
        m = _DAY.match(value)
        if not m:
            return None
        y = int(m.group(1))
        if m.group(2) is None:
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        mo = int(m.group(2))
        if m.group(3) is None:
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        d = dt.date(y, mo, int(m.group(3)))
        return d, d
    except ValueError:
        return None


def midpoint(value: str | None) -> dt.date | None:
    """The day halfway through the span a report date covers, else None."""
    b = bounds(value)
    if not b:
        return None
    return b[0] + (b[1] - b[0]) / 2


def in_range(value: str | None, start: str | None, end: str | None) -> bool:
    """Whether the period ``value`` overlaps ``[start, end]`` (open ends allowed)."""
    if not start and not end:
        return True
    b = bounds(value)
    if not b:
        return False
    lo = bounds(start)
    hi = bounds(end)
    if lo and b[1] < lo[0]:
        return False
    if hi and b[0] > hi[1]:
        return False
    return True
