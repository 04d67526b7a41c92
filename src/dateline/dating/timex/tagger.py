"""Run every grammar rule, keep the longest non-overlapping matches, build Timex objects."""

from __future__ import annotations

from ...model import Timex
from .anchor import Anchor
from .context import Ctx, Piece
from .extent import adjust_all
from .filters import is_programme_name, is_titled_name, is_unreported_period
from .grammar import RULES
from .reference import attach_clock_days, clocks_on_named_day, resolve


def _inside_number(text: str, start: int) -> bool:
    """Whether a match starting at a digit continues a number written before it ("6:00", "1,000", "2.5")."""
    return (start >= 2 and text[start].isdigit() and text[start - 1] in ":.," and text[start - 2].isdigit())


def _candidates(ctx: Ctx) -> list[tuple[int, int, int, list[Piece]]]:
    out: list[tuple[int, int, int, list[Piece]]] = []
    text = ctx.text
    for prio, rule in enumerate(RULES):
        for m in rule.pattern.finditer(text):
            if m.end() == m.start():
                continue
            if _inside_number(text, m.start()):
                continue  # "00 minutes" of "6:00 minutes", "000 years" of "1,000 years": part of a number
            pieces = rule.handler(m, ctx)
            if pieces:
                start = min(p[0] for p in pieces)
                end = max(p[1] for p in pieces)
                out.append((start, end, prio, pieces))
    return out


def _select(cands: list[tuple[int, int, int, list[Piece]]], size: int) -> list[Piece]:
    """Longest first, then earliest rule; drop anything overlapping an accepted span."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = bytearray(size)
    chosen: list[Piece] = []
    for start, end, _prio, pieces in cands:
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.extend(pieces)
    chosen.sort()
    return chosen


def _trim(text: str, p: Piece) -> Piece:
    s, e, v, t = p
    while e > s and text[e - 1] in " ,;:(":
        e -= 1
    while s < e and text[s] in " ,;:)":
        s += 1
    return s, e, v, t


def tag_timexes(text: str, anchor: str | None, sentences: list[list[int]] | None = None) -> list[Timex]:
    """All temporal expressions of ``text``, normalised against ``anchor`` (YYYY-MM-DD, YYYY-MM, YYYY or None).

    Offsets are [start, end) into ``text``; ``sentences`` (list of [start, end]) bound the tense cues.
    """
    if not text:
        return []
    ctx = Ctx(text=text, anchor=Anchor.parse(anchor), sentences=sentences)
    chosen = [p for p in map(lambda p: _trim(text, p), _select(_candidates(ctx), len(text)))
              if not is_programme_name(text, p[0], p[1])
              and not (p[3] == "DURATION" and is_titled_name(text, p[0], p[1]))
              and not is_unreported_period(text, p[0], p[1], p[2])]
    pieces = attach_clock_days(text, resolve(text, chosen))
    pieces = clocks_on_named_day(text, pieces, ctx.anchor)
    pieces = adjust_all(text, pieces)
    return [Timex(start=s, end=e, text=text[s:e], value=v, type=t) for s, e, v, t in pieces if e > s and v]
