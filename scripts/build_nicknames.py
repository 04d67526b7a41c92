"""Build src/dateline/data/entities_nicknames.tsv: English given names and their short forms.

Source: names.csv of https://github.com/carltonnorthern/nicknames (Apache-2.0) at one pinned
commit, rows ``name1,has_nickname,name2``. One output line per full name, its short forms
joined by "|", both title-cased; sorted, so a rebuild from the same commit is byte-identical.

Usage (after `fetch github:carltonnorthern/nicknames`):
    python scripts/build_nicknames.py --git-dir /work/.mirror/carltonnorthern+nicknames/repo \
        --commit 21d75051c39cb022d145388d60c87dc30505228b
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict

from _tsv_build import DATA_DIR, git_build, header, read_args, source_parser, table_text, write

REPO = "carltonnorthern/nicknames"
OUT = DATA_DIR / "entities_nicknames.tsv"
SOURCE_PATH = "names.csv"


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
    head = header("given name\tshort forms (|)", [
        f"Source: https://github.com/{REPO} commit {commit}, {SOURCE_PATH} (has_nickname rows).",
        "License: Apache-2.0 (carltonnorthern/nicknames).",
    ], git_build("build_nicknames.py", commit))
    return table_text(head, (f"{f}\t{'|'.join(s)}" for f, s in rows))


def main(argv: list[str] | None = None) -> int:
    args = source_parser(__doc__, OUT, "--names-csv").parse_args(argv)
    rows = nickname_rows(read_args(args, SOURCE_PATH, "--names-csv"))
    return write(args.out, render(rows, args.commit), len(rows))


if __name__ == "__main__":
    raise SystemExit(main())
