"""How far a learned sentence-pair model gets on gold disagreements, leaving each story out.

    python scripts/audit_pair_model.py tests/gold/ecbplus_r5/claims.blind.json [more golds] --data .

Runs the pipeline as ``dateline evaluate claims`` does (``evaluate.claims.analyze_articles``),
takes every pair of sentences (15-600 characters) of each story folder, labels a pair positive
when its two sentences hold the two sides of a gold disagreement, and describes it by cheap
structural features (MiniLM cosine, shared content words and capitalised words, one document or
two, sentence distance, negation on one side only, deny/contrast cues, numbers on both sides that
differ, reporting verbs). A logistic regression (class-balanced) is trained on all stories but
one and scores the left-out story; the script prints the left-out ROC AUC, average precision and
the precision of each story's top-k pairs. Only for development golds: never on a blind split.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dateline import embed  # noqa: E402
from dateline.evaluate.claims import analyze_articles, locate_all  # noqa: E402

_NEG = re.compile(r"\b(?:not|no|never|nothing|none|nobody|neither|nor|without|unfounded|untrue|false|denied|denies|"
                  r"deny|dismissed|rejected|disputed|innocent)\b|n[’']t\b", re.I)
_CUE = re.compile(r"\b(?:denied|denies|deny|disputed|disputes|dismissed|rejected|refuted|contradict\w*|doubt\w*|sceptical|"
                  r"skeptical|unfounded|baseless|untrue|false|insisted|insists|but|however|although|though|actually|"
                  r"really|in fact)\b", re.I)
_NUM = re.compile(r"\b\d[\d,.:]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozen|hundred|thousand|"
                  r"million)\b", re.I)
_SAY = re.compile(r"\b(?:said|says|say|told|tells|according|claimed|claims|reported|reports|insisted|added|stated|"
                  r"announced|denied|denies|confirmed|explained|wrote)\b", re.I)
_STOP = set("""a an the and or but of in on at to for from by with as is are was were be been has have had it its this
that these those he she they them his her their we our you i said says say told would could will can may might should
also than then there here who which what when where while however after before about over into out up down more most
some any all mr mrs ms according""".split())
FEATURES = ("cos", "shared", "jaccard", "same_doc", "distance", "negation_one_side", "negation_both", "cues",
            "numbers_both", "numbers_differ", "shared_capitalised", "reporting_verbs", "cos*negation", "cos*numbers")


def _content(s: str) -> set[str]:
    return {w.lower()[:6] for w in re.findall(r"[A-Za-z][A-Za-z'-]+", s) if w.lower() not in _STOP and len(w) > 2}


def _features(ti: str, tj: str, cos: float, same: bool, gap: int) -> list[float]:
    ci, cj = _content(ti), _content(tj)
    ni, nj = bool(_NEG.search(ti)), bool(_NEG.search(tj))
    ui, uj = {x.lower() for x in _NUM.findall(ti)}, {x.lower() for x in _NUM.findall(tj)}
    pi, pj = set(re.findall(r"(?<=\s)[A-Z][a-z]+", ti)), set(re.findall(r"(?<=\s)[A-Z][a-z]+", tj))
    differ = float(bool(ui) and bool(uj) and not ui & uj)
    return [cos, len(ci & cj), len(ci & cj) / max(1, len(ci | cj)), float(same),
            float(np.log1p(gap)) if same else 3.0, float(ni != nj), float(ni and nj),
            float(bool(_CUE.search(ti)) + bool(_CUE.search(tj))), float(bool(ui) and bool(uj)), differ,
            float(len(pi & pj)), float(bool(_SAY.search(ti)) + bool(_SAY.search(tj))), cos * float(ni != nj), cos * differ]


def story_pairs(gold: dict, data: Path, name: str) -> tuple[list[str], list[list[float]], list[bool]]:
    """(story of each pair, features, positive?) for every sentence pair of each story folder."""
    docs, path_of, _ = analyze_articles([data / a for a in sorted(gold["articles"])])
    by_rel = {str(Path(path_of[d.id]).relative_to(data)): d for d in docs}
    sents = {d.id: [(s0, s1) for s0, s1 in d.sentences if 15 <= s1 - s0 <= 600] for d in docs}
    cache: dict = {}
    positive: set[frozenset] = set()
    for g in gold.get("disagreements", []):
        held = []
        for s in g["sides"]:
            d = by_rel.get(s["doc"])
            occ = locate_all(d.text, s["evidence"], cache) if d else []
            held.append({(d.id, k) for k, (s0, s1) in enumerate(sents[d.id]) if any(s0 <= b and a <= s1 for a, b in occ)} if d else set())
        if len(held) == 2:
            positive |= {frozenset((x, y)) for x in held[0] for y in held[1] if x != y}
    stories, xs, ys = [], [], []
    folders: dict[str, list] = {}
    for rel, d in by_rel.items():
        folders.setdefault(Path(rel).parent.name, []).append(d)
    for story, ds in folders.items():
        items = [(d.id, k, d.text[s0:s1]) for d in ds for k, (s0, s1) in enumerate(sents[d.id])]
        if len(items) < 2:
            continue
        emb = embed.encode([t for _, _, t in items])
        cos = emb @ emb.T
        for i, j in itertools.combinations(range(len(items)), 2):
            (di, ki, ti), (dj, kj, tj) = items[i], items[j]
            stories.append(f"{name}/{story}")
            xs.append(_features(ti, tj, float(cos[i, j]), di == dj, abs(kj - ki)))
            ys.append(frozenset(((di, ki), (dj, kj))) in positive)
    return stories, xs, ys


def main() -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score, roc_auc_score

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--data", default=".")
    args = ap.parse_args()
    stories: list[str] = []
    xs: list[list[float]] = []
    ys: list[bool] = []
    for path in args.gold:
        s, x, y = story_pairs(json.loads(Path(path).read_text(encoding="utf-8")), Path(args.data), Path(path).parent.name)
        stories += s
        xs += x
        ys += y
    S, X, y = np.array(stories), np.array(xs), np.array(ys)
    scores = np.zeros(len(y))
    for story in sorted(set(stories)):
        train, test = S != story, S == story
        model = LogisticRegression(max_iter=2000, class_weight="balanced").fit(X[train], y[train])
        scores[test] = model.decision_function(X[test])
    print(f"pairs {len(y)}, positive {int(y.sum())} (base rate {y.mean():.4f})")
    print(f"left-out ROC AUC {roc_auc_score(y, scores):.3f}, average precision {average_precision_score(y, scores):.4f}")
    for k in (1, 3, 5, 10):
        top = np.concatenate([np.where(S == s)[0][np.argsort(-scores[S == s])[:k]] for s in sorted(set(stories))])
        print(f"top {k} pairs per story: precision {y[top].mean():.3f} ({int(y[top].sum())}/{len(top)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
