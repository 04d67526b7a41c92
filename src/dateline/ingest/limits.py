"""Bounds on one HTML input, so one hostile page cannot take minutes or gigabytes.

Measured (benchmarks/fuzz_ingest.py, this machine): a page of 100,000 links took 70 s and
3.5 GB in the extractor; 10,000 links take about 5 s. The HTML parser (libxml2) stops at
about 255 levels of nesting and the extractor then finds nothing, so a page nested deeper
loses its text: its wrapper tags are taken out (the text and paragraph tags stay) and the
page is read flat; the document's ``meta["html_flattened"]`` says so.
"""

from __future__ import annotations

import re

MAX_LINKS = 10_000
MAX_DEPTH = 200  # below libxml2's own limit (about 255)

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
         "wbr", "p", "li", "dd", "dt", "option", "td", "th", "tr", "thead", "tbody", "tfoot", "colgroup", "!doctype"}
_TAG = re.compile(rb"<(/?)([A-Za-z!][\w:-]*)[^>]*?(/?)>")
_LINK = re.compile(rb"<a[\s>]", re.I)
# tags that only wrap: removing them keeps the text and the paragraph structure
_WRAPPER = re.compile(r"</?(?:div|span|section|article|main|aside|header|footer|nav|font|center|b|i|u|em|strong|"
                      r"small|big|table|tbody|thead|tr|td|th|ul|ol|dl|blockquote|figure|form|label|abbr|cite|"
                      r"time|mark|sub|sup|s|strike)\b[^>]*>", re.I)


def nesting_depth(html: str) -> int:
    """The deepest nesting of elements that are closed (void and auto-closed tags do not count)."""
    depth = best = 0
    for m in _TAG.finditer(html.encode("utf-8", "replace")):
        name = m.group(2).lower().decode("ascii", "replace")
        if name in _VOID or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            best = max(best, depth)
    return best


def tame_html(html: str) -> tuple[str, str | None, str | None]:
    """``(html to read, note, error)``: the page flattened when nested too deeply (``note``
    says so), or ``error`` when it is over a bound that reading it cannot meet."""
    links = len(_LINK.findall(html.encode("utf-8", "replace")))
    if links > MAX_LINKS:
        return html, None, f"too many links ({links} > {MAX_LINKS}): a link list, not an article"
    depth = nesting_depth(html)
    if depth <= MAX_DEPTH:
        return html, None, None
    flat = _WRAPPER.sub(" ", html)
    after = nesting_depth(flat)
    if after > MAX_DEPTH:
        return html, None, f"HTML nested too deeply ({depth} levels > {MAX_DEPTH}, {after} after flattening)"
    return flat, f"nested {depth} levels deep (> {MAX_DEPTH}): wrapper tags removed, read flat", None
