"""Checks of the metadata a reader takes from its input (JSONL fields, WARC headers, file paths).

Each check returns the value to use (or None) and, when the value was refused, the reason. A
refused value is never stored as if it were good: the reader leaves the field empty, records
``meta["metadata_refused"][field] = "<value>: <reason>"`` and analysis goes on without it (a
refused publication date means the date is found from the page or the text instead).
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

MAX_ID_CHARS = 400  # the store's id column holds 512; a suffix may be added for uniqueness
MAX_URL_CHARS = 2048
MAX_TITLE_CHARS = 1000
MAX_DATE_CHARS = 64
EARLIEST_YEAR = 1800  # digitised newspaper archives reach back this far
FUTURE_SLACK = dt.timedelta(days=2)  # time zones and clocks a little ahead; more is not a publication date

_ISO = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?"
    r"(?P<time>[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?$", re.I)
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")
_TIME = re.compile(r"^[T ](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _shown(value: Any, limit: int = 60) -> str:
    s = repr(value) if not isinstance(value, str) else value
    s = _CONTROL.sub("?", s)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def _check_ymd(y: int, m: int | None, d: int | None) -> str | None:
    """The reason a year/month/day is not a real, plausible publication date, or None."""
    if m is not None and not 1 <= m <= 12:
        return f"month {m} does not exist"
    if d is not None and m is not None and not 1 <= d <= calendar.monthrange(y, m)[1]:
        return f"day {d} does not exist in {calendar.month_name[m]} {y}"
    if y < EARLIEST_YEAR:
        return f"year {y} is before {EARLIEST_YEAR}"
    latest = _today() + FUTURE_SLACK
    first = dt.date(y, m or 1, d or 1)
    if first > latest:
        return "in the future"
    return None


def check_date(value: Any) -> tuple[str | None, str | None]:
    """A declared publication date: ``(value to use, None)`` or ``(None, reason refused)``.

    Accepted: ISO 8601 (``2011-03-19``, ``2011-03``, ``2011``, with a time and zone), compact
    ``20110319``, RFC 2822 (``Sat, 19 Mar 2011 10:00:00 GMT``) and written dates with day, month
    and year (``March 19, 2011``, read by dateparser). A number is refused: ``12345`` could be
    a timestamp in seconds, milliseconds or days, or an id. The accepted value is returned as
    given (stripped), for the dating stage to read; it is a real calendar day, not after today.
    """
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        return None, f"{_shown(value)}: {_kind(value)}, not a date string"
    s = value.strip()
    if not s:
        return None, None
    if len(s) > MAX_DATE_CHARS:
        return None, f"{_shown(s)}: too long for a date ({len(s)} characters)"
    m = _ISO.match(s) or _COMPACT.match(s)
    if m:
        y, mo, d = int(m["y"]), m["m"] and int(m["m"]), m["d"] and int(m["d"])
        why = _check_ymd(y, mo or None, d or None)
        if why is None and "time" in m.groupdict() and m["time"]:
            t = _TIME.match(m["time"])
            if t and (int(t["h"]) > 23 or int(t["mi"]) > 59 or (t["s"] and int(t["s"]) > 60)):
                why = f"time {m['time'].strip()} does not exist"
        return (s, None) if why is None else (None, f"{_shown(s)}: {why}")
    if re.fullmatch(r"[+-]?\d+(?:\.\d+)?", s):
        return None, f"{_shown(s)}: a bare number, not a date"
    try:
        parsed = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError, OverflowError):
        parsed = None
    if parsed is not None:
        why = _check_ymd(parsed.year, parsed.month, parsed.day)
        return (s, None) if why is None else (None, f"{_shown(s)}: {why}")
    from ..dating.pubdate_text import parse_full_date

    iso = parse_full_date(s)
    if iso is None:
        return None, f"{_shown(s)}: not a recognisable date (day, month and year)"
    y, mo, d = (int(x) for x in iso.split("-"))
    why = _check_ymd(y, mo, d)
    return (s, None) if why is None else (None, f"{_shown(s)}: {why}")


def check_id(value: Any) -> tuple[str | None, str | None]:
    """A declared document id: a string (or a whole number) without control characters, not too long."""
    if value is None or value == "":
        return None, None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None, f"{_shown(value)}: {_kind(value)}, not an id"
    s = str(value)
    if _CONTROL.search(s):
        return None, f"{_shown(s)}: holds control characters"
    s = unicodedata.normalize("NFC", s.strip())
    if not s:
        return None, "blank id"
    if len(s) > MAX_ID_CHARS:
        return None, f"{_shown(s)}: too long for an id ({len(s)} characters > {MAX_ID_CHARS})"
    return s, None


def check_url(value: Any) -> tuple[str | None, str | None]:
    """A declared URL: absolute http(s) with a host, no spaces or control characters, not too long."""
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        return None, f"{_shown(value)}: {_kind(value)}, not a URL"
    s = value.strip()
    if len(s) > MAX_URL_CHARS:
        return None, f"{_shown(s)}: too long for a URL ({len(s)} characters)"
    if _CONTROL.search(s) or re.search(r"\s", s):
        return None, f"{_shown(s)}: holds spaces or control characters"
    try:
        parts = urlsplit(s)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return None, f"{_shown(s)}: not a URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return None, f"{_shown(s)}: not an http(s) URL"
    if not host:
        return None, f"{_shown(s)}: no host"
    return s, None


def check_title(value: Any) -> tuple[str | None, str | None]:
    """A declared title: a string, control characters removed, whitespace collapsed, length capped."""
    if value is None:
        return None, None
    if not isinstance(value, str):
        return None, f"{_shown(value)}: {_kind(value)}, not a title"
    s = " ".join(_CONTROL.sub(" ", value).split())
    if not s:
        return None, None
    if len(s) > MAX_TITLE_CHARS:
        return None, f"{_shown(s)}: too long for a title ({len(s)} characters > {MAX_TITLE_CHARS})"
    return s, None


CHECKS = {"published": check_date, "id": check_id, "url": check_url, "title": check_title}


def checked(fields: dict[str, Any], refused: dict[str, str]) -> dict[str, str | None]:
    """Each of ``fields`` (name -> declared value) checked; refusals are added to ``refused``."""
    out: dict[str, str | None] = {}
    for name, value in fields.items():
        good, why = CHECKS[name](value)
        out[name] = good
        if why:
            refused[name] = why
    return out
