"""`dateline add`: analyse new articles into a stored story, then recompute the story.

Crash safety: documents are committed in batches (one transaction each, ``DATELINE_ADD_BATCH``
documents, default 16), the story part is replaced in one final transaction. A run killed
midway leaves every committed batch and the previous story intact; re-running skips what is
stored (same raw input, or same clean text) and finishes the job.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import os
import sys
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from ..model import Document, RawDocument
from . import rows
from . import tables as t
from .db import NewerDatabaseError, open_db

EXIT_OK, EXIT_NOTHING_READ = 0, 1


def raw_hash(raw: RawDocument) -> str:
    """Hash of what a reader produced (before analysis), to skip stored inputs without re-analysing them."""
    h = hashlib.sha256()
    for part in (raw.error and f"error:{raw.source}", raw.text, raw.html, raw.title, raw.published):
        h.update((part or "").encode("utf-8", "replace"))
        h.update(b"\x00")
    return h.hexdigest()


def _options(args: argparse.Namespace) -> Any:
    """Options of the run from the command line (``--config``/``--set``/``--disable`` and the analyse flags)."""
    from ..pipeline import AnalyzeOptions
    from ..settings import settings_from_args
    from ..stages import parse_disable, resolve_composition

    settings = settings_from_args(args)
    disable = parse_disable(getattr(args, "disable", None))
    resolve_composition(disable)  # an unknown stage name fails before any input is read
    return AnalyzeOptions(timeline=settings.timeline, jobs=settings.run.jobs, settings=settings, disable=disable)


class _Batcher:
    """Collects analysed documents and commits them a batch per transaction."""

    def __init__(self, engine: Engine, batch: int) -> None:
        self.engine = engine
        self.batch = max(1, batch)
        self.pending: list[Document] = []
        self.raw_hashes: dict[str, str] = {}
        with engine.connect() as conn:
            known = conn.execute(sa.select(t.documents.c.id, t.documents.c.dedup_key, t.documents.c.raw_hash)).all()
            self.seq = (conn.execute(sa.select(sa.func.max(t.documents.c.seq))).scalar() or 0) + 1
        self.ids = {r[0] for r in known}
        self.keys = {r[1] for r in known}
        self.known_raw = {r[2] for r in known if r[2]}
        self.added = self.duplicates = 0

    def wanted(self, raws: Any) -> Any:
        for raw in raws:
            rh = raw_hash(raw)
            if rh in self.known_raw:
                self.duplicates += 1
                continue
            self.known_raw.add(rh)
            self.raw_hashes[raw.id] = rh
            yield raw

    def __call__(self, doc: Document) -> None:
        self.pending.append(doc)
        if len(self.pending) >= self.batch:
            self.flush()

    def _unique_id(self, doc: Document) -> str:
        if doc.id not in self.ids:
            return doc.id
        base = f"{doc.id}~{hashlib.sha1(doc.source.encode('utf-8', 'replace')).hexdigest()[:8]}"
        new, k = base, 2
        while new in self.ids:
            new, k = f"{base}-{k}", k + 1
        return new

    def flush(self) -> None:
        out = []
        for doc in self.pending:
            key = rows.dedup_key(doc)
            if key in self.keys:
                self.duplicates += 1
                continue
            rh = self.raw_hashes.pop(doc.id, None)
            doc.id = self._unique_id(doc)
            self.ids.add(doc.id)
            self.keys.add(key)
            out.append(rows.document_row(doc, self.seq, rh))
            self.seq += 1
        self.pending = []
        if out:
            with self.engine.begin() as conn:
                rows.insert_documents(conn, out)
            self.added += len(out)


def recompute_story(engine: Engine, options: Any = None) -> Any:
    """Rebuild the story from every stored document and replace it in one transaction."""
    from ..pipeline import analyze_story

    with engine.connect() as conn:
        docs = rows.read_documents(conn)
    before = {d.id: (d.published, d.published_evidence, d.published_confidence) for d in docs}
    timexes_before = {d.id: copy.deepcopy(d.timexes) for d in docs}
    report = analyze_story(docs, options)
    changed = [d for d in docs if (d.published, d.published_evidence, d.published_confidence) != before[d.id]
               or d.timexes != timexes_before[d.id]]
    with engine.begin() as conn:
        rows.update_document_dates(conn, changed)
        rows.write_story(conn, report)
    return report


def add_documents(args: argparse.Namespace) -> int:
    """Analyse ``args.inputs`` into the story at ``args.db``; see the module docstring."""
    from ..ingest import DEFAULT_MAX_BYTES, read_inputs
    from ..pipeline import analyze_documents

    quiet = getattr(args, "quiet", False)
    try:
        engine = open_db(args.db)
    except (sa.exc.SQLAlchemyError, NewerDatabaseError) as exc:
        print(f"dateline add: cannot open {args.db}: {exc}", file=sys.stderr)
        return EXIT_NOTHING_READ
    try:
        opts = _options(args)
        batcher = _Batcher(engine, int(os.environ.get("DATELINE_ADD_BATCH", "16")))
        raws = read_inputs(list(args.inputs), max_bytes=getattr(args, "max_bytes", None) or DEFAULT_MAX_BYTES)
        bar = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(unit="doc", file=sys.stderr, desc="analysing")

        def progress(doc: Document) -> None:
            batcher(doc)
            if bar is not None:
                bar.update(1)

        analyze_documents(batcher.wanted(raws), jobs=opts.jobs, progress=progress, settings=opts.settings,
                          disable=opts.disable)
        batcher.flush()
        if bar is not None:
            bar.close()
        if not quiet:
            print(f"{batcher.added} new documents stored, {batcher.duplicates} already present; "
                  "rebuilding the story...", file=sys.stderr)
        report = recompute_story(engine, opts)
    finally:
        engine.dispose()
    ok = sum(1 for d in report.documents if d.status == "ok")
    if not quiet:
        print(f"story: {ok} documents ({len(report.documents) - ok} rejected), {len(report.events)} events, "
              f"{len(report.claims)} claims", file=sys.stderr)
    return EXIT_OK if ok else EXIT_NOTHING_READ
