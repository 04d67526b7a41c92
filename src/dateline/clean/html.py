"""HTML pages: main text and metadata through trafilatura; what it drops is kept as boilerplate.

After trafilatura: (1) when it finds nothing, trafilatura's own ``baseline`` extractor and
then our line cleaner over the page's flattened text are tried; (2) its output is
post-cleaned: the headline it often repeats as the first line goes to ``title``, and
lines with strong boilerplate evidence (see ``postclean.py``) are removed.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import trafilatura
from trafilatura.settings import use_config
from trafilatura.utils import decode_file

from .flatten import html_to_lines
from .postclean import postclean_lines
from .text import clean_text

if TYPE_CHECKING:
    from . import Cleaned

_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work outside the main thread
MIN_WORDS = 10  # trafilatura output shorter than this (and than MIN_CHARS) counts as nothing found
MIN_CHARS = 60  # for scripts written without spaces
_RULES = os.environ.get("DATELINE_POSTCLEAN")  # for benchmarking rule sets: "title,label,..."


def _extract(html: str | bytes, url: str | None, meta: dict) -> tuple[str | None, str | None]:
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=True, with_metadata=True, config=_CONFIG
        )
    except Exception as exc:  # broken markup must not end the run
        meta["extract_error"] = f"{type(exc).__name__}: {exc}"
        return None, None
    if doc is None:
        return None, None
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    for k in ("date", "url", "sitename", "author", "hostname", "description", "language"):
        if d.get(k):
            meta[k] = d[k]
    return d.get("text"), d.get("title")


def _too_short(text: str | None) -> bool:
    return not text or (len(text.split()) < MIN_WORDS and len(text.strip()) < MIN_CHARS)


def clean_html(html: str | bytes, url: str | None = None) -> Cleaned:
    """Clean one HTML page (text, or bytes decoded as the page declares): body text,
    removed lines, headline, page metadata."""
    from . import Cleaned

    meta: dict = {}
    text, title = _extract(html, url, meta)
    if isinstance(html, bytes):
        html = decode_file(html)
    page = html_to_lines(html)
    if _too_short(text):
        c = clean_text("\n".join(page))
        if _too_short(c.text):
            try:
                _, base_text, _ = trafilatura.baseline(html)
            except Exception:
                base_text = ""
            if not _too_short(base_text) and len(base_text) > len(c.text):
                c = clean_text(base_text)
                meta["extractor"] = "trafilatura-baseline+lines"
        c.meta = {**meta, **c.meta}
        c.meta.setdefault("extractor", "lines")
        c.title = title or c.title
        return c
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    rules = set(_RULES.split(",")) if _RULES is not None else None
    kept, removed, title = postclean_lines(lines, title, rules)
    kept_set = set(kept)
    boiler = [ln for ln in page if ln not in kept_set and ln != (title or "")]
    meta["extractor"] = "trafilatura"
    if removed:
        meta["postclean_removed"] = len(removed)
    return Cleaned(text="\n".join(kept), boilerplate=boiler, title=title, meta=meta)
