"""Numbers that are not calendar dates, and year ranges, on real news text: a football report's game
quarters and halves (round-8 development corpus), a screen size, a coach's career spans; TimeBank's
earnings quarters stay dates."""

from __future__ import annotations

from pathlib import Path

from dateline.dating.timex import tag_timexes
from dateline.evaluate.timeml import read_timeml

R8 = Path(__file__).parent / "corpora" / "ecbplus_r8" / "articles"


def _values(text: str, anchor: str) -> dict[str, str]:
    return {t.text: t.value for t in tag_timexes(text, anchor)}


def test_game_quarters_of_a_football_report_are_not_calendar_quarters() -> None:
    text = (R8 / "football_playoff_clinch_2012" / "29_10ecbplus.txt").read_text(encoding="utf-8")
    values = [t.value for t in tag_timexes(text, "2012-12-23")]
    assert values, "the report's own dates are still found"
    assert not [v for v in values if "-Q" in v or "-H" in v]
    assert "2012-12-30" in values  # "next Sunday" is still a date


def test_earnings_quarters_stay_dates(shared_data: Path) -> None:
    root = shared_data / "tempeval3-tbaq"
    doc = read_timeml(root / "TimeBank" / "wsj_0132.tml", root)
    gold = {doc.text[s:e] for s, e, v, _t in doc.timexes if "-Q" in v and "quarter" in doc.text[s:e]}
    ours = {t.text for t in tag_timexes(doc.text, doc.dct) if "-Q" in t.value}
    assert "the third quarter" in gold and gold <= ours


def test_a_half_of_the_year_is_a_date_without_figures() -> None:
    assert _values("Work will resume in the second half of the year.", "2012-03-01")["the second half"] == "2012-H2"


def test_a_screen_size_is_not_a_year() -> None:
    text = (R8 / "laptop_line_launch_2012" / "40_6ecbplus.txt").read_text(encoding="utf-8")
    assert "1800" not in _values(text, "2012-06-11")
    assert "1800" not in _values("It has a 2880-by-1800 display and a 2880 x 1800 panel.", "2012-06-11")


def test_year_ranges_keep_their_end() -> None:
    text = (R8 / "coach_fired_and_replaced_2005" / "5_4ecbplus.txt").read_text(encoding="utf-8")
    found = [(t.text, t.value) for t in tag_timexes(text, "2005-05-23")]
    assert ("1982", "1982") in found and ("87", "1987") in found  # "(1982-87)"
    assert _values("Cheeks helped guide the team in the 2003/04 season.", "2005-05-23") == {
        "2003": "2003", "04": "2004"}
    assert _values("Larry Brown (1997-2001).", "2005-05-23") == {"1997": "1997", "2001": "2001"}


def test_a_year_and_month_is_no_range() -> None:
    assert _values("Figures for 2012-06 were revised.", "2012-12-01") == {"2012": "2012"}


def test_a_game_clock_is_no_duration() -> None:
    # round-8 development article 29_10: "tied the game with 6:00 minutes remaining"
    text = (R8 / "football_playoff_clinch_2012" / "29_10ecbplus.txt").read_text(encoding="utf-8")
    assert "6:00 minutes" in text
    assert not [t for t in tag_timexes(text, "2012-12-23") if t.text.startswith("00")]


def test_a_show_named_after_its_owner_is_not_tonight() -> None:
    # round-6 development article: "as 'Person of the Week' on ABC's World News Tonight with Peter Jennings"
    assert _values("She was featured on ABC's World News Tonight with Peter Jennings.", "2009-07-13") == {}
    assert _values("Tonight, he speaks.", "2009-07-13") == {"Tonight": "2009-07-13TNI"}
