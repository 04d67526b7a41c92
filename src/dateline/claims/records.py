"""Win-loss records of sports news: "Smith (58-3, 51 KO)", "improved his record to 36-3",
"Jones, 22-3 with 18 knockouts", a results table row "Jane Doe 15-2-1".

A record is read only where the text marks it as one (a name right before it, in apposition or a
parenthesis, a table row of a name and the record, or "record"/"improves to"/"fell to" before
it): a score ("won 3-1", "a 5-4 vote") has none of these marks and ``quantities`` reads neither.
Each record gives two or three figures of its holder: wins, losses and (a third number) draws;
"51 KO" / "24 KOs" / "51 by KO" after it are wins by knockout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quantities import Quantity

_REC = r"(?P<w>\d{1,3})-(?P<l>\d{1,3})(?:-(?P<d>\d{1,3}))?(?![\d-])"
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
# the marks of a record: a holder's name right before it, a table row, or a record verb
_AFTER_NAME = re.compile(rf"(?P<name>{_NAME})(?:,\s+|\s+\()" + _REC)
_ROW = re.compile(rf"\s*(?P<name>{_NAME})\s+" + _REC + r"\s*$")
_AFTER_WORD = re.compile(rf"(?:(?-i:(?P<name>{_NAME}))\s+)?" r"\b(?:record(?:\s+(?:of|to|at|is|was|now))?|mark\s+of|(?:improv|mov|fall|dropp|slipp|go|went|fell)"
                         r"\w*\s+to|stands?\s+at)\s+(?:a\s+)?" + _REC, re.I)
# "reached the playoffs with an 8-8 record", "a 10-2 season": the record noun after it
_BEFORE_WORD = re.compile(r"\b(?:an?|the|their|its|his|her)\s+" + _REC + r"\s+(?:\([^()]{0,12}\)\s+)?(?:record|season|mark)\b", re.I)
# "the Tigers were 4-4 on the road", "The Lions are 12-3 for the season": a team's standing said of it
_STANDING = re.compile(rf"(?-i:(?P<name>{_NAME}))\s+(?:are|were|is|was|went|finished|stand|stood|sit|sat)\s+" + _REC
                       + r"(?=\s+(?:on\s+the\s+road|at\s+home|away|for\s+the\s+season|this\s+season|overall|in\s+(?:the\s+)?\w+\s+games?)\b)")
# "(10-5, 4-4 away)", "(2-13, 1-7 home)": a split record after the overall one, its holder's too
_SPLIT = re.compile(r"\s*,\s*" + _REC + r"\s+(?:home|away|road|on\s+the\s+road|at\s+home|in\s+the\s+\w+|conference|division)\b")
# scores: "a 20-13 win", "a 13-3 halftime lead", "to break a 13-13 tie" (the result noun after it) ...
_SCORE_NOUN = re.compile(_REC + r"(?:\s+(?:halftime|half-time|home|road|overtime|opening|first-half|\w+-point))?\s+"
                         r"(?P<kind>win|victory|loss|defeat|lead|tie|triumph|rout|upset|draw)\b", re.I)
# ... or the result verb before it: "the visitors led 13-3 at the half", "defeating the Lions 34-12",
# "TIGERS TOP LIONS, 20-13", "tied the game at 13-13", "trim the deficit to 13-10"
_SCORE_VERB = re.compile(r"\b(?P<kind>beat|beats|beating|defeated|defeating|defeats|tops?|topped|topping|edged?|edging|"
                         r"led|leads|leading|trailed|trailing|trails|lost|tied|ties|tying|won|wins|winning|routed|"
                         r"whipped|blanked|deficit|lead|score)\b"
                         r"(?:\s+[\w.'’-]+){0,6}?,?\s+(?:(?:at|to|by)\s+)?" + _REC + r"(?![\w-])", re.I)
_KO = re.compile(r"(?<![\w.-])(?P<n>\d{1,3})\s*(?:KOs?|by\s+KO|knockouts?)\b")


@dataclass
class Record:
    """One figure of a record: ``kind`` wins | losses | draws | knockout wins, ``holder`` the
    name the text gives (None for "improved his record to ...")."""
    quantity: Quantity
    kind: str
    holder: str | None


def _figures(m: re.Match[str], holder: str | None) -> list[Record]:
    out = []
    for key, kind in (("w", "wins"), ("l", "losses"), ("d", "draws")):
        if m.group(key) is None:
            continue
        v = float(m.group(key))
        out.append(Record(Quantity(m.start(key), m.end(key), m.group(key), v, v), kind, holder))
    return out


def _score(m: re.Match[str]) -> list[Record]:
    """The two sides of a game's score: the first side's points and the other's."""
    if m.group("d") is not None:
        return []
    what = m.group("kind").lower()
    return [Record(Quantity(m.start(key), m.end(key), m.group(key), float(m.group(key)), float(m.group(key))),
                   f"points, {side} ({what})", None) for key, side in (("w", "first side"), ("l", "second side"))]


def find_records(text: str, start: int, end: int) -> list[Record]:
    """The records in ``text[start:end]`` and the knockout wins that follow one."""
    found: dict[int, list[Record]] = {}
    for m in _SCORE_NOUN.finditer(text, start, end):
        found.setdefault(m.start("w"), _score(m))
    for m in _SCORE_VERB.finditer(text, start, end):
        found.setdefault(m.start("w"), _score(m))
    for m in _AFTER_NAME.finditer(text, start, end):
        found.setdefault(m.start("w"), _figures(m, m.group("name")))
    m = _ROW.fullmatch(text, start, end)
    if m:
        found.setdefault(m.start("w"), _figures(m, m.group("name")))
    for m in _AFTER_WORD.finditer(text, start, end):
        found.setdefault(m.start("w"), _figures(m, m.group("name")))  # "Jones fell to 36-3"
    for m in _BEFORE_WORD.finditer(text, start, end):
        found.setdefault(m.start("w"), _figures(m, None))
    for m in _STANDING.finditer(text, start, end):
        found.setdefault(m.start("w"), _figures(m, m.group("name")))
    for k in sorted(found):
        holder = found[k][0].holder
        m = _SPLIT.match(text, max(r.quantity.end for r in found[k]), end)
        if m:
            found.setdefault(m.start("w"), _figures(m, holder))
    out = [r for k in sorted(found) for r in found[k]]
    if not out:
        return out
    first = min(found)
    for m in _KO.finditer(text, first, end):
        v = float(m.group("n"))
        holder = [r.holder for r in out if r.quantity.start < m.start()][-1]  # the record it follows
        out.append(Record(Quantity(m.start("n"), m.end("n"), m.group(0), v, v), "knockout wins", holder))
    return out
