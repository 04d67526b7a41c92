"""Line-level scoring of the flattened-text cleaner against hand-labelled Timeline17 lines.

Used by ``dateline evaluate cleaning GOLD.json`` (a gold file instead of a folder). The gold
(``tests/fixtures/clean/t17_lines_gold.json``) lists, for each file, the lines that are not
body: ``boilerplate``, ``title`` (holds the headline and no body), or ``{"mixed": WORDS}``
(junk glued in front of body that starts at WORDS); and the headline (null when none).

Metrics:

* ``precision`` / ``recall`` / ``f1``: of body lines (body and mixed), line by line. A line
  counts as kept when its last tokens (of its body part) are found, in order, in the
  cleaned text.
* ``text_f1``: the AEB 4-token shingle F1 between the cleaned text and the gold body text
  (body lines, mixed lines from WORDS on), macro over files: catches glued junk too.
* ``title_accuracy``: headline equal after token folding, "no headline" counting as an
  answer; ``title_found`` on files with a headline; ``title_wrong``: files where a headline
  was given that is not the gold one.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

_TOKEN = re.compile(r"\w+", re.UNICODE)
KEY_TOKENS = 12


def _key(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def default_data_root(gold_path: Path) -> Path:
    """Where the gold's relative paths live: $DATELINE_SHARED_DATA/timeline17, else
    ../shared/data/timeline17 beside the repository holding the gold file."""
    env = os.environ.get("DATELINE_SHARED_DATA")
    if env:
        return Path(env) / "timeline17"
    for parent in gold_path.resolve().parents:
        cand = parent.parent / "shared" / "data" / "timeline17"
        if (parent / "pyproject.toml").exists() and cand.exists():
            return cand
    return Path("../shared/data/timeline17")


def gold_lines(entry: dict[str, Any], lines: list[str]) -> list[tuple[str, str]]:
    """(label, body part) of each line: label body / mixed / boilerplate / title / blank."""
    marks = dict(entry.get("lines", {}))
    for a, b in entry.get("boilerplate_ranges", []):
        for i in range(a, b + 1):
            marks.setdefault(str(i), "boilerplate")
    out = []
    for i, ln in enumerate(lines):
        m = marks.get(str(i), "body")
        if not ln.strip():
            out.append(("blank", ""))
        elif isinstance(m, dict):
            words = m["mixed"]
            at = ln.find(words)
            if at < 0:
                raise ValueError(f"{entry['path']} line {i}: {words!r} not found")
            out.append(("mixed", ln[at:]))
        else:
            out.append((m, ln))
    return out


def kept_flags(parts: list[str], cleaned: str) -> list[bool]:
    """Which lines survive in ``cleaned``: the line's last tokens found in order."""
    text = " " + _key(cleaned) + " "
    cursor, flags = 0, []
    for part in parts:
        toks = _key(part).split()
        if not toks:
            flags.append(False)
            continue
        needle = " " + " ".join(toks[-KEY_TOKENS:]) + " "
        at = text.find(needle, cursor)
        flags.append(at >= 0)
        if at >= 0:
            cursor = at + len(needle) - 1
    return flags


def evaluate_lines(gold_path: Path, data_root: Path | None = None, limit: int | None = None,
                   per_page: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    from ..clean.ptb import detokenize_if_ptb
    from ..clean.text import clean_text
    from ..ingest.decode import decode_text
    from .cleaning import aeb_scores, shingle_tp_fp_fn

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    root = data_root or default_data_root(gold_path)
    files = sorted(gold["files"], key=lambda e: e["path"])
    if limit is not None:
        files = files[:limit]
    tp = fp = fn = 0
    pages, exact = [], []
    title_ok = title_found = title_wrong = with_title = 0
    for entry in files:
        raw, _ = decode_text((root / entry["path"]).read_bytes())
        c = clean_text(raw)
        text, _ptb = detokenize_if_ptb(raw.replace("\r\n", "\n").replace("\ufeff", ""))
        labelled = gold_lines(entry, text.split("\n"))
        parts = [p if lab in ("body", "mixed") else ln for (lab, p), ln in zip(labelled, text.split("\n"), strict=True)]
        flags = kept_flags(parts, c.text)
        row = {"path": entry["path"], "tp": 0, "fp": 0, "fn": 0}
        for (lab, _), kept in zip(labelled, flags, strict=True):
            if lab == "blank":
                continue
            is_body = lab in ("body", "mixed")
            row["tp"] += is_body and kept
            row["fp"] += (not is_body) and kept
            row["fn"] += is_body and not kept
        tp, fp, fn = tp + row["tp"], fp + row["fp"], fn + row["fn"]
        gold_text = "\n".join(p for lab, p in labelled if lab in ("body", "mixed"))
        pages.append(shingle_tp_fp_fn(gold_text, c.text))
        exact.append(_key(gold_text) == _key(c.text))
        g, p = _key(entry.get("title") or ""), _key(c.title or "")
        title_ok += g == p
        if g:
            with_title += 1
            title_found += g == p
        title_wrong += bool(p) and g != p
        row.update(title=c.title, title_ok=g == p)
        if per_page is not None:
            per_page.append(row)
        print(f"  {entry['path']}: tp {row['tp']} fp {row['fp']} fn {row['fn']} title {c.title!r}", file=sys.stderr)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    text_scores = aeb_scores(pages, exact)
    n = len(files)
    return {
        "dataset": "t17-lines", "mode": "text", "extractor": "lines", "n": n, "errors": 0,
        "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0,
        "precision": round(prec, 4), "recall": round(rec, 4), "accuracy": round(text_scores["accuracy"], 4),
        "text_f1": round(text_scores["f1"], 4), "text_precision": round(text_scores["precision"], 4),
        "text_recall": round(text_scores["recall"], 4),
        "title_accuracy": round(title_ok / n, 4) if n else 0.0, "title_n": n,
        "title_found": f"{title_found}/{with_title}", "title_wrong": title_wrong,
        "tp": tp, "fp": fp, "fn": fn,
    }
