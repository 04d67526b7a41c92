"""Tense of fronted expressions and yearless months, on real TimeBank/AQUAINT sentences (anchor = DCT)."""

from __future__ import annotations

from dateline.dating.timex import tag_timexes


def values(text: str, anchor: str) -> dict[str, str]:
    return {t.text: t.value for t in tag_timexes(text, anchor)}


def test_until_with_past_perfect_is_the_previous_day() -> None:
    # AQUAINT APW19990507.0207, DCT Friday 1999-05-07: "until" must not make it the coming Thursday
    text = "Kopp's whereabouts remain unknown. Until Thursday, they had not called Kopp a suspect."
    assert values(text, "1999-05-07")["Thursday"] == "1999-05-06"


def test_fronted_weekday_takes_the_main_clause_tense() -> None:
    # AQUAINT NYT19981026.0446, DCT Monday 1998-10-26: the verb ("plans to") is far right of the day
    text = ("On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold a news "
            "conference to screen a television advertisement.")
    assert values(text, "1998-10-26")["Tuesday"] == "1998-10-27"


def test_fronted_month_with_irregular_past_verb_is_behind_the_anchor() -> None:
    # TimeBank wsj_0786, DCT 1989-11-02: January is two months ahead, but "brought in" is past
    text = ("The completion of the merger agreement follows months of twists and turns. In January, American "
            "Medical brought in a new chief executive officer, Richard A. Gilleland.")
    assert values(text, "1989-11-02")["January"] == "1989-01"


def test_fronted_weekday_past_main_clause() -> None:
    # TimeBank AP900815-0044 sentence shape, with an irregular past verb after the comma
    text = "On Tuesday, the United States and Soviet Union conferred in Washington on putting an anti-Iraq force."
    assert values(text, "1990-08-15")["Tuesday"] == "1990-08-14"


def test_duration_range_marks_both_ends() -> None:
    # TimeBank VOA19980331.1700.1533 gold: <TIMEX3 value="P2D">two</TIMEX3> to <TIMEX3 value="P6D">six days</TIMEX3>
    text = "It's between two to six days for every one uh of the sickest patients across the country."
    got = {t.text: (t.value, t.type) for t in tag_timexes(text, "1998-03-31")}
    assert got == {"two": ("P2D", "DURATION"), "six days": ("P6D", "DURATION")}


def test_a_single_duration_borrows_no_range_end() -> None:
    # a number before "to" that is an amount ("15% to 20 years" is no range of years)
    text = "Revenue rose 15% to $3 billion in three years, and the bank cut 500 to 700 jobs over two years."
    assert [t.value for t in tag_timexes(text, "1989-11-02")] == ["P3Y", "P2Y"]


def test_a_period_that_ended_lies_behind_the_anchor() -> None:
    # TimeBank wsj_0505, DCT 1989-10-31: Jan. 31 is three months ahead, but the fiscal year has ended
    text = ("Weisfield's, based in Seattle, Wash., currently operates 87 specialty jewelry stores in nine "
            "states. In the fiscal year ended Jan. 31, the company reported sales of $59.5 million.")
    assert values(text, "1989-10-31")["Jan. 31"] == "1989-01-31"


def test_range_end_before_later_stays_one_expression() -> None:
    # Timeline17 H1N1 (2009-04-25): "three or four days later" is a point, not a range of durations
    text = "People could be hale and hearty one day and three or four days later, dead."
    assert "three" not in values(text, "2009-04-25")


def test_a_nearby_will_does_not_push_a_recent_date_a_year_ahead() -> None:
    # Timeline17 bpoil (article of 2010-08-04): the April 20 explosion is three and a half months back
    text = ("Dudley says the company will `` step back '' from the issue while investigating the April 20 "
            "explosion .")
    assert values(text, "2010-08-04")["April 20"] == "2010-04-20"


def test_to_vote_and_a_vote_are_no_schedule() -> None:
    # Timeline17 (articles of Friday 2011-07-29): the postponed/scrapped Thursday vote was the day before
    a = ("And if that sounds familiar , it 's because they were meant to vote on the measure on Thursday , "
         "but the vote was postponed late in the evening .")
    b = "Republican John Boehner had to scrap plans for a vote on his deficit cutting bill on Thursday ."
    assert values(a, "2011-07-29")["Thursday"] == "2011-07-28"
    assert values(b, "2011-07-29")["Thursday"] == "2011-07-28"


def test_the_next_clause_does_not_set_the_tense() -> None:
    # Timeline17 H1N1 (article of Wednesday 2009-04-29): "would review" belongs to the clause after ", and"
    text = ("We revised our booking policy when the FCO changed its advisory on Monday , and we would review "
            "our policy again following any EC directives .")
    assert values(text, "2009-04-29")["Monday"] == "2009-04-27"


def test_there_is_a_meeting_on_monday_is_a_schedule() -> None:
    # Timeline17 bpoil (article of Saturday 2010-06-12)
    text = ("`` There 's a board meeting on Monday , but they are not necessarily going to take a decision "
            "on it then . ''")
    assert values(text, "2010-06-12")["Monday"] == "2010-06-14"


def test_a_passive_participle_is_no_past_cue() -> None:
    # Timeline17 H1N1 (Thursday 2009-06-18) and bpoil (Thursday 2010-09-16)
    a = "A decision will be made on Monday on when to reopen Helvetia House School ."
    b = "BP 's ruptured oil well in the Gulf of Mexico is expected to be permanently sealed by Sunday ."
    assert values(a, "2009-06-18")["Monday"] == "2009-06-22"
    assert values(b, "2010-09-16")["Sunday"] == "2010-09-19"


def test_may_is_a_future_cue_but_the_month_is_not() -> None:
    # Timeline17 bpoil (Monday 2010-08-02)
    text = "That may take all of Tuesday and possibly run into Wednesday ."
    assert values(text, "2010-08-02")["Tuesday"] == "2010-08-03"
    assert values("He was killed in May and buried on Tuesday .", "2010-08-02")["Tuesday"] == "2010-07-27"


def test_a_capitalised_duration_inside_a_sentence_is_a_name() -> None:
    # AQUAINT APW20000417.0031 (not marked in the gold) and Timeline17 (2010-09-08): names, not durations
    a = "Gonzalez said on CBS's ''60 Minutes.'' ''The way they're abusing him, turning him against me.''"
    b = "England and Pakistan clash in the fifth One Day International at Lord's."
    assert values(a, "2000-04-17") == {}
    assert values(b, "2010-09-08") == {}
    # a holiday keeps its capital ("Thanksgiving Day"), and so does a sentence-initial duration
    assert "Thanksgiving Day" in values("He was plucked from the Atlantic on Thanksgiving Day.", "2000-01-06")
    # (the trailing "later" of a duration is a signal, outside the TIMEX3: TimeBank wsj_0585 "<Three days> later")
    assert "Two days" in values("Two days later, he left.", "2000-01-06")


def test_the_march_accession_is_a_month() -> None:
    # AQUAINT XIE19990210.0079 (DCT 1999-02-10): gold "March" 1999-03; "the March of Dimes" is a name
    text = "The March accession will enable the three countries to be eligible for signing the summit documents."
    assert values(text, "1999-02-10")["March"] == "1999-03"
    assert values("She led the March of Dimes for years.", "1999-02-10").get("March") is None
