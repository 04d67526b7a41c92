"""Scale benchmark (issue 14): a mixed pile of N articles through ``dateline``'s pipeline calls.

The corpus is made from every article text the repository can reach: the T17 topic folders
(``{shared}/timeline17/*/InputDocs``), the corpora in ``tests/corpora/*/index.jsonl`` (not the round's blind one) and the HTML
pages of the cleaning and date benchmarks (``{shared}/{aeb-article-body,trafilatura-eval,htmldate-eval}/html``).
It is scaled to N documents by sampling base articles (seeded, with replacement) and perturbing
each copy lightly: one copy in five is kept verbatim (a syndicated copy: it counts as one, and
story detection must keep it with its original); the others lose each paragraph (text: a line;
HTML: a ``<p>`` element) with probability 0.1, at least one kept. Each copy keeps its base
article's date and story family (T17 family, corpus story; an HTML page is a family of its own).

Parts (each in its own process, so each peak RSS is its own):

- ``phase1 N``: the per-document phase (``pipeline.analyze_documents``) on N generated inputs:
  documents/s per core from CPU time, wall time, peak RSS. Its documents are cached
  (``~/.cache/dateline/scale``) as the base of the next parts.
- ``detect N``: story detection (``pipeline.split_stories``, the call ``analyze`` makes) on N
  documents made from the phase-1 documents (the ``phase1`` run's and the T17 topics the tls
  evaluator has cached) by the same perturbation at the document level
  (sentences dropped with their mentions): phase 1 *sampled*, detection *measured*. Reports
  CPU and wall time, peak RSS, the number of stories and the adjusted Rand index against the
  families (a check that the pile stays separable, not a quality score).
- ``phase2``: the per-story phase (``pipeline.analyze_story``) on samples of 25..400 articles of
  the T17 family H1N1 (phase 1 from the tls evaluator's cache, or computed): seconds per stage and
  the growth exponent between sizes (1 = linear, 2 = quadratic). With ``--phase2-store DB
  STORIES_JSON`` the samples come from the largest story of a stored pile instead (e.g. the 100k
  pile's phase-1 store and its partition), for stories larger than a T17 topic.
- ``dask N``: phase 1 of N generated files on a local Dask cluster of 1 and of 2 workers
  (``scale.analyze_on_dask``): wall time and the speed-up.
- ``store N``: the phase-1 documents written to a SQLite store (``dateline.store``): bytes per document.

    PYTHONPATH=src python benchmarks/scale.py --phase1 1000 --detect 1000,10000,100000 --phase2 25,50,100,200,400 --dask 300 --store 235

Everything generated (the scaled files, the caches) lives in a temporary folder or ~/.cache/dateline/scale.
The machine may be shared: per-core rates come from CPU time, wall times are for the record.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DATELINE_SHARED_DATA", ROOT.parent / "shared" / "data"))
CACHE = Path(os.environ.get("DATELINE_CACHE", Path.home() / ".cache" / "dateline")) / "scale"
HTML_SETS = ("aeb-article-body", "trafilatura-eval", "htmldate-eval")
COPY_SHARE = 0.2  # verbatim copies (syndication)
PILE_BLOCK = 1000  # --write-pile: documents per top folder
DROP = 0.1  # chance that a paragraph / sentence of a perturbed copy is dropped
BLIND_CORPORA = ("ecbplus_r5",)  # this round's blind check: never in a benchmark pile
_P = re.compile(r"<p[\s>].*?</p>", re.S | re.I)


# ------------------------------------------------------------------ the corpus

def base_articles() -> list[dict[str, Any]]:
    """Every article the repository reaches: path, kind (text|html), published, family."""
    out: list[dict[str, Any]] = []
    t17 = SHARED / "timeline17"
    for topic in sorted(p for p in t17.iterdir() if (p / "InputDocs").is_dir()):
        for f in sorted((topic / "InputDocs").glob("*/*")):
            out.append({"path": str(f), "kind": "text", "published": f.parent.name, "family": topic.name.split("_")[0]})
    for index in sorted((ROOT / "tests" / "corpora").glob("*/index.jsonl")):
        if index.parent.name in BLIND_CORPORA:
            continue
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                p = ROOT / row["path"]
                if p.is_file():
                    out.append({"path": str(p), "kind": "html" if p.suffix in (".html", ".htm") else "text",
                                "published": row.get("published"), "family": f"{index.parent.name}:{row.get('story')}"})
    for name in HTML_SETS:
        for f in sorted((SHARED / name / "html").glob("*")):
            if f.is_file():
                out.append({"path": str(f), "kind": "html", "published": None, "family": f"page:{f.name}"})
    return out


def _read(path: str) -> str:
    data = Path(path).read_bytes()
    if path.endswith(".gz"):
        import gzip

        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def perturb_text(text: str, kind: str, rng: random.Random) -> str:
    """Drop each paragraph with probability ``DROP`` (at least one kept)."""
    if kind == "html":
        return _P.sub(lambda m: "" if rng.random() < DROP else m.group(0), text)
    lines = text.split("\n")
    kept = [ln for ln in lines if not ln.strip() or rng.random() >= DROP]
    return "\n".join(kept) if any(ln.strip() for ln in kept) else text


def generate(n: int, seed: int = 1) -> list[dict[str, Any]]:
    """``n`` inputs: base article, id, whether a verbatim copy, and the (perturbed) text."""
    return list(iter_generated(n, seed))


def iter_generated(n: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """The inputs of ``generate(n, seed)`` one at a time (the first k are the same for every n >= k)."""
    rng = random.Random(seed)
    base = base_articles()
    for i in range(n):
        b = base[rng.randrange(len(base))]
        text = _read(b["path"])
        copy = rng.random() < COPY_SHARE
        yield {**b, "id": f"g{i:06d}", "copy": copy, "body": text if copy else perturb_text(text, b["kind"], rng)}


def write_files(items: list[dict[str, Any]], folder: Path) -> list[str]:
    """The inputs as files (``<date>/<id>.txt|html``: the folder date is the declared date, as in T17)."""
    paths = []
    for it in items:
        sub = folder / (it["published"] or "undated")
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / f"{it['id']}.{'html' if it['kind'] == 'html' else 'txt'}"
        p.write_text(it["body"], encoding="utf-8")
        paths.append(str(p))
    return paths


def raws_of(items: list[dict[str, Any]]) -> list[Any]:
    from dateline.model import RawDocument

    return [RawDocument(id=it["id"], source=it["path"], published=it["published"],
                        **({"html": it["body"]} if it["kind"] == "html" else {"text": it["body"]})) for it in items]


# ------------------------------------------------------------------ measuring

def usage() -> dict[str, float]:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": r.ru_utime + r.ru_stime, "wall": time.perf_counter(), "peak_rss_mb": r.ru_maxrss / 1024}


def since(u0: dict[str, float]) -> dict[str, float]:
    u1 = usage()
    return {"cpu_s": round(u1["cpu"] - u0["cpu"], 2), "wall_s": round(u1["wall"] - u0["wall"], 2),
            "peak_rss_mb": round(u1["peak_rss_mb"], 1)}


def _phase1_cache(n: int, seed: int) -> Path:
    return CACHE / f"phase1-{n}-{seed}.json"


def part_phase1(n: int, seed: int) -> dict[str, Any]:
    from dateline.model import to_dict
    from dateline.pipeline import analyze_documents

    items = generate(n, seed)
    raws = raws_of(items)
    u0 = usage()
    docs = analyze_documents(raws)
    m = since(u0)
    ok = sum(1 for d in docs if d.status == "ok")
    fam = {it["id"]: it["family"] for it in items}
    CACHE.mkdir(parents=True, exist_ok=True)
    rows = [{"family": fam[d.id], **to_dict(d)} for d in docs]
    _phase1_cache(n, seed).write_text(json.dumps(rows), encoding="utf-8")
    return {"part": "phase1", "documents": n, "ok": ok, **m, "docs_per_cpu_s": round(n / max(m["cpu_s"], 1e-9), 3)}


def _base_docs() -> list[tuple[str, Any]]:
    """The analysed documents the larger piles are made from, with their families: the newest
    ``phase1`` run's and every T17 topic whose phase 1 the tls evaluator has cached."""
    from dateline.evaluate import tls
    from dateline.model import document_from_dict

    out: list[tuple[str, Any]] = []
    files = sorted(CACHE.glob("phase1-*.json"), key=lambda p: p.stat().st_size)
    if files:
        rows = json.loads(files[-1].read_text(encoding="utf-8"))
        out += [(r.pop("family"), document_from_dict(r)) for r in rows if r.get("status") == "ok"]
    for topic in sorted(p for p in (SHARED / "timeline17").iterdir() if (p / "InputDocs").is_dir()):
        if any(tls.CACHE.glob(f"{topic.name}-p1-*.json")):
            out += [(topic.name.split("_")[0], d) for d in tls.load_topic(topic, any_version=True) if d.status == "ok"]
    if not out:
        raise SystemExit("no phase-1 documents cached: run --phase1 N first")
    return out


def perturb_doc(doc: Any, new_id: str, rng: random.Random, copy: bool) -> Any:
    """A copy of an analysed document with each sentence dropped with probability ``DROP`` (its
    mentions with it, the others moved), or verbatim when ``copy``."""
    from dateline.model import Document, Mention

    sents = doc.sentences or [[0, len(doc.text)]]
    keep = sents if copy else [s for s in sents if rng.random() >= DROP] or sents[:1]
    parts, shift, new_sents, mentions = [], [], [], []
    pos = 0
    for s, e in keep:
        parts.append(doc.text[s:e])
        new_sents.append([pos, pos + e - s])
        shift.append((s, e, pos - s))
        pos += e - s + 1
    for m in doc.mentions:
        for s, e, d in shift:
            if s <= m.start and m.end <= e:
                mentions.append(Mention(start=m.start + d, end=m.end + d, text=m.text, label=m.label, attrs=m.attrs))
                break
    return Document(id=new_id, source=doc.source, title=doc.title, published=doc.published, text=" ".join(parts),
                    sentences=new_sents, mentions=mentions, content_hash=doc.content_hash)


def part_detect(n: int, seed: int) -> dict[str, Any]:
    from sklearn.metrics import adjusted_rand_score

    from dateline.pipeline import split_stories
    from dateline.settings import Settings

    base = _base_docs()
    rng = random.Random(seed)
    docs, fam = [], []
    for i in range(n):
        f, d = base[rng.randrange(len(base))]
        docs.append(perturb_doc(d, f"d{i:06d}", rng, rng.random() < COPY_SHARE))
        fam.append(f)
    held = usage()["peak_rss_mb"]
    u0 = usage()
    part = split_stories(docs, Settings())
    m = since(u0)
    labels = part.labels()
    pred = [labels.get(d.id, f"alone:{d.id}") for d in docs]
    return {"part": "detect", "documents": n, "base_documents": len(base), "stories": len(part.stories),
            "unassigned": len(part.unassigned), "ari_vs_families": round(adjusted_rand_score(fam, pred), 4),
            "rss_mb_holding_documents": round(held, 1), **m, "docs_per_cpu_s": round(n / max(m["cpu_s"], 1e-9), 1)}


def _store_pool(store: list[str], n: int, seed: int) -> tuple[str, list[Any]]:
    """A random sample of ``n`` documents of the largest story of a stored pile: ``store`` is the
    SQLite file of ``dateline add --documents-only`` and a ``stories.json``-shaped partition of it
    (both only read)."""
    import sqlalchemy as sa

    from dateline.store import tables as t
    from dateline.store.rows import document_from_row

    db, partition = store
    story = max(json.loads(Path(partition).read_text(encoding="utf-8"))["stories"], key=lambda s: len(s["documents"]))
    ids = random.Random(seed).sample(story["documents"], min(n, len(story["documents"])))
    engine = sa.create_engine(f"sqlite:///file:{Path(db).resolve()}?mode=ro&uri=true")
    by_id: dict[str, Any] = {}
    with engine.connect() as conn:
        for i in range(0, len(ids), 500):
            for row in conn.execute(sa.select(t.documents).where(t.documents.c.id.in_(ids[i:i + 500]))):
                d = document_from_row(row)
                by_id[d.id] = d
    return f"store:{story['id']}", [by_id[i] for i in ids if i in by_id and by_id[i].status == "ok"]


def part_phase2(sizes: list[int], seed: int, store: list[str] | None = None) -> dict[str, Any]:
    """``pipeline.analyze_story`` on random samples of one family, after a warm-up story (models and
    gazetteer loaded); per stage the CPU seconds (``pipeline.stage`` timed with ``time.process_time``).
    With ``store`` (see ``_store_pool``) the family is the stored pile's largest story, whose size
    is not bounded by one T17 topic."""
    import copy
    from collections import Counter
    from contextlib import contextmanager

    from dateline import pipeline
    from dateline.evaluate import tls

    cpu: Counter[str] = Counter()

    @contextmanager
    def cpu_stage(name: str) -> Any:
        t0 = time.process_time()
        try:
            yield
        finally:
            cpu[name] += time.process_time() - t0

    pipeline.stage = cpu_stage  # instrumentation only: the stages run as analyze runs them
    # H1N1: LibyaWar articles saying "implied" crash the claims stage (KeyError in claims/speaker.py's STANCE)
    family = "H1N1"
    if store:
        family, pool = _store_pool(store, max(sizes) + 10, seed)
    else:
        topics = [SHARED / "timeline17" / t for t in ("H1N1_bbc", "H1N1_guardian", "H1N1_reuters")]
        cached = [t for t in topics if any(tls.CACHE.glob(f"{t.name}-p1-*.json"))] or topics[:1]
        pool = [d for t in cached for d in tls.load_topic(t, any_version=True) if d.status == "ok"]
    rng = random.Random(seed)
    pipeline.analyze_story(copy.deepcopy(rng.sample(pool, 10)))  # warm-up
    rows = []
    for n in sizes:
        n = min(n, len(pool))
        sample = copy.deepcopy(rng.sample(pool, n))
        cpu.clear()
        u0 = usage()
        report = pipeline.analyze_story(sample)
        m = since(u0)
        rows.append({"documents": n, **m, "stages_cpu_s": {k: round(v, 2) for k, v in cpu.items()},
                     "events": len(report.events), "claims": len(report.claims), "entities": len(report.entities),
                     "disagreements": len(report.disagreements)})
        if n == len(pool):
            break
    for a, b in zip(rows, rows[1:], strict=False):
        r = math.log(b["documents"] / a["documents"])
        b["exponent_cpu"] = round(math.log(max(b["cpu_s"], 1e-3) / max(a["cpu_s"], 1e-3)) / r, 2)
        b["exponent_stages"] = {k: round(math.log(max(v, 1e-3) / max(a["stages_cpu_s"].get(k, 0), 1e-3)) / r, 2)
                                for k, v in b["stages_cpu_s"].items() if v >= 0.5}
    return {"part": "phase2", "family": family, "pool": len(pool), "sizes": rows}


def _worker_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def part_dask(n: int, seed: int) -> dict[str, Any]:
    """``scale.analyze_on_dask`` on a LocalCluster of 1, then 2 single-threaded worker processes
    (started here so that the workers' CPU time can be read before and after)."""
    from dask.distributed import Client, LocalCluster

    from dateline.scale import analyze_on_dask

    items = generate(n, seed + 7)
    out: dict[str, Any] = {"part": "dask", "documents": n}
    with tempfile.TemporaryDirectory(prefix="dateline-scale-") as tmp:
        paths = write_files(items, Path(tmp))
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cl, \
                    Client(cl) as client:
                client.run(lambda: __import__("dateline.nlp").nlp.load_pipeline())  # spaCy loaded before timing
                cpu0 = sum(client.run(_worker_cpu).values())
                load0 = os.getloadavg()[0]
                t0 = time.perf_counter()
                docs = analyze_on_dask(paths, scheduler=cl.scheduler_address, partition_size=4)
                wall = time.perf_counter() - t0
                cpu = sum(client.run(_worker_cpu).values()) - cpu0
            out[f"workers_{workers}"] = {"wall_s": round(wall, 2), "workers_cpu_s": round(cpu, 2), "documents": len(docs),
                                         "docs_per_cpu_s": round(len(docs) / max(cpu, 1e-9), 3),
                                         "load_before": round(load0, 2), "load_after": round(os.getloadavg()[0], 2)}
    out["speedup_wall"] = round(out["workers_1"]["wall_s"] / max(out["workers_2"]["wall_s"], 1e-9), 2)
    return out


def part_store(n: int, seed: int) -> dict[str, Any]:
    from dateline.pipeline import analyze_story
    from dateline.store import save_report

    base = [d for _, d in _base_docs()][:n]
    with tempfile.TemporaryDirectory(prefix="dateline-store-") as tmp:
        path = Path(tmp) / "s.db"
        report = analyze_story(base, disable=("timeline", "claims"))
        u0 = usage()
        save_report(report, f"sqlite:///{path}")
        m = since(u0)
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
    text = sum(len(d.text.encode()) for d in base)
    return {"part": "store", "documents": len(base), "bytes": size, "bytes_per_document": round(size / max(len(base), 1)),
            "text_bytes_per_document": round(text / max(len(base), 1)), **m}


# ------------------------------------------------------------------ driver

def _child(args: list[str]) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([sys.executable, __file__, "--part", *args], capture_output=True, text=True, env=env)
    if proc.returncode:
        return {"part": args[0], "error": proc.stderr[-1500:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--phase1", type=int, default=0, help="documents through phase 1 (measured; cached as the base)")
    ap.add_argument("--detect", default="", help="comma-separated pile sizes for story detection")
    ap.add_argument("--phase2", default="", help="comma-separated story sizes for the per-story phase")
    ap.add_argument("--phase2-store", nargs=2, metavar=("DB", "STORIES_JSON"), default=None,
                    help="--phase2 on the largest story of a stored pile (a SQLite file and its partition; read only)")
    ap.add_argument("--dask", type=int, default=0, help="documents for the Dask 1 vs 2 workers run")
    ap.add_argument("--store", type=int, default=0, help="documents written to a SQLite store")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", default=None, help="write the results here too")
    ap.add_argument("--write-pile", nargs=2, metavar=("N", "DIR"), default=None,
                    help="write the first N generated inputs as files DIR/blockNNNN/<date>/<id>.txt|html, 1,000 "
                         "a block (a pile for `dateline add --documents-only`; the first N of a larger N are "
                         "the same inputs) and stop")
    ap.add_argument("--part", nargs="+", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.write_pile:
        n, folder = int(a.write_pile[0]), Path(a.write_pile[1])
        for i, item in enumerate(iter_generated(n, a.seed)):  # one at a time: never all in memory
            # blocks of 1,000 in generation order: a folder walk (sorted) reads block by block, so every
            # 1,000 documents read are a random sample of the pile and the first 1,000 are the 1k pile
            write_files([item], folder / f"block{i // PILE_BLOCK:04d}")
        print(json.dumps({"pile": str(folder), "documents": n, "seed": a.seed}))
        return 0
    if a.part:
        kind, arg = a.part[0], a.part[1]
        fn = {"phase1": part_phase1, "detect": part_detect, "dask": part_dask, "store": part_store}
        res = (part_phase2([int(x) for x in arg.split(",")], a.seed, a.phase2_store) if kind == "phase2"
               else fn[kind](int(arg), a.seed))
        print(json.dumps(res))
        return 0
    jobs: list[list[str]] = []
    if a.phase1:
        jobs.append(["phase1", str(a.phase1)])
    jobs += [["detect", s] for s in a.detect.split(",") if s]
    if a.phase2:
        jobs.append(["phase2", a.phase2, *(["--phase2-store", *a.phase2_store] if a.phase2_store else [])])
    if a.dask:
        jobs.append(["dask", str(a.dask)])
    if a.store:
        jobs.append(["store", str(a.store)])
    results = {"machine": {"cpus": os.cpu_count(), "load_at_start": os.getloadavg(), "shared": True}, "parts": []}
    for job in jobs:
        res = _child([*job, "--seed", str(a.seed)])
        print(json.dumps(res), flush=True)
        results["parts"].append(res)
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
