"""Entities benchmark: mention extraction rate and linking time for N documents.

    python benchmarks/entities_bench.py [DIR ...] [--n 100] [--json]

Defaults to the LibyaWar_cnn + LibyaWar_reuters articles of ../shared/data/timeline17 (first N,
sorted). spaCy annotation is timed separately from our mention rules (extract_mentions) and
from cross-document linking (link_entities, incl. gazetteer lookups; the GeoNames index load
is reported on its own since it is a once-per-process cost).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dateline.clean import clean
from dateline.entities import extract_mentions, geo, link_entities
from dateline.ingest.files import read_file
from dateline.model import Document
from dateline.nlp import annotate, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT.parent / "shared" / "data" / "timeline17" / d / "InputDocs" for d in ("LibyaWar_cnn", "LibyaWar_reuters")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    paths = sorted(p for d in args.dirs for p in d.rglob("*.txt") if p.stat().st_size > 0)
    # interleave outlets so N documents come from both
    paths = sorted(paths, key=lambda p: (p.parent.name, p.parts[-4], p.name))[: args.n]
    load_pipeline()
    t = time.perf_counter()
    geo.geonames_index()
    t_index = time.perf_counter() - t

    docs: list[Document] = []
    t_nlp = t_mentions = 0.0
    chars = 0
    for i, path in enumerate(paths):
        raw = next(iter(read_file(path)))
        text = clean(raw).text
        chars += len(text)
        t = time.perf_counter()
        ann = annotate(text)
        t_nlp += time.perf_counter() - t
        t = time.perf_counter()
        doc = Document(id=f"d{i}", source=str(path), text=text)
        doc.mentions = extract_mentions(text, ann)
        t_mentions += time.perf_counter() - t
        docs.append(doc)
    t = time.perf_counter()
    ents = link_entities(docs)
    t_link = time.perf_counter() - t
    n_mentions = sum(len(d.mentions) for d in docs)
    out = {
        "documents": len(docs),
        "chars": chars,
        "mentions": n_mentions,
        "entities": len(ents),
        "places_resolved": sum(1 for e in ents if e.geo),
        "spacy_seconds": round(t_nlp, 2),
        "mention_rules_seconds": round(t_mentions, 3),
        "mentions_per_second_rules": round(n_mentions / t_mentions, 1) if t_mentions else None,
        "mentions_per_second_with_spacy": round(n_mentions / (t_nlp + t_mentions), 1) if t_nlp + t_mentions else None,
        "link_seconds": round(t_link, 2),
        "geonames_index_load_seconds": round(t_index, 2),
    }
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:32s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
