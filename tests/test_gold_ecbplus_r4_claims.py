"""The round-4 ECB+ claims gold (tests/gold/ecbplus_r4/claims.*.json) parses, keeps tune and blind apart,
and quotes its articles verbatim.

No pipeline run: this checks the hand-made gold itself (the layout ``dateline evaluate claims`` reads),
never the system's output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.gold_support import assert_figure_well_formed
from tests.test_gold_ecbplus_r4 import _index, _round4_paths

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "ecbplus_r4"
SPLITS = ("tune", "blind")
STANCES = {"says", "estimates", "claims", "denies", "acknowledges", "disputes", "doubts"}
AS_OF = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _load(split: str) -> dict:
    return json.loads((GOLD / f"claims.{split}.json").read_text(encoding="utf-8"))


def _text(path: str) -> str:
    return " ".join((ROOT / path).read_text(encoding="utf-8").split())


def _quoted(doc: str, evidence: str) -> bool:
    return " ".join(evidence.split()) in _text(doc)


@pytest.mark.parametrize("split", SPLITS)
def test_claims_header_and_articles(split: str) -> None:
    g = _load(split)
    assert set(g) == {"description", "scope", "data_root", "articles", "figures", "attributions", "disagreements", "corroborations"}
    assert g["data_root"] == "."
    assert "before any system output" in g["description"]
    assert len(set(g["articles"])) == len(g["articles"])
    index = _index()
    for a in g["articles"]:
        assert (ROOT / a).is_file(), a
        assert index[a]["split"] == split, a
    assert set(g["articles"]) == _round4_paths(split)


def test_claims_splits_are_disjoint_by_story() -> None:
    tune, blind = _load("tune"), _load("blind")
    story = {p: r["story"] for p, r in _index().items()}
    assert not {story[a] for a in tune["articles"]} & {story[a] for a in blind["articles"]}


@pytest.mark.parametrize("split", SPLITS)
def test_figures_are_well_formed_and_quoted(split: str) -> None:
    g = _load(split)
    listed = set(g["articles"])
    assert len(g["figures"]) >= 40
    for f in g["figures"]:
        assert_figure_well_formed(f, listed)


@pytest.mark.parametrize("split", SPLITS)
def test_attributions_are_well_formed_and_quoted(split: str) -> None:
    g = _load(split)
    listed = set(g["articles"])
    assert len(g["attributions"]) >= 40
    for a in g["attributions"]:
        assert a["doc"] in listed, a["doc"]
        assert _quoted(a["doc"], a["evidence"]), (a["doc"], a["evidence"])
        assert a["verb"], a
        assert a["stance"] in STANCES, a
        if a["source"] is None:
            assert a["source_entity"] is None, a


@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("key", ["disagreements", "corroborations"])
def test_disagreements_are_well_formed_and_quoted(split: str, key: str) -> None:
    g = _load(split)
    listed = set(g["articles"])
    story = {p: r["story"] for p, r in _index().items()}
    for d in g[key]:
        assert d["kind"] in ("numeric", "statement"), d
        assert d["topic"] and d["why"], d
        assert len(d["sides"]) >= 2, d
        assert len({story[s["doc"]] for s in d["sides"]}) == 1, d["topic"]
        for s in d["sides"]:
            assert s["doc"] in listed, s["doc"]
            assert _quoted(s["doc"], s["evidence"]), (s["doc"], s["evidence"])
            assert s["says"], s
        pairs = [(s["doc"], " ".join(s["evidence"].split())) for s in d["sides"]]
        assert len(set(pairs)) == len(pairs), d["topic"]
