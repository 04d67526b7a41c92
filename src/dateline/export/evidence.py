"""Looking up the text behind evidence spans, shared by the exports."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from ..model import Document, Report, Span

_WS = re.compile(r"\s+")


class Evidence:
    """Documents by id, span texts, a short name for a document's outlet."""

    def __init__(self, report: Report) -> None:
        self.docs: dict[str, Document] = {d.id: d for d in report.documents}

    def text(self, span: Span | None, limit: int | None = None) -> str:
        """The span's text on one line (empty when the document or offsets are unknown)."""
        if span is None:
            return ""
        doc = self.docs.get(span.doc)
        if doc is None or not (0 <= span.start <= span.end <= len(doc.text)):
            return ""
        out = _WS.sub(" ", doc.text[span.start:span.end]).strip()
        if limit and len(out) > limit:
            out = out[: limit - 1].rstrip() + "…"
        return out

    def outlet(self, doc_id: str) -> str:
        """Where a document comes from: its site name or URL host; empty when unknown."""
        doc = self.docs.get(doc_id)
        if doc is None:
            return ""
        site = doc.meta.get("sitename") if isinstance(doc.meta, dict) else None
        if site:
            return str(site)
        if doc.url:
            host = urlparse(doc.url).netloc
            if host:
                return host.removeprefix("www.")
        return ""

    def title(self, doc_id: str) -> str:
        """The document's title, else ``article <id>``."""
        doc = self.docs.get(doc_id)
        return one_line(doc.title) if doc and doc.title else f"article {doc_id}"


def one_line(s: str | None) -> str:
    """The text with every run of whitespace made one space, stripped (None -> "")."""
    return _WS.sub(" ", s or "").strip()
