"""Choose the figure-slot rule's MIN_CONTEXT leaving each story out, and report the left-out score.

    python scripts/calibrate_slots.py tests/gold/ecbplus_r5/claims.blind.json [more golds] --data .

Runs the pipeline as ``dateline evaluate claims`` does (``evaluate.claims.analyze_articles``, one
run per gold), takes the figures the slot rule compares (``disagree.slot_claims``) of each story
folder, and for every grid value pairs them with ``disagree.slot_pairs``; each pair is one system
disagreement, matched to the gold by the scorer's ``match_disagreements``. For each story the
value is chosen on the other stories (most gold hits at pair precision >= 0.5, else "off") and
that story's count is added to the left-out total. Only for development golds.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dateline.claims.disagree import _context_similarity, slot_claims, slot_pairs  # noqa: E402
from dateline.evaluate.claims import analyze_articles, match_disagreements  # noqa: E402
from dateline.model import Disagreement, Side  # noqa: E402

GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
OFF = 2.0  # no pair reaches a cosine above 1


def story_counts(gold: dict, data: Path, name: str) -> dict[str, dict[float, tuple[int, int, int, int]]]:
    """story -> threshold -> (gold hit, system matched, system, gold) for one gold file."""
    docs, path_of, report = analyze_articles([data / a for a in sorted(gold["articles"])])
    by_rel = {str(Path(path_of[d.id]).relative_to(data)): d for d in docs}
    by_id = {d.id: d for d in docs}
    folder = {d.id: Path(path_of[d.id]).parent.name for d in docs}
    claims = slot_claims(report.claims, by_id)
    similar = _context_similarity(claims, by_id)
    out: dict[str, dict[float, tuple[int, int, int, int]]] = {}
    for story in sorted(set(folder.values())):
        cs = [c for c in claims if c.evidence and folder.get(c.evidence.doc) == story]
        gds = [g for g in gold.get("disagreements", []) if all(Path(s["doc"]).parent.name == story for s in g["sides"])]
        row = {}
        for t in (*GRID, OFF):
            pairs = slot_pairs(cs, by_id, similar, t)
            sys_ds = [Disagreement(id=str(i), topic="", kind="numeric",
                                   sides=[Side(a.source, "", a.evidence), Side(b.source, "", b.evidence)])
                      for i, (a, b) in enumerate(pairs)]
            hit, used = match_disagreements(gds, sys_ds, by_rel, {})
            row[t] = (hit, len(used), len(sys_ds), len(gds))
        out[f"{name}/{story}"] = row
    return out


def choose(rows: dict[str, dict[float, tuple[int, int, int, int]]]) -> float:
    """The grid value with most gold hits at pair precision >= 0.5 over ``rows`` (OFF if none)."""
    best, best_hits = OFF, 0
    for t in GRID:
        hit = sum(r[t][0] for r in rows.values())
        used = sum(r[t][1] for r in rows.values())
        n = sum(r[t][2] for r in rows.values())
        if n and used / n >= 0.5 and hit > best_hits:
            best, best_hits = t, hit
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--data", default=".")
    args = ap.parse_args()
    rows: dict[str, dict[float, tuple[int, int, int, int]]] = {}
    for path in args.gold:
        rows.update(story_counts(json.loads(Path(path).read_text(encoding="utf-8")), Path(args.data), Path(path).parent.name))
    print("threshold: gold hit/gold, matched/system pairs (all stories, in-sample)")
    for t in GRID:
        print(f"  {t:.1f}: {sum(r[t][0] for r in rows.values())}/{sum(r[t][3] for r in rows.values())}, "
              f"{sum(r[t][1] for r in rows.values())}/{sum(r[t][2] for r in rows.values())}")
    left: dict[str, list[int]] = {}
    for story, row in rows.items():
        t = choose({k: v for k, v in rows.items() if k != story})
        hit, used, n, g = row[t]
        acc = left.setdefault(story.split("/")[0], [0, 0, 0, 0])
        for i, x in enumerate((hit, used, n, g)):
            acc[i] += x
        print(f"left out {story}: chose {'off' if t == OFF else t}, hit {hit}/{g}, matched {used}/{n}")
    for name, (hit, used, n, g) in left.items():
        print(f"LEFT-OUT {name}: recall {hit}/{g}, precision {used}/{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
