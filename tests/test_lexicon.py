"""The shared lexicon: one table of calendar words, agencies and number words for every stage."""

from __future__ import annotations

import re

from dateline import lexicon as L


def test_month_names_and_news_abbreviations() -> None:
    assert [L.month_number(w) for w in ("January", "Sept.", "Sep", "aug.", "Dec", "März", "juillet")] == [1, 9, 9, 8, 12, 3, 7]
    assert L.month_number("Jane") is None and L.month_number("Mayor") is None
    assert all(L.month_number(m) == i for i, m in enumerate(L.MONTH_NAMES_EN, start=1))


def test_weekday_names() -> None:
    assert [L.weekday_number(w) for w in ("Monday", "Thurs.", "sun", "Samstag")] == [0, 3, 6, 5]


def test_month_pattern_reads_whole_words_in_dates() -> None:
    pat = re.compile(rf"\b{L.MONTH_EN_RE}\s+\d{{1,2}}\b")
    found = [m.group(0) for m in pat.finditer("On Sept. 5 and on March 12, then Aug 3; not Marching 4.")]
    assert found == ["Sept. 5", "March 12", "Aug 3"]


def test_agency_credits() -> None:
    assert L.agency_name("Reuters Health") == "Reuters"
    assert L.agency_name("Ap Auto Writer") == "AP"
    assert L.agency_name("Staff Writer") is None
    credit = re.compile(rf"\({L.WIRE_CREDIT_RE}\)")
    assert credit.fullmatch("(AFP)") and credit.fullmatch("(ABC)") and not credit.fullmatch("(the minister)")


def test_number_words() -> None:
    assert L.NUMBER_WORDS["seventeen"] == 17 and L.SCALE_WORDS["million"] == 1_000_000
    assert re.fullmatch(L.NUMBER_WORD_RE, "thousand")
