"""Why gold disagreements are missed: one cause per gold disagreement of a claims gold.

    python scripts/audit_disagreements.py tests/gold/ecbplus_r7/claims.blind.json [more golds] --data .

Runs the pipeline exactly as ``dateline evaluate claims`` does (``evaluate.claims.analyze_articles``,
one run per story of the gold) and sorts every gold disagreement into one cause:

- ``hit``: the scorer matches a system disagreement to it;
- ``evidence lost in cleaning``: a side's quote is not in the cleaned text (no system can hit it);
- ``scorer rejects a perfect pair``: a disagreement whose sides are exactly the two sentences
  holding the gold quotes is not matched (a scorer bug, if it ever counts);
- ``no system disagreement on its documents``: no candidate at all;
- ``system disagreement on its documents, other sentences``: a candidate, but not these sides.

Each miss also tells how many of its two side sentences hold a named speaker
(``claims.extract.doc_statements``): the statement rules pair only named speakers. Only for
development golds: never run it on a blind split.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dateline.claims.extract import doc_statements  # noqa: E402
from dateline.evaluate.claims import analyze_articles, locate_all, match_disagreements  # noqa: E402
from dateline.model import Disagreement, Document, Side, Span  # noqa: E402


def _sentence(d: Document, pos: int) -> tuple[int, int] | None:
    return next(((s0, s1) for s0, s1 in d.sentences if s0 <= pos < s1), None)


def audit(gold: dict, data: Path) -> Counter:
    """Counts of causes (see the module doc) over the gold's disagreements."""
    articles = sorted(gold["articles"])
    docs, path_of, report = analyze_articles([data / a for a in articles])
    by_rel = {str(Path(path_of[d.id]).relative_to(data)): d for d in docs}
    cache: dict[str, tuple[str, list[int]]] = {}
    named_cache: dict[str, list] = {}
    causes: Counter = Counter()
    for g in gold.get("disagreements", []):
        sides, named = [], 0
        for s in g["sides"]:
            d = by_rel.get(s["doc"])
            occ = locate_all(d.text, s["evidence"], cache) if d else []
            sent = _sentence(d, occ[0][0]) if d and occ else None
            if sent is None:
                break
            sides.append(Side(source=s.get("source"), says="", evidence=Span(d.id, *sent)))
            stmts = named_cache.setdefault(d.id, doc_statements(d))
            named += any(src for _, src, (a, b) in stmts if a < sent[1] and sent[0] < b)
        if len(sides) != len(g["sides"]):
            causes["evidence lost in cleaning"] += 1
            continue
        if match_disagreements([g], report.disagreements, by_rel, cache)[0]:
            causes["hit"] += 1
            continue
        perfect = Disagreement(id="x", topic="", kind=g["kind"], sides=sides, why="")
        if not match_disagreements([g], [perfect], by_rel, cache)[0]:
            causes["scorer rejects a perfect pair"] += 1
            continue
        ids = {s.evidence.doc for s in sides}
        touching = any({s.evidence.doc for s in x.sides} & ids for x in report.disagreements)
        where = "system disagreement on its documents, other sentences" if touching else "no system disagreement on its documents"
        causes[f"{where} (sides with a named speaker: {named}/{len(sides)})"] += 1
    causes["(system disagreements)"] = len(report.disagreements)
    return causes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--data", default=".")
    args = ap.parse_args()
    total: Counter = Counter()
    for path in args.gold:
        c = audit(json.loads(Path(path).read_text(encoding="utf-8")), Path(args.data))
        print(path)
        for k, v in c.most_common():
            print(f"  {v:4d}  {k}")
        total += c
    if len(args.gold) > 1:
        print("all")
        for k, v in total.most_common():
            print(f"  {v:4d}  {k}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
