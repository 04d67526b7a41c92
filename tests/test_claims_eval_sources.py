"""The claims evaluator's source check: the gold phrase, or the named speaker the gold resolves it to."""

from dateline.evaluate.claims import gold_source_agrees, source_agrees


def test_phrase_words_agree_either_way() -> None:
    assert source_agrees("a police spokesman", "police spokesman")
    assert source_agrees(None, None)
    assert not source_agrees("the officer", None)


def test_pronoun_resolved_to_the_gold_speaker_counts() -> None:
    # real round-4 gold item: "923 rounds of ammunition, he said", the commander named earlier
    item = {"source": "he", "source_entity": "Manohar Nambiar"}
    assert gold_source_agrees(item, "he")
    assert gold_source_agrees(item, "Commander Manohar Nambiar")
    assert not gold_source_agrees(item, "the pirates")


def test_no_source_in_gold_stays_no_source() -> None:
    # a gold without a speaker ("according to reports") is not satisfied by a named one
    assert not gold_source_agrees({"source": None, "source_entity": "Someone"}, "Someone")
