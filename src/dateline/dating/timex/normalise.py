"""Normalisers: one function per grammar rule, turning a regex match into TIMEX3 pieces.

Each returns a list of (start, end, value, type) pieces (usually one; ranges give two) or
None to reject the match (a filter said it is not a temporal expression).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from dateutil.easter import easter

from ...lexicon import MONTHS_EN
from .anchor import Anchor, fmt_date, shift, weekday_date, year_for
from .context import Ctx, Piece
from .filters import is_bad_year_context
from .lexicon import (
    DECADE_WORDS,
    NUM_RE,
    PARTS_OF_DAY,
    SEASONS,
    month_number,
    parse_number,
    unit_code,
    weekday_number,
)

NARRATIVE_YEAR = True  # yearless dates take the year the story last named (reference.py)
_POSSESSIVE = re.compile(r" ?['\u2019]s\b")  # "Wednesday's ruling", tokenised "Wednesday 's ruling"
PART_OF_DAY_SUFFIX = True  # "Friday night" -> 2000-01-07TNI, type TIME (TIDES/TimeML guidelines; TimeBank follows them)

MONTHS_FULL = frozenset(MONTHS_EN)

_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _year(text: str, a: Anchor) -> int:
    t = text.strip()
    if t.startswith("'"):
        yy = int(t[1:])
        base = (a.year or 2000) + 10
        y = (base // 100) * 100 + yy
        return y - 100 if y > base else y
    return int(t)


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def _date_value(y: int | None, mo: int, d: int) -> str | None:
    if d < 1 or d > 31:
        return None
    if y is None:
        return f"XXXX-{mo:02d}-{d:02d}"
    if d > calendar.monthrange(y, mo)[1]:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


_ENDED_BEFORE = re.compile(r"\b(?:ended|closed|expired)\s+(?:on\s+)?$", re.IGNORECASE)


def full_date(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'March 31, 2011', 'Thursday, March 31', '31 March 2011', 'March 3-5', 'between 3 and 5 March'."""
    a = ctx.anchor
    mo = month_number(m.group("month"))
    d = _day(m.group("day"))
    ys = _g(m, "year")
    if ys:
        y: int | None = _year(ys, a)
    else:
        # "the fiscal year ended Jan. 31" (in an October report): a period that has ended lies behind
        near = 20 if _ENDED_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()) else 100
        y = year_for(a, mo, d, ctx.tense(m.start(), m.end()), near)
    v = _date_value(y, mo, d)
    if v is None:
        return None
    if not ys and y is not None and NARRATIVE_YEAR and not _g(m, "rday") and not _g(m, "lday"):
        v = f"@YEARLESS:{mo:02d}-{d:02d}:{v}"
    tm = _g(m, "tod") or _g(m, "hh")
    ttype = "DATE"
    if tm:
        tv = _clock(m, ctx)
        if tv:
            v, ttype = v + tv, "TIME"
    pieces: list[Piece] = []
    rday, lday = _g(m, "rday"), _g(m, "lday")
    if rday:  # March 3-5: "March 3" + "5[, 2011]"
        v2 = _date_value(y, mo, _day(rday))
        pieces.append((m.start(), m.end("day"), v, "DATE"))
        if v2:
            pieces.append((m.start("rday"), m.end(), v2, "DATE"))
        return pieces
    if lday:  # between 3 and 5 March: "3" + "5 March"
        v1 = _date_value(y, mo, _day(lday))
        if v1:
            pieces.append((m.start("lday"), m.end("lday"), v1, "DATE"))
        pieces.append((m.start("day"), m.end(), v, "DATE"))
        return pieces
    start = m.start()
    if not _g(m, "wd") and m.group(0)[:4].lower() == "the " and m.group("day")[-2:].isdigit():
        start = m.start("day")  # "the 20 April": the article is not part of it ("the 20th of April" is)
    return [(start, m.end(), v, ttype)]


def iso_date(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    if not 1 <= mo <= 12:
        return None
    v = _date_value(y, mo, d)
    if v is None:
        return None
    if m.group("hh"):
        return [(m.start(), m.end(), f"{v}T{m.group('hh')}:{m.group('mm')}", "TIME")]
    return [(m.start(), m.end(), v, "DATE")]


def numeric_date(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """US style 3/31/2011 (or 31/03/2011 when the first number cannot be a month)."""
    p1, p2 = int(m.group("p1")), int(m.group("p2"))
    y = _year("'" + m.group("y") if len(m.group("y")) == 2 else m.group("y"), ctx.anchor)
    mo, d = (p1, p2) if p1 <= 12 else (p2, p1)
    if not 1 <= mo <= 12:
        return None
    v = _date_value(y, mo, d)
    return [(m.start(), m.end(), v, "DATE")] if v else None


def month_year(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    mo = month_number(m.group("month"))
    y = _year(m.group("year"), ctx.anchor)
    return [(m.start(), m.end(), f"{y:04d}-{mo:02d}", "DATE")]


_BARE_OK_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|from|to|through|during|before|after|early|late|mid|last|next|this"
    r"|that|each|every|between|and|or|for|on|-)\s*)$",
    re.IGNORECASE,
)


# "the March accession", "the May spill": a month used as an attribute of the noun after it
_THE_MONTH_NOUN = re.compile(r"(?i:the)\s(?:March|May)\s(?!(?:of|to|on|for|and|or|in|at|by|with)\b)[a-z]{3,}\b")


def month_only(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'June', 'last November', 'early this month' is elsewhere; 'May'/'March' need a preposition."""
    a = ctx.anchor
    word = m.group("month")
    rel = (_g(m, "rel") or "").lower()
    if word[-1] != "." and word.lower() not in MONTHS_FULL:  # "Jan Kavan": a bare abbreviation is a name
        return None
    if word in ("May", "March") and not rel:
        before = ctx.text[max(0, m.start() - 12):m.start()]
        if not _BARE_OK_BEFORE.search(before) and not _THE_MONTH_NOUN.match(ctx.text, max(0, m.start() - 4)):
            return None
    after = ctx.text[m.end():m.end() + 3]
    if word in ("May", "March") and after[:1] == " " and after[1:2].isupper():
        return None
    mo = month_number(word)
    if a.year is None:
        return [(m.start(), m.end(), f"XXXX-{mo:02d}", "DATE")]
    if a.month is None:
        return [(m.start(), m.end(), f"{a.year:04d}-{mo:02d}", "DATE")]
    if rel == "last":
        y = a.year if mo < a.month else a.year - 1
    elif rel == "next":
        y = a.year if mo > a.month else a.year + 1
    elif rel == "this":
        y = a.year
    else:
        near = 20 if ctx.fronted(m.start(), m.end()) else 100  # "In January, X brought in..."
        y = year_for(a, mo, None, ctx.tense(m.start(), m.end()), near) or a.year
    return [(m.start(), m.end(), f"{y:04d}-{mo:02d}", "DATE")]


def year_only(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    if is_bad_year_context(ctx.text, m.start("year"), m.end("year")):
        return None
    y = _year(m.group("year"), ctx.anchor)
    return [(m.start(), m.end(), f"{y:04d}", "DATE")]


def year_range(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'1957-58', '2003-04', '1998-2004', '2003/04': two years, each its own TIMEX3 as TimeML marks a
    range ("the expedition of 1957-58": 1957 and 58 = 1958 in TE3-Platinum), so that the range keeps
    its end instead of reading as its first year. The end must come after the start ("2012-06" is
    not read as a range)."""
    if is_bad_year_context(ctx.text[:m.end("year")], m.start("year"), m.end("year")):  # what precedes only
        return None
    y = int(m.group("year"))
    end = m.group("end")
    ey = (y // 100) * 100 + int(end) if len(end) == 2 else int(end)
    if not y < ey <= y + 99:
        return None
    return [(m.start(), m.end("year"), f"{y:04d}", "DATE"), (m.start("end"), m.end("end"), f"{ey:04d}", "DATE")]


def decade(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    if _g(m, "dec"):
        return [(m.start(), m.end(), m.group("dec")[:3], "DATE")]
    if _g(m, "sdec"):
        yy = int(m.group("sdec")[:1]) * 10
        y = _year(f"'{yy:02d}", ctx.anchor)
        return [(m.start(), m.end(), f"{y // 10:03d}", "DATE")]
    w = m.group("wdec").lower()
    y = _year(f"'{DECADE_WORDS[w] * 10:02d}", ctx.anchor)
    return [(m.start(), m.end(), f"{y // 10:03d}", "DATE")]


def century(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    n = int(re.match(r"\d+", m.group("cent")).group(0))  # type: ignore[union-attr]
    return [(m.start(), m.end(), f"{n - 1:02d}", "DATE")]


def weekday(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'Thursday', 'last Friday', 'Tuesday morning', 'Friday's': the day before/after the anchor by tense."""
    a = ctx.anchor
    wd = weekday_number(m.group("wd"))
    rel = " ".join((_g(m, "rel") or "").lower().split()).removeprefix("the ")
    part = (_g(m, "part") or "").lower()
    if a.date is None:
        v = f"XXXX-WXX-{wd}"
    else:
        if rel in ("previous", "preceding", "following") and m.group(0).lower().startswith("the"):
            # "the previous Friday", "the following Monday": the day before/after the one the narrative
            # is at (reference.py), like "the following day"; the anchor's when the text named none
            sign = 1 if rel == "following" else -1
            v = weekday_date(a, wd, sign)
            assert v is not None
            if wd == a.date.isoweekday():
                v = fmt_date(a.date + dt.timedelta(days=7 * sign))
            v = f"@WDREF:{sign * wd:+d}:{v}"
        elif rel in ("last", "past", "previous"):
            cur = a.date.isoweekday()
            v = weekday_date(a, wd, -1)
            if wd == cur:
                v = fmt_date(a.date - dt.timedelta(days=7))
        elif rel in ("next", "coming", "following", "this coming"):
            v = weekday_date(a, wd, +1)
            if wd == a.date.isoweekday():
                v = fmt_date(a.date + dt.timedelta(days=7))
        elif rel == "this":
            v = weekday_date(a, wd, 0)
        elif _POSSESSIVE.match(ctx.text, m.end()):
            v = weekday_date(a, wd, -1)  # "Wednesday's ruling": a possessive names what has happened
        else:
            tense = ctx.tense(m.start(), m.end(), present=True)
            v = weekday_date(a, wd, +1 if tense == "future" else -1)
    assert v is not None
    ttype = "DATE"
    if part and PART_OF_DAY_SUFFIX:
        v, ttype = v + "T" + PARTS_OF_DAY[part], "TIME"
    tod = _g(m, "tod")
    if tod:
        tv = _clock(m, ctx)
        if tv:
            v, ttype = v.split("T")[0] + tv, "TIME"
    return [(m.start(), m.end(), v, ttype)]


def month_set(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'each July', 'every March': a set of months (TIMEX3 SET, XXXX-07)."""
    return [(m.start(), m.end(), f"XXXX-{month_number(m.group('month')):02d}", "SET")]


def weekday_set(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    wd = weekday_number(m.group("wd"))
    part = (_g(m, "part") or "").lower().rstrip("s")
    v = f"XXXX-WXX-{wd}"
    if part:
        v += "T" + PARTS_OF_DAY[part]
    return [(m.start(), m.end(), v, "SET")]


_DAYREL = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def day_relative(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """today / yesterday / tomorrow / tonight / this morning / last night / yesterday afternoon."""
    a = ctx.anchor
    w = " ".join(m.group("dw").lower().split())
    part = (_g(m, "part") or "").lower()
    if w in ("this", "last"):
        n = -1 if (w == "last" and part == "night") else 0
        if w == "last" and part != "night":
            return None
    elif w == "the day before yesterday":
        n = -2
    elif w == "the day after tomorrow":
        n = 2
    else:
        n = _DAYREL[w]
    d = a.date
    if d is None:
        if w in ("today", "tonight", "this"):
            v = "PRESENT_REF"
        else:
            v = "PAST_REF" if n < 0 else "FUTURE_REF"
        return [(m.start(), m.end(), v, "DATE")]
    v = fmt_date(d + dt.timedelta(days=n))
    if w == "tonight":
        return [(m.start(), m.end(), v + "TNI", "TIME")]
    if part:
        return [(m.start(), m.end(), v + "T" + PARTS_OF_DAY[part], "TIME")]
    return [(m.start(), m.end(), v, "DATE")]


def _unit_of(word: str) -> str:
    return unit_code(word)


def unit_relative(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """last week / this month / next year / earlier this month / late last year / this weekend."""
    a = ctx.anchor
    rel = " ".join(m.group("rel").lower().split())
    unit = _unit_of(m.group("unit"))
    n = {"last": -1, "this": 0, "next": 1, "the current": 0, "the last": -1, "the previous": -1,
         "the next": 1, "the coming": 1, "the following": 1, "the same": 0, "current": 0}.get(rel)
    if n is None:
        return None
    if unit in ("D", "S", "H", "M") and m.group("unit").lower().startswith(("day", "second", "hour", "minute")):
        return None
    v = shift(a, n, unit) if unit != "WE" else shift(a, n, "WE")
    if v is None:
        v = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[n]
    return [(m.start(), m.end(), v, "DATE")]


def relative_to_reference(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'the following year', 'the previous day', 'the next morning': one unit after/before the date
    the text last gave (reference time). 'the next year/week/month' stays a duration (past_span):
    in news it is mostly 'over the next year'."""
    rel = m.group("rel").lower().split()[-1]
    unit = m.group("unit").lower()
    if rel == "next" and unit not in ("day", "morning"):
        return None
    sign = 1 if rel in ("following", "next") else -1
    code = {"day": "D", "morning": "D", "week": "W", "month": "M", "year": "Y"}[unit]
    part = "TMO" if unit == "morning" else ""
    return [(m.start(), m.end(), f"@SHIFT:{sign}{code}{part}:PAST_REF" if sign < 0 else
             f"@SHIFT:{sign}{code}{part}:FUTURE_REF", "TIME" if part else "DATE")]


def past_span(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'the past year', 'the coming decade', 'the next few weeks' -> durations."""
    unit = _unit_of(m.group("unit"))
    return [(m.start(), m.end(), _dur(1.0, unit), "DURATION")]


_SMALLER = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}


def _dur(n: float | None, unit: str) -> str:
    if unit == "W2":
        unit, n = "W", (n * 2 if n is not None else None)
    if unit == "DE":  # TimeBank writes decades in years: P10Y, and PXY for "decades"
        unit, n = "Y", (n * 10 if n is not None else None)
    if unit == "CE" and n is not None:
        unit, n = "Y", n * 100
    if unit == "Q":  # TIMEX3 durations have no quarter unit: three quarters = P9M
        unit, n = "M", (n * 3 if n is not None else None)
    if n is not None and not float(n).is_integer() and unit in _SMALLER:
        whole = int(n)
        k, small = _SMALLER[unit]
        rest = round((n - whole) * k)
        t = "T" if unit in ("H", "S", "MIN") or small in ("H", "MIN", "S") else ""
        if whole == 0:
            return f"P{t}{rest}{small}".replace("MIN", "M")
        if t and unit not in ("H", "S", "MIN"):  # 1.5 days -> P1DT12H
            return f"P{whole}{unit}T{rest}{small}".replace("MIN", "M")
        return f"P{t}{whole}{unit}{rest}{small}".replace("MIN", "M")
    t = "T" if unit in ("H", "S") or unit == "MIN" else ""
    num = "X" if n is None else (str(int(n)) if float(n).is_integer() else f"{n:g}")
    return f"P{t}{num}{unit}"


def _dur_unit(word: str) -> str:
    w = word.lower()
    if w.startswith("minute"):
        return "MIN"
    return unit_code(w)


# "two to six days", "12 to 18 months", "two or three weeks": TimeML marks the two ends as two TIMEX3
# ("two" P2D, "six days" P6D), the first one borrowing the unit of the second
_RANGE_LOW = re.compile(rf"(?<![\w.,$])(?P<lo>(?i:{NUM_RE}))\s*(?:-|\u2013|\s(?:to|or)\s)\s*$")


def _range_low(m: re.Match[str], ctx: Ctx, unit: str) -> Piece | None:
    """The lower end of a duration range written before ``m`` ("two to" in "two to six days")."""
    if m.group(0)[:1].isalpha() and not m.group("num")[:1].isalpha() or m.start("num") != m.start():
        return None
    if re.match(r"\s+(?i:later|earlier|ago|before|after|from\s+now)\b", ctx.text[m.end():m.end() + 12]):
        return None  # "three or four days later": one point, left to the ago/later rules
    lm = _RANGE_LOW.search(ctx.text, max(0, m.start() - 24), m.start())
    if not lm:
        return None
    lo = parse_number(lm.group("lo"))
    if lo is None or lo > 10000 or re.fullmatch(r"(?:1[5-9]|20)\d\d", lm.group("lo")):
        return None
    v = _dur(lo, unit)
    return lm.start("lo"), lm.end("lo"), v.replace("MIN", "M") if unit == "MIN" else v, "DURATION"


_LAST_VERB = re.compile(r"(?i:last)\s+(?=(?i:about|nearly|almost|roughly|some|more|less|over|at|approximately"
                        r"|around|up|for|until|through|into|beyond)\s)")


def duration(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'three years', 'the past four months', 'a 10-hour', 'nearly two weeks', 'several days'."""
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", m.group("num")):
        return None  # "the 1988 quarter" is a date, not 1,988 quarters
    if re.search(r"(?i:[a-z]-quarters?)$", m.group(0)) or (
            m.group("unit").lower().startswith("quarter") and re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4])):
        return None  # "three-quarters of the vote" is a fraction
    n = parse_number(m.group("num"))
    word = m.group("unit")
    u = _dur_unit(word)
    if n is not None and m.group(0).lower().endswith("and a half"):
        n += 0.5
    low = m.group(0).lower()
    if low.endswith(("a second", "a quarter")) and not re.match(r"\s+(?:of\s+a\s+)?century", ctx.text[m.end():]):
        return None
    if n is not None and n > 10000:
        return None
    v = _dur(n, u)
    if u == "MIN":
        v = v.replace("MIN", "M")
    low_end = _range_low(m, ctx, u) if n is not None else None
    start = m.start()
    verb = _LAST_VERB.match(m.group(0))
    if verb:  # "will last over a week", "could last about two years": the verb 'last', not 'the last N'
        start += verb.end()
    return ([low_end] if low_end else []) + [(start, m.end(), v, "DURATION")]


def ago(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'three years ago', 'a week ago', 'several months ago', 'a year earlier'."""
    a = ctx.anchor
    n = parse_number(m.group("num"))
    u = _dur_unit(m.group("unit"))
    direction = " ".join(m.group("dir").lower().split())
    sign = 1 if direction in ("from now", "later", "hence", "after") else -1
    if direction in ("earlier", "later") and u != "Y":
        return [(m.start(), m.end(), _dur(n, u).replace("MIN", "M"), "DURATION")]
    if u in ("MIN", "H", "S"):
        return None
    if n is None or u in ("MIN", "H", "S"):
        return [(m.start(), m.end(), "PAST_REF" if sign < 0 else "FUTURE_REF", "DATE")]
    if not float(n).is_integer():
        return [(m.start(), m.end(), "PAST_REF" if sign < 0 else "FUTURE_REF", "DATE")]
    k = int(n) * sign
    if u == "Y" and k == -1:
        v = shift(a, k, u)
        return [(m.start(), m.end(), f"@YEARBACK::{v}", "DATE")] if v else None
    if u == "WE":
        u = "W"
    if u == "W2":
        u, k = "W", k * 2
    v = shift(a, k, u)
    if v is None:
        v = "PAST_REF" if sign < 0 else "FUTURE_REF"
    return [(m.start(), m.end(), v, "DATE")]


def quarter(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    a = ctx.anchor
    q = _ORD_Q.get((m.group("ord") or "").lower())
    if q is None:
        return None
    ys = _g(m, "year")
    rel = (_g(m, "qrel") or "").lower()
    if ys:
        y: int | None = _year(ys, a)
    else:
        y = a.year
        if y is not None and ("last" in rel or "earlier" in rel or "ago" in rel or "previous" in rel):
            y -= 1
        elif y is not None and "next" in rel:
            y += 1
        elif y is not None and a.quarter is not None and q > a.quarter and m.group("qh").lower() == "quarter" \
                and not rel.startswith("this") and ctx.tense(m.start(), m.end()) != "future":
            y -= 1
    if y is None:
        return [(m.start(), m.end(), f"XXXX-{'H' if m.group('qh').lower().startswith('h') else 'Q'}{q}", "DATE")]
    letter = "H" if m.group("qh").lower().startswith("h") else "Q"
    return [(m.start(), m.end(), f"{y:04d}-{letter}{q}", "DATE")]


def half_year(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'the first half of 1990', 'the last half of 1989', 'the first two quarters of 1990' -> 1990-H1."""
    half = 1 if m.group("which").lower() == "first" else 2
    return [(m.start(), m.end(), f"{_year(m.group('year'), ctx.anchor):04d}-H{half}", "DATE")]


def quarter_ref(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'the quarter', 'the latest quarter', 'the year-earlier quarter' (WSJ earnings prose).

    The quarter is the one the text last named (reference time, resolved in the tagger), else the
    last completed quarter before the anchor.
    """
    a = ctx.anchor
    q = shift(a, -1, "Q")
    if q is None:
        return None
    w = m.group(0).lower()
    if "earlier" in w or "ago" in w or "last year" in w:
        return [(m.start(), m.end(), f"@YEARBACK::{int(q[:4]) - 1:04d}{q[4:]}", "DATE")]
    if "latest" in w or "recent" in w:  # the last completed quarter, whatever the text named before
        return [(m.start(), m.end(), q, "DATE")]
    return [(m.start(), m.end(), f"@QREF::{q}", "DATE")]


def year_quarter(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'the 1988 third quarter', 'the 1988 period' (its quarter from the reference time)."""
    y = int(m.group("year"))
    ordq = _g(m, "ord")
    kind = m.group("qh").lower()
    if ordq:
        letter = "H" if kind == "half" else "Q"
        return [(m.start(), m.end(), f"{y:04d}-{letter}{_ORD_Q[ordq.lower()]}", "DATE")]
    return [(m.start(), m.end(), f"@YEARQ:{y:04d}:{y:04d}", "DATE")]


_SPOKEN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                 "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _spoken(text: str) -> int | None:
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + sum(_SPOKEN_UNITS.get(w, 0) for w in rest)
    if len(words) < 2 or words[0] not in ("nineteen", "twenty"):
        return None
    century = _SPOKEN_UNITS[words[0]] * 100
    if words[1] == "hundred":
        return century
    return century + sum(_SPOKEN_UNITS.get(w, 0) for w in words[1:])


# a spoken number followed by a unit or a counted noun is an amount, not a year
_AMOUNT_AFTER = re.compile(r"\s+(?:more\s+|other\s+)?(?i:years?|months?|days?|weeks?|hours?|decades?|centur"
                           r"|people|persons|dollars|miles|men|women|troops|soldiers|times|feet|pounds)")


def spoken_year(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """Broadcast transcripts: 'nineteen ninety-six', 'the year two thousand'; 'two thousand years' and
    'two thousand people' are amounts (the duration rule takes the former)."""
    y = _spoken(m.group("sy"))
    if y is None:
        return None
    if not m.group(0).lower().startswith("the year") and _AMOUNT_AFTER.match(ctx.text, m.end()):
        return None
    return [(m.start(), m.end(), f"{y:04d}", "DATE")]


def month_spoken_year(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    y = _spoken(m.group("sy"))
    if y is None:
        return None
    mo = month_number(m.group("month"))
    d = _g(m, "day") or _g(m, "day2")
    if d:
        v = _date_value(y, mo, _day(d))
        return [(m.start(), m.end(), v, "DATE")] if v else None
    return [(m.start(), m.end(), f"{y:04d}-{mo:02d}", "DATE")]


def part_of_day(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'mid-afternoon', 'late yesterday', 'early Tuesday', 'mid-afternoon yesterday'."""
    a = ctx.anchor
    part = (_g(m, "part") or "").lower()
    wd, dw = _g(m, "wd"), (_g(m, "dw") or "").lower()
    if a.date is None:
        return None
    if wd:
        tense = ctx.tense(m.start(), m.end())
        base = weekday_date(a, weekday_number(wd), +1 if tense == "future" else -1) or ""
    else:
        base = fmt_date(a.date + dt.timedelta(days=_DAYREL.get(dw, 0)))
    if part:
        return [(m.start(), m.end(), base + "T" + PARTS_OF_DAY[part], "TIME")]
    return [(m.start(), m.end(), base, "DATE")]


def overnight(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    d = ctx.anchor.date
    if d is None:
        return None
    return [(m.start(), m.end(), fmt_date(d) + "TNI", "TIME")]


def season(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    a = ctx.anchor
    s = SEASONS[m.group("season").lower()]
    ys = _g(m, "year")
    rel = " ".join((_g(m, "srel") or "").lower().split()).removeprefix("the ")
    if rel == "this past":
        rel = "last"
    if m.group("season").lower() in ("fall", "spring") and not ys:
        if rel in ("", "the") and not re.match(r"\s+(?:of|,|\.|and|when|after|before|season|semester)\b",
                                               ctx.text[m.end():m.end() + 12]) or ctx.text[m.end():m.end() + 4] == " of ":
            return None
    sy = _spoken(_g(m, "sy") or "")
    if ys or sy:
        y: int | None = _year(ys, a) if ys else sy
    elif a.year is None:
        return [(m.start(), m.end(), f"XXXX-{s}", "DATE")]
    else:
        y = a.year
        cur = _season_index_month(a.month)
        if rel == "last":
            y -= 1 if _SEASON_ORDER[s] >= cur else 0
        elif rel == "next":
            y += 1 if _SEASON_ORDER[s] <= cur else 0
    return [(m.start(), m.end(), f"{y:04d}-{s}", "DATE")]


_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}


def _season_index_month(month: int | None) -> int:
    if month is None:
        return 2
    return [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 0][month - 1]


def _clock(m: re.Match[str], ctx: Ctx) -> str | None:
    """'T09:30' from groups hh, mm, ampm (or noon/midnight in tod)."""
    tod = (_g(m, "tod") or "").lower()
    if tod in ("noon", "midday"):
        return "T12:00"
    if tod == "midnight":
        return "T24:00"
    hh = _g(m, "hh")
    if not hh:
        return None
    h = int(hh)
    mm = int(_g(m, "mm") or 0)
    ap = (_g(m, "ampm") or "").lower().replace(".", "").replace(" ", "")
    if ap.startswith("p") and h < 12:
        h += 12
    elif ap.startswith("a") and h == 12:
        h = 0
    elif ap == "" and (_g(m, "pod") or "").lower() in ("evening", "night", "afternoon") and h < 12:
        h += 12
    if h > 24 or mm > 59:
        return None
    return f"T{h:02d}:{mm:02d}"


def clock_time(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'9 a.m.', '10:30 p.m. EST', 'noon', '4 in the morning' -> the anchor day at that time."""
    a = ctx.anchor
    tv = _clock(m, ctx)
    if tv is None:
        return None
    day = a.date
    dw = (_g(m, "dw") or "").lower()
    wd = _g(m, "wd")
    month = _g(m, "month") or _g(m, "dmonth")
    if month:
        mo, d = month_number(month), _day(_g(m, "day") or m.group("dday"))
        ys = _g(m, "year") or _g(m, "dyear")
        y = _year(ys, a) if ys else year_for(a, mo, d, ctx.tense(m.start(), m.end()))
        base = _date_value(y, mo, d) or ""
        if not base:
            return None
    elif day is None:
        base = "XXXX-XX-XX"
    elif wd:
        tense = ctx.tense(m.start(), m.end())
        base = weekday_date(a, weekday_number(wd), +1 if tense == "future" else -1) or fmt_date(day)
    else:
        base = fmt_date(day + dt.timedelta(days=_DAYREL.get(dw, 0)))
    return [(m.start(), m.end(), base + tv, "TIME")]


def clock_in_the(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'4 in the morning', '10 at night': an hour with its part of day (TIMEX3 TIME on the anchor day)."""
    hh = _g(m, "hh") or m.group("hh2")
    mm = int(_g(m, "mm") or _g(m, "mm2") or 0)
    pod = (_g(m, "pod") or m.group("pod2")).lower()
    h = int(hh)
    if pod in ("afternoon", "evening", "night") and h < 12 and not (pod == "night" and h < 5):
        h += 12
    elif pod == "morning" and h == 12:
        h = 0
    day = ctx.anchor.date
    base = fmt_date(day) if day is not None else "XXXX-XX-XX"
    return [(m.start(), m.end(), f"{base}T{h:02d}:{mm:02d}", "TIME")]


def fixed(value: str, ttype: str = "DATE") -> Callable[[re.Match[str], Ctx], list[Piece] | None]:
    """A normaliser giving a constant value (now -> PRESENT_REF, daily -> P1D SET...)."""

    def _fixed(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
        return [(m.start(), m.end(), value, ttype)]

    return _fixed


_SET_UNIT = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P1Q",
             "hour": "PT1H", "minute": "PT1M", "decade": "P1DE", "night": "TNI", "morning": "TMO",
             "evening": "TEV", "afternoon": "TAF", "weekend": "P1WE"}


def set_every(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'every day', 'each year', 'per month', 'a year' after a quantity, 'every two weeks'."""
    unit = m.group("sunit").lower().rstrip("s")
    num = _g(m, "snum")
    if num:
        n = parse_number(num)
        return [(m.start(), m.end(), _dur(n, _dur_unit(unit)).replace("MIN", "M"), "SET")]
    v = _SET_UNIT.get(unit)
    if v is None:
        return None
    if v.startswith("T"):
        v = "XXXX-XX-XX" + v
    return [(m.start(), m.end(), v, "SET")]


def rate_set(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'a year' / 'a day' right after an amount ('$5 a year', '10 percent a year')."""
    before = ctx.text[max(0, m.start() - 40):m.start()]
    if not m.group(0).lower().startswith("per") and not re.search(r"(?:\d|percent|%|dollars?|cents?|million|billion|times|barrels|miles|tons|pounds)\W{0,3}(?:\w+\W{1,3}){0,2}$",
                     before, re.IGNORECASE):
        return None
    unit = m.group("sunit").lower()
    return [(m.start(), m.end(), _SET_UNIT[unit], "SET")]


def holiday(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    a = ctx.anchor
    name = " ".join(m.group("hol").lower().replace("’", "'").split())
    if name in ("thanksgiving day", "easter sunday"):
        name = name.split()[0]
    ys = _g(m, "year")
    y = _year(ys, a) if ys else a.year
    fixed_days = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                  "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
                  "independence day": (7, 4), "valentine's day": (2, 14), "new year's": (1, 1)}
    if name in fixed_days:
        mo, d = fixed_days[name]
        if y is not None and not ys and a.month is not None:
            hrel = " ".join((_g(m, "hrel") or "").lower().split())
            htense = {"last": "past", "this past": "past", "next": "future", "the coming": "future"}.get(hrel)
            if htense and a.date is not None:  # "last Christmas", "next Christmas": strictly before/after
                y = a.year if (a.date < dt.date(a.year, mo, d)) == (htense == "future") else a.year + (
                    -1 if htense == "past" else 1)
            else:
                y = year_for(a, mo, d, ctx.tense(m.start(), m.end()))
        return [(m.start(), m.end(), _date_value(y, mo, d) or "", "DATE")]
    if y is None or name not in ("easter", "thanksgiving", "election day"):
        return None
    if ys or a.date is None:
        return [(m.start(), m.end(), fmt_date(_floating(name, y)), "DATE")]
    cands = [_floating(name, yy) for yy in (y - 1, y, y + 1)]
    tense = ctx.tense(m.start(), m.end())
    anchor_d = a.date
    rel = " ".join((_g(m, "hrel") or "").lower().split())
    if rel in ("next", "the coming"):
        tense = "future"
    if rel in ("last", "this past") or tense == "past" or (
            m.start() >= 5 and ctx.text[m.start() - 5:m.start()].lower() == "last "):
        pick = max(c for c in cands if c <= anchor_d)
    elif tense == "future":
        pick = min(c for c in cands if c >= anchor_d)
    else:
        pick = min(cands, key=lambda c: abs((c - anchor_d).days))
    return [(m.start(), m.end(), fmt_date(pick), "DATE")]


def _floating(name: str, y: int) -> dt.date:
    if name == "easter":
        return easter(y)
    if name == "election day":  # US: the Tuesday after the first Monday of November
        nov1 = dt.date(y, 11, 1)
        first_mon = nov1 + dt.timedelta(days=(0 - nov1.weekday()) % 7)
        return first_mon + dt.timedelta(days=1)
    nov1 = dt.date(y, 11, 1)
    return nov1 + dt.timedelta(days=(3 - nov1.weekday()) % 7, weeks=3)


def week_of(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'the week of March 6' -> the ISO week holding that day."""
    a = ctx.anchor
    mo, d = month_number(m.group("month")), _day(m.group("day"))
    ys = _g(m, "year")
    y = _year(ys, a) if ys else year_for(a, mo, d, ctx.tense(m.start(), m.end()))
    if y is None:
        return None
    try:
        day = dt.date(y, mo, d)
    except ValueError:
        return None
    iy, w, _ = day.isocalendar()
    return [(m.start(), m.end(), f"{iy:04d}-W{w:02d}", "DATE")]


def month_part(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'early this month', 'earlier this year', 'late last year', 'the end of the month'."""
    a = ctx.anchor
    rel = m.group("rel").lower()
    unit = _unit_of(m.group("unit"))
    n = {"this": 0, "last": -1, "next": 1, "the": 0}[rel]
    v = shift(a, n, unit)
    if v is None:
        v = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[n]
    return [(m.start(), m.end(), v, "DATE")]


def this_year_month(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'March of this year', 'June last year'."""
    a = ctx.anchor
    mo = month_number(m.group("month"))
    if a.year is None:
        return None
    rel = m.group("yrel").lower()
    if rel == "that":  # "June of that year": the year the text last named (reference.py)
        return [(m.start(), m.end(), f"@THATMONTH:{mo:02d}:{a.year:04d}-{mo:02d}", "DATE")]
    y = a.year + {"this": 0, "last": -1, "next": 1}[rel]
    return [(m.start(), m.end(), f"{y:04d}-{mo:02d}", "DATE")]


def vague_plural(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'for years', 'in recent weeks' -> PXY / PXW over the unit word (the preposition is not part of it)."""
    u = _dur_unit(m.group("unit"))
    v = _dur(None, u).replace("MIN", "M")
    start = m.start() if m.group(0).lower().startswith(("recent", "the recent")) else m.start("unit")
    return [(start, m.end(), v, "DURATION")]


def year_end(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'by year-end', 'around year end', "by year's end": the end of the anchor's year (the year, as for
    'the end of the year'); 'since year-end' and past-tense cues point at the end of the year before."""
    a = ctx.anchor
    if a.year is None:
        return None
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    past = re.search(r"\b(?:since|from)\s+$", before) is not None or (
        not re.search(r"\b(?:by|until|before)\s+$", before) and ctx.tense(m.start(), m.end()) == "past")
    return [(m.start(), m.end(), f"{a.year - 1 if past else a.year:04d}", "DATE")]


def that_unit(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'that year', 'later that year', 'that same day': the last explicit date of the text."""
    unit = m.group("unit").lower()
    a = ctx.anchor
    default = {"year": shift(a, 0, "Y"), "month": shift(a, 0, "M"), "day": shift(a, 0, "D")}[unit] or "PAST_REF"
    return [(m.start(), m.end(), f"@THAT:{unit}:{default}", "DATE")]


def the_year(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'the year' / 'the fiscal year': a one-year span when it ends on a date ("the year ended
    March 31"), else the anchor's year ("for the full year", "by the end of the year")."""
    a = ctx.anchor
    after = ctx.text[m.end():m.end() + 20].lower()
    if re.match(r"\s+(?:ended|ending|that\s+ended|to\s+date|through)\b", after) or \
            ctx.text[max(0, m.start() - 12):m.start()].lower().endswith("throughout "):
        return [(m.start(), m.end(), "P1Y", "DURATION")]
    if a.year is None:
        return None
    y = a.year - 1 if "latest" in m.group(0).lower() else a.year
    return [(m.start(), m.end(), f"{y:04d}", "DATE")]


def long_unit(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'day-long' -> P1D, 'decades-long' -> PXDE (plural: an unknown number)."""
    w = m.group("unit").lower()
    n = None if w.endswith("s") else 1.0
    return [(m.start(), m.end(), _dur(n, _dur_unit(w)).replace("MIN", "M"), "DURATION")]


def weekend(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    """'this weekend', 'last weekend', 'the weekend' (the last one in past tense, else the coming one)."""
    a = ctx.anchor
    d = a.date
    rel = " ".join(m.group(0).lower().split()[:-1])
    if d is None:
        return [(m.start(), m.end(), "XXXX-WXX-WE", "DATE")]
    wd = d.isoweekday()
    if rel in ("last", "this past"):
        target = d - dt.timedelta(days=(wd - 6) % 7 + (7 if wd >= 6 else 0)) if wd >= 6 else d - dt.timedelta(days=wd + 1)
    elif rel == "next":
        target = d + dt.timedelta(days=(6 - wd) % 7 + 7)
    elif rel == "this":
        target = d + dt.timedelta(days=(6 - wd) % 7) if wd <= 6 else d
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense == "future" or wd >= 6:
            target = d + dt.timedelta(days=(6 - wd) % 7) if wd <= 6 else d
        else:
            target = d - dt.timedelta(days=wd + 1)
    y, w, _ = target.isocalendar()
    return [(m.start(), m.end(), f"{y:04d}-W{w:02d}-WE", "DATE")]


_SET_ADV = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
            "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "quarterly": "P1Q"}


def set_adverb(m: re.Match[str], ctx: Ctx) -> list[Piece] | None:
    return [(m.start(), m.end(), _SET_ADV[m.group("sunit").lower()], "SET")]
