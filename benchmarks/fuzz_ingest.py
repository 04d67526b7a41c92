"""The fuzzed ingest suite, longer: random and mutated inputs plus the full-size hostile ones.

Runs the generators of tests/test_fuzz_ingest.py (random bytes under every suffix, mutated
real articles, odd JSONL records, truncated/corrupt WARC) for N inputs, then the named hostile
inputs at the size the robustness issue names (10,000-level nesting, 100,000 links, 200,000
short lines, a 20 MB JSONL line), each through ``read_inputs`` and ``analyze_document`` (the
pipeline ``dateline analyze`` runs). Prints inputs tried, crashes (an exception escaping, or a
document rejected because a stage raised), unaccounted documents, the slowest input and the
peak memory (RSS) of the process.

    PYTHONPATH=src python benchmarks/fuzz_ingest.py [N=300] [--seed 1] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_fuzz_ingest import (  # noqa: E402
    BRIEF,
    MUTATIONS,
    SEED_ARTICLES,
    SUFFIXES,
    expected_inputs,
    hostile_inputs,
    mutate,
    warc_bytes,
)

from dateline.ingest import read_inputs  # noqa: E402
from dateline.pipeline import analyze_document  # noqa: E402

_VALUES = [None, "", "dup", 12345, 3.5, True, [1], {"a": 1}, "2099-13-45", "2011-03-19", "March 19, 2011",
           "javascript:x", "https://example.org/a", "x\ny", "\x00", BRIEF, "é" * 50]


def _random_input(r: random.Random, i: int) -> tuple[str, bytes]:
    kind = r.choice(["bytes", "mutated", "mutated", "jsonl", "warc"])
    if kind == "bytes":
        return f"rand{i}{r.choice(SUFFIXES)}", r.randbytes(r.choice([0, 1, 10, 500, 5000, 50_000]))
    if kind == "mutated":
        ops = [r.choice(sorted(MUTATIONS)) for _ in range(r.randint(1, 3))]
        data = mutate(r.choice(SEED_ARTICLES).read_bytes(), ops, r.randrange(1 << 30))
        return f"mut{i}-{'+'.join(ops)}{r.choice(['.txt', '.html', '.txt.gz', ''])}", data
    if kind == "jsonl":
        recs = []
        for _ in range(r.randint(1, 8)):
            if r.random() < 0.15:
                recs.append(json.dumps(r.choice(_VALUES)))
                continue
            rec = {k: r.choice(_VALUES) for k in ("id", "url", "published", "title", "text", "html") if r.random() < 0.7}
            recs.append(json.dumps(rec))
        return f"rec{i}.jsonl", ("\n".join(recs) + "\n").encode()
    pages = [(f"https://example.org/n/{j}", f"<html><body><p>{BRIEF * 3}</p></body></html>".encode())
             for j in range(r.randint(1, 4))]
    gz = r.random() < 0.5
    data = warc_bytes(pages, gz=gz)
    data = data[: max(1, int(len(data) * r.uniform(0.05, 1.0)))]
    if r.random() < 0.5:
        data = mutate(data, ["flip"], i)
    return f"crawl{i}.warc" + (".gz" if gz else ""), data


def _full_size() -> list[tuple[str, bytes]]:
    items = list(hostile_inputs(1.0).items())
    items.append(("huge-line.jsonl", json.dumps({"text": BRIEF}).encode() + b"\n"
                  + json.dumps({"text": "word " * 4_200_000}).encode() + b"\n"))  # a 21 MB line
    return items


def run(n: int, seed: int) -> dict:
    r = random.Random(seed)
    analyze_document(analyze_warm())  # load spaCy before timing
    tried = crashes = unaccounted = docs_total = 0
    slowest = ("", 0.0)
    failures: list[str] = []
    inputs = [_random_input(r, i) for i in range(n)] + _full_size()
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in inputs:
            path = Path(tmp) / name
            path.write_bytes(data)
            tried += 1
            t0 = time.perf_counter()
            try:
                raws = list(read_inputs([str(path)]))
                docs = [analyze_document(x) for x in raws]
            except Exception:
                crashes += 1
                failures.append(f"{name}: {traceback.format_exc(limit=2)}")
                continue
            finally:
                path.unlink()
            dt = time.perf_counter() - t0
            if dt > slowest[1]:
                slowest = (name, dt)
            want, exact = expected_inputs(path, data)
            if (len(docs) != want) if exact else (len(docs) < want):
                unaccounted += abs(want - len(docs))
                failures.append(f"{name}: {len(docs)} documents for {want} inputs")
            if len({d.id for d in docs}) != len(docs):
                unaccounted += len(docs) - len({d.id for d in docs})
                failures.append(f"{name}: repeated ids")
            for d in docs:
                docs_total += 1
                if d.status == "rejected" and (not d.error or d.error.startswith("analysis failed")):
                    crashes += 1
                    failures.append(f"{name}: {d.error}")
    return {"inputs_tried": tried, "documents": docs_total, "crashes": crashes, "unaccounted": unaccounted,
            "slowest_input": slowest[0], "slowest_seconds": round(slowest[1], 2),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, "failures": failures[:20]}


def analyze_warm():  # type: ignore[no-untyped-def]
    from dateline.model import RawDocument

    return RawDocument(id="warm", source="warm.txt", text=BRIEF * 3)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", nargs="?", type=int, default=300, help="random and mutated inputs (default 300)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    out = run(args.n, args.seed)
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        print(f"inputs tried: {out['inputs_tried']} ({out['documents']} documents)\ncrashes: {out['crashes']}\n"
              f"unaccounted documents: {out['unaccounted']}\nslowest input: {out['slowest_input']!r} "
              f"({out['slowest_seconds']} s)\npeak memory: {out['peak_rss_mb']} MB RSS")
        for f in out["failures"]:
            print("  " + f)
    return 1 if out["crashes"] or out["unaccounted"] else 0


if __name__ == "__main__":
    sys.exit(main())
