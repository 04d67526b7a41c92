"""Evidence marks over a document's clean text.

Marks are character spans ``[start, end)`` of any kind (timex, entity, event, claim...).
They may overlap, so the text is cut at every mark boundary and each piece carries the set
of marks covering it. Pieces are plain text: the templates escape them (autoescape), so no
part of an article is ever inserted as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LINK_ORDER = ["event", "claim", "side", "entity"]


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # timex | entity | mention | event | claim | side | summary
    ref: str = ""  # id of the item the span is evidence of ("" when none)
    label: str = ""  # tooltip text
    focus: bool = False  # the mark the page was opened for


@dataclass
class Piece:
    text: str
    marks: list[Mark] = field(default_factory=list)
    start: int = 0
    anchor: bool = False  # some mark starts here: the piece gets an id to link to

    @property
    def classes(self) -> str:
        kinds = sorted({m.kind for m in self.marks})
        out = [f"hl-{k}" for k in kinds]
        if any(m.focus for m in self.marks):
            out.append("hl-focus")
        return " ".join(out)

    @property
    def primary(self) -> Mark | None:
        """The mark a click on this piece should open (events first, then figures, ...)."""
        ranked = [m for m in self.marks if m.ref and m.kind in LINK_ORDER]
        return min(ranked, key=lambda m: LINK_ORDER.index(m.kind)) if ranked else None

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(m.label for m in self.marks if m.label))


def clamp_marks(marks: list[Mark], length: int) -> list[Mark]:
    """Drop marks that fall outside the text or are empty; clip the rest."""
    out = []
    for m in marks:
        s, e = max(0, m.start), min(length, m.end)
        if e > s:
            out.append(m if (s, e) == (m.start, m.end) else Mark(s, e, m.kind, m.ref, m.label, m.focus))
    return out


def pieces(text: str, marks: list[Mark]) -> list[Piece]:
    """Cut ``text`` at every boundary of ``marks``; each piece lists the marks covering it."""
    marks = clamp_marks(marks, len(text))
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[Piece] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b <= a:
            continue
        covering = [m for m in marks if m.start <= a and m.end >= b]
        out.append(Piece(text[a:b], covering, a, any(m.start == a for m in covering)))
    return out
