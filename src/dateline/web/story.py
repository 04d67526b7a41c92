"""A report indexed for browsing: look-ups by id, filters, contexts, in-memory search.

Everything here reads the report contract (model.py); parts that are empty stay empty and
the templates say "none found".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urlsplit

from ..model import Claim, Disagreement, Document, Entity, Event, Report, Span, TimelineEntry
from .dates import in_range
from .highlight import Mark

CONTEXT_CHARS = 90
LABEL_TITLE_CHARS = 70
FILTER_ENTITIES = 60
_DATEISH = re.compile(r"^[\d_.:-]+$|^\d{4}[-_]?\d{2}")


def _host(url: str | None) -> str | None:
    """``www.reuters.com`` -> ``reuters.com``."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    host = host.removeprefix("www.")
    return host or None


def derive_outlets(docs: list[Document]) -> dict[str, str]:
    """The outlet of each article: its URL's host, else the folder of its source path that
    tells the articles apart (``.../cnn/2011-02-21/1.txt`` -> ``cnn``).

    Folders every article shares (the story's folder) and date-like folders say nothing
    about the outlet and are skipped; articles in one flat folder get no outlet."""
    folders: dict[str, list[str]] = {}
    for d in docs:
        src = (d.source or "").split(" (", 1)[0]
        if "://" in src:
            continue
        parts = [p for p in PurePath(src).parent.parts if p not in ("", ".", "/")]
        folders[d.id] = [p for p in parts if not _DATEISH.match(p)]
    common = 0
    paths = list(folders.values())
    if len(paths) > 1:
        while all(len(p) > common for p in paths) and len({p[common] for p in paths}) == 1:
            common += 1
    out: dict[str, str] = {}
    for d in docs:
        host = _host(d.url) or _host((d.source or "") if "://" in (d.source or "") else None)
        meta_site = (d.meta or {}).get("site_name") or (d.meta or {}).get("publisher")
        rest = folders.get(d.id, [])[common:] if len(paths) > 1 else []
        name = host or (str(meta_site) if meta_site else None) or (rest[0] if rest else None)
        if name:
            out[d.id] = name
    return out


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[:n].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return (cut or text[:n]) + "…"


@dataclass
class Snippet:
    doc: Document | None
    doc_id: str
    before: str
    hit: str
    after: str
    start: int
    end: int
    highlights: list[list[int]] | None = None  # [start, end) in ``text`` (store hits mark several words)

    @property
    def text(self) -> str:
        return self.before + self.hit + self.after

    def marks(self) -> list[Mark]:
        if self.highlights is not None:
            return [Mark(s, e, "hit") for s, e in self.highlights]
        return [Mark(len(self.before), len(self.before) + len(self.hit), "hit")] if self.hit else []


@dataclass
class SearchResults:
    query: str
    documents: list[Snippet] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


class Story:
    """Read-only indexes over one report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.docs: dict[str, Document] = {}
        for d in report.documents:
            self.docs.setdefault(d.id, d)
        self.entities = {e.id: e for e in report.entities}
        self.events = {v.id: v for v in report.events}
        self.claims = {c.id: c for c in report.claims}
        self.disagreements = {g.id: g for g in report.disagreements}
        self.events_of_entity: dict[str, list[Event]] = defaultdict(list)
        for v in report.events:
            for eid in v.entities:
                self.events_of_entity[eid].append(v)
        self.outlets = derive_outlets(report.documents)
        self.timeline_of_event: dict[str, TimelineEntry] = {}
        for t in report.timeline:
            for vid in t.events:
                self.timeline_of_event.setdefault(vid, t)

    def doc_name(self, doc_id: str) -> str:
        """How an article is named in lists: its title, else its first words, else its id."""
        d = self.docs.get(doc_id)
        if d is None:
            return doc_id
        if d.title and d.title.strip():
            return d.title.strip()
        first = (d.text or "").strip().split("\n", 1)[0]
        return first[:80].rsplit(" ", 1)[0] + "…" if len(first) > 80 else (first or d.id)

    def doc_label_parts(self, doc_id: str) -> tuple[str, str]:
        """(``outlet · date``, shortened title); the first part is empty when unknown."""
        d = self.docs.get(doc_id)
        if d is None:
            return "", doc_id
        meta = " · ".join(p for p in (self.outlets.get(doc_id), d.published) if p)
        return meta, _short(self.doc_name(doc_id), LABEL_TITLE_CHARS)

    def doc_label(self, doc_id: str) -> str:
        """``outlet · date · title`` (the parts that are known), the title shortened."""
        return " · ".join(p for p in self.doc_label_parts(doc_id) if p)

    def outlet_counts(self) -> list[tuple[str, int]]:
        """Outlets with their number of articles, most articles first."""
        c = Counter(self.outlets[d.id] for d in self.documents_ok() if d.id in self.outlets)
        return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))

    # ---- look-ups -------------------------------------------------------------------
    def documents_ok(self) -> list[Document]:
        return [d for d in self.report.documents if d.status == "ok"]

    def snippet(self, span: Span | None, chars: int = CONTEXT_CHARS) -> Snippet | None:
        """The span's text with some context either side (cut at word boundaries)."""
        if span is None:
            return None
        doc = self.docs.get(span.doc)
        if doc is None or not doc.text:
            return Snippet(doc, span.doc, "", "", "", span.start, span.end)
        t = doc.text
        s, e = max(0, min(span.start, len(t))), max(0, min(span.end, len(t)))
        a = t.rfind(" ", 0, max(0, s - chars)) + 1 if s > chars else 0
        b = t.find(" ", min(len(t), e + chars))
        b = len(t) if b < 0 else b
        return Snippet(doc, span.doc, ("…" if a > 0 else "") + t[a:s], t[s:e], t[e:b] + ("…" if b < len(t) else ""), s, e)

    def sentence_of(self, span: Span) -> Span:
        """The sentence(s) around a span, for claims and events shown in context."""
        doc = self.docs.get(span.doc)
        if doc is None:
            return span
        s, e = span.start, span.end
        for a, b in doc.sentences:
            if a <= span.start < b:
                s = min(s, a)
            if a < span.end <= b:
                e = max(e, b)
        return Span(span.doc, s, e)

    def filter_entities(self, limit: int = FILTER_ENTITIES) -> list[Entity]:
        """Entities worth filtering the timeline by: the most mentioned ones (and any
        named by an event), most mentions first."""
        used = {eid for v in self.report.events for eid in v.entities}
        ranked = self.entities_by_mentions()
        top = ranked[:limit]
        top += [e for e in ranked[limit:] if e.id in used]
        return top

    def event_has_entity(self, v: Event, entity: str) -> bool:
        """An event names the entity, or the entity is mentioned in its evidence sentences."""
        if entity in v.entities:
            return True
        ent = self.entities.get(entity)
        if ent is None:
            return False
        for s in v.evidence:
            sent = self.sentence_of(s)
            if any(m.doc == s.doc and sent.start <= m.start < sent.end for m in ent.mentions):
                return True
        return False

    def documents_by_date(self) -> list[Document]:
        """Articles oldest first (undated ones last), rejected ones included."""
        return sorted(self.report.documents, key=lambda d: (d.published is None, d.published or "", d.id))

    def same_day(self, ev: Event) -> list[Event]:
        return [v for v in self.report.events if v.date == ev.date and v.id != ev.id]

    def entities_by_mentions(self) -> list[Entity]:
        return sorted(self.report.entities, key=lambda e: (-len(e.mentions), e.name))

    # ---- event list -----------------------------------------------------------------
    def event_places(self) -> list[Entity]:
        """Place entities some event happens at (its ``where``), most mentioned first."""
        used = {v.where for v in self.report.events if v.where}
        return [e for e in self.entities_by_mentions() if e.id in used]

    def timeline_event_ids(self) -> set[str]:
        """Ids of the events the timeline selected (its entries point at them)."""
        return {eid for t in self.report.timeline for eid in t.events}

    def event_list(self, start: str | None = None, end: str | None = None, entity: str | None = None,
                   place: str | None = None, kind: str | None = None, min_sources: int = 0,
                   order: str = "date") -> list[Event]:
        """The event layer filtered by date range, entity (id), place (entity id), kind
        (modality: fact, claim, denied, future) and at least ``min_sources`` independent sources;
        in date order, or with ``order="sources"`` the best-supported first (a story of hundreds
        of articles has thousands of events: the few that matter)."""
        out = []
        for v in sorted(self.report.events, key=lambda v: (v.date[:10], v.id)):
            if not in_range(v.date, start, end):
                continue
            if entity and not self.event_has_entity(v, entity):
                continue
            if place and v.where != place:
                continue
            if kind and getattr(v, "modality", "fact") != kind:
                continue
            if v.sources < min_sources:
                continue
            out.append(v)
        if order == "sources":
            out.sort(key=lambda v: -v.sources)
        return out

    # ---- story page -----------------------------------------------------------------
    def timeline(self, start: str | None = None, end: str | None = None, entity: str | None = None,
                 source: str | None = None, outlet: str | None = None) -> list[TimelineEntry]:
        """Timeline entries filtered by date range, entity (id), source document (id) and outlet."""
        entries = self.report.timeline
        if not entries and self.report.events:  # no selected timeline: every dated event
            by_date: dict[str, list[Event]] = defaultdict(list)
            for v in self.report.events:
                by_date[v.date].append(v)
            entries = [
                TimelineEntry(date=d, summary="", events=[v.id for v in vs],
                              sources=sorted({s.doc for v in vs for s in v.evidence}))
                for d, vs in sorted(by_date.items())
            ]
        out = []
        for t in entries:
            if not in_range(t.date, start, end):
                continue
            if entity and not any(self.event_has_entity(v, entity)
                                   for v in (self.events.get(i) for i in t.events) if v is not None):
                continue
            if source and source not in self.entry_sources(t):
                continue
            if outlet and not any(self.outlets.get(d) == outlet for d in self.entry_sources(t)):
                continue
            out.append(t)
        return out

    def entry_sources(self, t: TimelineEntry) -> list[str]:
        srcs = list(t.sources)
        for vid in t.events:
            v = self.events.get(vid)
            if v:
                srcs.extend(s.doc for s in v.evidence)
        srcs.extend(s.doc for s in t.evidence)
        return list(dict.fromkeys(srcs))

    # ---- reader ---------------------------------------------------------------------
    def marks_for(self, doc_id: str, focus: str | None = None) -> list[Mark]:
        """Every piece of evidence that points into one document, as highlight marks.

        ``focus`` is ``"kind:id"`` (e.g. ``event:v3``) and flags the marks of that item.
        """
        rep = self.report
        doc = self.docs.get(doc_id)
        marks: list[Mark] = []

        def add(span: Span | None, kind: str, ref: str, label: str) -> None:
            if span is not None and span.doc == doc_id:
                marks.append(Mark(span.start, span.end, kind, ref, label, focus == f"{kind}:{ref}"))

        if doc is not None:
            for i, tx in enumerate(doc.timexes):
                marks.append(Mark(tx.start, tx.end, "timex", str(i), f"{tx.type} {tx.value}", focus == f"timex:{i}"))
        linked = False
        for e in rep.entities:
            for m in e.mentions:
                if m.doc == doc_id:
                    linked = True
                add(m, "entity", e.id, f"{e.type}: {e.name}")
        if doc is not None and not linked:  # entities not linked yet: show the raw mentions
            for m in doc.mentions:
                marks.append(Mark(m.start, m.end, "mention", "", f"{m.label}: {m.text}"))
        for v in rep.events:
            for s in v.evidence:
                add(s, "event", v.id, f"event {v.date}: {v.title}")
        for c in rep.claims:
            add(c.evidence, "claim", c.id, f"claim: {c.measure} = {_value(c)} ({c.source or 'unattributed'})")
        for g in rep.disagreements:
            for side in g.sides:
                add(side.evidence, "side", g.id, f"disagreement: {g.topic} — {side.source or 'unattributed'}")
        for s in rep.summary.evidence:
            add(s, "summary", "", "summary evidence")
        return marks

    def query_marks(self, doc_id: str, query: str | None) -> list[Mark]:
        """Where the words of a search occur in one article (case-insensitive)."""
        doc = self.docs.get(doc_id)
        words = [w for w in re.split(r"\s+", (query or "").strip()) if w]
        if doc is None or not words:
            return []
        pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
        return [Mark(m.start(), m.end(), "hit", "", "search match") for m in pattern.finditer(doc.text)][:500]

    def items_in(self, doc_id: str) -> dict[str, list]:
        """Events, claims, entities and disagreements with evidence in one document."""
        rep = self.report
        return {
            "events": [v for v in rep.events if any(s.doc == doc_id for s in v.evidence)],
            "claims": [c for c in rep.claims if c.evidence and c.evidence.doc == doc_id],
            "entities": [e for e in rep.entities if any(m.doc == doc_id for m in e.mentions)],
            "disagreements": [g for g in rep.disagreements if any(s.evidence.doc == doc_id for s in g.sides)],
        }

    # ---- figures --------------------------------------------------------------------
    def series_claims(self) -> list[tuple[str, str | None, list[Claim]]]:
        out = []
        for s in self.report.series:
            cl = [self.claims[c] for c in s.claims if c in self.claims]
            out.append((s.measure, s.place, cl))
        return out

    def disagreement_sides(self, g: Disagreement) -> list[tuple]:
        return [(side, self.snippet(side.evidence)) for side in g.sides]

    # ---- search ---------------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> SearchResults:
        """Case-insensitive substring search over article titles and texts (all words must occur)."""
        res = SearchResults(query)
        words = [w for w in re.split(r"\s+", query.strip().lower()) if w]
        if not words:
            return res
        for d in self.documents_ok():
            low = (d.text or "").lower()
            title = (d.title or "").lower()
            if not all(w in low or w in title for w in words):
                continue
            phrase = " ".join(words)
            i, n = low.find(phrase), len(phrase)
            if i < 0:
                i, n = low.find(words[0]), len(words[0])
            if i >= 0:
                res.documents.append(self.snippet(Span(d.id, i, i + n)))
            else:
                res.documents.append(Snippet(d, d.id, "", "", (d.text or "")[:160], 0, 0))
            if len(res.documents) >= limit:
                break

        def hit(*texts: str | None) -> bool:
            blob = " ".join(t for t in texts if t).lower()
            return all(w in blob for w in words)

        res.entities = [e for e in self.entities_by_mentions() if hit(e.name, *e.aliases)][:limit]
        res.events = [v for v in self.report.events if hit(v.title)][:limit]
        res.claims = [c for c in self.report.claims if hit(c.measure, c.source, c.text)][:limit]
        return res


def _value(c: Claim) -> str:
    if not c.value:
        return "?"
    lo, hi = min(c.value), max(c.value)
    return _num(lo) if lo == hi else f"{_num(lo)}–{_num(hi)}"


def _num(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:g}"


def claim_value(c: Claim) -> str:
    """A claim's value as people read it: ``~1,000 people``, ``300–400 people``."""
    return f"{'~' if c.approximate else ''}{_value(c)}{(' ' + c.unit) if c.unit else ''}"
