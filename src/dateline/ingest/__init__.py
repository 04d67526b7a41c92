"""Readers by format (txt, html, jsonl, warc) -> raw documents with stable unique ids."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar

from ..model import RawDocument
from .files import DEFAULT_MAX_BYTES, expand_inputs, read_file
from .limits import tame_html


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


def bounded(raws: Iterable[RawDocument]) -> Iterator[RawDocument]:
    """Each HTML input within the bounds of :mod:`.limits`: flattened (noted in ``meta``) or refused with the reason."""
    for raw in raws:
        if raw.html is not None and not raw.error:
            html, note, error = tame_html(raw.html)
            if error:
                raw.error, raw.html = error, None
            elif note:
                raw.html = html
                raw.meta["html_flattened"] = note
        yield raw


def read_inputs(inputs: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument]:
    """Every document in the inputs, in a stable order (sorted walk), bounded, ids made unique."""
    return unique_ids(bounded(raw for path in expand_inputs(inputs) for raw in read_file(path, max_bytes=max_bytes)))


__all__ = ["DEFAULT_MAX_BYTES", "bounded", "read_inputs", "unique_ids"]
