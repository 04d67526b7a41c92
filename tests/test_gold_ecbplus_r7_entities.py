"""The round-7 ECB+ entity gold (tests/gold/ecbplus_r7/entities.blind.json) parses and quotes its articles.

No pipeline run: this checks the hand-made gold itself (the layout of tests/gold/ecbplus_r6/entities.blind.json,
read by ``dateline evaluate entities FILE --data .``; conventions in README.entities.md), never the system's output.
"""

from __future__ import annotations

import json
import re
from collections import Counter

from tests.gold_support import ROOT, flat_text

GOLD = ROOT / "tests" / "gold" / "ecbplus_r7" / "entities.blind.json"
CORPUS = ROOT / "tests" / "corpora" / "ecbplus_r7"
TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
FILM = "film_director_negotiations_2012"
# per story: groups, apart pairs, places, place groups (README.entities.md); all the text supports, the
# round-6 floors (20 groups, 5 apart pairs, 5 places each) would ask for items these short texts do not have
FLOORS = {
    FILM: (16, 13, 0),
    "crossfire_shooting_trial_2011": (17, 14, 3),
    "athlete_dui_arrest_2009": (23, 20, 5),
    "browser_zero_day_patch_2013": (13, 13, 1),
    "political_aide_death_2004": (25, 25, 7),
}


def _index() -> dict[str, dict]:
    rows = [json.loads(line) for line in (CORPUS / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["path"]: r for r in rows}


def _gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def _text(path: str) -> str:
    return flat_text(path)


def test_header_and_every_round7_article() -> None:
    g = _gold()
    assert set(g) == {"description", "data_root", "articles", "groups", "apart", "places"}
    assert g["data_root"] == "."
    assert "before any system output" in g["description"]
    assert "h-gold7ent" in g["description"] and "every named person" in g["description"]
    index = _index()
    assert len(set(g["articles"])) == len(g["articles"]) == 26
    assert set(g["articles"]) == set(index)
    for a in g["articles"]:
        assert (ROOT / a).is_file(), a
        assert a.startswith("tests/corpora/ecbplus_r7/articles/"), a
        assert index[a]["split"] == "blind", a


def test_groups_quote_the_text_and_never_share_a_surface() -> None:
    g = _gold()
    text = " ".join(_text(a) for a in g["articles"])
    assert len(g["groups"]) >= 90
    names = [group["name"] for group in g["groups"]]
    assert len(names) == len(set(names))
    owners: dict[str, str] = {}
    for group in g["groups"]:
        assert set(group) == {"name", "type", "aliases", "wikidata"}, group["name"]
        assert group["type"] in TYPES, group["name"]
        assert group["wikidata"] is None or re.fullmatch(r"Q\d+", group["wikidata"]), group["name"]
        assert group["aliases"] and len(set(group["aliases"])) == len(group["aliases"]), group["name"]
        for alias in group["aliases"]:
            assert alias == " ".join(alias.split()) and alias in text, alias
            assert owners.setdefault(alias, group["name"]) == group["name"], f"{alias!r} in two groups"
    wikidata = Counter(group["wikidata"] for group in g["groups"] if group["wikidata"])
    assert all(n == 1 for n in wikidata.values()), wikidata


def test_every_story_has_its_entities() -> None:
    g = _gold()
    index = _index()
    stories: dict[str, str] = {}
    for a in g["articles"]:
        stories[index[a]["story"]] = stories.get(index[a]["story"], "") + " " + _text(a)
    assert len(stories) == 5
    for story, text in stories.items():
        found = [group for group in g["groups"] if any(al in text for al in group["aliases"])]
        assert len(found) >= 10, story
        assert any(group["type"] == "PERSON" for group in found), story
        # the film story names no place at all (its only "Los Angeles" is inside "Los Angeles Times")
        assert any(group["type"] in PLACE_TYPES for group in found) == (story != FILM), story


def test_apart_pairs_name_two_groups() -> None:
    g = _gold()
    owners = {alias: group["name"] for group in g["groups"] for alias in group["aliases"]}
    assert len(g["apart"]) >= 80
    pairs = set()
    for pair in g["apart"]:
        a, b, why = pair
        assert a in owners and b in owners and owners[a] != owners[b] and why, (a, b)
        key = frozenset((a, b))
        assert key not in pairs, (a, b)
        pairs.add(key)


def test_places_are_place_groups_with_coordinates() -> None:
    g = _gold()
    types = {alias: group["type"] for group in g["groups"] for alias in group["aliases"]}
    owners = {alias: group["name"] for group in g["groups"] for alias in group["aliases"]}
    seen: set[str] = set()
    for p in g["places"]:
        assert set(p) == {"name", "lat", "lon", "geonames"}, p
        assert p["name"] in types and types[p["name"]] in PLACE_TYPES, p["name"]
        assert owners[p["name"]] not in seen, p["name"]
        seen.add(owners[p["name"]])
        assert p["geonames"] is None or (isinstance(p["geonames"], int) and p["geonames"] > 0), p["name"]
        assert (p["lat"] is None) == (p["lon"] is None), p["name"]
        if p["lat"] is not None:
            assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, p["name"]
    assert len(g["places"]) >= 16


def test_story_counts_meet_the_targets() -> None:
    """Round-7 counts (README.entities.md): 94 groups, 92 apart pairs, 16 places over the five stories, all the
    texts support (round 6 had 237 / 105 / 60 for 26 longer articles); each story meets its own floor."""
    g = _gold()
    index = _index()
    assert len(g["groups"]) >= 90 and len(g["apart"]) >= 90 and len(g["places"]) >= 16
    texts: dict[str, str] = {}
    for a in g["articles"]:
        texts[index[a]["story"]] = texts.get(index[a]["story"], "") + " " + _text(a)
    assert set(texts) == set(FLOORS)
    owners = {alias: group["name"] for group in g["groups"] for alias in group["aliases"]}
    for story, text in texts.items():
        n_groups, n_apart, n_places = FLOORS[story]
        found = [group for group in g["groups"] if any(_word(al, text) for al in group["aliases"])]
        assert len(found) >= n_groups, story
        assert sum(1 for a, b, _ in g["apart"] if _word(a, text) and _word(b, text)) >= n_apart, story
        placed = {owners[p["name"]] for p in g["places"] if _word(p["name"], text)}
        assert len(placed) >= n_places, story


def test_every_surface_names_one_story() -> None:
    """A surface occurs (as a whole word) in the articles of exactly one story: no story's name leaks into another."""
    g = _gold()
    index = _index()
    texts: dict[str, str] = {}
    for a in g["articles"]:
        texts[index[a]["story"]] = texts.get(index[a]["story"], "") + " " + _text(a)
    for group in g["groups"]:
        for alias in group["aliases"]:
            assert sum(1 for text in texts.values() if _word(alias, text)) == 1, alias


def _word(surface: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text) is not None
