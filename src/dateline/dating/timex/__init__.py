"""Temporal expression tagging and TIMEX3 normalisation (rule-based, regex grammar, no spaCy).

``tag_timexes(text, anchor, sentences)`` finds dates, times, durations and sets in news text and
resolves them against the anchor (publication date). Modules: ``lexicon`` (word lists),
``grammar`` (compiled patterns), ``normalise`` (match -> value), ``anchor`` (calendar arithmetic),
``tense`` (past/future cues), ``filters`` (not-a-date cues), ``tagger`` (match selection).
"""

from __future__ import annotations

from .tagger import tag_timexes

__all__ = ["tag_timexes"]
