"""Near-duplicate articles (one wire story printed by several outlets) with MinHash LSH (datasketch)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD = re.compile(r"\w+")
NUM_PERM = 64
SHINGLE = 5


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def duplicate_groups(texts: Sequence[str], threshold: float = 0.8) -> list[int]:
    """For each text, the index of the first text of its near-duplicate group (itself when alone).

    Two texts are one group when MinHash LSH finds their estimated Jaccard similarity of word
    5-shingles at or above ``threshold``; groups are closed transitively (union-find)."""
    from datasketch import MinHash, MinHashLSH

    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if not 0 < threshold <= 1 or len(texts) < 2:
        return parent
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes: list[MinHash] = []
    for i, text in enumerate(texts):
        m = MinHash(num_perm=NUM_PERM, seed=1)
        sh = _shingles(text)
        if sh:
            m.update_batch(list(sh))
        hashes.append(m)
        if not sh:
            continue
        for j in lsh.query(m):
            if m.jaccard(hashes[j]) >= threshold:
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        lsh.insert(i, m)
    return [find(i) for i in range(len(texts))]
