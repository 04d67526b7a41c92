"""Figure slots (``claims.slots``, ``disagree.slot_pairs``) on real ECB+ round-8 lines: a figure's
specifiers stop at a coordination, a team's record told 9-5 and 10-5 on one day is a clash, and
10-5 told twice is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.claims import disagree, extract_claims
from dateline.claims.slots import base_measure, same_subject, specifiers, subject
from dateline.model import Document

R8 = Path("tests/corpora/ecbplus_r8/articles")


def _line(story: str, name: str, needle: str) -> str:
    text = (R8 / story / name).read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if needle in line)


def _doc(doc_id: str, text: str, published: str) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", status="ok", text=text, published=published,
                    sentences=[(0, len(text))])


def test_a_figure_owns_the_words_up_to_a_coordination() -> None:
    line = _line("laptop_line_launch_2012", "40_1ecbplus.txt", "$1, 099")
    first, second = line.index("$1, 099"), line.index("$1, 799")
    assert "13-inch" in specifiers(line, first, first + len("$1, 099"))
    assert "15-inch" not in specifiers(line, first, first + len("$1, 099"))
    assert "15-inch" in specifiers(line, second, second + len("$1, 799"))
    assert "13-inch" not in specifiers(line, second, second + len("$1, 799"))
    line = _line("laptop_line_launch_2012", "40_10ecbplus.txt", "$1499")
    at = line.index("$1499")
    assert specifiers(line, at, at + len("$1499")) == {"15-inch"}


def test_measures_and_subjects_of_a_slot() -> None:
    assert base_measure("wins of Indianapolis", "wins") == "wins"
    assert base_measure("money cost", "USD") == base_measure("money", "USD") == "money USD"
    assert base_measure("money", None) is None and base_measure("age", "years") is None
    assert subject("wins of The Colts") == "colts" and same_subject("the colts", "colts")
    assert not same_subject("klitschko", "thompson") and same_subject(None, "colts")


@pytest.fixture
def slots_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(disagree, "SLOTS", True)


def test_two_records_of_one_team_on_one_day_clash(slots_on: None) -> None:
    a = _doc("29_13", _line("football_playoff_clinch_2012", "29_13ecbplus.txt", "9-5 season"), "2012-12-23")
    b = _doc("29_7", _line("football_playoff_clinch_2012", "29_7ecbplus.txt", "(10-5)"), "2012-12-23")
    _, _, found = extract_claims([a, b], [])
    numeric = [g for g in found if g.kind == "numeric"]
    assert numeric and {s.evidence.doc for s in numeric[0].sides} == {"29_13", "29_7"}


def test_one_record_told_twice_is_no_clash(slots_on: None) -> None:
    a = _doc("29_7", _line("football_playoff_clinch_2012", "29_7ecbplus.txt", "(10-5)"), "2012-12-23")
    b = _doc("29_8", _line("football_playoff_clinch_2012", "29_8ecbplus.txt", "(10-5"), "2012-12-23")
    _, _, found = extract_claims([a, b], [])
    assert [g for g in found if g.kind == "numeric"] == []


def test_slots_are_off_by_default() -> None:
    a = _doc("29_13", _line("football_playoff_clinch_2012", "29_13ecbplus.txt", "9-5 season"), "2012-12-23")
    b = _doc("29_7", _line("football_playoff_clinch_2012", "29_7ecbplus.txt", "(10-5)"), "2012-12-23")
    _, _, found = extract_claims([a, b], [])
    assert [g for g in found if g.kind == "numeric"] == []


def test_a_table_row_is_no_side(slots_on: None) -> None:
    r6 = Path("tests/corpora/ecbplus_r6/articles/heavyweight_title_fight_2012")
    told = next(line for line in (r6 / "7_1ecbplus.txt").read_text(encoding="utf-8").splitlines() if "58-3" in line)
    row = next(line for line in (r6 / "7_7ecbplus.txt").read_text(encoding="utf-8").splitlines() if line.endswith("19-2"))
    _, _, found = extract_claims([_doc("7_1", told, "2012-07-07"), _doc("7_7", row, "2012-07-07")], [])
    assert [g for g in found if g.kind == "numeric"] == []
