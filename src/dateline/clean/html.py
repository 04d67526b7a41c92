"""HTML pages: main text and metadata through trafilatura; what it drops is kept as boilerplate."""

from __future__ import annotations

import re

import trafilatura
from trafilatura.settings import use_config

from .text import clean_text

_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work outside the main thread


def _page_lines(html: str) -> list[str]:
    """All visible text lines of the page (for recording what was removed)."""
    try:
        from trafilatura import html2txt

        txt = html2txt(html) or ""
    except Exception:
        txt = re.sub(r"<[^>]+>", " ", html)
    return [ln.strip() for ln in txt.splitlines() if ln.strip()]


def clean_html(html: str, url: str | None = None):
    from . import Cleaned

    meta: dict = {}
    text = None
    title = None
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=True, with_metadata=True, config=_CONFIG
        )
    except Exception as exc:  # broken markup must not end the run
        doc = None
        meta["extract_error"] = str(exc)
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        text = d.get("text")
        title = d.get("title")
        for k in ("date", "url", "sitename", "author", "hostname", "description"):
            if d.get(k):
                meta[k] = d[k]
    if not text:
        # fall back to the line cleaner over the page's flattened text
        c = clean_text("\n".join(_page_lines(html)))
        c.meta.update(meta)
        c.meta["extractor"] = "fallback-lines"
        return c
    kept = set(ln.strip() for ln in text.splitlines())
    boiler = [ln for ln in _page_lines(html) if ln not in kept and ln != (title or "")]
    meta["extractor"] = "trafilatura"
    return Cleaned(text=text.strip(), boilerplate=boiler, title=title, meta=meta)
