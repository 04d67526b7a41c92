"""Figure slots: one counted thing of one subject, told by several reports (prices, records, counts).

The toll rule (``disagree.numeric_disagreements``) compares tolls and states of people. Other
figures - a product's price, a team's win-loss record, the engines sent to a fire, the rounds fired -
are compared here, as a *slot*: two figures fill one slot when

- their measures are one once the subject is set aside ("wins of the Tigers" and "wins"; "money" and
  "money cost" in one currency), and their subjects, where both name one, are one;
- their clauses (``scope.figure_clause``) share a specifier: a capitalised word or a word with a
  digit ("13-inch", "Tigers") other than the figure itself - the thing the figure belongs to;
- their sentences are at least ``MIN_CONTEXT`` alike in meaning (MiniLM, the caller's ``similar``);
- they come from different documents and are not the same speaker (an update is a series).

A filled slot with two values is a clash when an exact (unhedged, unbounded) figure differs at
all - a record of 9-5 against 10-5 or a price of $1,099 against $1,199 is not rounding - and a
hedged one falls outside the toll rule's tolerance. Equal values are corroboration, not a clash.

A "sentence" of fewer than ``MIN_WORDS`` words (a table row "Name 19-2") fills no slot.

Why: ``scripts/audit_disagreements.py --kinds`` on the round-5..8 golds finds 38 of 181 gold
disagreements numeric (68 statement, 42 attribute, 33 opinion), 37 of the 38 across documents;
only some are figures the claims stage extracts (prices, records, engines, rounds), the rest dates
and durations. Measured leaving each story out: see ``disagree.SLOTS`` (shipped off).
"""

from __future__ import annotations

import re

from .scope import figure_clause

MIN_CONTEXT = 0.4  # sentence cosine; 0.3-0.5 pair the same figures on r5-r8 (calibrate_slots.py: left-out picks 0.3 or off)

_SUBJECT = re.compile(r"\s+of\s+(?:the\s+)?(.+)$", re.I)
_SPECIFIER = re.compile(r"\b(?:\d+[\w.-]*[A-Za-z][\w-]*|[A-Z][\w'’-]+)")
_NOT_SPECIFIER = {"the", "a", "an", "he", "she", "it", "they", "but", "and", "this", "that", "i", "his", "her",
                  "its", "their", "in", "on", "at", "if", "we", "you", "when", "while", "after", "for", "with"}
_UNSLOTTED = ("age",)  # ages of different people share no slot by their measure alone


def base_measure(measure: str, unit: str | None) -> str | None:
    """The measure without its subject ("wins of Tigers" -> "wins"); money in its currency; None for
    a measure that is no slot of its own (an age)."""
    m = _SUBJECT.sub("", measure).strip()
    if m.startswith("money"):
        return f"money {unit}" if unit else None
    return None if m in _UNSLOTTED else m


def subject(measure: str) -> str | None:
    """The subject a measure names ("wins of the Tigers" -> "tigers"), lower-cased, or None."""
    m = _SUBJECT.search(measure)
    return m.group(1).lower().strip() if m else None


def same_subject(a: str | None, b: str | None) -> bool:
    """Subjects agree when either is untold or one holds the other ("tigers" in "the tigers")."""
    if not a or not b:
        return True
    return a in b or b in a or a.split()[-1] == b.split()[-1]


_FIGURE = re.compile(r"(?<![\w-])\$?\d+(?:,\s?\d{3})*(?:\.\d+)?(?![\w-])|\b(?:two|three|four|five|six|seven|eight|nine|ten|"
                     r"eleven|twelve|dozen|hundred|thousand|million|billion)\b", re.I)
_COORD = re.compile(r",|;|\band\b|\bor\b|\bwhile\b|\bwhereas\b|\bbut\b", re.I)
_AGE = re.compile(r"\d+-years?-old", re.I)
WINDOW = 6  # words each side of the figure
MIN_WORDS = 5  # a shorter "sentence" is a table row or caption ("Name 19-2"), not a figure told in a report


def _window(clause: str, i: int, j: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """The spans of ``clause`` that belong to the figure at ``clause[i:j]``: back to the previous
    figure and on to the next one, split at a coordination (", and", "while") between them."""
    prev = max((m.end() for m in _FIGURE.finditer(clause, 0, i) if m.end() <= i), default=0)
    nxt = min((m.start() for m in _FIGURE.finditer(clause, j) if m.start() >= j), default=len(clause))
    cuts = list(_COORD.finditer(clause, prev, i))
    left0 = cuts[-1].end() if cuts else prev
    cut = _COORD.search(clause, j, nxt)
    return (left0, i), (j, cut.start() if cut else nxt)


def specifiers(sentence: str, start: int, end: int) -> set[str]:
    """The specifiers of the figure at ``sentence[start:end]``: capitalised words (not the
    sentence's first word) and words with a digit (not an age) among the ``WINDOW`` words each
    side that belong to it (``_window`` of its clause, ``scope.figure_clause``)."""
    clause, off = figure_clause(sentence, start, end)
    out: set[str] = set()
    for side, (a, b) in enumerate(_window(clause, start - off, end - off)):
        found = list(_SPECIFIER.finditer(clause, a, b))
        words = len(clause[a:b].split())
        for m in found:
            near = len(clause[m.end():b].split()) if side == 0 else len(clause[a:m.start()].split())
            w = m.group(0)
            if near >= WINDOW or _AGE.fullmatch(w) or (off + m.start() == 0 and w[0].isupper()) or words == 0:
                continue
            w = re.sub(r"(?:['’]s?)$", "", w.lower())
            if w and w not in _NOT_SPECIFIER:
                out.add(w)
    return out


def exact_clash(a_value: list[float], b_value: list[float]) -> bool:
    """Two exact figures clash when their values differ at all."""
    return [float(x) for x in a_value] != [float(x) for x in b_value]
