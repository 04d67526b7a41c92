"""TimeML extent adjustments applied after the grammar matched and the values were resolved.

The grammar decides what a time expression means; this module moves its boundaries to where the
TimeML 1.2.1 / TempEval-3 annotation puts them, without changing the value:

- a trailing "earlier"/"later" after an amount of time that stays a DURATION is the signal of an
  event relation, not part of it ("<three days> later"); when the whole names a point ("<a year
  earlier>", a DATE) it is kept, as is "earlier" before "this <unit>" ("<earlier this month>");
- a leading "earlier"/"later" before a named day is its START/END modifier and part of it
  ("<Earlier Sunday>", "<Later yesterday>");
- "the" in front of an adjectival duration belongs to the noun the duration modifies
  ("the <eight-year> war", "the <30-day> period", "the <year-ago> results");
- "around" before a point in time is part of it (mod APPROX: "<around 7:15 p.m.>",
  "<around Nov. 1>"), as are open ends ("<1994 or later>", "<1990 and beyond>") and "or so"
  ("<the next year or so>");
- the period an adjectival amount measures is part of it ("<a three-year period>").
Numeric ranges ("two to six days") stay two expressions, as normalise.duration makes them.
"""

from __future__ import annotations

import re

from .context import Piece

_TRAIL_REL = re.compile(r"\s+(?:earlier|later)$", re.IGNORECASE)
_AMOUNT_UNIT = re.compile(
    r"(?:\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|many|some"
    r"|twenty|thirty|forty|fifty|hundred))\S*\s+(?:\w+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?"
    r"|years?|decades?)$", re.IGNORECASE)
_DAY_WORD = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)
_REL_BEFORE = re.compile(r"(?<![\w-])(?:earlier|later)\s+$", re.IGNORECASE)
_UNIT_BEFORE_REL = re.compile(r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?:earlier"
                              r"|later)\s+$", re.IGNORECASE)
_THE_ADJ_DURATION = re.compile(
    r"the\s+(?=(?:\S+-(?:second|minute|hour|day|week|month|year|decade)(?:-(?:old|long))?|year-(?:ago|earlier))$)",
    re.IGNORECASE)
# "around" only: "at about 10:35 a.m." is annotated without "about" (AQUAINT APW19980808.0022), as
# "about five hours" is; TimeBank puts "around" inside ("around Nov. 1", wsj_0637)
_APPROX_BEFORE = re.compile(r"(?<![\w-])around\s+$", re.IGNORECASE)
_OPEN_END = re.compile(r"\s+(?:or\s+(?:later|earlier|before|after|so)|and\s+beyond)(?!\w)", re.IGNORECASE)
# "a three-year period": the period an adjectival amount measures is the expression
_ADJ_AMOUNT = re.compile(r"^\S+-(?:second|minute|hour|day|week|month|year|decade)$", re.IGNORECASE)
_PERIOD_AFTER = re.compile(r"\s+(?:period|span|stretch)\b", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:a|an|the)\s+$", re.IGNORECASE)
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d(?:T|$)")
# "over" before an amount of time: "more than" after a preposition, "just"/"well" or a verb of lasting
# ("for over a week", "lasted over a week", "just over an hour later"); otherwise the preposition of a
# period ("used over three years", "evolved over several years"), which TimeML leaves out
_OVER = re.compile(r"over\s+", re.IGNORECASE)
_OVER_MEANS_MORE = re.compile(
    r"(?<![\w-])(?:for|in|of|after|within|than|by|from|to|just|well|last|lasts|lasted|lasting|take|takes|took"
    r"|taking|spent|spend|spends|wait|waited)\s+$", re.IGNORECASE)


def _trim_start(text: str, s: int, e: int, rx: re.Pattern[str]) -> int:
    m = rx.match(text, s, e)
    return m.end() if m else s


def adjust(text: str, piece: Piece, prev_end: int, next_start: int) -> Piece:
    """``piece`` with TimeML boundaries; ``prev_end``/``next_start`` bound how far it may grow."""
    s, e, v, t = piece
    span = text[s:e]
    if t == "DURATION" and _TRAIL_REL.search(span):
        cut = _TRAIL_REL.search(span)
        assert cut is not None
        if _AMOUNT_UNIT.search(span[:cut.start()]):
            e = s + cut.start()
    if t == "DURATION" or v.startswith("19") or v.startswith("20"):
        s = _trim_start(text, s, e, _THE_ADJ_DURATION)
    before = text[max(prev_end, s - 40):s]
    if t == "DURATION" and _OVER.match(text, s, e) and not _OVER_MEANS_MORE.search(before) \
            and not text[s:e].lower().endswith(("ago", "earlier", "later")):
        s = _OVER.match(text, s, e).end()  # type: ignore[union-attr]
    if t in ("DATE", "TIME") and _DAY_WORD.match(text, s):
        m = _REL_BEFORE.search(before)
        if m and not _UNIT_BEFORE_REL.search(text[max(0, s - 60):s]):
            s -= len(before) - m.start()
            before = text[max(prev_end, s - 40):s]
    if (t == "TIME" or (t == "DATE" and _DAY_VALUE.match(v))) and _text_starts_point(text[s:e]):
        m = _APPROX_BEFORE.search(before)
        if m:
            s -= len(before) - m.start()
    if t == "DURATION" and _ADJ_AMOUNT.match(text[s:e]):
        art = _ARTICLE_BEFORE.search(text[max(prev_end, s - 8):s])
        per = _PERIOD_AFTER.match(text, e)
        if art and per and per.end() <= next_start:
            s, e = s - len(art.group(0)), per.end()
    after = _OPEN_END.match(text, e)
    if after and after.end() <= next_start and not text[s:e].lower().endswith(("ago", "earlier", "later")):
        e = after.end()
    return s, e, v, t


def _text_starts_point(span: str) -> bool:
    """A clock time or a calendar date starts here (not a duration or a vague word)."""
    return bool(re.match(r"\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d|noon|midnight",
                         span, re.IGNORECASE))


def adjust_all(text: str, pieces: list[Piece]) -> list[Piece]:
    """Adjust every piece (sorted by start) without letting one grow into its neighbour."""
    out: list[Piece] = []
    for i, p in enumerate(pieces):
        prev_end = out[-1][1] if out else 0
        next_start = pieces[i + 1][0] if i + 1 < len(pieces) else len(text)
        out.append(adjust(text, p, prev_end, next_start))
    return out
