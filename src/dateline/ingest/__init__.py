"""Readers by format (txt, html, jsonl, warc) -> raw documents with stable unique ids."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from ..model import RawDocument
from .files import DEFAULT_MAX_BYTES, expand_inputs, read_file


def read_inputs(inputs: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument]:
    """Every document in the inputs, in a stable order, ids made unique.

    A repeated id keeps its first holder's name; later holders get a suffix derived from
    their source path, so ids do not depend on how many duplicates came before.
    """
    seen: set[str] = set()
    for path in expand_inputs(inputs):
        for raw in read_file(path, max_bytes=max_bytes):
            if raw.id in seen:
                suffix = hashlib.sha1(raw.source.encode("utf-8", "replace")).hexdigest()[:8]
                new_id = f"{raw.id}~{suffix}"
                k = 2
                while new_id in seen:
                    new_id = f"{raw.id}~{suffix}-{k}"
                    k += 1
                raw.id = new_id
            seen.add(raw.id)
            yield raw


__all__ = ["read_inputs", "DEFAULT_MAX_BYTES"]
