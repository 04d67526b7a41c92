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
(``claims.extract.doc_statements``): the statement rules pair only named speakers.

``--kinds`` also sorts every gold disagreement by what kind of clash it is (``kind_of``, read from
the gold's own topic and sides, never from the system): ``numeric`` (one quantity, date, age,
duration, time, price or score told with two values), ``attribute`` (one happening given two
places, outcomes, causes, ways, identities), ``statement`` (an assertion against a denial, doubt or
negation) and ``opinion`` (two judgements), and prints causes per kind. Only for development
golds: never run it on a blind split.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dateline.claims.extract import doc_statements  # noqa: E402
from dateline.evaluate.claims import analyze_articles, locate_all, match_disagreements  # noqa: E402
from dateline.model import Disagreement, Document, Side, Span  # noqa: E402


def _sentence(d: Document, pos: int) -> tuple[int, int] | None:
    return next(((s0, s1) for s0, s1 in d.sentences if s0 <= pos < s1), None)


_NUMERIC_TOPIC = re.compile(r"(?:how many|how long|when|date|day|price|base price|shots|address|.*prison term|.*record: )", re.I)
_ATTRIBUTE_TOPIC = re.compile(r"(?:where|why|which|what|whom|who|how|instrument|condition|cause|the cause|extent|the \w+ of|"
                              r".*'s first|.*university)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|no|never|nothing|none|unfounded|untrue|dismissed|denies|innocent|ruse|pretend\w*|feigned|"
                      r"act to avoid|misled|only wanted|has no|knew nothing|no record|unknown)\b|n't", re.I)


def kind_of(g: dict) -> str:
    """The kind of a gold disagreement from its topic and sides' ``says`` (a rough reading of the
    annotation, for the audit only): numeric | attribute | statement | opinion."""
    topic = g.get("topic", "")
    if g.get("kind") == "numeric" or _NUMERIC_TOPIC.match(topic):
        return "numeric"
    if _ATTRIBUTE_TOPIC.match(topic):
        return "attribute"
    if any(_NEGATED.search(s.get("says", "")) for s in g["sides"]):
        return "statement"
    return "opinion"


def audit(gold: dict, data: Path, kinds: bool = False) -> Counter:
    """Counts of causes (see the module doc) over the gold's disagreements."""
    articles = sorted(gold["articles"])
    docs, path_of, report = analyze_articles([data / a for a in articles])
    by_rel = {str(Path(path_of[d.id]).relative_to(data)): d for d in docs}
    cache: dict[str, tuple[str, list[int]]] = {}
    named_cache: dict[str, list] = {}
    causes: Counter = Counter()
    for g in gold.get("disagreements", []):
        kind = f"[{kind_of(g)}] " if kinds else ""
        if kinds:
            causes[f"{kind}(gold)"] += 1
            causes[f"{kind}(sides in one document)"] += len({s["doc"] for s in g["sides"]}) == 1
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
            causes[f"{kind}evidence lost in cleaning"] += 1
            continue
        if match_disagreements([g], report.disagreements, by_rel, cache)[0]:
            causes[f"{kind}hit"] += 1
            continue
        perfect = Disagreement(id="x", topic="", kind=g["kind"], sides=sides, why="")
        if not match_disagreements([g], [perfect], by_rel, cache)[0]:
            causes[f"{kind}scorer rejects a perfect pair"] += 1
            continue
        ids = {s.evidence.doc for s in sides}
        touching = any({s.evidence.doc for s in x.sides} & ids for x in report.disagreements)
        where = "system disagreement on its documents, other sentences" if touching else "no system disagreement on its documents"
        causes[f"{kind}{where} (sides with a named speaker: {named}/{len(sides)})"] += 1
    causes["(system disagreements)"] = len(report.disagreements)
    return causes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--data", default=".")
    ap.add_argument("--kinds", action="store_true", help="also sort the gold disagreements by kind (kind_of)")
    args = ap.parse_args()
    total: Counter = Counter()
    for path in args.gold:
        c = audit(json.loads(Path(path).read_text(encoding="utf-8")), Path(args.data), args.kinds)
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
