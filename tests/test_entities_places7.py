"""Round-7 place rules on real ECB+ articles (round-6 stories, now development data under
tests/corpora/ecbplus_r6): US counties come from the Census counties table and a state's point is its
land centre; a town only one US state has sets its article in that state, so the small towns and the
homonyms the article names are read there; a state written after a town ("Bethesda, Md.") is that
town's state; a building named after a county stands in it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from dateline.entities import link_entities
from dateline.entities.geo import _km, resolve, state_after, state_centres, sure_state, us_counties

from .entities_story import holder, story_documents

ARTICLES = Path(__file__).resolve().parent / "corpora" / "ecbplus_r6" / "articles"
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_us_counties.py"


@pytest.fixture(scope="module")
def pile():
    """A Los Angeles County story, an acquisition story set in three states and a nomination story set
    in Alabama, linked as one pile."""
    docs = [d for s in ("deputy_killing_sentence_2005", "consultancy_acquisition_2007", "surgeon_general_nomination_2009")
            for d in story_documents(ARTICLES / s)]
    return docs, link_entities(docs)


def _point(ents, surface: str):
    e = holder(ents, surface)
    assert e is not None and e.geo is not None, surface
    return e.geo


def test_counties_come_from_the_census_table_with_their_state():
    rows = us_counties()["washington county"]
    assert len(rows) > 20 and len({p.admin1 for p in rows}) == len(rows)  # one per state that has one
    assert all(p.gazetteer_id.startswith("uscensus:") and p.kind == "county" for p in rows)
    # a county named with a state the story names is that state's; an unnamed one of many stays off the map
    md = resolve(["Washington County"], Counter({"US": 3}), regions=Counter({"US.MD": 1}))
    assert md is not None and md.gazetteer_id == next(p.gazetteer_id for p in rows if p.admin1 == "MD")
    assert resolve(["Washington County"], Counter({"US": 3})) is None


def test_a_state_point_is_the_land_weighted_middle_of_its_counties():
    centres = state_centres()
    assert len(centres) >= 51
    lat, lon = centres["AK"]
    assert lon < -140  # the Aleutians west of 180 count beside Alaska, not across the globe
    for code, (lat, lon) in centres.items():
        assert 17 < lat < 72 and -180 < lon < -64, code


def test_a_town_only_one_state_has_names_that_state():
    assert sure_state("Los Angeles") == "US.CA"
    assert sure_state("Springfield") is None  # a town of many states
    assert sure_state("Paris") is None  # a world city abroad, not Paris, Texas
    assert sure_state("California") is None  # a state is no town


def test_a_state_written_after_a_town_after_a_comma():
    text = "HP of Palo Alto, Calif., said; at the institutes in Bethesda, Md., and in La Paz, Bolivia."
    assert state_after(text, text.index(" Alto") + 5) == "US.CA"
    assert state_after(text, text.index(" in Bethesda") + 12) == "US.MD"  # a two-letter AP form, after a town only
    assert state_after(text, text.index(" La Paz") + 7) is None


def test_the_small_towns_of_a_los_angeles_story_are_californian(pile):
    # an article that names Kentucky (a trip) and Los Angeles: Diamond Bar and Chino are the Californian
    # towns, Lakewood the one beside Long Beach, not the bigger Lakewood of Colorado
    _, ents = pile
    la = _point(ents, "Los Angeles")
    for town in ("Diamond Bar", "Chino", "Lakewood", "Hawaiian Gardens"):
        p = _point(ents, town)
        assert p.country == "US" and _km(p.lat, p.lon, la.lat, la.lon) < 80, town


def test_a_county_and_a_building_named_after_it(pile):
    _, ents = pile
    county = _point(ents, "Los Angeles County")
    assert county.gazetteer_id.startswith("uscensus:")
    la = _point(ents, "Los Angeles")
    assert _km(county.lat, county.lon, la.lat, la.lon) < 40
    jail = _point(ents, "Los Angeles County Jail")
    assert (jail.lat, jail.lon) == (county.lat, county.lon) and jail.gazetteer_id is None


def test_homonyms_follow_the_states_the_articles_name(pile):
    _, ents = pile
    albany = _point(ents, "Albany")  # with New York City in the article: the capital of New York
    nyc = _point(ents, "New York City")
    assert _km(albany.lat, albany.lon, nyc.lat, nyc.lon) < 250
    bethesda = _point(ents, "Bethesda")  # "Bethesda, Md." in an article set in Alabama
    assert bethesda.country == "US" and 38 < bethesda.lat < 40 and -78 < bethesda.lon < -76


def test_a_building_named_body_stands_where_the_text_puts_it(pile):
    # "rector at the Cathedral of the Immaculate Conception in Mobile": tagged as an organisation, the
    # cathedral still gets Mobile's point (no id of its own: it is not the town)
    _, ents = pile
    cathedral = holder(ents, "Cathedral of the Immaculate Conception")
    mobile = _point(ents, "Mobile")
    assert cathedral is not None and cathedral.geo is not None and cathedral.geo.gazetteer_id is None
    assert (cathedral.geo.lat, cathedral.geo.lon) == (mobile.lat, mobile.lon)
