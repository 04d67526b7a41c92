"""Coreference scores of a response partition against a key partition over the same mentions:
MUC (Vilain et al. 1995), B-cubed (Bagga & Baldwin 1998), CEAF-e (Luo 2005) and their mean, the
CoNLL F1 (Pradhan et al. 2012/2014).

Written here because no maintained scorer installs from the project's PyPI index (the reference
scorer is Perl; ``scorch`` is not in the index). Both partitions must cover the same mentions
(the gold-mention setting); the functions take ``{mention: cluster id}`` maps.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable

from scipy.optimize import linear_sum_assignment


def clusters(assign: dict[Hashable, Hashable]) -> list[set[Hashable]]:
    """{mention: cluster id} -> the clusters as sets."""
    out: dict[Hashable, set[Hashable]] = defaultdict(set)
    for m, c in assign.items():
        out[c].add(m)
    return list(out.values())


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _muc_side(a: list[set[Hashable]], b_of: dict[Hashable, Hashable]) -> float:
    num = den = 0
    for c in a:
        parts = {b_of.get(m, ("alone", m)) for m in c}
        num += len(c) - len(parts)
        den += len(c) - 1
    return num / den if den else 0.0


def muc(key: dict[Hashable, Hashable], response: dict[Hashable, Hashable]) -> tuple[float, float, float]:
    """(precision, recall, F1) by links: a chain of n mentions has n-1 links."""
    r = _muc_side(clusters(key), response)
    p = _muc_side(clusters(response), key)
    return p, r, _f(p, r)


def b_cubed(key: dict[Hashable, Hashable], response: dict[Hashable, Hashable]) -> tuple[float, float, float]:
    """(precision, recall, F1) averaged over mentions."""
    kc = {m: c for c in clusters(key) for m in c}
    rc = {m: c for c in clusters(response) for m in c}
    ms = list(key)
    if not ms:
        return 0.0, 0.0, 0.0
    r = sum(len(kc[m] & rc[m]) / len(kc[m]) for m in ms) / len(ms)
    p = sum(len(kc[m] & rc[m]) / len(rc[m]) for m in ms) / len(ms)
    return p, r, _f(p, r)


def ceaf_e(key: dict[Hashable, Hashable], response: dict[Hashable, Hashable]) -> tuple[float, float, float]:
    """(precision, recall, F1): the best one-to-one alignment of chains, similarity
    phi4 = 2|K & R| / (|K| + |R|)."""
    k, r = clusters(key), clusters(response)
    if not k or not r:
        return 0.0, 0.0, 0.0
    sim = [[2 * len(a & b) / (len(a) + len(b)) for b in r] for a in k]
    rows, cols = linear_sum_assignment(sim, maximize=True)
    total = sum(sim[i][j] for i, j in zip(rows, cols, strict=True))
    p, rec = total / len(r), total / len(k)
    return p, rec, _f(p, rec)


def conll(key: dict[Hashable, Hashable], response: dict[Hashable, Hashable]) -> dict[str, float]:
    """MUC, B3 and CEAF-e F1 and their mean (CoNLL F1), rounded to 4 places, with P and R."""
    out: dict[str, float] = {}
    for name, fn in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        p, r, f = fn(key, response)
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = round(p, 4), round(r, 4), round(f, 4)
    out["conll_f1"] = round((out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3, 4)
    return out
