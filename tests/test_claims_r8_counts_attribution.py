"""Round-8 figure and speaker rules on real sentences of the ECB+ development articles
(tests/corpora/ecbplus_r5, ecbplus_r6, ecbplus_r7): ages said as a predicate or written
"34-year old", children counted through a parent ("a mother of 12"), a team record before its
noun, "his dozen" / "a half-dozen", the size of a crowd or a town, "two others"; and speakers:
"it said" after an organisation, "Per X,", a reduced passive ("the man believed to have ...")
and "claimed the life of" (no statement)."""

from __future__ import annotations

from pathlib import Path

from dateline.claims.attribution import find_attributions
from dateline.claims.extract import doc_statements
from dateline.claims.kin import find_kin_counts
from dateline.claims.records import find_records
from dateline.story_profile import StoryProfile
from tests.claims_support import line_document, sentence_figures

R7 = Path(__file__).parent / "corpora" / "ecbplus_r7" / "articles"
PROFILE = StoryProfile(n_docs=5, people=frozenset({"larue", "lopez", "horton"}))


def _figures(sentence: str, profile: StoryProfile | None = PROFILE) -> dict[str, tuple[float, str]]:
    return sentence_figures(sentence, profile)


def _kin(sentence: str) -> list[tuple[str, float]]:
    return [(k.quantity.text, k.quantity.low) for k in find_kin_counts(sentence, 0, len(sentence))]


def test_age_said_as_a_predicate_of_a_person() -> None:
    assert _figures("He was 75.") == {"75": (75, "age")}
    assert _figures("LaRue was 75, the Biloxi Sun Herald reported Wednesday.")["75"] == (75, "age")
    # "years old" says it is an age, whoever the subject
    s = '"Jerry was 35 years old and had more motivation than a 21-year-old just getting on the department," Rifkin said.'
    assert _figures(s, profile=None)["35"] == (35, "age")


def test_a_predicate_number_that_is_no_age() -> None:
    assert "68" not in _figures('Klitschko led the crowd in signing "Happy Birthday" to Steward, who turned 68 on Saturday.')
    assert _figures("It was 75.") == {}
    assert "75" not in _figures("Smith was 75, the paper reported.", profile=None)  # not a person of the story


def test_ages_written_year_old_with_a_space() -> None:
    s = "An 18-year old male confessed to the gang related murder of a Brooklyn mother who tried to protect a group of school children."
    assert _figures(s)["18"] == (18, "age")
    s = "The shooting that took place last Friday outside a Brownsville school claimed the life of 34-year old Zurana Horton."
    assert _figures(s)["34"] == (34, "age")
    assert _figures("Lopez was reportedly aiming for an 11-year old girl whom he had a dispute with.")["11"] == (11, "age")


def test_children_counted_through_a_parent() -> None:
    s = ("In addition to Zurana Horton-who was a mother of 12-another mom and an 11-year-old girl were wounded by "
         "rooftop sniper Andrew Lopez, who told police his dozen rounds were intended for members of a rival gang.")
    assert _kin(s) == [("12", 12)]
    assert _figures(s)["dozen"] == (12, "rounds")
    s = "Friends and neighbours were shocked by the murders of the animal-loving divorced mother-of-two and her daughter."
    assert _kin(s) == [("two", 2)]
    assert _kin('Hickok called the slaying of the newlywed deputy and father of two "a cold-blooded, vicious murder."') == [("two", 2)]
    assert _kin("The father of two of the victims spoke to reporters.") == []  # "of the victims": not his children


def test_a_team_record_before_its_noun() -> None:
    s = "The Chargers reached the playoffs with an 8-8 record."
    assert [(r.quantity.low, r.kind) for r in find_records(s, 0, len(s))] == [(8, "wins"), (8, "losses")]
    s = "The Supreme Court ruled 5-4 on Thursday that the law stands."
    assert find_records(s, 0, len(s)) == []


def test_collectives_and_others() -> None:
    assert _figures("After the fight, Klitschko led the crowd of 22,000 in signing.")["22,000"] == (22000, "people")
    assert _figures("The town of 14,000 has struggled economically in recent years.")["14,000"] == (14000, "people")
    s = "A Michigan man shot to death one person and injured two others Monday at the suburban Detroit accounting firm."
    assert _figures(s)["two"] == (2, "people injured")
    s = "The city was negotiating to purchase the property, along with at least a half-dozen others."
    assert _figures(s)["at least a half-dozen"][0] == 6
    assert _figures("In 2006, there were seven run-ins with the law by Chargers players.")["seven"] == (7, "run-ins")


def test_it_said_is_the_organisation_named_before() -> None:
    doc = line_document(R7 / "browser_zero_day_patch_2013" / "27_1ecbplus.txt", "2013-09-18")
    said = {doc.text[s0:s1][:40]: src for _, src, (s0, s1) in doc_statements(doc)}
    assert said["Targeted attacks directed at IE8 and 9 h"] == "Microsoft"
    assert "Dustin Childs" in (said["In a blog post, Microsoft's Dustin Child"] or "")  # "advised"


def test_per_x_and_passives_and_claimed_the_life() -> None:
    s = 'Per THR, the negotiations between the two parties are "delicate," but a deal could get done soon.'
    assert [(a.source, a.verb) for a in find_attributions(s, 0, len(s)) if a.source] == [("THR", "according to")]
    s = ('LaRue was occasionally identified as "Deep Throat," the shadowy character believed to have helped two '
         "Washington Post reporters crack a bevy of Nixon-era secrets, including the Watergate break-in.")
    assert all(a.source != "the shadowy character" for a in find_attributions(s, 0, len(s)))
    s = ("The suspect, Andrew Lopez, was among three teens arrested on Tuesday for the shooting that took place last "
         "Friday outside a Brownsville school that claimed the life of 34-year old Zurana Horton.")
    assert [a.source for a in find_attributions(s, 0, len(s)) if a.source] == []
