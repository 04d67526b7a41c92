"""Stance of a text towards a claim: agree, disagree, discuss or unrelated, learnt from FNC-1.

The model (``data/stance_fnc1.pkl.xz``, built by ``scripts/train_stance_model.py`` from the
FakeNewsChallenge FNC-1 training split only; see ``data/PROVENANCE.md``) reads a claim (FNC-1's
headline) and a body given as sentences. Its features, all computed here (the training script
and the pipeline share this one implementation):

- meaning: MiniLM cosines between the claim and each body sentence (max, top-3 mean, mean, first
  sentence, body centroid) and the elementwise product of the claim's and the closest sentence's
  embeddings (which directions of meaning they share);
- words: TF-IDF cosine of claim and body, share of the claim's content words found in the body
  and in its closest sentences;
- stance words: a logistic regression over the words and word pairs of the closest sentences
  (TF-IDF, fit on related FNC-1 pairs), trained to tell agree / disagree / discuss apart; its
  three probabilities are features (out-of-fold when training). What refutes ("hoax", "false",
  "denied") or hedges ("reportedly", "claims") is learnt from the data, not listed by hand.

A gradient-boosted classifier (scikit-learn HistGradientBoosting) maps these to the four FNC-1
classes. ``dateline evaluate fnc1 DIR`` scores it on FNC-1's competition test set with the
challenge's own weighted metric.
"""

from __future__ import annotations

import functools
import lzma
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

LABELS = ("agree", "disagree", "discuss", "unrelated")
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "stance_fnc1.pkl.xz"
TOP_K = 3  # closest body sentences read by the stance-word model

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d+")
_STOP = frozenset("""a an the and or of in on at to for from by with as is are was were be been being it its this that
these those he she they his her their we our you i has have had will would can could may might should do does did
not no s says said say""".split())


def split_sentences(text: str) -> list[str]:
    """Sentences of a plain body (FNC-1 bodies carry no markup): split at . ! ? and line breaks."""
    parts = re.split(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+", text)
    return [p.strip() for p in parts if len(p.strip()) > 2]


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP}


@dataclass
class Pair:
    """One claim and one body: the texts and their unit embeddings (rows of ``sent_emb`` follow
    ``sentences``)."""

    claim: str
    sentences: list[str]
    claim_emb: np.ndarray
    sent_emb: np.ndarray


def closest(pair: Pair, k: int = TOP_K) -> list[int]:
    """Indices of the ``k`` body sentences closest in meaning to the claim, best first."""
    if not pair.sentences:
        return []
    cos = pair.sent_emb @ pair.claim_emb
    return [int(i) for i in np.argsort(-cos, kind="stable")[:k]]


def stance_text(pair: Pair) -> str:
    """The text the stance-word model reads: the closest sentences."""
    return " ".join(pair.sentences[i] for i in closest(pair))


def tfidf_cosines(tfidf: Any, pairs: Sequence[Pair]) -> np.ndarray:
    """TF-IDF cosine of each pair's claim and whole body (each distinct text transformed once)."""
    texts = sorted({p.claim for p in pairs} | {" ".join(p.sentences) for p in pairs})
    row = {t: i for i, t in enumerate(texts)}
    m = tfidf.transform(texts)
    a = m[[row[p.claim] for p in pairs]]
    b = m[[row[" ".join(p.sentences)] for p in pairs]]
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


def dense_features(pair: Pair, tf_cos: float) -> np.ndarray:
    """Meaning and word-overlap features of one pair (see the module doc), without the
    stance-word probabilities; ``tf_cos`` from ``tfidf_cosines``."""
    dim = pair.claim_emb.shape[0]
    if not pair.sentences:
        return np.zeros(9 + dim, dtype=np.float32)
    cos = pair.sent_emb @ pair.claim_emb
    order = np.argsort(-cos, kind="stable")
    centroid = pair.sent_emb.mean(axis=0)
    centroid = centroid / (np.linalg.norm(centroid) or 1.0)
    best = pair.sent_emb[order[0]]
    cw = content_words(pair.claim)
    body_words = content_words(" ".join(pair.sentences))
    top_words = content_words(" ".join(pair.sentences[i] for i in order[:TOP_K]))
    feats = [float(cos[order[0]]), float(cos[order[:TOP_K]].mean()), float(cos.mean()), float(cos[0]),
             float(centroid @ pair.claim_emb), float(tf_cos),
             len(cw & body_words) / max(1, len(cw)), len(cw & top_words) / max(1, len(cw)),
             float(np.log1p(len(pair.sentences)))]
    return np.concatenate([np.asarray(feats, dtype=np.float32), (pair.claim_emb * best).astype(np.float32)])


class StanceModel:
    """The trained parts: ``tfidf`` (claim/body words), ``words`` (stance-word TF-IDF) and
    ``words_lr`` (its logistic regression over agree/disagree/discuss), ``clf`` (the boosted
    classifier over the four labels)."""

    def __init__(self, parts: dict[str, Any]):
        self.tfidf = parts["tfidf"]
        self.words = parts["words"]
        self.words_lr = parts["words_lr"]
        self.clf = parts["clf"]
        self.meta = parts.get("meta", {})

    def word_probs(self, texts: Sequence[str]) -> np.ndarray:
        return self.words_lr.predict_proba(self.words.transform(list(texts)))

    def features(self, pairs: Sequence[Pair]) -> np.ndarray:
        tf = tfidf_cosines(self.tfidf, pairs)
        dense = np.vstack([dense_features(p, c) for p, c in zip(pairs, tf, strict=True)])
        return np.hstack([dense, self.word_probs([stance_text(p) for p in pairs])])

    def predict_proba(self, pairs: Sequence[Pair]) -> np.ndarray:
        """Probabilities, one row per pair, columns in ``LABELS`` order."""
        if not pairs:
            return np.zeros((0, len(LABELS)))
        proba = self.clf.predict_proba(self.features(pairs))
        out = np.zeros((len(pairs), len(LABELS)))
        for j, c in enumerate(self.clf.classes_):
            out[:, int(c)] = proba[:, j]
        return out

    def save(self, path: Path) -> None:
        parts = {"tfidf": self.tfidf, "words": self.words, "words_lr": self.words_lr, "clf": self.clf, "meta": self.meta}
        with lzma.open(path, "wb", preset=9) as fh:
            pickle.dump(parts, fh, protocol=pickle.HIGHEST_PROTOCOL)


@functools.lru_cache(maxsize=1)
def load(path: str | None = None) -> StanceModel:
    """The shipped model (a file this project builds; see ``data/PROVENANCE.md``)."""
    with lzma.open(path or MODEL_PATH, "rb") as fh:
        return StanceModel(pickle.load(fh))  # noqa: S301 - our own packaged file


def make_pairs(claims: Sequence[str], bodies: Sequence[Sequence[str]]) -> list[Pair]:
    """Embed claims and body sentences (one ``encode`` call) into ``Pair`` objects."""
    from ..embed import DIMENSIONS, encode

    flat = [s for b in bodies for s in b]
    emb = encode(list(claims) + flat)
    ce, se = emb[:len(claims)], emb[len(claims):]
    out, i = [], 0
    for c, b, e in zip(claims, bodies, ce, strict=True):
        out.append(Pair(c, list(b), e, se[i:i + len(b)] if b else np.zeros((0, DIMENSIONS), dtype=np.float32)))
        i += len(b)
    return out
