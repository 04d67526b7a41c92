"""Claims of one document: figure + measure + as_of + source + evidence."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Claim, Document, Span, Timex
from ..story_profile import StoryProfile
from .attribution import Attribution, find_attributions, pick_attribution
from .kin import find_kin_counts
from .measure import Measure, find_measure, refuse
from .nil import find_nil
from .quantities import Quantity, find_quantities, merge_from_to
from .records import find_records
from .scope import clause_place
from .speaker import possessive_owner
from .units import find_unit_figures

_CLAUSE_BREAK = re.compile(r";|\.\s|,\s+(?:but|while|whereas)\b|,\s+and\s+(?:he|she|it|they|we)\b|\bbut\b|\band\s+(?:was|were|is|are|has|had|have|will|that)\b")
_ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP")
MAX_TIMEX_GAP = 80  # chars: a date further from the figure belongs to another statement (fact boxes)
_QUOTES = re.compile(r"[\"“”]")
_SINCE = re.compile(r"\bsince\b", re.I)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b", re.I)


def _sentence_spans(doc: Document) -> list[tuple[int, int]]:
    if doc.sentences:
        return [(s, e) for s, e in doc.sentences]
    spans = []
    pos = 0
    for line in doc.text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


_LEAD_IN = re.compile(r"\W*(?:(?:and|but|then)\s+)?(?:(?:at|in|on|by|during|until|late|early)\s+)?"
                      r"(?:the\s+(?:end|start|beginning|middle|turn)\s+of\s+)?", re.I)


def _opens_sentence(text: str, t: Timex, s0: int) -> bool:
    """``t`` is a sentence-opening date set off by a comma ("At the end of July, ...", "In May,
    ..."): it dates the whole sentence, however long."""
    return bool(_LEAD_IN.fullmatch(text, s0, t.start)) and text[t.end:t.end + 1] == ","


_SEASON_TAIL = re.compile(r"\s?[-–/]\s?(\d{2}|\d{4})(?![\d-])")


def season_end(text: str, t: Timex, value: str) -> str:
    """A season or fiscal year printed as a span of two years ("in 2004-05", "the 2003-04
    season", "from 2000-04"): a figure of it stands as of the span's last year."""
    m = _SEASON_TAIL.match(text, t.end)
    if not re.fullmatch(r"\d{4}", value) or not re.fullmatch(r"\d{4}", t.text.strip()) or m is None:
        return value
    tail = m.group(1)
    end = int(tail) if len(tail) == 4 else int(value[:2] + tail)
    if len(tail) == 2 and end < int(value):
        end += 100  # "1999-00"
    return str(end) if int(value) < end <= int(value) + 10 else value


def _as_of(doc: Document, q: Quantity, s0: int, s1: int, timexes: list[Timex], age: bool = False) -> str | None:
    """A DATE timex in the figure's clause (same sentence, no clause break between), else the
    publication date. A timex of another clause is never used."""
    best: tuple[int, str] | None = None
    for t in timexes:
        if t.start < s0 or t.end > s1 or t.type not in ("DATE", "TIME") or not t.value or not re.match(r"\d{4}", t.value):
            continue
        value = re.match(r"\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?", t.value).group(0)  # "2010-05-12TNI" -> the day
        value = season_end(doc.text, t, value)
        if re.fullmatch(r"\d{4}-(?:Q|H)\d", t.value.strip()) and not re.search(r"\d", t.text):
            continue  # "in the fourth quarter", "the first half": a period of a game or of the year, no date of the count
        # "Tuesday's earthquake" dates the event, "since February 20" starts a period: neither
        # is the date of the count
        if doc.text[t.end:t.end + 2] in ("'s", "’s") or t.text.endswith(("'s", "’s")) or re.search(r"\b(?:since|from)\s+$", doc.text[max(s0, t.start - 8):t.start]):
            continue
        # live-blog stamps ("2050 The President ...") are not years; a figure is not
        # about a date after its own publication
        if re.fullmatch(r"\d{4}", t.text.strip()) and re.match(r"\s+[A-Z]", doc.text[t.end:t.end + 2]):
            continue
        if doc.published and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", value) and value > doc.published[:len(value)]:
            continue
        lo, hi = (t.end, q.start) if t.end <= q.start else (q.end, t.start)
        if _CLAUSE_BREAK.search(doc.text[lo:hi]):
            continue
        if t.start >= q.end and _SINCE.search(doc.text, lo, hi):
            continue  # "has won 16 fights in a row since losing ... in April 2004": the start of the run
        if age and t.start >= q.end and _RELATIVE.search(doc.text, lo, hi):
            continue  # "a 38-year-old resident who was fired on Thursday": that day dates the firing, not the age
        d = hi - lo
        if d > MAX_TIMEX_GAP and not _opens_sentence(doc.text, t, s0):
            continue
        if best is None or d < best[0]:
            best = (d, value)
    return best[1] if best else doc.published


_NOBODY = frozenset({"no one", "nobody", "none", "anyone", "anybody", "everyone", "everybody", "someone", "somebody"})
_PLURAL_SUFFIXES = ("sses", "ists", "ians", "ents", "ants", "ities", "ials", "ives", "ees")
_COLLECTIVE = frozenset({"police", "people", "staff", "personnel", "military", "media", "public", "crowd", "family"})


def agrees(pronoun: str, phrase: str) -> bool:
    """``phrase`` can be what ``pronoun`` ("he", "she") stands for: one person, not a plural
    ("Witnesses", "business officials"), a collective ("police") or a quantifier ("no one").
    Other pronouns agree with anything (an organisation is "it" or "they")."""
    if pronoun not in ("he", "she"):
        return True
    low = phrase.strip().lower()
    if low in _NOBODY:
        return False
    # the head comes before an apposition or a prepositional phrase ("Jane Doe, spokesman for the
    # armed forces", "a spokesman for the ministry")
    core = re.split(r",|\s+(?:for|of|at|in|with|from|to)\s+", phrase, maxsplit=1)[0]
    words = re.findall(r"[A-Za-z][\w'’-]*", core)
    if not words:
        return False
    head = words[-1]
    if head.lower() in _COLLECTIVE:
        return False
    low = head.lower()
    if head[:1].islower():  # a plural common noun as head ("business officials", "residents")
        return not (low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")))
    # one capitalised word: a plural noun opening the sentence ("Witnesses", "Residents") by its
    # suffix, not a surname that ends in s ("Jones", "Williams", "Peters")
    return not (len(words) == 1 and low.endswith(_PLURAL_SUFFIXES))


class SpeakerState:
    """Who has spoken so far in one document, to resolve "he said", "the source said" and a
    quotation carrying on from its attributed start. One instance per document, fed sentence
    by sentence (``update``) in text order."""

    def __init__(self, doc: Document, introductions: bool = False) -> None:
        self.doc = doc
        # figures: "the doctor" stands for the person introduced as a doctor (``introduced_as``)
        self.introductions = introductions
        self.last_named: str | None = None
        self.last_named_at = -10
        self.named_before: list[str] = []  # speakers named so far, in text order

    def resolve(self, att: Attribution | None, atts: list[Attribution], k: int, in_quote: bool) -> str | None:
        """The speaker ``att`` (an attribution of sentence ``k``, among ``atts``) stands for."""
        source = att.source if att else None
        if att is None and in_quote and k - self.last_named_at <= 3:
            source = self.last_named  # a quotation carrying on from its attributed start
        if att and att.anaphor and att.source:
            source = resolve_anaphor(att.source, att.head, self.named_before) or att.source
            owner = possessive_owner(att.source)
            if source == att.source and owner in ("he", "she"):
                # "His military said": the person named just before owns it
                person = _last_person(self.doc, att.start)
                if person:
                    source = f"{person}'s {att.source.split(None, 1)[1]}"
        if att and source and source == att.source and self.introductions:
            source = introduced_as(self.doc.text, source, att.start) or source
        if att and att.pronoun and att.source and att.source.lower() in ("he", "she", "they", "it", "we", "i"):
            pron = att.source.lower()
            named = [a.source for a in atts if a.source and not a.pronoun and a.verb_pos < att.verb_pos
                     and agrees(pron, a.source)]
            if pron == "it":
                # "it said": the latest organisation named as a speaker, never a person
                orgs = [a.source for a in atts if a.source and not a.pronoun and a.verb_pos < att.verb_pos]
                orgs = [x for x in orgs if not _names_person(self.doc, x)]
                prior = [x for x in reversed(self.named_before) if not _names_person(self.doc, x)]
                return (orgs[-1] if orgs else None) or (prior[0] if prior else None)
            last = self.last_named if self.last_named and agrees(pron, self.last_named) else None
            if named:
                source = named[-1]
            elif last and k - self.last_named_at <= 2:
                source = last
            else:
                person = _last_person(self.doc, att.start) if pron in ("he", "she") else None
                source = person or last or (None if pron in ("he", "she") else self.last_named)
        return source

    def update(self, atts: list[Attribution], k: int) -> None:
        for a in atts:
            if a.source and not a.pronoun:
                named = resolve_anaphor(a.source, a.head, self.named_before) if a.anaphor else a.source
                if self.introductions:
                    named = introduced_as(self.doc.text, a.source, a.start) or named
                if not a.embedded:  # "a video in which his son said ...": "he" is still the main speaker
                    self.last_named = named or a.source
                    self.last_named_at = k
                if not a.anaphor:
                    self.named_before.append(a.source)


def _quote_states(doc: Document) -> list[tuple[int, int, int, bool]]:
    """(index, start, end, inside a quotation) of each sentence of ``doc``."""
    out = []
    quote_open = False
    text = doc.text
    for k, (s0, s1) in enumerate(_sentence_spans(doc)):
        opens = text[s0:s0 + 1] in ('"', "“")
        in_quote = opens or (quote_open and bool(_QUOTES.search(text, s0, s1)))
        quote_open = (len(_QUOTES.findall(text, s0, s1)) % 2 == 1) != quote_open
        out.append((k, s0, s1, in_quote))
    return out


def doc_statements(doc: Document) -> list[tuple[Attribution, str | None, tuple[int, int]]]:
    """Every attributed statement of ``doc``: (attribution, resolved speaker or None, sentence
    span), with the same speaker resolution as the claims (``SpeakerState``)."""
    state = SpeakerState(doc)
    out: list[tuple[Attribution, str | None, tuple[int, int]]] = []
    for k, s0, s1, in_quote in _quote_states(doc):
        atts = find_attributions(doc.text, s0, s1)
        for a in atts:
            out.append((a, state.resolve(a, atts, k, in_quote), (s0, s1)))
        state.update(atts, k)
    return out


_SPEAKER_RELATIVE = re.compile(r"\s*,\s*(?:who|whose)\b[^.;:,\"“”]*$")


def describes_speaker(text: str, att: Attribution, q: Quantity) -> bool:
    """``q`` is said of the speaker of ``att``, not by them: inside the speaker phrase ("said the
    36-year-old Smith") or in a relative clause on it ("said Smith, who improved his record to
    58-3")."""
    if not att.source:
        return False
    if att.start <= q.start and q.end <= att.end:
        return True
    # "..., who told police his dozen rounds ...": the relative clause is the speaker's own report
    return att.end <= q.start and not att.end <= att.verb_pos < q.start and bool(_SPEAKER_RELATIVE.match(text[att.end:q.start]))


def doc_claims(doc: Document, profile: StoryProfile | None = None,
               units: frozenset[str] = frozenset()) -> list[tuple[Claim, Attribution | None]]:
    """Claims of ``doc`` (ids unset) with the attribution each was read from; ``profile`` is
    what the story's documents say about it (see ``story_profile``); ``units`` the units of
    measure the story measures in (``units.story_units``: numbers in them are figures)."""
    out: list[tuple[Claim, Attribution | None]] = []
    timexes = sorted(doc.timexes, key=lambda t: t.start)
    state = SpeakerState(doc, introductions=True)
    text = doc.text
    lead: tuple[Attribution, str | None] | None = None  # the speaker of a list introduced by a colon
    for k, s0, s1, in_quote in _quote_states(doc):
        quantities = merge_from_to(text, [q for q in find_quantities(text, s0, s1) if not refuse(text, q, s0, s1, profile)])
        atts = find_attributions(text, s0, s1)
        row = lead if lead is not None and not atts and is_list_row(text[s0:s1]) else None
        prev: Measure | None = None
        measured: list[tuple[Quantity, Measure]] = []
        for q in quantities:
            m = find_measure(text, q, s0, s1, prev, profile)
            if m is None:
                continue
            prev = m
            measured.append((q, m))
        records = find_records(text, s0, s1)  # "Smith (58-3, 51 KO)": wins, losses, knockout wins; scores
        spans = [(r.quantity.start, r.quantity.end) for r in records if r.kind != "knockout wins"]
        # "(2-13)" read as a range of 2 to 13 is a record: its numbers are the record's
        measured = [(q, m) for q, m in measured if not any(a < q.end and q.start < b for a, b in spans)]
        sized = [u for u in find_unit_figures(text, s0, s1) if u.unit in units
                 and not any(a < u.quantity.end and u.quantity.start < b for a, b in spans)]
        usp = [(u.quantity.start, u.quantity.end) for u in sized]
        measured = [(q, m) for q, m in measured if not any(a < q.end and q.start < b for a, b in usp)]
        measured += [(u.quantity, Measure(u.unit, None, u.unit, None, None)) for u in sized]
        taken = {q.start for q, _ in measured}
        for r in records:
            if r.quantity.start not in taken:
                kind = f"{r.kind} of {r.holder}" if r.holder else r.kind
                measured.append((r.quantity, Measure(kind, None, r.kind, None, r.holder)))
        for kc in find_kin_counts(text, s0, s1):  # "a mother of 12": her children
            if kc.quantity.start not in taken:
                measured.append((kc.quantity, Measure("children", None, "people", None, kc.parent)))
        for q, m in sorted(measured, key=lambda x: x[0].start):
            att = pick_attribution(atts, q.start, text)
            if att is not None and describes_speaker(text, att, q):
                att, source = None, None  # the figure describes the speaker, who does not state it
            elif att is None and row is not None:
                att, source = row  # "X listed the records:" then rows "Jane Doe 15-2-1"
            else:
                source = state.resolve(att, atts, k, in_quote)
            claim = Claim(
                id="",
                measure=m.name,
                value=[q.low, q.high],
                unit=m.unit,
                approximate=q.approximate,
                as_of=_as_of(doc, q, s0, s1, timexes, m.noun == "age"),
                source=source,
                verb=att.verb if att else None,
                stance=att.stance if att else ("says" if source else None),
                evidence=Span(doc.id, s0, s1),
                place=clause_place(text[s0:s1], q.start - s0, q.end - s0) or m.place,
                text=q.text,
                bound=q.bound,
            )
            out.append((claim, att))
        for z in find_nil(text, s0, s1):  # "no one was killed": a toll of zero
            q = Quantity(z.start, z.end, z.text, 0.0, 0.0)
            att = pick_attribution(atts, z.start, text)
            source = state.resolve(att, atts, k, in_quote)
            out.append((Claim(id="", measure=z.measure, value=[0.0, 0.0], unit="people", as_of=_as_of(doc, q, s0, s1, timexes),
                              source=source, verb=att.verb if att else None,
                              stance=att.stance if att else ("says" if source else None), evidence=Span(doc.id, s0, s1),
                              place=clause_place(text[s0:s1], z.start - s0, z.end - s0), text=z.text), att))
        state.update(atts, k)
        named = [a for a in atts if a.source]
        if text[s0:s1].rstrip().endswith(":") and named:
            lead = (named[-1], state.resolve(named[-1], atts, k, in_quote))
        elif row is None:
            lead = None
    return out


_ROW_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def is_list_row(sentence: str) -> bool:
    """A row of a list or table ("Jane Doe 15-2-1", "Ohio 12") or its header ("TITLE FIGHTS"): a
    short line of names and numbers, no word in lower case."""
    words = _ROW_WORD.findall(sentence)
    return len(sentence.split()) <= 8 and "\n" not in sentence.strip() and all(w[:1].isupper() for w in words)


def resolve_anaphor(phrase: str, head: str, named_before: list[str]) -> str | None:
    """The speaker a definite back-reference stands for: the latest speaker named before in
    the document whose phrase has the same head word ("the television" -> "state television",
    "the source" -> "a diplomatic source"), else None."""
    if not head:
        return None
    for prev in reversed(named_before):
        words = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", prev)]
        if head in words and prev.lower() != phrase.lower():
            return prev
    return None


_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+"


def introduced_as(text: str, phrase: str, pos: int) -> str | None:
    """The person named before ``pos`` as what ``phrase`` ("the doctor") calls them ("Ema
    Suryani, a doctor at a health clinic", "doctor Ema Suryani"); None when no one was."""
    m = re.fullmatch(r"the\s+([a-z]+)", phrase)
    if m is None:
        return None
    h = m.group(1)
    pat = re.compile(rf"({_NAME}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}{h}\b|\b{h}\s+({_NAME})")
    found = None
    for m in pat.finditer(text, 0, pos):
        found = m.group(1) or m.group(2)
    return found


def _names_person(doc: Document, phrase: str) -> bool:
    """``phrase`` holds a PERSON mention of ``doc`` or is headed by a person word ("spokesman")."""
    if any(m.label == "PERSON" and m.text in phrase for m in doc.mentions):
        return True
    words = re.findall(r"[A-Za-z]+", phrase.lower())
    return bool(words) and words[-1] in _PERSON_WORDS


_PERSON_WORDS = frozenset({"spokesman", "spokeswoman", "spokesperson", "man", "woman", "director", "officer", "official",
                           "expert", "analyst", "researcher", "witness", "he", "she"})


def _last_person(doc: Document, pos: int, window: int = 400) -> str | None:
    """The nearest PERSON mention before ``pos`` (within ``window`` chars): who "he"/"she" is."""
    best = None
    for m in doc.mentions:
        if m.label == "PERSON" and pos - window <= m.start and m.end <= pos and (best is None or m.start > best.start):
            best = m
    return best.text if best else None


def mention_index(doc: Document) -> tuple[list[int], list[tuple[int, int, str]]]:
    ms = sorted((m.start, m.end, m.label) for m in doc.mentions if m.label in _ENTITY_LABELS)
    return [m[0] for m in ms], ms


def source_mention(doc_index: tuple[list[int], list[tuple[int, int, str]]], att: Attribution) -> tuple[int, int] | None:
    """The entity mention inside the source phrase (PERSON first, then ORG, GPE, NORP)."""
    starts, ms = doc_index
    i = bisect_right(starts, att.end)
    inside = [m for m in ms[max(0, i - 12):i] if m[0] >= att.start and m[1] <= att.end]
    if not inside:
        return None
    inside.sort(key=lambda m: _ENTITY_LABELS.index(m[2]))
    return inside[0][0], inside[0][1]
