"""Calibrate ``claims.accounts`` (conflicting accounts of one happening) leaving one story out.

    python scripts/calibrate_accounts.py cache GOLD.json... --to DIR     # run the pipeline once per story
    python scripts/calibrate_accounts.py grid DIR --tune r5 r6 --check r4 r3t r3b

``cache`` runs what ``dateline evaluate claims`` runs (``evaluate.claims``: the pipeline minus the
timeline stage, each of the gold's stories as one story) and pickles each story's documents and
disagreements to DIR/<name>.pkl (name: the gold's folder). ``grid`` recomputes the accounts rule's
disagreements for each setting of the grid on the cached documents, adds them to the story's other
disagreements as ``find_disagreements`` does, and scores them with the evaluator's matching
(``evaluate.claims.match_disagreements``). Leave-one-story-out over the tune golds' stories: for
each story and attribute the setting with the most right minus wrong disagreements on the other
stories (what it adds must be right more often than not; ties: the stricter setting) is scored on it; the sum over the left-out stories is the reported score. The check golds are scored
once with the setting chosen on all tune stories, and never inspected.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _name(gold_path: str) -> str:
    p = Path(gold_path)
    return f"{p.parent.name}_{p.stem.split('.')[-1]}"


def cache(golds: list[str], out: Path, data: Path) -> None:
    from dateline.evaluate.claims import DISABLE, story_groups
    from dateline.ingest import read_inputs
    from dateline.pipeline import analyze_documents, analyze_story

    out.mkdir(parents=True, exist_ok=True)
    for g in golds:
        gold = json.loads(Path(g).read_text())
        paths = [data / a for a in sorted(gold["articles"])]
        stories = []
        for group in story_groups(paths):
            raws, path_of = [], {}
            for p in group:
                for r in read_inputs([str(p)]):
                    r.id = f"{p.parents[2].name}_{p.parent.name}_{r.id}"
                    path_of[r.id] = str(Path(p).relative_to(data))
                    raws.append(r)
            docs = analyze_documents(raws, disable=DISABLE)
            rep = analyze_story(docs, disable=DISABLE)
            stories.append({"name": group[0].parent.name, "docs": docs, "path_of": path_of,
                            "disagreements": rep.disagreements, "entities": rep.entities})
        with open(out / f"{_name(g)}.pkl", "wb") as fh:
            pickle.dump({"gold": g, "stories": stories}, fh)
        print("cached", g, len(stories), "stories", file=sys.stderr)


COSINES = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01]  # 1.01: the attribute off
# each attribute's own options besides its cosine (``conflicting_accounts`` keywords)
OPTIONS: dict[str, list[dict[str, Any]]] = {
    "duration": [{"max_ratio": 4.0}, {"max_ratio": 2.5}],
    "condition": [{}],
    "damage": [{}],
    "legal": [{"plea_vs_charge": True}, {"plea_vs_charge": False}],
    "date": [{}],
}


def _settings(attribute: str) -> list[dict[str, Any]]:
    """The grid of one attribute, the others off; stricter settings later (ties go to them)."""
    out = []
    for opt in OPTIONS[attribute]:
        for t in COSINES:
            out.append({"attributes": (attribute,), "min_cosine": {attribute: t}, **opt})
    return out


def _score_story(story: dict[str, Any], gold: dict[str, Any], params: dict[str, Any], cache_: dict,
                 show: bool = False) -> tuple[int, int, int]:
    """(gold disagreements found, system disagreements right, system disagreements) of one story."""
    from dateline.claims.accounts import conflicting_accounts
    from dateline.claims.contradict import covered
    from dateline.evaluate.claims import match_disagreements

    docs = story["docs"]
    rel = story["path_of"]
    by_rel = {rel[d.id]: d for d in docs}
    chosen = set(by_rel)
    gds = [g for g in gold["disagreements"] if all(s["doc"] in chosen for s in g["sides"])]
    base = list(story["disagreements"])
    new = conflicting_accounts(sorted(docs, key=lambda d: d.id), story["entities"], **params)
    sys_ds = base + [g for g in new if not covered(g, base)]
    for i, g in enumerate(sys_ds):
        g.id = f"x{i}"
    hit, used = match_disagreements(gds, sys_ds, by_rel, cache_, show)
    return hit, len(used), len(sys_ds)


def _memo_encode() -> None:
    """Embed each sentence once for the whole grid (the settings share the stories' sentences)."""
    import numpy as np

    from dateline import embed

    original = embed.encode
    memo: dict[str, np.ndarray] = {}

    def encode(texts, batch_size=embed.BATCH_SIZE):  # type: ignore[no-untyped-def]
        todo = [t for t in dict.fromkeys(texts) if t not in memo]
        if todo:
            memo.update(zip(todo, original(todo, batch_size), strict=True))
        return np.stack([memo[t] for t in texts]) if texts else original(texts)

    embed.encode = encode


def _load(folder: Path, names: list[str]) -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    out = []
    for name in names:
        blob = pickle.loads((folder / f"{name}.pkl").read_bytes())
        gold = json.loads(Path(blob["gold"]).read_text())
        for st in blob["stories"]:
            out.append((name, f"{name}/{st['name']}", st, gold))
    return out


def _combined(choice: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One ``conflicting_accounts`` setting from each attribute's chosen setting."""
    cos = {a: c["min_cosine"][a] for a, c in choice.items()}
    extra = {k: v for c in choice.values() for k, v in c.items() if k not in ("attributes", "min_cosine")}
    return {"attributes": tuple(choice), "min_cosine": cos, **extra}


def grid(folder: Path, tune: list[str], check: list[str], show: bool = False) -> dict[str, Any]:
    _memo_encode()
    stories = _load(folder, tune + check)
    tune_st = [x for x in stories if x[0] in tune]
    cache_: dict = {}
    gold_n = {key: sum(all(s["doc"] in set(st["path_of"].values()) for s in g["sides"]) for g in gold["disagreements"])
              for _, key, st, gold in stories}
    # per attribute, per setting, per tune story: (found, right, system)
    table: dict[str, list[dict[str, tuple[int, int, int]]]] = {}
    for attr in OPTIONS:
        table[attr] = [{key: _score_story(st, gold, p, cache_) for _, key, st, gold in tune_st} for p in _settings(attr)]

    def net(attr: str, k: int, keys: list[str]) -> int:
        """Right minus wrong disagreements: a setting gains only what it adds at precision above 1/2."""
        right = sum(table[attr][k][x][1] for x in keys)
        return 2 * right - sum(table[attr][k][x][2] for x in keys)

    def choose(keys: list[str]) -> dict[str, dict[str, Any]]:
        return {a: _settings(a)[max(range(len(table[a])), key=lambda k: (net(a, k, keys), k))] for a in OPTIONS}

    keys_all = [key for _, key, _, _ in tune_st]
    out: dict[str, Any] = {"per_attribute_tune": {}}
    for attr in OPTIONS:
        rows = {}
        for k, p in enumerate(_settings(attr)):
            h = sum(table[attr][k][x][0] for x in keys_all)
            r = sum(table[attr][k][x][1] for x in keys_all)
            n = sum(table[attr][k][x][2] for x in keys_all)
            rows[json.dumps({x: y for x, y in p.items() if x != "attributes"})] = f"{h} found, {r}/{n} right"
        out["per_attribute_tune"][attr] = rows
    loso: dict[str, Any] = {}
    for _, key, st, gold in tune_st:
        setting = _combined(choose([x for x in keys_all if x != key]))
        h, right, n = _score_story(st, gold, setting, cache_, show)
        loso[key] = {"setting": setting, "found": h, "gold": gold_n[key], "right": right, "system": n}
    out["loso"] = loso
    for g in tune:
        keys = [x for x in loso if x.startswith(g + "/")]
        out[f"left_out {g}"] = {"recall": f"{sum(loso[x]['found'] for x in keys)}/{sum(loso[x]['gold'] for x in keys)}",
                                "precision": f"{sum(loso[x]['right'] for x in keys)}/{sum(loso[x]['system'] for x in keys)}"}
    chosen = _combined(choose(keys_all))
    out["chosen_on_all_tune"] = chosen
    off = {"attributes": (), "min_cosine": {}}
    for g in tune + check:
        for label, p in (("before", off), ("after", chosen)):
            h = r = n = ng = 0
            for name, key, st, gold in stories:
                if name == g:
                    x = _score_story(st, gold, p, cache_, False)
                    h, r, n, ng = h + x[0], r + x[1], n + x[2], ng + gold_n[key]
            out[f"{g} {label}"] = {"recall": f"{h}/{ng}", "precision": f"{r}/{n}"}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("cache")
    c.add_argument("golds", nargs="+")
    c.add_argument("--to", required=True)
    c.add_argument("--data", default=".")
    g = sub.add_parser("grid")
    g.add_argument("folder")
    g.add_argument("--tune", nargs="+", required=True)
    g.add_argument("--check", nargs="*", default=[])
    g.add_argument("--show", action="store_true", help="misses and false hits of the tune golds (first setting)")
    a = ap.parse_args()
    if a.cmd == "cache":
        cache(a.golds, Path(a.to), Path(a.data))
    else:
        print(json.dumps(grid(Path(a.folder), a.tune, a.check, a.show), indent=1))


if __name__ == "__main__":
    main()
