"""Round-9 place rules on real ECB+ articles (round-8 stories, now development data under
tests/corpora/ecbplus_r8): a name no gazetteer places that the text itself puts in a town ("Manhattan's X",
"X in <Town>") stands at that town; a body named as a building that the text places is the building (FAC);
a town read on another continent while a namesake sits beside the story's other towns is that namesake."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from dateline.entities import link_entities
from dateline.entities.geo import geonames_index, is_building_name
from dateline.entities.namesakes import prefer_near
from dateline.model import Entity, GeoPoint

from .entities_story import holder, story_documents

ARTICLES = Path(__file__).resolve().parent / "corpora" / "ecbplus_r8" / "articles"


def _km(a: GeoPoint, lat: float, lon: float) -> float:
    p1, p2 = math.radians(a.lat), math.radians(lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - a.lon) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def rehab():
    docs = story_documents(ARTICLES / "celebrity_rehab_checkin_2013")
    return docs, link_entities(docs)


@pytest.fixture(scope="module")
def crime():
    docs = story_documents(ARTICLES / "crime_boss_prison_death_2005")
    return docs, link_entities(docs)


def test_a_body_the_text_puts_in_a_town_stands_at_the_town(rehab):
    # "made it to Morningside Recovery in Newport Beach"; "the Betty Ford Center in Rancho Mirage, Calif."
    _, ents = rehab
    for name, town in (("Morningside Recovery", "Newport Beach"), ("Betty Ford Center", "Rancho Mirage")):
        e, t = holder(ents, name), holder(ents, town)
        assert e is not None and t is not None and t.geo is not None, name
        assert e.geo is not None and e.geo.gazetteer_id is None and e.attrs.get("located_in") == t.id, name
    # a name of a building ("... Center") that the text places is the building; a plain body stays a body
    assert holder(ents, "Betty Ford Center").type == "FAC"
    assert holder(ents, "Morningside Recovery").type != "FAC"


def test_a_neighbourhood_written_with_its_borough_and_a_prison_with_its_town(crime):
    # "Manhattan's Greenwich Village"; "the U.S. Medical Center for Federal Prisoners in Springfield, Missouri"
    _, ents = crime
    village, manhattan = holder(ents, "Greenwich Village"), holder(ents, "Manhattan")
    assert village.geo is not None and village.attrs.get("located_in") == manhattan.id
    prison = holder(ents, "U.S. Medical Center for Federal Prisoners")
    assert prison.type == "FAC" and prison.geo is not None and _km(prison.geo, 37.17, -93.28) < 25
    # the town keeps the reading its state gives it, whatever big city the story also names
    springfield = holder(ents, "Springfield")
    assert springfield.geo is not None and _km(springfield.geo, 37.215, -93.298) < 25


def test_building_names():
    assert is_building_name("Eastbrook Arena") and is_building_name("Medical Center for Federal Prisoners")
    assert is_building_name("Cathedral of the Holy Cross")
    assert not is_building_name("White House") and not is_building_name("Center") and not is_building_name("Kraft Foods")
    assert not is_building_name("Catholic Church")  # the body as often as the building


def _town(eid: str, name: str, country: str) -> Entity:
    index = geonames_index()
    p = max((p for p in index.get(name.lower(), []) if p.kind == "city" and p.country == country),
            key=lambda p: p.population)
    return Entity(eid, name, "GPE", [name], geo=GeoPoint(p.lat, p.lon, p.gazetteer_id, p.country))


def test_a_namesake_abroad_beside_the_storys_towns_wins_over_the_world_city():
    # a story naming Telford and Wellington (Shropshire, 5 km apart): not the capital of New Zealand
    wellington = _town("e1", "Wellington", "NZ")
    telford = _town("e2", "Telford", "GB")
    prefer_near([wellington, telford])
    assert wellington.geo.country == "GB" and _km(wellington.geo, telford.geo.lat, telford.geo.lon) < 25
    # a world city among the story's other towns stays
    paris, lyon = _town("e3", "Paris", "FR"), _town("e4", "Lyon", "FR")
    before = paris.geo
    prefer_near([paris, lyon])
    assert paris.geo == before
