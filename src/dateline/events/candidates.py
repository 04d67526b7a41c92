"""Sentences of the story as dated candidates, and the per-day statistics that rank days."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Document
from .dates import DateRef, parse_iso, sentence_refs
from .readable import content_start, glued_head, readable, starts_sentence
from .select import DateStats

LEAD_SENTENCES = 5  # undated sentences this close to the top of an article are about its publication day


@dataclass
class Candidate:
    doc: int  # index into the story's documents
    sent: int  # sentence index in that document
    start: int  # span of the sentence proper (dateline removed) in the document's text
    end: int
    text: str
    group: str  # syndication group
    readable: bool
    days: list[dt.date] = field(default_factory=list)  # days the sentence is about
    explicit: set[dt.date] = field(default_factory=set)  # days it names by calendar date
    headline: bool = False  # a headline split from the sentence it was glued to


@dataclass
class Story:
    docs: list[Document]
    candidates: list[Candidate]
    by_day: dict[dt.date, list[int]]  # day -> candidate indices
    stats: dict[dt.date, DateStats]


def _in_window(d: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or d >= start) and (end is None or d <= end)


def build_story(docs: list[Document], groups: dict[str, str], start: dt.date | None = None,
                end: dt.date | None = None, lead: int = LEAD_SENTENCES, date_source: str = "auto",
                headlines: bool = True) -> Story:
    """Dated candidates of all documents; with ``headlines``, a headline glued to the front of a
    sentence (pages whose headline runs into the body: "Police raid doctor's home Drug police are ...") is a candidate
    of its own, split from the sentence after it."""
    cands: list[Candidate] = []
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    stats: dict[dt.date, DateStats] = defaultdict(DateStats)
    for di, doc in enumerate(docs):
        pub = parse_iso(doc.published)
        group = groups.get(doc.id, doc.id)
        if pub and _in_window(pub, start, end):
            stats[pub].published.add(group)
        refs_per_sentence = sentence_refs(doc, date_source)
        for si, (s, e) in enumerate(doc.sentences):
            raw = doc.text[s:e]
            off = content_start(raw)
            text = raw[off:].strip()
            if not text:
                continue
            lead_ws = len(raw[off:]) - len(raw[off:].lstrip())
            refs: list[DateRef] = [r for r in refs_per_sentence[si] if r.day and _in_window(r.date, start, end)]
            days = sorted({r.date for r in refs})
            for r in refs:
                stats[r.date].mentioned.add(group)
                if pub and r.explicit and r.date < pub:
                    stats[r.date].referenced.add(group)
            if not refs_per_sentence[si] and pub and si < lead and _in_window(pub, start, end):
                days = [pub]
            head = glued_head(raw) if headlines and starts_sentence(doc.text, s) else None
            if head:
                hs = s + raw.index(head)
                hc = Candidate(di, si, hs, hs + len(head), head, group, True, days, set(), True)
                for d in days:
                    by_day[d].append(len(cands))
                cands.append(hc)
            cs = s + off + lead_ws
            ok = readable(text) and (off > 0 or starts_sentence(doc.text, cs))
            c = Candidate(di, si, cs, cs + len(text), text, group, ok, days, {r.date for r in refs if r.explicit})
            for d in days:
                by_day[d].append(len(cands))
            cands.append(c)
    return Story(docs, cands, dict(by_day), dict(stats))
