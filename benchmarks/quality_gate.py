"""Quality gate (as trafilatura does it): re-score a fast subset of every benchmark and fail
when a score drops below the value kept in benchmarks/baseline.json.

baseline.json holds, per check: the `dateline evaluate` arguments of a fast subset (`gate`),
the metric keys with their floor, and the full dev-set scores for the record (`dev`).
Raise a floor when you improve a score. Paths are relative to the repository root;
`{shared}` is the shared data folder (../shared/data, or $DATELINE_SHARED_DATA).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOLERANCE = 0.002  # room for float noise only; a real drop fails


def _get(obj: dict, dotted: str) -> float:
    for part in dotted.split("."):
        obj = obj[part]
    return float(obj)


def main() -> int:
    shared = Path(os.environ.get("DATELINE_SHARED_DATA", ROOT.parent / "shared" / "data"))
    baseline = json.loads((ROOT / "benchmarks" / "baseline.json").read_text("utf-8"))
    only = set(sys.argv[1:])
    failures = []
    for name, check in baseline["checks"].items():
        if only and name not in only:
            continue
        args = [a.replace("{shared}", str(shared)) for a in check["gate"]["args"]]
        if not shared.exists() and any(str(shared) in a for a in args):
            print(f"{name}: SKIP (no shared data at {shared})")
            continue
        t0 = time.time()
        proc = subprocess.run([sys.executable, "-m", "dateline.cli", "evaluate", *args, "--json"],
                              cwd=ROOT, capture_output=True, text=True)
        if proc.returncode != 0:
            failures.append(f"{name}: evaluator failed ({proc.returncode}): {proc.stderr[-800:]}")
            print(f"{name}: ERROR")
            continue
        result = json.loads(proc.stdout)
        for key, floor in check["gate"]["floors"].items():
            value = _get(result, key)
            ok = value >= floor - TOLERANCE
            print(f"{name}: {key} = {value:.4f} (floor {floor:.4f}) {'ok' if ok else 'DROPPED'}  [{time.time() - t0:.0f} s]")
            if not ok:
                failures.append(f"{name}: {key} {value:.4f} < baseline {floor:.4f}")
    if failures:
        print("quality gate FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("quality gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
