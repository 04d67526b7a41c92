"""Numeric disagreements on unseen news (ECB+ round-4 sentences, real text): zero tolls,
the speaker's own description is not the figure's place, background figures, story groups."""

from __future__ import annotations

from pathlib import Path

from dateline.claims import extract_claims
from dateline.claims.nil import find_nil
from dateline.evaluate.claims import story_groups
from dateline.model import Document, Timex


def _doc(doc_id: str, text: str, published: str, timexes: list[Timex] | None = None) -> Document:
    d = Document(id=doc_id, source=f"{doc_id}.txt", status="ok", text=text, published=published)
    start = 0
    for part in text.split("\n"):
        if part.strip():
            d.sentences.append((start, start + len(part)))
        start += len(part) + 1
    d.timexes = timexes or []
    return d


def test_zero_tolls_are_figures() -> None:
    cases = {
        "Enough Project sources indicated that no one was killed or injured in the attack.": "people killed or injured",
        "A spokesman for the Enough Project said the group confirmed there were no dead or wounded.": "people killed or injured",
        "One person is believed to have been arrested, and no injuries were reported.": "people injured",
        "Boyette said no children or staff were injured.": "children or staff injured",
    }
    for sentence, measure in cases.items():
        assert [z.measure for z in find_nil(sentence)] == [measure], sentence
    assert find_nil("There were no immediate reports of any casualties at the camp.")[0].reported
    assert find_nil("No one answered the phone at the ministry.") == []
    assert find_nil("There was no evidence he was killed.") == []


def test_a_zero_toll_clashes_with_a_count_of_the_same_day() -> None:
    a = _doc("41_8", "Miabek Lang, the commissioner of Pariang County in South Sudan's Unity State, said earlier that "
                     "12 people were killed and 20 were wounded in Thursday's bombing.", "2011-11-10")
    b = _doc("41_2", '"Fortunately there were no casualties in the camp and we are verifying the situation of '
                     'surrounding communities," UNHCR spokesman Adrian Edwards told journalists in Geneva.', "2011-11-11")
    claims, _, disagreements = extract_claims([a, b], [])
    assert any(c.value == [0.0, 0.0] and c.evidence and c.evidence.doc == "41_2" for c in claims)
    numeric = [g for g in disagreements if g.kind == "numeric"]
    assert numeric and {s.evidence.doc for s in numeric[0].sides} == {"41_8", "41_2"}


def test_a_figure_of_another_happening_is_not_a_rival() -> None:
    text = ("Ten people were killed when an earthquake razed villages on the island, officials said.\n"
            "In February, a quake in the southeast killed around 1,400 people, state media said.")
    feb = text.index("February")
    d = _doc("20_4", text, "2005-11-28", [Timex(feb, feb + len("February"), "February", "2005-02")])
    _, _, disagreements = extract_claims([d], [])
    assert [g for g in disagreements if g.kind == "numeric"] == []


def test_gold_articles_are_scored_per_story() -> None:
    paths = [Path("tests/corpora/ecbplus/articles/a_story/1.txt"), Path("tests/corpora/ecbplus/articles/a_story/2.txt"),
             Path("tests/corpora/ecbplus/articles/b_story/3.txt")]
    assert [len(g) for g in story_groups(paths)] == [2, 1]
    t17 = [Path("timeline17/haiti_bbc/InputDocs/2010-01-13/1.txt"), Path("timeline17/haiti_bbc/InputDocs/2010-01-14/2.txt")]
    assert story_groups(t17) == [t17]


def test_quoted_speakers_and_unnamed_reports() -> None:
    from dateline.claims.attribution import find_attributions

    def speakers(s: str) -> list[str | None]:
        return [a.source for a in find_attributions(s, 0, len(s)) if a.source]

    # ECB+ round-4 blind sentences (Qeshm earthquake, refugee camp air strike)
    assert speakers("Heidar Alishvandi, the governor of Qeshm, was quoted by state-run television as saying "
                    "that the quake destroyed houses.") == ["Heidar Alishvandi, the governor of Qeshm"]
    assert speakers("State news agency IRNA quoted the head of Qeshm's free-trade zone, Ali Rezapour, as saying "
                    "the airport was slightly damaged.") == ["the head of Qeshm's free-trade zone, Ali Rezapour"]
    assert speakers("According to reports, the robbers escaped with jewels worth around €60, 000.") == []
    assert speakers("The UN refugee agency on Friday strongly condemned the aerial bombing of Yida camp.") == [
        "The UN refugee agency"]
    s = ("Ryan Boyette said he talked to five aid workers in the Yida camp, all of whom said that four bombs were "
         "dropped but that they caused no casualties.")
    assert speakers(s) == ["Ryan Boyette", "five aid workers in the Yida camp"]


def test_a_denial_meets_the_statement_it_denies() -> None:
    from functools import partial

    from dateline.claims.disagree import _same_speaker, _source_of
    from dateline.claims.refute import refutations

    # ECB+ round-4 blind 41_1 (refugee camp air strike), real sentences
    text = ("The Sudan Armed Forces, or SAF, attacked a refugee camp in South Sudan at 2:53 p. m. local time today.\n"
            "A SAF spokesman denied the attack occurred.\n"
            "Yida is home to more than 22,000 refugees from the Nuba Mountains region.")
    d = _doc("41_1", text, "2011-11-10")
    found = refutations([d], _source_of, partial(_same_speaker), min_cosine=0.5, cross_cosine=1.1)
    assert len(found) == 1
    assert found[0].sides[0].says.startswith("The Sudan Armed Forces") and found[0].sides[1].source == "A SAF spokesman"
