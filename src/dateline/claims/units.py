"""Figures measured in a unit ("226 yards", "2.7GHz", "768GB", "an 86-yard run", "a four-time All-Star").

A number with a unit of measure is a figure of the story only when the story measures in that
unit: when at least ``UNIT_SHARE`` of its documents print a number in it (yards in a football
report, gigahertz and gigabytes in a product launch). A unit one article uses in passing (the
miles to a town, the gallons a minute of a fire hose) stays out, as the golds have it. Time units
are durations, never figures here, nor distances to a place, speeds and rates; "pounds" is money (``measure``) and not read as a weight.
"N-time" ("a four-time All-Star", "three-time champion") counts the times a title was won.

The share was chosen leaving each of the twenty round-5..8 ECB+ stories out in turn (see
``UNIT_SHARE``: shipped off, as the round-4 check lost precision with it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import HEDGES, UNITS
from .quantities import Quantity

# surface form (lower case) -> canonical unit; general units of measure of news, no story's own
UNIT_NAMES: dict[str, str] = {
    "yards": "yards", "yard": "yards", "yds": "yards", "yd": "yards",
    "ghz": "GHz", "mhz": "MHz",
    "gb": "GB", "gigabyte": "GB", "gigabytes": "GB", "tb": "TB", "terabyte": "TB", "terabytes": "TB",
    "mb": "MB", "megabyte": "MB", "megabytes": "MB",
    "inches": "inches", "inch": "inches",
    "pixels": "pixels", "ppi": "ppi",
    "kg": "kg", "kilograms": "kg", "km": "km", "kilometres": "km", "kilometers": "km",
    "miles": "miles", "mile": "miles", "metres": "metres", "meters": "metres", "feet": "feet", "ft": "feet",
    "gallons": "gallons", "litres": "litres", "liters": "litres",
    "acres": "acres", "hectares": "hectares", "points": "points", "point": "points",
    "megawatts": "MW", "mw": "MW",
}
# Off by default (None): leave-one-story-out over the 20 r5-r8 stories chose 0.3 in every fold (tied with 0.5;
# left-out football and laptop stories: misses 52 -> 29 and 42 -> 21; r8 as a whole with the final rules: figure
# recall 0.465 -> 0.708, precision 0.746 -> 0.761), but the untouched round-4 blind check lost precision at 0.3
# (0.860 -> 0.846 with distances, speeds and rates left out, 0.813 before), so it is shipped off (other shares were
# not scored on that check); on: ``story_units(texts, 0.3)``
UNIT_SHARE: float | None = None

_WORDNUM = "|".join(sorted((w for w in UNITS if " " not in w), key=len, reverse=True))
_NUM = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{_WORDNUM})"
_UNIT = "|".join(sorted(UNIT_NAMES, key=len, reverse=True))
_FIGURE = re.compile(rf"(?<![\w.,$£€#-])(?P<num>{_NUM})(?P<sep>\s?-\s?|\s?)(?P<unit>{_UNIT})(?![A-Za-z\d])", re.I)
_TIMES = re.compile(rf"(?<![\w.,-])(?P<num>{_NUM})-time(?=\s+[A-Za-z])", re.I)
_HEDGE = re.compile(r"\b(?P<h>" + "|".join(sorted((re.escape(h).replace(r"\ ", r"\s+") for h in HEDGES), key=len, reverse=True))
                    + r"|under|below|over|above|starts?\s+at|from)\s+(?:an?\s+)?$", re.I)
_POSITION = re.compile(r"\s*line\b", re.I)  # "the Tigers 27-yard line": a position on the field, not a length
# distances to a place and rates are not figures (the golds' conventions since round 4: "three miles from the
# town", "five buildings away", "5,000 gallons a minute"); speeds are left out of ``UNIT_NAMES`` for the same reason
_DISTANCE = re.compile(r"\s+(?:\([^()]{0,30}\)\s+)?(?:from|away|off|outside|inside|into|north|south|east|west|"
                       r"northeast|northwest|southeast|southwest|up|down|under|beneath|below|above|deep|high|wide|long|"
                       r"(?:a|an|per|each|every)\s+(?:second|minute|hour|day|week|month|year))\b", re.I)


@dataclass
class UnitFigure:
    quantity: Quantity
    unit: str  # canonical unit ("yards", "GB", "times")


def _value(num: str) -> float:
    low = num.lower()
    return float(UNITS[low]) if low in UNITS else float(low.replace(",", ""))


def _quantity(text: str, m: re.Match[str], start: int) -> Quantity:
    v = _value(m.group("num"))
    h = _HEDGE.search(text[max(start, m.start() - 20):m.start()])
    approx, bound = False, None
    if h is not None:
        key = re.sub(r"\s+", " ", h.group("h").lower())
        approx, bound = HEDGES.get(key, (False, None))
        if key in ("under", "below"):
            bound = "upper"
        elif key in ("over", "above", "from", "start at", "starts at"):
            bound = "lower"
    return Quantity(m.start("num"), m.end("num"), m.group(0), v, v, approx, bound)


def find_unit_figures(text: str, start: int, end: int) -> list[UnitFigure]:
    """Every number with a unit of measure, and every "N-time", in ``text[start:end]``."""
    out: list[UnitFigure] = []
    for m in _FIGURE.finditer(text, start, end):
        if _POSITION.match(text, m.end(), end) or _DISTANCE.match(text, m.end(), end) or (m.group("unit").lower() == "point" and not m.group("sep").strip()):
            continue  # a yard line; "one point" is no "1-point"
        out.append(UnitFigure(_quantity(text, m, start), UNIT_NAMES[m.group("unit").lower()]))
    for m in _TIMES.finditer(text, start, end):
        if _value(m.group("num")) >= 2:  # "a one-time ally" is a former one
            out.append(UnitFigure(_quantity(text, m, start), "times"))
    return sorted(out, key=lambda u: u.quantity.start)


def story_units(texts: Iterable[str], share: float | None = UNIT_SHARE) -> frozenset[str]:
    """The units the story measures in: printed with a number in at least ``share`` of ``texts``
    (at least two documents); "times" ("a four-time champion") always; only it when ``share`` is None."""
    if share is None:
        return frozenset({"times"})
    texts = list(texts)
    seen: dict[str, int] = {}
    for t in texts:
        for u in {f.unit for f in find_unit_figures(t, 0, len(t))}:
            seen[u] = seen.get(u, 0) + 1
    need = max(2.0, share * len(texts))
    return frozenset(u for u, n in seen.items() if n >= need) | {"times"}
