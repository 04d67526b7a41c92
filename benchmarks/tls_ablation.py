"""Ablation of build_timeline on T17: each variant switches one part off (or changes a weight).

    python benchmarks/tls_ablation.py ../shared/data/timeline17 [--limit N] [--json]

Phase 1 is loaded once per topic (cached by dateline.evaluate.tls); every variant then runs
phase 2 and is scored with the same tilse-equivalent metrics as `dateline evaluate tls`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from statistics import mean

from dateline.evaluate.tls import load_stories, score, system_timeline

VARIANTS: dict[str, dict] = {
    "full": {},
    "no_syndication": {"syndication": False},
    "adjacency_penalty_0.5": {"select": {"adjacent_penalty": 0.5}},
    "dates_published_only": {"select": {"referenced": 0, "mentioned": 0}},
    "dates_no_referenced": {"select": {"referenced": 0}},
    "dates_no_mentioned": {"select": {"mentioned": 0}},
    "dates_single_backref_counts": {"select": {"min_referenced": 1}},
    "summary_no_support": {"summary": {"support": 0}},
    "summary_no_explicit_bonus": {"summary": {"explicit": 0}},
    "dates_fallback_only": {"date_source": "fallback"},
    "dates_timex_only": {"date_source": "timex"},
    "dates_auto": {"date_source": "auto"},
}
KEYS = ["concat_r1_f", "concat_r2_f", "agreement_r1_f", "agreement_r2_f", "ar1_f", "ar2_f", "date_f1"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dataset", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--variants", default=None, help="comma-separated subset of " + ",".join(VARIANTS))
    ap.add_argument("--extra", default=None, help='JSON {"name": options} of more variants')
    ap.add_argument("--exclude", default="LibyaWar_reuters",
                    help="topic left out of the second mean (its articles carry fact-box timelines close to the gold)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--any-cache", action="store_true", help="newest cached phase 1 even if clean/dating changed")
    args = ap.parse_args(argv)
    variants = dict(VARIANTS)
    if args.extra:
        variants.update(json.loads(args.extra))
    if args.variants:
        variants = {k: variants[k] for k in args.variants.split(",")}
    stories = load_stories(args.dataset, args.limit, any_version=args.any_cache)
    tasks = [st.task for st in stories]
    rows: dict[str, list[dict]] = {v: [] for v in variants}
    for st in stories:
        for name, opts in variants.items():
            r = score(system_timeline(st, json.loads(json.dumps(opts))), st.gold)
            r["timeline"] = st.task.name
            rows[name].append(r)
        print(st.task.name, " ".join(f"{n}:{rows[n][-1]['ar1_f']:.3f}" for n in variants), file=sys.stderr)
    table = {n: {k: round(mean(r[k] for r in rs), 4) for k in KEYS} for n, rs in rows.items()}
    rest = {n: [r for r in rs if not r["timeline"].startswith(args.exclude + "/")] for n, rs in rows.items()}
    table_rest = {n: {k: round(mean(r[k] for r in rs), 4) for k in KEYS} for n, rs in rest.items() if rs}
    if args.json:
        print(json.dumps({"timelines": len(tasks), "variants": table, "excluded": args.exclude,
                          "variants_without_excluded": table_rest}))
    else:
        print(f"{'variant':24s} " + " ".join(f"{k:>14s}" for k in KEYS))
        for n, m in table.items():
            print(f"{n:24s} " + " ".join(f"{m[k]:14.4f}" for k in KEYS))
        print(f"without {args.exclude}:")
        for n, m in table_rest.items():
            print(f"{n:24s} " + " ".join(f"{m[k]:14.4f}" for k in KEYS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
