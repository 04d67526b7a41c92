"""Short forms of a body's name, across the tagger's labels.

News names a body in full once and then by the first words of its name: "Acme Foods" then
"Acme", "the Interior Department" then "Interior", "KXYZ-TV" then "KXYZ", "U.S. Marshals
Service" then "U.S. Marshals". The tagger often labels the short form differently from the
full name (a bare "Commerce" or "Baxter" comes out as a place or a person), so linking by
label never meets the two. This step runs on the canonical keys, before labels are voted:
a short form is keyed as the one longer name of the story it begins.

It is also true of news that a place, a person's name part or a company's site is no short
form of a body: "Boston" is not the "Boston Red Sox", "Baxter" is not "Baxter Advisors" in a
story that names a "Tom Baxter", and the "Acme plant" is the company's site, not the company
("Acme" of a story naming both joins the company). So a short form joins only when

- the tagger reads it as a place or a people in less than half of its mentions;
- it is no word of a person named in full in the story (given name or surname);
- exactly one longer name of the story, not a person's, not a place's, begins with it and adds only
  words for the kind of body it is (``BODY_TAILS``: "Foods", "Department", "TV") (a name
  ending in a site word, "X plant", counts only when nothing else does, and never takes a
  short form the tagger reads as a body).

A second rule joins a body named with its town in front ("Fairview Linden Hospital") to the
story's name without it ("Linden Hospital"), when that town-prefixed form is the only one.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..model import Mention
from . import geo
from .aliases import alias_table
from .backrefs import ORG_HEADS

# a word that makes "X <word>" the site of the business X, not X itself
SITE_WORDS = frozenset(
    "plant factory store supermarket shop mill mine warehouse site depot outlet branch yard works".split())
# the words a body's full name adds after its short form: what kind of body it is ("Foods", "Advisors",
# "Department", "Service", "Court", "TV"), from the organisation head words the linker already uses
# plus business-sector and broadcaster endings. A name extended by anything else is another thing named
# after the short form: a product ("Intel Atom"), a building ("Acme Center", "Harbour Pier"), an event
# ("Cannes Film Festival").
BODY_TAILS = frozenset(
    (*ORG_HEADS, *"""council company corporation corp inc co group party front bank university agency committee
    commission service services institute fund association union league movement force forces organization
    organisation office department capital ventures partners holdings foods advisors advisers associates
    industries motors airlines airways systems technologies communications media network networks tv radio news
    court unit police hospital trust board bureau""".split()))
_PLACE = frozenset({"GPE", "LOC"})
MIN_CHARS = 3  # shorter keys ("bp", "us") are acronyms, handled by the acronym rules


def _labels(items: list[tuple[str, Mention]], raw_key: dict[int, str]) -> dict[str, Counter[str]]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for _, m in items:
        k = raw_key[id(m)]
        if k:
            votes[k][m.label] += 1
    return votes


def _majority(v: Counter[str]) -> str:
    return max(v, key=lambda lab: (v[lab], lab))


def _person_words(votes: dict[str, Counter[str]]) -> set[str]:
    """Every token of a multi-word name the tagger reads as a person in most of its mentions."""
    out: set[str] = set()
    for k, v in votes.items():
        toks = k.split()
        if len(toks) >= 2 and 2 * v["PERSON"] > sum(v.values()):
            out.update(toks)
    return out


def _is_body_name(k: str, v: Counter[str]) -> bool:
    """A multi-word name that is neither a person nor a people nor a place by the tagger and the gazetteer."""
    lab = _majority(v)
    return lab not in ("PERSON", "NORP") and not (lab in _PLACE and geo.is_place_name(k))


def short_name_targets(items: list[tuple[str, Mention]], raw_key: dict[int, str]) -> dict[str, str]:
    """Short key -> the one longer body name of the story it begins."""
    votes = _labels(items, raw_key)
    people = _person_words(votes)
    longer: dict[str, list[tuple[str, int]]] = defaultdict(list)  # prefix -> (longer name, words it leaves out)
    for k, v in votes.items():
        toks = k.split()
        if len(toks) < 2 or not _is_body_name(k, v):
            continue
        for i in range(1, len(toks)):
            longer[" ".join(toks[:i])].append((k, i))
    # "US Marshals" begins "United States Marshals Service" (a long name is keyed with its country spelled out)
    aliases = alias_table()
    for k in votes:
        toks = k.split()
        full = aliases.get(toks[0]) if len(toks) >= 2 and len(toks[0]) <= 3 else None
        if full and full != toks[0] and geo.country_of([full]) and f"{full} {' '.join(toks[1:])}" in longer:
            longer[k] = longer[f"{full} {' '.join(toks[1:])}"]
    out: dict[str, str] = {}
    for short, cands in longer.items():
        v = votes.get(short)
        if not v or len(short) < MIN_CHARS:
            continue
        total = sum(v.values())
        if 2 * (v["GPE"] + v["LOC"] + v["NORP"]) >= total:
            continue  # a place ("Boston" of "Boston Red Sox") or a people
        if set(short.split()) & people:
            continue  # a person's name part ("Baxter" of a story naming Tom Baxter)
        if geo.country_of([short]) is not None:
            continue
        names = [c for c, n in cands if all(t in BODY_TAILS or t in SITE_WORDS for t in c.split()[n:])]
        bodies = [c for c in names if c.split()[-1] not in SITE_WORDS]
        if not bodies and _majority(v) == "ORG":
            continue  # "Acme" (a company) is not the "Acme plant"
        pool = bodies or names
        if len(pool) == 1:
            out[short] = pool[0]
    return out


def apply_short_names(items: list[tuple[str, Mention]], raw_key: dict[int, str]) -> None:
    """Key every mention of a short form as the longer name it begins (see the module notes)."""
    _rekey(items, raw_key, short_name_targets(items, raw_key))


def apply_place_prefixed(items: list[tuple[str, Mention]], raw_key: dict[int, str]) -> None:
    """'Fairview Linden Hospital' and 'Linden Hospital' are one body when the story writes that
    name with one town in front only (two courts named 'Kingsbridge Crown Court' and 'Eastbrook Crown Court'
    leave a bare 'Crown Court' apart from both)."""
    votes = _labels(items, raw_key)
    # a prefix written in capitals ("AMA Board of Trustees") is a body's abbreviation, not a town
    capitals = {raw_key[id(m)]: m.text for _, m in items}
    variants: dict[str, set[str]] = defaultdict(set)
    for k, v in votes.items():
        toks = k.split()
        if not _is_body_name(k, v):
            continue
        words = capitals[k].split()
        for i in (1, 2, 3):
            rest = " ".join(toks[i:])
            if len(toks) - i >= 2 and rest in votes and _is_body_name(rest, votes[rest]) and \
                    geo.is_place_name(" ".join(toks[:i])) and not (len(words) == len(toks) and any(
                        w.isupper() and len(w) >= 2 for w in words[:i])):
                variants[rest].add(k)
                break
    _rekey(items, raw_key, {rest: next(iter(vs)) for rest, vs in variants.items() if len(vs) == 1})


def _rekey(items: list[tuple[str, Mention]], raw_key: dict[int, str], targets: dict[str, str]) -> None:
    """Key every mention keyed as a target's short form as the target's name."""
    if not targets:
        return
    for _, m in items:
        k = raw_key[id(m)]
        if k in targets:
            raw_key[id(m)] = targets[k]
