"""The packaged sentence-embedding model loads offline and tells paraphrases from unrelated sentences."""

from __future__ import annotations

import numpy as np

from dateline.embed import DIMENSIONS, encode


def test_paraphrases_are_closer_than_unrelated_sentences():
    v = encode([
        "A jury found the former officer guilty of murder on Thursday.",
        "The ex-policeman was convicted of murder by the jury this week.",
        "A magnitude 6.1 earthquake struck the island overnight.",
    ])
    assert v.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > 0.5 > v[0] @ v[2]


def test_no_text_gives_an_empty_matrix():
    assert encode([]).shape == (0, DIMENSIONS)
