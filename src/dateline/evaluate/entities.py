"""``dateline evaluate entities GOLD.json``: cross-document entity linking against a hand-made gold set.

The gold (tests/gold/entities_*.json) lists real articles and, by surface form:
  ``groups``  alias sets that name one referent (must merge);
  ``apart``   pairs of surfaces that name different referents (must never merge);
  ``places``  place names with their true coordinates (``lat``/``lon`` null: must stay unresolved).

The articles go through the pipeline's own stages (``pipeline.analyze_documents``/``analyze_story``
with the stages entity linking does not need disabled: clean -> annotate -> mentions -> entities),
the stories formed by ``--grouping`` (``evaluate.grouping``; by default detected as ``dateline
analyze`` does): entities are linked within a story, never across two. A gold surface maps to the system entity holding most
of the mentions written exactly that way. Scores:
  pairwise merge recall     = same-group surface pairs in one system entity / all same-group pairs;
  pairwise merge precision  = merged pairs that share a gold group / all merged pairs among gold
                              surfaces (pairs across groups and ``apart`` pairs);
  place accuracy            = places within ``--km`` of the truth (or correctly unresolved);
  place id accuracy         = places the gold gives a GeoNames id whose system place has that id;
  type accuracy             = gold groups (with a ``type``) whose surfaces' system entity has the same
                              coarse type (GPE/LOC/FAC count as one class: place).
``--limit N`` scores the first N articles of the gold list (pairs with a surface absent
from those articles are skipped).

A gold with ``mentions`` (offsets and chain ids, tests/gold/ecbplus_coref/entity_coref.*.json) is scored
as coreference instead: see ``evaluate.entity_coref``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..entities.spans import title_before
from ..model import Document, Entity
from .grouping import DEFAULT_GROUPING, add_grouping_argument, run_stories

ROOT = Path(__file__).resolve().parents[3]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", help="gold JSON (tests/gold/entities_libya.json)")
    parser.add_argument("--data", default=None, help="root the gold's article paths are relative to")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--km", type=float, default=25.0, help="place tolerance in km")
    parser.add_argument("--verbose", action="store_true", help="coreference golds: list each gold mention's system entity")
    parser.add_argument("--no-cache", action="store_true", help="do not reuse the cached per-document stages (~/.cache/dateline/entities_docs)")
    add_grouping_argument(parser)


def _data_root(gold_path: Path, arg: str | None, declared: str | None = None) -> Path:
    """Root the gold's article paths hang from: ``--data``, else the gold's ``data_root`` (relative to
    the repo root, as GOLD_SPEC defines it), else the shared T17 data folder."""
    if arg:
        return Path(arg)
    if declared:
        cand = Path(declared)
        return cand if cand.is_absolute() else ROOT / cand
    for cand in (ROOT.parent / "shared" / "data", gold_path.resolve().parent.parent.parent.parent / "shared" / "data"):
        if cand.exists():
            return cand
    return ROOT.parent / "shared" / "data"


# The stages entity linking does not need: disabled, never re-implemented.
DISABLE = ("pubdate", "timexes", "reconcile_dates", "timeline", "claims")


def analyse(paths: list[Path], ids: list[str], use_cache: bool = True,
            grouping: str = "one") -> tuple[list[Document], list[Entity], dict[str, Any]]:
    """The articles through the pipeline's own stages (``dateline analyze`` minus ``DISABLE``):
    clean -> annotate -> mentions per document (cached on inputs, code and settings), then the
    stories ``grouping`` forms (``evaluate.grouping``; ``run`` passes ``--grouping``, a direct call
    such as the coreference scorer's reads the chosen articles as one story), entities linked within each story (entity
    ids prefixed with the story's number when there are several); also the grouping's ``meta``.
    Story detection reads publication dates, so ``detect`` keeps the ``pubdate`` stage on."""
    from ..ingest.files import read_file
    from . import analyze_documents_cached

    raws = []
    for path, doc_id in zip(paths, ids, strict=True):
        for raw in read_file(path):
            raw.id = doc_id
            raws.append(raw)
    disable = tuple(s for s in DISABLE if s != "pubdate") if grouping == "detect" else DISABLE
    docs = analyze_documents_cached(raws, "entities_docs", disable=disable, use_cache=use_cache)
    t0 = time.perf_counter()
    run = run_stories(docs, grouping, paths=dict(zip(ids, map(str, paths), strict=True)), disable=disable)
    print(f"linked {len(docs)} documents in {time.perf_counter() - t0:.2f}s "
          f"(stages disabled: {', '.join(disable)})", file=sys.stderr)
    return [d for d in run.documents if d.status == "ok"], run.report.entities, run.meta()


def surface_owner(docs: list[Document], entities: list[Entity]) -> dict[str, str]:
    """Surface text -> id of the entity holding most mentions written that way.

    A mention the text writes right after a title that the mention leaves out ("Mr. LaRue",
    "President Nixon", "Det. Smith": the system's span is the bare name, ``spans.title_before`` reads
    the title with the entity lexicon's ``TITLE_RE`` words) is also counted under the titled surface
    "<title> <name>" (whitespace collapsed to one space), so a gold alias written with its title matches
    the mentions written that way. The bare surface keeps all its mentions, titled or not."""
    text = {d.id: d.text for d in docs}
    counts: dict[str, Counter[str]] = {}
    for e in entities:
        for sp in e.mentions:
            s = text[sp.doc][sp.start:sp.end]
            counts.setdefault(s, Counter())[e.id] += 1
            title = title_before(text[sp.doc], sp.start)
            if title:
                titled = " ".join(f"{title} {s}".split())
                counts.setdefault(titled, Counter())[e.id] += 1
    return {s: max(c, key=lambda i: (c[i], i)) for s, c in counts.items()}


def _coarse_type(label: str) -> str:
    return "PLACE" if label in ("GPE", "LOC", "FAC") else label


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def score(gold: dict[str, Any], docs: list[Document], entities: list[Entity], km: float = 25.0) -> dict[str, Any]:
    owner = surface_owner(docs, entities)
    present = set(owner)
    group_of: dict[str, int] = {}
    for gi, g in enumerate(gold.get("groups", [])):
        for s in g["aliases"]:
            group_of[s] = gi
    surfaces = sorted(s for s in group_of if s in present)

    same_total = same_hit = 0
    merged = merged_ok = 0
    false_merges: list[list[str]] = []
    missed: list[list[str]] = []
    for a, b in itertools.combinations(surfaces, 2):
        together = owner[a] == owner[b]
        if group_of[a] == group_of[b]:
            same_total += 1
            same_hit += together
            if not together:
                missed.append([a, b])
        if together:
            merged += 1
            if group_of[a] == group_of[b]:
                merged_ok += 1
            else:
                false_merges.append([a, b])
    apart_checked = 0
    apart_violations: list[list[str]] = []
    for a, b, *why in gold.get("apart", []):
        if a in present and b in present:
            apart_checked += 1
            if owner[a] == owner[b]:
                apart_violations.append([a, b, *why])
                if not (a in group_of and b in group_of):
                    merged += 1
                    false_merges.append([a, b])
            elif not (a in group_of and b in group_of):
                pass
    ents = {e.id: e for e in entities}
    places_total = places_ok = 0
    place_rows: list[dict[str, Any]] = []
    for p in gold.get("places", []):
        if p["name"] not in present:
            continue
        places_total += 1
        ent = ents[owner[p["name"]]]
        if p.get("lat") is None:
            ok = ent.geo is None
            dist = None
        else:
            dist = None if ent.geo is None else _km(p["lat"], p["lon"], ent.geo.lat, ent.geo.lon)
            ok = dist is not None and dist <= km
        places_ok += ok
        place_rows.append({"name": p["name"], "ok": bool(ok), "km": None if dist is None else round(dist, 1),
                           "geo": None if ent.geo is None else [ent.geo.lat, ent.geo.lon, ent.geo.gazetteer_id]})
    # places the gold ties to a GeoNames id: the system's place carries that id (a country is one referent
    # whatever point stands for it; reported beside the km score, never instead of it)
    ids_total = ids_ok = 0
    for p in gold.get("places", []):
        if p.get("geonames") is None or p["name"] not in present:
            continue
        ids_total += 1
        ent = ents[owner[p["name"]]]
        ids_ok += bool(ent.geo is not None and ent.geo.gazetteer_id == f"geonames:{p['geonames']}")
    types_total = types_ok = 0
    type_wrong: list[list[str]] = []
    for g in gold.get("groups", []):
        found = [s for s in g["aliases"] if s in present]
        if not g.get("type") or not found:
            continue
        votes = Counter(owner[s] for s in found)
        ent = ents[max(votes, key=lambda i: (votes[i], i))]
        types_total += 1
        if _coarse_type(ent.type) == _coarse_type(g["type"]):
            types_ok += 1
        else:
            type_wrong.append([g["name"], g["type"], ent.type])
    precision = merged_ok / merged if merged else 1.0
    recall = same_hit / same_total if same_total else 0.0
    return {
        "documents": len(docs),
        "entities": len(entities),
        "mentions": sum(len(d.mentions) for d in docs),
        "gold_surfaces_found": len(surfaces),
        "gold_surfaces_missing": sorted(s for s in group_of if s not in present),
        "merge_precision": round(precision, 4),
        "merge_recall": round(recall, 4),
        "merge_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "same_pairs": same_total,
        "merged_pairs": merged,
        "apart_pairs_checked": apart_checked,
        "apart_violations": apart_violations,
        "false_merges": false_merges,
        "missed_merges": missed,
        "place_accuracy": round(places_ok / places_total, 4) if places_total else None,
        "places_scored": places_total,
        "place_id_accuracy": round(ids_ok / ids_total, 4) if ids_total else None,
        "place_ids_scored": ids_total,
        "type_accuracy": round(types_ok / types_total, 4) if types_total else None,
        "types_scored": types_total,
        "type_wrong": type_wrong,
        "places": place_rows,
    }


def score_stories(gold: dict[str, Any], docs: list[Document], entities: list[Entity], stories: list[list[str]],
                  km: float = 25.0) -> dict[str, Any]:
    """``score`` of each story's own documents and entities, pooled: a reader sees one report per
    story, so a gold pair is judged inside each story whose articles hold both surfaces (a surface
    of two stories names one entity in each; one owner over the pile would count their pair as a
    missed merge). One story: exactly ``score``. Counts add up, rates are recomputed from them."""
    if len(stories) <= 1:
        return score(gold, docs, entities, km=km)
    parts = []
    for ids in stories:
        keep = set(ids)
        sdocs = [d for d in docs if d.id in keep]
        sents = [e for e in entities if e.mentions and e.mentions[0].doc in keep]
        parts.append(score(gold, sdocs, sents, km=km))

    def total(key: str) -> int:
        return sum(p[key] for p in parts)

    def hits(rate: str, n: str) -> int:
        return sum(round((p[rate] or 0.0) * p[n]) for p in parts)

    same, merged = total("same_pairs"), total("merged_pairs")
    recall = hits("merge_recall", "same_pairs") / same if same else 0.0
    precision = hits("merge_precision", "merged_pairs") / merged if merged else 1.0
    out: dict[str, Any] = {
        "documents": total("documents"), "entities": total("entities"), "mentions": total("mentions"),
        "gold_surfaces_found": total("gold_surfaces_found"),
        "gold_surfaces_missing": sorted(set.intersection(*(set(p["gold_surfaces_missing"]) for p in parts))),
        "merge_precision": round(precision, 4), "merge_recall": round(recall, 4),
        "merge_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "same_pairs": same, "merged_pairs": merged, "apart_pairs_checked": total("apart_pairs_checked"),
    }
    for rate, n in (("place_accuracy", "places_scored"), ("place_id_accuracy", "place_ids_scored"),
                    ("type_accuracy", "types_scored")):
        k = total(n)
        out[rate] = round(hits(rate, n) / k, 4) if k else None
        out[n] = k
    for key in ("apart_violations", "false_merges", "missed_merges", "type_wrong", "places"):
        out[key] = [x for p in parts for x in p[key]]
    return out


def run(args: argparse.Namespace) -> int:
    gold_path = Path(args.gold)
    gold = json.loads(gold_path.read_text())
    root = _data_root(gold_path, args.data, gold.get("data_root"))
    if "mentions" in gold:
        from .entity_coref import run_coref

        return run_coref(gold, root, args)
    articles = list(gold["articles"])
    if args.limit:
        articles = articles[: args.limit]
    paths = [root / a for a in articles]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"missing articles under {root}: {missing[:3]}...", file=sys.stderr)
        return 2
    ids = [_doc_id(a) for a in articles]
    t0 = time.perf_counter()
    docs, entities, grouping = analyse(paths, ids, use_cache=not args.no_cache,
                                       grouping=getattr(args, "grouping", DEFAULT_GROUPING))
    result = score_stories(gold, docs, entities, grouping["documents"], km=args.km)
    result["grouping"] = grouping
    result["seconds"] = round(time.perf_counter() - t0, 2)
    if args.json:
        print(json.dumps(result))
    else:
        for k in ("documents", "entities", "mentions", "gold_surfaces_found", "merge_precision", "merge_recall",
                  "merge_f1", "same_pairs", "merged_pairs", "apart_pairs_checked", "place_accuracy", "places_scored",
                  "place_id_accuracy", "place_ids_scored",
                  "type_accuracy", "types_scored",
                  "seconds"):
            print(f"{k:24s} {result[k]}")
        for name in ("false_merges", "apart_violations", "missed_merges", "type_wrong", "gold_surfaces_missing"):
            print(f"{name}: {result[name]}")
        for row in result["places"]:
            if not row["ok"]:
                print(f"place wrong: {row}")
    return 0


def _doc_id(path: str) -> str:
    """'timeline17/<topic>/InputDocs/<day>/280.htm.txt' -> '<topic>_280'."""
    parts = Path(path).parts
    stem = Path(path).name.split(".")[0]
    if "InputDocs" in parts and parts.index("InputDocs") > 0:
        return f"{parts[parts.index('InputDocs') - 1]}_{stem}"
    return stem
