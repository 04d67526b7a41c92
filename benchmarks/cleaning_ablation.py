"""Which post-cleaning rules of clean/postclean.py add to trafilatura (ablation on both dev sets).

    python benchmarks/cleaning_ablation.py [--limit N]

Prints one JSON line per rule set: F1/P/R on AEB (shingles) and trafilatura-eval (snippets),
with trafilatura alone first. Each rule set runs in a fresh process because html.py reads
the rule set from DATELINE_POSTCLEAN when it is imported.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DATELINE_SHARED_DATA", ROOT.parent / "shared" / "data"))
RULE_SETS = ["", "title", "label", "copy", "cue", "title,label,copy,cue"]


def _score(dataset: str, extra: list[str], env: dict[str, str]) -> dict:
    cmd = [sys.executable, "-m", "dateline.cli", "evaluate", "cleaning", str(SHARED / dataset), "--json", *extra]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    lim = ["--limit", str(args.limit)] if args.limit else []
    runs = [("trafilatura alone", ["--extractor", "trafilatura"], None)] + [(f"rules=[{r}]", [], r) for r in RULE_SETS]
    for label, extra, rules in runs:
        env = dict(os.environ)
        if rules is not None:
            env["DATELINE_POSTCLEAN"] = rules
        row = {"run": label}
        for ds in ("aeb-article-body", "trafilatura-eval"):
            r = _score(ds, extra + lim, env)
            row[ds] = {k: r[k] for k in ("f1", "precision", "recall")}
        print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
