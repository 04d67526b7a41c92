"""One shared lexicon: calendar words, news-agency credits, number words.

Every module that needs a month name, a weekday, a clock word, an agency credit or a number
word takes it from here, so the tables cannot drift apart (they used to: ten month tables,
some with "Sept.", some without).

Sources
- Month and weekday names: the Gregorian calendar names of English, German, French, Spanish,
  Italian and Dutch (Unicode CLDR's "wide" and "abbreviated" forms, plus the news-style
  abbreviations of the AP Stylebook: "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.").
- News agencies: the global and national wire services named in Wikipedia's "News agency"
  article (https://en.wikipedia.org/wiki/News_agency, section "Major news agencies"), as
  they are written in a dateline credit ("CITY (Agency) -"). Broadcasters and newspapers are
  not listed: a dateline credit in parentheses is recognised by its shape (``CREDIT_RE``),
  the table only tells a wire credit from other parenthesised words where the shape is not
  enough (photo credits, "via Agency").
- Number words: English cardinal words (the ordinary spelling of 0-20, the tens, and the
  scale words).
"""

from __future__ import annotations

import re

# month number -> names (lower case); the first of each row is the English full name
_MONTH_ROWS: tuple[tuple[str, ...], ...] = (
    ("january", "jan", "januar", "jänner", "janvier", "enero", "gennaio", "januari"),
    ("february", "feb", "februar", "février", "fevrier", "febrero", "febbraio", "februari"),
    ("march", "mar", "märz", "maerz", "mars", "marzo", "maart"),
    ("april", "apr", "avril", "abril", "aprile"),
    ("may", "mai", "mayo", "maggio", "mei"),
    ("june", "jun", "juni", "juin", "junio", "giugno"),
    ("july", "jul", "juli", "juillet", "julio", "luglio"),
    ("august", "aug", "août", "aout", "agosto", "augustus"),
    ("september", "sep", "sept", "septembre", "septiembre", "settembre"),
    ("october", "oct", "oktober", "octobre", "octubre", "ottobre"),
    ("november", "nov", "novembre", "noviembre"),
    ("december", "dec", "dezember", "décembre", "decembre", "diciembre", "dicembre"),
)
MONTHS: dict[str, int] = {n: i for i, row in enumerate(_MONTH_ROWS, start=1) for n in row}
MONTHS_EN: tuple[str, ...] = tuple(row[0] for row in _MONTH_ROWS)
MONTH_NAMES_EN: tuple[str, ...] = tuple(m.capitalize() for m in MONTHS_EN)
# English abbreviations as printed in news ("Sept." is AP style, "Sep" is common too)
MONTH_ABBREVS_EN: dict[str, int] = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
                                    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

# weekday number (Monday = 0) -> names (lower case); the first is the English full name
_WEEKDAY_ROWS: tuple[tuple[str, ...], ...] = (
    ("monday", "mon", "montag", "lundi"),
    ("tuesday", "tue", "tues", "dienstag", "mardi"),
    ("wednesday", "wed", "mittwoch", "mercredi"),
    ("thursday", "thu", "thur", "thurs", "donnerstag", "jeudi"),
    ("friday", "fri", "freitag", "vendredi"),
    ("saturday", "sat", "samstag", "sonnabend", "samedi"),
    ("sunday", "sun", "sonntag", "dimanche"),
)
WEEKDAYS: dict[str, int] = {n: i for i, row in enumerate(_WEEKDAY_ROWS) for n in row}
WEEKDAYS_EN: tuple[str, ...] = tuple(row[0] for row in _WEEKDAY_ROWS)
WEEKDAY_NAMES_EN: tuple[str, ...] = tuple(w.capitalize() for w in WEEKDAYS_EN)
# the capitalised English month and weekday names: words that open a date, never a name or a place
CALENDAR_NAMES_EN: frozenset[str] = frozenset((*MONTH_NAMES_EN, *WEEKDAY_NAMES_EN))

# times of day written as words
DAY_PARTS: tuple[str, ...] = ("noon", "midday", "midnight", "morning", "afternoon", "evening", "night", "dawn", "dusk")
# time-zone abbreviations printed after clock times in page stamps
TIME_ZONES: tuple[str, ...] = ("GMT", "UTC", "BST", "CET", "CEST", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST",
                               "MDT", "PT", "PST", "PDT", "IST", "JST", "AEST", "AEDT")


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# regular-expression pieces (non-capturing, case as noted)
MONTH_FULL_RE = rf"(?:{_alt(MONTH_NAMES_EN)})"  # "March" (capitalised English)
MONTH_EN_RE = rf"(?:{_alt(MONTH_NAMES_EN)}|{_alt([a.capitalize() for a in MONTH_ABBREVS_EN])})\.?"  # "Sept." "March"
MONTH_EN_RE_I = rf"(?:{_alt(list(MONTHS_EN) + list(MONTH_ABBREVS_EN))})\.?"  # for re.I patterns
MONTH_ANY_RE_I = rf"(?:{_alt(list(MONTHS))})"  # every language, for re.I patterns
WEEKDAY_FULL_RE = rf"(?:{_alt(WEEKDAY_NAMES_EN)})"  # "Monday"
_WEEKDAY_ABBREVS_EN = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
WEEKDAY_EN_RE_I = rf"(?:{_alt(list(WEEKDAYS_EN) + list(_WEEKDAY_ABBREVS_EN))})\.?"
WEEKDAY_ANY_RE_I = rf"(?:{_alt(list(WEEKDAYS))})"
TIME_ZONE_RE = rf"(?:{_alt(TIME_ZONES)})"

# wire services as printed in a dateline credit; source: Wikipedia "News agency" (see above)
NEWS_AGENCIES: tuple[str, ...] = (
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "EFE", "UPI", "Xinhua", "dpa", "DPA",
    "ANSA", "Kyodo", "Yonhap", "TASS", "Interfax", "PTI", "IANS", "ANI", "Anadolu", "APA", "Bloomberg", "CP",
    "AAP", "PA", "Bernama", "Antara", "KUNA", "WAM", "SPA", "MENA", "IRNA", "Belga", "ANP", "Ritzau", "NTB", "TT",
    "Europa Press", "Notimex", "Prensa Latina", "Jiji",
)
AGENCY_RE = rf"(?:{_alt(NEWS_AGENCIES)})"
# any dateline credit in parentheses: one to four capitalised words or an acronym ("(Agency)",
# "(Two Words)", "(ABC News)"); the shape, not a list of outlets, makes it a credit
CREDIT_RE = r"(?:[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3})"
# a wire credit where the shape alone would be too loose (inside a line): a listed agency or an
# acronym of two to six capitals ("(ABC)"), optionally with one more word ("(Agency Health)")
WIRE_CREDIT_RE = rf"(?:(?:{AGENCY_RE}|[A-Z]{{2,6}})(?: [A-Z][a-z]+)?)"
# the three global agencies of the same article ("AP, Reuters and AFP have offices in most
# countries") and the photo agencies whose names fill picture credits
GLOBAL_AGENCIES: tuple[str, ...] = ("AP", "Reuters", "AFP")
PHOTO_AGENCIES: tuple[str, ...] = ("Getty", "iStock", "Shutterstock")
CREDIT_WORDS: frozenset[str] = frozenset(a.lower() for a in (*GLOBAL_AGENCIES, *PHOTO_AGENCIES))

# English number words
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS: dict[str, int] = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
                               "trillion": 1_000_000_000_000}
NUMBER_WORD_RE = rf"(?:{_alt(list(NUMBER_WORDS) + list(SCALE_WORDS))})"


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation in any listed language ("Sept." -> 9), else None."""
    return MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    """0 (Monday) - 6 for a weekday name or abbreviation ("Thurs." -> 3), else None."""
    return WEEKDAYS.get(word.lower().rstrip("."))


_AGENCY_BY_LOWER = {a.lower(): a for a in NEWS_AGENCIES}


def agency_name(name: str) -> str | None:
    """The ``NEWS_AGENCIES`` entry a credit names ("Reuters Health" -> "Reuters", "Ap Auto
    Writer" -> "AP"), matched case-insensitively on the whole credit or its first word."""
    s = name.strip()
    if not s:
        return None
    return _AGENCY_BY_LOWER.get(s.lower()) or _AGENCY_BY_LOWER.get(s.split()[0].lower())


def is_agency(name: str) -> bool:
    """True for a credit that names a wire service of ``NEWS_AGENCIES``."""
    return agency_name(name) is not None
