"""Helpers shared by the claims tests: the figures the measure rules read in one sentence, and an
article file as a document whose sentences are its non-empty lines."""

from __future__ import annotations

from pathlib import Path

from dateline.claims.measure import find_measure, refuse
from dateline.claims.quantities import find_quantities
from dateline.model import Document
from dateline.story_profile import StoryProfile


def sentence_figures(sentence: str, profile: StoryProfile | None) -> dict[str, tuple[float, str]]:
    """Quantity text -> (low value, measure name) of every figure ``sentence`` states for a story with ``profile``."""
    out: dict[str, tuple[float, str]] = {}
    for q in find_quantities(sentence):
        if refuse(sentence, q, 0, len(sentence), profile):
            continue
        m = find_measure(sentence, q, 0, len(sentence), None, profile)
        if m is not None:
            out[q.text] = (q.low, m.name)
    return out


def line_document(path: Path, published: str) -> Document:
    """The article at ``path`` as a document published on ``published``, one sentence per non-empty line
    (ECB+ text files hold one sentence per line)."""
    text = path.read_text(encoding="utf-8")
    sents, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            sents.append([pos, pos + len(line.rstrip())])
        pos += len(line) + 1
    return Document(id=path.stem, source=str(path), text=text, sentences=sents, published=published)
