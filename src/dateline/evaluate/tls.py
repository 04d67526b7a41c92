"""``dateline evaluate tls``: timeline summarization on T17-format folders, tilse metrics.

Protocol (news-tls / tilse): one task per gold timeline; articles restricted to the gold's
first..last date, publication dates from the ``InputDocs/<date>/`` folder names; the
system timeline gets the gold's number of dates and round(gold sentences / gold dates)
sentences per date. Gold quirks: repeated date blocks are merged, malformed date lines
(MJ_bbc ``2011-04-0``) drop their block. System sentences are PTB-tokenized by a regex
before scoring, since the gold is. Metrics: evaluate/rouge.py (checked against tilse).

Phase 1 here is clean + one-sentence-per-line + tag_timexes (no spaCy: T17 files are
already sentence-split); its output is cached per topic under ~/.cache/dateline/tls.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
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
from ..clean import clean
from ..dating import tag_timexes
from ..events import TimelineOptions, build_timeline
from ..events.select import SelectWeights
from ..events.summarize import SummaryWeights
from ..model import Document, RawDocument, document_from_dict, to_dict
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


def _source_key() -> str:
    h = hashlib.sha256(__version__.encode())
    pkg = Path(__file__).resolve().parent.parent
    for sub in ("clean", "dating"):
        for p in sorted((pkg / sub).rglob("*.py")):
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _read_doc(path: Path, published: str, doc_id: str) -> Document | None:
    raw = RawDocument(id=doc_id, source=str(path), text=path.read_text(encoding="utf-8", errors="replace"))
    c = clean(raw)
    text = c.text
    if len(text.split()) < 5:
        return None
    sentences, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            sentences.append([pos, pos + len(line)])
        pos += len(line) + 1
    doc = Document(id=doc_id, source=str(path), title=c.title, text=text, published=published,
                   published_evidence="T17 folder name", published_confidence=1.0, sentences=sentences,
                   boilerplate=c.boilerplate)
    try:
        doc.timexes = tag_timexes(text, published, sentences)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop an evaluation
        print(f"timex failed on {path}: {exc}", file=sys.stderr)
    return doc


def load_topic(topic: Path, use_cache: bool = True, any_version: bool = False) -> list[Document]:
    """Phase 1 over every article of a T17 topic folder (cached on content and code).

    ``any_version``: take the newest cached phase 1 of the topic even if the cleaning or
    dating code changed since (to compare phase-2 variants on one fixed input).
    """
    if use_cache and any_version:
        found = sorted(CACHE.glob(f"{topic.name}-*.json"), key=lambda p: p.stat().st_mtime)
        if found:
            return [document_from_dict(d) for d in json.loads(found[-1].read_text())]
    files = sorted((topic / "InputDocs").glob("*/*"))
    h = hashlib.sha256(_source_key().encode())
    for f in files:
        st = f.stat()
        h.update(f"{f.relative_to(topic)}:{st.st_size}:{int(st.st_mtime)}".encode())
    cache = CACHE / f"{topic.name}-{h.hexdigest()[:16]}.json"
    if use_cache and cache.exists():
        return [document_from_dict(d) for d in json.loads(cache.read_text())]
    docs, seen = [], set()
    for f in files:
        date = f.parent.name
        stem = f.name.split(".")[0]
        doc_id = stem if stem not in seen else f"{date}_{stem}"
        seen.add(doc_id)
        d = _read_doc(f, date, doc_id)
        if d is not None:
            docs.append(d)
    if use_cache:
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        tmp.write_text(json.dumps(to_dict(docs)))
        tmp.replace(cache)
    return docs


# ---------------------------------------------------------------- the system and the scores


def system_timeline(docs: list[Document], gold: rouge.Timeline, keywords: list[str] | None,
                    options: dict[str, Any] | None = None) -> rouge.Timeline:
    """Our timeline for one task, as tokenized sentences per day."""
    first, last = min(gold), max(gold)
    window = [d for d in docs if d.published and first.isoformat() <= d.published <= last.isoformat()]
    n_sents = sum(len(s) for s in gold.values())
    opts = dict(options or {})
    topt = TimelineOptions(
        max_dates=len(gold), sentences_per_date=max(1, round(n_sents / len(gold))), query=keywords,
        start=first.isoformat(), end=last.isoformat(),
        select=SelectWeights(**opts.pop("select", {})), summary=SummaryWeights(**opts.pop("summary", {})),
        **opts,
    )
    _, timeline, _ = build_timeline(window, [], topt)
    out: rouge.Timeline = {}
    by_id = {d.id: d for d in window}
    for entry in timeline:
        if len(entry.date) != 10:
            continue
        sents = [by_id[s.doc].text[s.start : s.end] for s in entry.evidence]
        out[dt.date.fromisoformat(entry.date)] = [ptb_tokenize(s) for s in sents]
    return out


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


def evaluate(dataset: Path, limit: int | None = None, topics: list[str] | None = None,
             system_dir: Path | None = None, options: dict[str, Any] | None = None,
             use_cache: bool = True, any_version: bool = False) -> dict[str, Any]:
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
                loaded = {task.topic: load_topic(task.topic, use_cache, any_version)}
            kw_path = task.topic / "keywords.json"
            keywords = json.loads(kw_path.read_text()) if kw_path.exists() else None
            pred = system_timeline(loaded[task.topic], gold, keywords, options)
        row: dict[str, Any] = {"timeline": task.name, "gold_dates": len(gold), "system_dates": len(pred)}
        row.update(score(pred, gold))
        row["seconds"] = round(time.perf_counter() - t0, 2)
        rows.append(row)
        print(f"{task.name:45s} AR1 {row['ar1_f']:.3f} AR2 {row['ar2_f']:.3f} dateF1 {row['date_f1']:.3f} "
              f"({row['seconds']}s)", file=sys.stderr)
    keys = [k for k in rows[0] if isinstance(rows[0][k], float) and k != "seconds"] if rows else []
    means = {k: round(mean(r[k] for r in rows), 4) for k in keys}
    return {"dataset": str(dataset), "timelines": len(rows), "mean": means, "rows": rows}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dataset", type=Path, help="T17-format folder (topics with InputDocs/, timelines/) or one topic")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N timelines (sorted by topic, name)")
    parser.add_argument("--topics", default=None, help="comma-separated topic folder names")
    parser.add_argument("--system-dir", type=Path, default=None,
                        help="score existing system timelines (e.g. _reference_system_outputs/sdf-tls/TL17_bestds)")
    parser.add_argument("--options", default=None, help="JSON object of TimelineOptions overrides (ablations)")
    parser.add_argument("--no-cache", action="store_true", help="recompute phase 1 instead of using ~/.cache/dateline/tls")
    parser.add_argument("--any-cache", action="store_true",
                        help="reuse the newest cached phase 1 of each topic even if clean/dating code changed since")


def run(args: argparse.Namespace) -> int:
    topics = [t.strip() for t in args.topics.split(",")] if args.topics else None
    options = json.loads(args.options) if args.options else None
    res = evaluate(args.dataset, args.limit, topics, args.system_dir, options, not args.no_cache, args.any_cache)
    if getattr(args, "json", False):
        print(json.dumps(res))
        return 0
    m = res["mean"]
    print(f"timelines: {res['timelines']}")
    for label, key in (("concat", "concat_r"), ("agreement", "agreement_r"), ("align+ m:1", "ar")):
        print(f"{label:12s} R1 {m.get(key + '1_f', 0):.3f}  R2 {m.get(key + '2_f', 0):.3f}")
    print(f"{'date F1':12s} {m.get('date_f1', 0):.3f}")
    return 0
