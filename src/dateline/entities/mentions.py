"""Mentions of one document: spaCy's entities with fixed boundaries, titles, defined acronyms,
and in-document references ("Haddadi", "the colonel", "NRC") pointed at their full name.

Each mention may carry in ``attrs``:
  ``title``      a title written with the name ("Colonel", "Lieutenant General");
  ``ref``        the full in-document name this mention refers to;
  ``expansion``  for an acronym, its expansion defined in the text;
  ``nominal``    True for a noun phrase reference ("the colonel", "the council").
"""

from __future__ import annotations

import re

from ..model import Mention
from ..nlp import Annotation
from .backrefs import ORG_HEADS
from .gender import sex_clash, title_sex
from .names import acronym_of, acronym_spells, key, person_compatible, same_token, tokens
from .spans import (
    TITLE_RE,
    canonical_title,
    negated,
    prefixed_adjective,
    repair_spans,
    split_at_breaks,
    split_title,
    title_before,
    trim,
)

KEEP = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Z.&]{1,9})\s*\)")
_NAME_WORD = re.compile(r"[A-Z][\w'’.\-]*|of|for|the|and|on|de|al|el")
_KIN = re.compile(r"\b(?:sons?|daughters?|wife|widow|brothers?|sisters?|nephew|niece|cousin|grandson|son-in-law)\b", re.I)
# a name introduced as somebody's relative ("her daughter, Jane", "and sister Jane Smith", "his mother Mary Smith")
_KIN_BEFORE = re.compile(
    r"\b(?:sons?|daughters?|wife|widow|husband|brothers?|sisters?|mother|father|parents|grand(?:mother|father|son|"
    r"daughter)|nephew|niece|cousin|son-in-law|daughter-in-law|stepson|stepdaughter),? $", re.I)
_PLACE_AFTER = re.compile(
    r" (?:village|town|city|district|province|region|regency|governorate|island|oasis|oilfield|port|airport|area)\b"
    # the first of two places named with one plural head ("the X and Y areas"), or an apposition
    # that makes it a town ("X, the capital of Y county")
    r"|(?: and [A-Z][\w'’-]+)+ (?:areas|villages|towns|districts|provinces|regions)\b"
    r"|, (?:the|a) (?:capital|main town|largest town|town|village|city|port city|provincial capital) (?:of|in)\b"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:near|outside|towards?|past|around|(?:the )?(?:town|village|city|province|district) of|west of|east of|south of|north of) $")
# a name in a list that a plural place noun introduces: "the villages of X and Y", "the hardest-hit
# villages were W, X, Y and Z"
_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
_PLACE_LIST_BEFORE = re.compile(
    r"\b(?:villages|towns|cities|hamlets|districts|provinces|islands)"
    r"(?: (?:of|were|are|include|included|including|such as|like|identified as|named|called))+ "
    r"(?:" + _NAME + r"(?:, and |, | and | or ))*$")
_DESCRIPTOR_TAIL = re.compile(r" (?:province|district|regency|governorate|region|island|oblast|prefecture|municipality|village|town)$")
_PLACE_NAME = re.compile(
    r"^(?:(?:Mount|Mt\.?|Fort|Ft\.?|Lake|Port|Cape|Gulf of) [A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?"
    r"|[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)? (?:Regency|District|Province|Island|Mountains|Valley|Governorate))$"
)  # a place by its own head word ("Mount Sefton", "Fort Coffee", "Bener Meriah Regency")
_GROUP_WORDS = frozenset(
    "army front brigade brigades party movement council committee company group forces battalion league "
    "union association club university college school hospital herald times post news star journal".split()
)  # a group's name is not a place even when it starts like one ("Fort Worth Star-Telegram")
_IN_PLACE = re.compile(r"\b(?:in|at|from|into|to|near|outside|of|towards?|around)\s+$", re.I)
_PERSON_PREP = re.compile(r"\b(?:of|to|from)\s+$", re.I)
_PLACE_AFTER_WORD = re.compile(r"(?:[,.;:)\s]|$)")
_ROLE = (
    r"(?:official|spokesman|spokeswoman|spokesperson|resident|witness|survivor|doctor|nurse|lawyer|attorney|"
    r"prosecutor|officer|commander|minister|analyst|researcher|professor|director|chairman|chairwoman|"
    r"executive|manager|farmer|teacher|student|engineer|worker|villager|reporter|journalist|activist|chief)"
)  # nouns for a person's role: "X, an official of ...", "agency official X"
_ROLE_AFTER = re.compile(r", (?:an?|the) (?:[a-z][\w\-]* ){0,3}" + _ROLE + r"\b|, who\b")
_ROLE_BEFORE = re.compile(r"(?<![A-Z\w])" + _ROLE + r" $")
_BUSINESS = (
    r"(?:firm|company|contractor|sub-?contractor|giant|operator|maker|manufacturer|producer|insurer|carrier|"
    r"airline|retailer|lender|broadcaster|publisher|conglomerate|supplier|developer|news agency|group)"
)  # nouns for a business or body: "drilling firm X", "cement contractor X", "X, the oil company"
_BUSINESS_BEFORE = re.compile(r"(?<![A-Za-z])[a-z][\w\-]* " + _BUSINESS + r" $|(?<![A-Za-z])" + _BUSINESS + r" $")
_BUSINESS_AFTER = re.compile(r", (?:an?|the) (?:[a-z][\w\-]* ){0,3}" + _BUSINESS + r"\b")
_NOMINAL_PERSON = re.compile(
    r"\bthe (colonel|general|president|sheikh|king|prime minister|emir|commissioner|mayor|governor|senator|"
    r"sheriff|judge|pope|chancellor|inspector)\b", re.I)
_NOMINAL_ORG = re.compile(r"\bthe (" + "|".join(ORG_HEADS) + r")\b", re.I)


def extract_mentions(text: str, annotation: Annotation) -> list[Mention]:
    """Entity mentions of one document (map phase), sorted by position."""
    out: list[Mention] = []
    for s0, e0, label in repair_spans(text, split_at_breaks(text, list(annotation.entities))):
        if label not in KEEP or negated(text, s0) or prefixed_adjective(text, s0, e0):
            continue
        m = _mention(text, s0, e0, label)
        if m is not None:
            out.append(m)
    out = [m for m in out if not _common_word(text, m)]
    out = _add_acronyms(text, out)
    _mark_kin_of(out, text)
    _plural_bodies(out, text)
    _resolve_people(out, text)
    out.extend(_nominals(text, out))
    out.sort(key=lambda m: (m.start, m.end))
    return out


# a ship by its prefix: a navy's ship prefix ("INS", "USS", "HMS") or a word for a vessel ("warship
# X", "Naval Ship X"); the ship is the name after it
_SHIP_PREFIX = r"(?:INS|USS|HMS|HMAS|HMCS|HMNZS|MV|M/V|RFA|PNS|ROKS|FS|USNS)"
_SHIP_WORDS = r"(?:(?:[A-Z][a-z]+ )?(?:[Ww]arship|[Pp]atrol [Vv]essel|[Vv]essel|[Ff]rigate|[Dd]estroyer|[Cc]orvette|Naval Ship))"
_SHIP_LEAD = re.compile(r"(?:" + _SHIP_WORDS + r" )?(?:" + _SHIP_PREFIX + r" )?(?=[A-Z])")
_SHIP_BEFORE = re.compile(r"(?:\b" + _SHIP_PREFIX + r"|\b(?:warship|frigate|destroyer|corvette|[Nn]aval [Ss]hip)) $")


def _ship(text: str, s: int, e: int) -> tuple[int, bool]:
    """The start of the ship's own name and whether the text writes a ship there."""
    lead = _SHIP_LEAD.match(text, s, e)
    if lead and lead.end() > s and lead.end() < e:
        return lead.end(), True
    return s, bool(_SHIP_BEFORE.search(text, max(0, s - 24), s))


def _mention(text: str, s: int, e: int, label: str) -> Mention | None:
    s, e = trim(text, s, e)
    if e <= s:
        return None
    s, ship = _ship(text, s, e)
    if ship:
        return Mention(s, e, text[s:e], "FAC", {"vessel": True})
    inside_title = TITLE_RE.match(text[s:s + 40])
    if inside_title and s + len(inside_title.group().rstrip()) > e:
        return None  # "Brig" of "Brig. Gen. Omar Haddadi": part of a title, not a name
    attrs: dict[str, object] = {}
    if label in ("PERSON", "ORG", "GPE", "NORP") and TITLE_RE.match(text[s:e]):
        ns, title = split_title(text, s, e)
        if title:
            attrs["title"] = canonical_title(title)
            s, label = ns, "PERSON"
    elif label == "PERSON":
        t = title_before(text, s)
        if t:
            attrs["title"] = canonical_title(t)
    surface = text[s:e]
    if not any(c.isupper() for c in surface) or len(surface) < 2 or not_a_name(surface):
        return None
    if label == "PERSON" and _KIN_BEFORE.search(text, max(0, s - 20), s):
        attrs["kin"] = True  # introduced as a relative: rarely the one the story calls by bare surname
    if label in ("GPE", "LOC", "NORP") and _business_written(text, s, e):
        label = "ORG"  # "drilling firm X", "cement contractor X", "X, the oil company": a business
        attrs["org_cue"] = True
    elif label == "PERSON" and " " not in surface and "title" not in attrs and _business_written(text, s, e):
        attrs["org_cue"] = True  # a vote only: "the firm Smith founded" names a person
    elif label == "PERSON" and " " not in surface and "title" not in attrs and (
            _role_written(text, s, e) or _KIN.search(text, max(0, s - 25), s)):
        attrs["person_cue"] = True  # "spokeswoman Byrs", "another Gaddafi son, Mutassim": a person by the text's word
    elif label in ("GPE", "LOC", "NORP") and " " not in surface and _role_written(text, s, e):
        label = "PERSON"  # "Fauzi, an official of the agency", "agency official Fauzi": a person
        attrs["person_cue"] = True
    elif label in ("GPE", "LOC") and " " in surface and _is_group_name(surface):
        label = "ORG"  # "Free Northern Army", "Popular Mobilisation Forces": a group, not a place
    elif label not in ("GPE", "LOC", "FAC") and _PLACE_NAME.match(surface) and not (set(surface.lower().split()) & _GROUP_WORDS):
        label = "LOC" if surface.split()[0] in ("Mount", "Mt.", "Mt", "Lake", "Cape", "Gulf") else "GPE"
    if (_PLACE_AFTER.match(text, e) and not _demonym(surface)) or _DESCRIPTOR_TAIL.search(surface):
        # (a people's adjective before a place noun is no place: "the South Sudanese area of Guffa")
        attrs["place_cue"] = "head"  # "Dara village", "Bener Meriah district": a place by its head word
    elif label != "GPE" and (_PLACE_BEFORE.search(text, max(0, s - 20), s)
                             or _PLACE_LIST_BEFORE.search(text, max(0, s - 160), s)):
        attrs["place_cue"] = True
    elif label not in ("GPE", "LOC", "FAC") and _placed_town(text, s, e):
        attrs["place_cue"] = True
    elif label not in ("GPE", "LOC", "FAC") and " " in surface and _placed(text, s, e) and "title" not in attrs and not (
            label in ("PERSON", "ORG") and _PERSON_PREP.search(text, max(0, s - 8), s)):
        # (a person or a body is written after "of", "to", "from" as often as a place: "the bodies of X",
        # "the offices of X", "fired from X")
        attrs["place_cue"] = "prep"  # "in Ras Tanura": weak alone, telling when most mentions read so
    return Mention(s, e, surface, label, attrs)


def _demonym(surface: str) -> bool:
    from .demonyms import demonym_country

    return demonym_country(surface) is not None


def _business_written(text: str, s: int, e: int) -> bool:
    """The name is written with a business noun: right before it ("drilling firm X", "contractor
    X") or in an apposition after it (", the oil company"). A place the gazetteer knows keeps its
    label ("the oil company's Texas City refinery" is no cue: the noun must be right before)."""
    if not (_BUSINESS_BEFORE.search(text, max(0, s - 32), s) or _BUSINESS_AFTER.match(text, e)):
        return False
    from .geo import is_place_name

    return not is_place_name(text[s:e])


def _role_written(text: str, s: int, e: int) -> bool:
    """The name is written with a person's role: an apposition after it (", an official of",
    ", a local resident", ", who") or a lower-case role noun right before it ("official X").
    A country or a town the gazetteer knows keeps its place label ("Niger, a key ally")."""
    if not (_ROLE_AFTER.match(text, e) or _ROLE_BEFORE.search(text, max(0, s - 16), s)):
        return False
    from .geo import is_place_name

    return not is_place_name(text[s:e])


def _is_group_name(surface: str) -> bool:
    """A name whose words include a group's head word ("army", "front", "party") and that no
    gazetteer knows as a place ("Council Bluffs" stays a town)."""
    words = {w.lower().strip(",.") for w in surface.split()}
    if not words & _GROUP_WORDS:
        return False
    from .geo import is_place_name

    return not is_place_name(surface)


def _placed(text: str, s: int, e: int) -> bool:
    """The text places the name ("in X", "south of X", "from X,"). A possessive or a capitalised
    word after it ("in X Corp", "in X's view") does not."""
    if not _IN_PLACE.search(text, max(0, s - 12), s) or not _PLACE_AFTER_WORD.match(text, e):
        return False
    return text[e:e + 2] not in ("'s", "’s")


def _placed_town(text: str, s: int, e: int) -> bool:
    """The text places the name and the gazetteer knows it as a town or a country: evidence that
    spaCy's PERSON/ORG label is wrong."""
    if not _placed(text, s, e):
        return False
    from .geo import is_place_name

    return is_place_name(text[s:e])


_TIME_ZONES = frozenset("GMT UTC ET EST EDT CT CST CDT MT MST MDT PT PST PDT BST CET CEST EET EEST IST JST".split())
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july august "
    "september october november december".split()
)  # "May" stays: a name as often as a month
_LABELS = frozenset(
    "reply correspondent contributor director anchor student reporter editor analyst update factbox timeline "
    "comments comment photos video share print email download pdf".split()
)


def not_a_name(surface: str) -> bool:
    """Text NER tags as an entity that names no one and nowhere: time zones ("ET", "BST PARIS"),
    weekdays and months, page/section labels ("Reply", "CORRESPONDENT"), numbers."""
    words = surface.replace(".", "").split()
    if not words or not any(ch.isalpha() for ch in surface):
        return True
    if words[0].upper() == words[0] and words[0] in _TIME_ZONES:
        return True
    low = [w.lower().strip("'’\",:;") for w in words]
    if all(w in _CALENDAR or w.isdigit() for w in low):
        return True
    return all(w in _LABELS for w in low)


_SENTENCE_START = re.compile(r"(?:^|[.!?:\n]|--)[\s\"'“‘(]*$")


def _common_word(text: str, m: Mention) -> bool:
    """A single capitalised word at a sentence start that the same document also writes in lower case
    ("Keep", "Withdrawal", "Obtaining"): an ordinary word spaCy took for a name."""
    w = m.text
    if " " in w or not w[:1].isupper() or w.isupper() or m.attrs.get("title"):
        return False
    if not _SENTENCE_START.search(text, max(0, m.start - 8), m.start):
        return False
    return re.search(r"(?<![\w-])" + re.escape(w.lower()) + r"(?![\w-])", text) is not None


def _add_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """'National Reform Council (NRC)': the expansion and every later 'NRC' become ORG mentions."""
    defined: dict[str, tuple[int, int]] = {}
    for m in _ACRONYM_DEF.finditer(text):
        acr = m.group(1).replace(".", "")
        if len(acr) < 2 or acr in defined:
            continue
        span = _expansion_before(text, m.start(), acr)
        if span:
            defined[acr] = span
    if not defined:
        return mentions
    added: list[Mention] = []
    for acr, (xs, xe) in defined.items():
        expansion = text[xs:xe]
        label = _label_at(mentions, xs, xe) or "ORG"
        added.append(Mention(xs, xe, expansion, label, {}))
        dotted = r"\.?".join(acr) + r"\.?" if len(acr) <= 4 else acr
        for am in re.finditer(r"(?<![\w.])(" + dotted + r")(?![\w])", text):
            a_s, a_e = am.start(1), am.end(1)
            if text[a_s:a_e].endswith(".") and a_e == len(text):
                a_e -= 1
            added.append(Mention(a_s, a_e, text[a_s:a_e], label, {"expansion": expansion, "ref": expansion}))
    kept = [m for m in mentions if not any(m.start < a.end and a.start < m.end for a in added)]
    return kept + added


def _expansion_before(text: str, pos: int, acr: str) -> tuple[int, int] | None:
    """The capitalised words right before ``pos`` whose initials spell ``acr``."""
    words = list(re.finditer(r"\S+", text[max(0, pos - 200):pos]))
    base = max(0, pos - 200)
    words = words[-12:]
    for i in range(len(words) - 1, -1, -1):
        cand = words[i:]
        if not all(_NAME_WORD.fullmatch(w.group().strip(",")) for w in cand):
            break
        if not cand[0].group()[0].isupper():
            continue
        initials = acronym_of([w.group() for w in cand])
        if initials == acr or (len(cand) >= 2 and acronym_spells(acr, [w.group().strip(",") for w in cand])):
            s = base + cand[0].start()
            e = base + cand[-1].end()
            while e > s and text[e - 1] in ",;: ":
                e -= 1
            return s, e
    return None


def _label_at(mentions: list[Mention], s: int, e: int) -> str | None:
    for m in mentions:
        if m.start < e and s < m.end:
            return m.label
    return None


_KIN_AFTER = re.compile(r"(?:'s|'|’s|’),? (?:[a-z-]+ ){0,2}?" + _KIN.pattern + r",? (?:[a-z-]+ ){0,2}?$", re.I)


def _mark_kin_of(mentions: list[Mention], text: str) -> None:
    """A bare surname written as the relative of the name that follows ("Smith's son, actor John
    Smith", "Smith's sister Mary Smith", "Smith's son, John") is not that person: ``attrs['not_ref']``
    keeps its key (a given name alone: not the person of the story that given name begins)."""
    for i, m in enumerate(mentions):
        if m.label not in ("PERSON", "ORG", "GPE", "NORP") or len(tokens(m.text)) != 1:
            continue
        nxt = next((o for o in mentions[i + 1:i + 3] if o.label == "PERSON"), None)
        if nxt is None or nxt.start - m.end > 60:
            continue
        # the relative by full name ("Smith's son, John Smith") or by given name alone ("Smith's son, John")
        if len(tokens(nxt.text)) >= 2 and tokens(nxt.text)[-1] != tokens(m.text)[0]:
            continue
        if _KIN_AFTER.match(text[m.end:nxt.start]):
            m.attrs["not_ref"] = key(nxt.text)


_THE_BEFORE = re.compile(r"\b[Tt]he $")
PLURAL_BODIES = True


def _plural_bodies(mentions: list[Mention], text: str) -> None:
    """A one-word plural "person" written after "the" ("John Doe of the Lions", "joined the Hawks") is a body,
    a team or a band, unless a person the document names in full bears it as surname ("the Smiths": a family)."""
    if not PLURAL_BODIES:
        return
    surnames = {tokens(m.text)[-1] for m in mentions if m.label == "PERSON" and len(tokens(m.text)) >= 2}
    for m in mentions:
        w = m.text
        if (m.label == "PERSON" and " " not in w and "title" not in m.attrs and len(w) >= 4 and w.endswith("s")
                and w[:1].isupper() and w[1:].islower() and _THE_BEFORE.search(text, max(0, m.start - 4), m.start)
                and not (m.end < len(text) - 1 and text[m.end] == " " and text[m.end + 1].isupper())):
            stem = {w[:-1].lower(), w[:-2].lower()} if w.endswith("es") else {w[:-1].lower()}
            if not any(same_token(st, sn) for st in stem for sn in surnames):
                m.label = "ORG"


def _resolve_people(mentions: list[Mention], text: str) -> None:
    """Point each person mention at the longest compatible name in the document.

    A bare surname goes to a full name introduced before it, spelled the same, that the
    article neither calls by given name ("Samir said") nor introduces as someone's relative
    ("Haddadi's son, Samir Haddadi"); among several, the first introduced. Left
    unresolved otherwise (linking then decides by story-wide dominance). A one-word ORG
    mention equal to the surname of a person named here becomes PERSON (spaCy often labels
    a bare surname ORG).
    """
    people = [m for m in mentions if m.label == "PERSON" and "ref" not in m.attrs]
    fulls: dict[str, list[Mention]] = {}
    for m in people:
        toks = tokens(m.text)
        if len(toks) >= 2:
            fulls.setdefault(key(m.text), []).append(m)
    if not fulls:
        return
    order = sorted(fulls, key=lambda k: (-len(k.split()), -len(fulls[k]), fulls[k][0].start))
    forms = {tuple(tokens(m.text)) for m in people}

    def relative(k: str) -> bool:
        """Introduced as someone's son, daughter, wife... ("Haddadi's son, Samir Haddadi")."""
        return any(_KIN.search(text, max(0, m.start - 40), min(len(text), m.end + 50)) for m in fulls[k])

    def given_named(k: str) -> bool:
        parts = k.split()
        return any(tuple(parts[:j]) in forms for j in range(1, len(parts)))
    for m in mentions:
        if m.label not in ("PERSON", "ORG") or "ref" in m.attrs:
            continue
        toks = tokens(m.text)
        # (a surname with its particle, "Del Giudice", "Van Damme", that the tagger labels a body)
        if not toks or (m.label != "PERSON" and len(toks) != 1 and not _particle_surname(toks)):
            continue
        # a shorter form refers back to a name already introduced (news names people in full first)
        # within one article a bare surname is spelled as in the full name (Doves is not Davies)
        cands = [
            k for k in order
            if len(k.split()) >= len(toks) and fulls[k][0].start <= m.start and person_compatible(toks, k.split())
            and (len(toks) > 1 or toks[0] == k.split()[-1])
            and (m.label == "PERSON" or len(toks) == 1 or k.split()[-2:] == toks)
        ]
        # keep only maximal names: drop a candidate that is itself a shorter form of another candidate
        cands = [k for k in cands if not any(o != k and len(o.split()) > len(k.split()) and person_compatible(k.split(), o.split()) for o in cands)]
        if not cands and len(toks) == 1 and m.label == "PERSON":
            cands = _given_name_ref(toks[0], m.start, fulls, order)
        if not cands:
            continue
        if len(toks) == 1:
            # A bare surname is not a person this article calls by given name ("Samir said ...":
            # then "Haddadi" is someone else); among the rest the one introduced first wins.
            # "Mr X" is not the article's "Kathryn X" (a title's sex against a given name's).
            sex = title_sex(str(m.attrs.get("title") or ""))
            cands = [k for k in cands if not given_named(k) and not relative(k) and not sex_clash(sex, k.split()[0])]
            if not cands:
                continue
            cands.sort(key=lambda k: fulls[k][0].start)
        elif len(cands) > 1:
            weight = {k: sum(len(fulls[o]) for o in fulls if person_compatible(o.split(), k.split())) for k in cands}
            cands.sort(key=lambda k: (-weight[k], fulls[k][0].start))
        best = cands[0]
        m.attrs["ref"] = fulls[best][0].text
        m.label = "PERSON"


SURNAME_PARTICLES = frozenset("de del della di da dos das du van von der den le la".split())


def _particle_surname(toks: list[str]) -> bool:
    """Two words, a surname particle and a capitalised surname ("del giudice" of "Vincent Del Giudice")."""
    return len(toks) == 2 and toks[0] in SURNAME_PARTICLES


def _given_name_ref(tok: str, pos: int, fulls: dict[str, list[Mention]], order: list[str]) -> list[str]:
    """A bare given name ("Samir", "Leyla") after exactly one full name starting with it, when no
    name of the document has it as surname (news calls family members by their given names)."""
    if any(same_token(tok, k.split()[-1]) for k in order):
        return []
    hits = [k for k in order if fulls[k][0].start <= pos and k.split()[0] == tok]
    return hits if len(hits) == 1 else []


def _nominals(text: str, mentions: list[Mention]) -> list[Mention]:
    """'the colonel' -> the only colonel named in the document; 'the council' -> the only council."""
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in mentions]
    by_title: dict[str, set[str]] = {}
    for m in mentions:
        if m.label == "PERSON" and m.attrs.get("title"):
            title = str(m.attrs["title"]).lower()
            for t in {title, title.split()[-1]}:  # "the commissioner" for a "Police Commissioner"
                by_title.setdefault(t, set()).add(str(m.attrs.get("ref") or m.text))
    for rx, pick in ((_NOMINAL_PERSON, "PERSON"), (_NOMINAL_ORG, "ORG")):
        for nm in rx.finditer(text):
            s, e = nm.start(), nm.end()
            if any(a < e and s < b for a, b in taken):
                continue
            if e < len(text) and text[e] == " " and text[e + 1:e + 2].isupper():
                continue  # "the Council of Europe": a name, not a reference
            head = nm.group(1).lower()
            if pick == "PERSON":
                refs = by_title.get(head, set())
                refs = {key(r): r for r in refs}
            else:
                refs = {
                    key(str(m.attrs.get("ref") or m.text)): str(m.attrs.get("ref") or m.text)
                    for m in mentions
                    if m.label == "ORG" and m.start < s and head in m.text.lower().split()
                }
            if len(refs) == 1:
                ref = next(iter(refs.values()))
                out.append(Mention(s, e, text[s:e], pick, {"ref": ref, "nominal": True}))
    return out
