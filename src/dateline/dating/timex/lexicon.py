"""Word lists of English news temporal expressions and their regex fragments."""

from __future__ import annotations

from ...lexicon import MONTH_ABBREVS_EN, MONTHS_EN

MONTHS: dict[str, int] = {**{m: i for i, m in enumerate(MONTHS_EN, start=1)}, **MONTH_ABBREVS_EN}  # English only
WEEKDAYS: dict[str, int] = {  # ISO weekday numbers (Monday = 1)
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6,
    "sat": 6, "sunday": 7, "sun": 7,
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "tonight": "NI", "noon": "MI", "midday": "MI",
}
UNITS: dict[str, str] = {  # unit word stem -> TIMEX3 duration letter
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W2",
    "month": "M", "year": "Y", "decade": "DE", "centur": "CE", "quarter": "Q", "weekend": "WE",
}
UNITS_N: dict[str, int] = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "dozen": 12, "a dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5,
    "a half": 0.5,
}
TENS_N: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "one hundred": 100,
}
VAGUE_N = {"several", "a few", "few", "some", "many", "a number of", "numerous", "a couple more"}
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}
DAY_ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}


def _alt(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# Month names must be capitalised ("may", "march" as words are not months).
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)(?![\w])"
)
WEEKDAY_RE = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)"
)
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d\w])"
YEAR_RE = r"(?:1[5-9]\d\d|20\d\d)(?![\d\w])|'\d\d(?![\d\w])"
NUM_RE = (
    r"(?:\d+(?:[.,]\d+)?(?:\s+and\s+(?:a\s+)?half|\s+1/2|\s*½)?"
    r"|(?:" + _alt(list(TENS_N)) + r")(?:[\s-](?:" + _alt([w for w in UNITS_N if " " not in w and w not in ("a", "an")]) + r"))?"
    r"|(?:" + _alt(list(UNITS_N)) + r")(?:\s+and\s+a\s+half)?"
    r"|" + _alt(list(VAGUE_N)) + r")"
)
UNIT_RE = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?"
    r"|centur(?:y|ies)|quarters?|weekends?)"
)


def month_number(word: str) -> int:
    """Month number of a month name or abbreviation (any case, trailing dot allowed)."""
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    """ISO weekday number of a weekday name or abbreviation."""
    w = word.lower().rstrip(".")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("s") if w not in WEEKDAYS else w
    return WEEKDAYS[w] if w in WEEKDAYS else WEEKDAYS[w + "s"]


def unit_code(word: str) -> str:
    """TIMEX3 unit letter(s) of a unit word ("weeks" -> "W")."""
    w = word.lower()
    for stem, code in UNITS.items():
        if w.startswith(stem):
            return code
    raise KeyError(word)


def parse_number(text: str) -> float | None:
    """Value of a numeral in digits or words; None for vague quantities ("several")."""
    t = text.lower().strip().replace("-", " ")
    t = " ".join(t.split())
    half = 0.0
    if t.endswith("and a half") or t.endswith("and half"):
        half = 0.5
        t = t.rsplit(" and ", 1)[0].strip()
    elif t.endswith("1/2") or t.endswith("½"):
        half = 0.5
        t = t[:-3].strip() if t.endswith("1/2") else t[:-1].strip()
    if t in VAGUE_N:
        return None
    if t and (t[0].isdigit()):
        try:
            return float(t.replace(",", "")) + half
        except ValueError:
            return None
    if t in UNITS_N:
        return UNITS_N[t] + half
    if t in TENS_N:
        return TENS_N[t] + half
    parts = t.split(" ")
    if len(parts) == 2 and parts[0] in TENS_N and parts[1] in UNITS_N:
        return TENS_N[parts[0]] + UNITS_N[parts[1]] + half
    return None
