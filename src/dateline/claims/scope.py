"""What a figure is about beyond its measure: the place (from its whole clause) and whether
it is a running total ("since February 15", "so far", "in five days") or one incident.

Two tolls are only rivals when they count the same thing: "10 dead at the city's medical
center", "50 bodies at the main hospital" and "more than 200 killed nationwide" are three
different counts, and "84 killed since Tuesday" is not contradicted by "seven killed in
clashes" on one day of it.
"""

from __future__ import annotations

import re

from ..lexicon import CALENDAR_NAMES_EN
from ..story_profile import country_name_code, is_demonym

NATIONWIDE = "nationwide"
STRICT_UNPLACED = True  # a placed figure is not compared with an unplaced one (precision first)

# the figure's clause: cut at ; : and at a new coordinated clause with its own figure or subject
_CLAUSE_CUT = re.compile(r"[;:]|\s[-–—]\s|,\s+(?:but|while|whereas|and)\b|\bbut\b|\.\s")
_NATION = re.compile(r"\b(?:nationwide|across\s+the\s+country|throughout\s+the\s+country|around\s+the\s+country|"
                     r"in\s+the\s+country|country-?wide)\b", re.I)
_ACROSS = re.compile(r"\bacross\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")  # "across Italy": country-wide
_FACILITY = re.compile(r"\b(?:at|in|to|inside|outside|from)\s+(?:the\s+|a\s+|an\s+|its\s+|one\s+)?((?:[\w'’-]+\s+){0,4}?"
                       r"(?:hospitals?|morgues?|clinics?|mortuary|mortuaries|medical\s+cent(?:er|re)|prison|mosque|square))\b",
                       re.I)
_PLACE = re.compile(r"\b(?:in|across|at|near|outside|inside|around)\s+(?:the\s+(?:city|town|port|capital|village)\s+of\s+|"
                    r"the\s+(?:eastern|western|northern|southern|coastal)\s+(?:city|town|port)\s+of\s+|the\s+)?"
                    r"((?:[A-Z][a-zA-Z'’-]+)(?:[\s-]+(?:[A-Z][a-zA-Z'’-]+|(?:au|de)\b))*)")
_CITY = re.compile(r"\bin\s+the\s+(?:city|town|capital)\b", re.I)
_NOT_PLACE = CALENDAR_NAMES_EN | {"The", "A", "An", "His", "Her", "Their", "Its", "This", "That"}
_CUMULATIVE = re.compile(r"\b(?:since|so\s+far|to\s+date|in\s+total|a\s+total\s+of|total(?:led)?|overall|"
                         r"(?:in|over|during)\s+(?:the\s+)?(?:past|last|first)?\s*(?:\w+\s+)?(?:days|weeks|months)|"
                         r"(?:in|over|during)\s+(?:the\s+)?(?:past|last)\s+(?:day|week|month)|"
                         r"(?:death\s+)?toll|(?:the\s+)?(?:uprising|unrest|conflict|revolt|violence|crackdown)\s+(?:began|started))\b", re.I)

_INCIDENT = re.compile(r"\b(?:in|during|by)\s+(?:a|an|the|one|two|separate)?\s*(?:\w+\s+)?(?:clash(?:es)?|explosions?|blasts?|"
                       r"attacks?|raids?|strikes?|air\s*strikes?|bombings?|ambush(?:es)?|shootings?|shelling|crashes?|"
                       r"stampedes?|fire|incidents?)\b", re.I)


def figure_clause(sentence: str, q_start: int, q_end: int) -> tuple[str, int]:
    """The clause of ``sentence`` holding the figure at ``[q_start, q_end)`` (offsets inside
    ``sentence``) and its start offset."""
    cuts = [m for m in _CLAUSE_CUT.finditer(sentence)]
    lo = max((m.end() for m in cuts if m.end() <= q_start), default=0)
    hi = min((m.start() for m in cuts if m.start() >= q_end), default=len(sentence))
    return sentence[lo:hi], lo


def clause_place(sentence: str, q_start: int, q_end: int) -> str | None:
    """The place the figure is about, read from its whole clause: a facility ("at the main
    hospital"), "nationwide"/"across the country"/"across <a country>", or a capitalised place after in/at/across
    (the one nearest the figure, after it preferred)."""
    clause, off = figure_clause(sentence, q_start, q_end)
    fac = _FACILITY.search(clause)
    if fac:
        return re.sub(r"^(?:the|a|an)\s+", "", fac.group(1).strip(), flags=re.I)
    if _NATION.search(clause) or any(is_country(m.group(1)) for m in _ACROSS.finditer(clause)):
        return NATIONWIDE
    best: tuple[int, str] | None = None
    for m in _PLACE.finditer(clause):
        name = m.group(1)
        if re.sub(r"['’]s$", "", name.split()[0]) in _NOT_PLACE:  # "in Thursday's bombing"
            continue
        if " " not in name and is_demonym(name) and re.match(r"\s+[a-z]", clause[m.end(1):]):
            name = NATIONWIDE  # "in Kenyan demonstrations": a country's adjective, the country-wide count
        pos = off + m.start()
        dist = pos - q_end if pos >= q_end else (q_start - pos) + 40  # prefer what follows the figure
        if best is None or dist < best[0]:
            best = (dist, re.sub(r"\s+(?:au|de)$", "", name))
    if best is not None:
        return best[1]
    return "the city" if _CITY.search(clause) else None


def cumulative(sentence: str, q_start: int, q_end: int) -> bool | None:
    """True for a running total ("since Tuesday", "so far", "in five days", "the death toll"),
    False for one incident's count ("killed in clashes", "in an explosion"), None when the
    clause does not say (then it may be compared with either)."""
    clause, _ = figure_clause(sentence, q_start, q_end)
    if _CUMULATIVE.search(clause):
        return True
    if _INCIDENT.search(clause):
        return False
    return None


def is_facility(place: str | None) -> bool:
    return bool(place and re.search(r"hospital|morgue|clinic|mortuar|medical\s+cent|prison|mosque|square", place, re.I))


def same_scope(place_a: str | None, place_b: str | None) -> bool:
    """Whether two places may describe the same count. An unplaced figure is read as the
    story-wide one; a facility is never the same count as anything but itself; a city is
    not the nation."""
    if is_facility(place_a) or is_facility(place_b):
        return _norm(place_a) == _norm(place_b)
    if place_a is None and place_b is None:
        return True
    if place_a is None or place_b is None:
        # a country-wide figure ("in <the country>", "nationwide") is the story-wide count an unplaced
        # figure gives; a city's or a site's is not
        return is_country(place_a or place_b) or not STRICT_UNPLACED
    if is_country(place_a) and is_country(place_b):
        return _norm(place_a) == _norm(place_b)
    return _norm(place_a) == _norm(place_b)


def _norm(p: str | None) -> str:
    return re.sub(r"[^a-z]+", " ", (p or "").lower().replace("'s", "")).strip()


def is_country(place: str | None) -> bool:
    """A country name (GeoNames' list, the entity layer's well-known aliases such as "UK"),
    "the country" or "nationwide"."""
    if not place:
        return False
    if place == NATIONWIDE or _norm(place) == "the country":
        return True
    name = re.sub(r"^(?:the)\s+|(?:'s|’s|')$", "", place.strip(), flags=re.I)
    return country_name_code(name[:1].upper() + name[1:]) is not None
