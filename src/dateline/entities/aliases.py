"""The shipped alias table (data/entities_aliases.tsv): well-known alias sets of bodies and countries."""

from __future__ import annotations

import functools

from .names import DATA_DIR, key


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[str, ...]:
    """The table's data lines (blank lines and # comments left out), read once."""
    text = (DATA_DIR / "entities_aliases.tsv").read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def alias_table() -> dict[str, str]:
    """Folded alias key -> folded canonical key (the canonical maps to itself)."""
    out: dict[str, str] = {}
    for line in _rows():
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
    for line in _rows():
        canonical = line.split("\t")[0]
        out[key(canonical)] = canonical
    return out


@functools.lru_cache(maxsize=1)
def org_abbreviations() -> dict[str, str]:
    """Folded abbreviation -> folded full name of the body, from data/entities_aliases_orgs.tsv
    (built by scripts/build_org_aliases.py from SupraVerden, CC BY-SA 4.0). Unlike the alias table
    this is applied only when the story also names the body in full (see link._apply_acronyms):
    an abbreviation alone ("ETF", "IOC") often means something else in the news."""
    out: dict[str, str] = {}
    text = (DATA_DIR / "entities_aliases_orgs.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _type, abbr = (line.split("\t") + ["", ""])[:3]
        for a in abbr.split("|"):
            if a.strip():
                out.setdefault(key(a), key(name))
    return out


@functools.lru_cache(maxsize=1)
def org_wikidata_ids() -> dict[str, str]:
    """Folded full name of an international body -> its Wikidata QID ("Q1065"), same table."""
    out: dict[str, str] = {}
    for line in (DATA_DIR / "entities_aliases_orgs.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _type, _abbr, ident = (line.split("\t") + ["", "", ""])[:4]
        if ident.startswith("wikidata:"):
            out.setdefault(key(name), ident.split(":", 1)[1])
    return out


@functools.lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    """Folded other name of a country ("republic of kenya", "burma", "uae") -> the folded name
    GeoNames gives it, from data/entities_aliases_countries.tsv (built by
    scripts/build_country_aliases.py from mledoze/countries, ODbL-1.0). Applied only when the story
    also names the country so (link._apply_country_names)."""
    out: dict[str, str] = {}
    text = (DATA_DIR / "entities_aliases_countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _type, names = (line.split("\t") + ["", ""])[:3]
        for a in names.split("|"):
            if a.strip() and key(a) != key(name):
                out.setdefault(key(a), key(name))
    return out


@functools.lru_cache(maxsize=1)
def country_display() -> dict[str, str]:
    """Folded GeoNames country name -> that name as written ("kenya" -> "Kenya"), same table."""
    out: dict[str, str] = {}
    for line in (DATA_DIR / "entities_aliases_countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name = line.split("\t")[0]
            out[key(name)] = name
    return out
