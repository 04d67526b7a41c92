"""Temporal expression tagging and TIMEX3 normalisation. Placeholder."""

from __future__ import annotations

from ..model import Timex


def tag_timexes(text: str, anchor: str | None, sentences: list[list[int]] | None = None) -> list[Timex]:
    """All temporal expressions of ``text``, normalised against ``anchor`` (YYYY-MM-DD)."""
    return []
