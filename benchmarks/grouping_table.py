"""Re-score gold evaluations under each story grouping (``evaluate.grouping``), system otherwise unchanged.

Runs ``dateline evaluate KIND GOLD --json --grouping G`` in this process for every command given
(by default: the gate's and blind sections of benchmarks/baseline.json for the gold evaluators
claims, events, entities and pubdates-gold) and every grouping, and prints one row per command and
metric: ``one``, ``folder`` and ``detect`` values, then the story-detection purity of the run.
Phase 1 (``pipeline.analyze_documents``) is the same for every grouping, so it runs once per
document and settings here (kept in memory, each grouping gets its own copy); the story phase
runs in full for each grouping. Speed only: the scores are those of separate runs.

    python benchmarks/grouping_table.py [--only NAME ...] [--out rows.jsonl]
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import hashlib
import io
import json
import sys
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("claims", "events", "entities", "pubdates-gold")
METRICS = {
    "claims": ("claim_recall", "claim_precision", "source_accuracy", "attribution_accuracy", "disagreement_recall",
               "disagreement_precision"),
    "events": ("events.full.f1", "events.evidence.f1", "events.date_accuracy", "timeline.full.f1"),
    "entities": ("merge_precision", "merge_recall", "type_accuracy", "place_accuracy"),
    "pubdates-gold": ("day_accuracy", "coverage", "accuracy"),
}


def _get(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if obj is None:
            return None
        obj = obj[int(part)] if isinstance(obj, list) else obj.get(part)
    return obj


def memoize_phase_one() -> None:
    """Keep ``pipeline.analyze_documents`` results per (document, settings, disabled per-document
    stages) in memory; every call gets copies (the story phase changes documents in place)."""
    from dateline import pipeline
    from dateline.evaluate import _raw_key
    from dateline.settings import Settings
    from dateline.stages import document_stages, resolve_composition

    real = pipeline.analyze_documents
    memo: dict[str, Any] = {}

    def analyze_documents(raws: Iterable[Any], jobs: int = 1, progress: Any = None, *, settings: Settings | None = None,
                          disable: Collection[str] = (), keep: bool = True) -> list[Any]:
        raws = list(raws)
        settings = settings or Settings()
        run = ",".join(s.name for s in document_stages(resolve_composition(disable)))
        keys = []
        for r in raws:
            rid, r.id = r.id, ""
            keys.append(hashlib.sha256(_raw_key(r) + settings.fingerprint().encode() + run.encode()).hexdigest())
            r.id = rid
        todo = [i for i, k in enumerate(keys) if k not in memo]
        done = real([raws[i] for i in todo], jobs, settings=settings, disable=disable)
        for i, d in zip(todo, done, strict=True):
            memo[keys[i]] = d
        out = []
        for r, k in zip(raws, keys, strict=True):
            d = copy.deepcopy(memo[k])
            d.id = r.id
            out.append(d)
        for d in out:
            if progress:
                progress(d)
        return out if keep else []

    pipeline.analyze_documents = analyze_documents  # type: ignore[assignment]


def evaluate(args: list[str]) -> dict[str, Any] | None:
    """``dateline evaluate ARGS --json`` in this process: its JSON output (None when it fails)."""
    from dateline.cli import main

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(["evaluate", *args, "--json"])
    if code != 0:
        print(f"failed ({code}): {args}", file=sys.stderr)
        return None
    return json.loads(buf.getvalue())


def commands(only: set[str]) -> list[tuple[str, list[str]]]:
    """(name, evaluate arguments) of the baseline's gold checks (gate and blind sections)."""
    shared = str(ROOT.parent / "shared" / "data")
    base = json.loads((ROOT / "benchmarks" / "baseline.json").read_text("utf-8"))
    out = []
    for name, check in base["checks"].items():
        for sec in ("gate", "blind"):
            s = check.get(sec)
            if not s or not s.get("args") or s["args"][0] not in KINDS:
                continue
            label = name if sec == "gate" else f"{name} [blind]"
            if only and name not in only and label not in only:
                continue
            if "ecbplus_r8" in " ".join(s["args"]):  # blind for this round: never run here
                continue
            out.append((label, [a.replace("{shared}", shared) for a in s["args"]]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", default=[], help="check names of baseline.json to run (default: all gold ones)")
    ap.add_argument("--groupings", default="one,folder,detect")
    ap.add_argument("--out", default=None, help="append one JSON line per (check, grouping) here")
    a = ap.parse_args(argv)
    memoize_phase_one()
    groupings = a.groupings.split(",")
    for label, args in commands(set(a.only)):
        kind = args[0]
        results = {g: evaluate([*args, "--grouping", g]) for g in groupings}
        if a.out:
            with open(a.out, "a", encoding="utf-8") as fh:
                for g, r in results.items():
                    fh.write(json.dumps({"check": label, "args": args, "grouping": g, "result": r}) + "\n")
        for m in METRICS[kind]:
            vals = [_get(results[g], m) for g in groupings]
            print(f"{label:40s} {m:24s} " + "  ".join(f"{g}={v if v is None else round(float(v), 4)}"
                                                      for g, v in zip(groupings, vals, strict=True)), flush=True)
        det = (results.get("detect") or {}).get("grouping")
        if det:
            print(f"{label:40s} purity: {det.get('stories')} stories {det.get('sizes')}, {det.get('unassigned')} "
                  f"unassigned, stories per folder {det.get('stories_per_folder')}, mixed {det.get('mixed_stories')}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
