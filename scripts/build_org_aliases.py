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

from collections import Counter

from _tsv_build import DATA_DIR, git_build, header, read_args, source_parser, table_text, write

REPO = "confirmordeny/supraverden"
OUT = DATA_DIR / "entities_aliases_orgs.tsv"
SOURCE_PATH = "data/general_list.yaml"


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
    head = header("canonical\ttype\taliases (|)\tid -- international bodies and their English abbreviation.", [
        f"Source: https://github.com/{REPO} commit {commit}, {SOURCE_PATH} (Name_en, Abbreviation_en,"
        " Wikidata_code).",
        "License: CC BY-SA 4.0 (SupraVerden contributors).",
    ], git_build("build_org_aliases.py", commit))
    return table_text(head, ("\t".join(r) for r in rows))


def main(argv: list[str] | None = None) -> int:
    args = source_parser(__doc__, OUT, "--yaml").parse_args(argv)
    rows = org_rows(read_args(args, SOURCE_PATH, "--yaml"))
    return write(args.out, render(rows, args.commit), len(rows))


if __name__ == "__main__":
    raise SystemExit(main())
