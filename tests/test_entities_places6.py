"""Round-6 place rules on real ECB+ articles (round-5 stories, now development data under
tests/corpora/ecbplus_r5): an article is set in the country of the divisions and of the towns only
one country has that it names, a US state written after one of its towns is the state, buildings
are put at the town their name or their sentence gives, and a compass quarter of a town sits at it."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pytest

from dateline.entities import link_entities
from dateline.entities.geo import division_country, resolve, sole_country_of_town
from dateline.model import Document

from .entities_story import holder, story_documents

ARTICLES = Path(__file__).resolve().parent / "corpora" / "ecbplus_r5" / "articles"


def _docs(story: str) -> list[Document]:
    return story_documents(ARTICLES / story)


@pytest.fixture(scope="module")
def pile():
    """Two British stories and an American one linked as one pile (the American one names the most
    places, so a British article that names no country must not be read as American)."""
    docs = _docs("double_murder_charge_2013") + _docs("supermarket_fire_2013") + _docs("office_shooting_2007")
    return docs, link_entities(docs)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def test_divisions_set_an_article_in_their_country_only_with_a_town_of_it():
    assert division_country(["Cumbria"]) == "GB"  # a county of England no town is named after
    assert division_country(["Wales"]) == "GB"  # a constituent country
    assert division_country(["Somerset"]) is None  # also the name of several US towns
    assert sole_country_of_town("Cullompton") == "GB"
    assert sole_country_of_town("Wellington") is None


def test_british_towns_of_articles_that_name_a_county_or_wales(pile):
    _, ents = pile
    for name in ("Millom", "Barrow", "Merthyr Tydfil", "Cardiff"):
        e = holder(ents, name)
        assert e is not None and e.type in ("GPE", "LOC") and e.geo is not None and e.geo.country == "GB", name
    cumbria = holder(ents, "Cumbria")
    assert cumbria.geo is not None and _km(cumbria.geo.lat, cumbria.geo.lon, 54.6, -2.9) < 25


def test_an_article_naming_no_country_is_set_by_its_towns_that_only_one_country_has(pile):
    # "crews from Tiverton and Cullompton ... a unit from Yeovil": Cullompton is only British
    _, ents = pile
    tiverton, yeovil = holder(ents, "Tiverton"), holder(ents, "Yeovil")
    assert tiverton.geo is not None and _km(tiverton.geo.lat, tiverton.geo.lon, 50.90, -3.49) < 10
    assert yeovil.geo is not None and yeovil.geo.country == "GB"


def test_a_state_written_after_one_of_its_towns_is_the_state(pile):
    # "in Atlanta, Georgia, and Seattle, Washington": the state, not the capital city
    _, ents = pile
    washington = holder(ents, "Washington")
    assert washington.geo is not None and washington.geo.gazetteer_id == "geonames:5815135"


def test_buildings_at_the_town_their_name_begins_with_or_their_sentence_names(pile):
    _, ents = pile
    royal_oak = holder(ents, "Royal Oak")
    hospital = holder(ents, "Royal Oak Beaumont Hospital")
    assert hospital.type == "FAC"  # a hospital is a building, whatever the tagger said
    assert hospital.geo is not None and hospital.attrs.get("located_in") == royal_oak.id
    atlanta = holder(ents, "Atlanta")
    for name in ("CNN Center", "Omni Hotel"):  # "In Atlanta's CNN Center ... the center's Omni Hotel"
        e = holder(ents, name)
        assert e.geo is not None and e.attrs.get("located_in") == atlanta.id, name


def test_a_person_after_of_is_no_place_and_her_given_name_joins_her(pile):
    # "the bodies of Alice McMeekin": a person; "Alice" (also a Texas town) is her in a British story
    _, ents = pile
    alice = holder(ents, "Alice McMeekin")
    assert alice.type == "PERSON" and holder(ents, "Alice") is alice


def test_a_compass_quarter_of_a_town_is_at_the_town_without_its_id():
    us = Counter({"US": 10})
    quarter = resolve(["Northeast Philadelphia"], us, "LOC")
    city = resolve(["Philadelphia"], us)
    assert quarter is not None and quarter.gazetteer_id is None
    assert (quarter.lat, quarter.lon) == (city.lat, city.lon)


def test_a_body_placed_by_at_or_of_stays_a_body(pile):
    # "a hearing at Preston Crown Court", "the offices of Gordon Advisors": bodies, not places
    _, ents = pile
    for name in ("Preston Crown Court", "Gordon Advisors"):
        assert holder(ents, name).type == "ORG", name


def test_a_body_the_tagger_always_reads_so_is_no_namesake_town():
    # "Congress authorized that rule": the legislature, though a town of Arizona bears the name
    docs = [d for d in _docs("species_rule_reversal_2009") if d.id.startswith("9_6")]
    congress = holder(link_entities(docs), "Congress")
    assert congress.type == "ORG" and congress.geo is None


def test_a_town_inside_the_big_city_of_the_state_name_keeps_the_city():
    from dateline.entities.geo import is_town_of_state

    assert is_town_of_state("Seattle", "WA", "Washington")  # "Seattle, Washington": the state
    assert is_town_of_state("Buffalo", "NY", "New York")
    assert not is_town_of_state("Brooklyn", "NY", "New York")  # "Brooklyn, New York": the city it lies in


def test_a_us_state_is_put_at_its_land_centre_with_its_geonames_id():
    from dateline.entities.geo import _km, state_centres

    # "Tulsa, Oklahoma-based": the state, not Oklahoma City
    oklahoma = resolve(["Oklahoma"], Counter({"US": 5}), as_state=True)
    assert oklahoma.gazetteer_id == "geonames:4544379"
    assert (oklahoma.lat, oklahoma.lon) == state_centres()["OK"]  # from the Census counties table
    california = resolve(["California"], Counter({"US": 5}))
    sacramento = resolve(["Sacramento"], Counter({"US": 5}))
    assert (california.lat, california.lon) == state_centres()["CA"]
    assert _km(california.lat, california.lon, sacramento.lat, sacramento.lon) > 150  # not at its capital
