"""An allegation against its denial (``claims.allegation``) on real articles of the round-5 and
round-7 ECB+ corpora (development data since round 8): each article read line by line, one
line one sentence, as the corpus prints them."""

from __future__ import annotations

from pathlib import Path

from dateline.claims.allegation import _ALLEGATION, _ANSWER, allegation_disagreements
from dateline.model import Document

CORPORA = Path(__file__).resolve().parent / "corpora"


def _article(rel: str) -> Document:
    text, spans = "", []
    for line in (CORPORA / rel).read_text(encoding="utf-8").splitlines():
        if line.strip():
            spans.append([len(text), len(text) + len(line)])
            text += line + "\n"
    return Document(id=Path(rel).stem, source=rel, text=text, sentences=spans, published="2004-07-28")


def _no_source(*_: object) -> None:
    return None


def _pairs(doc: Document, **kw: int) -> list[tuple[str, str]]:
    return [(g.sides[0].says, g.sides[1].says) for g in allegation_disagreements([doc], _no_source, **kw)]


def test_a_rumour_and_the_subjects_denial_far_apart_in_one_obituary() -> None:
    doc = _article("ecbplus_r7/articles/political_aide_death_2004/28_6ecbplus.txt")
    pairs = _pairs(doc, window=8)
    assert any("rumored to be Deep Throat" in a and "discounted rumors he was Deep Throat" in b for a, b in pairs)
    # the two sentences are eight lines apart: a narrow window does not reach
    assert not any("rumored" in a for a, _ in _pairs(doc, window=2))


def test_an_arson_charge_and_the_accused_denial() -> None:
    doc = _article("ecbplus_r5/articles/supermarket_fire_2013/14_2ecbplus.txt")
    pairs = _pairs(doc, window=8)
    assert any("accused of setting fire" in a and "denied arson" in b for a, b in pairs)


def test_refusals_and_rulings_are_not_denials() -> None:
    # a permit refused, a motion turned down: "denied" that answers no allegation
    assert not _ANSWER.search("LaCalamita was denied a handgun permit in March, said a police official.")
    assert not _ANSWER.search("In denying an automatic motion by the defense to reduce the sentence, the judge spoke.")
    assert _ANSWER.search("He has pleaded not guilty to both counts.")
    assert _ANSWER.search("The minister rejected the allegations on Monday.")


def test_allegations_are_hedged_reports_and_charges() -> None:
    assert _ALLEGATION.search("She was arrested on suspicion of drink driving.")
    assert _ALLEGATION.search("He was charged with two counts of murder.")
    assert _ALLEGATION.search("The striker was widely believed to be leaving the club.")
    assert not _ALLEGATION.search("The fire started shortly after six in the morning.")


def test_the_claims_stage_adds_the_pair_when_switched_on(monkeypatch) -> None:
    from dateline.claims import disagree

    doc = _article("ecbplus_r5/articles/supermarket_fire_2013/14_2ecbplus.txt")
    monkeypatch.setattr(disagree, "ALLEGATIONS", True)
    on = disagree.find_disagreements([], [doc])
    assert any("denied arson" in g.sides[-1].says and g.sides[-1].stance == "denies" for g in on)
    monkeypatch.setattr(disagree, "ALLEGATIONS", False)
    off = disagree.find_disagreements([], [doc])
    assert not any("denied arson" in g.sides[-1].says and "accused of" in g.sides[0].says for g in off)
