"""Reference time in earnings prose (TimeBank WSJ sentences): which quarter 'the quarter' and
'the year-ago period' mean."""

from __future__ import annotations

from pathlib import Path

from dateline.dating.timex import tag_timexes
from dateline.evaluate.timeml import read_timeml


def values(text: str, anchor: str) -> dict[str, str]:
    return {t.text: t.value for t in tag_timexes(text, anchor)}


def test_the_quarter_a_year_ago_is_one_expression() -> None:
    # TimeBank wsj_1013 (1989-10-26)
    text = ("Columbia Savings & Loan Association, reeling from thrift-accounting changes mandated by Congress "
            "and the recent collapse of the junk-bond market, announced a loss for the third quarter of $226.3 "
            "million, or $11.57 a share.\n\nFor the quarter a year ago, Columbia reported earnings of $16.3 "
            "million, or 37 cents a share.")
    got = values(text, "1989-10-26")
    assert got["the third quarter"] == "1989-Q3"
    assert got["the quarter a year ago"] == "1988-Q3"


def test_a_forecast_quarter_is_not_the_reference_period() -> None:
    # TimeBank wsj_1003 (1989-10-26): 'the year-ago period' compares with the reported quarter,
    # not with the 1990 quarter the analysts forecast
    text = ("In fact, he thinks several steelmakers will report actual losses through the third quarter of "
            "1990.\n\nBethlehem, the nation's second largest steelmaker, earned $46.9 million, or 54 cents a "
            "share. The figures include $15 million in costs related to a blast furnace outage and $8 million in "
            "losses from unauthorized work outages at the company's coal operations. In the year-ago period, "
            "Bethlehem earned $101.4 million, or $1.27 a share.")
    got = values(text, "1989-10-26")
    assert got["the third quarter of 1990"] == "1990-Q3"
    assert got["the year-ago period"] == "1988-Q3"


def test_halves_of_a_year(shared_data: Path) -> None:
    # TimeBank wsj_1014 and wsj_1003 (1989-10-26): halves are H1/H2 of the named year, not the year
    text = ("Anheuser said its new strategy -- started in some markets last month and expected to be applied "
            "soon in selected markets nationwide -- will mean lower-than-anticipated earnings for the last half "
            "of 1989 and for 1990.")
    assert values(text, "1989-10-26")["the last half of 1989"] == "1989-H2"
    # read in its whole document: a bare ordinal quarter is a calendar quarter in a text that states
    # money or percentage figures (filters.is_unreported_period), as this earnings report does
    root = shared_data / "tempeval3-tbaq"
    doc = read_timeml(root / "TimeBank" / "wsj_1003.tml", root)
    assert "continue into the fourth quarter and through at least the first two quarters of 1990" in doc.text
    got = values(doc.text, doc.dct)
    assert got["the first two quarters of 1990"] == "1990-H1"
    assert got["the fourth quarter"] == "1989-Q4"


def test_fiscal_year_relative_to_the_anchor() -> None:
    # TimeBank wsj_0135 (1989-11-02)
    text = ('The Rockford, Ill., maker of fasteners also said it expects to post sales in the current fiscal '
            'year that are " slightly above" fiscal 1989 sales of $155 million.')
    assert values(text, "1989-11-02")["the current fiscal year"] == "1989"


def test_season_of_a_spoken_year() -> None:
    # TimeBank CNN19980223.1130.0960 (1998-02-23), broadcast transcript with spoken years
    text = ("Ah next up is that thirteen dollar a barrel level we saw in the winter of nineteen ninety-four.")
    assert values(text, "1998-02-23") == {"the winter of nineteen ninety-four": "1994-WI"}


def test_year_end() -> None:
    # TimeBank wsj_0006 and wsj_0586 (1989): the end of this year ahead, of last year after 'since'
    text = ("The thrift holding company said it expects to obtain regulatory approval and complete the "
            "transaction by year-end.")
    assert values(text, "1989-11-02") == {"year-end": "1989"}
    assert values("The percentage change is since year-end.", "1989-10-30") == {"year-end": "1988"}


def test_each_month_is_a_set() -> None:
    # TimeBank APW19980322.0749 (1998-03-22)
    text = ("The crucible is Portadown, 30 miles (50 kms) southwest of Belfast, where Orangemen march each July "
            "from their rural church back downtown _ through the town's main Catholic area.")
    assert [(t.text, t.value, t.type) for t in tag_timexes(text, "1998-03-22")] == [
        ("each July", "XXXX-07", "SET")]


def test_clock_time_before_a_parenthesis_and_weekday() -> None:
    # AQUAINT APW19980808.0022 (Saturday 1998-08-08)
    text = ("The blast in Nairobi occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a crowded building "
            "toward the embassy and a street packed with cars, trucks and buses.")
    got = values(text, "1998-08-08")
    assert got["10:35 a.m."] == "1998-08-07T10:35"
    assert got["0735 GMT"] == "1998-08-07T07:35"
    assert got["Friday"] == "1998-08-07"


def test_quoted_programme_title_is_not_a_week() -> None:
    # TimeBank WSJ900813-0157 (1990-08-13): ABC News' "This Week" is a programme
    text = ("Secretary of State James Baker, speaking on ABC News' \"This Week,\" said the Kuwaiti request gives "
            "the U.S. and other countries \"a legal basis for stopping the export of oil\"")
    assert values(text, "1990-08-13") == {}


def test_previous_weekday_is_counted_from_the_day_the_story_is_at(shared_data: Path) -> None:
    """A London market report of Monday 1989-10-30 about Friday's session: "down 4.5% from the previous
    Friday" is the Friday before that Friday (TimeBank gold 1989-10-20), not the one before the DCT;
    "overnight" in between names no day and does not move the reference."""
    root = shared_data / "tempeval3-tbaq"
    doc = read_timeml(root / "TimeBank/wsj_0586.tml", root)
    got = {x.text: x.value for x in tag_timexes(doc.text, doc.dct)}
    gold = {doc.text[s:e]: v for s, e, v, _t in doc.timexes}
    assert gold["the previous Friday"] == "1989-10-20"
    assert got["Friday"] == "1989-10-27"
    assert got["the previous Friday"] == gold["the previous Friday"]



def test_following_as_a_preposition_is_no_reference_shift(shared_data: Path) -> None:
    """'following Tuesday's earthquake' (Timeline17, a BBC report of 2010-01-14): 'following' is the
    preposition, Tuesday the day of the quake (2010-01-12), not the Tuesday after a reference day."""
    path = shared_data / "timeline17/haiti_bbc/InputDocs/2010-01-14/316.htm.txt"
    text = path.read_text(encoding="utf-8")
    i = text.index("following Tuesday 's")
    got = [(x.text, x.value) for x in tag_timexes(text, "2010-01-14") if x.start >= i and x.start < i + 30]
    assert got == [("Tuesday", "2010-01-12")]
