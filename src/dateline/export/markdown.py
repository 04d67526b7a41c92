"""Markdown: the story to read — summary, dated timeline with footnoted sources, entities, figures.

Article text is untrusted: ``<``, ``>`` and ``&`` are escaped as HTML entities (Markdown
renderers pass raw HTML through), table cells have ``|`` escaped and lines joined.
Footnotes (``[^n]``) quote the evidence span and name its article.
"""

from __future__ import annotations

import html
from collections import Counter

from ..model import Claim, Event, Report, Span
from .dates import sort_key
from .evidence import Evidence, one_line

MAX_ENTITIES = 60  # the most mentioned; the CSV export lists them all
MAX_DAY_EVENTS = 5  # events listed under a timeline day (its best-supported); all are in ## Events
MAX_EVENTS = 150  # the best-supported events; the CSV export lists them all


def _esc(s: str | None) -> str:
    return html.escape(one_line(s), quote=False)


def _cell(s: str | None) -> str:
    return _esc(s).replace("|", "\\|")


class _Notes:
    """Numbered footnotes, one per distinct evidence span."""

    def __init__(self, ev: Evidence) -> None:
        self.ev = ev
        self.num: dict[tuple[str, int, int], int] = {}
        self.lines: list[str] = []

    def ref(self, span: Span | None) -> str:
        if span is None:
            return ""
        key = (span.doc, span.start, span.end)
        if key not in self.num:
            self.num[key] = len(self.num) + 1
            doc = self.ev.docs.get(span.doc)
            when = f", {doc.published}" if doc and doc.published else ""
            quote = self.ev.text(span, limit=400)
            said = f": “{_esc(quote)}”" if quote else ""
            outlet = self.ev.outlet(span.doc)
            outlet = f"{_esc(outlet)}, " if outlet else ""
            self.lines.append(f"[^{self.num[key]}]: *{_esc(self.ev.title(span.doc))}* "
                              f"({outlet}`{span.doc}`{when}){said}")
        return f"[^{self.num[key]}]"

    def refs(self, spans: list[Span], most: int = 3) -> str:
        return "".join(self.ref(s) for s in spans[:most])


def _value(c: Claim) -> str:
    """``50``, ``20–30``, ``≥46`` ("at least"), ``≤10`` ("up to"), ``~1,000`` (hedged)."""
    def fmt(x: float) -> str:
        return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"
    v = c.value
    if not v:
        return ""
    num = fmt(v[0]) if len(v) == 1 or v[0] == v[-1] else f"{fmt(v[0])}–{fmt(v[-1])}"
    bound = getattr(c, "bound", None)
    if bound == "lower":
        return "≥" + num
    if bound == "upper":
        return "≤" + num
    return ("~" if c.approximate else "") + num


def _when(v: Event) -> str:
    """An event's date as the text supports it: ``2013-09 (month)``, ``2013-10-17 to 2013-11-02``."""
    if v.granularity == "range" and v.date_end:
        return f"{v.date} to {v.date_end}"
    return v.date if v.granularity == "day" else f"{v.date} ({v.granularity})"


def event_list(report: Report, notes: _Notes) -> list[str]:
    """The ``## Events`` section: every dated event in date order (the best-supported
    ``MAX_EVENTS`` when there are more), with its granularity, modality, sources and citations."""
    out = ["## Events", ""]
    if not report.events:
        return out + ["*No dated events.*", ""]
    ents = {e.id: e for e in report.entities}
    shown = report.events
    if len(shown) > MAX_EVENTS:
        keep = {id(v) for v in sorted(shown, key=lambda v: (-v.sources, v.date))[:MAX_EVENTS]}
        shown = [v for v in shown if id(v) in keep]
    out += ["| When | Event | Kind | Who / where | Sources | Evidence |", "|---|---|---|---|---:|---|"]
    for v in sorted(shown, key=lambda v: sort_key(v.date)):
        who = ", ".join(ents[w["entity"]].name for w in v.who if w["entity"] in ents)
        where = ents[v.where].name if v.where in ents else ""
        place = "; ".join(x for x in (who, where) if x)
        out.append(f"| {_when(v)} | {_cell(v.title)} | {v.modality} | {_cell(place)} | {v.sources} | "
                   f"{notes.refs(v.evidence, most=3)} |")
    out.append("")
    if len(report.events) > len(shown):
        out += [f"*…and {len(report.events) - len(shown)} more events with fewer sources (all in the CSV "
                "export).*", ""]
    return out


def render(report: Report) -> str:
    ev = Evidence(report)
    notes = _Notes(ev)
    ok = [d for d in report.documents if d.status == "ok"]
    dated = sorted(d.published for d in ok if d.published)
    title = report.meta.get("title") if isinstance(report.meta, dict) else None
    out = [f"# {_esc(title) if title else 'The story'}", ""]
    span = f", published {dated[0]} to {dated[-1]}" if dated else ""
    out += [f"*{len(ok)} articles{span}; {len(report.documents) - len(ok)} rejected. "
            f"Made by {_esc(report.generator)}.*", ""]

    out += ["## Summary", ""]
    if report.summary.text:
        out += [_esc(report.summary.text) + " " + notes.refs(report.summary.evidence, most=5), ""]
    else:
        out += ["*No summary.*", ""]

    events = {v.id: v for v in report.events}
    out += ["## Timeline", ""]
    if not report.timeline:
        out += ["*No timeline.*", ""]
    for entry in sorted(report.timeline, key=lambda e: sort_key(e.date)):
        out += [f"### {entry.date}", ""]
        spans = list(entry.evidence) or [s for vid in entry.events if vid in events for s in events[vid].evidence]
        out += [(_esc(entry.summary) + " " + notes.refs(spans, most=4)).strip(), ""]
        for vid in entry.events[:MAX_DAY_EVENTS]:
            v = events.get(vid)
            if v is not None:
                out.append(f"- {_esc(v.title)} {notes.refs(v.evidence, most=2)}".rstrip())
        if entry.events:
            out.append("")

    out += event_list(report, notes)

    out += ["## Who and where", ""]
    if report.entities:
        out += ["| Name | Type | Also called | Mentions | Articles | Place |", "|---|---|---|---:|---:|---|"]
        ranked = sorted(report.entities, key=lambda e: (-len(e.mentions), e.name))
        for e in ranked[:MAX_ENTITIES]:
            docs = len({m.doc for m in e.mentions})
            aliases = ", ".join(a for a in e.aliases if a != e.name)
            geo = f"{e.geo.lat:.3f}, {e.geo.lon:.3f}" if e.geo else ""
            out.append(f"| {_cell(e.name)} | {e.type} | {_cell(aliases)} | {len(e.mentions)} | {docs} | {geo} |")
        out.append("")
        if len(ranked) > MAX_ENTITIES:
            out += [f"*…and {len(ranked) - MAX_ENTITIES} more, mentioned less often (all in the CSV export).*", ""]
    else:
        out += ["*No entities.*", ""]

    out += ["## Figures", ""]
    claims = {c.id: c for c in report.claims}
    in_series = {cid for s in report.series for cid in s.claims}
    if not report.series and not report.claims:
        out += ["*No figures.*", ""]
    for s in report.series:
        where = f" ({_esc(s.place)})" if s.place and s.place.lower() not in s.measure.lower() else ""
        out += [f"### {_esc(s.measure)}{where}", "", "| As of | Value | Unit | Source | Evidence |",
                "|---|---:|---|---|---|"]
        for cid in s.claims:
            c = claims.get(cid)
            if c is None:
                continue
            out.append(f"| {c.as_of or ''} | {_value(c)} | {_cell(c.unit)} | {_cell(c.source)} | "
                       f"{notes.ref(c.evidence)} |")
        out.append("")
    loose = [c for c in report.claims if c.id not in in_series]
    on_topic = [c for c in loose if c.on_topic]
    off_topic = [c for c in loose if not c.on_topic]
    for heading, group in (("Other figures", on_topic), ("Figures from other stories on the same pages", off_topic)):
        if not group:
            continue
        out += [f"### {heading}", "", "| Measure | As of | Value | Unit | Source | Evidence |",
                "|---|---|---:|---|---|---|"]
        for c in group:
            out.append(f"| {_cell(c.measure)} | {c.as_of or ''} | {_value(c)} | {_cell(c.unit)} | "
                       f"{_cell(c.source)} | {notes.ref(c.evidence)} |")
        out.append("")

    out += ["## Where sources disagree", ""]
    if not report.disagreements:
        out += ["*No disagreements found.*", ""]
    for g in report.disagreements:
        out += [f"### {_esc(g.topic)} ({g.kind})", ""]
        if g.sides:  # side by side: one column per side
            out.append("| | " + " | ".join(_cell(s.source) or "unnamed source" for s in g.sides) + " |")
            out.append("|---|" + "---|" * len(g.sides))
            out.append("| says | " + " | ".join(_cell(s.says) for s in g.sides) + " |")
            out.append("| evidence | " + " | ".join(notes.ref(s.evidence) for s in g.sides) + " |")
            out.append("")

    out += ["## Articles", ""]
    counts = Counter(s.doc for s in _all_spans(report))
    for d in report.documents:
        when = d.published or "undated"
        status = "" if d.status == "ok" else f" — rejected: {_esc(d.error)}"
        cited = f", cited {counts[d.id]}×" if counts.get(d.id) else ""
        out.append(f"- `{d.id}` {when}: {_esc(d.title) or '(no title)'} ({_esc(ev.outlet(d.id) or d.source)}{cited}){status}")
    out.append("")
    if notes.lines:
        out += ["## Sources", ""] + notes.lines + [""]
    return "\n".join(out)


def _all_spans(report: Report) -> list[Span]:
    spans = [s for v in report.events for s in v.evidence]
    spans += [c.evidence for c in report.claims if c.evidence]
    spans += [s.evidence for g in report.disagreements for s in g.sides if s.evidence]
    return spans
