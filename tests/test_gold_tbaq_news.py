"""The tbaq_news attribution/disagreement gold parses, keeps tune and blind apart (by story),
and quotes its articles exactly. No pipeline run: this checks the gold, not the system."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "tbaq_news"
INDEX = ROOT / "tests" / "corpora" / "tbaq_news" / "index.jsonl"
STANCES = {"says", "estimates", "claims", "denies", "acknowledges", "disputes", "doubts", None}


def _load(split: str) -> dict:
    return json.loads((GOLD / f"claims.{split}.json").read_text(encoding="utf-8"))


def _text(path: str) -> str:
    return " ".join((ROOT / path).read_text(encoding="utf-8").split())


@pytest.mark.parametrize("split", ["tune", "blind"])
def test_gold_quotes_its_articles(split: str) -> None:
    g = _load(split)
    assert g["data_root"] == "." and "BEFORE the system was run" in g["description"]
    assert g["articles"] and all((ROOT / a).is_file() for a in g["articles"])
    items = g["attributions"] + [s for d in g["disagreements"] for s in d["sides"]]
    for it in items:
        assert it["doc"] in g["articles"]
        assert _text(it["doc"]).count(" ".join(it["evidence"].split())) == 1, it["evidence"]
    assert all(a["stance"] in STANCES for a in g["attributions"])
    assert all(d["kind"] in ("numeric", "statement") and len(d["sides"]) >= 2 for d in g["disagreements"])


def test_splits_are_disjoint_by_story() -> None:
    rows = [json.loads(line) for line in INDEX.read_text(encoding="utf-8").splitlines() if line.strip()]
    story = {r["path"]: r["story"] for r in rows}
    tune, blind = set(_load("tune")["articles"]), set(_load("blind")["articles"])
    assert not tune & blind
    assert not {story[a] for a in tune} & {story[a] for a in blind}
    assert {r["path"] for r in rows if r["split"] == "blind"} == blind
