"""The story's focus and whether a claim (or a disagreement side) is about it.

Live pages carry other stories: a live page on one country's crisis has items on a blast in a
neighbouring country, another country's leader, a third country's protests. Such figures are kept as claims but marked ``on_topic=False`` and
left out of series and disagreements.

Focus: the story's home country (the gazetteer country of the place entities, counted by the
number of documents naming it) - every place linked to that country is in focus - plus any
place or person named in at least half of the documents (the great powers reacting to a crisis abroad).
Without gazetteer links the places named in at least half of the documents are the focus.

A claim is judged by its *item*: on a live page the stretch from one time stamp line
("(12:36 p.m. Monday ET, 7:36 p.m. in Country)", "COUNTRY, 3:24 p.m. ET, 11:24 p.m. local:") to
the next, elsewhere the whole document (one article is one story). A stamp that names its place
("COUNTRY", "in Country") decides its item. Otherwise an item naming a focus place or person is on
topic; an item naming places, none of them in focus, is off topic; an item naming no place at
all stays on topic (nothing says it is foreign).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..clean.structure import live_items
from ..model import Document, Entity, LiveItem, Span

_PLACES = ("GPE", "LOC", "NORP", "FAC")
_FOCUS_LABELS = (*_PLACES, "PERSON")
FOCUS_SHARE = 0.5  # named in at least this share of the documents: part of the story


def _stem(name: str) -> str:
    """"Kenya"/"Kenyan", "Norway"/"Norwegian": a place and its demonym share the first letters."""
    return re.sub(r"[^a-z]", "", name.lower())[:5]


@dataclass
class Focus:
    stems: set[str] = field(default_factory=set)
    home: str | None = None
    country_of: dict[tuple[str, int, int], str] = field(default_factory=dict)
    items: dict[str, tuple[list[int], list[bool]]] = field(default_factory=dict)
    # ``country_of`` by document (built on first use): a lookup reads one document's mentions, not the story's
    _by_doc: dict[str, list[tuple[int, int, str]]] | None = field(default=None, repr=False, compare=False)

    def is_focus(self, doc: str, start: int, end: int, text: str) -> bool:
        """A mention of a focus place/person: its stem is in focus or it is linked to the home country."""
        if _stem(text) in self.stems:
            return True
        country = self.country_of.get((doc, start, end))
        if country is None:  # the stamp's "COUNTRY" may be linked under another span: any mention inside
            if self._by_doc is None:
                self._by_doc = {}
                for (d, s0, s1), c in self.country_of.items():
                    self._by_doc.setdefault(d, []).append((s0, s1, c))
            country = next((c for s0, s1, c in self._by_doc.get(doc, ()) if s0 >= start and s1 <= end), None)
        return self.home is not None and country == self.home

    def on_topic(self, span: Span | None) -> bool:
        if span is None or span.doc not in self.items:
            return True
        starts, verdicts = self.items[span.doc]
        return verdicts[max(0, bisect_right(starts, span.start) - 1)]


def _live_items(doc: Document) -> list[LiveItem]:
    """The live-page items cleaning found (``Document.structure``); a document loaded from a
    report written before the structure layer gets them from the same function of clean/."""
    return doc.structure.live_items if doc.structure.found else live_items(doc.text)


def _items(doc: Document) -> tuple[list[int], list[LiveItem | None]]:
    """Start offsets of the items of a document (one item unless it is a stamped live page),
    with the live item each one is (None for the text above the first stamp)."""
    live = _live_items(doc)
    if not live:
        return [0], [None]
    starts: list[int] = [0] if live[0].start > 0 else []
    items: list[LiveItem | None] = [None] if starts else []
    starts += [it.start for it in live]
    items += list(live)
    return starts, items


def story_focus(docs: list[Document], entities: list[Entity]) -> Focus:
    """The focus of the story told by ``docs`` and the on-topic verdict of each document item."""
    ok = [d for d in docs if d.status == "ok" and d.text]
    country_of: dict[tuple[str, int, int], str] = {}
    for e in entities:
        geo = e.geo
        country = getattr(geo, "country", None) if geo is not None else None
        if country:
            for m in e.mentions:
                country_of[(m.doc, m.start, m.end)] = country
    country_df: Counter[str] = Counter()
    stem_df: Counter[str] = Counter()
    for d in ok:
        countries, stems = set(), set()
        for m in d.mentions:
            if m.label not in _FOCUS_LABELS:
                continue
            stems.add(_stem(m.text))
            c = country_of.get((d.id, m.start, m.end))
            if c and m.label in _PLACES:
                countries.add(c)
        country_df.update(countries)
        stem_df.update(stems)
    home = country_df.most_common(1)[0][0] if country_df else None
    need = max(2, FOCUS_SHARE * len(ok)) if len(ok) > 1 else 1
    focus = Focus(stems={s for s, n in stem_df.items() if n >= need and len(s) >= 2}, home=home, country_of=country_of)
    for d in ok:
        starts, live = _items(d)
        verdict: dict[int, list[bool]] = defaultdict(lambda: [False, False])  # item -> [focus seen, foreign place seen]
        for m in d.mentions:
            if m.label not in _FOCUS_LABELS:
                continue
            v = verdict[bisect_right(starts, m.start) - 1]
            if focus.is_focus(d.id, m.start, m.end, m.text):
                v[0] = True
            elif m.label in _PLACES:
                v[1] = True
        items = []
        for i, item in enumerate(live):
            if item is not None and item.place is not None and item.place_start is not None and item.place_end is not None:
                # the page says where the item is from: "COUNTRY, ...", "(... in Country)"
                items.append(focus.is_focus(d.id, item.place_start, item.place_end, item.place))
            else:
                items.append(verdict[i][0] or not verdict[i][1])
        focus.items[d.id] = (starts, items)
    return focus

