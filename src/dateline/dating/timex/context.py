"""Per-call context handed to the normalisers: text, anchor, sentence bounds, tense lookup."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .anchor import Anchor
from .tense import is_fronted, tense_near

Piece = tuple[int, int, str, str]  # start, end, value, type

# a ". " after these ends no sentence ("Roe vs. Wade", "Dr. Slepian", "Birmingham, Ala., killed")
_ABBREV = re.compile(r"(?:\b(?:vs|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|Sr|Inc|Corp|Co|Ltd|No|Ala|Ariz|Calif"
                     r"|Colo|Conn|Fla|Ill|Ind|Mass|Mich|Minn|Tenn|Tex|Va|Wash|Wis|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)"
                     r"|\b[A-Z]|\.[A-Za-z])$")


def _is_stop(t: str, i: int) -> bool:
    """t[i:i+2] == '. ' ends a sentence (not an abbreviation, not followed by a lower-case word)."""
    nxt = t[i + 2:i + 3]
    return not _ABBREV.search(t, max(0, i - 6), i) and not nxt.islower()


def _last_stop(t: str, pos: int) -> int:
    i = t.rfind(". ", 0, pos)
    while i >= 0 and not _is_stop(t, i):
        i = t.rfind(". ", 0, i)
    return i


def _next_stop(t: str, pos: int) -> int:
    i = t.find(". ", pos)
    while i >= 0 and not _is_stop(t, i):
        i = t.find(". ", i + 1)
    return i


@dataclass
class Ctx:
    text: str
    anchor: Anchor
    sentences: list[list[int]] | None = None
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.sentences:
            self._starts = [s[0] for s in self.sentences]

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """[lo, hi) of the sentence holding ``pos`` (given bounds, else a cheap guess from punctuation)."""
        if self.sentences:
            i = bisect.bisect_right(self._starts, pos) - 1
            if 0 <= i < len(self.sentences):
                lo, hi = self.sentences[i][0], self.sentences[i][1]
                if lo <= pos < hi:
                    return lo, hi
        t = self.text
        lo = max(_last_stop(t, pos), t.rfind("\n", 0, pos)) + 1
        hi_c = [x for x in (_next_stop(t, pos), t.find("\n", pos)) if x >= 0]
        return lo, (min(hi_c) + 1 if hi_c else len(t))

    def tense(self, start: int, end: int, present: bool = False) -> str | None:
        lo, hi = self.sentence_bounds(start)
        return tense_near(self.text, start, end, lo, hi, present)

    def fronted(self, start: int, end: int) -> bool:
        """The expression opens its sentence before a comma: the main clause after it sets the tense."""
        return is_fronted(self.text, start, end, self.sentence_bounds(start)[0])

    def sentence(self, pos: int) -> str:
        lo, hi = self.sentence_bounds(pos)
        return self.text[lo:hi]
