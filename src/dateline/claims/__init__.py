"""Claims: quantities + who says them -> measures -> series -> disagreements."""

from __future__ import annotations

from ..model import Claim, Disagreement, Document, Entity, Series
from ..story_profile import build_profile
from .disagree import find_disagreements
from .extract import doc_claims, mention_index, source_mention
from .series import build_series
from .speaker import prime
from .topic import story_focus
from .undated import story_day, undated_as_of
from .units import story_units


def _entity_lookup(entities: list[Entity]) -> dict[tuple[str, int, int], str]:
    return {(m.doc, m.start, m.end): e.id for e in entities for m in e.mentions}


def extract_claims(docs: list[Document], entities: list[Entity]) -> tuple[list[Claim], list[Series], list[Disagreement]]:
    """Claims, series and disagreements of the story (reduce phase). Ids c1.., d1.. follow
    document id order and text order, so the same input gives the same ids. Claims outside
the story's focus (``topic``) are marked ``on_topic=False`` and form no series or disagreement."""
    lookup = _entity_lookup(entities)
    profile = build_profile(docs, entities)  # what the rules need about this story, from its documents
    claims: list[Claim] = []
    # parse the sentences that may hold a reporting verb in batches (speakers come from the parse)
    prime([d.text[s0:s1] for d in docs if d.status == "ok" and d.text for s0, s1 in d.sentences])
    dated = [d for d in docs if d.status == "ok" and d.published]
    units = story_units(d.text for d in docs if d.status == "ok" and d.text)  # what the story measures in
    for d in sorted(docs, key=lambda d: d.id):
        if d.status != "ok" or not d.text:
            continue
        idx = mention_index(d)
        fallback = undated_as_of(d, story_day(d, dated)) if not d.published else None
        for claim, att in doc_claims(d, profile, units):
            claim.as_of = claim.as_of or fallback
            if att is not None and not att.pronoun:
                span = source_mention(idx, att)
                if span is not None:
                    claim.source_entity = lookup.get((d.id, span[0], span[1]))
            claims.append(claim)
    for i, c in enumerate(claims, 1):
        c.id = f"c{i}"
    # figures of other stories on the same page stay claims, flagged, out of series and clashes
    focus = story_focus(docs, entities)
    for c in claims:
        c.on_topic = focus.on_topic(c.evidence)
    on_topic = [c for c in claims if c.on_topic]
    series = build_series(on_topic)
    disagreements = find_disagreements(on_topic, sorted(docs, key=lambda d: d.id), focus.on_topic, profile, entities)
    return claims, series, disagreements


__all__ = ["extract_claims"]
