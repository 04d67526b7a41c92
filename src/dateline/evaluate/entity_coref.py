"""Entity coreference on gold mentions (``dateline evaluate entities`` with a gold that lists
``mentions``, e.g. tests/gold/ecbplus_coref/entity_coref.tune.json built from ECB+'s own annotation).

Each story (the articles of one folder) goes through the same stages as ``evaluate entities``
(``entities.analyse``: the pipeline minus the stages linking does not need). A gold mention takes
the system entity of the system mention overlapping it most (none: a cluster of its own). Scored
within each document (chains cut at document borders) and across the documents of a story, with
MUC, B3, CEAF-e and CoNLL F1 (``coref_metrics``), beside the head-lemma baseline of the ECB+
literature (mentions sharing the lemma of their head word corefer: Upadhyay et al. 2016, Barhom
et al. 2019, Cattan et al. 2021), computed on the same mentions. Heads of proper names are their
last name word ("Central Election Commission" -> "commission"; "Aceh province" -> "aceh"), lower-cased,
a plural or possessive "s" dropped.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..model import Document, Entity
from .coref_metrics import conll

_DESCRIPTORS = frozenset("province district city village town island region county state regency".split())


def head_lemma(text: str) -> str:
    """The head word of a proper-name mention, folded: its last word that is not a lower-case
    place descriptor, without a possessive."""
    words = [w for w in re.findall(r"[\w'’\-]+", text) if w.lower() not in ("s",)]
    while len(words) > 1 and words[-1].lower() in _DESCRIPTORS:
        words.pop()
    if not words:
        return text.lower()
    w = re.sub(r"['’]s?$", "", words[-1]).lower()
    return w[:-1] if w.endswith("s") and len(w) > 3 and not w.endswith("ss") else w


def system_entity(doc: Document | None, by_doc: dict[str, list[tuple[int, int, str]]], s: int, e: int) -> str | None:
    """Id of the entity whose mention overlaps [s, e) most in this document."""
    if doc is None:
        return None
    best, best_len = None, 0
    for a, b, eid in by_doc.get(doc.id, []):
        ov = min(b, e) - max(a, s)
        if ov > best_len:
            best, best_len = eid, ov
    return best


def to_clean_offsets(raw: str, clean: str, s: int, e: int) -> tuple[int, int] | None:
    """Gold offsets into the raw article -> offsets into the cleaned text the pipeline analysed:
    the mention's line is found in the cleaned text (cleaning drops headline and date lines and
    keeps body lines as they are). None when its line was cleaned away."""
    ls = raw.rfind("\n", 0, s) + 1
    le = raw.find("\n", e)
    line = raw[ls:le if le >= 0 else len(raw)].strip()
    if not line:
        return None
    at = clean.find(line)
    if at < 0:
        return None
    shift = at - (ls + (len(raw[ls:]) - len(raw[ls:].lstrip())))
    return s + shift, e + shift


def score_coref(gold: dict[str, Any], stories: dict[str, tuple[list[Document], list[Entity]]],
                doc_ids: dict[str, str], raw: dict[str, str]) -> dict[str, Any]:
    """Within- and cross-document scores of the system and of the lemma baseline."""
    key_wd: dict[int, object] = {}
    key_cd: dict[int, object] = {}
    sys_wd: dict[int, object] = {}
    sys_cd: dict[int, object] = {}
    lem_wd: dict[int, object] = {}
    lem_cd: dict[int, object] = {}
    covered = 0
    in_clean: set[int] = set()
    errors: list[list[str]] = []
    index: dict[str, tuple[str, dict[str, Document], dict[str, list[tuple[int, int, str]]]]] = {}
    for story, (docs, ents) in stories.items():
        by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for ent in ents:
            for sp in ent.mentions:
                by_doc[sp.doc].append((sp.start, sp.end, ent.id))
        for d in docs:
            index[d.id] = (story, {d.id: d}, by_doc)
    for i, m in enumerate(gold["mentions"]):
        did = doc_ids[m["doc"]]
        story, docs_of, by_doc = index.get(did, ("?", {}, {}))
        doc = docs_of.get(did)
        span = to_clean_offsets(raw[m["doc"]], doc.text, m["start"], m["end"]) if doc else None
        if span is not None:
            in_clean.add(i)
        eid = system_entity(doc, by_doc, *span) if span else None
        covered += eid is not None
        resp = ("sys", story, eid) if eid else ("alone", i)
        if span is not None:
            errors.append([did, m["text"], str(m["chain"])[-8:], eid or "-"])
        key_wd[i], key_cd[i] = (did, m["chain"]), (story, m["chain"])
        sys_wd[i], sys_cd[i] = (did, resp), resp
        lem = head_lemma(m["text"])
        lem_wd[i], lem_cd[i] = (did, lem), (story, lem)
    n = len(gold["mentions"])

    def scores(keep: set[int]) -> dict[str, dict[str, dict[str, float]]]:
        def sub(d: dict[int, object]) -> dict[int, object]:
            return {i: v for i, v in d.items() if i in keep}

        return {
            "within_doc": {"system": conll(sub(key_wd), sub(sys_wd)), "lemma_baseline": conll(sub(key_wd), sub(lem_wd))},
            "cross_doc": {"system": conll(sub(key_cd), sub(sys_cd)), "lemma_baseline": conll(sub(key_cd), sub(lem_cd))},
        }

    return {
        "mentions": n,
        "chains": len(set(key_cd.values())),
        "mentions_in_clean_text": round(len(in_clean) / n, 4) if n else None,
        "mentions_covered": round(covered / n, 4) if n else None,
        "all": scores(set(range(n))),
        # the mentions on lines the cleaner keeps (headline and date lines are not analysed for entities)
        "in_clean_text": scores(in_clean),
        "errors": errors,
    }


def run_coref(gold: dict[str, Any], root: Path, args: argparse.Namespace) -> int:
    from .entities import _doc_id, analyse

    articles = list(gold["articles"])
    if args.limit:
        articles = articles[: args.limit]
        keep = set(articles)
        gold = {**gold, "mentions": [m for m in gold["mentions"] if m["doc"] in keep]}
    by_story: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        by_story[Path(a).parent.name].append(a)
    stories: dict[str, tuple[list[Document], list[Entity]]] = {}
    for story, arts in by_story.items():
        paths = [root / a for a in arts]
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            print(f"missing articles under {root}: {missing[:3]}...", file=sys.stderr)
            return 2
        # coreference chains are scored within a gold story: this scorer always runs the folder grouping
        docs, entities, _meta = analyse(paths, [_doc_id(a) for a in arts], use_cache=not args.no_cache, grouping="one")
        stories[story] = (docs, entities)
    if getattr(args, "grouping", "folder") != "folder":
        print(f"grouping: folder (coreference gold; --grouping {args.grouping} is not used here)", file=sys.stderr)
    raw = {a: (root / a).read_text(encoding="utf-8") for a in articles}
    result = score_coref(gold, stories, {a: _doc_id(a) for a in articles}, raw)
    result["grouping"] = {"name": "folder", "stories": len(stories)}
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"mentions {result['mentions']}  chains {result['chains']}  in the cleaned text "
          f"{result['mentions_in_clean_text']}  covered by a system mention {result['mentions_covered']}")
    for mset in ("all", "in_clean_text"):
        for scope in ("within_doc", "cross_doc"):
            for who in ("system", "lemma_baseline"):
                r = result[mset][scope][who]
                print(f"{mset:13s} {scope:10s} {who:15s} MUC {r['muc_f1']:.4f}  B3 {r['b3_f1']:.4f}  "
                      f"CEAF-e {r['ceafe_f1']:.4f}  CoNLL {r['conll_f1']:.4f}")
    if args.verbose:
        for row in result["errors"]:
            print("  ".join(row))
    return 0
