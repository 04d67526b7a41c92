"""Shared by the entities tests: real fixture articles cleaned, tagged and linked into one story."""

from __future__ import annotations

from pathlib import Path

from dateline.clean import clean
from dateline.entities import extract_mentions, link_entities
from dateline.ingest.files import read_file
from dateline.model import Document, Entity
from dateline.nlp import annotate

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "entities"


def linked_story(folder: Path) -> tuple[list[Document], list[Entity]]:
    """Every ``<story>/<outlet>/<file>.txt`` under ``folder`` as a document with mentions, and their linked entities."""
    docs = []
    for path in sorted(folder.glob("*/*/*.txt")):
        raw = next(iter(read_file(path)))
        text = clean(raw).text
        doc = Document(id=f"{path.parts[-3]}_{path.name.split('.')[0]}", source=str(path), text=text)
        doc.mentions = extract_mentions(text, annotate(text))
        docs.append(doc)
    return docs, link_entities(docs)


def holder(entities: list[Entity], surface: str) -> Entity | None:
    """The entity with the most mentions among those having ``surface`` as an alias."""
    hits = [e for e in entities if surface in e.aliases]
    return max(hits, key=lambda e: len(e.mentions)) if hits else None
