"""The two phases, run as the declared composition of ``stages.STAGES``.

Phase 1 (map, per document): clean -> annotate -> pubdate -> timexes -> mentions.
Between them (pile): stories -- the analysed documents split into the stories they tell.
Phase 2 (reduce, per story): reconcile_dates -> entities -> timeline -> claims -> report.
The order, what each stage requires and assigns, and which settings it reads are declared in
``stages.py``; this module only runs them. ``analyze``, ``add``, the evaluators, the benchmarks and
the tests all call ``analyze_documents`` and ``analyze_story`` (optionally with ``disable``); ``analyze`` calls
``analyze_stories`` (``split_stories``, then ``analyze_story`` on each story).
"""

from __future__ import annotations

import copy
import functools
import hashlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from . import SCHEMA_VERSION, __version__
from .events import TimelineOptions
from .model import Document, RawDocument, Report, Summary
from .settings import MIN_WORDS, Settings
from .stages import (
    Composition,
    DocumentState,
    PileState,
    StoryState,
    document_stages,
    pile_stages,
    resolve_composition,
    story_stages,
)
from .stories import StoryPartition

log = logging.getLogger(__name__)

__all__ = ["MIN_WORDS", "STAGE_SECONDS", "AnalyzeOptions", "analyze_document", "analyze_documents", "analyze_stories",
           "analyze_story", "content_hash", "rejected", "split_stories", "stage"]

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
    """Old-style options of ``analyze_story``; ``settings``/``disable`` are used when the call gives none."""

    timeline: TimelineOptions = field(default_factory=TimelineOptions)
    jobs: int = 1
    settings: Settings | None = None
    disable: tuple[str, ...] = ()


def content_hash(text: str) -> str:
    """SHA-256 hex digest of a text."""
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()


def rejected(raw: RawDocument, reason: str) -> Document:
    """The Document recording that ``raw`` was not analysed, and why."""
    return Document(id=raw.id, source=raw.source, status="rejected", error=reason, url=raw.url, meta=dict(raw.meta))


def analyze_document(raw: RawDocument, settings: Settings | None = None, disable: Collection[str] = (),
                     composition: Composition | None = None) -> Document:
    """Phase 1 for one document. Never raises: a failure becomes a rejected document."""
    if raw.error:
        return rejected(raw, raw.error)
    comp = composition or resolve_composition(disable)
    try:
        return _analyze_document(raw, settings or Settings(), comp)
    except Exception as exc:  # one bad document must not end the run
        log.exception("document %s failed", raw.id)
        return rejected(raw, f"analysis failed ({type(exc).__name__}: {exc})")


def _analyze_document(raw: RawDocument, settings: Settings, comp: Composition) -> Document:
    st = DocumentState(raw=raw, settings=settings)
    for s in document_stages(comp):
        with stage(s.name):
            s.func(st)
        if st.done:
            break
    assert st.doc is not None  # the clean stage always runs and always makes one
    return st.doc


def analyze_documents(
    raws: Iterable[RawDocument], jobs: int = 1, progress: Callable[[Document], None] | None = None, *,
    settings: Settings | None = None, disable: Collection[str] = (), keep: bool = True,
) -> list[Document]:
    """Phase 1 over many documents, in this process or a pool of ``jobs`` processes.

    ``keep=False``: the documents are only handed to ``progress`` (``dateline add`` stores them in
    batches) and an empty list is returned, so memory does not grow with the input.

    ``disable`` names stages to leave out (their fields keep their defaults); ``settings`` defaults
    to ``Settings()``. An unknown stage name raises ``stages.CompositionError`` before any work."""
    settings = settings or Settings()
    comp = resolve_composition(disable)
    work = functools.partial(analyze_document, settings=settings, composition=comp)
    if jobs <= 1:
        return _collect((work(r) for r in raws), progress, keep)
    import multiprocessing as mp

    with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("spawn")) as pool:
        return _collect(_bounded_map(pool, work, raws, window=IN_FLIGHT_PER_JOB * jobs), progress, keep)


# Raw documents handed to the worker processes ahead of the results, per process: the executor's
# own ``map`` reads the whole input at once (every raw text in memory before the first result).
IN_FLIGHT_PER_JOB = 8


def _bounded_map(pool: ProcessPoolExecutor, fn: Callable[[RawDocument], Document], items: Iterable[RawDocument],
                 window: int) -> Iterator[Document]:
    """``pool.map(fn, items)`` in input order, with at most ``window`` items submitted and not yet yielded."""
    from collections import deque

    pending: deque[Any] = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= max(1, window):
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _collect(docs: Iterable[Document], progress: Callable[[Document], None] | None, keep: bool = True) -> list[Document]:
    out: list[Document] = []
    for d in docs:
        if keep:
            out.append(d)
        if progress:
            progress(d)
    return out


def analyze_story(docs: list[Document], options: AnalyzeOptions | None = None, *,
                  settings: Settings | None = None, disable: Collection[str] = ()) -> Report:
    """Phase 2: the story-level parts of the report from the analysed documents.

    ``options.timeline`` (when ``options`` is given) replaces ``settings.timeline``, as before.
    ``disable`` names stages (per-document ones included: a story stage needing their fields is
    skipped with a warning); ``meta.stages`` of the report records what ran and what did not."""
    if settings is None:
        settings = options.settings if options is not None and options.settings is not None else Settings()
    if not disable and options is not None:
        disable = options.disable
    if options is not None:
        settings = copy.copy(settings)
        settings.timeline = options.timeline
    comp = resolve_composition(disable)
    st = StoryState(docs=docs, settings=settings, ran=frozenset(comp.run))
    st.ok = [d for d in docs if d.status == "ok"]
    for s in story_stages(comp):
        with stage(s.name):
            s.func(st)
            if s.name == "reconcile_dates":
                st.ok = [d for d in docs if d.status == "ok"]
    ok = st.ok
    return Report(
        schema_version=SCHEMA_VERSION,
        generator=f"dateline {__version__}",
        documents=docs,
        entities=st.entities,
        events=st.events,
        timeline=st.timeline,
        claims=st.claims,
        series=st.series,
        disagreements=st.disagreements,
        summary=st.summary if st.summary is not None else Summary(),
        meta={"documents_ok": len(ok), "documents_rejected": len(docs) - len(ok), "stages": comp.meta()},
    )


def split_stories(docs: list[Document], settings: Settings | None = None, *, disable: Collection[str] = (),
                  one_story: bool = False, existing: StoryPartition | None = None) -> StoryPartition:
    """The pile stage: ``docs`` split into stories (``stories.detect``); ``existing``: the stories
    shown so far (``dateline add``), whose documents stay in them under the same ids.

    With ``one_story``, ``settings.stories.enabled`` false or the ``stories`` stage disabled, the
    partition is one story holding every analysed document (today's behaviour)."""
    from .stories import whole_pile

    settings = settings or Settings()
    comp = resolve_composition(disable)
    stages_ = pile_stages(comp)
    if one_story or not settings.stories.enabled or not stages_:
        return whole_pile(docs)
    st = PileState(docs=docs, settings=settings, existing=existing)
    for s in stages_:
        with stage(s.name):
            s.func(st)
    return st.partition if st.partition is not None else whole_pile(docs)


def analyze_stories(docs: list[Document], options: AnalyzeOptions | None = None, *,
                    settings: Settings | None = None, disable: Collection[str] = (),
                    one_story: bool = False, dask: str | None = None) -> tuple[StoryPartition, list[Report]]:
    """Story detection, then phase 2 on each story: the partition and one report per story (same order).

    A pile of one story gives one report over every document, rejected ones included, exactly
    as ``analyze_story(docs)``; with several, each report holds its story's documents (the
    rejected and unassigned ones are listed in the partition); with ``jobs`` > 1 the stories are
    analysed in that many processes; with ``dask`` (``local`` or a scheduler address) one Dask task
    per story (``scale.analyze_stories_on_dask``, ``jobs`` local workers)."""
    if settings is None:
        settings = options.settings if options is not None and options.settings is not None else Settings()
    if not disable and options is not None:
        disable = options.disable
    part = split_stories(docs, settings, disable=disable, one_story=one_story)
    if len(part.stories) <= 1:
        return part, [analyze_story(docs, options, settings=settings, disable=disable)]
    by_id = {d.id: d for d in docs}
    groups = [[by_id[i] for i in story.documents] for story in part.stories]
    return part, analyze_groups(groups, options, settings=settings, disable=disable, dask=dask)


def analyze_groups(groups: list[list[Document]], options: AnalyzeOptions | None = None, *,
                   settings: Settings | None = None, disable: Collection[str] = (),
                   dask: str | None = None) -> list[Report]:
    """Phase 2 on each group of documents (one story each): one report per group, same order; in
    ``jobs`` processes when ``jobs`` > 1, or one Dask task per group with ``dask``."""
    if settings is None:
        settings = options.settings if options is not None and options.settings is not None else Settings()
    if not disable and options is not None:
        disable = options.disable
    if not groups:
        return []
    work = functools.partial(_story_report, options=options, settings=settings, disable=tuple(disable))
    jobs = options.jobs if options is not None else settings.run.jobs
    if dask:
        from .scale import analyze_stories_on_dask

        return analyze_stories_on_dask(groups, dask, max(1, jobs), options, settings, disable)
    if jobs <= 1 or len(groups) == 1:
        return [work(g) for g in groups]
    import multiprocessing as mp

    with ProcessPoolExecutor(max_workers=min(jobs, len(groups)), mp_context=mp.get_context("spawn")) as pool:
        return list(pool.map(work, groups))


def _story_report(docs: list[Document], options: AnalyzeOptions | None, settings: Settings,
                  disable: tuple[str, ...]) -> Report:
    return analyze_story(docs, options, settings=settings, disable=disable)
