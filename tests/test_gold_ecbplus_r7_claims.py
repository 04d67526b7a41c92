"""The round-7 ECB+ claims gold (tests/gold/ecbplus_r7/claims.blind.json) parses, covers the 26 round-7 articles,
and quotes its articles verbatim.

No pipeline run: this checks the hand-made gold itself (the layout ``dateline evaluate claims`` reads),
never the system's output.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.gold_support import STANCES, assert_figure_well_formed, quoted

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpora" / "ecbplus_r7"
GOLD = ROOT / "tests" / "gold" / "ecbplus_r7" / "claims.blind.json"
STORIES = {"film_director_negotiations_2012", "crossfire_shooting_trial_2011", "athlete_dui_arrest_2009",
           "browser_zero_day_patch_2013", "political_aide_death_2004"}
# Floors: the counts the texts support (README.claims.md), all annotated.
FIGURES, ATTRIBUTIONS, DISAGREEMENTS, CORROBORATIONS = 58, 160, 47, 75
PER_STORY = {  # story: (figures, attributions)
    "film_director_negotiations_2012": (5, 27),
    "crossfire_shooting_trial_2011": (33, 28),
    "athlete_dui_arrest_2009": (7, 28),
    "browser_zero_day_patch_2013": (5, 38),
    "political_aide_death_2004": (8, 39),
}


def _index() -> dict[str, dict]:
    rows = [json.loads(line) for line in (CORPUS / "index.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["path"]: r for r in rows}


def _load() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def test_claims_header_and_articles() -> None:
    g = _load()
    assert list(g) == ["description", "scope", "data_root", "articles", "figures", "attributions", "disagreements", "corroborations"]
    assert g["data_root"] == "."
    assert "before any system output" in g["description"]
    assert len(set(g["articles"])) == len(g["articles"]) == 26
    index = _index()
    for a in g["articles"]:
        assert (ROOT / a).is_file(), a
        assert index[a]["split"] == "blind", a
    assert set(g["articles"]) == set(index)
    assert {index[a]["story"] for a in g["articles"]} == STORIES


def test_figures_are_well_formed_and_quoted() -> None:
    g = _load()
    listed = set(g["articles"])
    assert len(g["figures"]) >= FIGURES
    for f in g["figures"]:
        assert set(f) == {"doc", "evidence", "value", "bound", "approximate", "as_of", "source", "source_entity", "verb", "stance", "measure"}, f
        assert_figure_well_formed(f, listed)
        if f["source"] is not None:
            assert f["verb"] and f["stance"], f
    keys = [(f["doc"], " ".join(f["evidence"].split()), tuple(f["value"]), f["measure"]) for f in g["figures"]]
    assert len(set(keys)) == len(keys)


def test_attributions_are_well_formed_and_quoted() -> None:
    g = _load()
    listed = set(g["articles"])
    assert len(g["attributions"]) >= ATTRIBUTIONS
    for a in g["attributions"]:
        assert set(a) == {"doc", "evidence", "source", "source_entity", "verb", "stance"}, a
        assert a["doc"] in listed, a["doc"]
        assert quoted(a["doc"], a["evidence"]), (a["doc"], a["evidence"])
        assert a["verb"], a
        assert a["stance"] in STANCES, a
        if a["source"] is None:
            assert a["source_entity"] is None, a
        else:
            assert a["source"].split()[0].lower() not in ("he", "she", "they", "it", "his", "her", "their"), a
    keys = [(a["doc"], " ".join(a["evidence"].split()), a["source"]) for a in g["attributions"]]
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("key", ["disagreements", "corroborations"])
def test_disagreements_are_well_formed_and_quoted(key: str) -> None:
    g = _load()
    listed = set(g["articles"])
    story = {p: r["story"] for p, r in _index().items()}
    for d in g[key]:
        assert set(d) == {"kind", "topic", "why", "sides"}, d
        assert d["kind"] in ("numeric", "statement"), d
        assert d["topic"] and d["why"], d
        assert len(d["sides"]) >= 2, d
        assert len({story[s["doc"]] for s in d["sides"]}) == 1, d["topic"]
        for s in d["sides"]:
            assert set(s) == {"doc", "evidence", "source", "says"}, s
            assert s["doc"] in listed, s["doc"]
            assert quoted(s["doc"], s["evidence"]), (s["doc"], s["evidence"])
            assert s["says"], s
        pairs = [(s["doc"], " ".join(s["evidence"].split())) for s in d["sides"]]
        assert len(set(pairs)) == len(pairs), d["topic"]


def test_counts_meet_what_the_texts_support() -> None:
    """Every story has figures, attributions, disagreements and corroborations; floors at the counts the texts support
    (see README.claims.md: these 26 short articles hold fewer figures than round 6's); one numeric disagreement (the
    shots fired: a dozen vs 13), the rest are statements."""
    g = _load()
    story = {p: r["story"] for p, r in _index().items()}
    assert len(g["figures"]) >= FIGURES
    assert len(g["attributions"]) >= ATTRIBUTIONS
    assert len(g["disagreements"]) >= DISAGREEMENTS
    assert len(g["corroborations"]) >= CORROBORATIONS
    for key in ("figures", "attributions"):
        assert {story[x["doc"]] for x in g[key]} == STORIES, key
    for key in ("disagreements", "corroborations"):
        assert {story[d["sides"][0]["doc"]] for d in g[key]} == STORIES, key
    within = sum(1 for d in g["disagreements"] if len({s["doc"] for s in d["sides"]}) == 1)
    across = len(g["disagreements"]) - within
    assert within >= 10 and across >= 10
    kinds = Counter(d["kind"] for d in g["disagreements"])
    assert kinds["numeric"] >= 1 and kinds["statement"] >= 30
    assert Counter(d["kind"] for d in g["corroborations"])["numeric"] >= 10


def test_every_story_has_figures_where_its_text_gives_them() -> None:
    """Per-story floors on figures and attributions (the counts of README.claims.md)."""
    g = _load()
    story = {p: r["story"] for p, r in _index().items()}
    figs = Counter(story[f["doc"]] for f in g["figures"])
    atts = Counter(story[a["doc"]] for a in g["attributions"])
    for name, (nf, na) in PER_STORY.items():
        assert figs[name] >= nf, (name, figs[name])
        assert atts[name] >= na, (name, atts[name])
