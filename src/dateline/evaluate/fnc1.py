"""``dateline evaluate fnc1 DIR``: the stance model on FakeNewsChallenge FNC-1's competition test set.

DIR holds ``competition_test_stances.csv`` and ``competition_test_bodies.csv`` (github
FakeNewsChallenge/fnc-1). The score is the challenge's own (its ``scorer.py``): +0.25 for each
pair rightly called related or unrelated, +0.75 more for each related pair given its right label
(agree, disagree, discuss); reported, as the papers do, relative to the maximum. References on
this set: the official baseline 79.53%, the winner (SOLAT in the SWEN) 82.02%. Per-class F1 and
the macro-F1 of the four classes follow (Hanselowski et al. 2018 argue for the latter).

The model reads each headline against the body's sentences through ``claims.stance`` - the
same code the claims stage uses for statement disagreements.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..claims.stance import LABELS

BASELINE = 0.7953
WINNER = 0.8202


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="folder with competition_test_stances.csv and competition_test_bodies.csv")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pairs")
    # --json is a common option of `dateline evaluate`


def fnc_score(gold: Any, pred: Any) -> tuple[float, float]:
    """FNC-1's weighted score and its maximum for label indices (``LABELS`` order)."""
    unrelated = LABELS.index("unrelated")
    score = top = 0.0
    for g, p in zip(gold, pred, strict=True):
        g, p = int(g), int(p)
        top += 0.25 if g == unrelated else 1.0
        if g == p:
            score += 0.25 if g == unrelated else 0.75
        if g != unrelated and p != unrelated:
            score += 0.25
    return score, top


def embed_texts(texts: list[str], name: str) -> dict[str, np.ndarray]:
    """Unit embeddings of the unique ``texts``, kept in ~/.cache/dateline/fnc1/ (keyed on the texts)."""
    import hashlib

    from ..embed import encode
    from . import CACHE_ROOT

    uniq = sorted(set(texts))
    key = hashlib.sha256("\0".join(uniq).encode()).hexdigest()[:16]
    path = CACHE_ROOT / "fnc1" / f"{name}-{key}.npy"
    if path.exists():
        emb = np.load(path)
    else:
        t = time.time()
        emb = encode(uniq)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, emb)
        print(f"embedded {len(uniq)} {name} texts in {time.time() - t:.0f}s", file=sys.stderr)
    return dict(zip(uniq, emb, strict=True))


def per_class_f1(gold: Any, pred: Any) -> dict[str, float]:
    gold, pred = np.asarray(gold), np.asarray(pred)
    out = {}
    for k, lab in enumerate(LABELS):
        tp = int(((gold == k) & (pred == k)).sum())
        p = tp / max(1, int((pred == k).sum()))
        r = tp / max(1, int((gold == k).sum()))
        out[lab] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return out


def score(path: Path, limit: int | None = None) -> dict[str, Any]:
    from ..claims.stance import load, split_sentences

    with open(path / "competition_test_bodies.csv", encoding="utf-8") as fh:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(fh)}
    with open(path / "competition_test_stances.csv", encoding="utf-8") as fh:
        rows = [(r["Headline"], r["Body ID"], r["Stance"]) for r in csv.DictReader(fh)]
    if limit is not None:
        rows = rows[:limit]
    t = time.time()
    model = load()
    sents = {b: split_sentences(bodies[b]) for b in {b for _, b, _ in rows}}
    # embed each unique headline and body sentence once (kept on disk), then pair them up
    from ..claims.stance import Pair

    emb = embed_texts([h for h, _, _ in rows] + [x for ss in sents.values() for x in ss], "test")
    body_emb = {b: np.vstack([emb[x] for x in ss]) if ss else np.zeros((0, 384), np.float32) for b, ss in sents.items()}
    pairs = [Pair(h, sents[b], emb[h], body_emb[b]) for h, b, _ in rows]
    pred = model.predict_proba(pairs).argmax(axis=1)
    gold = [LABELS.index(s) for _, _, s in rows]
    sc, top = fnc_score(gold, pred)
    f1 = per_class_f1(gold, pred)
    return {"pairs": len(rows), "fnc_score": round(sc, 2), "fnc_max": top, "fnc_relative": round(sc / top, 4),
            "f1": f1, "macro_f1": round(sum(f1.values()) / len(f1), 4),
            "reference": {"baseline": BASELINE, "winner": WINNER}, "seconds": round(time.time() - t, 1)}


def run(args: argparse.Namespace) -> int:
    res = score(args.path, args.limit)
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print(f"FNC-1 competition test, {res['pairs']} pairs: score {res['fnc_score']} / {res['fnc_max']} = "
              f"{res['fnc_relative']:.2%} (baseline {BASELINE:.2%}, winner {WINNER:.2%})")
        print("F1 " + ", ".join(f"{k} {v:.3f}" for k, v in res["f1"].items()) + f"; macro-F1 {res['macro_f1']:.3f}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(argparse.ArgumentParser().parse_args()))
