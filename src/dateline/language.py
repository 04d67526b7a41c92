"""The language of a document's clean text, and whether the analysis supports it.

The analysis (spaCy's English model, English cue words, dateparser in English) is English
only: a document confidently in another language is recorded (``Document.lang``) and rejected
with the reason instead of being analysed as if it were English. A text too short or too mixed
to tell is analysed (``lang`` None or the best guess, ``meta["language_confidence"]`` says how
sure).

Detector: py3langid (BSD, a maintained fork of langid.py: a naive Bayes model over byte
n-grams trained on public multilingual corpora, 97 languages, shipped inside the package:
offline, no download). Measured (``benchmarks/fuzz_language.py``, this machine): 0.7 s to
load, 2 ms per file; on 2,000 random timeline17 input files it flagged 5 files
as Vietnamese at confidence >= 0.999 (they are BBC Vietnamese pages) and no English article
at >= 0.9; one Spanish page scored 0.33 (below the bar: analysed).
"""

from __future__ import annotations

import functools
import re
from typing import Any

SUPPORTED = frozenset({"en"})
MIN_CONFIDENCE = 0.9  # below it the text is analysed (an English text wrongly refused costs more)
MIN_LETTERS = 20  # fewer letters (a Han character is one) than this: too short to tell
SAMPLE_CHARS = 4000
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """``(ISO 639-1 code or None when too short to tell, confidence 0..1)`` of ``text``."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), round(float(prob), 3)


def non_latin_share(text: str) -> float:
    """Share of the letters of ``text`` (its start) that are not Latin script (Arabic, Han, Cyrillic...)."""
    letters = _LETTER.findall(text[:SAMPLE_CHARS])
    if not letters:
        return 0.0
    return sum(1 for ch in letters if ch > "\u024f") / len(letters)


def unsupported_reason(lang: str | None, confidence: float, text: str = "") -> str | None:
    """The rejection reason for a text in ``lang``, or None when it is analysed.

    Refused: a language other than English at ``MIN_CONFIDENCE`` or more, or a text written
    mostly (over half its letters) in a script English is not written in, whatever the model's
    confidence (its scores spread over related languages, e.g. 0.87 for a clear Arabic text)."""
    if lang is None or lang in SUPPORTED:
        return None
    script = non_latin_share(text) if text else 0.0
    if confidence < MIN_CONFIDENCE and script <= 0.5:
        return None
    how = f"confidence {confidence:.2f}" + (f", {script:.0%} of its letters non-Latin" if script > 0.5 else "")
    return f"language '{lang}' ({how}) is not supported: the analysis is English-only, so this article is not analysed"
