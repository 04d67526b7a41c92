"""Year spans: two year TIMEX3s joined as one range ("1982-87", "2003-04", "1997-2001", "1994 to 1997").

TimeML marks the two ends of a span as two expressions (TE3/TimeBank: "1957-58" is 1957 and 58 = 1958);
a consumer that dates a sentence by its first expression would read "(1982-87)" as 1982. ``year_span_end``
tells it the year the span closes, so the sentence is placed on the range, not on its first year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Timex

_YEAR = re.compile(r"^\d{4}$")
_JOIN = re.compile(r"^(?:\s*[-–/]\s*|\s+(?:to|through|until|till|thru)\s+)$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def year_span_end(text: str, timexes: Sequence[Timex], t: Timex) -> int | None:
    """The closing year when the year timex ``t`` opens a span of years ("1982-87", "1994 to 1997",
    "between 1982 and 1992"), else None. The closing year must come after the opening one."""
    if not _YEAR.match(t.value or ""):
        return None
    nxt = min((x for x in timexes if x.start >= t.end), key=lambda x: x.start, default=None)
    if nxt is None or not _YEAR.match(nxt.value or ""):
        return None
    gap = text[t.end:nxt.start]
    joined = _JOIN.match(gap) or (gap.strip().lower() == "and" and _BETWEEN.search(text[max(0, t.start - 12):t.start]))
    if not joined:
        return None
    end = int(nxt.value)
    return end if int(t.value) < end <= int(t.value) + 99 else None


def closes_year_span(text: str, timexes: Sequence[Timex], t: Timex) -> bool:
    """Whether the year timex ``t`` is the closing year of a span another year timex opens."""
    prev = max((x for x in timexes if x.end <= t.start), key=lambda x: x.end, default=None)
    return prev is not None and year_span_end(text, timexes, prev) == int(t.value) if _YEAR.match(t.value or "") \
        else False
