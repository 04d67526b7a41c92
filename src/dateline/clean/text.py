"""Text already flattened from web pages: keep body lines, remove boilerplate lines."""

from __future__ import annotations

from .lines import classify_lines
from .ptb import detokenize_if_ptb


def clean_text(text: str):
    from . import Cleaned

    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text, was_ptb = detokenize_if_ptb(text)
    lines = text.split("\n")
    labels, title = classify_lines(lines)
    body = [ln.strip() for ln, keep in zip(lines, labels, strict=True) if keep and ln.strip()]
    boiler = [ln.strip() for ln, keep in zip(lines, labels, strict=True) if not keep and ln.strip()]
    meta = {"ptb_tokenized": was_ptb}
    return Cleaned(text="\n".join(body), boilerplate=boiler, title=title, meta=meta)
