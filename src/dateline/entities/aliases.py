"""The shipped alias table (data/entities_aliases.tsv): well-known alias sets of bodies and countries."""

from __future__ import annotations

import functools
from pathlib import Path

from .names import key

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@functools.lru_cache(maxsize=1)
def alias_table() -> dict[str, str]:
    """Folded alias key -> folded canonical key (the canonical maps to itself)."""
    out: dict[str, str] = {}
    for line in (DATA_DIR / "entities_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _type, aliases = (line.split("\t") + ["", ""])[:3]
        ck = key(canonical)
        out[ck] = ck
        for a in aliases.split("|"):
            if a.strip():
                out.setdefault(key(a), ck)
    return out


@functools.lru_cache(maxsize=1)
def alias_display() -> dict[str, str]:
    """Folded canonical key -> its display form in the table."""
    out: dict[str, str] = {}
    for line in (DATA_DIR / "entities_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            canonical = line.split("\t")[0]
            out[key(canonical)] = canonical
    return out
