"""The analysis stages as a declared composition (modelled on spaCy's factories and ``analyze_pipes``).

Each stage is registered once with its name, its scope (``document``: run on every document in
the map phase; ``pile``: run once on everything analysed, between the phases (story detection:
``pipeline.split_stories``); ``story``: run once per story in the reduce phase), the fields it ``requires``
and ``assigns`` (``Document.<field>`` or ``Report.<field>``; ``updates``: fields it re-computes
only where an earlier stage made them; ``annotation`` is the spaCy result
handed from ``annotate`` to ``mentions``, it is not stored) and the settings sections it reads.
``pipeline.py`` runs ``STAGES`` in order; evaluators, benchmarks and tests call the same runner
and may disable stages by name.

A composition is checked before it runs (``resolve_composition``): an enabled stage that requires a
field only a disabled stage assigns cannot run. By default such a stage is skipped as well, with a
warning naming the disabled stage and the field (like spaCy's ``analyze_pipes`` problems); with
``strict=True`` it is an error (``CompositionError``).
"""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .model import Claim, Disagreement, Document, Entity, Event, RawDocument, Series, Summary, TimelineEntry
    from .settings import Settings
    from .stories import StoryPartition

log = logging.getLogger(__name__)

Scope = Literal["document", "pile", "story"]

# Fields present before any stage runs (the reader's RawDocument becomes the Document's identity).
INPUT_FIELDS = frozenset({"RawDocument"})


@dataclass(frozen=True)
class Stage:
    """One registered stage: what it needs, what it sets, which settings it reads, and its callable."""

    name: str
    scope: Scope
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    func: Callable[[Any], None]
    settings: tuple[str, ...] = ()
    can_disable: bool = True
    doc: str = ""
    updates: tuple[str, ...] = ()  # fields it changes when an earlier stage made them (it does not make them)


STAGES: dict[str, Stage] = {}


def register(name: str, scope: Scope, requires: Iterable[str], assigns: Iterable[str],
             settings: Iterable[str] = (), can_disable: bool = True, updates: Iterable[str] = ()) -> Callable[[Callable[[Any], None]], Callable[[Any], None]]:
    """Decorator: add the function to ``STAGES`` under ``name`` (registration order is run order)."""

    def deco(func: Callable[[Any], None]) -> Callable[[Any], None]:
        if name in STAGES:
            raise ValueError(f"stage {name!r} registered twice")
        first_line = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else ""
        STAGES[name] = Stage(name, scope, tuple(requires), tuple(assigns), func, tuple(settings), can_disable, first_line,
                             tuple(updates))
        return func

    return deco


class CompositionError(ValueError):
    """A composition that cannot run: unknown stage, an undisableable stage, or (strict) an unmet requirement."""


@dataclass(frozen=True)
class Problem:
    """An enabled stage requiring a field that only disabled stages assign."""

    stage: str
    field: str
    disabled_by: tuple[str, ...]

    def __str__(self) -> str:
        by = ", ".join(self.disabled_by)
        return f"stage {self.stage!r} requires {self.field}, which only the disabled stage(s) {by} assign(s)"


@dataclass
class Composition:
    """The stages that will run, those disabled by the caller, those skipped for unmet requirements."""

    run: list[str]
    disabled: list[str]
    skipped: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def enabled(self, name: str) -> bool:
        return name in self.run

    def meta(self) -> dict[str, Any]:
        """What the report's ``meta.stages`` records."""
        return {"ran": list(self.run), "disabled": list(self.disabled), "skipped": list(self.skipped),
                "warnings": [str(p) for p in self.problems]}


def parse_disable(values: Iterable[str] | str | None) -> tuple[str, ...]:
    """Stage names from ``--disable a,b --disable c`` style values (order kept, duplicates dropped)."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for v in values:
        for name in str(v).split(","):
            name = name.strip()
            if name and name not in out:
                out.append(name)
    return tuple(out)


def validate_composition(disable: Collection[str] = ()) -> list[Problem]:
    """Problems of the composition with ``disable`` turned off, as spaCy's ``analyze_pipes`` reports them.

    Unknown names and stages that cannot be disabled raise ``CompositionError``. A problem is an
    enabled stage whose required field is assigned by no enabled earlier stage; it is reported
    once per (stage, field), and stages that would be skipped because of it count as disabled for
    the stages after them.
    """
    return resolve_composition(disable).problems


def resolve_composition(disable: Collection[str] = (), strict: bool = False) -> Composition:
    """The stages to run when ``disable`` is turned off (see the module docstring)."""
    disable = parse_disable(disable)
    unknown = [n for n in disable if n not in STAGES]
    if unknown:
        raise CompositionError(f"unknown stage(s) {', '.join(unknown)}; the stages are: {', '.join(STAGES)}")
    fixed = [n for n in disable if not STAGES[n].can_disable]
    if fixed:
        raise CompositionError(f"stage(s) {', '.join(fixed)} cannot be disabled (every later stage reads what they make)")
    available = set(INPUT_FIELDS)
    assigners: dict[str, list[str]] = {}
    for st in STAGES.values():
        for f in st.assigns:
            assigners.setdefault(f, []).append(st.name)
    run: list[str] = []
    skipped: list[str] = []
    problems: list[Problem] = []
    for st in STAGES.values():
        if st.name in disable:
            continue
        missing = [f for f in st.requires if f not in available]
        if missing:
            for f in missing:
                problems.append(Problem(st.name, f, tuple(a for a in assigners.get(f, []) if a in disable or a in skipped)))
            skipped.append(st.name)
            continue
        run.append(st.name)
        available.update(st.assigns)
    if problems:
        if strict:
            raise CompositionError("; ".join(str(p) for p in problems))
        for p in problems:
            log.warning("%s: skipping it", p)
    return Composition(run=run, disabled=list(disable), skipped=skipped, problems=problems)


def stage_rows() -> list[dict[str, Any]]:
    """One row per stage: name, scope, requires, assigns, settings keys (``section.key``)."""
    from .settings import section_keys

    rows = []
    for st in STAGES.values():
        keys = [k for sec in st.settings for k in section_keys(sec)]
        rows.append({"name": st.name, "scope": st.scope, "requires": list(st.requires), "assigns": list(st.assigns),
                     "updates": list(st.updates), "settings": keys, "description": st.doc})
    return rows


def render_stage_table(rows: list[dict[str, Any]] | None = None, with_settings: bool = True) -> str:
    """The stage table as plain text (what ``dateline stages`` prints)."""
    rows = rows if rows is not None else stage_rows()
    lines: list[str] = []
    for i, r in enumerate(rows, 1):
        lines.append(f"{i}. {r['name']} ({r['scope']}): {r['description']}")
        lines.append(f"     requires: {', '.join(r['requires']) or '-'}")
        lines.append(f"     assigns:  {', '.join(r['assigns']) or '-'}")
        if r.get("updates"):
            lines.append(f"     updates:  {', '.join(r['updates'])} (when present)")
        if with_settings:
            keys = ", ".join(r["settings"]) or "-"
            lines.extend(textwrap.wrap(keys, 100, initial_indent="     settings: ", subsequent_indent=" " * 15))
    if with_settings:
        lines.append("(run.jobs: worker processes for the document stages; see `dateline stages --settings`)")
    return "\n".join(lines)


# --- the state each stage reads and writes ---------------------------------------------------

@dataclass
class DocumentState:
    """What the per-document stages share: the input, the Document being built, the spaCy result."""

    raw: RawDocument
    settings: Settings
    doc: Document | None = None
    clean_meta: dict[str, Any] = field(default_factory=dict)
    annotation: Any = None
    done: bool = False  # set when the document was rejected: no later stage runs on it


@dataclass
class PileState:
    """What the pile stage shares: every analysed document and the stories found among them."""

    docs: list[Document]
    settings: Settings
    partition: StoryPartition | None = None
    existing: StoryPartition | None = None  # stories already shown (``dateline add``): kept, never reshuffled


@dataclass
class StoryState:
    """What the story stages share: the documents and the parts of the report they fill."""

    docs: list[Document]
    settings: Settings
    ran: frozenset[str] = frozenset()  # the stages of the composition that run (document ones included)
    ok: list[Document] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    summary: Summary | None = None
    claims: list[Claim] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)


# --- the stages, in run order ------------------------------------------------------------------

@register("clean", "document", requires=["RawDocument"],
          assigns=["Document.text", "Document.title", "Document.boilerplate", "Document.content_hash", "Document.url",
                   "Document.meta", "Document.lang"],
          settings=["clean"], can_disable=False)
def clean_stage(st: DocumentState) -> None:
    """Main text out of the raw input (HTML or text); too-short results are rejected with the reason."""
    from .clean import clean
    from .pipeline import content_hash, rejected

    raw = st.raw
    cleaned = clean(raw)
    text = cleaned.text
    lang, confidence, why = _language(text)
    if why and st.settings.clean.only_supported_languages:
        # not English: recorded and refused, not analysed as if it were English
        doc = rejected(raw, why)
        doc.lang, doc.title = lang, cleaned.title
        doc.meta.update(language_confidence=confidence, language_unsupported=lang)
        st.doc, st.done = doc, True
        return
    n = len(text.split())
    if n < st.settings.clean.min_words:
        doc = rejected(raw, "empty after cleaning" if not text.strip() else f"too short after cleaning ({n} words)")
        doc.boilerplate = cleaned.boilerplate
        doc.title = cleaned.title
        st.doc, st.done = doc, True
        return
    from .model import Document

    st.clean_meta = cleaned.meta
    st.doc = Document(
        id=raw.id, source=raw.source, title=cleaned.title, url=raw.url or cleaned.meta.get("url"), text=text,
        boilerplate=cleaned.boilerplate, content_hash=content_hash(text),
        meta={**raw.meta, **{k: v for k, v in cleaned.meta.items() if k != "date_candidates"}},
    )
    st.doc.lang = lang
    if lang is not None:
        st.doc.meta["language_confidence"] = confidence
    if why:  # kept on request (clean.only_supported_languages = false): the reason is recorded
        st.doc.meta["language_unsupported"] = lang


def _language(text: str) -> tuple[str | None, float, str | None]:
    from .language import detect_language, unsupported_reason

    lang, confidence = detect_language(text)
    return lang, confidence, unsupported_reason(lang, confidence, text)


@register("annotate", "document", requires=["Document.text"], assigns=["Document.sentences", "annotation"])
def annotate_stage(st: DocumentState) -> None:
    """spaCy sentences and named entities of the clean text."""
    from .nlp import annotate

    assert st.doc is not None
    st.annotation = annotate(st.doc.text)
    st.doc.sentences = st.annotation.sentences


@register("pubdate", "document", requires=["Document.text", "RawDocument"],
          assigns=["Document.published", "Document.published_evidence", "Document.published_confidence"])
def pubdate_stage(st: DocumentState) -> None:
    """Publication date from the input's fields, the page's metadata, the dateline or the body."""
    from .dating import date_document

    assert st.doc is not None
    date_document(st.doc, st.raw, st.clean_meta)


@register("timexes", "document", requires=["Document.text", "Document.sentences", "Document.published"],
          assigns=["Document.timexes"])
def timexes_stage(st: DocumentState) -> None:
    """Temporal expressions, normalised against the publication date."""
    from .dating import tag_timexes

    assert st.doc is not None
    st.doc.timexes = tag_timexes(st.doc.text, st.doc.published, st.doc.sentences)


@register("mentions", "document", requires=["Document.text", "annotation"], assigns=["Document.mentions"])
def mentions_stage(st: DocumentState) -> None:
    """Entity mentions (spaCy spans repaired and typed) of one document."""
    from .entities import extract_mentions

    assert st.doc is not None
    st.doc.mentions = extract_mentions(st.doc.text, st.annotation)


@register("stories", "pile", requires=["Document.text", "Document.published"], assigns=["Report.meta.story"],
          settings=["stories"])
def stories_stage(st: PileState) -> None:
    """The pile split into stories (words, named entities, copies, dates); each story is analysed alone."""
    from .stories import detect_stories

    st.partition = detect_stories(st.docs, st.settings.stories, existing=st.existing)


@register("reconcile_dates", "story", requires=["Document.published"], assigns=["Document.published"],
          updates=["Document.timexes", "Document.meta"])
def reconcile_dates_stage(st: StoryState) -> None:
    """Yearless publication dates get the story's year; their timexes (when tagged) are normalised
    again. An article left without a date gets ``meta.no_date_reason`` (what the run summary says)."""
    from .dating import reconcile_publication_dates, tag_timexes
    from .run_summary import no_date_reason

    changed = set(reconcile_publication_dates(st.docs))
    if "timexes" in st.ran:
        for d in st.docs:
            if d.id in changed and d.status == "ok":
                d.timexes = tag_timexes(d.text, d.published, d.sentences)
    for d in st.docs:
        if d.status == "ok" and not d.published:
            d.meta["no_date_reason"] = no_date_reason(d)


@register("entities", "story", requires=["Document.mentions"], assigns=["Report.entities"])
def entities_stage(st: StoryState) -> None:
    """Mentions of all documents linked into entities (aliases, types, places on the map)."""
    from .entities import link_entities

    st.entities = link_entities(st.ok)


@register("timeline", "story",
          requires=["Document.sentences", "Document.published", "Document.timexes", "Report.entities"],
          assigns=["Report.events", "Report.timeline", "Report.summary"],
          settings=["timeline", "timeline.select", "timeline.summary"])
def timeline_stage(st: StoryState) -> None:
    """Dated events, the timeline's chosen days with their summaries, and the story summary."""
    from .events import build_timeline

    st.events, st.timeline, st.summary = build_timeline(st.ok, st.entities, st.settings.timeline)


@register("claims", "story",
          requires=["Document.sentences", "Document.published", "Document.timexes", "Document.mentions", "Report.entities"],
          assigns=["Report.claims", "Report.series", "Report.disagreements"])
def claims_stage(st: StoryState) -> None:
    """Figures with their sources and dates, series of one measure, and disagreements between sources."""
    from .claims import extract_claims

    st.claims, st.series, st.disagreements = extract_claims(st.ok, st.entities)
    if st.events:  # the event layer's figures (a claim inside an event's evidence)
        from .events.layer import attach_claims

        attach_claims(st.events, st.claims)


def document_stages(comp: Composition) -> list[Stage]:
    """The enabled per-document stages of ``comp``, in order."""
    return [STAGES[n] for n in comp.run if STAGES[n].scope == "document"]


def pile_stages(comp: Composition) -> list[Stage]:
    """The enabled stages of ``comp`` run once on the whole pile, between the two phases."""
    return [STAGES[n] for n in comp.run if STAGES[n].scope == "pile"]


def story_stages(comp: Composition) -> list[Stage]:
    """The enabled story stages of ``comp``, in order."""
    return [STAGES[n] for n in comp.run if STAGES[n].scope == "story"]
