"""A text input (JSONL, a feed) that prints no date of its own is dated by the date in its URL path, below a
printed stamp's confidence; a printed stamp still wins over the URL (real ECB+ articles and their URLs)."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.model import RawDocument
from dateline.pipeline import analyze_document

ROOT = Path(__file__).resolve().parents[1]
INDEX = ROOT / "tests" / "corpora" / "ecbplus_r7" / "index.jsonl"


def _raw(doc_id: str) -> RawDocument:
    row = next(json.loads(line) for line in INDEX.read_text(encoding="utf-8").splitlines() if doc_id in line)
    text = (ROOT / row["path"]).read_text(encoding="utf-8")
    return RawDocument(id=doc_id, source=row["path"], text=text, url=row["url"])


def test_undated_text_takes_the_url_date() -> None:
    doc = analyze_document(_raw("6_8ecbplus"), disable=("annotate", "timexes", "mentions"))
    assert doc.published == "2012-04-11"
    assert "date in URL" in (doc.published_evidence or "") and doc.published_confidence < 0.75


def test_a_printed_stamp_beats_the_url() -> None:
    doc = analyze_document(_raw("6_3ecbplus"), disable=("annotate", "timexes", "mentions"))
    assert doc.published == "2012-04-04"
    assert "URL" not in (doc.published_evidence or "")
