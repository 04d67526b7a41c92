"""Event-layer settings scored per story, and chosen leaving one story out.

    python benchmarks/events_loso.py GOLD [GOLD ...] [--set layer.NAME=VALUE ...]
        [--grid layer.NAME=V1,V2,...] [--errors] [--json]
    (several settings at once: --grid layer.A+layer.B=A1:B1,A2:B2,...)

Each gold file (``tests/gold/<corpus>/events.<split>.json``) runs through the real pipeline
(``dateline.evaluate.events.analyse``: phase 1 cached on the phase-1 code and the articles, as
``evaluate tls`` does; phase 2 with the claims stage disabled, the events do not read it). A
``--set`` changes one module-level setting of ``dateline.events.<module>`` for every run. Scores
are those of ``dateline evaluate events`` (``score_items``), per story (the folder an article
lies in) and summed over stories.

With ``--grid``, every value is scored; then each story in turn is left out, the value with the
best summed full F1 over the other stories is chosen (the first listed on ties), and the
left-out story is scored at that value: the sum of those left-out scores is what the setting
is worth on a story it was not chosen on. Golds of a different convention (``--check``) are
scored at every value but never take part in the choice.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import importlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from dateline.evaluate.events import Item, gold_items, score_items, system_items
from dateline.evaluate.tls import CACHE, _source_key
from dateline.events import TimelineOptions
from dateline.ingest import unique_ids
from dateline.ingest.files import read_file
from dateline.model import document_from_dict, to_dict
from dateline.pipeline import AnalyzeOptions, analyze_documents, analyze_story


def _story(path: str) -> str:
    return Path(path).parent.name


def _phase1(gold: dict[str, Any], root: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Phase-1 documents (as dicts) of a gold's articles, cached, and the id -> article map."""
    paths = [root / a for a in gold["articles"]]
    article_of = {str(p): a for p, a in zip(paths, gold["articles"], strict=True)}
    raws = list(unique_ids(raw for p in paths for raw in read_file(p)))
    ids = {raw.id: article_of[raw.source] for raw in raws}
    h = hashlib.sha256(_source_key().encode())
    for p in paths:
        h.update(str(p).encode())
        h.update(p.read_bytes())
    cache = CACHE.parent / "events" / f"p1-{h.hexdigest()[:16]}.json"
    if cache.exists():
        return json.loads(cache.read_text()), ids
    docs = to_dict(analyze_documents(raws))
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(docs))
    return docs, ids


def _set(assignments: list[str]) -> dict[tuple[str, str], Any]:
    """``module.NAME=value`` strings as {(module, NAME): old value}, applied."""
    old = {}
    for a in assignments:
        key, _, raw = a.partition("=")
        mod_name, _, name = key.rpartition(".")
        mod = importlib.import_module(f"dateline.events.{mod_name}")
        if not hasattr(mod, name):
            raise SystemExit(f"no setting {key}")
        try:
            value = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            value = {"true": True, "false": False}.get(raw.lower(), raw)
        old[(mod_name, name)] = getattr(mod, name)
        setattr(mod, name, value)
    return old


def _restore(old: dict[tuple[str, str], Any]) -> None:
    for (mod_name, name), value in old.items():
        setattr(importlib.import_module(f"dateline.events.{mod_name}"), name, value)


def per_story(docs: list[dict[str, Any]], ids: dict[str, str], gold: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The events of one pipeline run scored story by story."""
    report = analyze_story([document_from_dict(d) for d in docs],
                           AnalyzeOptions(timeline=TimelineOptions()), disable=("claims",))
    items = system_items(report, ids)["events"]
    gitems = gold_items(gold)
    by_story: dict[str, tuple[list[Item], list[Item]]] = defaultdict(lambda: ([], []))
    for it in gitems:
        by_story[_story(it.evidence[0].doc)][1].append(it)
    for it in items:
        if it.evidence:
            by_story[_story(it.evidence[0].doc)][0].append(it)
    return {s: score_items(sys_items, g) for s, (sys_items, g) in sorted(by_story.items())}


def _counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    c = defaultdict(int)
    for r in rows:
        c["sys"] += r["system_items"]
        c["gold"] += r["gold_events"]
        c["pairs"] += r["referring_pairs"]
        c["full"] += r["referring_pairs"] - len(r["wrong_date"])
    return dict(c)


def _prf(c: dict[str, int]) -> dict[str, float]:
    p = c["full"] / c["sys"] if c["sys"] else 0.0
    r = c["full"] / c["gold"] if c["gold"] else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "date_acc": round(c["full"] / c["pairs"], 3) if c["pairs"] else 0.0,
            "evid_R": round(c["pairs"] / c["gold"], 3) if c["gold"] else 0.0, **c}


def _f1(c: dict[str, int]) -> float:
    return _prf(c)["F1"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", type=Path, help="gold files the choice is made on")
    ap.add_argument("--check", nargs="*", type=Path, default=[], help="gold files only reported")
    ap.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE")
    ap.add_argument("--grid", default=None, metavar="MODULE.NAME=V1,V2,...")
    ap.add_argument("--errors", action="store_true", help="missed / wrong-date gold ids per story (tuned-on golds)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    golds = {}
    for path in [*args.gold, *args.check]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        golds[path] = (gold, *_phase1(gold, Path(gold.get("data_root", "."))))
    _set(args.set)
    key, values = None, [None]
    if args.grid:
        key, _, raw = args.grid.partition("=")
        values = raw.split(",")
    scores: dict[str, dict[str, dict[str, Any]]] = {}  # value -> "gold::story" -> score
    for v in values:
        old = _set([f"{k}={x}" for k, x in zip(key.split("+"), v.split(":"), strict=True)]) if key else {}
        scores[str(v)] = {}
        for path, (gold, docs, ids) in golds.items():
            for story, r in per_story(docs, ids, gold).items():
                scores[str(v)][f"{path}::{story}"] = r
        _restore(old)
    tuned = [k for k in scores[str(values[0])] if Path(k.split("::")[0]) in args.gold]
    out: dict[str, Any] = {"set": args.set, "grid": args.grid, "values": {}}
    for v, rows in scores.items():
        per_gold = {str(p): _prf(_counts([r for k, r in rows.items() if k.startswith(f"{p}::")]))
                    for p in golds}
        out["values"][v] = per_gold
        print(f"{key or 'run'}={v}")
        for p, s in per_gold.items():
            print(f"  {p}: full P/R/F1 {s['P']:.3f}/{s['R']:.3f}/{s['F1']:.3f} date acc {s['date_acc']:.3f} "
                  f"evidence R {s['evid_R']:.3f} (sys {s['sys']} gold {s['gold']})")
        if args.errors:
            for k in tuned:
                r = rows[k]
                print(f"    {k.split('::')[1]}: missed {r['missed']} wrong {r['wrong_date']} "
                      f"spurious {len(r['spurious'])}", file=sys.stderr)
    if key and len(values) > 1:
        left: dict[str, list[dict[str, Any]]] = defaultdict(list)
        chosen = {}
        for k in tuned:
            best = max(values, key=lambda v, k=k: (_f1(_counts([scores[str(v)][o] for o in tuned if o != k])),
                                                    -values.index(v)))
            chosen[k] = best
            left[k.split("::")[0]].append(scores[str(best)][k])
        out["leave_one_story_out"] = {"chosen": chosen, "scores": {p: _prf(_counts(rs)) for p, rs in left.items()}}
        print("leave one story out (value chosen on the other stories):")
        for k, v in chosen.items():
            print(f"  {k}: {v}")
        for p, s in out["leave_one_story_out"]["scores"].items():
            print(f"  {p}: full P/R/F1 {s['P']:.3f}/{s['R']:.3f}/{s['F1']:.3f} date acc {s['date_acc']:.3f}")
    if args.json:
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
