"""Helpers shared by the claims tests: the figures the measure rules read in one sentence."""

from __future__ import annotations

from dateline.claims.measure import find_measure, refuse
from dateline.claims.quantities import find_quantities
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
