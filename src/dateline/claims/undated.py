"""The date a figure of an undated article is as of: the story's day the text points to.

An article whose publication date is unknown still says when things happened ("on Monday",
"here Friday"); read against the story's other articles, that is a day. Without a weekday the
most common publication day of the articles closest to it stands in.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from ..lexicon import WEEKDAYS_EN
from ..model import Document

_WEEKDAYS = WEEKDAYS_EN
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)


_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _day(d: Document) -> date | None:
    try:
        return date.fromisoformat((d.published or "")[:10])
    except ValueError:
        return None


def story_day(doc: Document, docs: list[Document]) -> date | None:
    """The publication day of the dated articles closest to ``doc`` (sharing the most names with
    it: the articles of its own story when several stories come in together), the most common
    one, the earliest on a tie."""
    names = set(_NAME.findall(doc.text))
    scored = [(len(names & set(_NAME.findall(d.text))), day) for d in docs if (day := _day(d)) is not None]
    if not scored:
        return None
    best = max(n for n, _ in scored)
    days = Counter(day for n, day in scored if n * 2 >= best)
    top = max(days.values())
    return min(day for day, n in days.items() if n == top)


def undated_as_of(doc: Document, day: date | None) -> str | None:
    """The day an undated ``doc`` reports on: its first weekday named, the latest such day on or
    before the story's day ``day``; else ``day`` itself."""
    if day is None:
        return None
    m = _WEEKDAY.search(doc.text)
    if m is None:
        return day.isoformat()
    back = (day.weekday() - _WEEKDAYS.index(m.group(1).lower())) % 7
    return (day - timedelta(days=back)).isoformat()
