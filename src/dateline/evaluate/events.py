"""``dateline evaluate events GOLD``: dated events of the report against a hand-built events gold.

The gold file follows GOLD_SPEC item 4 (``{"data_root", "articles": [paths], "events": [{"id",
"date", "granularity", "title", "modality", "evidence": [{"doc", "text"}]}]}``). The articles run
through the real pipeline (``pipeline.analyze_documents``, then the stories ``--grouping`` forms --
by default those ``dateline analyze`` detects, ``evaluate.grouping`` -- each through
``pipeline.analyze_story``); nothing is re-implemented here. Two parts of the report
are scored, each on its own: ``report.events`` and ``report.timeline``.

Matching (one-to-one, greedy by overlap): a system item and a gold event *refer to the same
happening* when one of the item's evidence sentences overlaps one of the gold evidence texts of
the same article (the gold text is inside the sentence, the sentence inside the gold text, or at
least ``TOKEN_RECALL`` of the gold text's word tokens are in the sentence). A referring pair is
*correct* when the item's date also falls inside the gold date at the gold granularity (same day,
ISO week, month, year, or inside the range). Reported: evidence-only P/R/F1 (did it find the
happening), full P/R/F1 (found and dated right), date accuracy over the referring pairs, and
(events only) modality accuracy over the referring pairs: fact / claim / denied / future as the
gold says.
A diagnostic that does not depend on how many dates the timeline keeps: the share of gold
evidence sentences in which the report tagged a temporal expression carrying the gold date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .grouping import DEFAULT_GROUPING, add_grouping_argument, run_stories

TOKEN_RECALL = 0.6
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Evidence:
    doc: str  # article path as written in the gold file
    text: str


@dataclass
class Item:
    """A dated happening with its evidence sentences (a gold event or a system event/entry)."""

    id: str
    date: str
    granularity: str | None
    evidence: list[Evidence]
    modality: str | None = None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", metavar="FILE", help="an events gold file (tests/gold/<corpus>/events.<split>.json)")
    parser.add_argument("--data", default=None, metavar="DIR",
                        help="folder the article paths are relative to (default: the gold file's data_root, "
                             "taken from the current directory)")
    parser.add_argument("--label", default=None, help="label printed with the scores (e.g. tune, blind)")
    parser.add_argument("--errors", action="store_true", help="list missed gold events on stderr")
    parser.add_argument("--dates", type=int, default=None, metavar="N",
                        help="as `dateline analyze --dates`: number of timeline dates (default: chosen from the story)")
    parser.add_argument("--sentences", type=int, default=2, metavar="K",
                        help="as `dateline analyze --sentences`: summary sentences per date (default: 2)")
    add_grouping_argument(parser)


# ---------------------------------------------------------------- matching (pure)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def text_overlaps(system: str, gold: str) -> float:
    """How well a system sentence covers a gold evidence text: 1.0 if either holds the other,
    else the share of the gold text's word tokens found in the sentence."""
    s, g = _norm(system), _norm(gold)
    if not s or not g:
        return 0.0
    if g in s or s in g:
        return 1.0
    gt = _WORD.findall(g)
    st = set(_WORD.findall(s))
    return sum(1 for t in gt if t in st) / len(gt) if gt else 0.0


def _parse_day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})$")


def date_matches(system: str, gold: str, granularity: str | None) -> bool:
    """Whether a system date (``YYYY-MM-DD``, or coarser) falls inside the gold date at its granularity."""
    if not system or not gold:
        return False
    gran = granularity or _granularity_of(gold)
    if gran == "range":
        lo, _, hi = gold.partition("/")
        day, a, b = _parse_day(system), _parse_day(lo), _parse_day(hi)
        return bool(day and a and b and a <= day <= b)
    if gran == "week":
        day = _parse_day(system)
        if day is None:
            return False
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" == gold
    if gran == "day":
        return len(system) >= 10 and system[:10] == gold[:10]
    width = {"month": 7, "year": 4}.get(gran, len(gold))
    week = _WEEK_VALUE.match(system)
    if week:  # a week lies inside the gold month or year when its first and last days do
        try:
            first = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        except ValueError:
            return False
        last = first + dt.timedelta(days=6)
        return all(d.isoformat()[:width] == gold[:width] for d in (first, last))
    return len(system) >= width and system[:width] == gold[:width]


def _granularity_of(date: str) -> str:
    if "/" in date:
        return "range"
    if "-W" in date:
        return "week"
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "day")


def _pair_overlap(system: Item, gold: Item) -> float:
    best = 0.0
    for se in system.evidence:
        for ge in gold.evidence:
            if se.doc == ge.doc:
                best = max(best, text_overlaps(se.text, ge.text))
    return best


def match(system: list[Item], gold: list[Item], min_overlap: float = TOKEN_RECALL) -> list[tuple[Item, Item, bool]]:
    """One-to-one (system, gold, date_ok) pairs whose evidence overlaps, greedily by overlap then date."""
    cands = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            ov = _pair_overlap(s, g)
            if ov >= min_overlap:
                ok = date_matches(s.date, g.date, g.granularity)
                cands.append((ov, ok, i, j))
    cands.sort(key=lambda c: (-c[0], not c[1], c[2], c[3]))
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _ov, ok, i, j in cands:
        if i in used_s or j in used_g:
            continue
        used_s.add(i)
        used_g.add(j)
        pairs.append((system[i], gold[j], ok))
    return pairs


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def score_items(system: list[Item], gold: list[Item]) -> dict[str, Any]:
    """Evidence-only and full (evidence + date) P/R/F1, date accuracy, and the missed gold ids."""
    pairs = match(system, gold)
    full = sum(1 for *_x, ok in pairs if ok)
    found = {g.id for _s, g, _ok in pairs}
    matched = {id(s) for s, _g, _ok in pairs}
    with_mod = [(s, g) for s, g, _ok in pairs if s.modality and g.modality]
    mod_ok = sum(1 for s, g in with_mod if s.modality == g.modality)
    return {
        "system_items": len(system),
        "gold_events": len(gold),
        "referring_pairs": len(pairs),
        "evidence": _prf(len(pairs), len(system), len(gold)),
        "full": _prf(full, len(system), len(gold)),
        "date_accuracy": round(full / len(pairs), 4) if pairs else 0.0,
        "missed": [g.id for g in gold if g.id not in found],
        "wrong_date": [{"gold": g.id, "gold_date": g.date, "system_date": s.date} for s, g, ok in pairs if not ok],
        "spurious": [s.id for s in system if id(s) not in matched],
        # over the referring pairs where both sides say how the happening is reported
        "modality_pairs": len(with_mod),
        "modality_accuracy": round(mod_ok / len(with_mod), 4) if with_mod else None,
        "wrong_modality": [{"gold": g.id, "gold_modality": g.modality, "system_modality": s.modality}
                           for s, g in with_mod if s.modality != g.modality],
    }


# ---------------------------------------------------------------- gold and system items


def gold_items(gold: dict[str, Any]) -> list[Item]:
    """The gold events as items."""
    return [
        Item(e["id"], e["date"], e.get("granularity"), [Evidence(x["doc"], x["text"]) for x in e["evidence"]],
             e.get("modality"))
        for e in gold["events"]
    ]


def _span_sentence(doc: Any, start: int, end: int) -> str:
    """The whole sentence(s) of ``doc`` that hold the span (the span itself if no sentence does)."""
    parts = [doc.text[a:b] for a, b in doc.sentences if a < end and start < b]
    return " ".join(parts) if parts else doc.text[start:end]


def system_items(report: Any, paths_by_id: dict[str, str]) -> dict[str, list[Item]]:
    """``{"events": [...], "timeline": [...]}`` of a report, evidence as (gold path, sentence text)."""
    docs = {d.id: d for d in report.documents}

    def evid(spans: list[Any]) -> list[Evidence]:
        out = []
        for sp in spans:
            d = docs.get(sp.doc)
            if d is None or sp.doc not in paths_by_id:
                continue
            out.append(Evidence(paths_by_id[sp.doc], _span_sentence(d, sp.start, sp.end)))
        return out

    events = [Item(e.id, e.date, None, evid(e.evidence), e.modality) for e in report.events]
    timeline = [Item(f"t{i + 1}", t.date, None, evid(t.evidence)) for i, t in enumerate(report.timeline)]
    return {"events": events, "timeline": timeline}


def evidence_dating(report: Any, paths_by_id: dict[str, str], gold: list[Item]) -> dict[str, Any]:
    """Diagnostic independent of the timeline's date budget: for each gold evidence item, is its
    sentence in the report's clean text, and does a temporal expression the report tagged in that
    sentence carry the gold date (at the gold granularity)? Read from ``report.documents``."""
    by_path: dict[str, list[Any]] = {}
    for d in report.documents:
        if d.id in paths_by_id and d.status == "ok":
            by_path.setdefault(paths_by_id[d.id], []).append(d)
    items = located = dated = 0
    for g in gold:
        for ev in g.evidence:
            items += 1
            best: tuple[float, Any, int, int] | None = None
            for d in by_path.get(ev.doc, []):
                for a, b in d.sentences:
                    ov = text_overlaps(d.text[a:b], ev.text)
                    if ov >= TOKEN_RECALL and (best is None or ov > best[0]):
                        best = (ov, d, a, b)
            if best is None:
                continue
            located += 1
            _ov, d, a, b = best
            if any(a <= t.start < b and date_matches(t.value, g.date, g.granularity) for t in d.timexes):
                dated += 1
    return {"evidence_items": items, "sentence_found": located, "timex_dates_it": dated,
            "share_dated": round(dated / items, 4) if items else 0.0}


def analyse(paths: list[Path], articles: list[str], options: Any = None,
            language: str = "en", grouping: str = "one") -> tuple[Any, dict[str, str], list[str]]:
    """Run the pipeline on the gold articles; also the id -> gold path map and rejected articles.

    ``options`` is a ``pipeline.AnalyzeOptions`` (the defaults of ``dateline analyze`` when None).
    ``grouping`` forms the stories (``evaluate.grouping``; ``run`` passes ``--grouping``, by default
    detected as ``analyze`` does; a direct call keeps reading the chosen articles as one story); the
    report joins every story's events and timeline, its ``meta["grouping"]`` says what ran.
    A gold whose ``language`` is not English is run with every language kept (``analyze`` would
    refuse it): the English pipeline scored on another language, as the gold declares."""
    from ..ingest import unique_ids
    from ..ingest.files import read_file
    from ..pipeline import analyze_documents
    from ..settings import any_language_settings

    article_of = {str(p): a for p, a in zip(paths, articles, strict=True)}
    # the same reading as `dateline analyze` (ingest.read_inputs): each file, ids made unique
    raws = list(unique_ids(raw for p in paths for raw in read_file(p)))
    paths_by_id = {raw.id: article_of[raw.source] for raw in raws}
    settings = None if language == "en" else any_language_settings()
    docs = analyze_documents(raws, settings=settings)
    rejected = [f"{paths_by_id[d.id]}: {d.error}" for d in docs if d.status != "ok"]
    run = run_stories(docs, grouping, paths=paths_by_id, settings=settings, options=options)
    report = run.report
    report.meta = {**report.meta, "grouping": run.meta()}
    return report, paths_by_id, rejected


def run(args: argparse.Namespace) -> int:
    gold_path = Path(args.gold)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    root = Path(args.data) if args.data else Path(gold.get("data_root", "."))
    articles = list(gold["articles"])
    paths = [root / a for a in articles]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"missing articles under {root}: {missing[:3]}", file=sys.stderr)
        return 2
    from ..events import TimelineOptions
    from ..pipeline import AnalyzeOptions

    options = AnalyzeOptions(timeline=TimelineOptions(max_dates=args.dates, sentences_per_date=args.sentences))
    t0 = time.perf_counter()
    report, paths_by_id, rejected = analyse(paths, articles, options, gold.get("language") or "en",
                                            getattr(args, "grouping", DEFAULT_GROUPING))
    gitems = gold_items(gold)
    result: dict[str, Any] = {"gold": str(gold_path), "label": args.label, "articles": len(articles),
                              "dates": args.dates, "sentences": args.sentences, "rejected": rejected,
                              "grouping": report.meta.get("grouping")}
    for part, items in system_items(report, paths_by_id).items():
        result[part] = score_items(items, gitems)
    result["evidence_dating"] = evidence_dating(report, paths_by_id, gitems)
    result["seconds"] = round(time.perf_counter() - t0, 2)
    if args.json:
        print(json.dumps(result))
        return 0
    label = f" [{args.label}]" if args.label else ""
    grp = result["grouping"]
    print(f"{gold_path}{label}: {len(articles)} articles, {len(gitems)} gold events, {len(rejected)} rejected, "
          f"dates={args.dates or 'auto'} sentences={args.sentences} grouping={grp['name']} ({grp['stories']} stories)")
    for part in ("events", "timeline"):
        r = result[part]
        print(f"  {part:8s} items={r['system_items']:4d} pairs={r['referring_pairs']:3d}  "
              f"evidence P/R/F1 {r['evidence']['precision']:.3f}/{r['evidence']['recall']:.3f}/{r['evidence']['f1']:.3f}  "
              f"full P/R/F1 {r['full']['precision']:.3f}/{r['full']['recall']:.3f}/{r['full']['f1']:.3f}  "
              f"date acc {r['date_accuracy']:.3f}"
              + (f"  modality acc {r['modality_accuracy']:.3f} ({r['modality_pairs']})"
                 if r["modality_accuracy"] is not None else ""))
        if args.errors:
            print(f"{part} missed: {r['missed']}", file=sys.stderr)
            print(f"{part} wrong dates: {r['wrong_date']}", file=sys.stderr)
            print(f"{part} not in the gold: {r['spurious']}", file=sys.stderr)
            if r["wrong_modality"]:
                print(f"{part} wrong modality: {r['wrong_modality']}", file=sys.stderr)
    ed = result["evidence_dating"]
    print(f"  evidence dating: {ed['evidence_items']} gold evidence sentences, {ed['sentence_found']} found in the "
          f"clean text, {ed['timex_dates_it']} carry a tagged timex with the gold date ({ed['share_dated']:.3f})")
    print(f"  seconds {result['seconds']}")
    return 0
