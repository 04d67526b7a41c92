"""Rejection cues: numbers that look like dates but are not ("Route 66", "1,600 civilians")."""

from __future__ import annotations

import re

_BAD_AFTER = re.compile(
    r"^(?:\s*(?:%|percent|per\s+cent|[-–]?(?:year|month|day)s?-old)|[\d,.:/]\d|\s+(?:people|persons|civilians|troops|soldiers"
    r"|men|women|children|students|workers|employees|jobs|votes|miles|kilometers|kilometres|feet|meters|metres"
    r"|tons|tonnes|barrels|cars|vehicles|units|shares|dollars|points|pounds|acres|homes|houses|cases|deaths"
    r"|dead|killed|injured|casualties|refugees|prisoners|members|delegates|seats|rounds|rockets|missiles"
    r"|police|officers|officials|residents|families|protesters|demonstrators|supporters|fighters|rebels"
    r"|marines|guests|patients|doctors|calories|hours|minutes|times|hits|words|pages|lines|copies|pixels|more|or\s+more"
    r"|and\s+\d|to\s+\d|GMT|UTC|hrs)\b)",
    re.IGNORECASE,
)
# "approximately 2000" etc. are amounts, but "of 1998" or "to 2001" are years: only numeric-ish prefixes
_AMOUNT_BEFORE = re.compile(r"(?:\b(?:about|some|nearly|almost|over|than|approximately|roughly|around)\s+)$", re.I)


def is_bad_year_context(text: str, start: int, end: int) -> bool:
    """True when the four digits at text[start:end] are an amount, a code or part of a number."""
    before = text[max(0, start - 14):start]
    after = text[end:end + 24]
    if _BAD_AFTER.match(after):
        return True
    if re.search(r"(?:[$#£€]\s*|[\d.,:/]|[A-Za-z])$", before):
        return True
    if before.endswith("-") and not re.search(r"(?i:\b(?:mid|pre|post|early|late))-$", before):
        return True
    if re.search(r"\b(?:route|highway|interstate|flight|room|no\.|number|page|pages|model|version|apollo"
                 r"|channel|resolution|article|section|chapter|paragraph|rule|code|box|suite|gate|bus|boeing"
                 r"|airbus|windows|serial|p\.|pp\.)\s+$", before, re.IGNORECASE):
        return True
    if _AMOUNT_BEFORE.search(before):
        return True
    if _DIMENSION_BEFORE.search(text[max(0, start - 30):start]):
        return True
    return False


# the second side of a size ("2880-by-1800", "2880 x 1800", "2880 pixels by 1800"): not a year
_DIMENSION_BEFORE = re.compile(
    r"\d\s*(?:-by-|[x\u00d7]\s*|(?:pixels?|px|inch(?:es)?|in\.|feet|foot|ft|yards?|met(?:re|er)s?|m|cm|mm|km"
    r"|miles?)\s+by\s+)$", re.IGNORECASE)


_SHOW_WORDS = re.compile(r"^(?:Today|Tonight|Tomorrow|Yesterday|This\s+(?:Week|Morning|Evening|Hour)|Newsnight)$")
_SHOW_AFTER = re.compile(r"^[,.]?[\"\u201d']?\s+(?i:programme|program|show|newscast|broadcast|bulletin)s?\b")
_QUOTED = re.compile(r"^[,.]?[\"\u201d]")


def is_programme_name(text: str, start: int, end: int) -> bool:
    """True for a capitalised 'Today', 'This Week'... that names a broadcast ("BBC Radio 4's Today
    programme", "VOA Today", ABC's "This Week,"): a proper name, not a date (TimeML non-markable)."""
    if not _SHOW_WORDS.match(text[start:end]):
        return False
    before = text[max(0, start - 12):start]
    after = text[end:end + 16]
    if _SHOW_AFTER.match(after):
        return True
    if re.search(r"\b[A-Z]{2,}\s$", before):  # VOA Today, NBC Today
        return True
    if re.search(r"['\u2019]s\s+(?:[A-Z][\w-]*\s+){1,3}$", text[max(0, start - 50):start]):
        return True  # "<Network>'s Evening News Tonight": the owner's title-case show name
    return bool(re.search(r"[\"\u201c]$", before) and _QUOTED.match(after))




_TITLED_UNIT = re.compile(r"\b(?:Seconds?|Minutes?|Hours?|Days?|Weeks?|Months?|Years?|Decades?|Centuries)$")
_OPENERS = " \t'\"`\u201c\u2018("


def is_titled_name(text: str, start: int, end: int) -> bool:
    """True when the unit word of a duration is capitalised inside a sentence: the title of a show or a
    book (CBS's ''60 Minutes''), a proper name rather than a duration (TimeML non-markable)."""
    m = _TITLED_UNIT.search(text, start, end)
    if not m:
        return False
    before = text[max(0, m.start() - 40):m.start()].rstrip(_OPENERS)
    return bool(before) and before[-1] not in ".!?:\n"


# Round 9 (h-timex9), on: r8 events (tuned on) full F1 0.423 -> 0.480, date accuracy 0.688 -> 0.875, but evidence
# F1 0.615 -> 0.548 (a football report's quarter-dated sentences become undated: the event layer does not place them)
UNREPORTED_PERIODS = True
_PERIOD_VALUE = re.compile(r"^(?:\d{4}|XXXX)-[QH][1-4]$")
_PERIOD_OWN_YEAR = re.compile(r"(?i:\d{2,4}|fiscal|calendar|year)")
_PERIOD_OF_YEAR = re.compile(r"^\s+(?i:of)\s+(?:(?i:the|this|that|next|last|each|every)\s+)?(?i:year|fiscal|calendar)\b")
# a figure of a reporting period: money, a percentage, cents
_REPORTING_FIGURE = re.compile(r"[$£€¥%]|(?i:\b(?:cents?|percent|per\s+cent|euros?|dollars?|pounds?|yen)\b)")


def is_unreported_period(text: str, start: int, end: int, value: str) -> bool:
    """True for an ordinal quarter or half with no year of its own ("the fourth quarter", "second half")
    in a text that states no money or percentage figure at all: a period of a game or a show, not a
    calendar quarter (TimeML marks fiscal and calendar quarters; in TimeBank + AQUAINT every one of
    the 54 documents with such a bare ordinal quarter/half states money or percentages)."""
    if not UNREPORTED_PERIODS or not _PERIOD_VALUE.match(value) or _PERIOD_OWN_YEAR.search(text, start, end):
        return False
    if _PERIOD_OF_YEAR.match(text[end:end + 30]):
        return False
    return not _REPORTING_FIGURE.search(text)

