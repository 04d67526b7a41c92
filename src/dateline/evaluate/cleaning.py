"""``dateline evaluate cleaning DIR``: main-text extraction scored against a public gold set.

Two layouts are recognised (auto-detected):

* AEB (scrapinghub article-extraction-benchmark): ``ground-truth.json`` + ``html/<id>.html.gz``.
  Metric as upstream ``evaluate.py``: ``\\w+`` tokens, 4-token shingles (multiset), per-page
  TP/FP/FN normalised by their sum, precision and recall macro-averaged over pages,
  F1 = 2PR/(P+R); accuracy = share of pages whose token sequences are equal.
* trafilatura-eval: ``evaldata.json`` + ``html/<file>.gz``. Metric as upstream
  ``tests/eval_common.py``: whitespace collapsed, each ``with`` snippet found = TP else FN,
  each ``without`` snippet found = FP else TN, micro sums; F1 = 2TP/(2TP+FP+FN).

``--mode text`` flattens each page to its visible text lines (boilerplate included) and
scores the text-line cleaner on them instead of the HTML extractor.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

_TOKEN = re.compile(r"\w+", re.UNICODE)
_WS = re.compile(r"\s+")
CACHE = Path.home() / ".cache" / "dateline" / "cleaning"


# ---------------------------------------------------------------- metrics


def _shingles(text: str, n: int = 4) -> Counter:
    toks = _TOKEN.findall(text or "")
    out: Counter = Counter()
    for i in range(max(1, len(toks) - n + 1)):
        sh = tuple(toks[i : i + n])
        if sh:
            out[sh] += 1
    return out


def shingle_tp_fp_fn(gold: str, pred: str) -> tuple[float, float, float]:
    """Per-page TP, FP, FN over 4-token shingles, normalised to sum 1 (AEB metric)."""
    g, p = _shingles(gold), _shingles(pred)
    tp = float(sum((g & p).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def aeb_scores(pages: list[tuple[float, float, float]], exact: list[bool]) -> dict[str, float]:
    """Macro precision/recall/F1 over pages as upstream AEB ``metrics_from_tp_fp_fns``."""

    def prec(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fp == 0 else tp / (tp + fp)

    def rec(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fn == 0 else tp / (tp + fn)

    ps = [prec(*t) for t in pages if t[0] + t[1] > 0]
    rs = [rec(*t) for t in pages if t[0] + t[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(exact) / len(exact) if exact else 0.0
    return {"f1": f1, "precision": p, "recall": r, "accuracy": acc}


def snippet_counts(pred: str | None, with_: list[str], without: list[str]) -> tuple[int, int, int, int]:
    """TP, FP, FN, TN of one trafilatura-eval page (empty output: all ``with`` missed)."""
    if not pred:
        return 0, 0, len(with_), len(without)
    text = _WS.sub(" ", pred).strip()
    tp = sum(1 for s in with_ if _WS.sub(" ", s).strip() in text)
    fp = sum(1 for s in without if _WS.sub(" ", s).strip() in text)
    return tp, fp, len(with_) - tp, len(without) - fp


def snippet_scores(tp: int, fp: int, fn: int, tn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    acc = (tp + tn) / (tp + fp + fn + tn) if tp + fp + fn + tn else 0.0
    return {"f1": f1, "precision": p, "recall": r, "accuracy": acc, "tp": tp, "fp": fp, "fn": fn, "tn": tn}


# ---------------------------------------------------------------- datasets


def detect_layout(root: Path) -> str:
    if (root / "ground-truth.json").exists():
        return "aeb"
    if (root / "evaldata.json").exists():
        return "trafilatura-eval"
    raise FileNotFoundError(f"{root}: neither ground-truth.json (AEB layout) nor evaldata.json (trafilatura-eval layout)")


def _html_path(root: Path, name: str) -> Path:
    for cand in (root / "html" / f"{name}.gz", root / "html" / name):
        if cand.exists():
            return cand
    return root / "html" / f"{name}.gz"


def load_items(root: Path, layout: str) -> list[dict[str, Any]]:
    """Gold items in a deterministic order (sorted by key)."""
    if layout == "aeb":
        gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
        return [
            {"key": k, "path": _html_path(root, f"{k}.html"), "url": v.get("url"), "gold": v.get("articleBody", "")}
            for k, v in sorted(gold.items())
        ]
    gold = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    return [
        {"key": k, "path": _html_path(root, v["file"]), "url": k if k.startswith("http") else None,
         "with": v.get("with", []), "without": v.get("without", []), "title": v.get("title")}
        for k, v in sorted(gold.items())
    ]


def _read_bytes(path: Path) -> bytes:
    if path.suffix == ".gz":
        with gzip.open(path, "rb") as fh:
            return fh.read()
    return path.read_bytes()


# ---------------------------------------------------------------- extractors


# Main-text extraction is the clean stage: everything after it is disabled.
DISABLE = ("annotate", "pubdate", "timexes", "mentions", "reconcile_dates", "entities", "timeline", "claims")


def _extract_dateline(item: dict[str, Any]) -> tuple[str, str | None]:
    """The project's own HTML path, exactly as ``dateline analyze`` reads and cleans a page: the
    reader, then the pipeline with every stage after ``clean`` disabled (a page rejected as too
    short scores as empty, as it ends in the report)."""
    from ..ingest.files import read_file
    from ..pipeline import analyze_document
    from ..settings import any_language_settings
    from ..stages import resolve_composition

    raws = list(read_file(item["path"]))
    if not raws or raws[0].error:
        return "", None
    raw = raws[0]
    raw.url = raw.url or item.get("url")
    # main-text extraction does not depend on the language; the benchmarks are multilingual
    doc = analyze_document(raw, settings=any_language_settings(), composition=resolve_composition(DISABLE))
    return (doc.text if doc.status == "ok" else ""), doc.title


def _extract_trafilatura(item: dict[str, Any]) -> str:
    """trafilatura alone, with the settings of both benchmarks' published runs."""
    import trafilatura
    from trafilatura.settings import use_config

    cfg = use_config()
    cfg.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    out = trafilatura.extract(_read_bytes(item["path"]), fast=False, include_comments=False,
                              include_tables=True, config=cfg)
    return out or ""


def _extract_alltext(item: dict[str, Any]) -> str:
    """Every visible text line of the page (the html-text "all text" floor)."""
    from ..clean.flatten import html_to_lines
    from ..ingest.decode import decode_text

    html, _ = decode_text(_read_bytes(item["path"]))
    return "\n".join(html_to_lines(html))


def _extract_lines(item: dict[str, Any]) -> tuple[str, str | None]:
    """Flattened page text through the text-line cleaner (``--mode text``)."""
    from ..clean.text import clean_text

    c = clean_text(_extract_alltext(item))
    return c.text, c.title


def _extract_justext(item: dict[str, Any]) -> str:
    """jusText 3.0.2 with the English stoplist, for comparison on the same pages."""
    import justext

    paras = justext.justext(_read_bytes(item["path"]), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


Extractor = Callable[[dict[str, Any]], "str | tuple[str, str | None]"]
def _extract_justext_lines(item: dict[str, Any]) -> str:
    """jusText over the same flattened lines (each line a paragraph, no links; the stop-word
    list of the page's language, as our cleaner uses): the text-mode baseline."""
    import html as htmllib

    import justext

    from ..clean.features import guess_stoplist

    lines = _extract_alltext(item).split("\n")
    stops = guess_stoplist(lines) or frozenset()
    page = "<html><body>" + "".join(f"<p>{htmllib.escape(ln)}</p>" for ln in lines) + "</body></html>"
    paras = justext.justext(page.encode("utf-8"), stops, encoding="utf-8")
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


EXTRACTORS: dict[str, Extractor] = {
    "dateline": _extract_dateline,
    "trafilatura": _extract_trafilatura,
    "alltext": _extract_alltext,
    "justext": _extract_justext,
}


def _cached(name: str, fn: Extractor, item: dict[str, Any], use_cache: bool) -> str | tuple[str, str | None]:
    """Outputs of third-party extractors are cached (keyed by their version and the page bytes)."""
    if not use_cache or name not in {"trafilatura", "justext"}:
        return fn(item)
    import importlib.metadata as md

    version = md.version("trafilatura" if name == "trafilatura" else "jusText")
    digest = hashlib.sha1(item["path"].read_bytes()).hexdigest()
    path = CACHE / f"{name}-{version}" / f"{digest}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8")
    out = fn(item)
    assert isinstance(out, str)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(out, encoding="utf-8")
    return out


# ---------------------------------------------------------------- command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="DIR",
                        help="folder with ground-truth.json + html/ (AEB) or evaldata.json + html/; or a line-gold "
                             "JSON file (tests/fixtures/clean/t17_lines_gold.json) scoring the text cleaner line by line")
    parser.add_argument("--data", metavar="DIR", default=None,
                        help="line-gold mode: folder the gold's paths are relative to "
                             "(default: $DATELINE_SHARED_DATA/timeline17 or ../shared/data/timeline17)")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="score only the first N items (sorted by key)")
    parser.add_argument("--mode", choices=["html", "text"], default="html",
                        help="html: the HTML extractor; text: flatten pages to lines and run the line cleaner")
    parser.add_argument("--extractor", choices=sorted(EXTRACTORS), default="dateline",
                        help="html mode: which extractor to score (default: dateline's own pipeline); "
                             "text mode: dateline's line cleaner, or justext over the same lines")
    parser.add_argument("--predictions", metavar="FILE", default=None,
                        help="score a saved output instead of running an extractor: JSON(.gz) keyed like the gold, "
                             "{key: {articleBody: ...}} or {output: {...}} (AEB system-outputs/ format)")
    parser.add_argument("--no-cache", action="store_true", help="do not cache third-party extractor outputs")
    parser.add_argument("--per-page", metavar="FILE", default=None, help="write per-page scores as JSON Lines")


def title_match(gold: str, pred: str | None) -> bool:
    """Headline found: equal after whitespace/case folding, or one contains the other
    (pages add the site name to ``<title>``; gold sometimes keeps a kicker)."""
    g = " ".join(_TOKEN.findall(gold.lower()))
    p = " ".join(_TOKEN.findall((pred or "").lower()))
    return bool(g) and bool(p) and (g == p or (len(p) >= 0.5 * len(g) and (g in p or p in g)))


def _load_predictions(path: Path) -> Extractor:
    data = json.loads(_read_bytes(path).decode("utf-8"))
    data = data.get("output", data) if isinstance(data.get("output"), dict) else data

    def fn(item: dict[str, Any]) -> str:
        v = data.get(item["key"], "")
        return (v.get("articleBody") or v.get("text") or "") if isinstance(v, dict) else (v or "")

    return fn


def evaluate(root: Path, mode: str = "html", extractor: str = "dateline", limit: int | None = None,
             use_cache: bool = True, per_page: list[dict[str, Any]] | None = None,
             predictions: Path | None = None) -> dict[str, Any]:
    """Score one extractor on a gold folder; returns the metrics dict printed by ``--json``."""
    layout = detect_layout(root)
    items = load_items(root, layout)
    if limit is not None:
        items = items[:limit]
    name = "lines" if mode == "text" else extractor
    fn = _extract_lines if mode == "text" else EXTRACTORS[extractor]
    if mode == "text" and extractor == "justext":
        name, fn = "justext-lines", _extract_justext_lines
    if predictions is not None:
        name, fn = f"file:{predictions.name}", _load_predictions(predictions)
    pages: list[tuple[float, float, float]] = []
    exact: list[bool] = []
    sums = [0, 0, 0, 0]
    errors = 0
    titles: list[bool] = []
    for i, item in enumerate(items, 1):
        try:
            out = _cached(name, fn, item, use_cache)
        except Exception as exc:  # an extractor crash counts as empty output, as upstream
            print(f"{item['key']}: {type(exc).__name__}: {exc}", file=sys.stderr)
            out, errors = "", errors + 1
        pred, title = out if isinstance(out, tuple) else (out, None)
        if isinstance(out, tuple) and item.get("title"):
            titles.append(title_match(item["title"], title))
        if layout == "aeb":
            t = shingle_tp_fp_fn(item["gold"], pred)
            pages.append(t)
            exact.append(_TOKEN.findall(item["gold"]) == _TOKEN.findall(pred))
            row: dict[str, Any] = {"key": item["key"], "tp": t[0], "fp": t[1], "fn": t[2]}
        else:
            c = snippet_counts(pred, item["with"], item["without"])
            sums = [a + b for a, b in zip(sums, c, strict=True)]
            row = {"key": item["key"], "tp": c[0], "fp": c[1], "fn": c[2], "tn": c[3]}
        if per_page is not None:
            per_page.append(row)
        if i % 25 == 0:
            print(f"  {i}/{len(items)}", file=sys.stderr)
    scores: dict[str, Any] = aeb_scores(pages, exact) if layout == "aeb" else snippet_scores(*sums)
    if titles:  # trafilatura-eval pages with a gold title
        scores["title_accuracy"] = sum(titles) / len(titles)
        scores["title_n"] = len(titles)
    return {"dataset": layout, "mode": mode, "extractor": name, "n": len(items), "errors": errors,
            **{k: (round(v, 4) if isinstance(v, float) else v) for k, v in scores.items()}}


def run(args: argparse.Namespace) -> int:
    root = Path(args.dir)
    try:
        rows: list[dict[str, Any]] = []
        if root.is_file() and root.suffix == ".json":
            from .cleaning_lines import evaluate_lines

            result = evaluate_lines(root, Path(args.data) if args.data else None, args.limit, rows)
        else:
            result = evaluate(root, args.mode, args.extractor, args.limit, not args.no_cache, rows,
                              Path(args.predictions) if args.predictions else None)
    except (FileNotFoundError, json.JSONDecodeError, ValueError) as exc:
        print(f"dateline evaluate cleaning: {exc}", file=sys.stderr)
        return 2
    if args.per_page:
        Path(args.per_page).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['dataset']} ({result['mode']} mode, extractor {result['extractor']}), n={result['n']}")
        print("  F1 {f1:.3f}  precision {precision:.3f}  recall {recall:.3f}  accuracy {accuracy:.3f}".format(**result))
        if "text_f1" in result:
            print("  body lines tp {tp} fp {fp} fn {fn}; text shingle F1 {text_f1:.3f}; headline {title_found} found, "
                  "{title_wrong} wrong".format(**result))
        if "title_accuracy" in result:
            print(f"  headline found on {result['title_accuracy']:.3f} of {result['title_n']} pages with a gold title")
    return 0
