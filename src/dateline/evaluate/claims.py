"""``dateline evaluate claims GOLD.json``: figures, sources and disagreements against a hand-built gold.

The gold (tests/gold/claims_*.json) lists article paths (relative to the shared data folder),
figures and disagreements. Each figure gives the doc, an evidence snippet (a piece of the
sentence, matched after dropping everything but letters and digits, so PTB tokens or
detokenised text both match), the value ``[low, high]``, ``as_of`` and ``source`` (null when
the text names nobody). The annotator listed EVERY figure of each annotated sentence.

Scores (the gold's articles formed into stories by ``--grouping``, ``evaluate.grouping``: by default
as ``dateline analyze`` detects them, then each story through the story phase; ``timeline`` disabled
as it is not scored):
- claim recall: gold figures matched by a system claim of the same doc whose evidence covers
  the gold snippet, with the same value and the same as_of;
- claim precision: over system claims whose evidence covers a gold sentence (the annotated
  sentences, where the gold is exhaustive): the share that match a gold figure (value+as_of);
  ``claims_in_articles`` reports how many claims the system made over the whole articles;
- source accuracy: over matched figures, system source agrees with gold (both null, or the
  words of one contained in the other, ignoring case, "the" and possessives);
- disagreement recall: gold disagreements whose two sides' snippets are each covered by a
  different side of one system disagreement; precision: system disagreements lying in the
  gold articles that match a gold disagreement (the gold lists all the annotator found).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from ..model import Claim, Disagreement, Document
from .grouping import DEFAULT_GROUPING, add_grouping_argument, run_stories, story_groups

__all__ = ["analyze_articles", "locate", "locate_all", "match_disagreements", "score", "source_agrees",
           "story_groups"]

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", help="gold file (tests/gold/claims_*.json)")
    parser.add_argument("--data", default=None, help="folder the gold's article paths are relative to")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles (sorted)")
    parser.add_argument("--show", action="store_true", help="print misses and false hits to stderr")
    add_grouping_argument(parser)


def _norm_map(text: str) -> tuple[str, list[int]]:
    chars, idx = [], []
    for i, ch in enumerate(text):
        if ch.isalnum():
            chars.append(ch.lower())
            idx.append(i)
    return "".join(chars), idx


def locate_all(doc_text: str, snippet: str, cache: dict[str, tuple[str, list[int]]] | None = None) -> list[tuple[int, int]]:
    """Every character span of ``snippet`` in ``doc_text``, comparing letters and digits only
    (live pages repeat entries: any occurrence may be the one the system used)."""
    norm, idx = _norm_map(doc_text) if cache is None else cache.setdefault(doc_text[:64] + str(len(doc_text)), _norm_map(doc_text))
    key, _ = _norm_map(snippet)
    out: list[tuple[int, int]] = []
    if not key:
        return out
    i = norm.find(key)
    while i >= 0:
        out.append((idx[i], idx[i + len(key) - 1] + 1))
        i = norm.find(key, i + 1)
    return out


def locate(doc_text: str, snippet: str, cache: dict[str, tuple[str, list[int]]] | None = None) -> tuple[int, int] | None:
    """The first span of ``snippet`` in ``doc_text`` (see ``locate_all``)."""
    spans = locate_all(doc_text, snippet, cache)
    return spans[0] if spans else None


def _words(s: str | None) -> set[str]:
    s = (s or "").lower().replace("'s", " ").replace("’s", " ")
    return {w for w in re.findall(r"[a-z0-9]+", s) if w not in ("the", "a", "an", "of")}


def source_agrees(gold: str | None, system: str | None) -> bool:
    g, s = _words(gold), _words(system)
    if not g and not s:
        return True
    if not g or not s:
        return False
    return g <= s or s <= g


def gold_source_agrees(item: dict[str, Any], system: str | None) -> bool:
    """The system's source is right when it agrees with the gold's phrase or, where the gold resolves
    the phrase to a named speaker (``source_entity``: "he" -> the spokesman named earlier), with that
    name: the issue asks for the speaker entity or the phrase."""
    if source_agrees(item.get("source"), system):
        return True
    entity = item.get("source_entity")
    return bool(entity and system and item.get("source") is not None and source_agrees(entity, system))


def _same_value(a: list[float], b: list[float]) -> bool:
    return all(abs(float(x) - float(y)) <= 1e-6 * max(1.0, abs(float(y))) for x, y in zip(a, b, strict=True))


def _covers(span: tuple[int, int] | None, start: int, end: int) -> bool:
    return span is not None and start <= span[0] and span[1] <= end


# The one stage the claim scores do not read: disabled, never re-implemented.
DISABLE = ("timeline",)


def analyze_articles(paths: list[Path], grouping: str = DEFAULT_GROUPING) -> tuple[list[Document], dict[str, str], Any]:
    """Run the pipeline (``dateline analyze`` minus ``DISABLE``) on ``paths``, the stories formed by
    ``grouping`` (``evaluate.grouping``: detected as ``analyze`` does by default; ``folder``: each of
    the gold's story folders as one story; ``one``: all as one); doc ids are folder_stem (T17 stems
    repeat). The stories' claims and disagreements are returned in one report, their ids prefixed
    with the story's number when there are several; the third item also carries the grouping's
    ``meta`` as ``report.meta["grouping"]``."""
    from ..ingest import read_inputs
    from ..pipeline import analyze_documents

    path_of: dict[str, str] = {}
    raws = []
    for p in paths:
        for r in read_inputs([str(p)]):
            r.id = f"{p.parents[2].name}_{p.parent.name}_{r.id}"
            path_of[r.id] = str(p)
            raws.append(r)
    docs = analyze_documents(raws, disable=DISABLE)
    run = run_stories(docs, grouping, paths=path_of, disable=DISABLE)
    report = run.report
    report.meta = {**report.meta, "grouping": run.meta()}
    return run.documents, path_of, report


def score(gold: dict[str, Any], data: Path, limit: int | None = None, show: bool = False,
          grouping: str = DEFAULT_GROUPING) -> dict[str, Any]:
    articles = sorted(gold["articles"])
    if limit is not None:
        articles = articles[:limit]
    chosen = set(articles)
    docs, path_of, report = analyze_articles([data / a for a in articles], grouping)
    by_rel = {}
    for d in docs:
        rel = str(Path(path_of[d.id]).relative_to(data))
        by_rel[rel] = d
    cache: dict[str, tuple[str, list[int]]] = {}
    claims_by_doc: dict[str, list[Claim]] = {}
    for c in report.claims:
        if c.evidence:
            claims_by_doc.setdefault(c.evidence.doc, []).append(c)

    figures = [f for f in gold["figures"] if f["doc"] in chosen]
    matched: set[str] = set()
    matched_claim: dict[int, Claim] = {}
    hits = src_ok = 0
    gold_sents: dict[str, list[tuple[int, int]]] = {}
    misses = []
    for f in figures:
        d = by_rel.get(f["doc"])
        spans = locate_all(d.text, f["evidence"], cache) if d else []
        span = spans[0] if spans else None
        if d is None or span is None:
            misses.append({"figure": f, "why": "evidence not found in clean text"})
            continue
        for s0, s1 in d.sentences:
            if s0 <= span[0] < s1:
                gold_sents.setdefault(d.id, []).append((s0, s1))
        found = None
        for c in claims_by_doc.get(d.id, []):
            if c.id in matched or not c.evidence:
                continue
            if any(_covers(sp, c.evidence.start, c.evidence.end) for sp in spans) and _same_value(c.value, f["value"]) and c.as_of == f["as_of"]:
                found = c
                break
        if found is None:
            near = [(c.text, c.value, c.as_of) for c in claims_by_doc.get(d.id, []) if c.evidence and _covers(span, c.evidence.start, c.evidence.end)]
            misses.append({"figure": f, "why": "no claim with that value and as_of", "system": near})
            continue
        matched.add(found.id)
        matched_claim[id(f)] = found
        hits += 1
        if gold_source_agrees(f, found.source):
            src_ok += 1
        elif show:
            print(f"SOURCE gold={f.get('source')!r} system={found.source!r} :: {f['evidence'][:90]}", file=sys.stderr)
    in_sents = []
    for doc_id, sents in gold_sents.items():
        for c in claims_by_doc.get(doc_id, []):
            if any(c.evidence and c.evidence.start < s1 and s0 < c.evidence.end for s0, s1 in sents):
                in_sents.append(c)
    in_sents = list({c.id: c for c in in_sents}.values())
    false_hits = [c for c in in_sents if c.id not in matched]
    if show:
        for m in misses:
            print("MISS", json.dumps(m)[:400], file=sys.stderr)
        for c in false_hits:
            d = next(x for x in docs if x.id == c.evidence.doc)
            print("FALSE", c.text, c.value, c.as_of, c.measure, "::", d.text[c.evidence.start:c.evidence.end][:150], file=sys.stderr)

    # disagreements
    gds = [g for g in gold.get("disagreements", []) if all(s["doc"] in chosen for s in g["sides"])]
    sys_ds: list[Disagreement] = report.disagreements
    dis_hit, used = match_disagreements(gds, sys_ds, by_rel, cache, show)

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    att = score_attributions(gold, chosen, by_rel, cache, show)
    stance_ok = stance_n = 0
    for f in figures:
        c = matched_claim.get(id(f))
        if c is not None and f.get("stance"):
            stance_n += 1
            stance_ok += c.stance == f["stance"]
    shown = [c.source for c in report.claims if c.source] + [s.source for g in sys_ds for s in g.sides if s.source]
    bad = sorted({x for x in shown if not _readable(x)})
    if show:
        for x in bad:
            print("NOT_NP", repr(x), file=sys.stderr)

    return {
        "articles": len(articles),
        "gold_figures": len(figures),
        "claim_recall": ratio(hits, len(figures)),
        "claim_precision": ratio(len(in_sents) - len(false_hits), len(in_sents)),
        "claims_in_gold_sentences": len(in_sents),
        "gold_figures_lost_in_cleaning": sum(1 for m in misses if m["why"].startswith("evidence not found")),
        "claims_in_articles": len(report.claims),
        "source_accuracy": ratio(src_ok, hits),
        "gold_disagreements": len(gds),
        "disagreement_recall": ratio(dis_hit, len(gds)),
        "disagreement_precision": ratio(len(used), len(sys_ds)),
        "system_disagreements": len(sys_ds),
        "series": len(report.series),
        "figure_stance_accuracy": ratio(stance_ok, stance_n),
        **att,
        "sources_shown": len(set(shown)),
        "sources_not_noun_phrases": len(bad),
        "grouping": report.meta.get("grouping"),
    }



def match_disagreements(gds: list[dict[str, Any]], sys_ds: list[Disagreement], by_rel: dict[str, Document],
                        cache: dict[str, tuple[str, list[int]]], show: bool = False) -> tuple[int, set[str]]:
    """Gold disagreements found (each side's snippet overlapped by a different side of one system
    disagreement) and the ids of the system disagreements that found one."""
    dis_hit = 0
    used: set[str] = set()
    for g in gds:
        side_spans: list[tuple[str | None, list[tuple[int, int]]]] = []
        for s in g["sides"]:
            d = by_rel.get(s["doc"])
            side_spans.append((d.id, locate_all(d.text, s["evidence"], cache)) if d else (None, []))
        ok = None
        for sd in sys_ds:
            covered = set()
            for doc_id, occ in side_spans:
                for k, side in enumerate(sd.sides):
                    if k not in covered and side.evidence.doc == doc_id and any(
                            side.evidence.start <= sp[1] and sp[0] <= side.evidence.end for sp in occ):
                        covered.add(k)
                        break
            if len(covered) == len(side_spans):
                ok = sd
                break
        if ok is not None:
            dis_hit += 1
            used.add(ok.id)
        elif show:
            print("DMISS", g.get("topic"), [s["evidence"][:60] for s in g["sides"]], file=sys.stderr)
    if show:
        for sd in sys_ds:
            if sd.id not in used:
                print("DFALSE", sd.kind, sd.topic, [(s.source, s.says[:60]) for s in sd.sides], file=sys.stderr)
    return dis_hit, used

def _readable(source: str) -> bool:
    """A source a reader can use: one noun phrase (``speaker.is_noun_phrase``), not a bare
    back-reference left unresolved ("the television", "His military")."""
    from ..claims.speaker import is_noun_phrase

    words = source.split()
    if words and words[0].lower() in ("his", "her", "its", "their") and len(words) <= 3:
        return False
    return is_noun_phrase(source)


def score_attributions(gold: dict[str, Any], chosen: set[str], by_rel: dict[str, Document],
                       cache: dict[str, tuple[str, list[int]]], show: bool = False) -> dict[str, Any]:
    """Attributed statements (the gold's "attributions"): the pipeline's speakers of the gold
    sentence (``claims.extract.doc_statements``, the resolution the claims use) against the
    gold speaker. A hit: some attribution of the sentence (or, for a null gold speaker, none
    named) whose speaker agrees (``source_agrees``) and, when the gold names one, whose
    verb's stance is the gold stance (scored apart as ``attribution_stance_accuracy``)."""
    from ..claims.extract import doc_statements

    golds = [a for a in gold.get("attributions", []) if a["doc"] in chosen]
    per_doc: dict[str, list] = {}
    hits = stance_hits = stance_n = 0
    for a in golds:
        d = by_rel.get(a["doc"])
        span = locate(d.text, a["evidence"], cache) if d else None
        if d is None or span is None:
            continue
        stmts = per_doc.setdefault(d.id, doc_statements(d))
        here = [(att, src) for att, src, (s0, s1) in stmts if s0 <= span[0] < s1 or span[0] <= s0 < span[1]]
        named = [(att, src) for att, src in here if src]
        ok = (not named) if a.get("source") is None else any(gold_source_agrees(a, src) for _, src in named)
        hits += ok
        if show and not ok:
            print(f"ATT gold={a.get('source')!r} system={[src for _, src in named]!r} :: {a['evidence'][:90]}", file=sys.stderr)
        if a.get("stance") and a.get("source"):
            agreeing = [att for att, src in named if gold_source_agrees(a, src)]
            if agreeing:
                stance_n += 1
                stance_hits += any(att.stance == a["stance"] for att in agreeing)
    return {
        "gold_attributions": len(golds),
        "attribution_accuracy": round(hits / len(golds), 4) if golds else None,
        "attribution_stance_accuracy": round(stance_hits / stance_n, 4) if stance_n else None,
    }


def run(args: argparse.Namespace) -> int:
    gold_path = Path(args.gold)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    data = Path(args.data) if args.data else DEFAULT_DATA
    if not data.exists():
        print(f"data folder not found: {data}", file=sys.stderr)
        return 2
    result = score(gold, data, args.limit, args.show, getattr(args, "grouping", DEFAULT_GROUPING))
    if getattr(args, "json", False):
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:28s} {v}")
    return 0
