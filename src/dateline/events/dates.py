"""Which day each sentence talks about.

Dates come from the document's timexes (TIMEX stage) when it has any; otherwise from a
light fallback of our own: explicit day mentions ("March 19", "19 March 2011"), weekday
names and "yesterday"/"today", resolved against the publication date. Reader-comment
stamps ("March 1, 2011 at 6:21 pm | Reply") are not mentions of the story.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..lexicon import MONTH_ABBREVS_EN, WEEKDAYS_EN
from ..model import Document

_MONTHS = MONTH_ABBREVS_EN
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_MD = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:\s*,?\s*(\d{4})\b)?")
_DM = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:\s*,?\s*(\d{4})\b)?")
_WEEKDAYS = WEEKDAYS_EN
_WD = re.compile(r"\b(next\s+|last\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_REL = re.compile(r"\b(yesterday|today|tonight|this morning|this afternoon|this evening)\b", re.I)
_STAMP = re.compile(r"^\s*,?\s*(?:\d{4}\s*)?(?:at\s+)?\d{1,2}:\d{2}\s*[ap]\.?m", re.I)
_REPLY = re.compile(r"\|\s*Reply\b|\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*\|")


@dataclass
class DateRef:
    """A day (or month, ``day`` false) a sentence refers to."""

    date: dt.date
    day: bool
    explicit: bool  # written as a calendar date, not "on Monday"/"today"


def parse_iso(value: str | None) -> dt.date | None:
    """The calendar date of a ``YYYY-MM-DD...`` string, else None (also for partial dates)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _resolve_year(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """Year of a month-day without one: the closest to the anchor, preferring the past."""
    best: tuple[float, dt.date] | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        delta = (d - anchor).days
        cost = abs(delta) * (3 if delta > 7 else 1)
        if best is None or cost < best[0]:
            best = (cost, d)
    return best[1] if best else None


def _month_day(month_word: str, day: str, year: str | None, anchor: dt.date | None) -> dt.date | None:
    m = _MONTHS.get(month_word[:3].lower())
    d = int(day)
    if not m or not 1 <= d <= 31:
        return None
    if year:
        try:
            return dt.date(int(year), m, d)
        except ValueError:
            return None
    return _resolve_year(m, d, anchor) if anchor else None


def fallback_refs(sentence: str, anchor: dt.date | None) -> list[DateRef]:
    """Day references of one sentence found by our own patterns (used when there are no timexes)."""
    if _REPLY.search(sentence):
        return []
    out: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    for rx, order in ((_MD, (0, 1, 2)), (_DM, (1, 0, 2))):
        for m in rx.finditer(sentence):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if _STAMP.match(sentence[m.end():]):
                continue
            g = m.groups()
            month_word, day, year = g[order[0]], g[order[1]], g[order[2]]
            d = _month_day(month_word, day, year, anchor)
            if d:
                out.append(DateRef(d, True, True))
                taken.append((m.start(), m.end()))
    if anchor is None:
        return out
    for m in _WD.finditer(sentence):
        if any(s <= m.start() < e for s, e in taken):
            continue
        wd = _WEEKDAYS.index(m.group(2).lower())
        delta = (anchor.weekday() - wd) % 7
        if (m.group(1) or "").lower().startswith("next"):
            d = anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7 or 7)
        else:
            d = anchor - dt.timedelta(days=delta)
        out.append(DateRef(d, True, False))
    for m in _REL.finditer(sentence):
        d = anchor - dt.timedelta(days=1) if m.group(1).lower() == "yesterday" else anchor
        out.append(DateRef(d, True, False))
    return out


def timex_refs(doc: Document, start: int, end: int) -> list[DateRef]:
    """Day/month references from the document's timexes inside ``[start, end)`` (comment stamps skipped)."""
    out: list[DateRef] = []
    if _REPLY.search(doc.text[start:end]):
        return out
    for t in doc.timexes:
        if t.type not in ("DATE", "TIME") or t.start < start or t.end > end:
            continue
        if t.type == "DATE" and _STAMP.match(doc.text[t.end : t.end + 20]):
            continue
        v = t.value or ""
        if re.match(r"\d{4}-\d{2}-\d{2}(?:$|T)", v):
            d = parse_iso(v)
            if d:
                explicit = bool(_MD.search(t.text) or _DM.search(t.text))
                out.append(DateRef(d, True, explicit))
        elif re.fullmatch(r"\d{4}-\d{2}", v):
            out.append(DateRef(dt.date(int(v[:4]), int(v[5:7]), 1), False, True))
    return out


def sentence_refs(doc: Document, source: str = "auto") -> list[list[DateRef]]:
    """For every sentence of ``doc``, the dates it refers to.

    ``source``: "timex" (the document's timexes), "fallback" (our patterns), "auto" (timexes
    when the document has any, else the patterns) or "union" (both, deduplicated by day).
    """
    anchor = parse_iso(doc.published)
    use_timex = source == "timex" or (source == "auto" and bool(doc.timexes))
    out = []
    for s, e in doc.sentences:
        if source == "union":
            refs = timex_refs(doc, s, e)
            have = {r.date for r in refs}
            refs += [r for r in fallback_refs(doc.text[s:e], anchor) if r.date not in have]
            out.append(refs)
        elif use_timex:
            out.append(timex_refs(doc, s, e))
        else:
            out.append(fallback_refs(doc.text[s:e], anchor))
    return out
