"""Date selection: which days belong on the story's timeline.

A refinement of news-tls DATEWISE's unsupervised date scores: a day counts the distinct
stories (syndicated copies count once) that were published on it and, more strongly, the
distinct stories published later that still refer back to it by its calendar date.
Optional penalties (SelectWeights) for a day next to a chosen day or in a crowded week;
both are off by default: on T17 (45% of gold dates are adjacent) they cost date F1 and
gave no stable ROUGE gain (benchmarks/tls_ablation.py).
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass, field

_DAY = dt.timedelta(days=1)


@dataclass
class DateStats:
    published: set[str] = field(default_factory=set)  # syndication groups published that day
    referenced: set[str] = field(default_factory=set)  # groups written later that name the day
    mentioned: set[str] = field(default_factory=set)  # groups naming the day in any way


@dataclass
class SelectWeights:
    published: float = 1.0
    referenced: float = 2.0
    mentioned: float = 0.5
    adjacent_penalty: float = 1.0  # factor for a day next to a chosen one (0.5: +AR2 on one phase-1 run, -0.02 date F1)
    crowd_penalty: float = 0.0  # factor 1 / (1 + w * chosen days within crowd_days): spread over the story
    crowd_days: int = 7
    next_day_published: float = 0.0  # stories published the next day also speak for this day
    min_referenced: int = 2  # later stories needed before back-references count (1 back-reference is noise)


def date_score(st: DateStats, w: SelectWeights) -> float:
    ref = len(st.referenced) if len(st.referenced) >= w.min_referenced else 0
    return w.published * len(st.published) + w.referenced * ref + w.mentioned * len(st.mentioned)


def select_dates(stats: dict[dt.date, DateStats], n: int, w: SelectWeights | None = None,
                 keep_order: bool = False) -> list[dt.date]:
    """The ``n`` best days, greedily, discounting days adjacent to days already chosen.

    Sorted by date, or in the order chosen (best first) with ``keep_order``.
    """
    w = w or SelectWeights()
    base_scores = {d: date_score(st, w) for d, st in stats.items()}
    if w.next_day_published:
        for d in base_scores:
            nxt = stats.get(d + _DAY)
            if nxt is not None:
                base_scores[d] += w.next_day_published * len(nxt.published)
    heap = [(-s, d.toordinal(), d) for d, s in base_scores.items()]
    heapq.heapify(heap)
    chosen: list[dt.date] = []
    taken: set[dt.date] = set()
    while heap and len(chosen) < n:
        neg, _, d = heapq.heappop(heap)
        eff = base_scores[d]
        if w.adjacent_penalty < 1 and (d - _DAY in taken or d + _DAY in taken):
            eff *= w.adjacent_penalty
        if w.crowd_penalty > 0:
            near = sum(1 for c in taken if abs((c - d).days) <= w.crowd_days)
            eff /= 1 + w.crowd_penalty * near
        if eff < -neg - 1e-12:  # stale: push back with its current value (scores only fall)
            heapq.heappush(heap, (-eff, d.toordinal(), d))
            continue
        if eff <= 0:
            break
        chosen.append(d)
        taken.add(d)
    return chosen if keep_order else sorted(chosen)
