"""Round-6 alias merging on real ECB+ text (round-5 stories, now development data): a body's short form
joins its full name across the tagger's labels, a bare surname shared by relatives goes to the one the
text does not introduce as kin, a nickname-table given name joins its person; places, products,
buildings and a company's site stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.entities import link_entities
from dateline.entities.shortnames import short_name_targets
from dateline.model import Document

from .entities_story import holder, story_documents

ARTICLES = Path(__file__).resolve().parent / "corpora" / "ecbplus_r5" / "articles"


def _docs(story: str) -> list[Document]:
    return story_documents(ARTICLES / story)


@pytest.fixture(scope="module")
def office():
    """A shooting at an accounting firm: the receptionist, her son and her daughter share her surname."""
    docs = _docs("office_shooting_2007")
    return docs, link_entities(docs)


@pytest.fixture(scope="module")
def species():
    """A federal rule reversal: two departments written in full and by their first word."""
    docs = _docs("species_rule_reversal_2009")
    return docs, link_entities(docs)


def test_a_department_written_by_its_first_word_is_that_department(species):
    _, ents = species
    interior = holder(ents, "Interior Department")
    assert interior is not None and holder(ents, "Interior") is interior
    commerce = holder(ents, "Commerce Department")
    assert commerce is not None and holder(ents, "Commerce") is commerce and commerce is not interior


def test_a_firm_and_a_station_by_their_short_names(office):
    _, ents = office
    firm = holder(ents, "Gordon Advisors")
    assert firm is not None and holder(ents, "Gordon") is firm  # "Calls made to Gordon": tagged a person
    assert firm.type == "ORG"  # "at Gordon Advisors" places the staff, not the firm
    assert holder(ents, "WDIV") is holder(ents, "WDIV-TV") is not None


def test_a_hospital_with_its_town_in_front_is_the_hospital(office):
    _, ents = office
    hospital = holder(ents, "Beaumont Hospital")
    assert hospital is not None and holder(ents, "Royal Oak Beaumont Hospital") is hospital
    assert holder(ents, "Royal Oak") is not hospital  # the town stays a town


def test_the_bare_surname_is_the_relative_nobody_introduces_as_kin(office):
    # "Kafoury's son, Charlie", "her daughter, Charlene": the bare "Kafoury" is Madeline, the victim
    _, ents = office
    madeline = holder(ents, "Madeline Kafoury")
    assert madeline is not None and madeline.type == "PERSON"
    assert holder(ents, "Kafoury") is madeline
    assert holder(ents, "Maddie") is madeline  # a nickname the table lists for Madeline
    assert holder(ents, "Charlie Kafoury") is not madeline and holder(ents, "Charlene Kafoury") is not madeline
    assert holder(ents, "Charlie") is holder(ents, "Charlie Kafoury")


def test_short_forms_never_take_a_place_a_product_a_building_or_a_site(office):
    # the short-form rule on the story's own keys: a town, a product line ("Ford Fusion"), a building
    docs, _ = office
    from dateline.entities.aliases import alias_table
    from dateline.entities.backrefs import with_back_references
    from dateline.entities.link import _canonical_key

    items = with_back_references(docs)
    raw_key = {id(m): _canonical_key(m, alias_table()) for _, m in items}
    targets = short_name_targets(items, raw_key)
    assert targets.get("gordon") == "gordon advisors"
    assert "royal oak" not in targets and "troy" not in targets and "detroit" not in targets
    assert all(not v.endswith(("plant", "factory", "store", "center", "pier")) for v in targets.values())
