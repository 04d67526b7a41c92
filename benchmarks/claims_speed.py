"""Speed of the claims stage alone (phase-2 extract_claims) on real T17 articles.

Phase 1 (cleaning, spaCy, timexes, mentions) runs once and is cached under
~/.cache/dateline/claims_bench_<folder>_<n>.pkl; the claims stage is then timed on its own.

    python benchmarks/claims_speed.py ../shared/data/timeline17/haiti_bbc 150
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path

from dateline.claims import extract_claims
from dateline.ingest import read_inputs
from dateline.pipeline import analyze_documents


def main(folder: str, limit: int = 150) -> None:
    root = Path(folder)
    cache = Path.home() / ".cache" / "dateline" / f"claims_bench_{root.name}_{limit}.pkl"
    if cache.exists():
        docs = pickle.loads(cache.read_bytes())
    else:
        files = sorted(str(p) for p in root.glob("InputDocs/*/*.txt"))[:limit]
        raws = list(read_inputs(files))
        for r in raws:  # T17 stems repeat across days
            r.id = f"{Path(r.source).parent.name}_{r.id}"
        docs = analyze_documents(raws)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(docs))
    ok = [d for d in docs if d.status == "ok"]
    t0 = time.perf_counter()
    claims, series, disagreements = extract_claims(ok, [])
    dt = time.perf_counter() - t0
    words = sum(len(d.text.split()) for d in ok)
    print(f"{len(ok)} docs, {words} words: claims stage {dt:.2f} s = {len(ok) / dt:.0f} docs/s, "
          f"{words / dt:.0f} words/s; {len(claims)} claims, {len(series)} series, {len(disagreements)} disagreements")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 150)
