"""Children counted through a parent's description: "a mother of 12", "the father of two",
"the divorced mother-of-two", "mom of 12".

News describes a person by their children ("a father of three was killed") in every kind of
story; the number counts the person's children though no counted noun follows it, so
``measure`` (which reads the noun after a number) cannot see it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import NUMBER_WORDS
from .quantities import Quantity

_PARENT = r"(?:mother|father|mom|mum|dad|parent|grandmother|grandfather|grandparent)"
_NUMBER = r"(?:\d{1,2}|" + "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True)) + r")"
_KIN = re.compile(rf"\b{_PARENT}(?:\s+of\s+|-of-)(?P<n>{_NUMBER})(?![\w]|-\d)", re.I)
# "mother of two children" is read by ``measure`` (a counted noun follows); "father of two of the victims" is not kin
_NOT_AFTER = re.compile(r"\s+(?:of|in|at|from|who|which)\b|\s*%", re.I)


@dataclass
class KinCount:
    quantity: Quantity
    parent: str  # the word the text uses ("mother", "father")


def find_kin_counts(text: str, start: int, end: int) -> list[KinCount]:
    """Each "parent of N" in ``text[start:end]``: N children of the person so described."""
    out = []
    for m in _KIN.finditer(text, start, end):
        if _NOT_AFTER.match(text, m.end(), end):
            continue
        word = m.group("n")
        value = float(word) if word.isdigit() else float(NUMBER_WORDS[word.lower()])
        if value < 1:
            continue
        parent = re.match(r"[A-Za-z]+", m.group(0)).group(0).lower()
        out.append(KinCount(Quantity(m.start("n"), m.end("n"), word, value, value), parent))
    return out
