"""Cleaning: raw input -> clean body text, removed boilerplate lines, headline, page metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import RawDocument, Structure
from .html import clean_html
from .structure import build_structure
from .text import clean_text


@dataclass
class Cleaned:
    text: str
    boilerplate: list[str] = field(default_factory=list)
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # e.g. html date candidates, url, sitename
    structure: Structure = field(default_factory=Structure)  # headline, dateline, byline, live items, ...


_SINGLE_BYTE = {"cp1252", "latin_1", "iso8859_15", "windows-1252", "iso-8859-1"}


def _html_input(raw: RawDocument) -> str | bytes:
    """The page as trafilatura should see it. A page the reader decoded with a Western
    single-byte fallback may declare another charset (GB2312, ISO-8859-2, ...): the exact
    bytes go back to trafilatura, which honours the page's own declaration."""
    enc = str(raw.meta.get("encoding", "")).lower()
    if raw.html and enc in _SINGLE_BYTE:
        try:
            return raw.html.encode(enc)
        except (UnicodeEncodeError, LookupError):
            return raw.html
    return raw.html or ""


def clean(raw: RawDocument) -> Cleaned:
    """Clean one raw document (HTML through the extractor, text through the line cleaner)."""
    if raw.html is not None:
        c = clean_html(_html_input(raw), url=raw.url)
    else:
        c = clean_text(raw.text or "")
    if raw.title:
        c.title = raw.title.strip() or c.title
    c.structure = build_structure(c.text, c.title, c.boilerplate, c.meta)
    # handed on in the metadata too: Document(meta=...) moves it into Document.structure
    c.meta["structure"] = c.structure
    return c


__all__ = ["Cleaned", "clean"]
