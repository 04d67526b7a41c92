"""What a figure counts: the counted noun after it, the state in its clause, its unit and place.

A number becomes a claim only when it counts something (a noun of ``lexicon.NOUNS``, a
state like "21 wounded", a toll "the death toll rose to 200", or money); dates, times,
ages, physical measures, ordinals and numbers inside names are refused here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import CALENDAR_NAMES_EN
from ..story_profile import StoryProfile, is_demonym
from .lexicon import NOT_COUNTS, NOUNS, STATES
from .quantities import Quantity, find_quantities

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[%$£€]|[^\sA-Za-z\d]")
_MONTHS = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$"
)
_DETS = {"the", "its", "their", "his", "her", "our", "them", "those", "these", "whom", "which"}
# general English modifiers of a count ("12 more", "three seriously injured", "40 aid workers");
# what a particular story puts between a figure and its noun comes from the story's documents
# (``StoryProfile.modifiers``), a nationality from the demonym reader, a name from capitals
_SKIPPABLE = {"more", "other", "further", "additional", "new", "estimated", "confirmed", "reported",
              "known", "foreign", "local", "innocent", "unarmed", "armed", "seriously", "badly",
              "critically", "severely", "slightly", "injured", "wounded", "dead", "government", "rebel",
              "opposition", "military", "security", "police", "aid", "rescue", "relief", "search-and-rescue",
              "medical", "emergency", "army", "foreign-born", "young", "elderly", "senior", "civilian", "live"}
_AFFIX = re.compile(r"(?:pro|anti|non|ex)-[A-Za-z][\w'’-]*|[A-Z][A-Z.]{1,5}")  # "pro-government", "UN", "U.S."


def _modifier(w: str, extra: frozenset[str] = frozenset()) -> bool:
    """A word that qualifies the counted noun after it: general modifiers, the story's own
    (``extra``), nationalities ("British"), "pro-/anti-" compounds and acronyms ("UN")."""
    lw = w.lower()
    return lw in _SKIPPABLE or lw in extra or bool(_AFFIX.fullmatch(w)) or (is_demonym(w) and not _nationals(w))


def _nationals(w: str) -> bool:
    """A plural demonym ("Kenyans", "Peruvians"): people of a country, a counted noun."""
    return w.endswith("s") and not w.endswith("ss") and is_demonym(w)


_TOLL = re.compile(r"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed|victims|casualties)"
                   r"|killing|killed|kills|dead\s+(?:at|to)|deaths\s+(?:at|to))\b[^.;:]{0,40}$", re.I)
_TOLL_TAIL = re.compile(r"(?:rose|risen|rising|climbed|climbing|reached|stood|stands|stand|is|was|at|to|of|"
                        r"put|puts|estimated|reported|now|has|had|been|have|the|a|around|about|some|nearly|"
                        r"more|than|over|under|least|in|on|between)\b", re.I)
_RATE = re.compile(r"^\s*(?:a|per|each|every)\s+(day|week|month|year)\b", re.I)
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ians?|ans?|ines?|ese|is|ish)")
_STOPWORDS = {"were", "are", "was", "is", "have", "had", "has", "been", "be", "of", "to", "in", "on", "at", "and",
              "or", "but", "the", "a", "an", "from", "by", "for", "with", "that", "who", "which", "as", "per",
              "more", "than", "times", "percent", "died", "killed", "could", "would", "will", "may", "might"}
_CURRENCY_WORDS = {"euros": "EUR", "euro": "EUR", "dollars": "USD", "pounds": "GBP", "yuan": "CNY",
                   "francs": "CHF", "yen": "JPY"}  # a currency several countries share is the home country's
_STATEFUL = {"people", "soldiers", "rebels", "bodies", "deaths", "injuries", "staff"}
_PLACE_PREP = re.compile(r"\b(?:in|across|at|near|around|outside|inside|from|off)\s+(?:the\s+)?$", re.I)


@dataclass
class Measure:
    noun: str  # canonical counted noun ("people", "soldiers", "barrels", "money")
    state: str | None  # "killed", "injured", ... or None
    unit: str
    place: str | None = None
    noun_text: str | None = None

    @property
    def name(self) -> str:
        base = self.noun
        if self.noun in ("bodies", "deaths") and self.state in (None, "killed"):
            base, state = "people", "killed"
        elif self.noun == "bodies" and self.state == "recovered":
            base, state = "bodies", "recovered"
        elif self.noun == "injuries":
            base, state = "people", "injured"
        else:
            state = self.state
        if self.noun == "barrels":
            name = self.unit  # a volume ("barrels") or a flow ("barrels per day")
        else:
            name = f"{base} {state}" if state else base
        return name  # the place is a key of its own (Claim.place), not part of the measure


# "34-year-old", also written "34-year old" / "34 year old"
_YEAR_OLD = r"[- ]years?[- ]old"
_AGE = re.compile(_YEAR_OLD + r"\s+([A-Z][a-z]+)(?:\s+\([^()]{1,20}\))?\s+[A-Z][a-z]+")
_NOT_NAMES = CALENDAR_NAMES_EN


_PERSON_KINDS = frozenset({"people", "staff", "soldiers", "rebels"})
_AGE_PHRASE = re.compile(_YEAR_OLD + r"((?:\s+[A-Za-z][\w'’]*(?:-[A-Za-z][\w'’]*)*){1,4})")


def person_head(word: str) -> bool:
    """``word`` names a person: a singular noun of people from the counted-noun table ("man",
    "resident", "member", "officer") or a nationality ("American")."""
    low = word.lower()
    if word[:1].isupper():
        return is_demonym(word) and not _nationals(word)
    return (NOUNS.get(low) in _PERSON_KINDS or NOUNS.get(low + "s") in _PERSON_KINDS) and not low.endswith("s")


def described_age(text: str, q: Quantity, sent_start: int, sent_end: int, profile: StoryProfile | None) -> str | None:
    """Who an age "N-year-old ..." describes, when the phrase is a person of the story: "the
    36-year-old champion Smith" (a person the story names, ``StoryProfile.people``) or, after an
    article, a person described by role or origin ("the 40-year-old American", "a 57-year-old
    local woman", "the 29-year-old gang member"). Not "his 6-year-old son" (a relative), nor
    "a 100-year-old building" (a thing)."""
    if not q.bare_digits or not 1 <= q.low <= 110 or q.low != q.high:
        return None
    m = _AGE_PHRASE.match(text, q.end, sent_end)
    if m is None:
        return None
    words = [re.sub(r"(?:'s|’s)$", "", w) for w in m.group(1).split()]
    det = re.search(r"(?:^|\s)(?:a|an|the)\s+$", text[max(sent_start, q.start - 6):q.start], re.I)
    for k, w in enumerate(words):
        if w[:1].isupper() and profile is not None and profile.is_story_person(w) and w not in _NOT_NAMES:
            return w
        if det is None:
            continue
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if person_head(w) and not (nxt.lower() in NOUNS or _plural_noun(nxt) or person_head(nxt)):
            return " ".join(words[:k + 1])  # the head closes the noun phrase
    return None


def named_age(after: str) -> str | None:
    """The first name of the person whose age the figure gives, when the text right after it is
    "-year-old First Last" ("16-year-old Kimani Gray", "68-year-old Gadhafi" is not a full name);
    the age of a person the story names in full is a figure of the story, a nationality is not a name."""
    m = _AGE.match(after)
    if not m or m.group(1) in _NOT_NAMES or is_demonym(m.group(1)):
        return None
    return m.group(1)


# "Yvonne Hiller, 43," / "Riva, 47, of ..." / "LaCalamita III, 38," / "Pitman, aged 24": the name right before
_NAME_COMMA = re.compile(r"\b([A-Z][A-Za-z'’-]+)(?:\s+(?:Jr\.?|Sr\.?|II|III|IV))?,\s*(?:aged\s+)?$")


def person_age(text: str, q: Quantity, sent_start: int, sent_end: int, profile: StoryProfile | None) -> str | None:
    """The surname of the person whose age ``q`` gives in apposition ("Jane Doe, 43, was charged"),
    when that person is one the story is about (``StoryProfile.people``: named in several of its
    documents); None otherwise (a bystander's age, a number after a name that is no age)."""
    if profile is None or not profile.people or not q.bare_digits or not 1 <= q.low <= 110 or q.low != q.high:
        return None
    m = _NAME_COMMA.search(text[max(sent_start, q.start - 40):q.start])
    if m is None:
        return None
    aged = m.group(0).rstrip().endswith(("aged", "age"))  # "Jane Doe, aged 24 and from ...": the word says it
    if not aged and not re.match(r"\s*(?:[,;)]|\.(?!\d)|$)", text[q.end:min(sent_end, q.end + 3)] or ""):
        return None
    name = m.group(1)
    return name if profile.is_story_person(name) else None


# "He was 75.", "Jane Doe was 35 years old and ...", "died at 75": an age said of a person as a predicate
_AGE_PREDICATE = re.compile(r"\b(?P<subj>[Hh]e|[Ss]he|[A-Z][\w'’-]+)\s+(?:was|is|had\s+been|has\s+been|turned|turns|"
                            r"died\s+at|dies\s+at|died\s+aged|dies\s+aged)\s+(?:aged?\s+)?$")
_AGE_END = re.compile(r"(?P<old>\s+years?\s+old)?\s*(?:[.,;)]|\s+(?:and|when|at\s+the\s+time)\b|$)")


def predicate_age(text: str, q: Quantity, sent_start: int, sent_end: int, profile: StoryProfile | None) -> str | None:
    """Who ``q`` gives the age of when it is said as a predicate of a person ("He was 75.",
    "Smith was 35 years old and ...", "dies at 75"): the subject, when it is "he"/"she" or a
    person the story names, or any capitalised name when "years old" says it is an age."""
    if not q.bare_digits or not 1 <= q.low <= 110 or q.low != q.high:
        return None
    m = _AGE_PREDICATE.search(text, max(sent_start, q.start - 40), q.start)
    end = _AGE_END.match(text, q.end, sent_end)
    if m is None or end is None:
        return None
    subj = m.group("subj")
    if subj.lower() in ("he", "she"):
        return subj.lower()
    if subj in _NOT_NAMES or subj in ("The", "It", "This", "That", "There"):
        return None
    if end.group("old") or (profile is not None and profile.is_story_person(subj)):
        return subj
    return None


# a collective of people whose size follows "of"
_OF_PEOPLE = re.compile(r"\b(?:crowd|population|town|city|village|community|audience|attendance)\s+of\s+"
                        r"(?:(?:about|some|around|nearly|almost|roughly|more\s+than|over|just|only)\s+)?$", re.I)
_PASSIVE_STATE = re.compile(r"(?:were|have\s+been|had\s+been)\s+(?:arrested|detained|rescued)\b")
_CODE = re.compile(r"[A-Z]{1,4}-?")


def _model_code(toks: list[tuple[str, int, int]], i: int) -> bool:
    """Tokens ``i``, ``i+1`` are a model designation: capitals then a number ("AK-47", "AK 47",
    "F-16"), directly followed by a lower-case noun."""
    if i + 2 >= len(toks) or not _CODE.fullmatch(toks[i][0]) or not toks[i + 1][0].isdigit():
        return False
    return toks[i + 1][1] - toks[i][2] <= 1 and toks[i + 2][0].isalpha() and toks[i + 2][0].islower()


def _tokens(s: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group(0), offset + m.start(), offset + m.end()) for m in _WORD.finditer(s)]


def refuse(text: str, q: Quantity, sent_start: int, sent_end: int, profile: StoryProfile | None = None) -> bool:
    """True for numbers that are not figures: years, dates, times, ages (but those of the story's
    own persons, ``person_age``), names, ordinals, codes."""
    before = text[max(sent_start, q.start - 25):q.start]
    after = text[q.end:min(sent_end, q.end + 25)]
    low_after = after.lower()
    # a time "6:21", "1535 GMT", a phone "0800 123", a decimal split by the tokenizer
    if re.match(r"[:/]\d", after) or re.search(r"\d[:/]$", before):
        return True
    if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|bst\b|[ecmp][sd]t\b|hrs\b|local time)", low_after):
        return True
    # dates: "13 Jan", "January 12", "in 2008", a year-like bare number
    if _MONTHS.search(before.strip()) or re.match(r"\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b", after):
        return True
    if q.bare_digits and 1900 <= q.low <= 2100:
        nxt = _tokens(after)
        if not nxt or nxt[0][0].lower() not in NOUNS:
            return True
    # line-initial time stamps of live pages ("2112 Jane Doe said ...")
    if q.bare_digits and q.start == sent_start and len(q.text) == 4:
        return True
    if (named_age(text[q.end:min(sent_end, q.end + 60)]) or person_age(text, q, sent_start, sent_end, profile)
            or described_age(text, q, sent_start, sent_end, profile) or predicate_age(text, q, sent_start, sent_end, profile)):
        return False
    # percentages are not counts (documented choice), nor "N-year-old", "7.0-magnitude"
    if re.match(r"\s*(?:%|per\s*cent|percent|pc\b)", low_after):
        return True
    m = re.match(r"\s*-?\s*([A-Za-z]+)", after)
    if m and m.group(1).lower() in NOT_COUNTS and not re.match(r"\s*-?\s*(?:square\s+)?(?:miles?|km)\s+(?:of|long|wide)", low_after):
        return True
    if re.match(r"-(?:year|month|week|day|hour|minute)", low_after) or re.match(r"\s*(?:st|nd|rd|th)\b", low_after):
        return True
    # "twice as many", "twice the size", "twice a day": a ratio or a rate, not a count of times
    if q.text.lower().endswith("twice") and re.match(r"\s*(?:as|the|that|than|a|an|per|every|each|more|over|weekly|daily|monthly|yearly)\b", low_after):
        return True
    # "one of the", "one another", "no one", "one day"
    if q.text.lower() == "one" and re.match(r"\s+(?:of|another|day|side|thing|way|more|time)\b", low_after):
        return True
    if q.text.lower() in ("one", "a dozen") and re.search(r"\b(?:no|any|every|each|the|this|that)\s*$", before.lower()):
        return True
    # a number inside a name or code: "Route 66", "Resolution 1973", "Flight 447", "Apollo 13"
    if q.bare_digits:
        prev = _tokens(before)
        if prev and prev[-1][0][:1].isupper() and prev[-1][2] == q.start - 1 and q.start - 1 > sent_start:
            nxt = _tokens(after)
            if not nxt or nxt[0][0].lower() not in NOUNS:
                return True
        if q.text.isdigit() and re.search(r"(?<![A-Za-z])[A-Z]{2,4}[\s-]$", before):
            return True  # "AK 47 rifles", "F-16 jets": a model designation, not 47 rifles
        # ages after a name: "John Smith, 66," / "aged 45"
        if re.search(r"\baged?\s*$", before.lower()) or (re.search(r"[A-Z][a-z]+,\s*$", before) and re.match(r"\s*,", after)):
            return True
    return False


_NOT_PLURAL = {"was", "has", "is", "does", "this", "its", "his", "hers", "ours", "theirs", "yours", "us", "as",
               "thus", "plus", "less", "unless", "always", "perhaps", "whereas", "towards", "afterwards",
               "news", "series", "species", "means", "chaos", "gas", "bus", "status", "analysis", "basis",
               "crisis", "focus", "virus", "campus", "census", "bonus", "various", "serious", "previous",
               "famous", "numerous", "dangerous", "obvious", "enormous", "tremendous", "anonymous", "across",
               "billions", "millions", "thousands", "hundreds", "dozens", "tens", "scores", "others", "ones",
               "aftermaths", "sayings", "lows", "highs", "odds", "terms", "thanks", "needs", "goes", "comes",
               "seems", "makes", "takes", "gets", "says", "tells", "adds", "plans", "wants", "remains", "points"}


def _plural_noun(w: str) -> bool:
    lw = w.lower()
    if "-" in w and w.replace("-", "").isalpha() and w.islower() and len(w) > 4:
        w = lw = w.rsplit("-", 1)[1]  # "run-ins", "half-brothers", "co-workers": the last part is the noun
        return len(lw) > 2 and lw.endswith("s") and not lw.endswith(("ss", "us", "ous", "is")) and lw not in _NOT_PLURAL
    return (w.isalpha() and w.islower() and len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "ous", "is"))
            and lw not in _NOT_PLURAL and lw not in NOT_COUNTS)


def find_measure(text: str, q: Quantity, sent_start: int, sent_end: int, prev: Measure | None,
                 profile: StoryProfile | None = None) -> Measure | None:
    """The measure ``q`` counts, or None when it counts nothing we recognise; ``profile`` gives
    the story's own modifiers of counts and its home currency."""
    extra = profile.modifiers if profile is not None else frozenset()
    currencies = dict(_CURRENCY_WORDS)
    if profile is not None and profile.currency:
        name, code = profile.currency
        currencies.setdefault(name, code)
        currencies.setdefault(name + "s", code)
    after = text[q.end:sent_end]
    name = (named_age(after) or person_age(text, q, sent_start, sent_end, profile)
            or described_age(text, q, sent_start, sent_end, profile) or predicate_age(text, q, sent_start, sent_end, profile))
    if name:
        return Measure("age", None, "years", None, name)
    if q.text.lower().endswith("twice"):
        return Measure("times", None, "times", _place(text, q, sent_start, sent_end), "twice")
    toks = _tokens(after[:120], q.end)
    noun = noun_text = None
    if _OF_PEOPLE.search(text, max(sent_start, q.start - 40), q.start) and not (toks and (toks[0][0].lower() in NOUNS or _plural_noun(toks[0][0]))):
        # "a crowd of 22,000", "the town of 14,000", "a population of 2,500": people
        return Measure("people", None, "people", _place(text, q, sent_start, sent_end), None)
    if toks and toks[0][0].lower() == "others" and q.low >= 1 and not q.currency:
        # "killed one and injured two others", "two others were wounded": people, in the state of their clause
        return Measure("people", _state(text, q, sent_start, sent_end), "people", _place(text, q, sent_start, sent_end), "others")
    state = None
    unit = "people"
    i = 0
    # "80-strong rescue team", "350-strong contingent"
    if toks and toks[0][0] == "-" and len(toks) > 1 and toks[1][0].lower() == "strong":
        noun, noun_text, state = "people", toks[1][0], "deployed"
    if q.low == q.high == 1 and not q.currency:
        # "one count of attempted murder", "one attempted murder charge": a count of an indictment
        # (the plural "two counts" is any plural noun below)
        for t in toks[:4]:
            if t[0].lower() in ("count", "charge"):
                noun, noun_text = t[0].lower() + "s", t[0]
                break
            if not (t[0].isalpha() and t[0].islower() and t[0].lower() not in _STOPWORDS):
                break
    while noun is None and i < min(len(toks), 6):
        w = toks[i][0]
        lw = w.lower()
        two = f"{lw} {toks[i + 1][0].lower()}" if i + 1 < len(toks) else ""
        if lw in currencies and not q.currency and all(t[0] == "-" for t in toks[:i]):
            noun, unit = "money", currencies[lw]  # "500 million dinars": money, not a count of things
            break
        if two in NOUNS:
            noun, noun_text = NOUNS[two], two
            break
        if lw in NOUNS:
            noun, noun_text = NOUNS[lw], w
            if noun in ("deaths", "injuries", "bodies") or lw in ("dead", "injured", "wounded"):
                state = {"deaths": "killed", "injuries": "injured"}.get(noun)
                if lw in ("dead",):
                    noun, state = "people", "killed"
                elif lw in ("injured", "wounded"):
                    # "21 wounded" (a state) vs "21 wounded civilians" (a modifier)
                    if i + 1 < len(toks) and toks[i + 1][0].lower() in NOUNS:
                        i += 1
                        continue
                    noun, state = (prev.noun if prev else "people"), "injured"
            break
        if lw == "of" and i + 1 < len(toks):
            j = i + 1
            if toks[j][0].lower() in _DETS or re.fullmatch(r"[A-Za-z][\w-]*['’]s", toks[j][0]):
                j += 1  # "of the", "of its", "seven of Jane's friends"
            while j < len(toks) and j < i + 5 and not _nationals(toks[j][0]) and (_modifier(toks[j][0], extra) or (
                    toks[j][0].replace("-", "").isalpha() and toks[j][0].lower() not in _STOPWORDS and toks[j][0].lower() not in NOUNS
                    and not _plural_noun(toks[j][0]))):
                j += 1
            if j < len(toks) and toks[j][0].lower() in NOUNS:
                noun, noun_text = NOUNS[toks[j][0].lower()], toks[j][0]
            elif j < len(toks) and _nationals(toks[j][0]):
                noun, noun_text = "people", toks[j][0]  # "hundreds of Kenyans"
            elif j < len(toks) and _plural_noun(toks[j][0]):
                noun, noun_text = toks[j][0].lower(), toks[j][0]
            break
        if (_NATIONALITY.fullmatch(w) and not (i + 1 < len(toks) and toks[i + 1][0].lower() in NOUNS)
                and not (i + 1 < len(toks) and toks[i + 1][0][:1].isupper())):
            # "three Kenyans", "one Argentine and one Chadian": nationals are people
            nxt = toks[i + 1][0].lower() if i + 1 < len(toks) else ""
            if nxt not in ("and", "or") or w.endswith("s") or q.text.lower() in ("one", "a"):
                noun, noun_text = "people", w
                break
        if (lw in ("and", "or") and 0 < i < 4 and _modifier(toks[i - 1][0], extra) and i + 2 < len(toks)
                and _modifier(toks[i + 1][0], extra) and toks[i + 2][0].lower() in NOUNS):
            i += 1  # "36 UN military and police personnel": two modifiers of one noun
            continue
        if _model_code(toks, i):
            i += 2  # "six AK-47 rifles", "two F-16 jets": a model designation qualifies the noun
            continue
        if _modifier(w, extra) or (w[:1].isupper() and w.isalpha() and i < 3) or lw in ("-", '"', "“", "”", "'"):
            i += 1
            continue
        if w.isalpha() and w.islower() and lw not in _STOPWORDS and i < 2:
            # an unknown modifier ("69 response vessels"): skip it only if a counted noun follows
            # in the same phrase ("two sons, ages 6 and 16": "ages" is not what "two" counts)
            phrase = toks[i + 1:i + 3]
            phrase = phrase[:next((k for k, t in enumerate(phrase) if not t[0][:1].isalnum()), len(phrase))]
            if any(t[0].lower() in NOUNS or _plural_noun(t[0]) for t in phrase):
                i += 1
                continue
        if _plural_noun(w) and q.low >= 2 and not q.currency:
            # any other plural noun counts something: "33 rigs", "two strong aftershocks"
            noun, noun_text = lw, w
        break
    if noun is None and q.currency:
        noun, unit = "money", q.currency
    if noun is None and toks and toks[0][0].lower() in currencies:
        noun, unit = "money", currencies[toks[0][0].lower()]
    if noun is None and toks:
        # "21 wounded", "up to 3m affected", "56 were injured": the state alone
        nxt = " ".join(t[0].lower() for t in toks[:4])
        for st, cues in STATES:
            if any(re.match(rf"(?:(?:were|are|have been|had been|was|people|more)\s+)?(?:(?:made|left|reported|feared|believed)\s+)?"
                            rf"{re.escape(c)}\b", nxt) for c in cues):
                if st in ("deployed", "arrested", "rescued") and prev is None and not _PASSIVE_STATE.match(nxt):
                    break  # "46 were arrested" names its state; a bare "12 held" does not
                noun, state = (prev.noun if prev else "people"), st
                noun_text = None
                break
    if noun is None:
        # "the death toll rose to 200", "killed 30", "the number of dead at 12"
        before = text[max(sent_start, q.start - 60):q.start]
        if _TOLL.search(before) and not (toks and toks[0][0].lower() in NOT_COUNTS):
            noun, state = "people", "killed"
    if noun is None:
        return None
    if noun == "money":
        low = text[max(sent_start, q.start - 60):min(sent_end, q.end + 60)].lower()  # the figure's own clause
        for key, cues in (("aid", ("aid", "relief", "donat", "pledg", "appeal")), ("compensation fund", ("escrow", "fund", "compensation", "claims")),
                          ("cost", ("cost", "spent", "spend", "bill")), ("fine", ("fine", "penalt"))):
            if any(c in low for c in cues):
                state = key
                break
        return Measure("money", state, unit, _place(text, q, sent_start, sent_end), noun_text)
    if noun == "barrels":
        rest = text[toks[i][2] if i < len(toks) else q.end:sent_end]
        rest = re.sub(r"^\s*(?:\([^)]{0,60}\)\s*)?(?:of\s+(?:an?\s+)?[a-z][\w-]*(?:\s+mix)?\s*)?", " ", rest)
        m = _RATE.match(rest) if noun_text else None
        if m is None and noun_text:
            # "12,000 barrels were flowing into the sea every day": the rate closes the clause
            clause = re.split(r"[;,]|\b(?:and|but|while|which|who)\b", rest)[0][:80]
            m = re.search(r"\b(?:a|per|each|every)\s+(day|week|month|year)\b", clause, re.I)
        unit = (noun_text or "barrels").lower()
        unit = unit if unit.endswith("s") else unit + "s"
        if m:
            unit += " per " + m.group(1).lower()
        return Measure("barrels", None, unit, _place(text, q, sent_start, sent_end), noun_text)
    if noun in ("tonnes",):
        return Measure("tonnes", None, "tonnes", _place(text, q, sent_start, sent_end), noun_text)
    if state is None and noun in _STATEFUL:
        state = _state(text, q, sent_start, sent_end)
    unit = "people" if noun in _STATEFUL else noun
    return Measure(noun, state, unit, _place(text, q, sent_start, sent_end), noun_text)


def _state(text: str, q: Quantity, sent_start: int, sent_end: int) -> str | None:
    """The nearest state word in the clause of ``q`` (after it first, then before)."""
    lo = max(sent_start, q.start - 60)
    hi = min(sent_end, q.end + 70)
    clause_after = re.split(r"[;:]|,\s+(?:but|while|and)\b|\band\s+(?:an?\s+|up\s+to\s+|at\s+least\s+)?\d", text[q.end:hi])[0]
    others = [o for o in find_quantities(text, q.end, hi) if o.start > q.end]
    if others:
        # "tens of thousands of protesters ..., at least 20 people are killed": a state after
        # another figure belongs to that figure
        clause_after = clause_after[:others[0].start - q.end]
    clause_before = re.split(r"[;:]|\bbut\b", text[lo:q.start])[-1]
    best: tuple[int, str] | None = None
    for st, cues in STATES:
        if st == "deployed":
            continue
        for c in cues:
            for m in re.finditer(rf"\b{re.escape(c)}\b", clause_after, re.I):
                d = m.start()
                if best is None or d < best[0]:
                    best = (d, st)
            for m in re.finditer(rf"\b{re.escape(c)}\b", clause_before, re.I):
                d = len(clause_before) - m.end() + 40  # prefer what follows the figure
                if best is None or d < best[0]:
                    best = (d, st)
    return best[1] if best else None


def _place(text: str, q: Quantity, sent_start: int, sent_end: int) -> str | None:
    """A capitalised place after "in/across/at ..." in the clause following the figure."""
    tail = text[q.end:sent_end]
    tail = re.split(r"[;:]|,\s+(?:but|while|and)\b|\band\s+that\b|\bsaid\b|\bsays\b|\baccording\b", tail)[0]
    m = re.search(r"\b(?:in|across|at|near|outside|inside)\s+(?:the\s+)?((?:[A-Z][a-zA-Z'-]+)(?:[\s-]+(?:[A-Z][a-zA-Z'-]+|(?:au|de|of)\b))*)", tail)
    if not m or m.start() > 90:
        return None
    place = re.sub(r"\s+(?:of|au|de)$", "", m.group(1))
    if place.split()[0] in CALENDAR_NAMES_EN or place.split()[0] in ("The", "A"):
        return None
    return place
