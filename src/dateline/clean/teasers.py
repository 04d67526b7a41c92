"""Teasers of other stories printed around an article ("Headline : first sentence" lists,
a stray headline above the story, "most popular" lists below it).

Two general signals, no list of strings:

* shape: three or more consecutive lines shaped "Headline : sentence" (a short head without
  final punctuation or clock time, with lower-case words unlike a transcript's speaker label,
  a colon, then a full sentence) near the top or the bottom of the body are a list of teasers;
* topic: a line above the story (among the first kept lines, before any line that shares
  words with the body) none of whose content words occurs anywhere in the body is about
  another story. Judged only when the line has enough content words and the document enough
  body; measured on the T17 line gold, a looser overlap cut (20%) dropped real ledes and
  closing quotes of short articles, so only a zero overlap counts.
"""

from __future__ import annotations

import re

from .features import TIME_RE

_TEASER = re.compile(r"^(?P<head>[^:]{6,100}?)\s*:\s+(?P<rest>\S.*)$")
_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
EDGE_LINES = 3  # kept lines at each end of the body whose topic is checked
MIN_CONTENT = 4  # content words a line needs before its topic is judged
MIN_BODY_LINES = 15
MIN_RUN = 3  # "Headline : sentence" lines in a row that make a teaser list (two are often a Q&A)
MAX_TEASER_WORDS = 20  # a teaser is a headline or one short sentence; ledes run longer


def is_teaser_shaped(line: str) -> bool:
    """ "Radiation found in food as crisis continues : As workers scrambled ... ." """
    m = _TEASER.match(line.strip())
    if not m:
        return False
    head, rest = m.group("head").strip(), m.group("rest").strip()
    hw = head.split()
    lower = sum(1 for w in hw if w[:1].islower())
    return (2 <= len(hw) <= 12 and lower >= 2 and head[:1].isupper() and head[-1:].isalnum() and not TIME_RE.search(head)
            and len(rest.split()) >= 6 and rest[:1].isupper() and rest.rstrip("\"'”’ ")[-1:] in ".!?")


def _stem(w: str) -> str:
    return w.lower()[:6]


def _content(line: str, stops: frozenset[str]) -> list[str]:
    return [_stem(w) for w in _WORD.findall(line) if w.lower() not in stops]


def teaser_lines(lines: list[str], keep: list[bool], stops: frozenset[str]) -> list[int]:
    """Indexes of kept lines that are teasers of other stories."""
    kept = [i for i, k in enumerate(keep) if k and lines[i].strip()]
    drop: set[int] = set()
    # 1. runs of "Headline : sentence" lines (blank lines between them do not break a run)
    run: list[int] = []
    for i in kept + [-1]:
        if i >= 0 and is_teaser_shaped(lines[i]) and (not run or all(not lines[j].strip() or not keep[j]
                                                                       for j in range(run[-1] + 1, i))):
            run.append(i)
            continue
        if len(run) >= MIN_RUN and (run[0] in kept[:EDGE_LINES + 2] or run[-1] in kept[-EDGE_LINES - 2:]):
            drop.update(run)
        run = [i] if i >= 0 and is_teaser_shaped(lines[i]) else []
    # 2. an off-topic line above the story: none of its content words occurs in the body
    rest = [i for i in kept if i not in drop]
    if len(rest) < MIN_BODY_LINES:
        return sorted(drop)
    words = {i: _content(lines[i], stops) for i in rest}
    candidates = rest[:EDGE_LINES]
    vocab = {w for j in rest if j not in candidates for w in words[j]}
    for i in candidates:
        cw = words[i]
        if len(cw) < MIN_CONTENT or len(lines[i].split()) > MAX_TEASER_WORDS:
            break
        if any(w in vocab for w in cw):
            break  # the story has begun
        drop.add(i)
    return sorted(drop)
