"""Shared plumbing of the scripts/build_*.py that write a world-knowledge table under src/dateline/data.

Each of those scripts reads one file of a public source (from a fetched git directory at a pinned
commit, or from a plain copy of that file), turns it into sorted rows and writes a TSV whose
``#`` header names the source, its license and the command that rebuilds it. What differs per table
(the rows, the source's wording) stays in the script; the argument parsing, the reading of the source
file, the header layout and the writing live here, so every table carries the same provenance lines.

Run as ``python scripts/build_x.py``: Python puts scripts/ on the path, so ``import _tsv_build`` works.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data"
DO_NOT_EDIT = "Do not edit by hand: change the script and rebuild."


def source_parser(doc: str | None, out: Path, plain_flag: str, *, commit_default: str | None = None,
                  git_help: str | None = None, plain_help: str | None = None) -> argparse.ArgumentParser:
    """``--git-dir``, ``--commit`` (required unless ``commit_default``), a plain-file flag (``plain_flag``,
    stored as ``plain``) and ``--out`` (default ``out``); described by the first line of ``doc``."""
    ap = argparse.ArgumentParser(description=(doc or "").splitlines()[0] if doc else None)
    ap.add_argument("--git-dir", help=git_help)
    if commit_default is None:
        ap.add_argument("--commit", required=True)
    else:
        ap.add_argument("--commit", default=commit_default)
    ap.add_argument(plain_flag, dest="plain", metavar=plain_flag.lstrip("-").upper().replace("-", "_"), help=plain_help)
    ap.add_argument("--out", default=str(out))
    return ap


def read_source(git_dir: str | None, commit: str, path: str, plain: str | None, plain_flag: str) -> str:
    """The text of ``path`` at ``commit`` of a git directory, or of a plain copy of that file."""
    if plain:
        return Path(plain).read_text(encoding="utf-8")
    if not git_dir:
        raise SystemExit(f"give --git-dir or {plain_flag}")
    out = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"],
                         check=True, capture_output=True, text=True)
    return out.stdout


def read_args(args: argparse.Namespace, path: str, plain_flag: str) -> str:
    """:func:`read_source` with the values parsed by :func:`source_parser`."""
    return read_source(args.git_dir, args.commit, path, args.plain, plain_flag)


def header(title: str, provenance: Sequence[str], build: str, columns: Sequence[str] | None = None) -> list[str]:
    """The ``#`` lines of a table: its title, the provenance lines (source, license, notes, in the
    order given), the build command, the do-not-edit line and, if given, the column names."""
    lines = [title, *provenance, f"Built by: {build}"]
    if columns:
        lines += [f"{DO_NOT_EDIT} Columns:", "\t".join(columns)]
    else:
        lines.append(DO_NOT_EDIT)
    return ["# " + ln for ln in lines]


def git_build(script: str, commit: str) -> str:
    """The rebuild command of a table built from a fetched git repository."""
    return f"python scripts/{script} --git-dir <fetched repo> --commit {commit}"


def table_text(head: Sequence[str], lines: Iterable[str]) -> str:
    """Header and body lines, newline-terminated."""
    return "\n".join([*head, *lines]) + "\n"


def write(out: str | Path, text: str, count: int, noun: str = "rows") -> int:
    """Write the table and say how many rows went where (on stderr); the exit status 0."""
    Path(out).write_text(text, encoding="utf-8")
    print(f"{count} {noun} -> {out}", file=sys.stderr)
    return 0
