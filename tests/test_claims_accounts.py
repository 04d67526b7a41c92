"""Conflicting accounts of one happening (``claims.accounts``) on real sentences of the round-5 and
round-6 ECB+ articles (tests/corpora/ecbplus_r5, ecbplus_r6: development data since round 7)."""

from __future__ import annotations

from dateline.claims import accounts
from dateline.claims.accounts import Reading, conflicting_accounts, readings
from dateline.model import Document


def _doc(doc_id: str, sentences: list[str], published: str) -> Document:
    text, spans = "", []
    for s in sentences:
        spans.append([len(text), len(text) + len(s)])
        text += s + "\n\n"
    return Document(id=doc_id, source=doc_id, text=text, sentences=spans, published=published)


def _values(sentence: str, attribute: str, published: str = "2013-06-10") -> list[object]:
    return [r.value for r in readings([_doc("a", [sentence], published)], (attribute,))]


def _no_source(*_: object) -> None:
    return None


def test_durations_read_from_ago_spans_and_spells_not_ages() -> None:
    s = "She returned to her home town 12 weeks ago after a four year spell living in Cardiff."
    assert _values(s, "duration") == [84.0, 1461.0]
    s = "Jenkin had been living in South Wales with his mum for the past three years and they had moved back to Millom around six weeks ago."
    assert sorted(_values(s, "duration")) == [42.0, 1095.75]
    assert _values("The case continued in his absence and the 23-year old's plea is due in September.", "duration") == []


def test_condition_damage_and_legal_position_classes() -> None:
    assert _values("He was later transferred to Jefferson and listed in stable condition.", "condition") == ["good"]
    assert _values("Dalton, shot in the neck, remained in intensive care Friday at Jefferson University Hospital, police said.",
                   "condition") == ["grave"]
    assert _values("The old Matanuska Maid dairy building in Palmer was nearly destroyed by a fire early Tuesday morning.",
                   "damage") == ["partial"]
    assert _values("The fire has destroyed a large section of the store and fire crews and investigators are still on the scene.",
                   "damage") == ["partial"]
    assert _values("The Matanuska Maid Block Building burned to the ground in a spectacular fire Tuesday morning.", "damage") == ["total"]
    assert _values("However, the main area of the one-storey supermarket was left largely intact with only smoke damage.",
                   "damage") == ["none"]
    assert _values("A not guilty plea was entered on LaCalamita's behalf during Wednesday's hearing.", "legal") == ["pleaded not guilty"]
    assert _values("Jenkin did not appear in the dock and no pleas were entered.", "legal") == []
    assert _values("He has been denied bail and will appear at Taunton Deane Magistrates Court tomorrow morning.", "legal") == []
    assert _values("He could receive the death penalty if he is convicted.", "legal") == []
    assert _values("A jury on Tuesday convicted a man charged in an April 2007 shooting at a Troy accounting firm.", "legal") == ["convicted"]


def test_an_ago_duration_moves_with_the_publication_day() -> None:
    """"two weeks ago" one day later is the same day as "two weeks ago": a series, not a clash;
    "12 weeks ago" and "around six weeks ago" nine days later are two accounts."""
    def one(sentence: str, published: str) -> Reading:
        return readings([_doc(published, [sentence], published)], ("duration",))[0]

    legal: set[frozenset[str]] = set()
    a = one("She returned to her home town with John 12 weeks ago.", "2013-06-09")
    b = one("They had moved back to Millom around six weeks ago.", "2013-06-18")
    assert accounts._clash(a, b, 2.5, legal)
    c = one("The Diamond Bar resident was married two weeks ago to his second wife, Chela.", "2005-06-26")
    d = one("He was married for the second time about two weeks ago.", "2005-06-27")
    assert not accounts._clash(c, d, 2.5, legal)


def test_two_articles_telling_the_extent_of_one_fire_differently() -> None:
    docs = [
        _doc("13_6", ["The old Matanuska Maid dairy building in Palmer was nearly destroyed by a fire early Tuesday morning, "
                      "according to Palmer officials."], "2012-08-07"),
        _doc("13_13", ["A fire on Tuesday destroyed Palmer's historic Matanuska Maid Dairy warehouse building."], "2012-08-07"),
        _doc("13_9", ["Alaska lost part of its history on Tuesday, when a pre-dawn blaze demolished the old Matanuska Maid "
                      "Dairy warehouse building in Palmer."], "2012-08-07"),
    ]
    out = conflicting_accounts(docs, None, _no_source, attributes=("damage",))
    pairs = sorted(tuple(sorted(s.evidence.doc for s in g.sides)) for g in out)
    # the partial account against each total one; the two total accounts corroborate each other
    assert pairs == [("13_13", "13_6"), ("13_6", "13_9")]
    assert all("damage" in g.why and g.kind == "statement" for g in out)


def test_conditions_days_apart_are_a_change_not_a_clash() -> None:
    stable = "He was later transferred to Jefferson and listed in stable condition."
    grave = "Dalton, shot in the neck, remained in intensive care at Jefferson University Hospital."
    same_day = [_doc("a", [stable], "2010-09-10"), _doc("b", [grave], "2010-09-10")]
    later = [_doc("a", [stable], "2010-09-10"), _doc("b", [grave], "2010-09-20")]
    assert len(conflicting_accounts(same_day, None, _no_source, attributes=("condition",))) == 1
    assert conflicting_accounts(later, None, _no_source, attributes=("condition",)) == []


def test_the_evaluator_matches_a_found_account_to_the_gold_pair() -> None:
    """What the gate scores: each gold side's snippet overlapped by a different side of one system
    disagreement (``evaluate.claims.match_disagreements``)."""
    from dateline.evaluate.claims import match_disagreements

    docs = [_doc("13_6", ["The old Matanuska Maid dairy building in Palmer was nearly destroyed by a fire early Tuesday morning."],
                 "2012-08-07"),
            _doc("13_13", ["A fire on Tuesday destroyed Palmer's historic Matanuska Maid Dairy warehouse building."], "2012-08-07")]
    found = conflicting_accounts(docs, None, _no_source, attributes=("damage",))
    found[0].id = "d1"
    gold = [{"sides": [{"doc": "a/13_6.txt", "evidence": "was nearly destroyed by a fire"},
                       {"doc": "a/13_13.txt", "evidence": "A fire on Tuesday destroyed Palmer's historic"}]},
            {"sides": [{"doc": "a/13_6.txt", "evidence": "The old Matanuska Maid dairy building"},
                       {"doc": "a/13_6.txt", "evidence": "early Tuesday morning"}]}]
    hits, used = match_disagreements(gold, found, {"a/13_6.txt": docs[0], "a/13_13.txt": docs[1]}, {})
    assert (hits, used) == (1, {"d1"})
