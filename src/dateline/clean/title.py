"""Find the headline among the lines just above (or opening) the body of a flattened page."""

from __future__ import annotations

import re

from .features import CUE_WORDS, DATE_RE, TIME_RE, normalise

MAX_LOOKBACK = 15  # lines above the first body line searched for the headline
# bylines, photo credits, reading times: "By Tim Anderson", "Von David Hutzler, dpa", "Foto: ..."
_BYLINE = re.compile(
    r"^\W*(?:by|von|par|por|di|from|foto|fotos|photo|photos|bild|image|credit|posted|published|veröffentlicht"
    r"|updated|aktualisiert|written|text|autor|author|quelle|source)\b",
    re.I,
)
_LABEL = re.compile(r"^[^:]{1,25}:\s")  # "Lesezeit: 2 Minuten", "Tags: ..."
_ARROWS = re.compile(r"[←→«»›‹•|/]\s*$|^\s*[←→«»›‹•]")


def _content_words(text: str) -> set[str]:
    return {w for w in normalise(text).split() if len(w) >= 4}


def _score(line: str, distance: int, repeated: bool, body_words: set[str]) -> float | None:
    s = line.strip()
    words = s.split()
    wide = sum(1 for c in s if "\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff")
    if wide >= 6:  # written without spaces: count about two characters a word
        words = words + ["x"] * (wide // 2)
    if not 2 <= len(words) <= 30 or len(s) > 250:
        return None
    if s.endswith((".", ":", ";", ",")) and not s.endswith("...") and len(words) > 3:
        return None
    low = [normalise(w) for w in words]
    if sum(1 for w in low if w in CUE_WORDS) * 3 >= len(words):
        return None
    if _BYLINE.match(s) or _ARROWS.search(s) or "©" in s:
        return None
    if (DATE_RE.search(s) or TIME_RE.search(s)) and len(words) < 8:
        return None
    caps = sum(1 for w in words if w[:1].isupper()) / len(words)
    cw = _content_words(s)
    overlap = len(cw & body_words) / len(cw) if cw else 0.0
    score = (1.0 * repeated + 2.0 * overlap + 0.5 * (caps >= 0.5) + 0.5 * (4 <= len(words) <= 20)
             - 0.4 * (len(words) <= 3) - 0.05 * distance)
    m = _LABEL.match(s)
    if m and (len(s[m.end():].split()) <= 3 or any(w in CUE_WORDS for w in normalise(m.group(0)).split())):
        score -= 1.0  # "Lesezeit: 2 Minuten", "Tags: Politik"
    return score


def find_title(lines: list[str], keep: list[bool]) -> str | None:
    """The headline: the best title-shaped line shortly above the first body line.

    Title-shaped = 2-30 words, not ending like a sentence or a label, not a byline, credit
    or date stamp, few boilerplate cue words. In its favour: sharing words with the first
    body lines, being printed twice on the page (``<h1>`` and a breadcrumb or teaser), capitals.
    The first body line itself is a candidate when it is title-shaped (a headline that
    the classifier took for a short paragraph); the caller then moves it out of the body.
    """
    if True not in keep:
        return None
    first = keep.index(True)
    body = [ln for ln, k in zip(lines, keep, strict=True) if k][:6]
    body_words = _content_words(" ".join(body[1:] if len(body) > 1 else body))
    keys = [normalise(ln) for ln in lines]
    best, best_score = None, 0.2
    candidates = list(range(first - 1, max(-1, first - 1 - MAX_LOOKBACK), -1))
    if len(body) > 1 and not lines[first].rstrip().endswith((".", "!", "?", '"', "”")):
        candidates.insert(0, first)
    for dist, i in enumerate(candidates):
        if keep[i] and i != first:
            continue
        repeated = sum(1 for k in keys if k and k == keys[i]) > 1
        sc = _score(lines[i], dist, repeated, body_words)
        if sc is not None and sc > best_score:
            best, best_score = lines[i].strip(), sc
    return best
