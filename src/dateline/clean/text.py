"""Text already flattened from web pages: keep body lines, remove boilerplate lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cta import call_to_action_lines
from .features import guess_stoplist
from .header import split_header
from .lines import classify_lines_detail
from .ptb import detokenize_if_ptb
from .teasers import teaser_lines
from .title import find_title

if TYPE_CHECKING:
    from . import Cleaned


def clean_text(text: str) -> Cleaned:
    """Clean flattened text: undo PTB tokenization, take off a wire header (kept in meta),
    classify lines as body or boilerplate, find the headline."""
    from . import Cleaned

    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text, was_ptb = detokenize_if_ptb(text)
    lines = text.split("\n")
    lines, header = split_header(lines)
    dropped = [lines[j].strip() for j in header.dropped]
    for j in header.dropped:
        lines[j] = ""
    keep, _ = classify_lines_detail(lines)
    for i in call_to_action_lines(lines, keep):
        keep[i] = False
    for i in teaser_lines(lines, keep, guess_stoplist([ln for ln in lines if ln.strip()])):
        keep[i] = False
    title = header.title or find_title(lines, keep)
    if title and True in keep and lines[keep.index(True)].strip() == title:
        keep[keep.index(True)] = False  # the headline opened the body: it is the title, not body
    body = [ln.strip() for ln, k in zip(lines, keep, strict=True) if k and ln.strip()]
    boiler = [ln.strip() for ln, k in zip(lines, keep, strict=True) if not k and ln.strip() and ln.strip() != title]
    meta: dict = {"ptb_tokenized": was_ptb, **header.meta}
    if header.removed:
        boiler.insert(0, header.removed)
    boiler[:0] = dropped
    return Cleaned(text="\n".join(body), boilerplate=boiler, title=title, meta=meta)
