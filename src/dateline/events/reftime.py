"""A learned temporal relation of an undated happening to its article's date, trained on TimeBank.

TimeBank and AQUAINT (TempEval-3 TBAQ) link events to the document creation time (DCT) and to the
text's timexes (TLINKs: IS_INCLUDED, SIMULTANEOUS, BEFORE, AFTER, ...). From those links
``scripts/train_reftime_model.py`` labels each event word whose day (or period) the annotators
placed with one of three classes:

- ``recent``: the happening lies on the DCT's day or the day before (the news of a report written
  that day: an event IS_INCLUDED in the DCT, or in a timex naming one of those two days);
- ``past``: it lies in a period that ended before those days (a timex two days or more before the
  DCT, an earlier month or year): the background a news item recalls;
- ``future``: after the DCT (AFTER the DCT, or in a later timex).

An event only linked BEFORE the DCT (yesterday or ten years ago) says nothing of its day and is not
an example. A multinomial logistic regression over the spaCy features of the event word
(``happening.features``: tag, auxiliaries, governing verb, negation, quotes) plus the context of
its sentence (``context``: the sentence's place in the article, whether it prints a timex, and the
relation to the DCT of the last timex printed before it, with its distance in sentences, and of the
first one printed in the next three sentences; its share of the way through the article) is fit on
TimeBank and scored on AQUAINT (held out); the weights ship as ``data/reftime_tbaq.json``.

``recent(text, context)`` is the model's probability that a sentence's happening (its word the
happening model is surest of) is a happening of the article's news days; the event layer uses it to
place undated happening sentences on their article's reference day (``layer.OWN_RECENT``, off: see
its numbers there). Held out on AQUAINT: accuracy 0.737 (majority class 0.685), "recent" average
precision 0.911 (base rate 0.685); on the events of sentences printing no timex 0.953 (base 0.829):
it ranks well, but a past background sentence deep in an article that recalls a history ("The co-op
became the ... corporation") still often scores recent.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from pathlib import Path
from typing import Any

from .happening import candidates, features, token_scores

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "reftime_tbaq.json"
CLASSES = ("recent", "past", "future")
_DAYV = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEKV = re.compile(r"^(\d{4})-W(\d{2})")
_MONTHV = re.compile(r"^(\d{4})-(\d{2})$")
_YEARV = re.compile(r"^(\d{4})$")


def relation(value: str, dct: dt.date) -> str | None:
    """Where a timex value lies against the DCT's day: recent (that day or the day before), past,
    future, current (a week, month or year that holds the DCT), or None (not a calendar value)."""
    v = value or ""
    if v == "PRESENT_REF":
        return "current"
    if v == "PAST_REF":
        return "past"
    if v == "FUTURE_REF":
        return "future"
    m = _DAYV.match(v)
    if m:
        try:
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        gap = (dct - d).days
        return "recent" if gap in (0, 1) else "past" if gap > 1 else "future"
    m = _WEEKV.match(v)
    if m:
        try:
            lo = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        return "past" if lo + dt.timedelta(days=6) < dct - dt.timedelta(days=1) else "future" if lo > dct \
            else "current"
    m = _MONTHV.match(v)
    if m:
        key, now = (int(m.group(1)), int(m.group(2))), (dct.year, dct.month)
        return "past" if key < now else "future" if key > now else "current"
    m = _YEARV.match(v)
    if m:
        y = int(m.group(1))
        return "past" if y < dct.year else "future" if y > dct.year else "current"
    return None


def context(sentence_index: int, own_timex: bool, last: str | None, gap: int | None,
            sentences: int | None = None, following: str | None = None) -> list[str]:
    """The context features of a sentence: its index in the article (and, given the article's number
    of ``sentences``, its share of the way through), whether it prints a timex, the relation to the
    DCT (``relation``) of the last calendar timex before it, ``gap`` sentences back, and of the first
    one in the next three sentences (``following``)."""
    pos = "0" if sentence_index == 0 else "1" if sentence_index == 1 else "2-3" if sentence_index < 4 else "4+"
    f = [f"sent={pos}", f"own_timex={int(own_timex)}", f"last={last or 'none'}"]
    if last is not None and gap is not None:
        g = "0" if gap == 0 else "1" if gap == 1 else "2-3" if gap < 4 else "4+"
        f += [f"gap={g}", f"last_gap={last}|{g}"]
    if CONTEXT_WIDE and sentences:
        share = sentence_index / max(1, sentences - 1)
        f.append(f"share={'lead' if share < 0.2 else 'early' if share < 0.5 else 'late' if share < 0.8 else 'end'}")
        f.append(f"next={following or 'none'}")
        f.append(f"last_next={last or 'none'}|{following or 'none'}")
    return f


CONTEXT_WIDE = True  # the share and following-timex features (``context``)


def token_features(tok: Any, ctx: list[str]) -> list[str]:
    """The features of one event word: the happening model's word features and the sentence context."""
    return features(tok) + ctx + [f"{c}|tag={tok.tag_}" for c in ctx if c.startswith("last=")]


@functools.lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict[str, Any]:
    """The shipped weights: {"classes": [...], "intercepts": [...], "weights": {feature: [w per class]}}."""
    return json.loads(path.read_text(encoding="utf-8"))


def probabilities(feats: list[str], model: dict[str, Any] | None = None) -> dict[str, float]:
    """The class probabilities of one event word's features (softmax of the linear scores)."""
    model = model or load_model()
    z = list(model["intercepts"])
    for f in feats:
        w = model["weights"].get(f)
        if w is not None:
            z = [a + b for a, b in zip(z, w, strict=True)]
    top = max(z)
    e = [math.exp(x - top) for x in z]
    s = sum(e)
    return {c: x / s for c, x in zip(model["classes"], e, strict=True)}


@functools.lru_cache(maxsize=4096)
def _scores(text: str, ctx: tuple[str, ...]) -> tuple[float, float, float]:
    from ..nlp import load_pipeline

    nlp = load_pipeline()
    doc = nlp(text, disable=[p for p in ("ner",) if p in nlp.pipe_names])
    best: tuple[float, Any] | None = None
    for sent in doc.sents:
        for tok in candidates(sent):
            occ = token_scores(tok)["occurrence"]
            if best is None or occ > best[0]:
                best = (occ, tok)
    if best is None:
        return 0.0, 0.0, 0.0
    p = probabilities(token_features(best[1], list(ctx)))
    return p["recent"], p["past"], p["future"]


def recent(text: str, ctx: list[str]) -> float:
    """How sure the model is that the sentence's happening lies on its article's news days (the
    DCT or the day before), given the sentence's ``context``."""
    return _scores(text, tuple(ctx))[0]


__all__ = ["CLASSES", "MODEL_PATH", "context", "load_model", "probabilities", "recent", "relation",
           "token_features"]
