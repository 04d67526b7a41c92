"""Date strings in running text: find candidates, parse them, infer missing years.

Candidate *finding* is ours (regular expressions over the forms news pages use: wire
headers "Sun Mar 20 , 2011 7:55 pm EDT", "Thu 3 Nov 2016", "Posted at 9:15 am March 3rd,
2017", datelines "RIVERTON, Country, March 19 -", "Monday (August 8th)", German/French day
month year, ISO, dotted and unambiguous slashed numeric dates). Full dates are parsed with ``dateparser``;
yearless month/day pairs are read from the month table because dateparser fills a missing
year with the current one, which is exactly what we must never do.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import dateparser

from ..lexicon import MONTHS, MONTHS_EN, WEEKDAYS

_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_WDP = rf"(?:(?P<wd>{_WD})\.?\s*,?\s*\(?\s*)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_MONP = rf"(?P<m>{_MON})\.?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Sun Mar 20 , 2011 | March 3rd, 2017 | Aug. 8, 2011
    ("mdy", re.compile(rf"\b{_WDP}?{_MONP}\s*,?\s+{_DAY}\s*,?\s*{_YEAR}", re.I)),
    # Thu 3 Nov 2016 | 12 Aug 2017 | 1. November 2023 | 3rd of March 2017 | 4 de junio de 2011
    ("dmy", re.compile(rf"\b{_WDP}?{_DAY}\s*(?:(?:of|de)\s+)?{_MONP}\s*,?\s*(?:del?\s+)?{_YEAR}", re.I)),
    # 2011-03-19, 2011/03/19
    ("iso", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/](?P<m>[01]?\d)[-/](?P<d>[0-3]?\d)(?!\d)")),
    # 2012.08.08 (year first: the order of ISO 8601, whatever the separator; "Published: 2012.08.08 09:01 AM")
    ("isodot", re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)\.(?P<m>[01]?\d)\.(?P<d>[0-3]?\d)(?![\d.])")),
    # 19.03.2011 (day first, the European order)
    ("dotted", re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:19|20)\d\d)(?!\d)")),
    # 2/29/2012 | 29/2/2012 | "2 / 29/2012": month and day order is read only where it is unambiguous
    ("slash", re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)\s?/\s?(?P<b>[0-3]?\d)\s?/\s?(?P<y>(?:19|20)\d\d)(?![\d/])")),
    # a stamp with a two-digit year and a clock time: "11/10/11 02:39 PM ET", "14/09/13 13:26"
    ("slash2", re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<yy>\d\d)(?![\d/])(?=\s*,?\s*\d{1,2}:\d\d)")),
    # a month name misspelled by one letter in a full date: "Novemer 27, 2005"
    ("typo", re.compile(rf"\b(?P<m>[A-Z][a-z]{{4,9}})\.?\s+{_DAY}\s*,?\s*{_YEAR}")),
    # yearless: March 19 | Monday (August 8th)
    ("md", re.compile(rf"\b{_WDP}?{_MONP}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)(?!\s*[:.]\d)", re.I)),
    # yearless: Monday 8 August | Saturday, 19 March
    ("dm", re.compile(rf"\b{_WDP}{_DAY}\s+{_MONP}\b(?!\s*,?\s*(?:19|20)\d\d)", re.I)),
]

_UPDATED = re.compile(
    r"(updated?|modified|last edited|revised|aktualisiert|geändert|mis à jour|actualizado|aggiornato)\b[\s\w:.,]{0,22}$",
    re.I,
)
_PUBLISHED = re.compile(
    r"(posted|published|first published|created|released|dated|veröffentlicht|erschienen|publié|publicado|pubblicato|"
    r"\||\bdate)\W*(on|at|am|le|el|il|:)?[\w\s:.,]{0,25}$",
    re.I,
)
# a clock time and a North American zone after a numeric date: the month comes first there
_NA_CLOCK = re.compile(
    r"\s*,?\s*\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?\s?m\.?\s*)?\(?(?:[ECMP][SD]?T|ET|AK[SD]T|H[SD]T)\b", re.I
)
_YEAR_IN_BODY = re.compile(r"(?<![\d.,/-])((?:19[5-9]|20[0-4])\d)(?![\d,/-])")


@dataclass
class DateCandidate:
    """One date string found in a text."""

    start: int
    end: int
    text: str
    year: int | None
    month: int
    day: int
    weekday: int | None = None
    kind: str = ""  # which pattern found it
    context: str = ""  # "updated" | "published" | ""

    @property
    def iso(self) -> str | None:
        if self.year is None:
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@lru_cache(maxsize=4096)
def parse_full_date(s: str) -> str | None:
    """Parse one full date string (day, month and year all written) with dateparser."""
    s = re.sub(r"\s+,", ",", s.strip("( "))
    s = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", s)
    try:
        d = dateparser.parse(
            s,
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"},
        )
    except Exception:
        return None
    return d.date().isoformat() if d else None


def _slash_order(a: int, b: int) -> str | None:
    """"md" or "dm" for a numeric a/b/year date when only one order is a real month and day (or both read
    alike); None when both orders are possible (3/4/2012 is 4 March in the US, 3 April elsewhere)."""
    if a == b or (a <= 12 < b):
        return "md"
    if b <= 12 < a:
        return "dm"
    return None


def _one_letter_off(word: str, name: str) -> bool:
    """True when ``word`` is ``name`` with one letter dropped, added or changed."""
    if word == name or abs(len(word) - len(name)) > 1:
        return False
    if len(word) == len(name):
        return sum(a != b for a, b in zip(word, name, strict=True)) == 1
    short, long_ = sorted((word, name), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def misspelled_month(word: str) -> int | None:
    """The month a misspelled full English month name stands for ("Novemer" -> 11): same first
    three letters and one letter off; None for a real name or any other word."""
    w = word.lower()
    if w in MONTHS:
        return None
    for i, name in enumerate(MONTHS_EN, start=1):
        if len(name) >= 5 and w[:3] == name[:3] and _one_letter_off(w, name):
            return i
    return None


def _valid(y: int | None, m: int, d: int) -> bool:
    if not 1 <= m <= 12 or d < 1:
        return False
    if y is None:
        return d <= (29 if m == 2 else calendar.monthrange(2001, m)[1])
    return 1950 <= y <= 2100 and d <= calendar.monthrange(y, m)[1]


def _context(text: str, start: int) -> str:
    before = text[max(0, start - 40) : start]
    before = before.split("\n")[-1]
    if _UPDATED.search(before):
        return "updated"
    if _PUBLISHED.search(before):
        return "published"
    return ""


def find_dates(text: str, limit: int | None = None) -> list[DateCandidate]:
    """All date strings of ``text`` (or of its first ``limit`` characters), in text order."""
    if limit is not None:
        text = text[:limit]
    taken: list[tuple[int, int]] = []
    out: list[DateCandidate] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            g = m.groupdict()
            if kind in ("slash", "slash2"):
                order = _slash_order(int(g["a"]), int(g["b"]))
                if order is None and _NA_CLOCK.match(text, e):
                    order = "md"  # "11/10/11 02:39 PM ET": the US order
                if order is None:
                    continue
                g["m"], g["d"] = (g["a"], g["b"]) if order == "md" else (g["b"], g["a"])
                if kind == "slash2":
                    yy = int(g["yy"])
                    g["y"] = str(2000 + yy if yy < 50 else 1900 + yy)
            month_s = g["m"]
            if kind == "typo":
                month = misspelled_month(month_s)
            else:
                month = int(month_s) if month_s.isdigit() else MONTHS.get(month_s.lower().rstrip("."))
            if month is None:
                continue
            day = int(g["d"])
            year = int(g["y"]) if g.get("y") else None
            if year is not None and kind in ("mdy", "dmy"):
                iso = parse_full_date(m.group(0)[m.start("m") - s if kind == "mdy" else m.start("d") - s :])
                if iso is None:
                    continue
                year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
            if not _valid(year, month, day):
                continue
            if kind == "md" and g.get("wd") is None and month_s.lower() in ("may", "mar", "jun", "mai", "mars"):
                # "may 5" / "mar" are words too; a yearless pair needs a capital month name
                if not month_s[0].isupper():
                    continue
            wd = WEEKDAYS.get(g["wd"].lower().rstrip(".")) if g.get("wd") else None
            taken.append((s, e))
            out.append(DateCandidate(s, e, m.group(0), year, month, day, wd, kind, _context(text, s)))
    out.sort(key=lambda c: c.start)
    return out


# what may stand beside the date on a stamp line: labels, clock times, zones, "|" and the like
_STAMP_WORDS = frozenset("""posted published first last updated update on at am pm a p m hrs h et pt ct mt
gmt utc ist bst cet cest edt est cdt cst mdt mst pdt pst aest aedt local time date story article originally
created filed released issued modified edited dated print online edition comments comment uhr um le à el de""".split())


def date_only_line(line: str) -> DateCandidate | None:
    """The full date of a line that holds nothing else than a date stamp ("Nov. 30, 2009",
    "11/10/11 02:39 PM ET", "7:15 a. m. Dec. 7, 2009", "Posted: Thursday, March 14, 2013 | 8:16 am")."""
    found = find_dates(line)
    cands = [c for c in found if c.year is not None]
    if len(cands) > 1:  # "PUBLISHED: 13 March 2013 | UPDATED: 14 March 2013": the one not updated
        cands = [c for c in cands if c.context != "updated"]
    if len(cands) != 1:
        return None
    c = cands[0]
    rest = line
    for o in sorted(found, key=lambda x: -x.start):
        rest = rest[: o.start] + " " + rest[o.end :]
    words = re.findall(r"[^\W\d_]+", rest)
    # besides the labels: a zone or country printed in capitals ("11:39am UK, Monday 09 September 2013")
    ok = all(w.lower() in _STAMP_WORDS or w.lower() in WEEKDAYS or (w.isupper() and len(w) <= 4) for w in words)
    return c if ok and len(words) <= 6 else None


@dataclass
class AmbiguousDate:
    """A numeric date both of whose orders are real days: "12/2/2010" is 2 December or 12 February."""

    start: int
    end: int
    text: str
    readings: tuple[str, str]  # (month first, day first), ISO
    context: str = ""


def ambiguous_dates(text: str) -> list[AmbiguousDate]:
    """The numeric dates of ``text`` that find_dates leaves unread because their order is unknown."""
    out = []
    for kind in ("slash", "slash2"):
        pat = dict(_PATTERNS)[kind]
        for m in pat.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            if _slash_order(a, b) is not None or _NA_CLOCK.match(text, m.end()):
                continue  # read by find_dates
            y = int(m.group("y")) if kind == "slash" else (2000 + int(m.group("yy")) if int(m.group("yy")) < 50 else 1900 + int(m.group("yy")))
            if not (_valid(y, a, b) and _valid(y, b, a)):
                continue
            md, dm = f"{y:04d}-{a:02d}-{b:02d}", f"{y:04d}-{b:02d}-{a:02d}"
            out.append(AmbiguousDate(m.start(), m.end(), m.group(0), (md, dm), _context(text, m.start())))
    return sorted(out, key=lambda x: x.start)


def weekday_ok(c: DateCandidate) -> bool:
    """False when a written weekday contradicts the (full) date."""
    if c.weekday is None or c.year is None:
        return True
    return dt.date(c.year, c.month, c.day).weekday() == c.weekday


def years_for(month: int, day: int, weekday: int | None, years: list[int]) -> list[int]:
    """The years among ``years`` in which month/day exists and falls on ``weekday`` (if given)."""
    out = []
    for y in years:
        if not _valid(y, month, day):
            continue
        if weekday is None or dt.date(y, month, day).weekday() == weekday:
            out.append(y)
    return out


def body_years(text: str) -> Counter[int]:
    """How often each plausible year (1950-2049) is written in ``text``."""
    return Counter(int(y) for y in _YEAR_IN_BODY.findall(text))
