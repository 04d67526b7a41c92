"""Dataclasses of the report (see SCHEMA.md and schema/report.schema.json).

Every stage reads and writes these plain objects; nothing else passes between stages.
Offsets are always ``[start, end)`` character offsets into a document's clean ``text``.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Span:
    """Evidence: a character span of one document's clean text."""

    doc: str
    start: int
    end: int


@dataclass
class Timex:
    """A temporal expression (TIMEX3) found in a document's clean text."""

    start: int
    end: int
    text: str
    value: str
    type: str = "DATE"  # DATE | TIME | DURATION | SET


@dataclass
class Mention:
    """A named-entity mention inside one document (before cross-document linking)."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON ORG GPE LOC NORP FAC EVENT ...
    attrs: dict[str, Any] = field(default_factory=dict)  # e.g. {"title": "Lt Gen"}


@dataclass
class RawDocument:
    """What a reader produced: the input before cleaning."""

    id: str
    source: str
    text: str | None = None  # plain text input
    html: str | None = None  # HTML input
    title: str | None = None
    url: str | None = None
    published: str | None = None  # declared by the input (JSONL field)
    error: str | None = None  # set when the input could not be read
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Dateline:
    """The dateline opening a story: "RIVERTON, Country, March 19 (Agency) -"."""

    text: str  # as printed, without the closing dash
    place: str | None = None  # "RIVERTON, Country"
    date_text: str | None = None  # "March 19" (as printed; the pubdate stage reads it)
    credit: str | None = None  # "Agency" (the name in parentheses)


@dataclass
class LiveItem:
    """One stamped item of a live page: the stretch from its stamp to the next stamp."""

    start: int  # offsets into the document's clean text
    end: int
    stamp: str  # "(12:36 p.m. Monday ET, 7:36 p.m. in Country)", "COUNTRY, 3:24 p.m. ET, ... local:"
    place: str | None = None  # the place the stamp names ("COUNTRY", "Country")
    place_start: int | None = None  # offsets of ``place`` in the clean text
    place_end: int | None = None


@dataclass
class RemovedPart:
    """A part of the page that cleaning took out, with what it was."""

    kind: str  # header | byline | credit | comments | share (captions have their own list)
    text: str


@dataclass
class Structure:
    """The typed parts of a news page, found once by cleaning (later stages read these)."""

    headline: str | None = None
    dateline: Dateline | None = None
    byline: str | None = None  # "By Jane Doe, Staff Writer"
    agency: str | None = None  # the wire service credited (dateline credit or closing credit)
    standfirst: str | None = None  # the summary under the headline
    page_stamp: str | None = None  # the page's date/time stamp as printed
    live_items: list[LiveItem] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    removed: list[RemovedPart] = field(default_factory=list)
    found: bool = False  # True once cleaning has filled it (False: built from an old report)


def structure_from_dict(d: dict[str, Any] | None) -> Structure:
    """A Structure from its plain-data form (report.json)."""
    if not d:
        return Structure()
    st = _build(Structure, d)
    st.dateline = _build(Dateline, d.get("dateline")) if d.get("dateline") else None
    st.live_items = [_build(LiveItem, x) for x in d.get("live_items") or []]
    st.removed = [_build(RemovedPart, x) for x in d.get("removed") or []]
    return st


@dataclass
class Document:
    """One input document after the per-document phase."""

    id: str
    source: str
    status: str = "ok"  # ok | rejected
    error: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_evidence: str | None = None
    published_confidence: float = 0.0
    text: str = ""
    boilerplate: list[str] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    sentences: list[list[int]] = field(default_factory=list)
    # extensions beyond the minimum contract
    content_hash: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    lang: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    structure: Structure = field(default_factory=Structure)

    def __post_init__(self) -> None:
        # cleaning hands its Structure over in the page metadata ("structure"); it belongs in
        # the typed field, not in the free-form meta of the report
        st = self.meta.pop("structure", None) if isinstance(self.meta, dict) else None
        if isinstance(st, Structure) and not self.structure.found:
            self.structure = st
        elif isinstance(self.structure, dict):
            self.structure = structure_from_dict(self.structure)

    def sentence_text(self, i: int) -> str:
        s, e = self.sentences[i]
        return self.text[s:e]


@dataclass
class GeoPoint:
    lat: float
    lon: float
    gazetteer_id: str | None = None
    country: str | None = None


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    geo: GeoPoint | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Event:
    id: str
    date: str
    title: str
    evidence: list[Span] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    salience: float = 0.0
    granularity: str = "day"  # day | week | month | year | range (``date`` is then the range's start)
    date_end: str | None = None  # last day of a range ("since October 17": the publication day)
    modality: str = "fact"  # fact | claim (attributed: "X said") | denied | future (scheduled)
    who: list[dict[str, str]] = field(default_factory=list)  # [{"entity": id, "role": actor|speaker|participant}]
    where: str | None = None  # a place entity id
    what: str | None = None  # the main predicate word of the title sentence, when found
    claims: list[str] = field(default_factory=list)  # ids of claims whose evidence lies in the event's evidence
    sources: int = 0  # independent sources (syndicated copies count once)


@dataclass
class TimelineEntry:
    date: str
    summary: str
    events: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Claim:
    id: str
    measure: str
    value: list[float]
    unit: str | None = None
    approximate: bool = False
    as_of: str | None = None
    source: str | None = None
    evidence: Span | None = None
    place: str | None = None
    source_entity: str | None = None
    text: str | None = None
    bound: str | None = None  # "lower" ("at least N": open above) | "upper" ("up to N") | None
    on_topic: bool = True  # False: about another story carried on the same page (kept, but no series/disagreement)
    verb: str | None = None  # reporting verb lemma the source says it with ("say", "estimate", "according to")
    stance: str | None = None  # says | estimates | claims | denies | acknowledges | disputes | doubts


@dataclass
class Series:
    measure: str
    claims: list[str] = field(default_factory=list)
    place: str | None = None


@dataclass
class Side:
    source: str | None
    says: str
    evidence: Span
    stance: str | None = None  # says | estimates | claims | denies | acknowledges | disputes | doubts


@dataclass
class Disagreement:
    id: str
    topic: str
    kind: str  # numeric | statement
    sides: list[Side] = field(default_factory=list)
    why: str = ""  # why it is a clash: the figures beyond tolerance, or who denies/doubts what


@dataclass
class Summary:
    text: str = ""
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Report:
    schema_version: str
    generator: str
    documents: list[Document] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def to_dict(obj: Any) -> Any:
    """Any model object (or list of them) as plain JSON-ready data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if isinstance(obj, list):
        return [to_dict(o) for o in obj]
    return obj


def _build(cls: type, data: Any) -> Any:
    """Rebuild a dataclass tree from plain data (the inverse of ``asdict``)."""
    if data is None:
        return None
    kwargs = {}
    hints = {f.name: f for f in dataclasses.fields(cls)}
    for name, value in data.items():
        if name not in hints:
            continue
        kwargs[name] = value
    obj = cls(**kwargs)
    return obj


def document_from_dict(d: dict[str, Any]) -> Document:
    """Load one document of a report.json (as a dict) back into a Document."""
    doc = _build(Document, d)
    doc.timexes = [_build(Timex, t) for t in d.get("timexes") or []]
    doc.mentions = [_build(Mention, m) for m in d.get("mentions") or []]
    doc.sentences = [list(s) for s in d.get("sentences") or []]
    return doc


def report_from_dict(d: dict[str, Any]) -> Report:
    """Load a report.json (as a dict) back into model objects."""
    rep = Report(schema_version=d.get("schema_version", "1"), generator=d.get("generator", ""))
    rep.documents = [document_from_dict(x) for x in d.get("documents") or []]
    for e in d.get("entities") or []:
        ent = _build(Entity, e)
        ent.mentions = [_build(Span, m) for m in e.get("mentions") or []]
        ent.geo = _build(GeoPoint, e.get("geo")) if e.get("geo") else None
        rep.entities.append(ent)
    for v in d.get("events") or []:
        ev = _build(Event, v)
        ev.evidence = [_build(Span, s) for s in v.get("evidence") or []]
        rep.events.append(ev)
    for t in d.get("timeline") or []:
        te = _build(TimelineEntry, t)
        te.evidence = [_build(Span, s) for s in t.get("evidence") or []]
        rep.timeline.append(te)
    for c in d.get("claims") or []:
        cl = _build(Claim, c)
        cl.evidence = _build(Span, c.get("evidence")) if c.get("evidence") else None
        rep.claims.append(cl)
    rep.series = [_build(Series, s) for s in d.get("series") or []]
    for g in d.get("disagreements") or []:
        dg = _build(Disagreement, g)
        dg.sides = [
            Side(source=s.get("source"), says=s.get("says", ""), evidence=_build(Span, s["evidence"]), stance=s.get("stance"))
            for s in g.get("sides") or []
        ]
        rep.disagreements.append(dg)
    s = d.get("summary") or {}
    rep.summary = Summary(text=s.get("text", ""), evidence=[_build(Span, x) for x in s.get("evidence") or []])
    rep.meta = d.get("meta") or {}
    return rep


def report_from_file(path: str | Path, text_store: str | None = None) -> Report:
    """Load a report.json file back into model objects.

    A report whose texts live in a store (``dateline analyze --db``: ``meta.text_store``) gets them
    back from it (``store.texts.fill_texts``; ``text_store`` overrides the URL the report names)."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if (data.get("meta") or {}).get("text_store"):
        from .store.texts import fill_texts

        fill_texts(data, text_store)
    return report_from_dict(data)
