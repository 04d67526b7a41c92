"""`evaluate pubdates-gold --index-urls` gives a text article the URL its corpus index lists (round-7
development corpus), the URL a JSONL input of the same article gives `dateline analyze`."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.evaluate.pubdates_gold import corpus_urls

ROOT = Path(__file__).resolve().parents[1]


def test_index_urls_of_text_articles() -> None:
    index = ROOT / "tests" / "corpora" / "ecbplus_r7" / "index.jsonl"
    row = next(json.loads(line) for line in index.read_text(encoding="utf-8").splitlines() if "6_8ecbplus" in line)
    path = ROOT / row["path"]
    urls = corpus_urls([path])
    assert urls[str(path.resolve())] == row["url"]
    assert "20120411" in row["url"] or "2012" in row["url"]
