"""TimeML extents on real TBAQ documents: each case is a gold TIMEX3 whose exact boundaries the tagger
now finds when it reads the whole document (anchored at its DCT), as the TE3 strict score counts them."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.dating.timex import tag_timexes
from dateline.evaluate.timeml import read_timeml

# (document, gold extent, where the rule change was analysed)
CASES = [
    ("TimeBank/APW19980322.0749.tml", "Earlier Sunday", "TimeBank"),
    ("TimeBank/wsj_0340.tml", "Earlier yesterday", "TimeBank"),
    ("TimeBank/wsj_0816.tml", "Later yesterday", "TimeBank"),
    ("TimeBank/NYT19980212.0019.tml", "around 7:15 p.m.", "TimeBank"),
    ("TimeBank/wsj_0637.tml", "around Nov. 1", "TimeBank"),
    ("TimeBank/wsj_0637.tml", "30-day", "TimeBank"),
    ("TimeBank/wsj_0584.tml", "1994 or later", "TimeBank"),
    ("TimeBank/wsj_0762.tml", "1990 and beyond", "TimeBank"),
    ("TimeBank/wsj_0189.tml", "the next year or so", "TimeBank"),
    ("TimeBank/wsj_0610.tml", "the next two years or so", "TimeBank"),
    ("TimeBank/AP900815-0044.tml", "eight-year", "TimeBank"),
    ("TimeBank/wsj_0144.tml", "year-ago", "TimeBank"),
    ("TimeBank/wsj_0585.tml", "Three days", "TimeBank"),
    ("TimeBank/wsj_0786.tml", "A few days", "TimeBank"),
    ("AQUAINT/APW20000210.0328.tml", "last Thanksgiving", "AQUAINT"),
    ("AQUAINT/APW20000405.0276.tml", "4 in the morning", "AQUAINT"),
    # scored on AQUAINT as left-out after the TimeBank-side change, and right there too
    ("AQUAINT/NYT20000601.0442.tml", "14-day", "TimeBank"),
    ("AQUAINT/NYT19981025.0216.tml", "over an hour", "TimeBank"),
    ("TimeBank/APW19980306.1001.tml", "over a week", "TimeBank"),  # "last over a week": the verb
    ("TimeBank/CNN19980222.1130.0084.tml", "later this afternoon", "TimeBank"),
    ("TimeBank/wsj_0778.tml", "a three-year period", "TimeBank"),
    # "over" after a verb is the preposition of a period, left out (TimeML); AQUAINT unchanged
    ("TimeBank/wsj_0329.tml", "three years", "TimeBank"),  # "can be used over three years"
    ("TimeBank/VOA19980331.1700.1533.tml", "several years", "TimeBank"),  # "has evolved over several years"
    # round 8: "for centuries" is a vague duration as "for decades" is (the preposition left out)
    ("TimeBank/APW19980227.0494.tml", "centuries", "TimeBank"),
    ("TimeBank/PRI19980121.2000.2591.tml", "centuries", "TimeBank"),
]


def _gold_span(doc, text: str) -> tuple[int, int, str, str]:
    for s, e, v, t in doc.timexes:
        if doc.text[s:e] == text:
            return s, e, v, t
    raise AssertionError(f"no gold TIMEX3 {text!r} in {doc.path}")


@pytest.mark.parametrize(("path", "extent", "side"), CASES)
def test_gold_extent_found_exactly(shared_data: Path, path: str, extent: str, side: str) -> None:
    root = shared_data / "tempeval3-tbaq"
    doc = read_timeml(root / path, root)
    s, e, _value, _type = _gold_span(doc, extent)
    ours = [(x.start, x.end) for x in tag_timexes(doc.text, doc.dct)]
    assert (s, e) in ours, f"{extent!r}: ours near it {[doc.text[a:b] for a, b in ours if a < e and b > s]}"


def test_relational_later_stays_in_a_point_and_values_are_kept(shared_data: Path) -> None:
    """'a year earlier' names a point (DATE) and keeps its 'earlier'; trimming never changes a value."""
    root = shared_data / "tempeval3-tbaq"
    doc = read_timeml(root / "TimeBank" / "wsj_0127.tml", root)
    s, e, _v, _t = _gold_span(doc, "a year earlier")
    assert (s, e) in [(x.start, x.end) for x in tag_timexes(doc.text, doc.dct)]
    doc = read_timeml(root / "AQUAINT" / "APW20000210.0328.tml", root)
    s, e, v, _t = _gold_span(doc, "last Thanksgiving")
    got = {(x.start, x.end): x.value for x in tag_timexes(doc.text, doc.dct)}
    assert got[(s, e)] == v == "1999-11-25"
    # "at 4 in the morning (4 a.m. EDT Thursday)": the hour takes the day its parenthesis names
    doc = read_timeml(root / "AQUAINT" / "APW20000405.0276.tml", root)
    s, e, v, _t = _gold_span(doc, "4 in the morning")
    got = {(x.start, x.end): x.value for x in tag_timexes(doc.text, doc.dct)}
    assert got[(s, e)] == v == "2000-04-06T04:00"


def test_extent_rules_on_plain_sentences() -> None:
    def spans(text: str) -> list[str]:
        return [x.text for x in tag_timexes(text, "1989-10-30")]

    assert spans("The talks ended two days later Sunday.") == ["two days", "Sunday"]
    assert spans("He will arrive at 10 at night.") == ["10 at night"]
    assert spans("The vote is this coming Sunday.") == ["this coming Sunday"]
    assert spans("It ended the eight-year war.") == ["eight-year"]
    # the verb "last" before an amount is no "the last N" (analysed on TimeBank, AQUAINT unchanged)
    assert spans("The strike could last about two years.") == ["about two years"]
    assert spans("It was the last two years of his term.") == ["the last two years"]
    # a spoken number before a unit or a counted noun is an amount, not the year 2000
    assert spans("Families kept the secret for more than two thousand years.") == []
    assert spans("About two thousand people marched.") == []
    assert spans("in the year two thousand") == ["the year two thousand"]


@pytest.mark.parametrize(("path", "extent"), [
    ("AQUAINT/APW19990206.0090.tml", "that same day"),  # after "last October": 1998-10-XX
    ("AQUAINT/NYT19981025.0188.tml", "January"),  # "In January, ... Roe vs. Wade ..., a bombing killed"
    ("AQUAINT/XIE19980809.0010.tml", "Friday"),  # "killed ... next to the U.S. embassies ... on Friday"
    ("AQUAINT/APW20000405.0276.tml", "4 a.m. EDT Thursday"),  # inside a quote before "Castro said"
])
def test_reference_and_tense_values_on_aquaint(shared_data: Path, path: str, extent: str) -> None:
    """Round analysed on AQUAINT: 'that day' after a month, abbreviations that end no sentence,
    'next to' is no future cue, and a reporting verb after a closing quote sets no tense inside it."""
    root = shared_data / "tempeval3-tbaq"
    doc = read_timeml(root / path, root)
    s, e, v, _t = next(g for g in doc.timexes if doc.text[g[0]:g[1]].rstrip(". ") == extent)
    got = {(x.start, x.end): x.value for x in tag_timexes(doc.text, doc.dct)}
    assert any(a < e and b > s and val == v for (a, b), val in got.items()), (v, got)
