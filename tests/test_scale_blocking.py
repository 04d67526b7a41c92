"""Phase 2 without all pairs (issue 14): the day indexes that replace the story-wide pair loops
give exactly the pairs the all-pairs loops kept, on real sentences (ECB+ articles of earlier
rounds; their publication days spread over a week so that the day windows matter)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from dateline.claims import extract_claims
from dateline.claims.contradict import CROSS_COSINE, _close_pairs
from dateline.claims.disagree import _one_window, _window_pairs
from dateline.model import Document

CORPORA = Path(__file__).parent / "corpora"


def _documents(limit: int = 40) -> list[Document]:
    paths = sorted(p for r in ("ecbplus_r6", "ecbplus_r7", "ecbplus_r8") for p in (CORPORA / r / "articles").glob("*/*.txt"))
    docs = []
    for k, path in enumerate(paths[:limit]):
        text = path.read_text(encoding="utf-8")
        d = Document(id=path.stem, source=str(path), status="ok", text=text,
                     published=(date(2012, 3, 1) + timedelta(days=k % 7)).isoformat())
        pos = 0
        for line in text.split("\n"):
            if line.strip():
                d.sentences.append((pos, pos + len(line.rstrip())))
            pos += len(line) + 1
        docs.append(d)
    return docs


def test_window_pairs_are_the_one_window_pairs() -> None:
    claims = extract_claims(_documents(), [])[0]
    cs = sorted(claims, key=lambda c: (c.as_of or "", c.evidence.doc if c.evidence else "", c.evidence.start if c.evidence else 0))
    assert len(cs) > 20 and len({c.as_of for c in cs}) > 3
    every = [(i, j) for i in range(len(cs)) for j in range(i + 1, len(cs)) if _one_window(cs[i], cs[j])]
    got = _window_pairs(cs)
    assert every  # the story has figures of one window
    assert {p for p in got if _one_window(cs[p[0]], cs[p[1]])} == set(every)
    assert got == sorted(got)  # in the order of the all-pairs loop


def test_close_pairs_are_those_of_the_full_matrix() -> None:
    pytest.importorskip("sentence_transformers")
    from dateline.embed import encode

    docs = _documents(24)
    texts, days = [], []
    for d in docs:
        for s, e in d.sentences[:8]:
            texts.append(d.text[s:e])
            days.append(date.fromisoformat(d.published or ""))
    days[3] = None  # a statement of an undated report meets none
    emb = encode(texts)
    full = [(int(i), int(j)) for i, j in np.argwhere(emb @ emb.T >= CROSS_COSINE)
            if days[i] is not None and days[j] is not None and 0 <= (days[j] - days[i]).days <= 1]
    got = _close_pairs(emb, days)
    assert any(days[i] != days[j] for i, j in full)  # pairs of consecutive days are there
    assert got == full
