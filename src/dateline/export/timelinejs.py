"""TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

One slide per timeline entry (or per event when the report has no timeline), and a
``title`` slide with the story summary. Date objects carry only the parts the date has:
``{"year": "2011"}``, ``{"year": "2011", "month": "3"}``, ``{"year": "2011", "month": "3",
"day": "19"}`` (numbers as strings, as in Knight Lab's examples); an ISO week becomes a
Monday–Sunday range with a ``display_date``. TimelineJS renders ``text`` fields as HTML, so
article text is HTML-escaped. ``group`` is the place most named in the slide's events (else
its first actor, else "Story").
"""

from __future__ import annotations

import html
import logging
from collections import Counter
from typing import Any

from ..model import Entity, Event, Report
from .dates import DateParts, parse, sort_key
from .evidence import Evidence, one_line

log = logging.getLogger(__name__)


def date_object(p: DateParts) -> dict[str, str]:
    out = {"year": str(p.year)}
    if p.month is not None:
        out["month"] = str(p.month)
        if p.day is not None:
            out["day"] = str(p.day)
    return out


def _day(d: Any) -> dict[str, str]:
    return {"year": str(d.year), "month": str(d.month), "day": str(d.day)}


def _dates(p: DateParts) -> dict[str, Any]:
    if p.precision == "week":
        return {"start_date": _day(p.first), "end_date": _day(p.last),
                "display_date": f"week {p.first.isocalendar().week}, {p.first.isocalendar().year}"}
    return {"start_date": date_object(p)}


def _esc(s: str | None) -> str:
    return html.escape(one_line(s))


def _group(events: list[Event], ents: dict[str, Entity]) -> str:
    places: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    for v in events:
        for eid in v.entities:
            e = ents.get(eid)
            if e is None:
                continue
            (places if e.type in ("GPE", "LOC", "FAC") else actors)[e.name] += 1
    for c in (places, actors):
        if c:
            return c.most_common(1)[0][0]
    return "Story"


def _sources(ev: Evidence, doc_ids: list[str]) -> str:
    if not doc_ids:
        return ""
    items = []
    for d in dict.fromkeys(doc_ids):
        doc = ev.docs.get(d)
        label = _esc(ev.title(d)) + (f" ({doc.published})" if doc is not None and doc.published else "")
        if doc is not None and doc.url and doc.url.startswith(("http://", "https://")):
            label = f'<a href="{html.escape(doc.url, quote=True)}">{label}</a>'
        outlet = ev.outlet(d)
        items.append(f"<li>{label} <small>({_esc(outlet)})</small></li>" if outlet else f"<li>{label}</li>")
    return "<p>Sources:</p><ul>" + "".join(items) + "</ul>"


def _event_dates(v: Event, p: DateParts) -> dict[str, Any]:
    """An event's TimelineJS dates at its granularity; a range runs to its last day."""
    out = _dates(p)
    end = parse(v.date_end) if getattr(v, "granularity", "day") == "range" and v.date_end else None
    if end is not None and p.precision == "day":
        out["end_date"] = date_object(end)
    return out


def render_dict(report: Report, events_only: bool = False) -> dict[str, Any]:
    """The TimelineJS document: one slide per timeline entry, or (``events_only``, or no
    timeline) one per event of the event layer, each at its own granularity."""
    ev = Evidence(report)
    ents = {e.id: e for e in report.entities}
    events = {v.id: v for v in report.events}
    slides: list[dict[str, Any]] = []
    if report.timeline and not events_only:
        for i, entry in enumerate(sorted(report.timeline, key=lambda e: sort_key(e.date))):
            p = parse(entry.date)
            if p is None:
                log.warning("timelinejs: skipping timeline entry with unreadable date %r", entry.date)
                continue
            evs = [events[v] for v in entry.events if v in events]
            headline = evs[0].title if evs else entry.summary
            docs = list(entry.sources) or [s.doc for v in evs for s in v.evidence]
            slides.append({**_dates(p), "unique_id": f"t{i}-{p.iso}",
                           "text": {"headline": _esc(_short(headline)),
                                    "text": f"<p>{_esc(entry.summary)}</p>{_sources(ev, docs)}"},
                           "group": _group(evs, ents)})
    else:
        for v in sorted(report.events, key=lambda v: sort_key(v.date)):
            p = parse(v.date)
            if p is None:
                log.warning("timelinejs: skipping event %s with unreadable date %r", v.id, v.date)
                continue
            quote = " ".join(ev.text(s) for s in v.evidence[:2])
            slides.append({**_event_dates(v, p), "unique_id": v.id,
                           "text": {"headline": _esc(_short(v.title)),
                                    "text": f"<p>{_esc(quote)}</p>{_sources(ev, [s.doc for s in v.evidence])}"},
                           "group": _group([v], ents)})
    ok = [d for d in report.documents if d.status == "ok"]
    title_text = f"<p>{_esc(report.summary.text)}</p>" if report.summary.text else ""
    title_text += f"<p>{len(ok)} articles; {len(slides)} dates. Made by {_esc(report.generator)}.</p>"
    title = report.meta.get("title") if isinstance(report.meta, dict) else None
    return {"title": {"text": {"headline": _esc(title or "The story"), "text": title_text}},
            "events": slides}


def _short(s: str, n: int = 120) -> str:
    s = one_line(s)
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


__all__ = ["date_object", "render_dict"]
