"""Light tense cues around an expression (no parser): decides past vs. future references."""

from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:will|won't|shall|going\s+to|is\s+to|are\s+to|(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)"
    r"(?:scheduled|expected\s+to|due\s+to|set\s+to|slated)|expects?\s+to"
    r"|plans?\s+to|planned|intends?\s+to|next(?!\s+(?:to|door)\b)|upcoming|to\s+be\s+held"
    r"|as\s+early\s+as|as\s+soon\s+as|until|(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?:set|scheduled|slated|planned)\s+for"
    r"|expires|resumes|begins|starts|opens|ends|takes\s+place|(?:is|are)\s+(?:due|scheduled|expected)"
    r"|would(?!\s+have)|(?-i:may|might)(?!\s+(?:not\s+)?have)|planning\s+to|payable|effective)\b|'ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:(?:was|were|had\s+been)\s+(?:scheduled|due|expected|set|slated|supposed|planned|meant)(?:\s+for)?"
    r"|said|says|was|were|had|did|ago|last|earlier|yesterday|told|announced|reported|killed|died"
    r"|took|came|went|began|made|gave|met|held|saw|won|lost|fell|rose|left|sent|got|found|became|since"
    r"|brought|bought|sold|paid|spent|built|struck|fought|caught|sought|thought|taught|led|fled|ran|wrote|spoke"
    r"|chose|drove|grew|knew|threw|broke|stood|kept|felt|meant|shot|swore|tore|withdrew|overthrew|flew|drew"
    r"|(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)"
    r"(?!(?:need|speed|indeed|united|hundred|proceed|exceed|seed|feed|breed|bed|red|shed|bred)\b)[a-z]{3,}ed)\b",
    re.IGNORECASE,
)


# present tense with a named day is a schedule ("the vote is on Tuesday", "ministers meet on Monday",
# "the council votes Thursday"): used for weekdays only, where it means the coming one
_PRESENT = re.compile(
    r"(?<!\bto\s)(?<!\ba\s)(?<!\bthe\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)"  # "to vote", "a vote": no finite verb
    r"\b(?:(?:is|are)(?=\s+on\s*$)|there\s*(?:['\u2019]s|is|are)(?=\s+(?:a|an|the)\s)|(?:meet|vote|gather|convene|travel|arrive|leave|begin|resume)s?|goes|flies)"
    r"\b(?=[^.;]{0,40}$)",
    re.IGNORECASE,
)


# an expression fronted before the main clause ("On Tuesday, the league plans to...", "Until Thursday,
# they had not called him a suspect", "In January, American Medical brought in..."): its tense is the
# main clause's, whose verb comes after the comma, not any cue left of it (the preposition itself,
# "until", is no tense cue then)
_FRONTED_LEFT = re.compile(
    r"^[\s\"'\u201c(`]*(?:(?:on|in|until|till|by|since|from|during|early|late|earlier|later|also|and|but|then"
    r"|as\s+of|through|at|last|this|next)\s+)*(?:the\s+)?$",
    re.IGNORECASE,
)
_FRONTED_RIGHT = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?\s*,")


# ... or a closing quote: the reporting verb after it ("will leave at 4 (...),'' he said") is not the
# tense of the quoted clause
# ... or a complement clause ("dismissed a report Thursday that she might be involved": "might" is the
# tense of the report's content, not of the dismissing)
_NEXT_CLAUSE = re.compile(r",\s*(?:and|but|while|although|though|whereas)\b|;|\s--?\s|''|\u201d|\"|\s(?:that|whether)\s")


_BE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am|'s|'re)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
_NOT_PARTICIPLE = {"said", "says", "was", "were", "had", "did", "ago", "last", "earlier", "yesterday", "since"}


def _is_passive(seg: str, m: re.Match[str]) -> bool:
    """A participle after a form of 'be' ("will be made", "is expected to be permanently sealed"): no past."""
    word = m.group(0).lower()
    return " " not in word and word not in _NOT_PARTICIPLE and bool(_BE_BEFORE.search(seg, max(0, m.start() - 24), m.start()))


def is_fronted(text: str, start: int, end: int, lo: int = 0) -> bool:
    """True for an expression before the comma that opens its sentence ("In January, ...")."""
    return bool(_FRONTED_LEFT.match(text[lo:start]) and _FRONTED_RIGHT.match(text, end))


def _main_clause_tense(right: str) -> str | None:
    """Tense of the first verb cue in ``right`` (the clause after a fronted expression)."""
    best: tuple[int, str] | None = None
    for rx, label in ((_FUTURE, "future"), (_PAST, "past")):
        m = rx.search(right)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), label)
    return best[1] if best else None


def tense_near(text: str, start: int, end: int, lo: int = 0, hi: int | None = None,
               present: bool = False) -> str | None:
    """'past', 'future' or None from the verb cues closest to text[start:end] inside [lo, hi).

    With ``present``, a present-tense verb closest to the expression counts as 'future' (a schedule).
    """
    if hi is None:
        hi = len(text)
    if is_fronted(text, start, end, lo):
        main = _main_clause_tense(text[end:min(hi, end + 140)])
        if main:
            return main
    left = text[max(lo, start - 80):start]
    right = text[end:min(hi, end + 50)]
    cut = _NEXT_CLAUSE.search(right)
    if cut:  # "changed its advisory on Monday, and we would review...": the next clause has its own tense
        right = right[:cut.start()]
    best: tuple[int, str] | None = None
    cues = ((_FUTURE, "future"), (_PAST, "past")) + (((_PRESENT, "future"),) if present else ())
    for rx, label in cues:
        for m in rx.finditer(left):
            if rx is _PAST and _is_passive(left, m):
                continue
            dist = len(left) - m.end()
            if best is None or dist < best[0]:
                best = (dist, label)
        m = None
        if rx is not _PRESENT:  # a schedule verb comes before the day
            m = next((x for x in rx.finditer(right) if rx is not _PAST or not _is_passive(right, x)), None)
        if m:
            dist = m.start() + 5  # a cue after the expression counts a bit less
            if best is None or dist < best[0]:
                best = (dist, label)
    return best[1] if best else None
