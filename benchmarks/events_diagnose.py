"""Why gold events are missed: each gold event of a tuned-on gold classified by cause.

    python benchmarks/events_diagnose.py GOLD [GOLD ...] [--set layer.NAME=VALUE ...] [--list]

The gold articles run through the real pipeline as in ``events_loso.py`` (phase 1 cached, claims
disabled); the event layer's mentions are recorded on the way (``layer.mentions_of`` wrapped, not
re-implemented). Each gold event is then:

- ``found``: paired with a system event at the right date;
- ``wrong_day``: paired, but the system date is not the gold date;
- ``wrong_modality``: found, but reported as the wrong fact / claim / denied / future (also counted in found);
- ``merged``: a system event holds one of its evidence sentences but was paired with another gold event;
- ``split``: found, and its evidence is spread over more than one system event (also counted in found);
- not a candidate (no system event holds any of its sentences), by the furthest any of its evidence
  sentences got: ``dated_not_kept`` (a dated mention left out), ``floating`` (a timex the layer could not
  place and no event to join), ``undated_report`` (no timex, the narrative cues call it a report, no event
  took it), ``undated_other`` (no timex, not a report by the cues), ``other_time`` (names a time the layer
  cannot place), ``too_short`` / ``not_found`` (not a sentence of the clean text).

Use it on tuned-on golds only (the blind rule: no error lists of a check gold).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from events_loso import _phase1, _set

from dateline.evaluate.events import TOKEN_RECALL, gold_items, match, system_items, text_overlaps
from dateline.events import TimelineOptions, layer
from dateline.events.narrative import reports_happening
from dateline.model import document_from_dict
from dateline.pipeline import AnalyzeOptions, analyze_story

NOT_CANDIDATE = ("dated_not_kept", "floating", "undated_report", "undated_other", "other_time", "too_short",
                 "not_found")


def _capture() -> list[tuple[list[Any], list[Any]]]:
    seen: list[tuple[list[Any], list[Any]]] = []
    orig = layer.mentions_of

    def wrapped(docs: list[Any], *a: Any, **k: Any) -> list[Any]:
        out = orig(docs, *a, **k)
        seen.append((docs, out))
        return out

    layer.mentions_of = wrapped  # type: ignore[assignment]
    return seen


def _sentence_status(doc: Any, text: str, mentions: list[Any]) -> str:
    """How far one gold evidence sentence got in the layer."""
    best = None
    for a, b in doc.sentences:
        ov = text_overlaps(doc.text[a:b], text)
        if ov >= TOKEN_RECALL and (best is None or ov > best[0]):
            best = (ov, a, b)
    if best is None:
        return "not_found"
    _ov, a, b = best
    for m in mentions:
        if m.start < b and a < m.end:
            if m.pattern is None or m.date:
                return "dated_not_kept"
            return "undated_report" if m.pattern[0] == "days" else "floating"
    if layer._words_outside_timexes(doc, a, b) < layer.MIN_WORDS:
        return "too_short"
    if layer._names_other_time(doc, a, b):
        return "other_time"
    return "undated_report" if reports_happening(doc.text[a:b]) else "undated_other"


def diagnose(path: Path) -> dict[str, Any]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    docs, ids = _phase1(gold, Path(gold.get("data_root", ".")))
    seen = _capture()
    report = analyze_story([document_from_dict(d) for d in docs], AnalyzeOptions(timeline=TimelineOptions()),
                           disable=("claims",))
    layer_docs, mentions = seen[-1]
    by_path: dict[str, list[tuple[Any, list[Any]]]] = defaultdict(list)
    for di, d in enumerate(layer_docs):
        by_path[ids[d.id]].append((d, [m for m in mentions if m.doc == di]))
    sys_items = system_items(report, ids)["events"]
    gitems = gold_items(gold)
    pairs = match(sys_items, gitems)
    paired = {g.id: (s, ok) for s, g, ok in pairs}
    rows = []
    for g in gitems:
        holders = [s for s in sys_items if any(se.doc == ge.doc and text_overlaps(se.text, ge.text) >= TOKEN_RECALL
                                                for se in s.evidence for ge in g.evidence)]
        causes = []
        if g.id in paired:
            s, ok = paired[g.id]
            causes.append("found" if ok else "wrong_day")
            if ok and s.modality and g.modality and s.modality != g.modality:
                causes.append("wrong_modality")
            if len(holders) > 1:
                causes.append("split")
        elif holders:
            causes.append("merged")
        else:
            st = [_sentence_status(d, ev.text, ms) for ev in g.evidence for d, ms in by_path.get(ev.doc, [])]
            causes.append(min(st or ["not_found"], key=NOT_CANDIDATE.index))
        rows.append({"story": Path(g.evidence[0].doc).parent.name, "gold": g.id, "date": g.date,
                     "modality": g.modality, "causes": causes, "text": g.evidence[0].text})
    return {"gold": str(path), "rows": rows, "counts": dict(Counter(c for r in rows for c in r["causes"]))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE")
    ap.add_argument("--list", action="store_true", help="every gold event and its causes on stderr")
    ap.add_argument("--text", action="store_true", help="with --list: the first evidence text of each miss")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    _set(args.set)
    out = [diagnose(p) for p in args.gold]
    total: Counter[str] = Counter()
    for r in out:
        total.update(r["counts"])
        print(f"{r['gold']}: {len(r['rows'])} gold events: "
              + ", ".join(f"{k} {v}" for k, v in sorted(r["counts"].items(), key=lambda t: -t[1])))
        if args.list:
            for row in r["rows"]:
                print(f"  {row['story']:34s} {row['gold']:36s} {row['date']:24s} {row['modality'] or '':8s} "
                      f"{' '.join(row['causes'])}", file=sys.stderr)
                if args.text and row["causes"][0] not in ("found", "wrong_day"):
                    print(f"      {row['text'][:160]}", file=sys.stderr)
    print("all: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items(), key=lambda t: -t[1])))
    if args.json:
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
