"""Round-8 place rules on real ECB+ articles (round-6 and round-7 stories, now development data): a small
town that is the one place of its name is read in a US state the story names in another article; a building
stands in the one town its articles name before it, and in the town its name begins with when the article
also writes that town on its own; a county is no town for a building to stand in."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from dateline.entities import link_entities
from dateline.entities.geo import _km, resolve

from .entities_story import holder, story_documents

CORPORA = Path(__file__).resolve().parent / "corpora"


@pytest.fixture(scope="module")
def aide_story():
    """Five articles on the death of a former White House aide, set in Mississippi, naming Florida."""
    docs = story_documents(CORPORA / "ecbplus_r7" / "articles" / "political_aide_death_2004")
    return docs, link_entities(docs)


@pytest.fixture(scope="module")
def nomination_story():
    """Articles on a surgeon-general nomination and on a county deputy's killer: linked as one pile."""
    docs = [d for s in ("surgeon_general_nomination_2009", "deputy_killing_sentence_2005")
            for d in story_documents(CORPORA / "ecbplus_r6" / "articles" / s)]
    return docs, link_entities(docs)


def test_a_sole_town_of_a_state_the_story_names_elsewhere_is_placed(aide_story):
    _, ents = aide_story
    town = holder(ents, "Key Biscayne")  # named in articles set in Mississippi; another article names Florida
    assert town is not None and town.geo is not None
    assert town.geo.gazetteer_id == "geonames:4160789"


def test_the_story_state_rule_needs_the_one_place_of_that_name():
    us = Counter({"US": 5})
    here = Counter({"US.AK": 3})
    # "Valley": a town of many states; a state the pile names elsewhere does not make it that state's town
    assert resolve(["Valley"], us, "LOC", here, story_regions=Counter({"US.AL": 2, "US.AK": 3})) is None
    # the one "Key Biscayne" anywhere: kept when the story names its state, dropped when it never does
    assert resolve(["Key Biscayne"], us, "LOC", Counter({"US.MS": 2}), story_regions=Counter({"US.FL": 1})) is not None
    assert resolve(["Key Biscayne"], us, "LOC", Counter({"US.MS": 2}), story_regions=Counter({"US.MS": 2})) is None


def test_a_building_stands_in_the_one_town_named_before_it(aide_story):
    _, ents = aide_story
    motel, town = holder(ents, "Sun Tan Motel"), holder(ents, "Biloxi")
    assert motel is not None and motel.geo is not None and town is not None and town.geo is not None
    assert _km(motel.geo.lat, motel.geo.lon, town.geo.lat, town.geo.lon) < 1.0
    assert motel.geo.gazetteer_id is None  # the town's point, not an id of its own


def test_a_building_named_after_a_town_the_article_writes_stands_there(nomination_story):
    _, ents = nomination_story
    clinic = holder(ents, "Bayou La Batre Rural Health Clinic")  # "... Clinic in Bayou La Batre, Alabama"
    assert clinic is not None and clinic.geo is not None
    assert _km(clinic.geo.lat, clinic.geo.lon, 30.4035, -88.2485) < 5.0


def test_a_county_is_no_town_for_a_building_to_stand_in(nomination_story):
    # "transferred from county jail to San Quentin State Prison": the article's one place is the county
    _, ents = nomination_story
    prison = holder(ents, "San Quentin State Prison")
    assert prison is not None and prison.geo is None
