"""``dateline evaluate pubdate DIR``: publication-date accuracy against a public gold set.

Two layouts are recognised (auto-detected):

* htmldate-eval: ``eval_default.json`` and/or ``eval_mediacloud_2020.json`` + ``html/<file>.gz``.
  Each page runs through the pipeline's stages (``pipeline.analyze_document`` with everything but
  clean and pubdate disabled: ``PAGE_DISABLE``; no spaCy; a page rejected as too short is undated). Metric as upstream htmldate ``tests/evaluation.py``: per page,
  no output = FN, output equal to the gold day = TP, any other output = FP (gold ``NaN``
  entries count as errors for every tool, as upstream); accuracy = TP/N, P = TP/(TP+FP),
  R = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN). ``--htmldate`` also scores htmldate's extensive
  mode on the same pages, for a side-by-side number.
* Timeline17 (``<topic>/InputDocs/<YYYY-MM-DD>/<n>.htm.txt``): the gold is the folder date;
  the date is read from the text alone (the path is hidden from the pipeline, which runs clean,
  pubdate and, over the whole set as one story, reconcile_dates: ``T17_DISABLE``). Same metric, plus ``coverage`` (share of documents given a date) and the share within one day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import math
import sys
from pathlib import Path
from typing import Any

from ..settings import any_language_settings

HTMLDATE_FILES = ("eval_default.json", "eval_mediacloud_2020.json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="DIR", help="htmldate-eval folder or a Timeline17 folder")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="score only the first N items (sorted)")
    parser.add_argument("--htmldate", action="store_true", help="also score htmldate extensive on the same pages")
    parser.add_argument("--errors", action="store_true", help="list wrong pages on stderr")


def scores(tp: int, fp: int, fn: int, n: int) -> dict[str, float]:
    """htmldate's metric from the page counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "accuracy": round(tp / n, 4) if n else 0.0,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * tp / (2 * tp + fp + fn), 4) if n else 0.0,
    }


def judge(pred: str | None, gold: str | None) -> str:
    """'tp' | 'fp' | 'fn' for one page (a gold of None never matches)."""
    if not pred:
        return "fn"
    return "tp" if gold is not None and pred[:10] == gold else "fp"


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("latin-1")


def htmldate_items(root: Path) -> list[tuple[str, str, str | None]]:
    """(url, file, gold day or None) of an htmldate-eval folder, sorted by URL."""
    items: dict[str, tuple[str, str, str | None]] = {}
    for name in HTMLDATE_FILES:
        f = root / name
        if not f.exists():
            continue
        for url, v in json.loads(f.read_text(encoding="utf-8")).items():
            gold = v.get("date")
            if isinstance(gold, float) and math.isnan(gold):
                gold = None
            items[url] = (url, v["file"], gold or None)
    return [items[k] for k in sorted(items)]


# The stages publication dating does not need: disabled, never re-implemented.
PAGE_DISABLE = ("annotate", "timexes", "mentions", "reconcile_dates", "entities", "timeline", "claims")
# a page's date does not depend on its language and the htmldate benchmark is multilingual
PAGE_SETTINGS = any_language_settings()
T17_DISABLE = ("annotate", "timexes", "mentions", "entities", "timeline", "claims")


def date_html_page(html: str, url: str | None, key: str) -> tuple[str | None, str | None, float]:
    """The pipeline's dating of one page (clean -> pubdate): published, its evidence and confidence."""
    from ..model import RawDocument
    from ..pipeline import analyze_document
    from ..stages import resolve_composition

    doc = analyze_document(RawDocument(id=key, source=key, html=html, url=url),
                           settings=PAGE_SETTINGS, composition=resolve_composition(PAGE_DISABLE))
    if doc.status != "ok":
        return None, f"rejected: {doc.error}", 0.0
    return doc.published, doc.published_evidence, doc.published_confidence


def _run_htmldate(root: Path, limit: int | None, with_htmldate: bool, show_errors: bool) -> dict[str, Any]:
    items = htmldate_items(root)
    if limit is not None:
        items = items[:limit]
    counts = {"tp": 0, "fp": 0, "fn": 0}
    hd = {"tp": 0, "fp": 0, "fn": 0}
    for i, (url, file, gold) in enumerate(items):
        html = _decode(gzip.decompress((root / "html" / f"{file}.gz").read_bytes()))
        page_url = url if url.startswith(("http://", "https://")) else None
        try:
            pred, evidence, _ = date_html_page(html, page_url, file)
        except Exception as exc:  # a scorer reports, it does not crash on one page
            pred, evidence = None, f"error: {exc}"
        verdict = judge(pred, gold)
        counts[verdict] += 1
        if show_errors and verdict != "tp":
            print(f"{verdict}\tgold={gold}\tpred={pred}\t{evidence}\t{url}", file=sys.stderr)
        if with_htmldate:
            from htmldate import find_date

            try:
                h = find_date(html, original_date=True, extensive_search=True)
            except Exception:
                h = None
            hd[judge(h, gold)] += 1
        if (i + 1) % 50 == 0:
            print(f"pubdate: {i + 1}/{len(items)}", file=sys.stderr)
    n = len(items)
    out: dict[str, Any] = {"n": n, **scores(counts["tp"], counts["fp"], counts["fn"], n), **counts}
    if with_htmldate:
        out["htmldate_extensive"] = {**scores(hd["tp"], hd["fp"], hd["fn"], n), **hd}
    return out


def t17_items(root: Path) -> list[tuple[Path, str]]:
    """(article path, folder date) of a Timeline17 topic folder or of the whole set."""
    out = []
    for p in root.rglob("*.txt"):
        if p.parent.parent.name == "InputDocs":
            try:
                dt.date.fromisoformat(p.parent.name)
            except ValueError:
                continue
            out.append((p, p.parent.name))
    return sorted(out, key=lambda x: str(x[0].relative_to(root)))


def _run_t17(root: Path, limit: int | None, show_errors: bool) -> dict[str, Any]:
    from ..ingest.decode import decode_text
    from ..model import RawDocument
    from ..pipeline import analyze_documents, analyze_story

    items = t17_items(root)
    if limit is not None:
        items = items[:limit]
    raws, golds = [], {}
    for p, gold in items:
        key = str(p.relative_to(root))
        text, _ = decode_text(p.read_bytes())
        raws.append(RawDocument(id=key, source=p.name, text=text))  # the dated folder is hidden
        golds[key] = gold
    docs = analyze_documents(raws, disable=T17_DISABLE)
    analyze_story(docs, disable=T17_DISABLE)  # reconcile_dates over the set, as one story
    counts = {"tp": 0, "fp": 0, "fn": 0}
    near = 0
    for d in docs:
        verdict = judge(d.published, golds[d.id])
        counts[verdict] += 1
        if d.published and len(d.published) == 10:
            near += abs((dt.date.fromisoformat(d.published) - dt.date.fromisoformat(golds[d.id])).days) <= 1
        if show_errors and verdict == "fp":
            print(f"fp\tgold={golds[d.id]}\tpred={d.published}\t{d.published_evidence}\t{d.id}", file=sys.stderr)
    n = len(docs)
    dated = counts["tp"] + counts["fp"]
    return {
        "n": n,
        **scores(counts["tp"], counts["fp"], counts["fn"], n),
        **counts,
        "coverage": round(dated / n, 4) if n else 0.0,
        "within_1_day": round(near / dated, 4) if dated else 0.0,
    }


def run(args: argparse.Namespace) -> int:
    root = Path(args.dir)
    if not root.is_dir():
        print(f"dateline evaluate pubdate: not a folder: {root}", file=sys.stderr)
        return 2
    if any((root / f).exists() for f in HTMLDATE_FILES):
        out = _run_htmldate(root, args.limit, args.htmldate, args.errors)
        out["layout"] = "htmldate-eval"
    elif t17_items(root):
        out = _run_t17(root, args.limit, args.errors)
        out["layout"] = "timeline17 (text only)"
    else:
        print(f"dateline evaluate pubdate: {root} is neither an htmldate-eval nor a Timeline17 folder", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:>20}: {v}")
    return 0
