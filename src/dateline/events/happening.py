"""A learned "this sentence reports a happening" signal, trained on TimeBank (TempEval-3 TBAQ).

TimeBank annotates every event word of its news texts with a class (OCCURRENCE, REPORTING,
I_ACTION, STATE, ASPECTUAL, PERCEPTION, I_STATE) and, per instance, tense, aspect, polarity and
modality. ``scripts/train_happening_model.py`` fits two logistic regressions over the spaCy
features of each word (``features``): ``occurrence`` (the word is a realis happening: an
OCCURRENCE, ASPECTUAL or PERCEPTION event in the past or perfect, positive, without a modal) and
``reporting`` (a REPORTING event said or told, positive, not future). It trains on TimeBank and is
measured on AQUAINT (held out); the weights ship as ``data/happening_tbaq.json`` (feature ->
weight, with provenance and the held-out scores), no pickle.

A sentence's score is the highest probability over its words: ``occurrence(text)`` is how sure the
model is that the sentence tells something that happened, ``reporting(text)`` that it tells a
statement being made. The events layer uses the first to admit undated sentences as reports of a
happening (``layer.HAPPENING``) in place of the verb cues of ``narrative.reports_happening``.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "happening_tbaq.json"
HEADS = ("occurrence", "reporting")
CANDIDATE_POS = ("VERB", "NOUN", "AUX", "ADJ")
_QUOTES = "\"“”"


def _in_quote(tok: Any) -> bool:
    before = tok.doc[tok.sent.start: tok.i].text
    return sum(before.count(q) for q in _QUOTES) % 2 == 1


def features(tok: Any) -> list[str]:
    """The features of one spaCy token (tagger and parser annotations; no lemmatizer needed)."""
    w = tok.lower_
    head = tok.head
    f = [f"w={w}", f"suf3={w[-3:]}", f"tag={tok.tag_}", f"pos={tok.pos_}", f"dep={tok.dep_}",
         f"dep_tag={tok.dep_}|{tok.tag_}", f"htag={head.tag_}", f"hdep={tok.dep_}|{head.pos_}"]
    if head is not tok and head.pos_ in ("VERB", "AUX"):
        f.append(f"hw={head.lower_}")
        f.append(f"hw_dep={head.lower_}|{tok.dep_}")
    if tok.dep_ == "ROOT":
        f.append("root")
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass"):
            f.append(f"aux={c.lower_}")
            f.append(f"auxtag={c.tag_}")
        elif c.dep_ == "neg":
            f.append("neg")
        elif c.dep_ in ("nsubj", "nsubjpass", "dobj", "prep", "mark", "det", "poss", "ccomp", "xcomp"):
            f.append(f"child={c.dep_}")
            if c.dep_ in ("mark", "det"):
                f.append(f"{c.dep_}={c.lower_}")
    if tok.i > tok.sent.start:
        f.append(f"prev={tok.doc[tok.i - 1].lower_}")
    if _in_quote(tok):
        f.append("quoted")
    if tok.sent.text.rstrip().endswith("?"):
        f.append("question")
    return f


def candidates(sent: Any) -> list[Any]:
    """The words of a spaCy sentence the model scores."""
    return [t for t in sent if t.pos_ in CANDIDATE_POS]


@functools.lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict[str, Any]:
    """The shipped weights: {"heads": {head: {"intercept": b, "weights": {feature: w}}}, ...}."""
    return json.loads(path.read_text(encoding="utf-8"))


def token_scores(tok: Any, model: dict[str, Any] | None = None) -> dict[str, float]:
    """The probability of each head for one token."""
    model = model or load_model()
    feats = features(tok)
    out = {}
    for head, m in model["heads"].items():
        z = m["intercept"] + sum(m["weights"].get(x, 0.0) for x in feats)
        out[head] = 1.0 / (1.0 + math.exp(-z))
    return out


def sentence_scores(sent: Any, model: dict[str, Any] | None = None) -> dict[str, float]:
    """The highest probability of each head over the words of one spaCy sentence (0 without any)."""
    best = dict.fromkeys(HEADS, 0.0)
    for tok in candidates(sent):
        for head, p in token_scores(tok, model).items():
            best[head] = max(best.get(head, 0.0), p)
    return best


@functools.lru_cache(maxsize=4096)
def scores(text: str) -> tuple[float, float]:
    """(occurrence, reporting) of a sentence's text, parsed on its own by the shared spaCy pipeline."""
    from ..nlp import load_pipeline

    nlp = load_pipeline()
    doc = nlp(text, disable=[p for p in ("ner",) if p in nlp.pipe_names])
    best = dict.fromkeys(HEADS, 0.0)
    for sent in doc.sents:
        for head, p in sentence_scores(sent).items():
            best[head] = max(best[head], p)
    return best["occurrence"], best["reporting"]


def occurrence(text: str) -> float:
    """How sure the model is that the sentence tells a happening (see the module docstring)."""
    return scores(text)[0]


def reporting(text: str) -> float:
    """How sure the model is that the sentence tells a statement being made."""
    return scores(text)[1]


__all__ = ["MODEL_PATH", "candidates", "features", "load_model", "occurrence", "reporting", "scores",
           "sentence_scores"]
