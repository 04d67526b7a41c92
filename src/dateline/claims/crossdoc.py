"""Statement disagreements across documents: a denial in one report against the assertion it
answers in another report of the same days.

Precision first (a wrong clash misleads more than a missing one): the denial must be a
strong cue (denied, rejected, disputed, "no evidence", ...; not "insisted" or a bare "but"),
both sentences must name their speaker, the speakers must differ, the publication dates must
be at most ``MAX_DAYS`` apart, and the two sentences must share a named entity (spaCy
mentions of the documents: the town, the person, the force) AND at least ``MIN_SHARED``
content stems or concept classes (control, attack, air force, leak, ...). Only denials that
found no assertion inside their own document are matched across documents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

from ..model import Disagreement, Document, Side, Span

MAX_DAYS = 1
MIN_SHARED = 4
_ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


def _day(d: Document) -> date | None:
    try:
        return date.fromisoformat((d.published or "")[:10])
    except ValueError:
        return None


def name_key(name: str) -> str:
    """A spelling-tolerant key of a name: lower case, no vowels/h/y, no doubled letters
    ("Mohammed", "Muhammad" -> "mhmd"; transliterations of one name differ in just these)."""
    k = re.sub(r"[aeiouyh\W_]+", "", name.lower())
    return re.sub(r"(.)\1+", r"\1", k)


def _entities(d: Document, s0: int, s1: int, generic: Callable[[str], bool] | None = None) -> set[str]:
    """The entities mentioned inside ``[s0, s1)`` as spelling-tolerant keys (a person by the
    last word of the name), minus the story's ubiquitous ones (``generic``: the names in most
    of the story's documents, see ``story_profile``), which every sentence shares. (Story-level
    linking keeps transliterations apart on small inputs, so the key does the matching.)"""
    out = set()
    for m in d.mentions:
        if s0 <= m.start and m.end <= s1 and m.label in _ENTITY_LABELS:
            name = re.sub(r"^(?:the)\s+|'s$|’s$", "", m.text.strip(), flags=re.I).lower()
            if name and not (generic is not None and generic(name)) and m.label != "NORP":
                key = name_key(name.split()[-1] if m.label == "PERSON" else name)
                if len(key) >= 2:
                    out.add(key)
    return out


def cross_document(docs: list[Document], denials: list[tuple[Document, int, int, str]],
                   source_of, content, deny_re, weak_re, same_speaker,
                   generic: Callable[[str], bool] | None = None) -> list[Disagreement]:
    """Disagreements between each unanswered ``denials`` entry (doc, start, end, speaker) and
    the best assertion of another document (see the module docstring for the conditions).
    ``source_of``/``content``/``same_speaker`` and the cue patterns come from ``disagree``;
    ``generic`` tells the story's ubiquitous names."""
    out: list[Disagreement] = []
    # documents by publication day (a denial meets only those within MAX_DAYS: no scan of the
    # story per denial) and each sentence's entities read once (not once per denial)
    by_day: dict[date, list[int]] = defaultdict(list)
    for i, o in enumerate(docs):
        if o.status == "ok" and o.text and (day := _day(o)) is not None:
            by_day[day].append(i)
    sentence_entities: dict[tuple[int, int, int], set[str]] = {}
    for d, b0, b1, sb in denials:
        text_b = d.text[b0:b1]
        cue = deny_re.search(text_b)
        if cue is None or weak_re.fullmatch(cue.group(0)):
            continue
        ents_b = _entities(d, b0, b1, generic)
        if not ents_b:
            continue
        cb = content(text_b)
        day_b = _day(d)
        best: tuple[int, Document, int, int, str] | None = None
        near = [] if day_b is None else sorted(
            i for k in range(-MAX_DAYS, MAX_DAYS + 1) for i in by_day.get(day_b + timedelta(days=k), ()))
        for oi in near:
            o = docs[oi]
            if o.id == d.id:
                continue
            for a0, a1 in o.sentences:
                if a1 - a0 > 400:
                    continue
                key = (oi, a0, a1)
                if key not in sentence_entities:
                    sentence_entities[key] = _entities(o, a0, a1, generic)
                both = sentence_entities[key] & ents_b
                if not both:
                    continue
                text_a = o.text[a0:a1]
                if deny_re.search(text_a) or re.match(r"\s*(?:But|However|Yet)\b", text_a):
                    continue
                common = content(text_a) & cb
                shared = len(common)
                # two shared entities and a shared concept (a person + a country + fleeing), or one
                # entity and more shared content
                enough = shared >= MIN_SHARED or (len(both) >= 2 and shared >= 3 and any(c.isupper() for c in common))
                if not enough or (best is not None and shared <= best[0]):
                    continue
                sa = source_of(o.text, a0, a1)
                if not sa or same_speaker(sa, sb):
                    continue
                best = (shared, o, a0, a1, sa)
        if best is None:
            continue
        _, o, a0, a1, sa = best
        out.append(Disagreement(id="", topic="", kind="statement", sides=[
            Side(source=sa, says=o.text[a0:a1].strip(), evidence=Span(o.id, a0, a1)),
            Side(source=sb, says=text_b.strip(), evidence=Span(d.id, b0, b1)),
        ]))
    return out
