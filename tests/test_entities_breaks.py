"""No mention runs across a line break or a photo credit; a title fragment is no name."""

from __future__ import annotations

from dateline.entities import extract_mentions
from dateline.entities.spans import split_at_breaks
from dateline.nlp import annotate


def _mentions(text: str):
    return extract_mentions(text, annotate(text))


def test_photo_credit_across_a_line_break_is_cut():
    text = ("Troops advanced on the town on Tuesday. Photo: Samir Haddadi / AFP\n"
            "Powered by the monitoring group, the report said the fighting went on.")
    ms = _mentions(text)
    assert all("\n" not in m.text and " / " not in m.text for m in ms)
    assert not any(m.text.startswith("Powered") for m in ms)


def test_split_keeps_named_pieces_and_drops_a_lone_label_word():
    text = "Samir Haddadi / AFP\nPowered"
    pieces = [text[s:e] for s, e, _ in split_at_breaks(text, [(0, len(text), "PERSON")])]
    assert pieces == ["Samir Haddadi", "AFP"]
    text2 = "Leyla Tabrizian\nNational Reform Council"
    pieces2 = [text2[s:e] for s, e, _ in split_at_breaks(text2, [(0, len(text2), "ORG")])]
    assert pieces2 == ["Leyla Tabrizian", "National Reform Council"]


def test_a_span_without_breaks_is_unchanged():
    text = "the Bank of England said"
    assert split_at_breaks(text, [(4, 19, "ORG")]) == [(4, 19, "ORG")]


def test_abbreviated_title_word_is_not_a_person():
    ms = _mentions("The fighting was south of the city, said Brig. Gen. Omar Haddadi, a spokesman.")
    texts = {m.text for m in ms}
    assert "Brig" not in texts
    haddadi = [m for m in ms if m.text == "Omar Haddadi"]
    assert haddadi and haddadi[0].attrs.get("title") == "Brigadier General"


def test_a_given_name_with_an_inner_apostrophe_stays_in_the_name():
    ms = _mentions("He is accused of fatally shooting Ka'Loni Marie Flynn of Fort Smith.")
    assert "Ka'Loni Marie Flynn" in {m.text for m in ms}
    ms2 = _mentions("Kenya's Marie Flynn said the talks would go on.")
    assert "Marie Flynn" in {m.text for m in ms2}  # a possessive is no given name


def test_a_name_does_not_end_on_of():
    ms = _mentions("The head of the Central Election Commission of Ghana, the officials said, called turnout high.")
    assert not any(m.text.endswith(" of") for m in ms)
