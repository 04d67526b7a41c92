"""Per-day extractive summaries and event grouping over TF-IDF sentence vectors (scikit-learn).

A day's candidates are scored by cosine to their centroid (news-tls CentroidOpt-like), with
a bonus for sentences whose content several independent sources (syndication groups)
repeat; chosen sentences must be readable and not redundant with each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from .candidates import Candidate, Story

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix


@dataclass
class SummaryWeights:
    redundancy: float = 0.35  # max cosine between two sentences of one day's summary
    support: float = 0.1  # bonus per extra independent source repeating a sentence
    cluster: float = 0.35  # cosine to join an event cluster
    explicit: float = 0.2  # bonus for a sentence naming the day by its calendar date (retrospective)
    position: float = 0.0  # bonus for sentences near the top of their article: w / (1 + index)
    ngram_max: int = 1  # TF-IDF terms: words (1) or words and word pairs (2)
    topic: float = 0.0  # weight of the cosine to the whole story's centroid (keeps sentences on topic)
    length_target: int = 0  # words; longer sentences are scaled by (target / words) ** length_power (0: off)
    length_power: float = 1.0
    headline: float = 0.0  # bonus for a headline candidate
    cross_redundancy: float = 1.0  # max cosine to a sentence already chosen for another day (1: off)


def vectorize(cands: list[Candidate], ngram_max: int = 1) -> csr_matrix:
    """L2-normalised TF-IDF rows, one per candidate."""
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2, max_df=0.5, dtype=np.float32,
                          ngram_range=(1, ngram_max))
    texts = [c.text for c in cands]
    try:
        x = vec.fit_transform(texts)
    except ValueError:  # too few documents for min_df
        vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, dtype=np.float32)
        x = vec.fit_transform(texts)
    return normalize(x)


def story_centroid(x: csr_matrix) -> np.ndarray:
    """Unit-length mean of all candidate vectors."""
    c = np.asarray(x.mean(axis=0)).ravel()
    n = np.linalg.norm(c)
    return c / n if n else c


def _support(idx: list[int], sims: np.ndarray, cands: list[Candidate], thr: float = 0.5) -> np.ndarray:
    """For each candidate of the day, how many other groups carry a similar sentence."""
    out = np.zeros(len(idx))
    groups = [cands[i].group for i in idx]
    for a in range(len(idx)):
        other = {groups[b] for b in np.nonzero(sims[a] >= thr)[0] if groups[b] != groups[a]}
        out[a] = len(other)
    return out


def score_day(story: Story, day: dt.date, x: csr_matrix, w: SummaryWeights) -> tuple[list[int], np.ndarray, np.ndarray]:
    """Candidate indices of the day, their scores, and their pairwise cosine matrix."""
    idx = story.by_day.get(day, [])
    if not idx:
        return [], np.zeros(0), np.zeros((0, 0))
    m = x[idx]
    centroid = np.asarray(m.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    cos = (m @ centroid) / norm if norm else np.zeros(len(idx))
    cos = np.asarray(cos).ravel()
    if w.topic:
        g = story_centroid(x)
        cos = cos + w.topic * np.asarray(m @ g).ravel()
    sims = (m @ m.T).toarray()
    sup = _support(idx, sims, story.candidates)
    expl = np.array([day in story.candidates[i].explicit for i in idx], dtype=float)
    pos = np.array([1.0 / (1 + story.candidates[i].sent) for i in idx])
    score = cos * (1 + w.support * np.log1p(sup)) * (1 + w.explicit * expl) * (1 + w.position * pos)
    if w.headline:
        score = score * (1 + w.headline * np.array([story.candidates[i].headline for i in idx], dtype=float))
    if w.length_target:
        n_words = np.array([len(story.candidates[i].text.split()) for i in idx], dtype=float)
        score = score * np.minimum(1.0, w.length_target / n_words) ** w.length_power
    return idx, score, sims


def pick_sentences(story: Story, idx: list[int], scores: np.ndarray, sims: np.ndarray, k: int,
                   w: SummaryWeights, x: csr_matrix | None = None, taken: list[int] | None = None) -> list[int]:
    """Up to ``k`` readable, mutually non-redundant candidates, best first (candidate indices).

    With ``x`` (the TF-IDF rows) and ``taken`` (candidates chosen for other days), a candidate
    too close to one of those (cosine > ``w.cross_redundancy``) is skipped: MMR across days.
    """
    order = np.argsort(-scores, kind="stable")
    cross = None
    if x is not None and taken and w.cross_redundancy < 1:
        cross = np.asarray((x[idx] @ x[taken].T).max(axis=1).toarray()).ravel()
    chosen: list[int] = []
    seen_text: set[str] = set()
    for a in order:
        c = story.candidates[idx[a]]
        if not c.readable or c.text in seen_text:
            continue
        if any(sims[a, b] > w.redundancy for b in chosen):
            continue
        if cross is not None and cross[a] > w.cross_redundancy:
            continue
        chosen.append(int(a))
        seen_text.add(c.text)
        if len(chosen) >= k:
            break
    return [idx[a] for a in chosen]


def cluster_day(idx: list[int], scores: np.ndarray, sims: np.ndarray, w: SummaryWeights) -> list[list[int]]:
    """Greedy single-pass clustering of a day's candidates (best-scored first) into events."""
    order = np.argsort(-scores, kind="stable")
    clusters: list[list[int]] = []  # positions into idx
    for a in order:
        best, best_sim = None, w.cluster
        for ci, cl in enumerate(clusters):
            s = sims[a, cl[0]]
            if s >= best_sim:
                best, best_sim = ci, s
        if best is None:
            clusters.append([int(a)])
        else:
            clusters[best].append(int(a))
    return [[idx[a] for a in cl] for cl in clusters]
