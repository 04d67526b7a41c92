"""Round-4 linking rules on real ECB+ articles (the round-4 tune stories, tests/corpora/ecbplus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.entities import link_entities

from .entities_story import holder, story_documents

ARTICLES = Path(__file__).resolve().parent / "corpora" / "ecbplus" / "articles"


def _linked(story: str):
    docs = story_documents(ARTICLES / story)
    return docs, link_entities(docs)


@pytest.fixture(scope="module")
def brooklyn():
    return _linked("brooklyn_police_shooting_protests_2013")


def test_bare_surname_goes_to_the_person_named_most_by_given_name_too(brooklyn):
    # "Kimani Gray" (the slain teen, mostly called "Kimani") and his sister "Mahnefah Gray": "Gray" is the teen
    _, ents = brooklyn
    teen = holder(ents, "Kimani Gray")
    assert holder(ents, "Gray") is teen and holder(ents, "Kimani") is teen
    assert holder(ents, "Mahnefah Gray") is not teen


def test_given_name_alone_is_a_person_not_a_place(brooklyn):
    _, ents = brooklyn
    ramarley = holder(ents, "Ramarley")
    assert ramarley is holder(ents, "Ramarley Graham") and ramarley.type == "PERSON"
    assert holder(ents, "Frank Graham") is not ramarley  # his father


def test_paper_named_with_and_without_its_city(brooklyn):
    _, ents = brooklyn
    assert holder(ents, "Daily News") is holder(ents, "New York Daily News")


def test_street_is_a_facility_and_a_lone_brand_is_no_person(brooklyn):
    _, ents = brooklyn
    assert holder(ents, "Snyder Avenue").type == "FAC"
    assert holder(ents, "Twitter").type == "ORG"


def test_two_demonyms_of_one_country_are_one_people():
    _, ents = _linked("gulf_of_aden_piracy_2011")
    assert holder(ents, "Somali") is holder(ents, "Somalian")
    assert holder(ents, "Somali").type == "NORP"


@pytest.fixture(scope="module")
def paris():
    return _linked("paris_jewellery_heist_2013")


def test_french_street_names_are_facilities(paris):
    _, ents = paris
    for name in ("Rue de Castiglione", "Carlton Hotel"):
        assert holder(ents, name).type == "FAC", name


def test_a_street_stands_at_the_town_the_text_puts_it_in(paris):
    # "the Casty store on Rue de Castiglione in the central first district of Paris"; "the Carlton hotel in Cannes"
    _, ents = paris
    for street, town in (("Rue de Castiglione", "Paris"), ("Carlton Hotel", "Cannes")):
        fac, city = holder(ents, street), holder(ents, town)
        assert fac.geo is not None and fac.geo.gazetteer_id is None, street
        assert (fac.geo.lat, fac.geo.lon) == (city.geo.lat, city.geo.lon) and fac.attrs["located_in"] == city.id


def test_the_demonym_capital_is_the_capital_the_story_names(paris):
    docs, ents = paris
    text = {d.id: d.text for d in docs}
    city = holder(ents, "Paris")
    assert "the French capital" in {text[sp.doc][sp.start:sp.end] for sp in city.mentions}


def test_city_agency_acronym_and_channel_names(brooklyn):
    # "NYPD" spells the story's town "New York" + its "Police Department"; "NY1" is a channel, no town
    _, ents = brooklyn
    assert holder(ents, "NYPD") is holder(ents, "Police Department")
    assert holder(ents, "NY1").type == "ORG"


def test_festival_is_an_event(paris):
    _, ents = paris
    assert holder(ents, "Cannes Film Festival").type == "EVENT"


def test_a_body_the_tagger_reads_so_is_no_town_by_an_alternate_name():
    # "Intel" (ORG in every mention) is only an alternate GeoNames name of a French village
    _, ents = _linked("chipmaker_acquisition_2012")
    intel = holder(ents, "Intel")
    assert intel.type == "ORG" and intel.geo is None


def test_a_hospital_no_town_is_written_with_stands_in_the_area_its_articles_name(brooklyn):
    # "pronounced dead at Kings County Hospital": the articles name Brooklyn and New York, one area
    _, ents = brooklyn
    hospital, brooklyn_ = holder(ents, "Kings County Hospital"), holder(ents, "Brooklyn")
    assert hospital.geo is not None and hospital.geo.gazetteer_id is None
    assert abs(hospital.geo.lat - brooklyn_.geo.lat) < 0.3 and abs(hospital.geo.lon - brooklyn_.geo.lon) < 0.3


def test_a_police_commissioner_title_is_kept_apart_from_the_name(brooklyn):
    # "... differs from Police Commissioner Raymond Kelly’ s assertion": the title, then the person
    _, ents = brooklyn
    kelly = holder(ents, "Raymond Kelly")
    assert kelly.type == "PERSON" and holder(ents, "Kelly") is kelly
    assert kelly.attrs.get("titles") and "Police Commissioner" in kelly.attrs["titles"]


def test_the_last_word_of_the_one_paper_named_refers_back_to_it(brooklyn):
    # "The News" in an article about the "Daily News" / "New York Daily News"
    docs, ents = brooklyn
    text = {d.id: d.text for d in docs}
    paper = holder(ents, "Daily News")
    assert "The News" in {text[sp.doc][sp.start:sp.end] for sp in paper.mentions}
