"""The T17 / tilse text timeline: a ``YYYY-MM-DD`` line, one sentence per line, a line of 32 dashes.

Dates are day-granular in this format (tilse parses them as days), so timeline entries at a
coarser precision (month, week, year) are left out, with a warning on stderr, rather than
pinned to an invented day. Sentences are the entry's summary: its evidence spans when the
summary is exactly those sentences, else the summary split at sentence ends. Entries sharing a date are merged, in date order.
"""

from __future__ import annotations

import logging
import re

from ..model import Report
from .dates import parse
from .evidence import Evidence, one_line

log = logging.getLogger(__name__)
SEPARATOR = "-" * 32
_SENT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """The sentences of a text, made one line each."""
    return [s.strip() for s in _SENT.split(one_line(text)) if s.strip()]


def render(report: Report) -> str:
    ev = Evidence(report)
    events = {v.id: v for v in report.events}
    by_date: dict[str, list[str]] = {}
    skipped = 0
    for entry in report.timeline:
        p = parse(entry.date)
        if p is None or p.precision != "day":
            skipped += 1
            continue
        sents = [t for t in (ev.text(s) for s in entry.evidence) if t]
        summary = one_line(entry.summary)
        if summary and " ".join(sents) != summary:  # the summary is not exactly its evidence: split it
            sents = split_sentences(summary)
        if not sents:
            sents = [one_line(events[v].title) for v in entry.events if v in events]
        bucket = by_date.setdefault(p.iso, [])
        bucket.extend(s for s in sents if s not in bucket)
    if skipped:
        log.warning("tilse: %d timeline entries without a day-precise date left out", skipped)
    lines: list[str] = []
    for day in sorted(by_date):
        if not by_date[day]:
            continue
        lines.append(day)
        lines.extend(by_date[day])
        lines.append(SEPARATOR)
    return "\n".join(lines) + ("\n" if lines else "")
