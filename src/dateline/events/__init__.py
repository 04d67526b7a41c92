"""Events: sentences -> events -> timeline -> summary."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Document, Entity, Event, Summary, TimelineEntry


@dataclass
class TimelineOptions:
    max_dates: int | None = None  # None: chosen from the story
    sentences_per_date: int = 2
    query: list[str] | None = None
    start: str | None = None
    end: str | None = None


def build_timeline(
    docs: list[Document], entities: list[Entity], options: TimelineOptions
) -> tuple[list[Event], list[TimelineEntry], Summary]:
    """Events, the timeline and the overall summary (reduce phase). Placeholder."""
    return [], [], Summary()


__all__ = ["TimelineOptions", "build_timeline"]
