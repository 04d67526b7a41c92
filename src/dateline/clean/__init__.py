"""Cleaning: raw input -> clean body text, removed boilerplate lines, headline, page metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import RawDocument
from .html import clean_html
from .text import clean_text


@dataclass
class Cleaned:
    text: str
    boilerplate: list[str] = field(default_factory=list)
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # e.g. html date candidates, url, sitename


def clean(raw: RawDocument) -> Cleaned:
    """Clean one raw document (HTML through the extractor, text through the line cleaner)."""
    if raw.html is not None:
        c = clean_html(raw.html, url=raw.url)
    else:
        c = clean_text(raw.text or "")
    if raw.title:
        c.title = raw.title.strip() or c.title
    return c


__all__ = ["Cleaned", "clean"]
