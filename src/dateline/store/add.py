"""`dateline add`: analyse new articles into a stored story, then recompute the story.

Crash safety: documents are committed in batches (one transaction each, ``DATELINE_ADD_BATCH``
documents, default 16), the story part is replaced in one final transaction. A run killed
midway leaves every committed batch and the previous story intact; re-running skips what is
stored (same raw input, or same clean text) and finishes the job.

Concurrent runs: each batch is written under the database's write lock (``db.writing``) after
re-reading the stored ids and content keys, so two runs given the same articles store each
once, and ids stay unique. The story is written under the lock only when no document was added
since it was read (``story.built_from``); otherwise it is rebuilt from the new state, or, when
another run already stored the story of the current state, that one is kept. So the story left
at the end is built from every stored document. A database error ends the run with one line
(what was committed stays), never a traceback.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from ..model import Document, RawDocument
from . import rows
from . import tables as t
from .db import NewerDatabaseError, error_line, open_db, writing

EXIT_OK, EXIT_NOTHING_READ = 0, 1
MAX_STORY_REBUILDS = 5  # rebuilds of the story while other runs keep adding documents


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
            copies = conn.execute(sa.select(t.duplicate_inputs.c.raw_hash)).scalars().all()
            self.seq = (conn.execute(sa.select(sa.func.max(t.documents.c.seq))).scalar() or 0) + 1
        self.ids = {r[0] for r in known}
        self.keys = {r[1]: r[0] for r in known}  # dedup key -> the stored document's id
        self.known_raw = {r[2] for r in known if r[2]} | set(copies)
        self.copies: list[dict[str, str]] = []  # inputs found to be copies of a stored document, to record
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
            rh = self.raw_hashes.pop(doc.id, None)
            if key in self.keys:
                self.duplicates += 1
                self._copy(rh, doc.source, self.keys[key])
                continue
            doc.id = self._unique_id(doc)
            self.ids.add(doc.id)
            self.keys[key] = doc.id
            out.append(rows.document_row(doc, self.seq, rh))
            self.seq += 1
        self.pending = []
        if out or self.copies:
            with writing(self.engine) as conn:
                out = self._fresh(conn, out)
                rows.insert_documents(conn, out)
                self._record_copies(conn)
            self.keys.update((row["dedup_key"], row["id"]) for row in out)
            self.added += len(out)

    def _copy(self, rh: str | None, source: str, of: str) -> None:
        if rh:
            self.copies.append({"raw_hash": rh, "source": source, "duplicate_of": of})

    def _record_copies(self, conn: sa.Connection) -> None:
        """Record the copies found since the last commit (ones another run recorded meanwhile are skipped)."""
        if not self.copies:
            return
        have = set(conn.execute(sa.select(t.duplicate_inputs.c.raw_hash).where(
            t.duplicate_inputs.c.raw_hash.in_([c["raw_hash"] for c in self.copies]))).scalars())
        fresh = {c["raw_hash"]: c for c in self.copies if c["raw_hash"] not in have}
        if fresh:
            conn.execute(sa.insert(t.duplicate_inputs), list(fresh.values()))
        self.copies = []

    def _fresh(self, conn: sa.Connection, out: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``out`` less what another run stored meanwhile, with ids and seq numbers unique now (under the lock)."""
        known = conn.execute(sa.select(t.documents.c.id, t.documents.c.dedup_key)).all()
        taken = {r[0] for r in known}
        stored_keys = {r[1]: r[0] for r in known}
        seq = (conn.execute(sa.select(sa.func.max(t.documents.c.seq))).scalar() or 0) + 1
        fresh = []
        for row in out:
            if row["dedup_key"] in stored_keys:
                self.duplicates += 1
                self._copy(row.get("raw_hash"), row["source"], stored_keys[row["dedup_key"]])
                continue
            if row["id"] in taken:
                base = f"{row['id']}~{hashlib.sha1(row['source'].encode('utf-8', 'replace')).hexdigest()[:8]}"
                new, k = base, 2
                while new in taken:
                    new, k = f"{base}-{k}", k + 1
                row["id"] = new
            taken.add(row["id"])
            stored_keys[row["dedup_key"]] = row["id"]
            row["seq"], seq = seq, seq + 1
            fresh.append(row)
        self.ids |= taken
        self.seq = seq
        return fresh


class ProgressLines:
    """Progress as plain lines on stderr (a run under ``nohup``/``nice`` writing to a log, no terminal):
    every ``every`` analysed documents (and once at the end), the documents analysed and committed so far
    (stored a batch at a time), those skipped as already stored, the rate per CPU-second and the peak RSS
    of this process (with ``--jobs`` > 1 the workers' CPU and memory are not in it: use ``/usr/bin/time -v``)."""

    def __init__(self, batcher: _Batcher, every: int = 100) -> None:
        self.batcher, self.every, self.n = batcher, max(1, every), 0
        self.cpu0, self.wall0 = _cpu(), time.monotonic()

    def step(self) -> None:
        self.n += 1
        if self.n % self.every == 0:
            self.emit()

    def emit(self) -> None:
        cpu, wall = _cpu() - self.cpu0, time.monotonic() - self.wall0
        print(f"progress: {self.n} documents analysed ({self.batcher.added} stored), {self.batcher.duplicates} "
              f"skipped as already stored; {self.n / max(cpu, 1e-9):.2f} docs per CPU-second, "
              f"{cpu:.1f} CPU-s, {wall:.0f} s, peak RSS {_peak_rss_mb():.0f} MB", file=sys.stderr, flush=True)

    def done(self) -> None:
        self.emit()  # after the last batch is committed: the final counts


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def recompute_story(engine: Engine, options: Any = None) -> Any:
    """Rebuild the stories from every stored document and replace them in one transaction; the
    report of the first (largest) story.

    One story: its report over every stored document goes to the story tables, as before. Several
    (a mixed pile): phase 2 runs on each story's own documents, and only on the stories whose
    articles changed since their report was built (``story_reports.built_from``); each story's
    report is kept in ``story_reports`` and the largest story's also in the story tables (what
    ``load_report`` and ``dateline serve --db`` open first). Under the write lock the result is
    written only if no document was added since they were read; else it is rebuilt (at most
    ``MAX_STORY_REBUILDS`` times), unless another run already stored the stories of the current
    state, which are then read back."""
    from ..pipeline import analyze_groups, analyze_story, split_stories

    settings = getattr(options, "settings", None)
    disable = tuple(getattr(options, "disable", ()) or ())
    for attempt in range(MAX_STORY_REBUILDS):
        with _snapshot(engine) as conn:  # the documents and their state as of one moment
            docs = rows.read_documents(conn)
            state = rows.documents_state(conn)
            stored = rows.read_partition(conn)
            built = rows.story_reports_built_from(conn)
        # the stories: stored ones keep their articles and ids, new articles join one or start one
        part = split_stories(docs, settings, disable=disable, existing=stored)
        several = len(part.stories) > 1
        before = {d.id: (d.published, d.published_evidence, d.published_confidence, copy.deepcopy(d.timexes))
                  for d in docs}
        if not several:
            report = analyze_story(docs, options)
            fresh: dict[str, tuple[str, Any]] = {}
            first = report
        else:
            by_id = {d.id: d for d in docs}
            keys = {s.id: story_key(s.documents, options) for s in part.stories}
            todo = [s for s in part.stories if built.get(s.id) != keys[s.id]]
            reports = analyze_groups([[by_id[i] for i in s.documents] for s in todo], options)
            fresh = {s.id: (keys[s.id], r) for s, r in zip(todo, reports, strict=True)}
            for r in reports:  # the story phase may reconcile dates (in worker processes: copies)
                for d in r.documents:
                    by_id[d.id] = d
            docs = [by_id[d.id] for d in docs]
            largest = max(part.stories, key=lambda s: (len(s.documents), s.id))
            first = fresh[largest.id][1] if largest.id in fresh else None
        changed = [d for d in docs if (d.published, d.published_evidence, d.published_confidence, d.timexes)
                   != before[d.id]]
        with writing(engine) as conn:
            now = rows.documents_state(conn)
            if now != state and attempt < MAX_STORY_REBUILDS - 1:
                if rows.story_built_from(conn) == now:  # another run stored the story of this state
                    return rows.read_report(conn)
                continue  # documents were added meanwhile: build again from them
            rows.update_document_dates(conn, changed)
            if not several:
                rows.clear_story_reports(conn)
            else:
                rows.write_story_reports(conn, fresh, keep=[s.id for s in part.stories])
                if first is None:  # the largest story did not change: its stored report
                    first = rows.read_story_report(conn, largest.id)
            first.meta["pile"] = {"stories": len(part.stories), "rebuilt": len(fresh) if several else len(part.stories)}
            rows.write_story(conn, first, built_from=state)
            rows.write_partition(conn, part)
        return first
    raise AssertionError("unreachable")


def story_key(document_ids: list[str], options: Any = None) -> str:
    """What a story's report was built from: its article ids (stored articles never change), the
    dateline version and the settings and disabled stages of the run. The ``run`` section (worker
    processes) changes how fast a report is built, not what it says, so it is left out: a story
    stored by ``analyze --db`` and one rebuilt by ``add --jobs 2`` with the same settings share a key."""
    import json

    from .. import __version__

    settings = getattr(options, "settings", None)
    what = settings.to_dict() if settings is not None else None
    if what is not None:
        what.pop("run", None)
    h = hashlib.sha256(__version__.encode())
    h.update(json.dumps(what, sort_keys=True, default=str).encode())
    h.update(json.dumps(sorted(getattr(options, "disable", ()) or ())).encode())
    for i in sorted(document_ids):
        h.update(b"\x00" + i.encode("utf-8", "replace"))
    return h.hexdigest()


@contextmanager
def _snapshot(engine: Engine) -> Iterator[sa.Connection]:
    """A read transaction that sees one state throughout (SQLite's WAL read snapshot; PostgreSQL REPEATABLE READ)."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def add_documents(args: argparse.Namespace) -> int:
    """Analyse ``args.inputs`` into the story at ``args.db``; see the module docstring."""
    from ..ingest import DEFAULT_MAX_BYTES, read_inputs
    from ..pipeline import analyze_documents

    quiet = getattr(args, "quiet", False)
    try:
        engine = open_db(args.db)
    except (sa.exc.SQLAlchemyError, NewerDatabaseError) as exc:
        print(f"dateline add: cannot open {args.db}: {error_line(exc)}", file=sys.stderr)
        return EXIT_NOTHING_READ
    batcher = None
    try:
        opts = _options(args)
        batcher = _Batcher(engine, int(os.environ.get("DATELINE_ADD_BATCH", "16")))
        raws = read_inputs(list(args.inputs), max_bytes=getattr(args, "max_bytes", None) or DEFAULT_MAX_BYTES)
        bar = None
        lines = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(unit="doc", file=sys.stderr, desc="analysing")
        elif not quiet:
            lines = ProgressLines(batcher, getattr(args, "progress_every", None) or 100)

        def progress(doc: Document) -> None:
            batcher(doc)
            if bar is not None:
                bar.update(1)
            if lines is not None:
                lines.step()

        analyze_documents(batcher.wanted(raws), jobs=opts.jobs, progress=progress, settings=opts.settings,
                          disable=opts.disable, keep=False)  # stored a batch at a time, not kept in memory
        batcher.flush()
        if bar is not None:
            bar.close()
        if lines is not None:
            lines.done()
        if getattr(args, "documents_only", False):
            if not quiet:
                print(f"{batcher.added} new documents stored, {batcher.duplicates} already present; "
                      "story not rebuilt (--documents-only)", file=sys.stderr)
            return EXIT_OK if batcher.added or batcher.duplicates else EXIT_NOTHING_READ
        if not quiet:
            print(f"{batcher.added} new documents stored, {batcher.duplicates} already present; "
                  "rebuilding the story...", file=sys.stderr)
        report = recompute_story(engine, opts)
    except sa.exc.SQLAlchemyError as exc:
        done = batcher.added if batcher is not None else 0
        print(f"dateline add: database error on {args.db}: {error_line(exc)} ({done} new documents were committed "
              "before it; run the same command again to finish)", file=sys.stderr)
        return EXIT_NOTHING_READ
    finally:
        engine.dispose()
    ok = sum(1 for d in report.documents if d.status == "ok")
    pile = report.meta.get("pile") or {}
    if not quiet and pile.get("stories", 1) > 1:
        print(f"{pile['stories']} stories ({pile.get('rebuilt')} rebuilt, the others unchanged); the largest:",
              file=sys.stderr)
    if not quiet:
        print(f"story: {ok} documents ({len(report.documents) - ok} rejected), {len(report.events)} events, "
              f"{len(report.claims)} claims", file=sys.stderr)
        from ..run_summary import no_date_lines

        for line in no_date_lines(report.documents):
            print(line, file=sys.stderr)
    return EXIT_OK if ok else EXIT_NOTHING_READ
