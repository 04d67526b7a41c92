"""What differs between the rounds of the hand-made ECB+ golds, as data, in one place.

The format tests (tests/test_gold_ecbplus_{claims,entities,events}_rounds.py) are written once and run per round
(pytest ids r4-tune, r4-blind, r5, r6, r7); every path, story set, article count, floor and per-round exception
they check comes from the tables below. The floors are the counts each round's READMEs record as what its texts
support (tests/gold/ecbplus_r*/README*.md); where one round's old tests held two floors for one count, the
stricter is kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.gold_support import ROOT, corpus_index

CORPORA = ROOT / "tests" / "corpora"
GOLDS = ROOT / "tests" / "gold"


@dataclass(frozen=True)
class Round:
    """One gold round (and split): where its corpus and gold live and which articles it covers."""

    id: str  # the pytest id
    number: int
    split: str
    corpus: Path
    gold: Path  # the directory holding {kind}.{split}.json
    stories: frozenset[str]
    # exact number of articles the gold lists; None: not pinned (round 4 lists all of its stories' articles)
    articles: int | None
    # the corpus also holds other rounds' articles (round 4 shares tests/corpora/ecbplus with round 3): the round's
    # articles are those of its stories as selection.json assigns them; otherwise the round is the whole corpus
    shared_corpus: bool = False


def gold_path(rnd: Round, kind: str) -> Path:
    return rnd.gold / f"{kind}.{rnd.split}.json"


def load(rnd: Round, kind: str) -> dict:
    return json.loads(gold_path(rnd, kind).read_text(encoding="utf-8"))


def round_articles(rnd: Round) -> set[str]:
    """Paths of every article of the round (and split)."""
    index = corpus_index(rnd.corpus)
    if not rnd.shared_corpus:
        return set(index)
    selection = json.loads((rnd.corpus / "selection.json").read_text(encoding="utf-8"))
    stories = {s["story"] for s in selection["stories"] if s.get("round") == rnd.number and s["split"] == rnd.split}
    assert stories == rnd.stories, (rnd.id, stories)  # the table agrees with selection.json
    return {p for p, r in index.items() if r["story"] in stories}


R4_TUNE = Round("r4-tune", 4, "tune", CORPORA / "ecbplus", GOLDS / "ecbplus_r4",
                frozenset({"brooklyn_police_shooting_protests_2013", "gulf_of_aden_piracy_2011",
                           "paris_jewellery_heist_2013", "chipmaker_acquisition_2012"}),
                articles=None, shared_corpus=True)
R4_BLIND = Round("r4-blind", 4, "blind", CORPORA / "ecbplus", GOLDS / "ecbplus_r4",
                 frozenset({"refugee_camp_air_strike_2011", "qeshm_earthquake_2005", "texas_prisoner_escape_2009",
                            "actress_death_2013"}),
                 articles=None, shared_corpus=True)
R5 = Round("r5", 5, "blind", CORPORA / "ecbplus_r5", GOLDS / "ecbplus_r5",
           frozenset({"factory_shooting_trial_2010", "species_rule_reversal_2009", "double_murder_charge_2013",
                      "supermarket_fire_2013", "office_shooting_2007"}),
           articles=27)
R6 = Round("r6", 6, "blind", CORPORA / "ecbplus_r6", GOLDS / "ecbplus_r6",
           frozenset({"deputy_killing_sentence_2005", "dairy_building_fire_2012", "surgeon_general_nomination_2009",
                      "consultancy_acquisition_2007", "heavyweight_title_fight_2012"}),
           articles=26)
FILM = "film_director_negotiations_2012"
R7 = Round("r7", 7, "blind", CORPORA / "ecbplus_r7", GOLDS / "ecbplus_r7",
           frozenset({FILM, "crossfire_shooting_trial_2011", "athlete_dui_arrest_2009",
                      "browser_zero_day_patch_2013", "political_aide_death_2004"}),
           articles=26)
R8 = Round("r8", 8, "blind", CORPORA / "ecbplus_r8", GOLDS / "ecbplus_r8",
           frozenset({"celebrity_rehab_checkin_2013", "crime_boss_prison_death_2005", "coach_fired_and_replaced_2005",
                      "laptop_line_launch_2012", "football_playoff_clinch_2012"}),
           articles=26)
R9 = Round("r9", 9, "blind", CORPORA / "ecbplus_r9", GOLDS / "ecbplus_r9",
           frozenset({"awards_host_announced_2013", "player_injured_reserve_2011", "college_scoring_record_2013",
                      "tv_lead_actor_cast_2013", "carrier_phone_availability_2013"}),
           articles=26)


# ---------------------------------------------------------------------------------------------------- claims


@dataclass(frozen=True)
class Claims:
    round: Round
    # the round-5 layout rules: top-level keys in order, exact keys on every item, a sourced figure has a verb and
    # a stance, no figure or attribution twice, no pronoun as a source. Round 4's gold predates them and does not
    # meet them all (e.g. attributions sourced "his relatives", "her spokesman"; for entities and events: four
    # stories a split where the rule counts five, a tune half with no denied event, a blind event dated after its
    # articles' printed dates), so round 4 is held only to the checks its own tests made (the former
    # test_gold_ecbplus_r4.py and test_gold_ecbplus_r4_claims.py).
    strict_layout: bool
    figures: int
    attributions: int
    disagreements: int = 0
    corroborations: int = 0
    # the lists whose items must between them touch every story of the round
    cover_every_story: tuple[str, ...] = ()
    # disagreements whose sides are all in one article / span two articles
    within: int = 0
    across: int = 0
    disagreement_kinds: dict[str, int] = field(default_factory=dict)
    corroboration_kinds: dict[str, int] = field(default_factory=dict)
    per_story: dict[str, tuple[int, int]] = field(default_factory=dict)  # story: (figures, attributions)


CLAIMS = [
    Claims(R4_TUNE, strict_layout=False, figures=40, attributions=40),
    Claims(R4_BLIND, strict_layout=False, figures=40, attributions=40),
    # README.claims.md: the texts support 56 disagreements and 278 attributions; the targets were 40 and 80
    Claims(R5, strict_layout=True, figures=100, attributions=80, disagreements=40, corroborations=10,
           cover_every_story=("attributions", "disagreements"), within=10, across=10,
           disagreement_kinds={"numeric": 1, "statement": 30}),
    # the round-6 texts give no two incompatible figures of one measure and time: no numeric disagreement is asked
    Claims(R6, strict_layout=True, figures=120, attributions=200, disagreements=30, corroborations=40,
           cover_every_story=("figures", "attributions", "disagreements", "corroborations"), within=10, across=10,
           disagreement_kinds={"statement": 30}, corroboration_kinds={"numeric": 15}),
    # README.claims.md: all the counts the 26 short round-7 articles support (fewer figures than round 6's); one
    # numeric disagreement (the shots fired: a dozen vs 13), the rest are statements
    Claims(R7, strict_layout=True, figures=58, attributions=160, disagreements=47, corroborations=75,
           cover_every_story=("figures", "attributions", "disagreements", "corroborations"), within=10, across=10,
           disagreement_kinds={"numeric": 1, "statement": 30}, corroboration_kinds={"numeric": 10},
           per_story={FILM: (5, 27), "crossfire_shooting_trial_2011": (33, 28), "athlete_dui_arrest_2009": (7, 28),
                      "browser_zero_day_patch_2013": (5, 38), "political_aide_death_2004": (8, 39)}),
    # README.claims.md: the figures sit in the football, laptop and coach stories (scores, yards, records, prices,
    # specifications), the attributions in the rehab and mob-boss stories; numeric disagreements: the MacBook Pro
    # prices ($1,099 vs $1,199; $1499 vs $1,799) and the Colts' record (9-5 vs 10-5)
    Claims(R8, strict_layout=True, figures=202, attributions=93, disagreements=45, corroborations=87,
           cover_every_story=("figures", "attributions", "disagreements", "corroborations"), within=18, across=27,
           disagreement_kinds={"numeric": 9, "statement": 36}, corroboration_kinds={"numeric": 41},
           per_story={"celebrity_rehab_checkin_2013": (2, 32), "crime_boss_prison_death_2005": (10, 35),
                      "coach_fired_and_replaced_2005": (39, 16), "laptop_line_launch_2012": (59, 8),
                      "football_playoff_clinch_2012": (92, 2)}),
    # README.claims.md: the figures sit in the college-basketball and injured-reserve stories (scores, runs, records,
    # yards, carries) and the phone's prices and specifications; the attributions in the awards-host and TV-casting
    # stories; the college story's five game reports attribute nothing (so attributions need not cover every story);
    # numeric disagreements: Thomas's missed games (9 vs 10), Carter's points (14 vs 12), the 13:41 score (45-35 vs 45-36)
    Claims(R9, strict_layout=True, figures=305, attributions=133, disagreements=30, corroborations=99,
           cover_every_story=("figures", "disagreements", "corroborations"), within=4, across=26,
           disagreement_kinds={"numeric": 8, "statement": 22}, corroboration_kinds={"numeric": 40},
           per_story={"awards_host_announced_2013": (8, 39), "player_injured_reserve_2011": (64, 19),
                      "college_scoring_record_2013": (207, 0), "tv_lead_actor_cast_2013": (11, 63),
                      "carrier_phone_availability_2013": (15, 12)}),
]


# ---------------------------------------------------------------------------------------------------- entities


@dataclass(frozen=True)
class StoryFloor:
    """What one story's own articles must hold: groups, apart pairs, places and distinct place groups."""

    groups: int
    apart: int
    places: int
    place_groups: int


@dataclass(frozen=True)
class Entities:
    round: Round
    groups: int
    apart: int
    places: int
    # the round-5 rules (see Claims.strict_layout; round 4 is held only to the checks its own tests made): exact
    # keys, the gold lists every article of the round, aliases written with single spaces and never twice, unique
    # group names and wikidata ids, no apart pair twice, places only on place groups (one per group) with a
    # positive GeoNames id and both or neither coordinate, every story with its entities
    strict_layout: bool = True
    # words the description must contain (round 7 states its provenance and that every named person is in)
    description_says: tuple[str, ...] = ()
    # stories whose texts name no place at all: asserted to have no place group (instead of at least one)
    placeless_stories: frozenset[str] = frozenset()
    story_floors: dict[str, StoryFloor] = field(default_factory=dict)
    # per-story floors count a surface only as a whole word (round 7); else as a substring (round 6)
    whole_words: bool = False
    # every surface occurs (as a whole word) in the articles of exactly one story (round 7)
    one_story_per_surface: bool = False
    # alias groups every story's text must name (round 8's product-launch story names only 7 things that are not
    # products; products are not entities in these golds)
    min_story_groups: int = 10


ENTITIES = [
    Entities(R4_TUNE, groups=35, apart=8, places=0, strict_layout=False),
    Entities(R4_BLIND, groups=35, apart=8, places=0, strict_layout=False),
    Entities(R5, groups=60, apart=15, places=40),
    # README.entities.md: at least 200 groups, 60 apart pairs, 50 places; a dozen of each per story
    Entities(R6, groups=200, apart=60, places=50,
             story_floors={s: StoryFloor(20, 5, 5, 5) for s in R6.stories}),
    # README.entities.md: 94 groups, 92 apart pairs, 16 places, all the texts support (round 6 had 237 / 105 / 60
    # for 26 longer articles); the round-6 per-story floors would ask for items these short texts do not have
    Entities(R7, groups=90, apart=90, places=16,
             description_says=("h-gold7ent", "every named person"),
             # its only "Los Angeles" is inside "Los Angeles Times"
             placeless_stories=frozenset({FILM}),
             story_floors={FILM: StoryFloor(16, 13, 0, 0),
                           "crossfire_shooting_trial_2011": StoryFloor(17, 14, 0, 3),
                           "athlete_dui_arrest_2009": StoryFloor(23, 20, 0, 5),
                           "browser_zero_day_patch_2013": StoryFloor(13, 13, 0, 1),
                           "political_aide_death_2004": StoryFloor(25, 25, 0, 7)},
             whole_words=True, one_story_per_surface=True),
    # README.entities.md: 132 groups, 97 apart pairs, 34 places; the laptop story names few entities (products are
    # not entities). Not one_story_per_surface: New York (rehab, crime) and Miami (crime, coach) are one city each,
    # named in two stories, and short back-references ('Charles', 'King', 'Ford', 'Mo') also occur as a whole word
    # inside another story's longer name ('Charles "Lucky" Luciano', 'The Pajama King', 'Betty Ford', 'Mo.')
    # The laptop story names only 7 entities (the rest are products): test_every_story_has_its_entities' fixed floor
    # of 10 groups per story fails for r8 (README.entities.md); nothing was invented to meet it, left to the lead
    Entities(R8, groups=132, apart=97, places=34,
             description_says=("h-gold8ent", "every named person"),
             story_floors={"celebrity_rehab_checkin_2013": StoryFloor(26, 19, 12, 12),
                           "crime_boss_prison_death_2005": StoryFloor(35, 21, 10, 10),
                           "coach_fired_and_replaced_2005": StoryFloor(35, 23, 6, 6),
                           "laptop_line_launch_2012": StoryFloor(7, 5, 1, 1),
                           "football_playoff_clinch_2012": StoryFloor(36, 21, 8, 8)},
             whole_words=True, min_story_groups=7),
    # README.entities.md: 140 groups, 134 apart pairs, 19 places, all the 26 round-9 texts support. Not
    # one_story_per_surface: Twitter is one group named in three stories, and 'NFC' (the football conference) is also a
    # phone feature (near-field communication) in the carrier story. The carrier story names 7 entities (its phones and
    # platforms are products, not entities in these golds), so min_story_groups is 7, as round 8's laptop story
    Entities(R9, groups=140, apart=134, places=19,
             description_says=("h-gold9ent", "every named person"),
             story_floors={"awards_host_announced_2013": StoryFloor(30, 31, 2, 2),
                           "player_injured_reserve_2011": StoryFloor(46, 34, 10, 10),
                           "college_scoring_record_2013": StoryFloor(22, 19, 2, 2),
                           "tv_lead_actor_cast_2013": StoryFloor(37, 36, 3, 3),
                           "carrier_phone_availability_2013": StoryFloor(8, 8, 2, 2)},
             whole_words=True, min_story_groups=7),
]


# ---------------------------------------------------------------------------------------------------- events


@dataclass(frozen=True)
class Events:
    round: Round
    events: int  # at least this many events in all
    per_story: dict[str, int]  # at least this many events per story (README.events.md)
    undated: int | None  # exactly this many articles have no published date (None: not pinned)
    # the round-5 rules (see Claims.strict_layout; round 4 is held only to the checks its own tests made): exact
    # keys, the events gold lists every article of the round and quotes each, no event mixes stories or repeats a
    # quote, the evaluator's own matcher accepts every gold date, dates agree with the printed dates, and the
    # events include claims, denials and scheduled happenings
    strict_layout: bool = True
    # articles whose printed date is a day (or more) before what they report: the printed date is kept as their
    # published date, so their events may be that many days later
    printed_early: dict[str, int] = field(default_factory=dict)
    # when set: the only articles whose published date is a month, each dated by its URL
    url_month_only: frozenset[str] | None = None


EVENTS = [
    Events(R4_TUNE, events=35, per_story={}, undated=None, strict_layout=False),
    Events(R4_BLIND, events=35, per_story={}, undated=None, strict_layout=False),
    # the brief's target was at least 60 events in all; article 18_5 prints no date and its URL has none
    Events(R5, events=60, undated=1,
           per_story={"factory_shooting_trial_2010": 25, "species_rule_reversal_2009": 14,
                      "double_murder_charge_2013": 15, "supermarket_fire_2013": 14, "office_shooting_2007": 25}),
    # every round-6 article prints a full date; round 5 had 108 events for 27 articles
    Events(R6, events=100, undated=0,
           per_story={"deputy_killing_sentence_2005": 30, "dairy_building_fire_2012": 28,
                      "surgeon_general_nomination_2009": 25, "consultancy_acquisition_2007": 8,
                      "heavyweight_title_fight_2012": 11},
           # 16_10 prints "POSTED: 05/02/07" but reports the sentencing "on Thursday" (3 May 2007, the date 16_6
           # announces): the printed line is kept as its published date (as 3_8 in round 4)
           printed_early={"tests/corpora/ecbplus_r6/articles/deputy_killing_sentence_2005/16_10ecbplus.txt": 1}),
    # every round-7 article is dated by its text or URL; round 6 had 124 events for 26 articles of 13,834 words,
    # these 26 articles have 5,723 words and support 73 (all the text supports, none invented)
    Events(R7, events=70, undated=0,
           per_story={FILM: 16, "crossfire_shooting_trial_2011": 18, "athlete_dui_arrest_2009": 17,
                      "browser_zero_day_patch_2013": 9, "political_aide_death_2004": 6},
           # 27_6 (krebsonsecurity.com) prints no date and its URL gives only '2013/09'
           url_month_only=frozenset({"tests/corpora/ecbplus_r7/articles/browser_zero_day_patch_2013/27_6ecbplus.txt"})),
    # round 8: 26 articles of 6,753 words; 5_10 (a forum post) prints no date and its URL has none
    Events(R8, events=100, undated=1,
           per_story={"celebrity_rehab_checkin_2013": 20, "crime_boss_prison_death_2005": 15,
                      "coach_fired_and_replaced_2005": 26, "laptop_line_launch_2012": 10,
                      "football_playoff_clinch_2012": 23}),
    # round 9 (README.events.md): 26 articles of 9,466 words, every one dated; 42_3 (tmonews.com) prints no date and
    # its URL gives only '2013/04', 2_9 (theguardian.com) none but its URL path '/2013/aug/02/'
    Events(R9, events=124, undated=0,
           per_story={"awards_host_announced_2013": 26, "player_injured_reserve_2011": 35,
                      "college_scoring_record_2013": 21, "tv_lead_actor_cast_2013": 30,
                      "carrier_phone_availability_2013": 12},
           url_month_only=frozenset({"tests/corpora/ecbplus_r9/articles/carrier_phone_availability_2013/42_3ecbplus.txt"})),
]


def params(table: list, when=lambda row: True) -> list:  # noqa: ANN001
    """pytest parameters over a table's rows (those ``when`` accepts), with the round ids."""
    return [pytest.param(row, id=row.round.id) for row in table if when(row)]


def split_pairs(table: list) -> list:
    """pytest parameters (tune row, blind row) for each round a table has both splits of, with ids r4..."""
    return [pytest.param((t, b), id=f"r{t.round.number}") for t in table for b in table
            if t.round.number == b.round.number and (t.round.split, b.round.split) == ("tune", "blind")]
