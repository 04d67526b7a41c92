"""Undo Penn-Treebank tokenization (`` -LRB- 's n't , .) found in research corpora such as T17."""

from __future__ import annotations

import re

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_MARKERS = re.compile(r"-[LR][RSC]B-|``|''| n't\b| 's\b| ,(?= )| \.$", re.M)


def looks_ptb(text: str) -> bool:
    """True when the text carries PTB token conventions often enough to be PTB output."""
    words = max(1, len(text.split()))
    hits = len(_MARKERS.findall(text))
    return hits / words > 0.01 and (" , " in text or "-LRB-" in text or "``" in text)


def detokenize_line(line: str) -> str:
    s = line
    for k, v in _BRACKETS.items():
        s = s.replace(k, v)
    s = re.sub(r"``\s*", '"', s)
    s = re.sub(r"\s*''", '"', s)
    s = s.replace("\\/", "/").replace("\\*", "*")  # PTB escapes
    s = re.sub(r"(?<=[\w.]) (n't|'s|'re|'ve|'ll|'d|'m|')\b", r"\1", s)
    s = re.sub(r"\b(ca)n not\b", r"\1nnot", s, flags=re.I)  # PTB splits "cannot"
    s = re.sub(r"\b(gon|wan|got) (na|ta)\b", r"\1\2", s, flags=re.I)
    s = re.sub(r" ([,.;:!?%])", r"\1", s)
    s = re.sub(r"([(\[{$]) ", r"\1", s)
    s = re.sub(r" ([)\]}])", r"\1", s)
    s = re.sub(r"(\d) (?=[.,]\d)", r"\1", s)
    s = re.sub(r'"\s+(.*?)\s+"', r'"\1"', s)
    s = re.sub(r"` (.*?) '", r"'\1'", s)
    s = re.sub(r"`\s*", "'", s)  # an opening single quote left without its closing one
    s = re.sub(r"(?<=s) '(?=\s|$)", "'", s)  # plural possessive: "peoples ' psyche"
    return s.strip()


def detokenize_if_ptb(text: str) -> tuple[str, bool]:
    """Detokenize line by line when ``text`` looks PTB-tokenized; line structure is kept."""
    if not looks_ptb(text):
        return text, False
    return "\n".join(detokenize_line(ln) for ln in text.split("\n")), True
