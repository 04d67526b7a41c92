"""Syndicated copies: one wire story printed by several outlets (datasketch MinHash LSH)."""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

from ..model import Document

_WORD = re.compile(r"\w+")


def _shingles(text: str, k: int = 5) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def syndication_groups(docs: list[Document], threshold: float = 0.7, num_perm: int = 64) -> dict[str, str]:
    """Map every document id to the id of its group's first member (itself when it has no copy).

    Two documents are copies when the Jaccard similarity of their word 5-gram sets is about
    ``threshold`` or more (MinHash LSH estimate); groups are the connected components.
    """
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    parent: dict[str, str] = {d.id: d.id for d in docs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for d in docs:
        mh = MinHash(num_perm=num_perm, seed=1)
        mh.update_batch(list(_shingles(d.text)))
        for other in lsh.query(mh):
            a, b = find(d.id), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
        if d.id not in lsh:
            lsh.insert(d.id, mh)
    return {d.id: find(d.id) for d in docs}
