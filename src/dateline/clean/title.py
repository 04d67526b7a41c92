"""Find the headline among the lines above the body of a flattened page."""

from __future__ import annotations

from .features import CUE_WORDS, DATE_RE, TIME_RE, normalise

MAX_LOOKBACK = 12  # lines above the first body line searched for the headline


def _score(line: str, distance: int, repeated: bool) -> float | None:
    s = line.strip()
    words = s.split()
    if not 3 <= len(words) <= 30 or len(s) > 250:
        return None
    if s.endswith((".", ":", ";", ",")) and not s.endswith("..."):
        return None
    low = [normalise(w) for w in words]
    if sum(1 for w in low if w in CUE_WORDS) * 3 >= len(words):
        return None
    if DATE_RE.search(s) or TIME_RE.search(s) or "|" in s or "©" in s:
        return None
    caps = sum(1 for w in words if w[:1].isupper()) / len(words)
    return 2.0 * repeated + 1.0 * (caps >= 0.5) - 0.25 * distance


def find_title(lines: list[str], keep: list[bool]) -> str | None:
    """The headline: the best title-shaped line shortly above the first body line.

    Title-shaped = 3-30 words, not ending like a sentence or a label, no date/time stamp,
    few boilerplate cue words; pages often repeat their headline (``<title>`` and ``<h1>``),
    which counts in its favour.
    """
    if True not in keep:
        return None
    first = keep.index(True)
    keys = [normalise(ln) for ln in lines]
    best, best_score = None, float("-inf")
    for dist, i in enumerate(range(first - 1, max(-1, first - 1 - MAX_LOOKBACK), -1)):
        if keep[i]:
            continue
        repeated = sum(1 for k in keys if k and k == keys[i]) > 1
        sc = _score(lines[i], dist, repeated)
        if sc is not None and sc > best_score:
            best, best_score = lines[i].strip(), sc
    return best
