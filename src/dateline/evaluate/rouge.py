"""Timeline ROUGE metrics of Martschat & Markert (2017), as computed by tilse 0.2.1.

Our own implementation of tilse's ``TimelineRougeEvaluator`` with
``rouge_computation="reimpl"``: concat, agreement, align (date costs), align+ (date and
content costs) and align+ m:1 ROUGE-1/2, plus date F1. Tokens are whitespace-split (the
gold timelines are PTB-tokenized), lower-cased, stripped of the SMART stop list and a few
punctuation tokens, and Porter-stemmed (NLTK), exactly as tilse does; the injective
alignments use SciPy's Hungarian solver. tests/test_tls_metrics.py checks the numbers
against tilse itself when it is installed.

A timeline here is ``dict[datetime.date, list[str]]`` (sentences as space-separated
tokens); a ground truth is a list of such timelines.
"""

from __future__ import annotations

import datetime as dt
import string
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
from nltk.stem import PorterStemmer
from scipy import optimize

from .rouge_stopwords import SMART_COMMON_WORDS

Timeline = dict[dt.date, list[str]]
MEASURES = ("rouge_1", "rouge_2")
METRICS = ("concat", "agreement", "align_date_costs", "align_date_content_costs", "align_date_content_costs_many_to_one")
_PUNCT = frozenset([".", ",", ";", ":", "``", "''", "-", '"'])
_IGNORE = SMART_COMMON_WORDS | _PUNCT
_STEMMER = PorterStemmer()


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    try:
        return _STEMMER.stem(word)
    except IndexError:  # NLTK raises on a few odd strings; tilse keeps the word then
        return word


def _tokens(sents: Sequence[Sequence[str]]) -> list[str]:
    return [_stem(k.lower()) for sent in sents for k in sent if k.lower() not in _IGNORE]


def f_score(prec: float, rec: float, beta: float = 1.0) -> float:
    if prec + rec == 0:
        return 0.0
    return (1 + beta**2) * prec * rec / (beta**2 * prec + rec)


def rouge_counts(pred: Sequence[Sequence[str]], refs: Sequence[Sequence[Sequence[str]]]) -> dict[str, tuple[float, int, int]]:
    """ROUGE-1/2 (hits, precision denominator, recall denominator) of tokenized sentences."""
    p = _tokens(pred)
    rs = [_tokens(r) for r in refs]
    out = {}
    for n, name in ((1, "rouge_1"), (2, "rouge_2")):
        pc = Counter(zip(*(p[i:] for i in range(n)), strict=False))
        rcs = [Counter(zip(*(r[i:] for i in range(n)), strict=False)) for r in rs]
        hits = sum(min(c, rc[g]) for g, c in pc.items() for rc in rcs)
        out[name] = (hits, len(rcs) * sum(pc.values()), sum(sum(rc.values()) for rc in rcs))
    return out


def rouge_approximation(pred: Sequence[str], refs: Sequence[Sequence[str]]) -> float:
    """tilse's cheap ROUGE-1 F1 used in the content part of the alignment costs (no stemming)."""
    pc: Counter[str] = Counter(k for s in pred for k in s.split() if k not in string.punctuation)
    rcs = [Counter(k for s in r for k in s.split() if k not in string.punctuation) for r in refs]
    match = sum(min(c, rc[t]) for t, c in pc.items() for rc in rcs)
    pden = len(rcs) * sum(pc.values())
    rden = sum(sum(rc.values()) for rc in rcs)
    prec = match / pden if pden else 0.0
    rec = match / rden if rden else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def _split(sents: Sequence[str]) -> list[list[str]]:
    return [s.split() for s in sents]


def _ref_at(refs: Sequence[Timeline], date: dt.date) -> list[list[list[str]]]:
    return [_split(r.get(date, [])) for r in refs]


def _prf(pn: float, pd: float, rn: float, rd: float) -> dict[str, float]:
    prec = pn / pd if pd else 0.0
    rec = rn / rd if rd else 0.0
    return {"precision": prec, "recall": rec, "f_score": f_score(prec, rec)}


def concat(pred: Timeline, refs: Sequence[Timeline]) -> dict[str, dict[str, float]]:
    ps = [s.split() for d in sorted(pred) for s in pred[d]]
    rs = [[s.split() for d in sorted(r) for s in r[d]] for r in refs]
    c = rouge_counts(ps, rs)
    return {m: _prf(c[m][0], c[m][1], c[m][0], c[m][2]) for m in MEASURES}


def agreement(pred: Timeline, refs: Sequence[Timeline]) -> dict[str, dict[str, float]]:
    ref_dates = set().union(*(r.keys() for r in refs))
    acc = {m: [0.0, 0, 0.0, 0] for m in MEASURES}
    for date in set(pred) | ref_dates:
        c = rouge_counts(_split(pred.get(date, [])), _ref_at(refs, date))
        for m in MEASURES:
            if date in pred:
                acc[m][0] += c[m][0]
                acc[m][1] += c[m][1]
            if date in ref_dates:
                acc[m][2] += c[m][0]
                acc[m][3] += c[m][2]
    return {m: _prf(*acc[m]) for m in MEASURES}


def _date_cost(a: dt.date, b: dt.date) -> float:
    return 1 - 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def _costs(pred_dates: list[dt.date], ref_dates: list[dt.date], pred: Timeline, refs: Sequence[Timeline],
           content: bool, axis: int) -> np.ndarray:
    rows, cols = (pred_dates, ref_dates) if axis == 0 else (ref_dates, pred_dates)
    out = np.zeros((len(rows), len(cols)))
    for i, a in enumerate(rows):
        for j, b in enumerate(cols):
            cost = _date_cost(a, b)
            if content:
                dp, dr = (a, b) if axis == 0 else (b, a)
                cost *= 1 - rouge_approximation(pred.get(dp, []), [r.get(dr, []) for r in refs])
            out[i, j] = cost
    return out


def _min_cost(costs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return np.arange(len(costs)), np.array([row.argmin() for row in costs], dtype=int)


def _aligned(pred: Timeline, refs: Sequence[Timeline], content: bool,
             assign: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]) -> dict[str, dict[str, float]]:
    pred_dates = sorted(pred)
    ref_dates = sorted(set().union(*(r.keys() for r in refs)))
    acc = {m: [0.0, 0, 0.0, 0] for m in MEASURES}
    if pred_dates and ref_dates:
        prow, pcol = assign(_costs(pred_dates, ref_dates, pred, refs, content, 0))
        rrow, rcol = assign(_costs(pred_dates, ref_dates, pred, refs, content, 1))
    else:
        prow = pcol = rrow = rcol = np.array([], dtype=int)
    for r, c in zip(prow, pcol, strict=True):
        pd_, rd_ = pred_dates[r], ref_dates[c]
        w = 1 / (abs(pd_.toordinal() - rd_.toordinal()) + 1)
        cnt = rouge_counts(_split(pred[pd_]), _ref_at(refs, rd_))
        for m in MEASURES:
            acc[m][0] += w * cnt[m][0]
            acc[m][1] += cnt[m][1]
    for i in sorted(set(range(len(pred_dates))) - set(prow.tolist())):
        cnt = rouge_counts(_split(pred[pred_dates[i]]), [[[""]] for _ in refs])
        for m in MEASURES:
            acc[m][0] += cnt[m][0]
            acc[m][1] += cnt[m][1]
    for r, c in zip(rrow, rcol, strict=True):
        pd_, rd_ = pred_dates[c], ref_dates[r]
        w = 1 / (abs(pd_.toordinal() - rd_.toordinal()) + 1)
        cnt = rouge_counts(_split(pred[pd_]), _ref_at(refs, rd_))
        for m in MEASURES:
            acc[m][2] += w * cnt[m][0]
            acc[m][3] += cnt[m][2]
    for i in sorted(set(range(len(ref_dates))) - set(rrow.tolist())):
        cnt = rouge_counts([[""]], _ref_at(refs, ref_dates[i]))
        for m in MEASURES:
            acc[m][2] += cnt[m][0]
            acc[m][3] += cnt[m][2]
    return {m: _prf(*acc[m]) for m in MEASURES}


def align_date_costs(pred: Timeline, refs: Sequence[Timeline]) -> dict[str, dict[str, float]]:
    return _aligned(pred, refs, False, optimize.linear_sum_assignment)


def align_date_content_costs(pred: Timeline, refs: Sequence[Timeline]) -> dict[str, dict[str, float]]:
    return _aligned(pred, refs, True, optimize.linear_sum_assignment)


def align_date_content_costs_many_to_one(pred: Timeline, refs: Sequence[Timeline]) -> dict[str, dict[str, float]]:
    return _aligned(pred, refs, True, _min_cost)


def date_scores(pred: Timeline, refs: Sequence[Timeline]) -> dict[str, float]:
    pd_ = set(pred)
    rd = set().union(*(r.keys() for r in refs))
    both = len(pd_ & rd)
    prec = both / len(pd_) if pd_ else 0.0
    rec = both / len(rd) if rd else 0.0
    return {"precision": prec, "recall": rec, "f_score": f_score(prec, rec)}


def evaluate_all(pred: Timeline, refs: Sequence[Timeline], metrics: Sequence[str] = METRICS) -> dict[str, dict]:
    """Every metric of ``metrics`` (names as in tilse) plus ``date`` scores."""
    funcs = {
        "concat": concat,
        "agreement": agreement,
        "align_date_costs": align_date_costs,
        "align_date_content_costs": align_date_content_costs,
        "align_date_content_costs_many_to_one": align_date_content_costs_many_to_one,
    }
    out: dict[str, dict] = {name: funcs[name](pred, refs) for name in metrics}
    out["date"] = date_scores(pred, refs)
    return out
