"""Build src/dateline/data/gazetteer_us_state_abbr.tsv: AP-style US state abbreviations ("Calif.", "Colo.").

News datelines and addresses name a state by its AP abbreviation ("Golden, Colo.", "Sunnyvale, Calif."):
read as the state, they set the story in that state so that its small towns are found. The
abbreviations come from the ``ap_abbr`` field of ``us/states.py`` in the ``us`` PyPI package
(python-us by the unitedstates project; BSD-3-Clause, Sunlight Labs), read from its wheel with ``ast``
(the package itself needs jellyfish, which the project does not install). Two-letter forms with one
period ("La.", "Pa.", "Ga.", "Va.", "Md.") are marked ``after_town``: read only right after a town's name
and a comma ("Bethesda, Md."), never alone ("LA" names Los Angeles far more often than Louisiana);
"N.Y.", "N.C." and the longer forms are read anywhere (``any``).

Usage (the wheel from PyPI, e.g. `pip download us==4.0.0 --no-deps -d /tmp/us`):
    python scripts/build_us_state_abbreviations.py --wheel /tmp/us/us-4.0.0-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import re
import zipfile
from pathlib import Path

from _tsv_build import DATA_DIR, header, table_text, write

OUT = DATA_DIR / "gazetteer_us_state_abbr.tsv"


def state_rows(source: str) -> list[tuple[str, str, str]]:
    """(AP abbreviation, state name, where it is read) from the dict literals of ``us/states.py`` that
    carry both."""
    rows = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Dict):
            continue
        fields = {k.value: v.value for k, v in zip(node.keys, node.values, strict=True)
                  if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)}
        abbr, name = fields.get("ap_abbr"), fields.get("name")
        if not isinstance(abbr, str) or not isinstance(name, str) or not abbr.endswith("."):
            continue
        short = len(re.sub(r"[^A-Za-z]", "", abbr)) < 3 and abbr.count(".") < 2
        rows.add((abbr, name, "after_town" if short else "any"))  # "La.", "Pa.": too close to other words
    return sorted(rows)


def render(rows: list[tuple[str, str, str]], wheel: str, digest: str) -> str:
    head = header("ap_abbreviation\tstate\tread (any: anywhere; after_town: only after a town's name and a comma)", [
        f"Source: PyPI package us, wheel {wheel} (sha256 {digest}), us/states.py field ap_abbr.",
        "License: BSD-3-Clause (Copyright (c) 2014, Sunlight Labs); python-us by the unitedstates project.",
    ], "python scripts/build_us_state_abbreviations.py --wheel <us wheel>")
    return table_text(head, ("\t".join(r) for r in rows))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", required=True, help="us-4.0.0-py3-none-any.whl")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    data = Path(args.wheel).read_bytes()
    with zipfile.ZipFile(args.wheel) as zf:
        source = zf.read("us/states.py").decode("utf-8")
    rows = state_rows(source)
    return write(args.out, render(rows, Path(args.wheel).name, hashlib.sha256(data).hexdigest()), len(rows),
                 "abbreviations")


if __name__ == "__main__":
    raise SystemExit(main())
