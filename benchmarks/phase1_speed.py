"""Phase-1 speed (issue 14): documents per CPU-second of the per-document phase, and proof of identical output.

The inputs are the scale benchmark's generated pile (``benchmarks/scale.py``: every article the
repository reaches, sampled with light perturbation, seeded), or the T17 InputDocs of one topic
(``--t17 TOPIC``). Runs ``pipeline.analyze_documents`` (the call ``analyze`` makes) in this process
and prints CPU seconds, docs per CPU-second, peak RSS and the seconds per stage.

``--save FILE`` writes the analysed documents (``model.to_dict``) as JSON Lines; ``--compare FILE``
checks the documents of this run against a saved file field by field and exits 1 on any
difference (how a speed change is shown to leave the results unchanged: save before, compare after).
``--profile N`` prints the N most expensive functions (cProfile, cumulative). ``--ab R`` measures
the spaCy change of this round in one process under the same machine load: R rounds alternating the
whole pipeline (``nlp.TOKEN_ONLY_PIPES`` emptied: the tagger and attribute ruler run, as before)
and the default, CPU seconds of each and the ratio (outputs compared too).

    PYTHONPATH=src python benchmarks/phase1_speed.py --n 200 --save /tmp/p1-before.jsonl
    PYTHONPATH=src python benchmarks/phase1_speed.py --n 200 --compare /tmp/p1-before.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _inputs(n: int, seed: int, t17: str | None) -> list[Any]:
    if t17:
        from scale import SHARED

        from dateline.ingest import read_inputs

        raws = list(read_inputs([str(SHARED / "timeline17" / t17 / "InputDocs")]))
        return raws[:n] if n else raws
    from scale import generate, raws_of

    return raws_of(generate(n, seed))


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def compare(rows: list[dict[str, Any]], saved_path: str) -> list[str]:
    """Differences between ``rows`` and the saved rows (by document id): one line per differing field."""
    saved = {}
    with open(saved_path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            saved[r["id"]] = r
    diffs = []
    if set(saved) != {r["id"] for r in rows}:
        diffs.append(f"document ids differ: {len(saved)} saved, {len(rows)} now")
    for r in rows:
        old = saved.get(r["id"])
        if old is None:
            continue
        for k in sorted(set(r) | set(old)):
            if r.get(k) != old.get(k):
                diffs.append(f"{r['id']}.{k}: {str(old.get(k))[:120]!r} -> {str(r.get(k))[:120]!r}")
    return diffs


def ab(raws: list[Any], rounds: int) -> int:
    """Old (every spaCy component) against new (the token-only ones left out), alternating; 1 if outputs differ."""
    import statistics

    from dateline import nlp
    from dateline.model import to_dict
    from dateline.pipeline import analyze_documents

    default = nlp.TOKEN_ONLY_PIPES
    cpu: dict[str, list[float]] = {"all_pipes": [], "default": []}
    outs: dict[str, Any] = {}
    for _ in range(rounds):
        for name, pipes in (("all_pipes", ()), ("default", default)):
            nlp.TOKEN_ONLY_PIPES = pipes
            c0 = _cpu()
            docs = analyze_documents(raws)
            cpu[name].append(round(_cpu() - c0, 2))
            outs[name] = json.dumps([to_dict(d) for d in docs], sort_keys=True)
    nlp.TOKEN_ONLY_PIPES = default
    old, new = statistics.median(cpu["all_pipes"]), statistics.median(cpu["default"])
    same = outs["all_pipes"] == outs["default"]
    print(json.dumps({"documents": len(raws), "cpu_s": cpu, "docs_per_cpu_s_before": round(len(raws) / old, 3),
                      "docs_per_cpu_s_after": round(len(raws) / new, 3), "speedup": round(old / new, 3),
                      "identical": same, "load": [round(x, 2) for x in os.getloadavg()]}))
    return 0 if same else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="generated documents (or the first N of --t17)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--t17", default=None, help="a T17 topic folder name instead of the generated pile")
    ap.add_argument("--save", default=None)
    ap.add_argument("--compare", default=None)
    ap.add_argument("--profile", type=int, default=0)
    ap.add_argument("--ab", type=int, default=0, metavar="R")
    a = ap.parse_args(argv)
    from dateline.model import to_dict
    from dateline.nlp import load_pipeline
    from dateline.pipeline import STAGE_SECONDS, analyze_documents

    raws = _inputs(a.n, a.seed, a.t17)
    load_pipeline()  # first-use loading is not phase-1 work per document
    analyze_documents(raws[:1])  # nor are the first-use imports and data of the stages
    STAGE_SECONDS.clear()
    if a.ab:
        return ab(raws, a.ab)
    prof = None
    if a.profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    c0, w0 = _cpu(), time.perf_counter()
    docs = analyze_documents(raws)
    cpu, wall = _cpu() - c0, time.perf_counter() - w0
    if prof is not None:
        import pstats

        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(a.profile)
    res = {"documents": len(docs), "ok": sum(d.status == "ok" for d in docs), "cpu_s": round(cpu, 2),
           "wall_s": round(wall, 2), "docs_per_cpu_s": round(len(docs) / max(cpu, 1e-9), 3),
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
           "load": [round(x, 2) for x in os.getloadavg()],
           "stage_s": {k: round(v, 2) for k, v in STAGE_SECONDS.most_common()}}
    print(json.dumps(res))
    rows = [to_dict(d) for d in docs]
    if a.save:
        with open(a.save, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, sort_keys=True) + "\n")
    if a.compare:
        diffs = compare(json.loads(json.dumps(rows)), a.compare)
        print(f"compare with {a.compare}: {'identical' if not diffs else f'{len(diffs)} differences'}")
        for d in diffs[:30]:
            print("  " + d)
        return 1 if diffs else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
