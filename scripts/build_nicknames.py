"""Build src/dateline/data/entities_nicknames.tsv: English given names and their short forms.

Source: names.csv of https://github.com/carltonnorthern/nicknames (Apache-2.0) at one pinned
commit, rows ``name1,has_nickname,name2``. One output line per full name, its short forms
joined by "|", both title-cased; sorted, so a rebuild from the same commit is byte-identical.

Usage (after `fetch github:carltonnorthern/nicknames`):
    python scripts/build_nicknames.py --git-dir /work/.mirror/carltonnorthern+nicknames/repo \
        --commit 21d75051c39cb022d145388d60c87dc30505228b
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

REPO = "carltonnorthern/nicknames"
OUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data" / "entities_nicknames.tsv"


def read_names(git_dir: str | None, commit: str, names_csv: str | None) -> str:
    if names_csv:
        return Path(names_csv).read_text(encoding="utf-8")
    if not git_dir:
        raise SystemExit("give --git-dir or --names-csv")
    out = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:names.csv"],
                         check=True, capture_output=True, text=True)
    return out.stdout


def nickname_rows(text: str) -> list[tuple[str, list[str]]]:
    """(full name, sorted short forms) rows from the source's has_nickname relation."""
    shorts: dict[str, set[str]] = defaultdict(set)
    for r in csv.DictReader(io.StringIO(text)):
        if r.get("relationship") != "has_nickname":
            continue
        full, short = r["name1"].strip().lower(), r["name2"].strip().lower()
        if full and short and full != short and full.isalpha() and short.isalpha():
            shorts[full].add(short)
    return [(f.title(), sorted(s.title() for s in shorts[f])) for f in sorted(shorts)]


def render(rows: list[tuple[str, list[str]]], commit: str) -> str:
    head = [
        "# given name\tshort forms (|)",
        f"# Source: https://github.com/{REPO} commit {commit}, names.csv (has_nickname rows).",
        "# License: Apache-2.0 (carltonnorthern/nicknames).",
        "# Built by: python scripts/build_nicknames.py --git-dir <fetched repo> --commit " + commit,
        "# Do not edit by hand: change the script and rebuild.",
    ]
    return "\n".join(head + [f"{f}\t{'|'.join(s)}" for f, s in rows]) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--git-dir")
    ap.add_argument("--commit", required=True)
    ap.add_argument("--names-csv")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    rows = nickname_rows(read_names(args.git_dir, args.commit, args.names_csv))
    Path(args.out).write_text(render(rows, args.commit), encoding="utf-8")
    print(f"{len(rows)} rows -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
