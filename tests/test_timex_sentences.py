"""tag_timexes on real news sentences (Timeline17 articles, anchor = the article's date folder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.dating.timex import tag_timexes

FIX = Path(__file__).parent / "fixtures" / "timex" / "t17_sentences.jsonl"
SENTS = {d["id"]: d for d in map(json.loads, FIX.read_text().splitlines())}


def tag(key: str) -> dict[str, tuple[str, str]]:
    d = SENTS[key]
    return {t.text: (t.value, t.type) for t in tag_timexes(d["text"], d["anchor"])}


def test_offsets_point_at_the_text() -> None:
    for d in SENTS.values():
        for t in tag_timexes(d["text"], d["anchor"]):
            assert d["text"][t.start:t.end] == t.text


def test_weekday_future_tense_is_the_next_one() -> None:
    # anchor Monday 2009-04-27: "will meet ... on Tuesday" is the next day; "on" is not part of it
    assert tag("will_tuesday") == {"Tuesday": ("2009-04-28", "DATE")}


def test_weekday_past_tense_is_the_previous_one() -> None:
    # anchor Friday 2009-05-08: "he said on Thursday" is the day before
    assert tag("said_thursday")["Thursday"] == ("2009-05-07", "DATE")


def test_years_ago_keeps_year_granularity() -> None:
    assert tag("three_years_ago")["three years ago"] == ("2006", "DATE")


def test_earlier_this_month() -> None:
    assert tag("earlier_this_month")["earlier this month"] == ("2009-05", "DATE")


def test_recent_weeks_is_never_a_made_up_day() -> None:
    value, _ = tag("recent_weeks")["recent weeks"]
    assert value in ("PAST_REF", "PXW")


def test_weeks_ago_is_an_iso_week_and_yearless_day_takes_anchor_year() -> None:
    got = tag("six_weeks_ago")
    assert got["six weeks ago"] == ("2011-W15", "DATE")  # 2011-05-24 minus 42 days = 2011-04-12
    assert got["March 1"] == ("2011-03-01", "DATE")


def test_coming_days_is_future_ref() -> None:
    assert tag("coming_days")["the coming days"] == ("FUTURE_REF", "DATE")


def test_counts_are_not_dates() -> None:
    got = tag("week_ago_numbers")
    assert got == {"a week ago": ("2009-W26", "DATE")}  # 17,410 cases, 62 countries, 115 deaths: none


def test_month_year_keeps_month_granularity() -> None:
    assert tag("month_year") == {"March 2003": ("2003-03", "DATE")}


@pytest.mark.parametrize("key", ["civilians", "route", "ak47"])
def test_not_dates(key: str) -> None:
    assert tag(key) == {}


def test_range_month_day_day() -> None:
    got = tag("range_mdd")
    assert got["June 17"] == ("2010-06-17", "DATE")
    assert got["21"] == ("2010-06-21", "DATE")
    assert "3.1" not in got and "1,000" not in got


def test_range_between_day_and_day_month() -> None:
    got = tag("range_between")
    assert got["23"] == ("2009-04-23", "DATE")
    assert got["28 April"] == ("2009-04-28", "DATE")


def test_weekday_with_date_is_one_expression() -> None:
    assert tag("weekday_date")["Sunday May 31"] == ("2009-05-31", "DATE")


def test_clock_time_with_day_month_year() -> None:
    got = tag("clock_dmy")
    assert got["5:11 pm on 27 Nov 2009"] == ("2009-11-27T17:11", "TIME")


def test_yearless_december_in_january_is_the_previous_december() -> None:
    assert tag("yearless_prev_december")["December 31"] == ("2010-12-31", "DATE")


def test_duration() -> None:
    assert tag("duration")["two weeks"] == ("P2W", "DURATION")


def test_set() -> None:
    assert tag("set_every_week")["every week"] == ("P1W", "SET")


def test_wire_dateline_with_abbreviations_and_clock() -> None:
    got = tag("dateline_clock")
    assert got["Sat Mar 19 , 2011 7:34 pm"] == ("2011-03-19T19:34", "TIME")
    assert got["Saturday"] == ("2011-03-19", "DATE")  # same weekday as the anchor: that day


def test_24h_clock_is_a_time_not_the_year_1900() -> None:
    got = tag("gmt_clock")
    assert got["1900 GMT"] == ("2011-03-20T19:00", "TIME")
    assert got["9 p.m."] == ("2011-03-20T21:00", "TIME")
    assert got["Sunday"] == ("2011-03-20", "DATE")


def test_years_from_now() -> None:
    assert tag("years_from_now")["Ten years from now"] == ("2021", "DATE")


def test_month_ago_with_quantifier() -> None:
    assert tag("month_ago")["more than a month ago"] == ("2010-04", "DATE")


def test_last_night_is_the_evening_before() -> None:
    assert tag("last_night")["last night"] == ("2011-03-18TNI", "TIME")


def test_day_month_without_the_article() -> None:
    assert tag("day_month_article")["20 April"] == ("2010-04-20", "DATE")


def test_that_year_is_the_year_the_text_named() -> None:
    # "... like 1957 where ... 3 million to 4 million people died that year ..." (article of 2009)
    assert tag("that_year_1957")["that year"] == ("1957", "DATE")


def test_month_of_that_year_uses_reference_time() -> None:
    # "... declared SARS a pandemic in March 2003 . By June of that year , ..." (article of 2009)
    got = tag("june_of_that_year")
    assert got["March 2003"] == ("2003-03", "DATE")
    assert got["June of that year"] == ("2003-06", "DATE")


def test_without_anchor_no_year_is_invented() -> None:
    """With no publication date, a DATE gets a year only if the text wrote one."""
    import re

    for d in SENTS.values():
        years_in_text = set(re.findall(r"(?:19|20)\d\d", d["text"]))
        for t in tag_timexes(d["text"], None):
            m = re.match(r"^(\d{4})", t.value)
            if t.type in ("DATE", "TIME") and m:
                assert m.group(1) in years_in_text, (d["id"], t)


def test_weekday_with_part_of_day_keeps_the_part() -> None:
    # TIMEX3 guidelines: "Friday night" is a time of day (TNI); anchor Sunday 2009-06-28, past tense
    assert tag("friday_night")["Friday night"] == ("2009-06-26TNI", "TIME")


def test_reported_would_points_ahead() -> None:
    # anchor Tuesday 2010-06-15: "said would be ... on Wednesday" is the next day, not last week's
    got = tag("would_wednesday")
    assert got["Tuesday"] == ("2010-06-15", "DATE")
    assert got["Wednesday"] == ("2010-06-16", "DATE")


def test_possessive_weekday_is_the_past_one() -> None:
    # anchor Thursday 2010-01-21: "at Wednesday 's awards ceremony" is the day before
    assert tag("possessive_wednesday")["Wednesday"] == ("2010-01-20", "DATE")


def test_was_due_is_a_past_schedule() -> None:
    # anchor Thursday 2010-06-17: "was due on Monday, but has now been canceled" is the Monday before
    assert tag("was_due_monday")["Monday"] == ("2010-06-14", "DATE")


def test_present_tense_schedule_is_the_coming_weekday() -> None:
    # anchor Thursday 2011-10-20: "when their ambassadors meet in Brussels on Wednesday" is next week
    got = tag("meet_wednesday")
    assert got["Wednesday"] == ("2011-10-26", "DATE")
    assert got["October 31"] == ("2011-10-31", "DATE")


def test_clock_time_takes_the_day_that_follows() -> None:
    # anchor Tuesday 2010-01-19: "at 0900 GMT on Saturday morning" is 09:00 on the coming Saturday
    got = tag("clock_then_day")
    assert got["0900 GMT"] == ("2010-01-23T09:00", "TIME")
    assert got["Saturday morning"] == ("2010-01-23TMO", "TIME")


def test_programme_names_are_not_dates() -> None:
    # "the BBC 's Today program" is a broadcast, not 2010-05-15; the duration is still found
    got = tag("today_programme")
    assert "Today" not in got
    assert got["10 days"] == ("P10D", "DURATION")
