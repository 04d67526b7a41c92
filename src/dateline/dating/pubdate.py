"""Publication date: metadata first (declared, HTML, path), then the text. Placeholder."""

from __future__ import annotations

from typing import Any

from ..model import Document, RawDocument


def date_document(doc: Document, raw: RawDocument, clean_meta: dict[str, Any]) -> None:
    """Set ``published``, ``published_evidence``, ``published_confidence`` on ``doc``."""
    if raw.published:
        doc.published, doc.published_evidence, doc.published_confidence = raw.published[:10], "input field 'published'", 0.95
    elif clean_meta.get("date"):
        doc.published, doc.published_evidence, doc.published_confidence = clean_meta["date"], "HTML metadata", 0.9
    elif raw.meta.get("path_date"):
        doc.published, doc.published_evidence, doc.published_confidence = raw.meta["path_date"], "date in file path", 0.85


def reconcile_publication_dates(docs: list[Document]) -> list[str]:
    """Story-level pass (years for yearless dates from the run's span). Returns changed ids."""
    return []
