"""The ECB+ claims golds of every round (tests/gold/ecbplus_r*/claims.*.json) parse, cover their round's articles,
keep tune and blind apart and quote their articles verbatim; what differs per round is data in tests/gold_rounds.py.

No pipeline run: this checks the hand-made gold itself (the layout ``dateline evaluate claims`` reads),
never the system's output.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.gold_rounds import CLAIMS, Claims, load, params, round_articles, split_pairs
from tests.gold_support import ROOT, STANCES, assert_figure_well_formed, assert_splits_disjoint, corpus_index, quoted

TOP = ["description", "scope", "data_root", "articles", "figures", "attributions", "disagreements", "corroborations"]
FIGURE_KEYS = {"doc", "evidence", "value", "bound", "approximate", "as_of", "source", "source_entity", "verb",
               "stance", "measure"}
ATTRIBUTION_KEYS = {"doc", "evidence", "source", "source_entity", "verb", "stance"}
PRONOUNS = ("he", "she", "they", "it", "his", "her", "their")


def _stories(c: Claims) -> dict[str, str]:
    return {p: r["story"] for p, r in corpus_index(c.round.corpus).items()}


@pytest.mark.parametrize("c", params(CLAIMS))
def test_claims_header_and_articles(c: Claims) -> None:
    g = load(c.round, "claims")
    if c.strict_layout:
        assert list(g) == TOP
    else:
        assert set(g) == set(TOP)
    assert g["data_root"] == "."
    assert "before any system output" in g["description"]
    assert len(set(g["articles"])) == len(g["articles"])
    if c.round.articles is not None:
        assert len(g["articles"]) == c.round.articles
    index = corpus_index(c.round.corpus)
    for a in g["articles"]:
        assert (ROOT / a).is_file(), a
        assert index[a]["split"] == c.round.split, a
    assert set(g["articles"]) == round_articles(c.round)
    assert {index[a]["story"] for a in g["articles"]} == c.round.stories


@pytest.mark.parametrize("pair", split_pairs(CLAIMS))
def test_claims_splits_are_disjoint_by_story(pair: tuple[Claims, Claims]) -> None:
    tune, blind = (load(c.round, "claims") for c in pair)
    assert_splits_disjoint(tune["articles"], blind["articles"], corpus_index(pair[0].round.corpus))


@pytest.mark.parametrize("c", params(CLAIMS))
def test_figures_are_well_formed_and_quoted(c: Claims) -> None:
    g = load(c.round, "claims")
    listed = set(g["articles"])
    for f in g["figures"]:
        if c.strict_layout:
            assert set(f) == FIGURE_KEYS, f
        assert_figure_well_formed(f, listed)
        if c.strict_layout and f["source"] is not None:
            assert f["verb"] and f["stance"], f
    if c.strict_layout:
        keys = [(f["doc"], " ".join(f["evidence"].split()), tuple(f["value"]), f["measure"]) for f in g["figures"]]
        assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("c", params(CLAIMS))
def test_attributions_are_well_formed_and_quoted(c: Claims) -> None:
    g = load(c.round, "claims")
    listed = set(g["articles"])
    for a in g["attributions"]:
        if c.strict_layout:
            assert set(a) == ATTRIBUTION_KEYS, a
        assert a["doc"] in listed, a["doc"]
        assert quoted(a["doc"], a["evidence"]), (a["doc"], a["evidence"])
        assert a["verb"], a
        assert a["stance"] in STANCES, a
        if a["source"] is None:
            assert a["source_entity"] is None, a
        elif c.strict_layout:
            assert a["source"].split()[0].lower() not in PRONOUNS, a
    if c.strict_layout:
        keys = [(a["doc"], " ".join(a["evidence"].split()), a["source"]) for a in g["attributions"]]
        assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("c", params(CLAIMS))
@pytest.mark.parametrize("key", ["disagreements", "corroborations"])
def test_disagreements_are_well_formed_and_quoted(key: str, c: Claims) -> None:
    g = load(c.round, "claims")
    listed = set(g["articles"])
    story = _stories(c)
    for d in g[key]:
        if c.strict_layout:
            assert set(d) == {"kind", "topic", "why", "sides"}, d
        assert d["kind"] in ("numeric", "statement"), d
        assert d["topic"] and d["why"], d
        assert len(d["sides"]) >= 2, d
        assert len({story[s["doc"]] for s in d["sides"]}) == 1, d["topic"]
        for s in d["sides"]:
            if c.strict_layout:
                assert set(s) == {"doc", "evidence", "source", "says"}, s
            assert s["doc"] in listed, s["doc"]
            assert quoted(s["doc"], s["evidence"]), (s["doc"], s["evidence"])
            assert s["says"], s
        pairs = [(s["doc"], " ".join(s["evidence"].split())) for s in d["sides"]]
        assert len(set(pairs)) == len(pairs), d["topic"]


@pytest.mark.parametrize("c", params(CLAIMS))
def test_counts_meet_what_the_texts_support(c: Claims) -> None:
    """The round's floors on every list (README.claims.md), the lists that must touch every story, disagreements
    within one article and across articles, and the kinds of disagreements and corroborations."""
    g = load(c.round, "claims")
    story = _stories(c)
    assert len(g["figures"]) >= c.figures
    assert len(g["attributions"]) >= c.attributions
    assert len(g["disagreements"]) >= c.disagreements
    assert len(g["corroborations"]) >= c.corroborations
    for key in c.cover_every_story:
        if key in ("figures", "attributions"):
            assert {story[x["doc"]] for x in g[key]} == c.round.stories, key
        else:
            assert {story[d["sides"][0]["doc"]] for d in g[key]} == c.round.stories, key
    within = sum(1 for d in g["disagreements"] if len({s["doc"] for s in d["sides"]}) == 1)
    across = len(g["disagreements"]) - within
    assert within >= c.within and across >= c.across
    kinds = Counter(d["kind"] for d in g["disagreements"])
    for kind, low in c.disagreement_kinds.items():
        assert kinds[kind] >= low, (kind, kinds[kind])
    kinds = Counter(d["kind"] for d in g["corroborations"])
    for kind, low in c.corroboration_kinds.items():
        assert kinds[kind] >= low, (kind, kinds[kind])


@pytest.mark.parametrize("c", params(CLAIMS, lambda c: c.per_story))
def test_every_story_has_figures_where_its_text_gives_them(c: Claims) -> None:
    """Per-story floors on figures and attributions (the counts of README.claims.md)."""
    g = load(c.round, "claims")
    story = _stories(c)
    figs = Counter(story[f["doc"]] for f in g["figures"])
    atts = Counter(story[a["doc"]] for a in g["attributions"])
    for name, (nf, na) in c.per_story.items():
        assert figs[name] >= nf, (name, figs[name])
        assert atts[name] >= na, (name, atts[name])
