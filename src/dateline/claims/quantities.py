"""Numbers in running text as ranges: "between 150 and 250", "2,000-3,000", "about 80", "two dozen".

Our own light grammar, not quantulum3: measured on T17 sentences, quantulum3 returns ranges
as midpoint +/- half-width, reads "tens of thousands" as 10 x 1000, misses "two dozen" as a
count and takes ~3 ms a sentence; the regex below reads the bounds from the span itself
and is ~100x faster. What is counted and who says it are decided in ``measure``/``attribution``.

Conventions (documented in the report's README for users):
- a value is ``[low, high]``; a single figure is ``[n, n]``;
- "at least 15" / "more than 1,000" -> ``[15, 15]`` with ``bound="lower"`` (open above);
  "up to 50,000" / "fewer than 5" -> ``[50000, 50000]`` with ``bound="upper"``;
- hedges ("about", "nearly", "more than", "up to") set ``approximate``;
- vague plurals ("hundreds", "tens of thousands") are ranges from 2x the unit to just below
  the next order of magnitude, approximate (see ``lexicon.VAGUE``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import HEDGES, SCALE_SUFFIX, SCALES, UNITS, VAGUE

_UNIT_WORDS = sorted(UNITS, key=len, reverse=True)
_NUMWORD = r"(?:" + "|".join(_UNIT_WORDS) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
_SCALEW = r"(?:(?:\s+|-)(?:hundred|thousand|million|billion|trillion))*"
_SCALE_AHEAD = r"(?=[\s-]?(?:hundred|thousand|million|billion|trillion|mn|bn|tn|m|b|k)(?![A-Za-z]))"
# text detokenised from tokens splits decimals and thousands ("$2. 6 million", "£910, 000"):
# a split decimal is read only before a scale, split thousands only after a currency sign
_SPLIT_DECIMAL = rf"\d+\.\s\d+{_SCALE_AHEAD}"
_SPLIT_THOUSANDS = r"(?<=[$£€#])\d{1,3}(?:,\s\d{3})+(?!\d)"
_DIGITS = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{_SPLIT_DECIMAL}|{_SPLIT_THOUSANDS}|\d+(?:\.\d+)?"
_SUFFIX = r"(?:\s?(?:mn|bn|tn|m|b|k)(?![A-Za-z]))"
_ATOM = (
    rf"(?:[$£€#]\s?)?(?:(?:{_DIGITS})(?:{_SUFFIX}|{_SCALEW})"
    rf"|(?:a|one|two|three|four|five|six)\s+dozen"
    rf"|half\s+a\s+(?:million|billion)"
    rf"|{_NUMWORD}{_SCALEW}"
    rf"|an?\s+(?:hundred|thousand|million|billion)(?:\s+(?:thousand|million))?"
    rf"|(?:a\s+)?half[\s-](?:a\s+)?dozen"
    rf"|(?:(?<=his\s)|(?<=her\s)|(?<=its\s)|(?<=their\s)|(?<=the\s))dozen"  # "his dozen rounds"
    rf"|a\s+dozen|twice)"
)
_VAGUE = (r"(?:tens|hundreds)\s+of\s+(?:thousands|millions)|(?:several|a\s+few)\s+(?:hundred|thousand|million)"
          r"|dozens|scores|hundreds|thousands|millions|billions")
_HEDGE = "|".join(sorted((re.escape(h).replace(r"\ ", r"\s+") for h in HEDGES), key=len, reverse=True))

QUANTITY = re.compile(
    rf"(?<![\w.,$£€#-])(?:(?P<hedge>{_HEDGE})\s+)?"
    rf"(?:(?P<between>between)\s+)?(?:(?P<from>from)\s+)?"
    rf"(?:(?P<vague>{_VAGUE})|(?P<a>{_ATOM})"
    rf"(?:\s*(?P<sep>-|–|\bto\b|\band\b|\bor\b)\s*(?P<b>{_ATOM}))?)"
    rf"(?![\w]|[.,]\d)",
    re.IGNORECASE,
)


_CHANGE = re.compile(r"\b(?:ris(?:en|e|es|ing)|rose|increas\w*|climb\w*|jump\w*|gr[eo]w\w*|fell|fall\w*|"
                     r"dropp?\w*|revis\w*(?:\s+\w+)?|rais\w*|lower\w*|cut|up|down|doubl\w*|soar\w*)\b[^.;:]{0,45}$", re.I)


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    low: float
    high: float
    approximate: bool = False
    bound: str | None = None  # "lower" (at least) | "upper" (at most) | None
    currency: str | None = None
    bare_digits: bool = False  # a plain 1-4 digit integer: could be a year, a time, a name


def _parse_atom(s: str) -> tuple[float, str | None]:
    """The value of one atom ("3,500", "$100m", "two dozen", "1.5 million") and its currency."""
    s = re.sub(r"(?<=\d)([.,])\s(?=\d)", r"\1", s.strip())  # "$2. 6" -> "$2.6"
    cur = None
    if s[0] in "$£€#":
        cur = {"$": "USD", "£": "GBP", "€": "EUR", "#": "GBP"}[s[0]]  # PTB text writes £ as #
        s = s[1:].strip()
    low = s.lower()
    words = low.replace("-", " ").split()
    if re.match(r"\d", low):
        m = re.match(rf"({_DIGITS})\s*(.*)$", low)
        assert m
        val = float(m.group(1).replace(",", ""))
        rest = m.group(2).replace("-", " ").strip()
        if rest in SCALE_SUFFIX:
            val *= SCALE_SUFFIX[rest]
        else:
            for w in rest.split():
                val *= SCALES.get(w, 1)
        return val, cur
    if words == ["twice"]:
        return 2.0, cur  # "shot him twice": a count of times (``measure`` refuses "twice as many")
    if "dozen" in words:
        if "half" in words:
            return 6.0, cur  # "a half-dozen", "half a dozen"
        n = 1 if words[0] in ("a", "one") else UNITS.get(words[0], 1)
        return 12.0 * n, cur
    if words[0] == "half":
        return 0.5 * SCALES[words[-1]], cur
    total = 0.0
    current = 0.0
    for w in words:
        if w in ("a", "an"):
            current = 1
        elif w in UNITS:
            current += UNITS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
    return total + current, cur


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number expression in ``text[start:end]``, offsets into ``text``."""
    out: list[Quantity] = []
    end = len(text) if end is None else end
    for m in QUANTITY.finditer(text, start, end):
        hedge = (m.group("hedge") or "").lower()
        hedge = re.sub(r"\s+", " ", hedge)
        approx, bound = HEDGES.get(hedge, (False, None))
        cur = None
        bare = False
        if m.group("vague"):
            key = re.sub(r"\s+", " ", m.group("vague").lower())
            key = re.sub(r"^(?:several|a few) (\w+)$", r"\1s", key)  # "several hundred" reads as "hundreds"
            lo, hi = VAGUE[key]
            approx = True
        else:
            a = m.group("a")
            lo, cur = _parse_atom(a)
            hi = lo
            bare = bool(re.fullmatch(r"\d{1,4}", a.strip()))
            approx = approx or "dozen" in a.lower()
            if m.group("b") and m.group("sep").lower() == "to" and _CHANGE.search(text, max(0, m.start() - 40), m.start()):
                # "the toll has risen from 11 to 14": two figures, the earlier and the current
                b_val, cur_b = _parse_atom(m.group("b"))
                out.append(Quantity(m.start(), m.end("a"), text[m.start():m.end("a")], lo, lo, approx, bound, cur, False))
                out.append(Quantity(m.start("b"), m.end("b"), m.group("b"), b_val, b_val, False, None, cur or cur_b, False))
                continue
            if m.group("b"):
                sep = m.group("sep").lower()
                b_val, cur_b = _parse_atom(m.group("b"))
                cur = cur or cur_b
                if sep in ("and",) and not m.group("between"):
                    # "11 Italian and 3 Kenyan" is two figures: keep the first only
                    qa = m.start("a")
                    out.append(Quantity(qa if not hedge else m.start(), m.end("a"), text[m.start():m.end("a")],
                                        lo, lo, approx, bound, cur, bare))
                    continue
                # "45,000-50,000", "3-4 million": a scale on the second atom applies to both
                if b_val > lo and lo < 1000 <= b_val and not re.search(r"[,.\d]{4,}|thousand|million|billion|[mbk]\b", a):
                    scale = _trailing_scale(m.group("b"))
                    groups = re.fullmatch(r"\d{1,3}((?:,000)+)", m.group("b").strip())
                    if scale == 1.0 and groups and sep in ("-", "–") and lo * 1000 ** (len(groups.group(1)) // 4) <= b_val:
                        scale = 1000 ** (len(groups.group(1)) // 4)  # "9-10,000 troops": 9,000 to 10,000
                    lo *= scale
                if b_val < lo:
                    if sep in ("-", "–"):
                        continue  # "3-2", "24-7": a score or a code, not a range
                    lo, b_val = b_val, lo
                hi = b_val
                bare = False
        out.append(Quantity(m.start(), m.end(), m.group(0), float(lo), float(hi), approx, bound, cur, bare))
    return out


def _trailing_scale(atom: str) -> float:
    low = atom.lower().strip()
    m = re.search(r"(mn|bn|tn|m|b|k)$", low)
    if m and re.search(r"\d(mn|bn|tn|m|b|k)$", low):
        return SCALE_SUFFIX[m.group(1)]
    for w in reversed(low.split()):
        if w in SCALES:
            return SCALES[w]
    return 1.0


_FROM_TO_GAP = re.compile(r"\s*(?:[A-Za-z-]+\s+){0,2}(?:\([^()]{0,80}\)\s*)?to\s+$", re.I)


def merge_from_to(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"from 12,000 barrels (504,000 gallons) to 25,000 barrels": one range (the figures in
    the parenthesis stay figures of their own)."""
    out = list(qs)
    for i, q in enumerate(qs):
        if not q.text.lower().startswith("from ") or q.low != q.high or _CHANGE.search(text, max(0, q.start - 40), q.start):
            continue
        for r in qs[i + 1:]:
            if r.start - q.end > 120:
                break
            if _FROM_TO_GAP.fullmatch(text[q.end:r.start]) and r.low >= q.low:
                merged = Quantity(q.start, r.end, text[q.start:r.end], q.low, r.high, q.approximate or r.approximate,
                                  None, q.currency or r.currency, False)
                out = [x for x in out if x is not q and x is not r] + [merged]
                break
    return sorted(out, key=lambda x: x.start)
