"""Time and peak memory of one T17 topic end to end (the full `dateline analyze` pipeline).

    python benchmarks/tls_bench.py ../shared/data/timeline17/bpoil_reuters [--json]

Phases: read (ingest), phase 1 (clean + spaCy + dates + timexes + mentions, one process),
phase 2 (entities, timeline, claims), and build_timeline alone. Peak memory is the
process's max RSS (resource.getrusage). Prints one JSON object with --json.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("topic", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from dateline.entities import link_entities
    from dateline.events import TimelineOptions, build_timeline
    from dateline.ingest import read_inputs
    from dateline.pipeline import analyze_documents, analyze_story

    out: dict[str, float | int | str] = {"topic": args.topic.name}
    t0 = time.perf_counter()
    raws = list(read_inputs([str(args.topic / "InputDocs")]))
    t1 = time.perf_counter()
    docs = analyze_documents(raws)
    t2 = time.perf_counter()
    report = analyze_story(docs)
    t3 = time.perf_counter()
    ok = [d for d in docs if d.status == "ok"]
    ents = link_entities(ok)
    t4 = time.perf_counter()
    build_timeline(ok, ents, TimelineOptions())
    t5 = time.perf_counter()
    out.update({
        "documents": len(raws), "documents_ok": len(ok), "timeline_dates": len(report.timeline),
        "events": len(report.events), "read_s": round(t1 - t0, 2), "phase1_s": round(t2 - t1, 2),
        "phase1_docs_per_s": round(len(raws) / max(t2 - t1, 1e-9), 2), "phase2_s": round(t3 - t2, 2),
        "build_timeline_s": round(t5 - t4, 2), "total_s": round(t3 - t0, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    })
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:20s} {v}", file=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
