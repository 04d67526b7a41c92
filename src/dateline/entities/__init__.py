"""Entities: mentions per document -> cross-document clusters -> gazetteer places."""

from __future__ import annotations

from ..model import Document, Entity, Mention
from ..nlp import Annotation


def extract_mentions(text: str, annotation: Annotation) -> list[Mention]:
    """Entity mentions of one document (map phase). Placeholder: spaCy's entities as they are."""
    keep = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
    return [Mention(s, e, text[s:e], lab) for s, e, lab in annotation.entities if lab in keep]


def link_entities(docs: list[Document]) -> list[Entity]:
    """Cluster the mentions of all documents into entities (reduce phase). Placeholder."""
    return []


__all__ = ["extract_mentions", "link_entities"]
