"""Round-7 alias merging and typing on real ECB+ text (round-6 stories, now development data): a bare
surname the tagger reads as a people or a place is the person named in full, a given name that is also a
town's joins its person, a misspelt surname joins the one bearer it fits, a hyphenated company name
spells its acronym, a rare company coordinated with a known one is a company; a body's abbreviation in
front of a name, a word that only qualifies a longer name and a name going on with an ordinary word keep
different things apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.entities import link_entities
from dateline.model import Document

from .entities_story import holder, story_documents

ARTICLES = Path(__file__).resolve().parent / "corpora" / "ecbplus_r6" / "articles"


def _linked(story: str) -> tuple[list[Document], list]:
    docs = story_documents(ARTICLES / story)
    return docs, link_entities(docs)


@pytest.fixture(scope="module")
def fight():
    """A heavyweight title fight: the champion named in full a few times, by surname alone dozens of times."""
    return _linked("heavyweight_title_fight_2012")


@pytest.fixture(scope="module")
def nomination():
    """A surgeon general's nomination: the nominee by full name and by given name, two boards of trustees."""
    return _linked("surgeon_general_nomination_2009")


@pytest.fixture(scope="module")
def acquisition():
    """A computer maker buys a consultancy: the buyer by its hyphenated name and its initials, rivals listed."""
    return _linked("consultancy_acquisition_2007")


@pytest.fixture(scope="module")
def dairy():
    """A dairy building burns: a valley, a dairy company named after it, a creamery named after another."""
    return _linked("dairy_building_fire_2012")


@pytest.fixture(scope="module")
def deputy():
    """A deputy's killer sentenced: the deputy by title and surname, the captain by surname alone."""
    return _linked("deputy_killing_sentence_2005")


def test_a_bare_surname_the_tagger_reads_as_a_people_is_the_person(fight, deputy):
    _, ents = fight
    champion = holder(ents, "Wladimir Klitschko")
    assert champion is not None and champion.type == "PERSON"
    assert holder(ents, "Klitschko") is champion
    assert holder(ents, "Klistchko") is champion  # a chant's misspelling: two letters swapped
    assert holder(ents, "Wlad") is champion  # his given name clipped
    _, ents = deputy
    captain = holder(ents, "Peavy")
    assert captain is not None and captain.type == "PERSON" and holder(ents, "Ray Peavy") is captain


def test_a_given_name_that_is_also_a_town_joins_its_person(nomination):
    _, ents = nomination
    nominee = holder(ents, "Regina Benjamin")
    assert nominee is not None and holder(ents, "Regina") is nominee


def test_an_abbreviation_in_front_of_a_board_is_no_town(nomination):
    _, ents = nomination
    board = holder(ents, "Board of Trustees")
    ama = holder(ents, "AMA Board of Trustees")
    assert board is not None and board is not ama
    assert ama is not None and holder(ents, "American Medical Association Board of Trustees") is ama


def test_a_hurricane_is_an_event(nomination):
    _, ents = nomination
    storm = holder(ents, "Hurricane Georges")
    assert storm is not None and storm.type == "EVENT"


def test_a_hyphenated_company_name_spells_its_initials(acquisition):
    _, ents = acquisition
    hp = holder(ents, "HP")
    assert hp is not None and hp.type == "ORG" and holder(ents, "Hewlett-Packard") is hp
    assert holder(ents, "HPQ") is hp  # "Hewlett-Packard Corp. (NYSE: HPQ)": its ticker
    eyp = holder(ents, "EYP Mission Critical Facilities")
    assert eyp is not None and holder(ents, "EYP MCF") is eyp  # the rest of its name by initials
    assert eyp.type == "ORG"  # "EYP MCF", tagged a person: no name has a word of capitals without a vowel


def test_a_company_listed_with_a_known_company_is_a_company(acquisition):
    _, ents = acquisition
    for name in ("Oracle", "Cisco"):  # "HP and Oracle", "Cisco and HP"; both are also US town names
        e = holder(ents, name)
        assert e is not None and e.type == "ORG", name


def test_a_misspelt_surname_joins_the_one_bearer_it_fits(dairy):
    _, ents = dairy
    olson = holder(ents, "Karen B. Olson")
    assert olson is not None and holder(ents, "Olsen") is olson


def test_a_qualifying_word_and_an_ordinary_word_keep_names_apart(dairy):
    _, ents = dairy
    company = holder(ents, "Valley Dairy")
    assert company is not None and holder(ents, "Valley") is not company
    maid = holder(ents, "Matanuska Maid")
    assert maid is not None and holder(ents, "Matanuska Maid Creamery") is not maid  # "the creamery" in the text
    assert holder(ents, "Mat Maid") is maid  # its first word clipped


def test_a_title_in_front_of_a_surname_is_split_off(deputy):
    _, ents = deputy
    ortiz = holder(ents, "Jerry Ortiz")
    assert ortiz is not None and holder(ents, "Ortiz") is ortiz
    assert not any("Deputy Ortiz" in e.aliases for e in ents)  # "Deputy Ortiz": the title, then the deputy
