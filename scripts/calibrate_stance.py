"""Choose ``claims.contradict.THRESHOLD`` on the TUNE golds with one corpus left out.

    PYTHONPATH=src python scripts/calibrate_stance.py [--corpora ecbplus,tbaq,t17]

Each tune corpus (ECB+ tune, tbaq_news tune, T17 claims dev) is analysed once through
``dateline evaluate claims`` (the pipeline) with the threshold at 0, so that every candidate pair
the stance model judges is in the report with its probability; the statement disagreements are
then filtered at each threshold of the grid and scored by the same evaluator. For each corpus
left out, the threshold with the best pooled disagreement F1 on the other corpora is chosen and
the left-out corpus is scored at it. Blind golds are never read.
"""

from __future__ import annotations

import argparse
import copy
import json
from pathlib import Path

from dateline.claims import contradict
from dateline.evaluate import claims as ev

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "ecbplus": (ROOT / "tests/gold/ecbplus/claims.tune.json", ROOT),
    "tbaq": (ROOT / "tests/gold/tbaq_news/claims.tune.json", ROOT),
    "t17": (ROOT / "tests/gold/claims_t17.json", None),
}
SHOW = False
GRID = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]  # 1.01: the model adds nothing


def analyze(paths: list[Path]):
    """``evaluate claims``' own analysis (``analyze_articles``) with the per-document phase cached."""
    from dateline.evaluate import analyze_documents_cached
    from dateline.ingest import read_inputs
    from dateline.pipeline import analyze_story

    raws, path_of = [], {}
    for p in paths:
        for r in read_inputs([str(p)]):
            r.id = f"{p.parents[2].name}_{p.parent.name}_{r.id}"
            path_of[r.id] = str(p)
            raws.append(r)
    docs = analyze_documents_cached(raws, "calibrate_stance", disable=ev.DISABLE)
    return docs, path_of, analyze_story(docs, disable=ev.DISABLE)


def sweep(name: str) -> dict[float, dict]:
    gold_path, data = CORPORA[name]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    data = data or ev.DEFAULT_DATA
    real = ev.analyze_articles
    contradict.THRESHOLD = 0.0
    docs, path_of, report = analyze([data / a for a in sorted(gold["articles"])])
    if SHOW:
        for g in report.disagreements:
            if (p := contradict.model_probability(g)) is not None and p >= 0.1:
                print(f"  {name} p={p:.2f} {g.sides[0].source!r}: {g.sides[0].says[:110]!r}\n"
                      f"        vs {g.sides[1].source!r}: {g.sides[1].says[:110]!r}")
    out = {}
    for t in GRID:
        rep = copy.copy(report)
        rep.disagreements = [g for g in report.disagreements
                             if (p := contradict.model_probability(g)) is None or p >= t]
        ev.analyze_articles = lambda paths, rep=rep: (docs, path_of, rep)
        try:
            r = ev.score(gold, data)
        finally:
            ev.analyze_articles = real
        gold_n = r["gold_disagreements"]
        hit = round((r["disagreement_recall"] or 0) * gold_n)
        sysn = r["system_disagreements"]
        used = round((r["disagreement_precision"] or 0) * sysn)
        out[t] = {"hit": hit, "gold": gold_n, "system": sysn, "used": used,
                  "claim_precision": r["claim_precision"], "claim_recall": r["claim_recall"]}
    return out


def f1(hit: int, gold: int, used: int, system: int) -> float:
    r = hit / gold if gold else 0.0
    p = used / system if system else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default=",".join(CORPORA))
    ap.add_argument("--show", action="store_true", help="print the model-judged pairs (tune data only)")
    ap.add_argument("--no-model", action="store_true", help="only warm the cache and score the rules")
    args = ap.parse_args(argv)
    global SHOW
    SHOW = args.show
    if args.no_model:
        contradict.ENABLED = False
    names = args.corpora.split(",")
    res = {n: sweep(n) for n in names}
    for n in names:
        print(n, " ".join(f"t={t}: {v['hit']}/{v['gold']} P {v['used']}/{v['system']}" for t, v in res[n].items()))
    for left in names:
        rest = [n for n in names if n != left]

        def pooled(t: float, rest: list[str] = rest) -> float:
            return f1(*(sum(res[n][t][k] for n in rest) for k in ("hit", "gold", "used", "system")))

        best = max(GRID, key=lambda t: (pooled(t), t))  # ties: the higher threshold (fewer claims)
        v, base = res[left][best], res[left][1.01]
        print(f"left out {left}: chosen t={best} (pooled F1 on {'+'.join(rest)} {pooled(best):.3f}); "
              f"{left} recall {v['hit']}/{v['gold']} precision {v['used']}/{v['system']} "
              f"(without the model {base['hit']}/{base['gold']}, {base['used']}/{base['system']})")
    allbest = max(GRID, key=lambda t: (f1(*(sum(res[n][t][k] for n in names) for k in ("hit", "gold", "used", "system"))), t))
    print(f"all corpora: best t={allbest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
