"""Report <-> rows: writing documents and the story part, reading a whole report back."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from ..model import (
    Claim,
    Disagreement,
    Document,
    Entity,
    Event,
    GeoPoint,
    Report,
    Series,
    Side,
    Span,
    Summary,
    TimelineEntry,
    document_from_dict,
    to_dict,
)
from . import tables as t


def dedup_key(doc: Document) -> str:
    """What makes two documents the same: the clean-text hash; for a rejected one, its source."""
    if doc.content_hash:
        return doc.content_hash
    return "src:" + hashlib.sha256(doc.source.encode("utf-8", "replace")).hexdigest()


def document_row(doc: Document, seq: int, raw_hash: str | None = None) -> dict[str, Any]:
    return {
        "id": doc.id, "seq": seq, "source": doc.source, "status": doc.status, "error": doc.error,
        "title": doc.title, "url": doc.url, "published": doc.published,
        "published_evidence": doc.published_evidence, "published_confidence": doc.published_confidence,
        "text": doc.text or "", "boilerplate": list(doc.boilerplate), "timexes": to_dict(doc.timexes),
        "sentences": [list(s) for s in doc.sentences], "mentions": to_dict(doc.mentions),
        "content_hash": doc.content_hash, "dedup_key": dedup_key(doc), "raw_hash": raw_hash,
        "lang": doc.lang, "meta": doc.meta or {},
    }


def document_from_row(row: Any) -> Document:
    m = row._mapping
    d = {k: m[k] for k in (
        "id", "source", "status", "error", "title", "url", "published", "published_evidence",
        "published_confidence", "text", "boilerplate", "timexes", "sentences", "mentions",
        "content_hash", "lang", "meta")}
    d["published_confidence"] = d["published_confidence"] or 0.0
    d["boilerplate"] = d["boilerplate"] or []
    d["meta"] = d["meta"] or {}
    return document_from_dict(d)


def insert_documents(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(t.documents.insert(), rows)


def _span(d: dict[str, Any] | None) -> Span | None:
    return Span(doc=d["doc"], start=int(d["start"]), end=int(d["end"])) if d else None


def _spans(ds: list[dict[str, Any]] | None) -> list[Span]:
    return [Span(doc=d["doc"], start=int(d["start"]), end=int(d["end"])) for d in ds or []]


def delete_story(conn: Connection) -> None:
    for table in t.STORY_TABLES:
        conn.execute(table.delete())


def write_story(conn: Connection, report: Report) -> None:
    """Replace the story-level part (everything but the documents) by ``report``'s."""
    delete_story(conn)
    conn.execute(t.story.insert(), [{
        "id": 1, "schema_version": report.schema_version, "generator": report.generator,
        "summary": to_dict(report.summary), "meta": report.meta or {},
        "updated_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }])
    ents = [{"id": e.id, "seq": i, "name": e.name, "type": e.type, "aliases": list(e.aliases),
             "geo": to_dict(e.geo), "attrs": e.attrs or {}} for i, e in enumerate(report.entities)]
    mentions = [{"entity_id": e.id, "doc_id": m.doc, "start_char": m.start, "end_char": m.end}
                for e in report.entities for m in e.mentions]
    evs = [{"id": v.id, "seq": i, "date": v.date, "title": v.title, "evidence": to_dict(v.evidence),
            "entities": list(v.entities), "salience": v.salience} for i, v in enumerate(report.events)]
    tl = [{"seq": i, "date": e.date, "summary": e.summary, "events": list(e.events), "sources": list(e.sources),
           "evidence": to_dict(e.evidence)} for i, e in enumerate(report.timeline)]
    cls = [{"id": c.id, "seq": i, "measure": c.measure, "value": list(c.value), "unit": c.unit,
            "approximate": bool(c.approximate), "as_of": c.as_of, "source": c.source,
            "evidence": to_dict(c.evidence), "place": c.place, "source_entity": c.source_entity, "text": c.text}
           for i, c in enumerate(report.claims)]
    ser = [{"seq": i, "measure": s.measure, "claims": list(s.claims), "place": s.place}
           for i, s in enumerate(report.series)]
    dis = [{"id": g.id, "seq": i, "topic": g.topic, "kind": g.kind, "sides": to_dict(g.sides)}
           for i, g in enumerate(report.disagreements)]
    for table, rows in ((t.entities, ents), (t.entity_mentions, mentions), (t.events, evs), (t.timeline, tl),
                        (t.claims, cls), (t.series, ser), (t.disagreements, dis)):
        if rows:
            conn.execute(table.insert(), rows)


def update_document_dates(conn: Connection, docs: list[Document]) -> None:
    """Write back what the story phase may change in a document (reconciled dates, re-tagged timexes)."""
    for d in docs:
        conn.execute(
            t.documents.update().where(t.documents.c.id == d.id).values(
                published=d.published, published_evidence=d.published_evidence,
                published_confidence=d.published_confidence, timexes=to_dict(d.timexes)))


def read_documents(conn: Connection) -> list[Document]:
    rows = conn.execute(sa.select(t.documents).order_by(t.documents.c.seq))
    return [document_from_row(r) for r in rows]


def read_report(conn: Connection) -> Report:
    """The whole stored story as a Report (documents in the order they were added)."""
    head = conn.execute(sa.select(t.story).where(t.story.c.id == 1)).first()
    from .. import SCHEMA_VERSION, __version__

    if head is None:
        rep = Report(schema_version=SCHEMA_VERSION, generator=f"dateline {__version__}")
    else:
        h = head._mapping
        s = h["summary"] or {}
        rep = Report(schema_version=h["schema_version"], generator=h["generator"], meta=h["meta"] or {},
                     summary=Summary(text=s.get("text", ""), evidence=_spans(s.get("evidence"))))
    rep.documents = read_documents(conn)
    mentions: dict[str, list[Span]] = {}
    for r in conn.execute(sa.select(t.entity_mentions).order_by(t.entity_mentions.c.id)):
        m = r._mapping
        mentions.setdefault(m["entity_id"], []).append(Span(doc=m["doc_id"], start=m["start_char"], end=m["end_char"]))
    for r in conn.execute(sa.select(t.entities).order_by(t.entities.c.seq)):
        m = r._mapping
        geo = m["geo"]
        rep.entities.append(Entity(
            id=m["id"], name=m["name"], type=m["type"], aliases=list(m["aliases"] or []),
            mentions=mentions.get(m["id"], []), attrs=m["attrs"] or {},
            geo=GeoPoint(**{k: geo.get(k) for k in ("lat", "lon", "gazetteer_id", "country")}) if geo else None))
    for r in conn.execute(sa.select(t.events).order_by(t.events.c.seq)):
        m = r._mapping
        rep.events.append(Event(id=m["id"], date=m["date"], title=m["title"], evidence=_spans(m["evidence"]),
                                entities=list(m["entities"] or []), salience=m["salience"] or 0.0))
    for r in conn.execute(sa.select(t.timeline).order_by(t.timeline.c.seq)):
        m = r._mapping
        rep.timeline.append(TimelineEntry(date=m["date"], summary=m["summary"], events=list(m["events"] or []),
                                          sources=list(m["sources"] or []), evidence=_spans(m["evidence"])))
    for r in conn.execute(sa.select(t.claims).order_by(t.claims.c.seq)):
        m = r._mapping
        rep.claims.append(Claim(
            id=m["id"], measure=m["measure"], value=list(m["value"] or []), unit=m["unit"],
            approximate=bool(m["approximate"]), as_of=m["as_of"], source=m["source"],
            evidence=_span(m["evidence"]), place=m["place"], source_entity=m["source_entity"], text=m["text"]))
    for r in conn.execute(sa.select(t.series).order_by(t.series.c.seq)):
        m = r._mapping
        rep.series.append(Series(measure=m["measure"], claims=list(m["claims"] or []), place=m["place"]))
    for r in conn.execute(sa.select(t.disagreements).order_by(t.disagreements.c.seq)):
        m = r._mapping
        sides = [Side(source=s.get("source"), says=s.get("says", ""), evidence=_span(s.get("evidence")))
                 for s in m["sides"] or []]
        rep.disagreements.append(Disagreement(id=m["id"], topic=m["topic"], kind=m["kind"], sides=sides))
    return rep
