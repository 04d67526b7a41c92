"""Round-7 figure rules on real sentences of the ECB+ development articles (tests/corpora/ecbplus_r5,
ecbplus_r6) and of TimeBank/T17 text: win-loss records of sports news, ages of persons described
by role or origin, "twice", a run "since" a date, and figures that describe their speaker."""

from __future__ import annotations

from dateline.claims.attribution import find_attributions, pick_attribution
from dateline.claims.extract import describes_speaker
from dateline.claims.quantities import find_quantities
from dateline.claims.records import find_records
from dateline.story_profile import StoryProfile
from tests.claims_support import sentence_figures

PROFILE = StoryProfile(n_docs=5, people=frozenset({"klitschko", "thompson", "ortiz", "orozco"}))


def _figures(sentence: str, profile: StoryProfile | None = PROFILE) -> dict[str, tuple[float, str]]:
    return sentence_figures(sentence, profile)


def _records(sentence: str) -> list[tuple[float, str, str | None]]:
    return [(r.quantity.low, r.kind, r.holder) for r in find_records(sentence, 0, len(sentence))]


def test_records_after_a_name_a_record_verb_and_in_a_table_row() -> None:
    s = "Klitschko (58-3, 51 KO) bombed Thompson with a vicious right hand in the fifth round."
    assert _records(s) == [(58, "wins", "Klitschko"), (3, "losses", "Klitschko"), (51, "knockout wins", "Klitschko")]
    s = "Thompson, who was making his second attempt at the title, fell to 36-3 (24 KOs)."
    assert _records(s) == [(36, "wins", None), (3, "losses", None), (24, "knockout wins", None)]
    s = "This was Klitschko’ s second victory over Thompson, and with it he improves to 58-3 with 51 wins."
    assert _records(s)[:2] == [(58, "wins", None), (3, "losses", None)]
    assert _records("Lennox Lewis 15-2-1") == [(15, "wins", "Lennox Lewis"), (2, "losses", "Lennox Lewis"),
                                               (1, "draws", "Lennox Lewis")]


def test_a_score_is_not_a_record() -> None:
    for s in ("Klitschko won 16 fights in a row since losing to Lamon Brewster in April 2004.",
              "The Supreme Court ruled 5-4 on Thursday that the law stands."):
        assert _records(s) == [], s
    # a game's score is two figures (the round-8 gold), each side's points, never wins and losses
    assert [(v, k) for v, k, _ in _records("Kenya beat Ghana 3-1 in Nairobi on Sunday.")] == [
        (3, "points, first side (beat)"), (1, "points, second side (beat)")]


def test_ages_of_persons_described_by_role_origin_or_a_story_name() -> None:
    assert _figures("The 36-year-old champion Klitschko floored Thompson.")["36"] == (36, "age")
    assert _figures("Klitschko floored Thompson, and the 40-year-old American never recovered.")["40"] == (40, "age")
    assert _figures("He noted the 29-year-old gang member not only killed the deputy.")["29"] == (29, "age")
    assert _figures("Police said the person killed was a 63-year-old woman from Warren.")["63"] == (63, "age")
    assert _figures("The man accused is Anthony LaCalamita III, a 38-year-old Troy resident.")["38"] == (38, "age")


def test_ages_of_relatives_things_and_unnamed_phrases_are_not_figures() -> None:
    assert "6" not in _figures("He could not pick up his 6-year-old son.")
    assert "29" not in _figures("It was on Saturday that al-Obeidy, a 29-year-old law school graduate, burst in.")
    assert "21" not in _figures("He said it could have been a 21-year-old just getting out of school.")


def test_twice_counts_times_but_not_a_ratio_or_a_rate() -> None:
    assert _figures("A scrappy second, as Klitschko twice wrestled Thompson to the floor.")["twice"] == (2, "times")
    assert _figures("She rebuilt her clinic in Bayou La Batre, Ala., twice after hurricanes destroyed it.")["twice"] == (2, "times")
    assert "twice" not in _figures("The new plant produces twice as many cars as the old one.")
    assert "twice" not in _figures("The trains run twice a day.")


def test_a_count_is_not_the_noun_after_a_comma() -> None:
    assert _figures("He is also survived by two sons, ages 6 and 16.")["two"] == (2, "sons")


def test_a_figure_describing_the_speaker_is_not_stated_by_them() -> None:
    s = '"I\'m satisfied," said the 36-year-old Klitschko, who improved his record to 58-3 (51 KO).'
    atts = find_attributions(s, 0, len(s))
    for q in [q for q in find_quantities(s) if q.text == "36"] + [r.quantity for r in find_records(s, 0, len(s))]:
        att = pick_attribution(atts, q.start, s)
        assert att is not None and describes_speaker(s, att, q), q.text
    s = "The sheriff said three deputies were wounded."
    q = next(q for q in find_quantities(s) if q.text == "three")
    att = pick_attribution(find_attributions(s, 0, len(s)), q.start, s)
    assert att is not None and not describes_speaker(s, att, q)


def test_made_note_of_is_a_report_and_its_list_rows_keep_the_speaker() -> None:
    from dateline.claims.extract import doc_claims
    from dateline.model import Document

    lines = ["The EPIX broadcast of the match made note of the following all-time heavyweight records in title fights:",
             "HEAVYWEIGHT TITLE FIGHTS", "Joe Louis 26-1", "Lennox Lewis 15-2-1",
             "Klitschko has won 16 fights in a row."]
    text = "\n".join(lines)
    sents, pos = [], 0
    for line in lines:
        sents.append([pos, pos + len(line)])
        pos += len(line) + 1
    doc = Document(id="d", source="t", text=text, sentences=sents, published="2012-07-08")
    atts = find_attributions(text, 0, len(lines[0]))
    assert [(a.source, a.verb) for a in atts] == [("The EPIX broadcast of the match", "note")]
    claims = [c for c, _ in doc_claims(doc)]
    rows = [c for c in claims if c.evidence.start > len(lines[0]) + len(lines[1]) + 1 and c.value[0] != 16]
    assert [c.value[0] for c in rows] == [26, 1, 15, 2, 1]
    assert {c.source for c in rows} == {"The EPIX broadcast of the match"}
    assert all(c.source is None for c in claims if c.value[0] == 16)
    assert find_attributions("The company made a profit of 5 million.", 0, 39) == []
