"""Readers by format (txt, html, jsonl, warc) -> raw documents with stable unique ids."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar

from ..model import RawDocument
from .files import DEFAULT_MAX_BYTES, expand_inputs, read_file


class _HasId(Protocol):
    id: str
    source: str


T = TypeVar("T", bound=_HasId)


def unique_ids(items: Iterable[T]) -> Iterator[T]:
    """Make ids unique in order. A repeated id keeps its first holder's name; later holders
    get a suffix derived from their source, so ids do not depend on how many came before."""
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            suffix = hashlib.sha1(item.source.encode("utf-8", "replace")).hexdigest()[:8]
            new_id = f"{item.id}~{suffix}"
            k = 2
            while new_id in seen:
                new_id = f"{item.id}~{suffix}-{k}"
                k += 1
            item.id = new_id
        seen.add(item.id)
        yield item


def read_inputs(inputs: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument]:
    """Every document in the inputs, in a stable order (sorted walk), ids made unique."""
    return unique_ids(raw for path in expand_inputs(inputs) for raw in read_file(path, max_bytes=max_bytes))


__all__ = ["read_inputs", "unique_ids", "DEFAULT_MAX_BYTES"]
