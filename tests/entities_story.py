"""Shared by the entities tests: real fixture articles cleaned, tagged and linked into one story."""

from __future__ import annotations

from pathlib import Path

from dateline.clean import clean
from dateline.entities import extract_mentions, link_entities
from dateline.ingest.files import read_file
from dateline.model import Document, Entity
from dateline.nlp import annotate

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "entities"


def story_documents(folder: Path, pattern: str = "*.txt", nested: bool = False) -> list[Document]:
    """Every file of ``folder`` matching ``pattern``, cleaned, as a document with mentions. Ids are the file
    stems, or ``<story>_<stem>`` with ``nested`` (files under ``<story>/<outlet>/``)."""
    docs = []
    for path in sorted(folder.glob(pattern)):
        raw = next(iter(read_file(path)))
        text = clean(raw).text
        stem = path.name.split(".")[0]
        doc = Document(id=f"{path.parts[-3]}_{stem}" if nested else stem, source=str(path), text=text)
        doc.mentions = extract_mentions(text, annotate(text))
        docs.append(doc)
    return docs


def linked_story(folder: Path) -> tuple[list[Document], list[Entity]]:
    """Every ``<story>/<outlet>/<file>.txt`` under ``folder`` as a document with mentions, and their linked entities."""
    docs = story_documents(folder, "*/*/*.txt", nested=True)
    return docs, link_entities(docs)


def holder(entities: list[Entity], surface: str) -> Entity | None:
    """The entity with the most mentions among those having ``surface`` as an alias."""
    hits = [e for e in entities if surface in e.aliases]
    return max(hits, key=lambda e: len(e.mentions)) if hits else None
