"""The learned "reports a happening" signal (``events.happening``), on AQUAINT: the TempEval-3 half the
model never saw (it trains on TimeBank). Sentences whose annotators marked a realis past happening
(an OCCURRENCE event in the past tense, positive, without a modal) must score above the sentences
with no event of that kind; sentences with a past REPORTING event above those without for the
second head. Real text, the annotators' labels, no threshold of ours."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from dateline.events import happening

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("train_happening_model", ROOT / "scripts" / "train_happening_model.py")


@pytest.fixture(scope="module")
def trainer():  # noqa: ANN201
    mod = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
    _spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


@pytest.fixture(scope="module")
def sentences(shared_data: Path, trainer):  # noqa: ANN001, ANN201
    """(occurrence label, reporting label, scores) of every sentence of six AQUAINT documents."""
    from dateline.nlp import load_pipeline

    nlp = load_pipeline()
    out = []
    for path in sorted((shared_data / "tempeval3-tbaq" / "AQUAINT").glob("*.tml"))[:6]:
        text, spans = trainer.read(path)
        for sent in nlp(text).sents:
            labs = [trainer.labels(attrs) for a, b, attrs in spans if sent.start_char <= a and b <= sent.end_char]
            occ = int(any(o for o, _r in labs))
            rep = int(any(r for _o, r in labs))
            out.append((occ, rep, happening.sentence_scores(sent)))
    assert len(out) > 25
    return out


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs)


def test_sentences_telling_a_happening_score_higher(sentences) -> None:  # noqa: ANN001
    yes = [s["occurrence"] for occ, _r, s in sentences if occ]
    no = [s["occurrence"] for occ, _r, s in sentences if not occ]
    assert yes and no
    assert _mean(yes) > _mean(no) + 0.2
    # ranking: a sentence with a happening beats one without most of the time (AUC)
    wins = sum((a > b) + 0.5 * (a == b) for a in yes for b in no)
    assert wins / (len(yes) * len(no)) > 0.7


def test_sentences_telling_a_statement_score_higher_on_reporting(sentences) -> None:  # noqa: ANN001
    yes = [s["reporting"] for _o, rep, s in sentences if rep]
    no = [s["reporting"] for _o, rep, s in sentences if not rep]
    assert yes and no
    assert _mean(yes) > _mean(no) + 0.2


def test_text_scores_are_probabilities() -> None:
    occ, rep = happening.scores("Firefighters found the body of a man in the burned house on Sunday.")
    assert 0.0 <= occ <= 1.0 and 0.0 <= rep <= 1.0
    assert happening.occurrence("The plant will reopen next month if repairs allow.") < occ
