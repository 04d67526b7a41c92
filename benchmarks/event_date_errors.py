"""Which temporal expressions date the events a gold says are wrong: wrong-date pairs and events not in the gold.

    PYTHONPATH=src python benchmarks/event_date_errors.py GOLD [GOLD ...] [--grouping detect]

Runs ``evaluate.events.analyse`` (the pipeline ``dateline analyze`` runs) on each gold's articles, pairs
system events with gold events (``evaluate.events.match``) and prints, for each system event whose date
the gold contradicts (``wrong``) or that no gold event refers to (``extra``), its date and the timexes
of its evidence sentences (text -> value). The causes are read by hand from this list. Use it on
tuned-on golds only (the blind rule: no error lists of a check gold).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from dateline.evaluate.events import analyse, date_matches, gold_items, match, system_items


def _timexes(report: Any, paths_by_id: dict[str, str], ev: Any) -> list[str]:
    docs = {d.id: d for d in report.documents}
    out: list[str] = []
    for sp in ev.evidence:
        d = docs.get(sp.doc)
        if d is None:
            continue
        for a, b in d.sentences:
            if a < sp.end and sp.start < b:
                out += [f"{t.text!r}->{t.value}" for t in d.timexes if a <= t.start < b]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--grouping", default="detect")
    args = ap.parse_args(argv)
    for gold_path in args.gold:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        root = Path(gold.get("data_root", "."))
        articles = list(gold["articles"])
        report, paths_by_id, _rej = analyse([root / a for a in articles], articles, None, "en", args.grouping)
        sysitems = system_items(report, paths_by_id)["events"]
        by_id = {e.id: e for e in report.events}
        pairs = match(sysitems, gold_items(gold))
        paired = {s.id: (g, ok) for s, g, ok in pairs}
        print(f"== {gold_path}: {len(sysitems)} events, {len(pairs)} paired")
        for s in sysitems:
            g, _ok = paired.get(s.id, (None, True))
            if g is not None and date_matches(s.date, g.date, g.granularity):
                continue
            kind = "extra" if g is None else f"wrong (gold {g.id} {g.date})"
            text = s.evidence[0].text[:160] if s.evidence else ""
            print(f"{kind}\t{s.date}\t{text!r}\t{_timexes(report, paths_by_id, by_id[s.id])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
