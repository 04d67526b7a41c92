"""Flatten an HTML page to its visible text lines, one line per block element.

This is the html-text / inscriptis style "all text" view of a page: nothing is judged,
only scripts, styles and other invisible elements are dropped. It feeds the line cleaner
when the extractor finds nothing, lists what the extractor removed, and builds the
flattened-text benchmark.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_INVISIBLE = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "embed", "canvas", "select"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "html", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul", "title", "center", "menu", "button", "label", "option",
}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def _walk(el: etree._Element, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    tag = tag.lower()
    if tag in _INVISIBLE or el.get("hidden") is not None:
        if el.tail:
            out.append(el.tail)
        return
    block = tag in _BLOCK
    if block:
        out.append("\n")
    if el.text and isinstance(el.tag, str):
        out.append(el.text)
    for child in el:
        if not isinstance(child.tag, str):  # comments, processing instructions
            if child.tail:
                out.append(child.tail)
            continue
        _walk(child, out)
    if block:
        out.append("\n")
    if el.tail:
        out.append(el.tail)


def html_to_lines(html: str | bytes) -> list[str]:
    """Visible text of the page's body, one stripped non-empty line per text block."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str input with an encoding declaration
    if not html.strip():
        return []
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    body = root.find(".//body")
    if body is None:
        body = root
    parts: list[str] = []
    _walk(body, parts)
    lines = []
    for ln in "".join(parts).split("\n"):
        s = _SPACES.sub(" ", ln).strip()
        if s:
            lines.append(s)
    return lines
