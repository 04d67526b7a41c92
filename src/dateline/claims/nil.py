"""Zero tolls: "no one was killed", "there were no casualties", "no injuries were reported".

A report that nobody died is a figure (0 killed) that other sources' tolls can contradict
("12 people were killed" / "there were no casualties"). The words are the general toll
vocabulary of news (killed, injured, casualties, fatalities), not any story's. One figure per
phrase: a phrase naming deaths (or both) counts "people killed"; one naming only injuries
"people injured"; "casualties" (dead and wounded together) counts "people killed or injured",
which ``disagree`` sets against either toll.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DEATH = r"(?:killed|dead|died|deaths?|fatalit(?:y|ies)|lives\s+lost)"
_HURT = r"(?:injured|injuries|injury|hurt|wounded|harmed)"
_CASUALTY = r"(?:casualt(?:y|ies)|victims)"
_ANY = rf"(?:{_DEATH}|{_HURT}|{_CASUALTY})"
_BE = r"(?:was|were|has\s+been|have\s+been|had\s+been|is|are|got)"

NIL = re.compile(
    # "no one was killed or injured", "nobody was seriously hurt", "no children or staff were injured"
    rf"\b(?:no(?:\s+one|body)|no-one|none|no\s+(?P<who>[a-z]+(?:\s+or\s+[a-z]+)?))\s+(?:of\s+(?:them|the\s+\w+)\s+)?{_BE}\s+"
    rf"(?:(?:seriously|badly|immediately|reported|believed|thought)\s+)?(?:to\s+have\s+been\s+)?"
    rf"(?P<v1>{_ANY})(?:\s+or\s+(?P<v2>{_ANY}))?\b"
    # "no casualties", "no immediate reports of any casualties", "no dead or wounded", "no reported injuries"
    rf"|\bno\s+(?:(?:immediate|reported|other|further|known|confirmed|serious|civilian)\s+)*"
    rf"(?:(?P<rep>reports?)\s+of\s+(?:any\s+)?(?:(?:immediate|serious|civilian)\s+)?)?"
    rf"(?P<n1>{_ANY})(?:\s+or\s+(?P<n2>{_ANY}))?\b",
    re.I,
)


@dataclass
class Nil:
    start: int
    end: int
    text: str
    measure: str
    reported: bool  # "no reports of casualties": nothing heard yet, not a count of zero


def _kind(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower()
    if re.fullmatch(_DEATH, w, re.I):
        return "killed"
    if re.fullmatch(_HURT, w, re.I):
        return "injured"
    return "casualties"


def find_nil(text: str, start: int = 0, end: int | None = None) -> list[Nil]:
    """Zero tolls in ``text[start:end]``."""
    out: list[Nil] = []
    for m in NIL.finditer(text, start, len(text) if end is None else end):
        kinds = {k for k in (_kind(m.group("v1") or m.group("n1")), _kind(m.group("v2") or m.group("n2"))) if k}
        if not kinds:
            continue
        # "no soldiers were killed" counts soldiers, a part of the toll
        who = (m.group("who") or "people").lower()
        if kinds == {"killed"}:
            measure = f"{who} killed"
        elif kinds == {"injured"}:
            measure = f"{who} injured"
        else:
            measure = f"{who} killed or injured"
        out.append(Nil(m.start(), m.end(), m.group(0), measure, bool(m.group("rep"))))
    return out


__all__ = ["NIL", "Nil", "find_nil"]
