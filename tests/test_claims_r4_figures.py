"""Figures the extractor missed on unseen news (ECB+ round-4 tune articles, real sentences):
detokenised decimals and thousands, hyphenated scales, model designations, arrests, ages of a
named person, and the day an undated article's figures are as of."""

from __future__ import annotations

from dateline.claims import extract_claims
from dateline.claims.extract import introduced_as
from dateline.claims.measure import find_measure, named_age, refuse
from dateline.claims.quantities import find_quantities
from dateline.model import Document, Timex


def _figures(sentence: str) -> dict[str, tuple[float, str | None]]:
    """text of each figure -> (low value, measure name) for the figures kept as claims."""
    out: dict[str, tuple[float, str | None]] = {}
    for q in find_quantities(sentence):
        if refuse(sentence, q, 0, len(sentence)):
            continue
        m = find_measure(sentence, q, 0, len(sentence), None)
        if m is not None:
            out[q.text] = (q.low, m.name)
    return out


def test_split_decimals_and_thousands_of_detokenised_text() -> None:
    s = "After scooping up jewelry and watches estimated to be worth 2 million euros ($2. 6 million) the thieves reversed their car."
    assert _figures(s)["$2. 6 million"] == (2_600_000, "money")
    s = "In May, thieves stole £910, 000 worth of jewellery from an employee of Swiss firm Chopard."
    assert _figures(s)["£910, 000"] == (910_000, "money")
    assert _figures("Jewellery and watches worth £1. 7m have been stolen during a heist.")["£1. 7m"][0] == 1_700_000


def test_a_split_decimal_needs_a_scale_and_split_thousands_a_currency() -> None:
    assert [q.low for q in find_quantities("in 2012. 6 people died")] == [2012, 6]
    assert [q.low for q in find_quantities("On March 9, 200 people marched")] == [9, 200]


def test_hyphenated_scales_and_currency() -> None:
    s = "Four men rammed their car into an upmarket jewelry store, making off with a two-million-euro ($2. 6-million) booty."
    figs = _figures(s)
    assert figs["two-million"] == (2_000_000, "money") and figs["$2. 6-million"] == (2_600_000, "money")
    assert figs["Four"] == (4, "people")


def test_a_model_designation_is_not_the_count() -> None:
    figs = _figures("During the operation, six AK-47 rifles, 12 magazines and about 300 rounds of ammunition were found.")
    assert figs["six"] == (6, "rifles") and "47" not in figs
    figs = _figures("During the operation, six AK 47 rifles, 12 magazines and about 300 rounds were seized.")
    assert figs["six"] == (6, "rifles") and "47" not in figs


def test_were_arrested_names_its_state() -> None:
    assert _figures("46 were arrested Wednesday night")["46"] == (46, "people arrested")


def test_age_of_a_person_named_in_full_but_not_of_a_nationality() -> None:
    s = "Hostility has been mounting after two plainclothes police officers fatally shot 16-year-old Kimani Gray after he allegedly pointed a gun."
    assert _figures(s)["16"] == (16, "age")
    assert _figures("fatal police shooting of 16-year-old Kimani (Kiki) Gray")["16"] == (16, "age")
    # a nationality is not a first name: "Mexican man" names nobody (since round 7 the age is still
    # read, as a person described by origin and role, ``measure.described_age``: the round-5/6 golds
    # count "a 63-year-old woman", "the 40-year-old American" as ages of the story's persons)
    assert named_age("-year-old Mexican man was held") is None


def _article(doc_id: str, text: str, published: str | None) -> Document:
    return Document(id=doc_id, source="t", text=text, sentences=[[0, len(text)]], published=published)


def test_an_undated_article_is_as_of_the_weekday_its_text_names() -> None:
    undated = _article("a", "Four men rammed their car into an upmarket jewelry store in central Paris on Monday.", None)
    dated = _article("b", "Jewellery and watches worth £1. 7m have been stolen during a heist in an upmarket central Paris shop.", "2013-09-10")
    other = _article("c", "AMD buys SeaMicro for $334 million, the chipmaker said.", "2012-02-29")
    claims, _, _ = extract_claims([undated, dated, other], [])
    four = next(c for c in claims if c.text == "Four")
    assert four.as_of == "2013-09-09"  # the Monday before the paired article's day, not the other story's


def test_a_sentence_opening_date_dates_the_whole_sentence() -> None:
    text = ("At the end of July, an armed man carried out a brazen robbery in broad daylight at a diamond exhibition "
            "at the Carlton hotel in Cannes, making off with jewellery worth €103 million.")
    doc = _article("a", text, "2013-09-09")
    doc.timexes = [Timex(start=text.index("July"), end=text.index("July") + 4, text="July", type="DATE", value="2013-07")]
    claims, _, _ = extract_claims([doc], [])
    assert next(c for c in claims if c.value[0] == 103_000_000).as_of == "2013-07"


def test_the_doctor_is_the_person_introduced_as_a_doctor() -> None:
    text = ("One of the fatalities was a child who died when a wall collapsed, Ema Suryani, a doctor at a health clinic "
            "in Lampahan city in the district, told AFP.")
    assert introduced_as(text, "the doctor", len(text)) == "Ema Suryani"
    assert introduced_as(text, "the officer", len(text)) is None


def test_hundreds_of_millions() -> None:
    q = find_quantities("Hundreds of millions of internet users traverse SeaMicro's hardware daily.")[0]
    assert (q.low, q.high, q.approximate) == (200_000_000, 999_999_999, True)


def test_a_hedged_figure_after_an_acronym_is_kept() -> None:
    assert _figures("A French official told AFP about 200 people were missing")["about 200"][0] == 200
