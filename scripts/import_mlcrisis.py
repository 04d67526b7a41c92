"""Rebuild tests/corpora/mlcrisis/ from a snapshot of the public ML-Crisis collection (CL-TLS).

Source: github.com/MorenoLaQuatra/CL-TLS (La Quatra et al., "Cross-lingual timeline
summarization", IEEE AIKE 2021). Only the Yemen topic is taken, in its three languages
(es, fr, it): the English files of that repository are zip archives not present in the snapshot,
and the other topics are either development stories (Libya) or forbidden ones (Egypt, Syria).

What is copied, per language L:
  * ``L/reference/yemen.txt`` (the human gold timeline, tilse format) ->
    ``tls/L_yemen/timelines/yemen.txt``, byte for byte;
  * every raw article ``L/yemen/<YYYY-MM-DD>/<name>.txt`` whose folder date lies inside the gold
    timeline's window [first gold date, last gold date] and whose first 600 characters name the
    country (see ``_ON_STORY``) -> ``tls/L_yemen/InputDocs/<date>/<name>.txt``, byte for byte. The ``.tokenized`` and ``.timeml`` files (the dataset builders' own processing)
    are not copied.
and ``index.jsonl`` (one line per article) is written. Nothing else is changed.

usage: python scripts/import_mlcrisis.py GIT_DIR [--commit SHA] [--out tests/corpora/mlcrisis]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from pathlib import Path

LANGS = ("es", "fr", "it")
TOPIC = "yemen"
COMMIT = "39ae6d5c84f86af45811fc2bf4ea44c4809a685f"
# tune/blind split by topic (language edition): the TLS topic and its articles go to one split.
SPLITS = {"es_yemen": "tune", "fr_yemen": "blind", "it_yemen": "blind"}
# outlet from the dataset's file-name prefix: "gv_" files are Global Voices posts; "ext_" files
# come from other outlets the dataset does not name.
OUTLETS = {"gv": "Global Voices"}
_DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# on-story filter: the dataset's topic folders also hold region-wide round-ups led by other
# countries' stories; an article is kept only if the topic country is named in its first
# LEAD_CHARS characters (headline and lead), in any of the three languages' spellings.
LEAD_CHARS = 600
_ON_STORY = re.compile(r"y[eé]m[eé]n", re.IGNORECASE)


def git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], check=True, capture_output=True).stdout


def gold_window(timeline: bytes) -> tuple[str, str]:
    """First and last date line of a tilse timeline."""
    dates = sorted(line.strip() for line in timeline.decode("utf-8").splitlines() if _DATE_LINE.match(line.strip()))
    return dates[0], dates[-1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("git_dir", type=Path)
    ap.add_argument("--commit", default=COMMIT)
    ap.add_argument("--out", type=Path, default=Path("tests/corpora/mlcrisis"))
    args = ap.parse_args()
    rows = []
    for lang in LANGS:
        topic = f"{lang}_{TOPIC}"
        timeline = git(args.git_dir, "show", f"{args.commit}:{lang}/reference/{TOPIC}.txt")
        first, last = gold_window(timeline)
        tdir = args.out / "tls" / topic
        (tdir / "timelines").mkdir(parents=True, exist_ok=True)
        (tdir / "timelines" / f"{TOPIC}.txt").write_bytes(timeline)
        names = git(args.git_dir, "ls-tree", "-r", "--name-only", args.commit, f"{lang}/{TOPIC}/").decode().split()
        for name in sorted(n for n in names if n.endswith(".txt")):
            _, _, date, fname = name.split("/")
            if not first <= date <= last:
                continue
            data = git(args.git_dir, "show", f"{args.commit}:{name}")
            if not _ON_STORY.search(data.decode("utf-8", errors="replace")[:LEAD_CHARS]):
                continue
            dest = tdir / "InputDocs" / date / fname
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
            rows.append({
                "id": f"{topic}_{date}_{fname[:-4]}",
                "path": str(dest),
                "story": topic,
                "outlet": OUTLETS.get(fname.split("_")[0]),
                "url": None,
                "published": date,
                "split": SPLITS[topic],
                "lang": lang,
            })
    with open(args.out / "index.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles written under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
