"""Events: sentences -> events -> timeline -> summary."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..lexicon import CALENDAR_NAMES_EN, NEWS_AGENCIES
from ..model import Document, Entity, Event, Span, Summary, TimelineEntry
from .candidates import Story, build_story
from .layer import build_events
from .select import SelectWeights, date_score, select_dates
from .summarize import SummaryWeights, cluster_day, pick_sentences, score_day, vectorize
from .syndication import syndication_groups
from .titles import title as event_title

log = logging.getLogger(__name__)


@dataclass
class TimelineOptions:
    max_dates: int | None = None  # None: chosen from the story
    sentences_per_date: int = 2
    query: list[str] | None = None
    start: str | None = None
    end: str | None = None
    select: SelectWeights = field(default_factory=SelectWeights)
    summary: SummaryWeights = field(default_factory=SummaryWeights)
    syndication: bool = True
    date_source: str = "union"  # auto | timex | fallback | union (see events.dates.sentence_refs)
    lead_sentences: int = 5  # undated sentences this near an article's top count for its publication day
    headlines: bool = True  # headlines glued to a sentence's front are candidates of their own


def _bound(value: str | None, last: bool) -> dt.date | None:
    """A start/end option (YYYY, YYYY-MM or YYYY-MM-DD) as a day."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")[:3]]
    y, m = parts[0], parts[1] if len(parts) > 1 else (12 if last else 1)
    d = parts[2] if len(parts) > 2 else (calendar.monthrange(y, m)[1] if last else 1)
    return dt.date(y, m, d)


def _query_filter(docs: list[Document], query: list[str] | None) -> list[Document]:
    """Documents matching the keyword query; all of them when the query would leave too few."""
    if not query:
        return docs
    rx = re.compile("|".join(re.escape(q.strip()) for q in query if q.strip()), re.I)
    hits = [d for d in docs if rx.search(d.text) or (d.title and rx.search(d.title))]
    if len(hits) < max(5, 0.1 * len(docs)):
        log.info("query %s matches %d of %d documents: not used as a filter", query, len(hits), len(docs))
        return docs
    return hits


SMALL_STORY = 30  # independent sources up to which a story is "small": its timeline keeps every supported day
SMALL_SUPPORT = 1  # sources a day's event needs to be kept in a small story's timeline (chosen on the ECB+ r4 tune
# timeline, r3 tune left out: full F1 0.143 -> 0.471; 2 sources gave 0.286 there)


LAYER_FIRST = True


def _day_order(story: Story, w: SelectWeights, layer: list[Event], auto: bool) -> list[dt.date]:
    """The days in the order the timeline takes them: by date score; in a small story whose
    count is automatic, the days of the layer's supported events first (most sources first)."""
    ranked = select_dates(story.stats, len(story.stats), w, keep_order=True)
    if not (auto and LAYER_FIRST) or len({c.group for c in story.candidates}) > SMALL_STORY:
        return ranked
    support: dict[dt.date, int] = defaultdict(int)
    for ev in layer:
        day = dt.date.fromisoformat(ev.date) if ev.granularity == "day" else None
        if day is not None and ev.sources >= SMALL_SUPPORT and day in story.by_day:
            support[day] = max(support[day], ev.sources)
    first = sorted(support, key=lambda d: (-support[d], ranked.index(d) if d in ranked else len(ranked)))
    return first + [d for d in ranked if d not in support]


def _auto_count(story: Story, w: SelectWeights, layer: list[Event] | None = None) -> int:
    """How many days a story's timeline gets when the user does not say: grows with the number
    of independent stories (about 1.5 * sqrt, as T17's gold timelines do), never more than
    the days that at least a few sources point at. A small story (a handful of articles, where
    a reader wants every happening) keeps at least every day on which an event of the layer is
    told by ``SMALL_SUPPORT`` independent sources."""
    groups = {c.group for c in story.candidates}
    supported = sum(1 for st in story.stats.values() if date_score(st, w) >= 3.0)
    target = max(5, min(40, round(1.5 * len(groups) ** 0.5)))
    n = max(min(5, len(story.stats)), min(target, supported))
    if layer and len(groups) <= SMALL_STORY:
        days = {ev.date for ev in layer if ev.granularity == "day" and ev.sources >= SMALL_SUPPORT}
        n = max(n, len(days))
    return n


def build_timeline(
    docs: list[Document], entities: list[Entity], options: TimelineOptions
) -> tuple[list[Event], list[TimelineEntry], Summary]:
    """Events, the timeline and the overall summary of a story (reduce phase)."""
    docs = [d for d in docs if d.status == "ok" and d.sentences]
    docs = _query_filter(docs, options.query)
    if not docs:
        return [], [], Summary()
    groups = syndication_groups(docs) if options.syndication else {d.id: d.id for d in docs}
    story = build_story(docs, groups, _bound(options.start, False), _bound(options.end, True),
                        lead=options.lead_sentences, date_source=options.date_source, headlines=options.headlines)
    if not story.candidates:
        return [], [], Summary()
    x = vectorize(story.candidates, options.summary.ngram_max)
    ent_index = _entity_index(entities)
    # the report's events are the whole event layer (every datable happening, not only the
    # chosen days); a timeline entry points at the layer's events of its day
    layer = build_events(docs, entities, groups, ent_index)
    n = options.max_dates if options.max_dates is not None else _auto_count(story, options.select, layer)
    k = max(1, options.sentences_per_date)

    events: list[Event] = []
    timeline: list[TimelineEntry] = []
    # walk the days in selection order, skipping days with nothing readable to say
    chosen_days = []
    taken: list[int] = []
    for day in _day_order(story, options.select, layer, options.max_dates is None):
        if len(chosen_days) >= n:
            break
        idx, scores, sims = score_day(story, day, x, options.summary)
        picked = pick_sentences(story, idx, scores, sims, k, options.summary, x, taken)
        if picked:
            chosen_days.append((day, idx, scores, sims, picked))
            taken.extend(picked)
    chosen_days.sort(key=lambda t: t[0])
    # events away from the story (a blast in another country reported in the story's live blog)
    # are left out: beyond a day's first event, an event must name one of the story's key names
    # (TF-IDF topic cosine could not tell them apart on T17: 0.17 for an off-story item,
    # 0.14-0.30 for on-story events)
    key_names = _key_names(docs)
    first_sentences: dict[int, str] = {}
    for day, idx, scores, sims, picked in chosen_days:
        day_events = []
        for cl in cluster_day(idx, scores, sims, options.summary):
            if day_events and not any(key_names & set(_CAP_WORD.findall(story.candidates[i].text)) for i in cl):
                continue
            ev = _event(story, day, cl, len(events) + len(day_events), ent_index)
            if ev is not None:
                day_events.append(ev)
        day_events = [ev for ev in day_events if len(ev.evidence) > 1] or day_events[:1]
        for ev in day_events:  # ids in timeline order, unique across the story
            ev.id = f"v{len(events) + 1}"
            events.append(ev)
        cands = [story.candidates[i] for i in picked]
        evidence = [Span(docs[c.doc].id, c.start, c.end) for c in cands]
        sources = sorted({s.doc for ev in day_events for s in ev.evidence} | {s.doc for s in evidence})
        entry = TimelineEntry(day.isoformat(), " ".join(c.text for c in cands), [ev.id for ev in day_events],
                              sources, evidence)
        first_sentences[id(entry)] = cands[0].text
        timeline.append(entry)
    on_day: dict[str, list[str]] = defaultdict(list)
    for ev in sorted(layer, key=lambda e: -e.sources):
        if ev.granularity == "day":
            on_day[ev.date].append(ev.id)
    for entry in timeline:
        entry.events = on_day.get(entry.date, [])
    return layer, timeline, _overall(timeline, layer, first_sentences)


_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}\b")
_CAP_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
_NOT_NAMES = CALENDAR_NAMES_EN | {"The", "President", "Minister", "Government", "Council"} | {
    w for agency in NEWS_AGENCIES for w in agency.split()}


def _key_names(docs: list[Document], k: int = 8) -> set[str]:
    """The capitalised words (not sentence-initial) most documents of the story use: its places and people."""
    df: dict[str, int] = defaultdict(int)
    for d in docs:
        for w in set(_NAME.findall(d.text)) - _NOT_NAMES:
            df[w] += 1
    return {w for w, _ in sorted(df.items(), key=lambda t: (-t[1], t[0]))[:k]}


def _entity_index(entities: list[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    idx: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        for m in e.mentions:
            idx[m.doc].append((m.start, m.end, e.id))
    return idx


def _event(story: Story, day: dt.date, cluster: list[int], n: int,
           ent_index: dict[str, list[tuple[int, int, str]]]) -> Event | None:
    cands = [story.candidates[i] for i in cluster]
    best = next((c for c in cands if c.readable), None)
    if best is None:
        return None
    evidence = [Span(story.docs[c.doc].id, c.start, c.end) for c in cands]
    ents: list[str] = []
    for sp in evidence:
        for s, e, eid in ent_index.get(sp.doc, []):
            if s >= sp.start and e <= sp.end and eid not in ents:
                ents.append(eid)
    salience = float(len({c.group for c in cands}))
    return Event(f"v{n + 1}", day.isoformat(), event_title(best.text), evidence, ents, salience)


def _overall(timeline: list[TimelineEntry], events: list[Event], first_sentences: dict[int, str], n: int = 5) -> Summary:
    """A few sentences across the arc: the strongest day of each stretch of the timeline."""
    if not timeline:
        return Summary()
    sal = {ev.id: ev.salience for ev in events}
    parts = np.array_split(np.arange(len(timeline)), min(n, len(timeline)))
    texts, evidence = [], []
    for pi, part in enumerate(parts):
        entries = [timeline[i] for i in part]
        if pi == len(parts) - 1 and pi:
            entries.reverse()  # the arc's end: on a tie, the latest day
        best = max(entries, key=lambda t: (max([sal.get(e, 0.0) for e in t.events] + [0.0]), len(t.sources)))
        if not best.evidence:
            continue
        sp = best.evidence[0]
        texts.append(f"{best.date}: {first_sentences[id(best)]}")
        evidence.append(sp)
    return Summary(" ".join(texts), evidence)


__all__ = ["TimelineOptions", "build_timeline"]
