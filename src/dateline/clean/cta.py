"""Call-to-action lines: the page talking to its reader, not the story ("Are you in an
affected area?", "Read the full report ... and check out our interactive explainer",
"Below is video of those comments.").

General features, no list of the sentences: a short question put to "you"; a line that
opens with a page-furniture verb (read, watch, click, follow, ... from the cue vocabulary)
and names media (video, gallery, coverage, ...) or the site itself ("our", "us"); a short line pointing at media on the page
("below", "above", "here") by a media word. Quoted or attributed lines (said, told) are
reported speech and never call-to-action.
"""

from __future__ import annotations

import re

from .features import CUE_WORDS

_TOKEN = re.compile(r"[\w']+")
_QUOTE = re.compile(r"[\"“”]")
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|asked|added)\b", re.I)
_AUX = frozenset("are do have did were".split())
_READER = frozenset("you your you're yourself".split())
_SITE = frozenset("our us".split())  # the site speaking of itself ("your account" is how-to prose)
_MEDIA = frozenset("video videos photo photos gallery galleries map maps graphic graphics interactive slideshow "
                   "audio podcast clip explainer coverage report".split())
_POINTER = frozenset("below above here".split())
# an imperative's object opens with a determiner or particle ("Read the ...", "Follow us ...",
# "Check out ..."), unlike a sentence that opens with a noun ("More than 3,500 ...")
_OBJECT_START = frozenset("the this these our your more all full a an out us up here now".split())


def is_call_to_action(line: str) -> bool:
    s = line.strip()
    words = [w.lower() for w in _TOKEN.findall(s)]
    if not 2 <= len(words) <= 30 or _QUOTE.search(s) or _ATTRIBUTION.search(s):
        return False
    if s.endswith("?") and len(words) <= 12 and words[0] in _AUX and _READER & set(words[1:3]):
        return True  # "Are you in an affected area?", "Have you been affected by the floods?"
    if words[0] in CUE_WORDS and words[1] in _OBJECT_START and (_SITE | _MEDIA) & set(words[1:]):
        return True  # "Read the full report ... check out our interactive explainer", "Follow us on ..."
    return len(words) <= 15 and bool(_POINTER & set(words[:3])) and bool(_MEDIA & set(words))


def call_to_action_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """Kept lines that are call-to-action. A question next to another question is an
    interview or a reader's comment thread, not the page asking its reader."""
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    out = []
    for n, i in enumerate(nonblank):
        if not keep[i] or not is_call_to_action(lines[i]):
            continue
        if lines[i].rstrip().endswith("?"):
            near = [lines[j].rstrip() for j in nonblank[max(0, n - 1) : n + 2] if j != i]
            if any(x.endswith("?") for x in near):
                continue
        out.append(i)
    return out
