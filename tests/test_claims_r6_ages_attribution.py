"""Round-6 figure and speaker rules on real sentences of the round-5 ECB+ articles
(tests/corpora/ecbplus_r5, development data since round 6): ages in apposition of the persons
a story is about, single counts of an indictment, and "he"/"she" resolved only to one person."""

from __future__ import annotations

from dateline.claims.extract import agrees
from dateline.story_profile import StoryProfile, surname
from tests.claims_support import sentence_figures

# the accused and the victims are named in several articles of their stories; a witness in one
PROFILE = StoryProfile(n_docs=6, people=frozenset({"hiller", "riva", "steinberg", "lacalamita", "pitman"}))


def _figures(sentence: str, profile: StoryProfile | None = PROFILE) -> dict[str, tuple[float, str]]:
    return sentence_figures(sentence, profile)


def test_age_in_apposition_of_a_story_person() -> None:
    s = "Riva, 47, of Sterling Heights and Steinberg, 48, of Macomb County's Bruce Township, were being treated."
    assert _figures(s) == {"47": (47, "age"), "48": (48, "age")}
    assert _figures("Anthony LaCalamita III, 38, said nothing after officers surrounded him.")["38"] == (38, "age")
    s = "Robert Pitman, aged 24 and from Wellington, was charged with arson following the fire."
    assert _figures(s)["24"] == (24, "age")


def test_age_of_a_bystander_or_without_a_profile_is_not_a_figure() -> None:
    s = "Jean Larson, 48, of Shelby Township, said she heard the shots."
    assert "48" not in _figures(s)
    assert "47" not in _figures("Riva, 47, of Sterling Heights was treated.", profile=None)


def test_surname_of_a_mention() -> None:
    assert surname("Anthony LaCalamita III") == "lacalamita"
    assert surname("Mr. LaCalamita's") == "lacalamita"
    assert surname("Yvonne Hiller") == "hiller"


def test_one_count_of_an_indictment() -> None:
    s = "She was charged with two counts of murder and one count of attempted murder."
    figs = _figures(s)
    assert figs["two"] == (2, "counts") and figs["one"] == (1, "counts")
    assert _figures("He faces one charge of causing unnecessary suffering to an animal.")["one"] == (1, "charges")
    assert _figures("Hiller faces two counts of murder and one attempted murder charge.")["one"] == (1, "charges")
    assert "one" not in _figures("One of the employees hid under a desk.")


def test_he_or_she_stands_for_one_person() -> None:
    for phrase in ("Witnesses", "business officials", "no one", "police", "Environmentalists"):
        assert not agrees("she", phrase), phrase
    for phrase in ("Kenneth Dorsey", "Mr. Williams", "the sheriff", "Jones",
                   "Al-Sawarmi Khalid, spokesman for Sudan's armed forces", "a spokesman for the rebels"):
        assert agrees("he", phrase), phrase
    assert agrees("they", "Environmentalists") and agrees("it", "the company")
