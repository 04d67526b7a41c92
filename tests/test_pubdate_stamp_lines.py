"""Stamp lines under a headline that the text path missed (found on the round-6 blind split AFTER it was
scored once; the rule is a general page layout, the r6 score stays the once-score in baseline.json).

- a stamp after one or two standfirst lines: "Headline / deck / June 26, 2005"
- a year-first dotted stamp: "Published: 2012.08.08 09:01 AM"
- a dateline stamp with its place and agency: "Washington D.C., Jul 13, 2009/02:00 pm (CNA)"
"""

from __future__ import annotations

from pathlib import Path

from dateline.dating.pubdate import stamp_under_headline
from dateline.dating.pubdate_text import find_dates
from dateline.ingest import read_inputs
from dateline.pipeline import analyze_documents

R6 = Path(__file__).resolve().parent / "corpora" / "ecbplus_r6" / "articles"


def _dated(rel: str) -> tuple[str | None, str]:
    raws = read_inputs([str(R6 / rel)])
    doc = analyze_documents(raws, disable=["timexes", "mentions"])[0]
    return doc.published, doc.published_evidence or ""


def test_stamp_after_standfirst_lines():
    assert _dated("deputy_killing_sentence_2005/16_7ecbplus.txt") == (
        "2005-06-26", "June 26, 2005 (stamp line under the headline)")
    # a stamp two years after every year the body names (a verdict on a 2005 killing) is still the date
    day, said = _dated("deputy_killing_sentence_2005/16_2ecbplus.txt")
    assert day == "2007-03-20" and "(March 20, 2007)" in said


def test_year_first_dotted_stamp():
    c = find_dates("Published: 2012.08.08 09:01 AM")
    assert [x.iso for x in c] == ["2012-08-08"]
    assert find_dates("version 2012.13.40 of the tool") == []  # no month 13
    assert _dated("dairy_building_fire_2012/13_13ecbplus.txt")[0] == "2012-08-08"


def test_dateline_place_before_the_stamp():
    text = "Obama nominates a doctor\nWashington D.C., Jul 13, 2009/02:00 pm (CNA)\nPresident Obama has announced it."
    assert stamp_under_headline(text, "Obama nominates a doctor") == "Washington D.C., Jul 13, 2009/02:00 pm (CNA)"
    # a sentence under the headline that names a date is no stamp
    prose = "Obama nominates a doctor\nWashington, the president said on Jul 13, 2009 that he would act.\nMore."
    assert stamp_under_headline(prose, "Obama nominates a doctor") is None
