"""Build src/dateline/data/entities_aliases_orgs.tsv: international bodies, their English
abbreviation and their Wikidata QID.

Source: data/general_list.yaml of SupraVerden (https://github.com/confirmordeny/supraverden,
CC BY-SA 4.0), a maintained list of supranational bodies, at one pinned commit: fields Name_en,
Abbreviation_en, Wikidata_code. An abbreviation that the list gives to more than one body
("ICC") is left out: it names neither for sure. Rows are sorted, so a rebuild from the same commit
is byte-identical. Needs PyYAML (build time only).

Usage (after `fetch github:confirmordeny/supraverden`):
    python scripts/build_org_aliases.py --git-dir /work/.mirror/confirmordeny+supraverden/repo \
        --commit 59ab4fa0f92f3c75bb45e230908e612f15e8dbdf
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = "confirmordeny/supraverden"
OUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data" / "entities_aliases_orgs.tsv"


def read_list(git_dir: str | None, commit: str, yaml_path: str | None) -> str:
    if yaml_path:
        return Path(yaml_path).read_text(encoding="utf-8")
    if not git_dir:
        raise SystemExit("give --git-dir or --yaml")
    out = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:data/general_list.yaml"],
                         check=True, capture_output=True, text=True)
    return out.stdout


def _clean(value: object) -> str:
    text = str(value or "").strip()
    return "" if text.startswith("[") or text.lower() in ("none", "n/a") else " ".join(text.split())


def org_rows(text: str) -> list[tuple[str, str, str, str]]:
    """(name, "ORG", abbreviation or "", wikidata:QID or "") rows, sorted."""
    import yaml

    data = yaml.safe_load(text) or {}
    bodies = []
    for entry in data.values():
        if not isinstance(entry, dict):
            continue
        name = _clean(entry.get("Name_en"))
        if not name:
            continue
        abbr = _clean(entry.get("Abbreviation_en"))
        qid = _clean(entry.get("Wikidata_code"))
        bodies.append((name, abbr if abbr != name else "", f"wikidata:{qid}" if qid.startswith("Q") else ""))
    shared = Counter(a.lower() for _, a, _ in bodies if a)
    rows = {(n, "ORG", a if a and shared[a.lower()] == 1 else "", q) for n, a, q in bodies}
    return sorted(rows)


def render(rows: list[tuple[str, str, str, str]], commit: str) -> str:
    head = [
        "# canonical\ttype\taliases (|)\tid -- international bodies and their English abbreviation.",
        f"# Source: https://github.com/{REPO} commit {commit}, data/general_list.yaml (Name_en, Abbreviation_en,"
        " Wikidata_code).",
        "# License: CC BY-SA 4.0 (SupraVerden contributors).",
        "# Built by: python scripts/build_org_aliases.py --git-dir <fetched repo> --commit " + commit,
        "# Do not edit by hand: change the script and rebuild.",
    ]
    return "\n".join(head + ["\t".join(r) for r in rows]) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--git-dir")
    ap.add_argument("--commit", required=True)
    ap.add_argument("--yaml")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    rows = org_rows(read_list(args.git_dir, args.commit, args.yaml))
    Path(args.out).write_text(render(rows, args.commit), encoding="utf-8")
    print(f"{len(rows)} rows -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
