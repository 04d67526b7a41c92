"""The ECB+ entity golds of rounds 4 on (tests/gold/ecbplus_r*/entities.*.json) parse, keep tune and blind apart and
quote their articles; what differs per round is data in tests/gold_rounds.py.

No pipeline run: this checks the hand-made gold itself (the layout of tests/gold/ecbplus_r4/entities.*.json,
read by ``dateline evaluate entities FILE --data .``; conventions in each round's README.entities.md), never the
system's output.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.gold_rounds import ENTITIES, Entities, load, params, round_articles, split_pairs
from tests.gold_support import ROOT, assert_splits_disjoint, corpus_index, flat_text, story_texts, word

TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}


@pytest.mark.parametrize("e", params(ENTITIES))
def test_header_and_every_article_of_the_round(e: Entities) -> None:
    g = load(e.round, "entities")
    if e.strict_layout:
        assert set(g) == {"description", "data_root", "articles", "groups", "apart", "places"}
    assert g["data_root"] == "."
    assert "before any system output" in g["description"]
    for phrase in e.description_says:
        assert phrase in g["description"], phrase
    index = corpus_index(e.round.corpus)
    assert g["articles"] and len(set(g["articles"])) == len(g["articles"])
    if e.round.articles is not None:
        assert len(g["articles"]) == e.round.articles
    if e.strict_layout:
        assert set(g["articles"]) == round_articles(e.round)
    else:
        assert set(g["articles"]) <= round_articles(e.round)
    for a in g["articles"]:
        assert (ROOT / a).is_file(), a
        assert a.startswith(f"{e.round.corpus.relative_to(ROOT).as_posix()}/articles/"), a
        assert index[a]["split"] == e.round.split, a


@pytest.mark.parametrize("pair", split_pairs(ENTITIES))
def test_splits_are_disjoint_by_story(pair: tuple[Entities, Entities]) -> None:
    tune, blind = (load(e.round, "entities") for e in pair)
    assert_splits_disjoint(tune["articles"], blind["articles"], corpus_index(pair[0].round.corpus))


@pytest.mark.parametrize("e", params(ENTITIES))
def test_groups_quote_the_text_and_never_share_a_surface(e: Entities) -> None:
    g = load(e.round, "entities")
    text = " ".join(flat_text(a) for a in g["articles"])
    names = [group["name"] for group in g["groups"]]
    if e.strict_layout:
        assert len(names) == len(set(names))
    owners: dict[str, str] = {}
    for group in g["groups"]:
        if e.strict_layout:
            assert set(group) == {"name", "type", "aliases", "wikidata"}, group["name"]
        assert group["type"] in TYPES, group["name"]
        assert group["wikidata"] is None or re.fullmatch(r"Q\d+", group["wikidata"]), group["name"]
        assert group["aliases"], group["name"]
        if e.strict_layout:
            assert len(set(group["aliases"])) == len(group["aliases"]), group["name"]
        for alias in group["aliases"]:
            if e.strict_layout:
                assert alias == " ".join(alias.split()) and alias in text, alias
            else:
                assert " ".join(alias.split()) in text, alias
            assert owners.setdefault(alias, group["name"]) == group["name"], f"{alias!r} in two groups"
    if e.strict_layout:
        wikidata = Counter(group["wikidata"] for group in g["groups"] if group["wikidata"])
        assert all(n == 1 for n in wikidata.values()), wikidata


@pytest.mark.parametrize("e", params(ENTITIES, lambda e: e.strict_layout))
def test_every_story_has_its_entities(e: Entities) -> None:
    g = load(e.round, "entities")
    stories = story_texts(g["articles"], corpus_index(e.round.corpus))
    assert len(stories) == 5
    for story, text in stories.items():
        found = [group for group in g["groups"] if any(al in text for al in group["aliases"])]
        assert len(found) >= e.min_story_groups, story
        assert any(group["type"] == "PERSON" for group in found), story
        # a story whose text names no place has no place group; every other story has one
        assert any(group["type"] in PLACE_TYPES for group in found) == (story not in e.placeless_stories), story


@pytest.mark.parametrize("e", params(ENTITIES))
def test_apart_pairs_name_two_groups(e: Entities) -> None:
    g = load(e.round, "entities")
    owners = {alias: group["name"] for group in g["groups"] for alias in group["aliases"]}
    pairs = set()
    for pair in g["apart"]:
        a, b, why = pair
        assert a in owners and b in owners and owners[a] != owners[b] and why, (a, b)
        key = frozenset((a, b))
        assert key not in pairs or not e.strict_layout, (a, b)
        pairs.add(key)


@pytest.mark.parametrize("e", params(ENTITIES))
def test_places_are_place_groups_with_coordinates(e: Entities) -> None:
    g = load(e.round, "entities")
    types = {alias: group["type"] for group in g["groups"] for alias in group["aliases"]}
    owners = {alias: group["name"] for group in g["groups"] for alias in group["aliases"]}
    seen: set[str] = set()
    for p in g["places"]:
        assert p["name"] in types, p["name"]
        assert p["geonames"] is None or isinstance(p["geonames"], int), p["name"]
        if e.strict_layout:
            assert set(p) == {"name", "lat", "lon", "geonames"}, p
            assert types[p["name"]] in PLACE_TYPES, p["name"]
            assert owners[p["name"]] not in seen, p["name"]
            seen.add(owners[p["name"]])
            assert p["geonames"] is None or p["geonames"] > 0, p["name"]
            assert (p["lat"] is None) == (p["lon"] is None), p["name"]
        if p["lat"] is not None:
            assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, p["name"]


@pytest.mark.parametrize("e", params(ENTITIES))
def test_counts_meet_the_targets(e: Entities) -> None:
    """The round's floors on groups, apart pairs and places over its five stories (README.entities.md)."""
    g = load(e.round, "entities")
    assert len(g["groups"]) >= e.groups
    assert len(g["apart"]) >= e.apart
    assert len(g["places"]) >= e.places


@pytest.mark.parametrize("e", params(ENTITIES, lambda e: e.story_floors))
def test_every_story_meets_its_floors(e: Entities) -> None:
    """Each story's own articles hold its floor of groups, apart pairs, places and place groups (a surface counted
    as a whole word where the round says so, else as a substring)."""
    g = load(e.round, "entities")
    texts = story_texts(g["articles"], corpus_index(e.round.corpus))
    assert set(texts) == set(e.story_floors)
    owners = {alias: group["name"] for group in g["groups"] for alias in group["aliases"]}

    def occurs(surface: str, text: str) -> bool:
        return word(surface, text) if e.whole_words else surface in text

    for story, text in texts.items():
        floor = e.story_floors[story]
        found = [group for group in g["groups"] if any(occurs(al, text) for al in group["aliases"])]
        assert len(found) >= floor.groups, story
        assert sum(1 for a, b, _ in g["apart"] if occurs(a, text) and occurs(b, text)) >= floor.apart, story
        assert sum(1 for p in g["places"] if occurs(p["name"], text)) >= floor.places, story
        placed = {owners[p["name"]] for p in g["places"] if occurs(p["name"], text)}
        assert len(placed) >= floor.place_groups, story


@pytest.mark.parametrize("e", params(ENTITIES, lambda e: e.one_story_per_surface))
def test_every_surface_names_one_story(e: Entities) -> None:
    """A surface occurs (as a whole word) in the articles of exactly one story: no story's name leaks into another."""
    g = load(e.round, "entities")
    texts = story_texts(g["articles"], corpus_index(e.round.corpus))
    for group in g["groups"]:
        for alias in group["aliases"]:
            assert sum(1 for text in texts.values() if word(alias, text)) == 1, alias
