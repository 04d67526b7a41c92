"""`dateline bench`: time each stage on a corpus, in one process, and report per-core rates."""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Collection
from typing import Any


def run_bench(inputs: list[str], as_json: bool = False, settings: Any = None, disable: Collection[str] = ()) -> int:
    """Analyse ``inputs`` in this process (the composition of ``dateline analyze``, minus ``disable``);
    print documents/s and words/s per core, per stage."""
    from .ingest import read_inputs
    from .nlp import load_pipeline
    from .pipeline import STAGE_SECONDS, analyze_documents, analyze_story

    t0 = time.perf_counter()
    load_pipeline()
    load_s = time.perf_counter() - t0
    STAGE_SECONDS.clear()
    t1 = time.perf_counter()
    docs = analyze_documents(read_inputs(inputs), settings=settings, disable=disable)
    t2 = time.perf_counter()
    report = analyze_story(docs, settings=settings, disable=disable)
    t3 = time.perf_counter()
    ok = [d for d in docs if d.status == "ok"]
    words = sum(len(d.text.split()) for d in ok)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result: dict[str, Any] = {
        "documents": len(docs),
        "documents_ok": len(ok),
        "words": words,
        "model_load_s": round(load_s, 3),
        "phase1_s": round(t2 - t1, 3),
        "phase2_s": round(t3 - t2, 3),
        "phase1_docs_per_s_per_core": round(len(docs) / max(t2 - t1, 1e-9), 2),
        "phase1_words_per_s_per_core": round(words / max(t2 - t1, 1e-9), 1),
        "stages_s": {k: round(v, 3) for k, v in STAGE_SECONDS.items()},
        "stage_docs_per_s": {k: round(len(ok) / v, 1) for k, v in STAGE_SECONDS.items() if v > 0},
        "peak_rss_mb": round(peak_mb, 1),
        "stages": report.meta["stages"],
        "entities": len(report.entities), "events": len(report.events), "claims": len(report.claims),
    }
    if as_json:
        print(json.dumps(result))
    else:
        print(f"{len(docs)} documents ({len(ok)} ok, {words} words) in {t3 - t1:.2f} s on one core", file=sys.stdout)
        print(f"  phase 1: {result['phase1_docs_per_s_per_core']} docs/s, {result['phase1_words_per_s_per_core']} words/s")
        for k, v in sorted(STAGE_SECONDS.items(), key=lambda kv: -kv[1]):
            print(f"  {k:16s} {v:8.3f} s")
        print(f"  peak memory {peak_mb:.0f} MB")
    return 0
