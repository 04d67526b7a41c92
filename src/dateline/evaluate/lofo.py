"""Leave-one-family-out tuning of the timeline settings (``dateline evaluate tls --lofo``).

The protocol of news-tls's ``ignored_topics``: the T17 topics fall into story families (the
part of the topic folder name before ``_``: one story told by several outlets). For every
family, the grid point with the best mean align+ m:1 ROUGE-1 F over the timelines of the
*other* families is chosen (ties: ROUGE-2, then date F1, then the earlier grid point, the
current defaults being first), and the family's score is the one it got with that setting:
no family's reported score comes from a setting chosen with it.

Phase 1 and the story-level stages run once per timeline (evaluate/tls.py, cached); every
grid point then re-runs only ``build_timeline``, the call ``analyze_story`` makes. The
per-timeline scores of the whole grid are cached under ~/.cache/dateline/tls, keyed on the
phase-1 key, the events code and the grid.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import time
from pathlib import Path
from statistics import mean
from typing import Any

from ..settings import Settings
from . import tls

METRICS = ("ar1_f", "ar2_f", "date_f1")  # the selection order: AR1, then AR2, then date F1

# The tuned settings of events/ and the values tried around each default (the default first);
# 36 points: about 15 min of phase 2 over the 12 T17 timelines on 2 shared cores.
# Dotted names: select.* = SelectWeights, summary.* = SummaryWeights, else TimelineOptions.
GRID: dict[str, list[Any]] = {
    "select.referenced": [2.0, 1.0, 4.0],
    "select.mentioned": [0.5, 0.25, 1.0],
    "summary.explicit": [0.2, 0.0],
    "lead_sentences": [5, 3],
}

Matrix = list[dict[str, dict[str, float]]]  # per grid point: timeline name -> scores


def grid_points(grid: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """Every combination of the grid's values as flat {dotted name: value}; the first is the
    combination of every setting's first value (the defaults)."""
    names = list(grid)
    return [dict(zip(names, values, strict=True)) for values in itertools.product(*(grid[n] for n in names))]


def as_options(point: dict[str, Any]) -> dict[str, Any]:
    """A flat grid point as the nested options ``tls.system_timeline`` takes."""
    out: dict[str, Any] = {}
    for name, value in point.items():
        head, _, tail = name.partition(".")
        if tail:
            out.setdefault(head, {})[tail] = value
        else:
            out[head] = value
    return out


def family(timeline: str) -> str:
    """The story family of a timeline name ``<topic>/<file>``: the topic's part before ``_``."""
    return timeline.split("/")[0].split("_")[0]


def _key(scores: list[dict[str, float]]) -> tuple[float, ...]:
    return tuple(mean(s[m] for s in scores) for m in METRICS)


def choose(matrix: Matrix, timelines: list[str]) -> int:
    """The grid point with the best mean (AR1, AR2, date F1) over ``timelines``; the earliest on a tie."""
    best, best_key = 0, None
    for i, row in enumerate(matrix):
        k = _key([row[t] for t in timelines])
        if best_key is None or k > best_key:
            best, best_key = i, k
    return best


def leave_one_family_out(matrix: Matrix, points: list[dict[str, Any]]) -> dict[str, Any]:
    """Per family: the point chosen on the other families and the family's scores with it."""
    timelines = sorted(matrix[0])
    families = sorted({family(t) for t in timelines})
    if len(families) < 2:
        raise ValueError("leave-one-family-out needs at least two families")
    folds, left_out_rows = [], {}
    for fam in families:
        mine = [t for t in timelines if family(t) == fam]
        rest = [t for t in timelines if family(t) != fam]
        i = choose(matrix, rest)
        for t in mine:
            left_out_rows[t] = matrix[i][t]
        folds.append({
            "family": fam, "timelines": mine, "chosen_index": i, "chosen": points[i],
            "tuned_on_other_families": _means([matrix[i][t] for t in rest]),
            "left_out": _means([matrix[i][t] for t in mine]),
            "defaults": _means([matrix[0][t] for t in mine]),
        })
    chosen = {f["chosen_index"] for f in folds}
    all_best = choose(matrix, timelines)
    return {
        "metrics": list(METRICS),
        "folds": folds,
        "left_out_mean_over_families": _means([f["left_out"] for f in folds]),
        "left_out_mean_over_timelines": _means(list(left_out_rows.values())),
        "left_out_rows": left_out_rows,
        "defaults_mean_over_families": _means([f["defaults"] for f in folds]),
        "defaults_mean_over_timelines": _means([matrix[0][t] for t in timelines]),
        "single_setting": points[folds[0]["chosen_index"]] if len(chosen) == 1 else None,
        "best_on_all_tuned_on": {"index": all_best, "point": points[all_best],
                                 "scores": _means([matrix[all_best][t] for t in timelines])},
    }


def _means(rows: list[dict[str, float]]) -> dict[str, float]:
    return {m: round(mean(r[m] for r in rows), 4) for m in METRICS}


def _matrix_cache(stories: list[tls.StoryInput], grid: dict[str, list[Any]]) -> Path:
    h = hashlib.sha256(tls._source_key().encode())
    pkg = Path(tls.__file__).resolve().parent.parent
    for f in sorted((pkg / "events").glob("*.py")) + [Path(tls.__file__), Path(tls.rouge.__file__)]:
        h.update(f.read_bytes())
    h.update(json.dumps(grid, sort_keys=True).encode())
    for st in stories:
        h.update(st.task.name.encode())
        h.update(str(len(st.docs)).encode())
    return tls.CACHE / f"lofo-{h.hexdigest()[:16]}.json"


def score_matrix(stories: list[tls.StoryInput], points: list[dict[str, Any]], use_cache: bool = True,
                 grid: dict[str, list[Any]] | None = None) -> Matrix:
    """The scores of every timeline under every grid point (phase 2 only)."""
    cache = _matrix_cache(stories, grid or {}) if use_cache and grid is not None else None
    if cache is not None and cache.exists():
        return json.loads(cache.read_text())
    matrix: Matrix = []
    t0 = time.perf_counter()
    for i, point in enumerate(points):
        row = {}
        for st in stories:
            row[st.task.name] = {k: v for k, v in tls.score(tls.system_timeline(st, as_options(point)), st.gold).items()
                                 if k in METRICS}
        matrix.append(row)
        print(f"grid point {i + 1}/{len(points)} {point}: AR1 {mean(r['ar1_f'] for r in row.values()):.4f} "
              f"[{time.perf_counter() - t0:.0f} s]", file=sys.stderr)
    if cache is not None:
        tls.CACHE.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(matrix))
    return matrix


def evaluate(dataset: Path, topics: list[str] | None = None, grid: dict[str, list[Any]] | None = None,
             use_cache: bool = True, any_version: bool = False, jobs: int = 1,
             settings: Settings | None = None) -> dict[str, Any]:
    grid = grid or GRID
    points = grid_points(grid)
    t0 = time.perf_counter()
    stories = tls.load_stories(dataset, None, topics, use_cache, any_version, jobs, settings=settings)
    t_stories = time.perf_counter() - t0
    matrix = score_matrix(stories, points, use_cache, grid)
    res = leave_one_family_out(matrix, points)
    res.update({"dataset": str(dataset), "timelines": len(stories), "grid": grid, "grid_points": len(points),
                "disabled_stages": tls.disabled_stages(),
                "seconds": {"phase1_and_story": round(t_stories, 1),
                            "grid": round(time.perf_counter() - t0 - t_stories, 1)}})
    return res


def _fmt(s: dict[str, float]) -> str:
    return " ".join(f"{s[m]:.4f}" for m in METRICS)


def run(args: argparse.Namespace, topics: list[str] | None, settings: Settings | None = None) -> int:
    grid = json.loads(args.grid) if args.grid else None
    res = evaluate(args.dataset, topics, grid, not args.no_cache, args.any_cache, args.jobs, settings)
    if getattr(args, "json", False):
        print(json.dumps(res))
        return 0
    print(f"leave-one-family-out over {res['timelines']} timelines, {res['grid_points']} grid points; "
          f"disabled stages: {', '.join(res['disabled_stages']) or 'none'}")
    print(f"{'family':10s} {'n':>2s}  {'defaults (tuned-on) AR1 AR2 dateF1':36s}  {'left-out AR1 AR2 dateF1':26s}  chosen")
    for f in res["folds"]:
        print(f"{f['family']:10s} {len(f['timelines']):2d}  {_fmt(f['defaults']):36s}  {_fmt(f['left_out']):26s}  "
              f"{json.dumps(f['chosen'])}")
    print(f"{'mean/fam':10s}     {_fmt(res['defaults_mean_over_families']):36s}  {_fmt(res['left_out_mean_over_families'])}")
    print(f"{'mean/tl':10s}     {_fmt(res['defaults_mean_over_timelines']):36s}  {_fmt(res['left_out_mean_over_timelines'])}")
    if res["single_setting"] is not None:
        print(f"one setting won every fold: {json.dumps(res['single_setting'])}")
    return 0
