"""``dateline evaluate stories``: story detection on a pooled pile against its story families.

The pile: T17 topic folders pooled into one input (a family is the part of the folder name
before ``_``: one story told by several outlets, which must end in one story) and, with
``--corpus``, the articles of a ``tests/corpora/<name>/index.jsonl`` split (its ``story``
field is the family). Phase 1 is the tls evaluator's cached ``pipeline.analyze_documents``
(T17) or ``pipeline.analyze_documents`` cached here (corpora); detection is
``pipeline.split_stories``, the call ``dateline analyze`` makes.

Scores (rejected articles left out, unassigned ones as stories of one): adjusted Rand index
(scikit-learn), purity and inverse purity, B-cubed precision/recall/F, and per family the
number of stories holding at least 5% of its articles.

Families: ``dev`` (default; tuning) are every T17 family but the ``BLIND`` ones, plus the
corpus stories; ``blind`` adds the blind families, scored once at the end. ``--lofo`` runs
the grid on the dev pile and on random sub-piles of 100 and 30 of its articles (a threshold
must hold for small piles too), scores each family by its articles' B-cubed F (mean over the
piles holding it) and, for each family, chooses the grid point with the best mean score of the
*other* families (the left-out family's articles are in the pile, as unlabelled articles always
are, but its labels play no part) and reports that family's score at that point: the left-out
score. The defaults in settings.toml are the point with the best mean over every dev family.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from statistics import mean
from typing import Any

from ..model import Document, RawDocument, document_from_dict, to_dict
from ..pipeline import analyze_documents, split_stories
from ..settings import Settings
from ..stories import StoryOptions, StoryPartition
from . import tls

# T17 families kept for the blind score (scored once, at the end, with the setting chosen on dev)
BLIND = ("MJ", "haiti")
SPLIT_SHARE = 0.05  # a story holding at least this share of a family's articles counts as one of its stories
# the defaults first; merge (tried 0.02, 0.025, 0.03) and neighbours (5, 10) lost; absorb (0, 0.05 .. 0.2),
# absorb_share (0.1, 0.25) and merge_in_time were gridded in round 6 with --grid (off by default: see settings.toml)
GRID: dict[str, list[Any]] = {
    "threshold": [0.025, 0.02, 0.03],
    "time_scale_days": [60.0, 0.0, 365.0],
    "entity_weight": [0.3, 0.5],
}
SMALL_PILES = ((100, 2), (30, 2))  # (articles, piles): random sub-piles every grid point is also scored on


def family_of_topic(topic: str) -> str:
    return topic.split("_")[0]


def t17_pile(dataset: Path, families: set[str] | None, blind: bool, any_cache: bool = False,
             used: dict[str, str] | None = None) -> tuple[list[Document], dict[str, str]]:
    """The pooled T17 articles (ids ``<topic>/<id>``) and each id's family. ``any_cache``: the
    newest cached phase 1 of each topic whatever code wrote it (default: this code's, computed
    when missing); ``used`` gets, per topic, which one was read (``tls.cache_state``)."""
    docs: list[Document] = []
    fam: dict[str, str] = {}
    for topic in sorted(p for p in dataset.iterdir() if (p / "InputDocs").is_dir()):
        f = family_of_topic(topic.name)
        if f in BLIND and not blind:
            continue
        if families is not None and f not in families:
            continue
        if used is not None:
            used[topic.name] = tls.cache_state(topic, any_version=any_cache)
        for d in tls.load_topic(topic, any_version=any_cache):
            d.id = f"{topic.name}/{d.id}"
            docs.append(d)
            fam[d.id] = f
    return docs, fam


def corpus_pile(index: Path, split: str, used: dict[str, str] | None = None) -> tuple[list[Document], dict[str, str]]:
    """The articles of a split of a corpus index (ids ``<corpus>/<id>``), phase 1 cached on this
    code. ``split``: one split name, several comma-separated, or ``all``. ``used`` gets, under
    the corpus name, whether the cache was read or phase 1 computed now."""
    root = Path(".")
    rows = [json.loads(line) for line in index.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = set(split.split(","))
    rows = [r for r in rows if split == "all" or r.get("split") in wanted]
    raws = []
    for r in rows:
        path = root / r["path"]
        text = path.read_text(encoding="utf-8", errors="replace")
        is_html = path.suffix.lower() in (".html", ".htm")
        raws.append(RawDocument(id=f"{index.parent.name}/{r['id']}", source=str(path), text=None if is_html else text,
                                html=text if is_html else None, url=r.get("url"), published=r.get("published")))
    h = hashlib.sha256(tls._source_key().encode())
    for r in raws:
        h.update(r.id.encode())
        h.update((r.text or r.html or "").encode("utf-8", "replace"))
    cache = tls.CACHE.parent / "stories" / f"{index.parent.name}-{split}-{h.hexdigest()[:16]}.json"
    if used is not None:
        used[index.parent.name] = "current code (cached)" if cache.exists() else "computed now"
    if cache.exists():
        docs = [document_from_dict(d) for d in json.loads(cache.read_text())]
    else:
        docs = analyze_documents(raws)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(to_dict(docs)))
    return docs, {f"{index.parent.name}/{r['id']}": r["story"] for r in rows}


# ---------------------------------------------------------------- scores


def corpus_arg(value: str, default_split: str) -> tuple[Path, str]:
    """``INDEX.jsonl`` or ``INDEX.jsonl:SPLIT`` (a split name, comma-separated names or ``all``)."""
    path, sep, split = value.rpartition(":")
    if sep and path.endswith(".jsonl"):
        return Path(path), split
    return Path(value), default_split


def per_corpus(part: StoryPartition, fam: dict[str, str], source: dict[str, str]) -> dict[str, Any]:
    """Per pooled source (``source``: document id -> a corpus name, or ``t17``): ARI over its articles (their stories as the
    pile split them, the corpus stories as truth) and B-cubed of its stories (their precision
    counts every other article in the same detected story)."""
    from sklearn.metrics import adjusted_rand_score

    rejected = {r["id"] for r in part.rejected}
    ids = [i for i in fam if i not in rejected]
    cl = clusters_of(part, ids)
    by: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        by[source.get(i, "t17")].append(i)
    out = {}
    for name, sub in sorted(by.items()):
        b3 = scores(part, fam, {fam[i] for i in sub})
        out[name] = {"documents": len(sub), "families": len({fam[i] for i in sub}),
                     "ari": adjusted_rand_score([fam[i] for i in sub], [cl[i] for i in sub]), **b3}
    return out


def clusters_of(part: StoryPartition, ids: list[str]) -> dict[str, str]:
    """Document id -> cluster (its story, or a cluster of its own when unassigned)."""
    lab = part.labels()
    return {i: lab.get(i, "unassigned:" + i) for i in ids}


def scores(part: StoryPartition, fam: dict[str, str], only: set[str] | None = None) -> dict[str, Any]:
    """ARI, purity, inverse purity and B-cubed of the partition against the families.

    ``only``: B-cubed averaged over the articles of these families (their precision still
    counts every other article in their stories): the per-family score LOFO uses."""
    from sklearn.metrics import adjusted_rand_score

    rejected = {r["id"] for r in part.rejected}
    ids = [i for i in fam if i not in rejected]
    cl = clusters_of(part, ids)
    members: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        members[cl[i]].append(i)
    fam_size = Counter(fam[i] for i in ids)
    p_sum = r_sum = 0.0
    scored = [i for i in ids if only is None or fam[i] in only]
    for i in scored:
        mates = members[cl[i]]
        same = sum(1 for j in mates if fam[j] == fam[i])
        p_sum += same / len(mates)
        r_sum += same / fam_size[fam[i]]
    bp = p_sum / len(scored) if scored else 0.0
    br = r_sum / len(scored) if scored else 0.0
    out: dict[str, Any] = {"bcubed_p": bp, "bcubed_r": br, "bcubed_f": 2 * bp * br / (bp + br) if bp + br else 0.0}
    if only is not None:
        return out
    purity = sum(Counter(fam[j] for j in m).most_common(1)[0][1] for m in members.values()) / len(ids)
    by_fam: dict[str, Counter[str]] = defaultdict(Counter)
    for i in ids:
        by_fam[fam[i]][cl[i]] += 1
    inverse = sum(c.most_common(1)[0][1] for c in by_fam.values()) / len(ids)
    split = {f: sum(1 for n in c.values() if n >= SPLIT_SHARE * fam_size[f]) for f, c in sorted(by_fam.items())}
    out.update(ari=adjusted_rand_score([fam[i] for i in ids], [cl[i] for i in ids]), purity=purity,
               inverse_purity=inverse, stories=len(part.stories), unassigned=len(part.unassigned),
               rejected=len(rejected), documents=len(ids), families=len(fam_size), stories_per_family=split)
    return out


def detect(docs: list[Document], point: dict[str, Any]) -> StoryPartition:
    """``pipeline.split_stories`` with the story settings of one grid point."""
    settings = Settings()
    settings.stories = dataclasses.replace(StoryOptions(), **point)
    return split_stories(docs, settings)


def samples(docs: list[Document], size: int, n: int, seed: int = 0) -> list[list[Document]]:
    """``n`` random piles of ``size`` articles (seeded): a threshold must hold for small piles too."""
    import random

    rng = random.Random(seed)
    return [rng.sample(docs, size) for _ in range(n)] if size < len(docs) else []


def lofo(docs: list[Document], fam: dict[str, str], grid: dict[str, list[Any]],
         small: tuple[tuple[int, int], ...] = SMALL_PILES) -> dict[str, Any]:
    """The grid on the pile (and on the random sub-piles of ``small``); per family, the point
    chosen on the other families (mean B-cubed F over the piles) and its score there."""
    names = list(grid)
    points = [dict(zip(names, v, strict=True)) for v in itertools.product(*(grid[n] for n in names))]
    families = sorted(set(fam.values()))
    piles = [docs] + [p for k, (size, n) in enumerate(small) for p in samples(docs, size, n, seed=k)]
    rows = []
    for point in points:
        parts = [detect(p, point) for p in piles]
        part = parts[0]
        row = {"point": point, "all": scores(part, fam),
               "small_piles_bcubed_f": [scores(p, {d.id: fam[d.id] for d in pile})["bcubed_f"]
                                        for p, pile in zip(parts[1:], piles[1:], strict=True)]}

        def fam_f(only: set[str], parts: list[StoryPartition] = parts) -> float:
            vals = []
            for p, pile in zip(parts, piles, strict=True):
                sub = {d.id: fam[d.id] for d in pile}
                if any(f in only for f in sub.values()):
                    vals.append(scores(p, sub, only)["bcubed_f"])
            return mean(vals) if vals else 0.0

        row["family"] = {f: fam_f({f}) for f in families}
        row["others"] = {f: mean(v for g, v in row["family"].items() if g != f) for f in families}
        rows.append(row)
        print(f"  {point}: ARI {row['all']['ari']:.3f} B3-F {row['all']['bcubed_f']:.3f} "
              f"small piles B3-F {[round(x, 3) for x in row['small_piles_bcubed_f']]} "
              f"stories {row['all']['stories']} per family {row['all']['stories_per_family']}", file=sys.stderr)
    left_out = {}
    for f in families:
        best = max(range(len(rows)), key=lambda k: (rows[k]["others"][f], -k))
        left_out[f] = {"point": rows[best]["point"], "bcubed_f": rows[best]["family"][f],
                       "pile_ari": rows[best]["all"]["ari"]}
    overall = max(range(len(rows)), key=lambda k: (mean(rows[k]["family"].values()), -k))
    return {"grid": rows, "left_out": left_out, "left_out_mean_bcubed_f": mean(v["bcubed_f"] for v in left_out.values()),
            "chosen_on_all": rows[overall]["point"], "tuned_on": rows[overall]["all"]}


def tls_check(dataset: Path, part: StoryPartition, fam: dict[str, str], topics: list[str] | None = None,
              any_cache: bool = False) -> dict[str, Any]:
    """Per T17 timeline of the pile: ROUGE of the timeline built from the articles of its folder
    that are in the folder's main story (the story holding most of them) against the timeline
    built from the whole folder (the tls evaluator's ``run_story`` on both)."""
    labels = part.labels()
    rows = []
    pooled_topics = sorted({i.split("/")[0] for i in fam if "/" in i and (dataset / i.split("/")[0]).is_dir()})
    for task in tls.find_tasks(dataset, topics or pooled_topics):
        if task.topic.name not in pooled_topics:
            continue
        docs = tls.load_topic(task.topic, any_version=any_cache)
        counts = Counter(labels.get(f"{task.topic.name}/{d.id}") for d in docs)
        counts.pop(None, None)
        main = counts.most_common(1)[0][0] if counts else None
        kept = [d for d in docs if labels.get(f"{task.topic.name}/{d.id}") == main]
        gold = tls.read_timeline(task.timeline)
        kw = task.topic / "keywords.json"
        keywords = json.loads(kw.read_text()) if kw.exists() else None
        alone = tls.score(tls.system_timeline(tls.run_story(task, docs, gold, keywords)), gold)
        story = tls.score(tls.system_timeline(tls.run_story(task, kept, gold, keywords)), gold)
        row = {"timeline": task.name, "articles": len(docs), "in_story": len(kept),
               "ar1_f_alone": alone["ar1_f"], "ar1_f_story": story["ar1_f"],
               "ar2_f_alone": alone["ar2_f"], "ar2_f_story": story["ar2_f"]}
        rows.append(row)
        print(f"  {task.name}: {len(kept)}/{len(docs)} articles in its story; AR1 F {alone['ar1_f']:.4f} alone, "
              f"{story['ar1_f']:.4f} from the story", file=sys.stderr)
    out: dict[str, Any] = {"rows": rows}
    if rows:
        out["mean"] = {k: mean(r[k] for r in rows) for k in ("ar1_f_alone", "ar1_f_story", "ar2_f_alone", "ar2_f_story")}
        out["mean"]["ar1_f_drop"] = out["mean"]["ar1_f_alone"] - out["mean"]["ar1_f_story"]
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dataset", type=Path, nargs="?", default=Path("../shared/data/timeline17"),
                        help="T17-format folder whose topic folders are pooled (default: ../shared/data/timeline17)")
    parser.add_argument("--corpus", action="append", default=[], metavar="INDEX.jsonl[:SPLIT]",
                        help="also pool this corpus index (its 'story' field is the family); repeatable, any number; "
                             "':SPLIT' picks its splits (a name, comma-separated names or 'all'; default --corpus-split)")
    parser.add_argument("--corpus-split", default="tune",
                        help="the corpus splits pooled when --corpus names none: a name, comma-separated names or "
                             "'all' (default: tune); never a split that is this round's blind check")
    parser.add_argument("--families", default=None, help="comma-separated T17 families to pool (default: the dev ones)")
    parser.add_argument("--blind", action="store_true",
                        help=f"pool the blind families ({', '.join(BLIND)}) too and score them: ONCE, at the end")
    parser.add_argument("--lofo", action="store_true", help="grid with leave-one-family-out choice (see the module doc)")
    parser.add_argument("--grid", default=None, help="with --lofo: JSON {setting: [values]} instead of stories.GRID")
    parser.add_argument("--set", dest="point", default=None,
                        help='JSON of story settings to score, e.g. {"threshold": 0.04} (default: settings.toml)')
    parser.add_argument("--tls", default=None, metavar="TOPICS",
                        help="also score each pooled T17 timeline built from its folder's main story against the "
                             "folder alone: 'all' or comma-separated topic folders (slow: phase 2 twice per timeline)")
    parser.add_argument("--fresh-cache", action="store_true",
                        help="phase 1 of this code, computed when not cached (the default; kept for old commands)")
    parser.add_argument("--any-cache", action="store_true",
                        help="T17 phase 1: the newest cached one of each topic whatever code wrote it (fast, may be "
                             "STALE: the output's phase1_cache says so)")


def run(args: argparse.Namespace) -> int:
    families = set(args.families.split(",")) if args.families else None
    used: dict[str, str] = {}
    any_cache = args.any_cache and not args.fresh_cache
    docs, fam = t17_pile(args.dataset, families, args.blind, any_cache=any_cache, used=used)
    source: dict[str, str] = {}
    for value in args.corpus:
        index, split = corpus_arg(value, args.corpus_split)
        d, f = corpus_pile(index, split, used=used)
        docs += d
        fam.update(f)
        source.update((i, index.parent.name) for i in f)
    stale = sorted(k for k, v in used.items() if v.startswith("STALE"))
    print(f"pile: {len(docs)} articles, {len(set(fam.values()))} families; phase 1: "
          + (f"STALE cache for {', '.join(stale)}" if stale else "this code's"), file=sys.stderr)
    if args.lofo:
        res = lofo(docs, fam, json.loads(args.grid) if args.grid else GRID)
        res.pop("grid") if not args.json else None
        out: dict[str, Any] = res
    else:
        point = json.loads(args.point) if args.point else {}
        part = detect(docs, point)
        out = {"point": point, "scores": scores(part, fam), "per_corpus": per_corpus(part, fam, source),
               "per_family_bcubed_f": {f: scores(part, fam, {f})["bcubed_f"] for f in sorted(set(fam.values()))}}
        if args.blind:
            out["blind_families_bcubed"] = {f: scores(part, fam, {f}) for f in BLIND}
        if args.tls:
            out["tls"] = tls_check(args.dataset, part, fam, None if args.tls == "all" else args.tls.split(","),
                                   any_cache)
    out["phase1"] = "STALE (--any-cache read older code's phase 1)" if stale else "this code"
    out["phase1_cache"] = used
    print(json.dumps(out, indent=1, default=str))
    return 0
