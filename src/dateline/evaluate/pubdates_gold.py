"""``dateline evaluate pubdates-gold FILE``: publication dates against a hand-built gold file.

The gold (tests/gold/<corpus>/pubdates.<split>.json, layout in GOLD_SPEC) lists article paths
relative to ``data_root`` (the repository root for "."), each with the publication date a reader
takes from the article (``YYYY-MM-DD``, ``YYYY-MM`` or null when the article prints no date).

The articles are read with the pipeline's own reader, analysed by ``pipeline.analyze_documents``,
then formed into stories by ``--grouping`` (``evaluate.grouping``; by default the stories
``dateline analyze`` detects) and each story run through ``pipeline.analyze_story`` (the story
phase reconciles publication dates across a story's documents), exactly as ``dateline analyze``
runs them; nothing is re-implemented here. An article detection leaves in no story keeps the date
phase 1 gave it. Scores, over the documents:

* ``day_accuracy``: share of dated gold documents (day granularity) given that day;
* ``month_accuracy``: share of dated gold documents whose year-month is right;
* ``coverage``: share of dated gold documents given any date;
* ``null_ok``: share of undated gold documents (gold null) the pipeline left undated
  (a date invented for them is an error);
* ``accuracy``: all documents, a document being right when its day (or month, for a month-level
  gold) matches, or when both gold and output are null.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from .grouping import DEFAULT_GROUPING, add_grouping_argument, run_stories

ROOT = Path(__file__).resolve().parents[3]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", metavar="FILE", help="pubdates gold JSON (tests/gold/<corpus>/pubdates.<split>.json)")
    parser.add_argument("--data", default=None, help="root the gold's article paths are relative to "
                                                     "(default: the gold's data_root, from the repository root)")
    parser.add_argument("--errors", action="store_true", help="list wrong documents on stderr")
    parser.add_argument("--index-urls", dest="index_urls", action="store_true",
                        help="give each text article the URL its corpus index.jsonl lists, as a JSONL input gives "
                             "`dateline analyze` (off by default: the golds date only what the page prints, and "
                             "round-3 blind has an article whose URL dates it while its gold is null)")
    add_grouping_argument(parser)


def _data_root(gold: dict[str, Any], arg: str | None) -> Path:
    if arg:
        return Path(arg)
    root = Path(gold.get("data_root") or ".")
    return root if root.is_absolute() else ROOT / root


def judge(pred: str | None, gold: str | None) -> bool:
    """True when the output date agrees with the gold at the gold's granularity (None = undated)."""
    if gold is None:
        return not pred
    if not pred:
        return False
    return pred[: len(gold)] == gold


def corpus_urls(paths: list[Path]) -> dict[str, str]:
    """The article URL each path has in its corpus index (an ``index.jsonl`` in one of the article's
    parent folders, rows ``{"path": ..., "url": ...}``, the path relative to the repository root or to
    the index's folder), keyed by the resolved path. A JSONL input gives ``dateline analyze`` the same
    URL (``ingest.jsonl``), so the date stage sees what it would see there."""
    out: dict[str, str] = {}
    seen: set[Path] = set()
    for p in paths:
        for folder in p.resolve().parents:
            index = folder / "index.jsonl"
            if index in seen or not index.is_file():
                continue
            seen.add(index)
            for line in index.read_text(encoding="utf-8").splitlines():
                try:
                    row = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(row, dict) or not row.get("path") or not isinstance(row.get("url"), str):
                    continue
                for base in (ROOT, folder):
                    out.setdefault(str((base / row["path"]).resolve()), row["url"])
    return out


def predict(paths: list[Path], grouping: str = DEFAULT_GROUPING,
            index_urls: bool = False) -> tuple[dict[str, str | None], dict[str, Any]]:
    """Publication date the pipeline gives each article (by its path), the stories formed by
    ``grouping``; and the grouping's ``meta``. With ``index_urls`` a text article listed in its corpus
    index carries that index's URL (``corpus_urls``), as the same article read from a JSONL input would."""
    from ..ingest import read_inputs
    from ..pipeline import analyze_documents
    from ..settings import any_language_settings

    raws, path_of = [], {}
    urls = corpus_urls(paths) if index_urls else {}
    for i, p in enumerate(paths):
        for r in read_inputs([str(p)]):
            r.id = f"d{i}_{r.id}"
            r.url = r.url or urls.get(str(p.resolve()))
            path_of[r.id] = str(p)
            raws.append(r)
    # a publication date does not depend on the article's language: every language is kept
    settings = any_language_settings()
    docs = analyze_documents(raws, settings=settings)
    run = run_stories(docs, grouping, paths=path_of, settings=settings)
    return {path_of[d.id]: (d.published if d.status == "ok" else None) for d in run.documents}, run.meta()


def score(rows: list[tuple[str, str | None, str | None]]) -> dict[str, Any]:
    """The metrics of (doc, gold, predicted) rows."""
    dated = [(g, p) for _, g, p in rows if g]
    days = [(g, p) for g, p in dated if len(g) == 10]
    nulls = [p for _, g, p in rows if not g]

    def share(k: int, n: int) -> float | None:
        return round(k / n, 4) if n else None

    return {
        "documents": len(rows),
        "dated": len(dated),
        "undated": len(nulls),
        "accuracy": share(sum(judge(p, g) for _, g, p in rows), len(rows)),
        "day_accuracy": share(sum(judge(p, g) for g, p in days), len(days)),
        "month_accuracy": share(sum(bool(p) and p[:7] == g[:7] for g, p in dated), len(dated)),
        "coverage": share(sum(bool(p) for _, p in dated), len(dated)),
        "null_ok": share(sum(not p for p in nulls), len(nulls)),
    }


def run(args: argparse.Namespace) -> int:
    gold_path = Path(args.gold)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    root = _data_root(gold, args.data)
    items = [(d["doc"], d.get("published")) for d in gold["docs"]]
    missing = [doc for doc, _ in items if not (root / doc).exists()]
    if missing:
        print(f"missing articles under {root}: {missing[:3]}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    pred, grouping = predict([root / doc for doc, _ in items], getattr(args, "grouping", DEFAULT_GROUPING),
                             getattr(args, "index_urls", False))
    rows = [(doc, g, pred.get(str(root / doc))) for doc, g in items]
    result = score(rows)
    result["gold"] = str(gold_path)
    result["grouping"] = grouping
    result["seconds"] = round(time.perf_counter() - t0, 2)
    if args.errors:
        for doc, g, p in rows:
            if not judge(p, g):
                print(f"  gold={g} got={p}  {doc}", file=sys.stderr)
    print(json.dumps(result, indent=2))
    return 0
