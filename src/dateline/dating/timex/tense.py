"""Light tense cues around an expression (no parser): decides past vs. future references."""

from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:will|won't|shall|going\s+to|is\s+to|are\s+to|(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)"
    r"(?:scheduled|expected\s+to|due\s+to|set\s+to|slated)|expects?\s+to"
    r"|plans?\s+to|planned|intends?\s+to|next|upcoming|to\s+be\s+held"
    r"|as\s+early\s+as|as\s+soon\s+as|until|(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?:set|scheduled|slated|planned)\s+for"
    r"|expires|resumes|begins|starts|opens|ends|takes\s+place|(?:is|are)\s+(?:due|scheduled|expected)"
    r"|would(?!\s+have)|planning\s+to|payable|effective)\b|'ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:(?:was|were|had\s+been)\s+(?:scheduled|due|expected|set|slated|supposed|planned)(?:\s+for)?"
    r"|said|says|was|were|had|did|ago|last|earlier|yesterday|told|announced|reported|killed|died"
    r"|took|came|went|began|made|gave|met|held|saw|won|lost|fell|rose|left|sent|got|found|became|since"
    r"|(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)"
    r"(?!(?:need|speed|indeed|united|hundred|proceed|exceed|seed|feed|breed|bed|red|shed|bred)\b)[a-z]{3,}ed)\b",
    re.IGNORECASE,
)


# present tense with a named day is a schedule ("the vote is on Tuesday", "ministers meet on Monday",
# "the council votes Thursday"): used for weekdays only, where it means the coming one
_PRESENT = re.compile(
    r"\b(?:(?:is|are)(?=\s+on\s*$)|(?:meet|vote|gather|convene|travel|arrive|leave|begin|resume)s?|goes|flies)"
    r"\b(?=[^.;]{0,40}$)",
    re.IGNORECASE,
)


def tense_near(text: str, start: int, end: int, lo: int = 0, hi: int | None = None,
               present: bool = False) -> str | None:
    """'past', 'future' or None from the verb cues closest to text[start:end] inside [lo, hi).

    With ``present``, a present-tense verb closest to the expression counts as 'future' (a schedule).
    """
    if hi is None:
        hi = len(text)
    left = text[max(lo, start - 80):start]
    right = text[end:min(hi, end + 50)]
    best: tuple[int, str] | None = None
    cues = ((_FUTURE, "future"), (_PAST, "past")) + (((_PRESENT, "future"),) if present else ())
    for rx, label in cues:
        for m in rx.finditer(left):
            dist = len(left) - m.end()
            if best is None or dist < best[0]:
                best = (dist, label)
        m = rx.search(right) if rx is not _PRESENT else None  # a schedule verb comes before the day
        if m:
            dist = m.start() + 5  # a cue after the expression counts a bit less
            if best is None or dist < best[0]:
                best = (dist, label)
    return best[1] if best else None
