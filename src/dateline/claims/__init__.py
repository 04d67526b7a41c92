"""Claims: quantities + who says them -> measures -> series -> disagreements."""

from __future__ import annotations

from ..model import Claim, Disagreement, Document, Entity, Series


def extract_claims(docs: list[Document], entities: list[Entity]) -> tuple[list[Claim], list[Series], list[Disagreement]]:
    """Claims, series and disagreements of the story (reduce phase). Placeholder."""
    return [], [], []


__all__ = ["extract_claims"]
