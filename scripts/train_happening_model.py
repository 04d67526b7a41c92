"""Train the "reports a happening" model (``src/dateline/data/happening_tbaq.json``) on TimeBank.

    PYTHONPATH=src python scripts/train_happening_model.py [--tbaq ../shared/data/tempeval3-tbaq]

Reads the TempEval-3 TBAQ-cleaned release (TimeBank 1.2 + AQUAINT TimeML; its PROVENANCE.md says
where it comes from): every word spaCy tags VERB, NOUN, AUX or ADJ in a document's <TEXT> is an
example, featurised by ``dateline.events.happening.features`` (the code the pipeline runs). Labels
from the EVENT word the token overlaps and its first MAKEINSTANCE:

- ``occurrence``: class OCCURRENCE, ASPECTUAL or PERCEPTION, tense PAST or aspect PERFECTIVE,
  polarity POS, no modality (a realis happening); every other word 0.
- ``reporting``: class REPORTING, tense PAST or PRESENT, polarity POS, no modality (a statement made).

Logistic regression (scikit-learn, L2, C chosen by 5-fold cross-validation by document on TimeBank
only, log loss), fit on all of TimeBank; AQUAINT is never seen in training or the choice of C and
gives the held-out scores written into the file (token-level average precision, F1 at 0.5). Only
features seen at least ``MIN_COUNT`` times in TimeBank are kept; weights are rounded to 4 decimals.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, log_loss
from sklearn.model_selection import GroupKFold

from dateline.events.happening import HEADS, MODEL_PATH, candidates, features
from dateline.nlp import load_pipeline

MIN_COUNT = 2
C_GRID = (0.03, 0.1, 0.3, 1.0)
HAPPENING = {"OCCURRENCE", "ASPECTUAL", "PERCEPTION"}


def read(path: Path) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """The <TEXT> of a TimeML file and its EVENT spans with class and first-instance attributes."""
    tree = ET.parse(path)
    inst: dict[str, dict[str, str]] = {}
    for mi in tree.iter("MAKEINSTANCE"):
        inst.setdefault(mi.get("eventID", ""), dict(mi.attrib))
    buf: list[str] = []
    spans: list[tuple[int, int, dict[str, str]]] = []

    def walk(el: ET.Element) -> None:
        if el.text:
            buf.append(el.text)
        for child in el:
            start = sum(map(len, buf))
            walk(child)
            if child.tag == "EVENT":
                attrs = {"class": child.get("class", ""), **inst.get(child.get("eid", ""), {})}
                spans.append((start, sum(map(len, buf)), attrs))
            if child.tail:
                buf.append(child.tail)

    text_el = tree.find(".//TEXT")
    if text_el is not None:
        walk(text_el)
    return "".join(buf), spans


def labels(attrs: dict[str, str] | None) -> tuple[int, int]:
    if attrs is None:
        return 0, 0
    cls, tense, aspect = attrs.get("class"), attrs.get("tense"), attrs.get("aspect")
    realis = attrs.get("polarity", "POS") == "POS" and attrs.get("modality", "none") in ("", "none")
    occ = cls in HAPPENING and realis and (tense == "PAST" or aspect in ("PERFECTIVE", "PERFECTIVE_PROGRESSIVE"))
    rep = cls == "REPORTING" and realis and tense in ("PAST", "PRESENT")
    return int(occ), int(rep)


def examples(files: list[Path]) -> tuple[list[dict[str, int]], np.ndarray, list[int]]:
    nlp = load_pipeline()
    X: list[dict[str, int]] = []
    Y: list[tuple[int, int]] = []
    groups: list[int] = []
    for k, path in enumerate(files):
        text, spans = read(path)
        doc = nlp(text)
        for sent in doc.sents:
            for tok in candidates(sent):
                a, b = tok.idx, tok.idx + len(tok.text)
                attrs = next((s[2] for s in spans if s[0] < b and a < s[1]), None)
                X.append(dict.fromkeys(features(tok), 1))
                Y.append(labels(attrs))
                groups.append(k)
    return X, np.array(Y), groups


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tbaq", type=Path, default=Path("../shared/data/tempeval3-tbaq"))
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)
    train_files = sorted((args.tbaq / "TimeBank").glob("*.tml"))
    test_files = sorted((args.tbaq / "AQUAINT").glob("*.tml"))
    Xtr, Ytr, groups = examples(train_files)
    Xte, Yte, _ = examples(test_files)
    counts = Counter(f for x in Xtr for f in x)
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    Xtr = [{f: v for f, v in x.items() if f in keep} for x in Xtr]
    vec = DictVectorizer()
    A = vec.fit_transform(Xtr)
    B = vec.transform(Xte)
    names = vec.get_feature_names_out()
    out = {"about": "events/happening.py: logistic regressions over spaCy token features, trained on TimeBank "
                    "(TempEval-3 TBAQ-cleaned), scored on AQUAINT (held out); built by scripts/train_happening_model.py",
           "source": "../shared/data/tempeval3-tbaq (PROVENANCE.md: qiangning/StructTempRel-EMNLP17 "
                     "d6518a5a79d940d749c95ee5b72830714b132238, TempEval-3 training release)",
           "spacy_model": "en_core_web_sm (dateline.nlp.load_pipeline)",
           "train_tokens": int(A.shape[0]), "test_tokens": int(B.shape[0]), "features": len(names), "heads": {}}
    for h, head in enumerate(HEADS):
        y = Ytr[:, h]
        cv = {}
        for c in C_GRID:
            losses = []
            for tr, va in GroupKFold(5).split(A, y, groups):
                m = LogisticRegression(C=c, max_iter=2000).fit(A[tr], y[tr])
                losses.append(log_loss(y[va], m.predict_proba(A[va])[:, 1], labels=[0, 1]))
            cv[c] = float(np.mean(losses))
        best_c = min(cv, key=cv.get)
        m = LogisticRegression(C=best_c, max_iter=2000).fit(A, y)
        p = m.predict_proba(B)[:, 1]
        held = {"average_precision": round(float(average_precision_score(Yte[:, h], p)), 4),
                "f1_at_0.5": round(float(f1_score(Yte[:, h], p >= 0.5)), 4),
                "positives": int(Yte[:, h].sum()), "base_rate": round(float(Yte[:, h].mean()), 4)}
        w = {str(n): round(float(x), 4) for n, x in zip(names, m.coef_[0], strict=True) if abs(x) >= 1e-4}
        out["heads"][head] = {"C": best_c, "cv_log_loss": {str(k): round(v, 4) for k, v in cv.items()},
                              "aquaint": held, "intercept": round(float(m.intercept_[0]), 4), "weights": w}
        print(f"{head}: C={best_c} AQUAINT {held}", file=sys.stderr)
    args.out.write_text(json.dumps(out, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
