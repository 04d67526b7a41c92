"""Mentions on real sentences and articles (spaCy via dateline.nlp)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.clean import clean
from dateline.entities import extract_mentions
from dateline.ingest.files import read_file
from dateline.nlp import annotate

FIX = Path(__file__).resolve().parent / "fixtures" / "entities"


def _mentions(text: str):
    return extract_mentions(text, annotate(text))


def _article(rel: str) -> str:
    raw = next(iter(read_file(FIX / rel)))
    return clean(raw).text


def test_title_is_split_off_and_kept():
    text = ("Pentagon spokesman Col. David Lapan said the United States is repositioning ships. "
            "Gortney said the strikes went well.")
    ms = _mentions(text)
    lapan = [m for m in ms if "Lapan" in m.text]
    assert lapan and lapan[0].text == "David Lapan"
    assert lapan[0].attrs.get("title") == "Colonel"


def test_leading_article_and_possessive_are_trimmed():
    text = "The rebels overran Gaddafi's fortified compound, and the United Nations' envoy arrived in Tripoli."
    texts = {m.text for m in _mentions(text)}
    assert "Gaddafi" in texts
    assert not any(t.endswith("'s") or t.lower().startswith("the ") for t in texts)


@pytest.fixture(scope="module")
def ntc_article() -> str:
    return _article("reuters/2011-08-16/266.htm.txt")


def test_defined_acronym_points_at_its_expansion(ntc_article: str):
    ms = extract_mentions(ntc_article, annotate(ntc_article))
    ntc = [m for m in ms if m.text == "NTC"]
    assert len(ntc) >= 2
    assert all(m.attrs.get("expansion") == "National Transitional Council" for m in ntc)
    assert any(m.text == "National Transitional Council" for m in ms)


def test_bare_surname_refers_back_to_full_name():
    text = _article("cnn/2011-03-21/119.htm.txt")
    ms = extract_mentions(text, annotate(text))
    full = [m for m in ms if m.text == "Moammar Gadhafi"]
    later = [m for m in ms if m.text == "Gadhafi" and full and m.start > full[0].start]
    assert full and later
    assert all(m.attrs.get("ref") == "Moammar Gadhafi" and m.label == "PERSON" for m in later)
    assert all(not m.text.startswith("pro-") for m in ms)
