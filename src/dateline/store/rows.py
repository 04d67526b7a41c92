"""Report <-> rows: writing documents and the story part, reading a whole report back.

Each model object is stored as its plain dict (``model.to_dict``): the fields with a
column of the same name go there, the rest into the row's ``extra`` JSON; reading merges
them back and rebuilds the objects with ``model.report_from_dict``. So a field added to
the model later round-trips without a schema change.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from ..model import Document, Report, document_from_dict, report_from_dict, to_dict
from . import tables as t

log = logging.getLogger(__name__)

# columns that are ours, not model fields
_BOOKKEEPING = {"seq", "extra", "dedup_key", "raw_hash", "built_from"}


def dedup_key(doc: Document) -> str:
    """What makes two documents the same: the clean-text hash; for a rejected one, its source."""
    if doc.content_hash:
        return doc.content_hash
    return "src:" + hashlib.sha256(doc.source.encode("utf-8", "replace")).hexdigest()


def _split(data: dict[str, Any], table: sa.Table, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    cols = {c.name for c in table.columns} - _BOOKKEEPING
    row = {k: v for k, v in data.items() if k in cols}
    row["extra"] = {k: v for k, v in data.items() if k not in cols and k not in skip} or None
    return row


def _merge(row: Any) -> dict[str, Any]:
    m = dict(row._mapping)
    extra = m.pop("extra", None) or {}
    for k in _BOOKKEEPING:
        m.pop(k, None)
    return {**extra, **m}


def document_row(doc: Document, seq: int, raw_hash: str | None = None) -> dict[str, Any]:
    row = _split(to_dict(doc), t.documents)
    row["text"] = row.get("text") or ""
    row.update(seq=seq, dedup_key=dedup_key(doc), raw_hash=raw_hash)
    return row


def document_from_row(row: Any) -> Document:
    d = _merge(row)
    d["published_confidence"] = d.get("published_confidence") or 0.0
    for k in ("boilerplate", "timexes", "sentences", "mentions"):
        d[k] = d.get(k) or []
    d["meta"] = d.get("meta") or {}
    return document_from_dict(d)


def insert_documents(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(t.documents.insert(), rows)


def delete_story(conn: Connection) -> None:
    for table in t.STORY_TABLES:
        conn.execute(table.delete())


def documents_state(conn: Connection) -> str:
    """The state of the documents table as ``"count:max_seq"`` (documents are only ever added)."""
    n, top = conn.execute(sa.select(sa.func.count(), sa.func.max(t.documents.c.seq))).one()
    return f"{n}:{top or 0}"


def story_built_from(conn: Connection) -> str | None:
    """The documents state the stored story was built from (None: no story, or an older dateline's)."""
    return conn.execute(sa.select(t.story.c.built_from).where(t.story.c.id == 1)).scalar()


def write_story(conn: Connection, report: Report, built_from: str | None = None) -> None:
    """Replace the story-level part (everything but the documents) by ``report``'s."""
    delete_story(conn)
    data = report.to_dict()
    head = _split({k: v for k, v in data.items() if k not in
                   ("documents", "entities", "events", "timeline", "claims", "series", "disagreements")}, t.story)
    head.update(id=1, updated_at=datetime.now(UTC).isoformat(timespec="seconds"), built_from=built_from)
    conn.execute(t.story.insert(), [head])
    ents = [{**_split(e, t.entities, skip=("mentions",)), "seq": i} for i, e in enumerate(data["entities"])]
    known = {d.id for d in report.documents}
    mentions = [{"entity_seq": i, "entity_id": e["id"], "doc_id": m["doc"], "start_char": m["start"],
                 "end_char": m["end"]} for i, e in enumerate(data["entities"]) for m in e["mentions"]]
    dangling = [m for m in mentions if m["doc_id"] not in known]
    if dangling:  # a stage bug must not cost the user the whole write
        log.warning("store: %d entity mentions point at unknown documents (e.g. %r); not stored",
                    len(dangling), dangling[0]["doc_id"])
        mentions = [m for m in mentions if m["doc_id"] in known]
    tables: list[tuple[sa.Table, list[dict[str, Any]]]] = [(t.entities, ents), (t.entity_mentions, mentions)]
    for name, table in (("events", t.events), ("timeline", t.timeline), ("claims", t.claims),
                        ("series", t.series), ("disagreements", t.disagreements)):
        tables.append((table, [{**_split(x, table), "seq": i} for i, x in enumerate(data[name])]))
    for table, rows in tables:
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
    from .. import SCHEMA_VERSION, __version__

    head = conn.execute(sa.select(t.story).where(t.story.c.id == 1)).first()
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "generator": f"dateline {__version__}"}
    if head is not None:
        data.update({k: v for k, v in _merge(head).items() if k not in ("id", "updated_at")})
    mentions: dict[int, list[dict[str, Any]]] = {}
    for r in conn.execute(sa.select(t.entity_mentions).order_by(t.entity_mentions.c.id)):
        m = r._mapping
        mentions.setdefault(m["entity_seq"], []).append({"doc": m["doc_id"], "start": m["start_char"],
                                                         "end": m["end_char"]})
    ents = []
    for r in conn.execute(sa.select(t.entities).order_by(t.entities.c.seq)):
        e = _merge(r)
        e["mentions"] = mentions.get(r._mapping["seq"], [])
        ents.append(e)
    data["entities"] = ents
    for name, table in (("events", t.events), ("timeline", t.timeline), ("claims", t.claims),
                        ("series", t.series), ("disagreements", t.disagreements)):
        data[name] = [_merge(r) for r in conn.execute(sa.select(table).order_by(table.c.seq))]
    rep = report_from_dict(data)
    rep.documents = read_documents(conn)
    return rep


def write_partition(conn: Connection, part: Any) -> None:
    """Replace the stored stories by ``part``'s (a ``stories.StoryPartition``)."""
    conn.execute(t.stories.delete())
    rows = [{"seq": i, "id": s.id, "title": s.title, "start": s.start, "end": s.end, "documents": list(s.documents),
             "extra": None} for i, s in enumerate(part.stories)]
    if rows:
        conn.execute(t.stories.insert(), rows)


def read_partition(conn: Connection) -> Any:
    """The stored stories as a ``stories.StoryPartition`` (None when none is stored); the ok documents
    in no story are its ``unassigned``."""
    from ..stories import Story, StoryPartition

    stories = [Story(id=r.id, title=r.title, documents=list(r.documents or []), start=r.start, end=r.end)
               for r in conn.execute(sa.select(t.stories).order_by(t.stories.c.seq))]
    if not stories:
        return None
    placed = {d for s in stories for d in s.documents}
    loose = conn.execute(sa.select(t.documents.c.id).where(t.documents.c.status == "ok").order_by(t.documents.c.seq))
    return StoryPartition(stories=stories, unassigned=[r[0] for r in loose if r[0] not in placed])


def story_reports_built_from(conn: Connection) -> dict[str, str]:
    """Story id -> what its stored report was built from (``store.add.story_key``)."""
    return {r[0]: r[1] for r in conn.execute(sa.select(t.story_reports.c.story_id, t.story_reports.c.built_from))}


def clear_story_reports(conn: Connection) -> None:
    conn.execute(t.story_reports.delete())


def write_story_reports(conn: Connection, fresh: dict[str, tuple[str, Report]], keep: list[str]) -> None:
    """Store the ``fresh`` reports (story id -> (built_from, report)); drop the reports of stories not in ``keep``.
    A report is stored without its documents' texts (they are in ``documents``): its articles by id."""
    conn.execute(t.story_reports.delete().where(t.story_reports.c.story_id.not_in(list(keep))))
    if not fresh:
        return
    conn.execute(t.story_reports.delete().where(t.story_reports.c.story_id.in_(list(fresh))))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    out = []
    for sid, (key, report) in fresh.items():
        data = report.to_dict()
        data["documents"] = [d.id for d in report.documents]
        out.append({"story_id": sid, "built_from": key, "updated_at": now, "report": data})
    conn.execute(t.story_reports.insert(), out)


def read_story_report(conn: Connection, story_id: str) -> Report | None:
    """The stored report of one story of the pile, its documents read from ``documents``; None if none."""
    data = conn.execute(sa.select(t.story_reports.c.report).where(t.story_reports.c.story_id == story_id)).scalar()
    if data is None:
        return None
    ids = list(data.get("documents") or [])
    docs: dict[str, Document] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for r in conn.execute(sa.select(t.documents).where(t.documents.c.id.in_(chunk))):
            docs[r.id] = document_from_row(r)
    report = report_from_dict({**data, "documents": []})
    report.documents = [docs[i] for i in ids if i in docs]
    return report
