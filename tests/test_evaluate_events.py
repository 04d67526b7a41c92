"""The events scorer's matching on hand-made pairs (no pipeline run)."""

from dateline.evaluate.events import Evidence, Item, date_matches, match, score_items, text_overlaps

DOC = "tests/corpora/x/articles/a/1.txt"


def test_date_matches_each_granularity() -> None:
    assert date_matches("2016-10-17", "2016-10-17", "day")
    assert not date_matches("2016-10-18", "2016-10-17", "day")
    assert date_matches("2016-10-20", "2016-W42", "week")  # ISO week 42 of 2016 is Oct 17-23
    assert not date_matches("2016-10-24", "2016-W42", "week")
    assert date_matches("2016-10-02", "2016-10", "month")
    assert not date_matches("2016-11-02", "2016-10", "month")
    assert date_matches("2016-01-01", "2016", "year")
    assert date_matches("2016-10-30", "2016-10-17/2016-11-02", "range")
    assert not date_matches("2016-11-03", "2016-10-17/2016-11-02", "range")
    assert not date_matches("2016-10", "2016-10-17", "day")  # a coarser system date is not a day


def test_text_overlap_containment_and_token_recall() -> None:
    sentence = "Rescuers pulled two survivors from the rubble on Thursday, officials said."
    assert text_overlaps(sentence, "pulled two survivors from the rubble on Thursday") == 1.0
    assert text_overlaps("The quake struck at dawn.", "pulled two survivors from the rubble") < 0.2  # only "the"
    assert 0.6 <= text_overlaps("Two survivors were pulled out of rubble", "pulled two survivors from the rubble") < 1.0


def test_match_is_one_to_one_and_scores_date_separately() -> None:
    gold = [
        Item("e1", "2016-10-13", "day", [Evidence(DOC, "pulled two survivors from the rubble on Thursday")]),
        Item("e2", "2016-10", "month", [Evidence(DOC, "the dam was closed in October")]),
        Item("e3", "2015", "year", [Evidence(DOC, "elected mayor last year")]),
    ]
    system = [
        Item("v1", "2016-10-13", None, [Evidence(DOC, "Rescuers pulled two survivors from the rubble on Thursday.")]),
        Item("v2", "2016-10-13", None, [Evidence(DOC, "Rescuers pulled two survivors from the rubble on Thursday.")]),
        Item("v3", "2016-09-30", None, [Evidence(DOC, "Officials said the dam was closed in October.")]),
        Item("v4", "2016-10-14", None, [Evidence("other.txt", "elected mayor last year")]),  # other article
    ]
    pairs = match(system, gold)
    assert sorted((s.id, g.id, ok) for s, g, ok in pairs) == [("v1", "e1", True), ("v3", "e2", False)]
    result = score_items(system, gold)
    assert result["evidence"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714}
    assert result["full"]["precision"] == 0.25 and result["full"]["recall"] == 0.3333
    assert result["date_accuracy"] == 0.5
    assert result["missed"] == ["e3"]
    assert result["wrong_date"] == [{"gold": "e2", "gold_date": "2016-10", "system_date": "2016-09-30"}]
