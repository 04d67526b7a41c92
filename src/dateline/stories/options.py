"""The settings of story detection (the ``[stories]`` section of settings.toml)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class StoryOptions:
    """How documents are grouped into stories (see ``stories.detect``).

    ``threshold``: the lowest mean cosine between a document and a story's documents for it
    to join it (chosen on pooled T17 families, left-out families scored: ``dateline evaluate
    stories``). ``merge``: the lowest mean cosine between two stories' documents for them to become
    one (``None``: the same as ``threshold``). ``entity_weight``: the share of the similarity
    given to the named entities the articles mention (the rest is their words).
    ``time_scale_days``: similarity is multiplied by ``exp(-gap / time_scale_days)`` where ``gap``
    is the days between the document and the story's nearest member (0: time plays no part).
    ``duplicate``: MinHash Jaccard of word 5-shingles above which two articles are copies of one
    wire story (kept together whatever the rest says). ``min_documents``: smaller groups are
    listed as unassigned when the pile holds several stories. ``neighbours``: an article is
    compared with that many most similar articles of each story (0: with all of them).
    ``merge_in_time``: the merge damps the mean cosine of two stories by the days between their
    spans as the single pass does (false: time plays no part in the merge). ``absorb``: after the
    merge, a story of ``n`` documents joins a story of at least
    ``n / absorb_share`` documents when the cosine of their centroids (damped by time) is at
    least this (0: off; ``detect.absorb_fragments``). ``attach``: after that, a story of at least
    two units joins a story of at least twice its units when the mean cosine of its units to their
    ``attach_k`` nearest units there (damped by time) is at least ``attach`` times the same within
    the story itself and ``attach_margin`` times that to any other story (0: off;
    ``detect.attach_fragments``).
    """

    enabled: bool = True
    threshold: float = 0.025
    merge: float | None = None
    entity_weight: float = 0.3
    time_scale_days: float = 60.0
    duplicate: float = 0.8
    min_documents: int = 2
    neighbours: int = 0
    absorb: float = 0.0
    absorb_share: float = 0.1
    merge_in_time: bool = False
    attach: float = 0.0
    attach_k: int = 5
    attach_margin: float = 1.5
