"""Entities: mentions per document -> cross-document clusters -> gazetteer places."""

from __future__ import annotations

from .link import link_entities
from .mentions import extract_mentions

__all__ = ["extract_mentions", "link_entities"]
