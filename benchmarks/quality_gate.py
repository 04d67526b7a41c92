"""Quality gate (as trafilatura does it): re-score a fast subset of every benchmark and fail
when a score drops below the value kept in benchmarks/baseline.json.

baseline.json holds, per check:
- ``gate``: the `dateline evaluate` arguments of a fast subset and the metric keys with their
  floor. Where a check has a left-out protocol the floors are *left-out* scores (e.g. T17
  timelines scored with the setting chosen with their family left out), so a change that
  raises a tuned-on (dev) score while lowering the left-out score fails;
- ``leftout``: the full left-out run (arguments and scores; ``--full`` re-runs it and fails
  when one of its means drops);
- ``blind``: the blind-split run, first scored once at the end of a round (``null`` until a
  blind split exists); when it has ``floors`` it is re-run by every gate (blind splits are
  small and fast), so a change that lowers the score on stories nobody tuned on fails;
- ``dev``: the full dev-set (tuned-on) scores for the record, with the command that made them.
Raise a floor when you improve a left-out score. The gold evaluators (claims, events, entities,
pubdates-gold) form stories as ``dateline analyze`` does unless a check's args give ``--grouping``
(``evaluate.grouping``); the gate prints the grouping each of them ran. Paths are relative to the repository root;
`{shared}` is the shared data folder (../shared/data, or $DATELINE_SHARED_DATA).

    python benchmarks/quality_gate.py [--full] [check ...]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOLERANCE = 0.002  # room for float noise only; a real drop fails
SECTIONS_ALWAYS = ("gate", "blind")  # sections with floors re-run by every gate
SECTIONS_FULL = ("leftout",)  # also with --full


def _get(obj: Any, dotted: str) -> float:
    """Follow a dotted path; a numeric part indexes a list (``0.strict_f1``)."""
    for part in dotted.split("."):
        obj = obj[int(part)] if isinstance(obj, list) else obj[part]
    return float(obj)


def _run(name: str, args: list[str], floors: dict[str, float], failures: list[str]) -> None:
    t0 = time.time()
    proc = subprocess.run([sys.executable, "-m", "dateline.cli", "evaluate", *args, "--json"],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        failures.append(f"{name}: evaluator failed ({proc.returncode}): {proc.stderr[-800:]}")
        print(f"{name}: ERROR")
        return
    result = json.loads(proc.stdout)
    grouping = result.get("grouping") if isinstance(result, dict) else None
    if isinstance(grouping, dict):  # gold evaluators: how the articles were formed into stories
        print(f"{name}: grouping {grouping.get('name')} ({grouping.get('stories')} stories)")
    for key, floor in floors.items():
        value = _get(result, key)
        ok = value >= floor - TOLERANCE
        print(f"{name}: {key} = {value:.4f} (floor {floor:.4f}) {'ok' if ok else 'DROPPED'}  [{time.time() - t0:.0f} s]")
        if not ok:
            failures.append(f"{name}: {key} {value:.4f} < baseline {floor:.4f}")


def _sections(check: dict[str, Any], full: bool) -> list[tuple[str, list[str], dict[str, float]]]:
    out = []
    for sec in SECTIONS_ALWAYS + (SECTIONS_FULL if full else ()):
        s = check.get(sec)
        if s and s.get("args") and s.get("floors"):
            out.append((sec, s["args"], s["floors"]))
    return out


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    full = "--full" in argv
    only = {a for a in argv if a != "--full"}
    shared = Path(os.environ.get("DATELINE_SHARED_DATA", ROOT.parent / "shared" / "data"))
    baseline = json.loads((ROOT / "benchmarks" / "baseline.json").read_text("utf-8"))
    unknown = sorted(only - set(baseline["checks"]))
    if unknown:  # a misspelt check name must not pass by running nothing
        print(f"unknown check(s): {', '.join(unknown)}; known: {', '.join(baseline['checks'])}", file=sys.stderr)
        return 2
    failures: list[str] = []
    for name, check in baseline["checks"].items():
        if only and name not in only:
            continue
        for sec, raw_args, floors in _sections(check, full):
            label = name if sec == "gate" else f"{name} [{sec}]"
            args = [a.replace("{shared}", str(shared)) for a in raw_args]
            if not shared.exists() and any(str(shared) in a for a in args):
                print(f"{label}: SKIP (no shared data at {shared})")
                continue
            _run(label, args, floors, failures)
    if failures:
        print("quality gate FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("quality gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
