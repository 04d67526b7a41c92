"""Throughput of tag_timexes on real news text (one process, one core).

Texts: TimeBank/AQUAINT (.tml, DCT as anchor) and Timeline17 articles (folder date as anchor)
from ../shared/data. Prints documents/s, expressions/s and MB/s; ``--json`` for one object.

    python benchmarks/timex_throughput.py [--docs 1000] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dateline.dating.timex import tag_timexes
from dateline.evaluate.timeml import gold_files, read_timeml

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def load_texts(limit: int) -> list[tuple[str, str | None]]:
    texts: list[tuple[str, str | None]] = []
    tb = DATA / "tempeval3-tbaq"
    if tb.is_dir():
        for f in gold_files(tb):
            d = read_timeml(f, tb)
            texts.append((d.text, d.dct))
    t17 = DATA / "timeline17"
    if t17.is_dir():
        for f in sorted(t17.glob("*/InputDocs/*/*.txt")):
            if len(texts) >= limit:
                break
            texts.append((f.read_text(errors="replace"), f.parent.name))
    return texts[:limit]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000, help="number of documents to tag")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    texts = load_texts(args.docs)
    if not texts:
        print("no data under ../shared/data", file=sys.stderr)
        return 2
    tag_timexes(texts[0][0], texts[0][1])  # warm up (regex compilation happens at import)
    n_exp = 0
    t0 = time.process_time()
    for text, anchor in texts:
        n_exp += len(tag_timexes(text, anchor))
    cpu = time.process_time() - t0
    chars = sum(len(t) for t, _ in texts)
    report = {
        "docs": len(texts), "expressions": n_exp, "cpu_seconds": round(cpu, 3),
        "docs_per_s": round(len(texts) / cpu, 1), "expressions_per_s": round(n_exp / cpu, 1),
        "mb_per_s": round(chars / cpu / 1e6, 3), "mean_doc_chars": round(chars / len(texts)),
    }
    if args.json:
        print(json.dumps(report))
    else:
        for k, v in report.items():
            print(f"{k:>18}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
