"""Post-cleaning of an extractor's output lines: only lines with strong boilerplate evidence go.

trafilatura's output is already clean (measured: removing lines by the flattened-text
classifier's weaker signals costs more recall than it gains precision), so only these rules
run, each measured on the AEB and trafilatura-eval dev splits (see the evaluator):

* ``title``: the headline repeated as the first line(s) goes to ``title``;
* ``label``: "Related: ...", "Read more: ...", "SOURCE: ..." — a short cue-word label
  with a colon opening a line that is not a sentence;
* ``copy``: copyright lines;
* ``cue``: short lines of page furniture ("Share this story", "Tell us what YOU think...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .features import CUE_WORDS, guess_stoplist, line_features, normalise

DEFAULT_RULES = frozenset({"title", "label", "copy", "cue"})
_LABEL = re.compile(r"^\W*(\w+(?:\s+\w+){0,2})\s*:\s*\S")


def _same_title(line: str, title: str | None) -> bool:
    if not title:
        return False
    a, b = normalise(line), normalise(title)
    if not a or not b:
        return False
    # the line is the headline, or the headline with a few words around it ("Update | ...")
    return a == b or (len(b) > 20 and b in a and len(a) <= 1.3 * len(b) + 10) or (len(a) > 20 and a in b)


def _label_line(line: str, end_punct: bool, words: int) -> bool:
    m = _LABEL.match(line)
    if not m or words > 25:
        return False
    if m.group(1).isupper() and len(m.group(1)) > 3 and not line.rstrip().endswith("."):
        return True  # "LE PUEDE INTERESAR: <teaser>", "VEA TAMBIÉN: <teaser>" (a dateline ends its sentence)
    label = normalise(m.group(1)).split()
    return any(w in CUE_WORDS or w in {"source", "sources", "also"} for w in label) and not (
        end_punct and words > 12
    )


def postclean_lines(
    lines: list[str], title: str | None, rules: Iterable[str] | None = None
) -> tuple[list[str], list[str], str | None]:
    """Kept lines, removed lines, and the headline (taken from the first line when repeated)."""
    rules = DEFAULT_RULES if rules is None else frozenset(rules)
    kept: list[str] = []
    removed: list[str] = []
    stops = guess_stoplist(lines)
    for i, ln in enumerate(lines):
        f = line_features(ln, stops)
        drop = False
        if "title" in rules and i <= 1 and not kept and _same_title(ln, title):
            title = title or ln
            drop = True
        elif "label" in rules and _label_line(ln, f.end_punct, f.words):
            drop = True
        elif "copy" in rules and f.copyright and f.words < 25:
            drop = True
        elif "cue" in rules and f.cue_words and f.words <= 8 and f.cue_words * 3 >= f.words:
            drop = True
        (removed if drop else kept).append(ln)
    if not kept:  # never empty a page by post-cleaning
        return lines, [], title
    return kept, removed, title
