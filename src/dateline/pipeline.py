"""The two phases, wired. The only module that knows the order of the stages.

Phase 1 (map, per document): read -> clean -> split/NER -> date -> timexes -> mentions.
Phase 2 (reduce, per story): reconcile dates -> entities -> events/timeline/summary ->
claims/series/disagreements -> report.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

from . import SCHEMA_VERSION, __version__
from .claims import extract_claims
from .clean import clean
from .dating import date_document, reconcile_publication_dates, tag_timexes
from .entities import extract_mentions, link_entities
from .events import TimelineOptions, build_timeline
from .model import Document, RawDocument, Report
from .nlp import annotate

log = logging.getLogger(__name__)

MIN_WORDS = 5  # fewer words than this after cleaning is not an article

# Seconds spent per stage in this process (read by `dateline bench`).
STAGE_SECONDS: Counter[str] = Counter()


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the wall-clock seconds spent in the ``with`` block to ``STAGE_SECONDS[name]``."""
    t0 = time.perf_counter()
    try:
        yield
    finally:
        STAGE_SECONDS[name] += time.perf_counter() - t0


@dataclass
class AnalyzeOptions:
    timeline: TimelineOptions = field(default_factory=TimelineOptions)
    jobs: int = 1


def content_hash(text: str) -> str:
    """SHA-256 hex digest of a text."""
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()


def rejected(raw: RawDocument, reason: str) -> Document:
    """The Document recording that ``raw`` was not analysed, and why."""
    return Document(id=raw.id, source=raw.source, status="rejected", error=reason, url=raw.url, meta=dict(raw.meta))


def analyze_document(raw: RawDocument) -> Document:
    """Phase 1 for one document. Never raises: a failure becomes a rejected document."""
    if raw.error:
        return rejected(raw, raw.error)
    try:
        return _analyze_document(raw)
    except Exception as exc:  # one bad document must not end the run
        log.exception("document %s failed", raw.id)
        return rejected(raw, f"analysis failed ({type(exc).__name__}: {exc})")


def _analyze_document(raw: RawDocument) -> Document:
    with stage("clean"):
        cleaned = clean(raw)
    text = cleaned.text
    if len(text.split()) < MIN_WORDS:
        doc = rejected(raw, "empty after cleaning" if not text.strip() else f"too short after cleaning ({len(text.split())} words)")
        doc.boilerplate = cleaned.boilerplate
        doc.title = cleaned.title
        return doc
    doc = Document(
        id=raw.id,
        source=raw.source,
        title=cleaned.title,
        url=raw.url or cleaned.meta.get("url"),
        text=text,
        boilerplate=cleaned.boilerplate,
        content_hash=content_hash(text),
        meta={**raw.meta, **{k: v for k, v in cleaned.meta.items() if k != "date_candidates"}},
    )
    with stage("annotate"):
        ann = annotate(text)
    doc.sentences = ann.sentences
    with stage("pubdate"):
        date_document(doc, raw, cleaned.meta)
    with stage("timexes"):
        doc.timexes = tag_timexes(text, doc.published, doc.sentences)
    with stage("mentions"):
        doc.mentions = extract_mentions(text, ann)
    return doc


def analyze_documents(
    raws: Iterable[RawDocument], jobs: int = 1, progress: Callable[[Document], None] | None = None
) -> list[Document]:
    """Phase 1 over many documents, in this process or a pool of ``jobs`` processes."""
    if jobs <= 1:
        return _collect((analyze_document(r) for r in raws), progress)
    import multiprocessing as mp

    with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("spawn")) as pool:
        return _collect(pool.map(analyze_document, raws, chunksize=4), progress)


def _collect(docs: Iterable[Document], progress: Callable[[Document], None] | None) -> list[Document]:
    out: list[Document] = []
    for d in docs:
        out.append(d)
        if progress:
            progress(d)
    return out


def analyze_story(docs: list[Document], options: AnalyzeOptions | None = None) -> Report:
    """Phase 2: the story-level parts of the report from the analysed documents."""
    options = options or AnalyzeOptions()
    with stage("reconcile_dates"):
        changed = set(reconcile_publication_dates(docs))
        for d in docs:
            if d.id in changed and d.status == "ok":
                d.timexes = tag_timexes(d.text, d.published, d.sentences)
    ok = [d for d in docs if d.status == "ok"]
    with stage("entities"):
        entities = link_entities(ok)
    with stage("timeline"):
        events, timeline, summary = build_timeline(ok, entities, options.timeline)
    with stage("claims"):
        claims, series, disagreements = extract_claims(ok, entities)
    return Report(
        schema_version=SCHEMA_VERSION,
        generator=f"dateline {__version__}",
        documents=docs,
        entities=entities,
        events=events,
        timeline=timeline,
        claims=claims,
        series=series,
        disagreements=disagreements,
        summary=summary,
        meta={"documents_ok": len(ok), "documents_rejected": len(docs) - len(ok)},
    )
