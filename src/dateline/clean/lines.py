"""Line classifier for text flattened from web pages (jusText's method adapted to plain text).

Each line is first classed on its own (GOOD, NEAR good, SHORT, BAD) from the features in
``features.py`` with jusText's thresholds (length 70/200 characters, stop-word density
0.30/0.32 with the stop-word list of the document's language). Then context decides the
undecided lines as jusText does: a short or near-good line between body lines is body,
between boilerplate lines it is boilerplate. Departures from jusText, each measured on the
AEB flattened-text benchmark and checked on Timeline17 articles: a run of three or more
near-good lines is body (news is written in short paragraphs); a sentence that is only
poor in stop words (names, figures) is decided by its neighbours instead of dropped; a
short line that reads as a sentence needs one body neighbour, not two; a printed-again
sentence keeps its first copy. Region rules follow: reader comments (a "March 1, 2011 at
6:21 pm | Reply" stamp, a sentence about the comment section, or a comments heading / agency
credit with more body above than below) and everything after them; and body-like runs far
from the main block (teasers and footers). A document with no body by context keeps its
prose lines rather than being emptied.
"""

from __future__ import annotations

import re
from collections import Counter

from .features import LineFeatures, guess_stoplist, line_features, normalise

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"
LENGTH_LOW, LENGTH_HIGH = 70, 200
STOP_LOW, STOP_HIGH = 0.30, 0.32

# A reader-comment stamp: a date with a clock time followed by "|" or Reply/Report, or
# "<name> wrote:" / "said on <date>". One such stamp after the body starts the comments.
_COMMENT_STAMP = re.compile(
    r"(?:\d{4}|\d{1,2}(?:st|nd|rd|th)?)\s*,?\s+(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:\||\breply\b|\breport\b)"
    r"|\b\d{1,2}[:.]\d\d\s*[ap]\.?m\.?\s+on\s+[^|]{5,25}?\d{4}[^|]{0,45}?\bwrote\s*:",
    re.I,
)
_COMMENT_HEAD = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|discussion|reader comments|leave a (?:comment|reply)|post a comment"
    r"|add (?:a |your )?comment|join the (?:discussion|conversation)|comments are closed|show comments)\b"
    r"(?:\s*\(\d+\))?\W*$",
    re.I,
)


# A sentence about the comment section itself ("Views expressed in the comments do not
# represent those of the publisher", "This discussion is now closed", "Comments are not pre-screened").
_COMMENT_WORD = re.compile(r"\b(?:comments?|discussion|posts?|posting|commentaries)\b", re.I)
_POLICY_WORD = re.compile(
    r"\b(?:welcome|policy|policies|guidelines|closed|expressed|represent|moderat\w*|pre-screened|published|edit"
    r"|approved|abuse|rules|terms|logged in|notify|notified|badges|profanity|inappropriate)\b",
    re.I,
)
# The wire/agency credit that ends an article: "(Reporting by ...; Editing by ...)",
# "The Outlet's Jane Doe contributed to this report."
_CREDIT = re.compile(
    r"^\W*(?:(?:additional |further )?reporting|writing|editing|compiled|edited) by\b"
    r"|\bcontributed (?:reporting )?to this (?:report|story|article)\W*$",
    re.I,
)


def is_comment_policy(line: str) -> bool:
    return len(line.split()) <= 35 and bool(_COMMENT_WORD.search(line)) and bool(_POLICY_WORD.search(line))


def is_credit(line: str) -> bool:
    return bool(_CREDIT.search(line.strip()))


def _base_class(f: LineFeatures, stops: frozenset[str], repeated: bool) -> str:
    """jusText's per-block class, with text-only evidence in place of link density."""
    if not f.words and f.chars < 3:
        return BAD
    if f.copyright and f.words < 40:
        return BAD
    if f.counter:
        return BAD
    if f.stamp_share >= 0.5 and f.words <= 14:
        return BAD
    if f.separators >= 2 and not f.end_punct and f.words < 40:
        return BAD
    if f.urlish and f.words < 15:
        return BAD
    if f.cue_words and f.words <= 8 and not f.end_punct:
        return BAD
    if f.words >= 4 and f.cue_words / f.words >= 0.34 and not _quoted_sentence(f):
        return BAD
    if repeated and (f.words <= 8 or not f.end_punct):
        return BAD  # menus, share bars and captions printed twice
    headline_like = f.words >= 3 and f.cap_ratio >= 0.7 and not f.end_punct
    if f.chars < LENGTH_LOW or headline_like:
        return SHORT
    if not stops:  # no stop-word list fits the language: prose is what ends like a sentence
        if f.end_punct:
            return GOOD if f.chars > LENGTH_HIGH else NEAR
        return BAD
    if f.stop_density >= STOP_HIGH:
        return GOOD if f.chars > LENGTH_HIGH else NEAR
    if f.stop_density >= STOP_LOW:
        return NEAR
    if f.end_punct and f.stop_density >= 0.1 and f.words >= 4:
        # a sentence dense in names and figures ("U.S. crude rose $1.43 to $111.73 ..."):
        # not evidence of boilerplate, let its neighbours decide
        return SHORT
    return BAD


def _quoted_sentence(f: LineFeatures) -> bool:
    """A whole sentence inside quotation marks ('"We're like family here."'): someone's words,
    not page furniture, whatever its words ("like", "here", "share" are also common words)."""
    t = f.text
    return f.end_punct and t[:1] in "\"“" and t[-1:] in "\"”" and t.count('"') + t.count("“") + t.count("”") == 2


EDGE = "edge"  # beyond the first/last line: counts as boilerplate, unless both sides are edges


def _neighbour(classes: list[str], i: int, step: int, ignore: tuple[str, ...]) -> str:
    j = i + step
    while 0 <= j < len(classes):
        if classes[j] not in ignore:
            return classes[j]
        j += step
    return EDGE


def _smooth(classes: list[str], prose: list[bool]) -> list[str]:
    """jusText context rules; a short line written as prose needs only one body neighbour."""
    out = list(classes)
    for i, c in enumerate(classes):
        if c != SHORT:
            continue
        prev = _neighbour(classes, i, -1, (SHORT, NEAR))
        nxt = _neighbour(classes, i, 1, (SHORT, NEAR))
        if prev == nxt == EDGE:  # nothing but short and near-good lines: a short text, judge it alone
            out[i] = GOOD if prose[i] else BAD
            continue
        prev, nxt = (BAD if prev == EDGE else prev), (BAD if nxt == EDGE else nxt)
        if prev == nxt == GOOD:
            out[i] = GOOD
        elif prev == nxt == BAD and not (prose[i] and (_neighbour(classes, i, -1, (SHORT,)) == NEAR
                                                         or _neighbour(classes, i, 1, (SHORT,)) == NEAR)):
            out[i] = BAD
        elif prose[i] and GOOD in (prev, nxt):
            out[i] = GOOD
        elif (prev == BAD and _neighbour(classes, i, -1, (SHORT,)) == NEAR) or (
            nxt == BAD and _neighbour(classes, i, 1, (SHORT,)) == NEAR
        ):
            out[i] = GOOD
        else:
            out[i] = BAD
    final = list(out)
    for i, c in enumerate(out):
        if c != NEAR:
            continue
        prev = _neighbour(out, i, -1, (NEAR,))
        nxt = _neighbour(out, i, 1, (NEAR,))
        final[i] = BAD if {prev, nxt} <= {BAD, EDGE} and not prev == nxt == EDGE else GOOD
    return final


def _promote_near_runs(classes: list[str], min_near: int = 3) -> list[str]:
    """A run of near-good lines (short paragraphs, as news often has) is body like one long
    paragraph: jusText would drop it when no long paragraph is next to it."""
    out = list(classes)
    i = 0
    while i < len(classes):
        if classes[i] != NEAR:
            i += 1
            continue
        j, near = i, 0
        while j < len(classes) and classes[j] in (NEAR, SHORT, GOOD):
            near += classes[j] == NEAR
            j += 1
        if near >= min_near:
            for k in range(i, j):
                if out[k] == NEAR:
                    out[k] = GOOD
        i = j
    return out


def _is_prose(f: LineFeatures, stops: frozenset[str]) -> bool:
    """A short line that reads as a sentence: a quote, a one-line paragraph."""
    if f.words < 2 or f.stamp_share > 0.3:
        return False
    # a cue word ("home", "like", "here") in a quoted or a long sentence is a common word
    if f.cue_words and not _quoted_sentence(f) and (f.words < 8 or f.cue_words / f.words > 0.15):
        return False
    if not f.end_punct or not (f.text[:1].isupper() or f.text[:1].isdigit() or f.text[:1] in "\"'“‘«("):
        return False
    return f.stop_density >= 0.1 or not stops or f.words <= 4


def _continues(prev_line: str, f: LineFeatures) -> bool:
    """A line that carries on the sentence of the line above: it starts in lower case right after
    a line cut off by an ellipsis or a dash ("... we're all in shock..." / "and I lost two of ...")."""
    prev = prev_line.rstrip().rstrip("\"'”’")
    return (f.words >= 3 and f.end_punct and f.text[:1].islower() and not f.cue_words and not f.urlish
            and prev.endswith(("...", "…", "-", "–", "—")))


def _reads_as_sentence(f: LineFeatures) -> bool:
    """A line that is a whole sentence of prose by itself: capitalised start, several words,
    function words, a full stop; at most a stray cue word ("AP", "Share") in it."""
    if f.words < 6 or not f.end_punct or f.stamp_share > 0.3 or f.urlish or f.copyright or f.counter:
        return False
    start = f.text.lstrip(" >»-–—•*|#:~")[:1]  # after a stray marker
    if not (start.isupper() or start.isdigit() or start in "\"'“‘«("):
        return False
    return f.stop_density >= 0.2 and f.cue_words / f.words < 0.25


# Reader-comment style, measured outside quotation marks: first and second person, shouting
# ("!!", "??", whole words in capitals), a line starting in lower case. News prose instead
# attributes (said, told, according to) and quotes.
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
# case-sensitive: "US", "U.S." and "U.N." are not pronouns
_PERSONAL = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|[Mm]e|[Mm]y|[Mm]ine|[Yy]ou|[Yy]our|[Yy]ours|[Yy]ou're|u|[Ww]e|[Ww]e're"
                       r"|us|[Oo]ur|[Oo]urs|lol)\b")
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|reported|reports|announced|added|spokes\w+|officials?)\b", re.I)
_SHOUTING = re.compile(r"!|\?\?|\b[A-Z]{5,}\b(?=[^.!?]*\b[a-z]{3,}\b[^.!?]*\b[A-Z]{5,}\b)")
COMMENT_STYLE_CUT = 0.48  # mean style score above which a run of lines reads as comments


def comment_style(line: str) -> float:
    """0..1: how much a line reads like a reader's comment rather than news prose."""
    s = line.strip()
    bare = _QUOTED.sub(" ", s)
    score = 0.3
    score += 0.35 * bool(_PERSONAL.search(bare))
    score += 0.25 * bool(_SHOUTING.search(s))
    score += 0.3 * (s[:1].islower() or s[:1] in ",.")
    if _ATTRIBUTION.search(s) or len(bare) < len(s) - 4 or s[:1] in "\"“'‘":
        score -= 0.45
    return max(0.0, min(1.0, score))


def _comments_above(lines: list[str], cut: int, floor: int) -> int:
    """Comments often come above the line that revealed them (the first "| Reply" stamp,
    the comment policy): the longest run ending at ``cut`` whose lines read, on the whole,
    as comments (maximum suffix sum of style minus COMMENT_STYLE_CUT); ``cut`` when none."""
    best, best_k, total = 0.0, cut, 0.0
    for k in range(cut - 1, floor - 1, -1):
        if not lines[k].strip():
            continue
        total += comment_style(lines[k]) - COMMENT_STYLE_CUT
        if total > best:
            best, best_k = total, k
    run = [ln.strip() for ln in lines[best_k:cut] if ln.strip()]
    # first person alone is also a columnist's or a blogger's voice: readers also shout or
    # start in lower case somewhere in the run
    informal = sum(1 for ln in run if _SHOUTING.search(ln) or ln[:1].islower() or ln[:1] in ",.")
    return best_k if len(run) >= 3 and best >= 0.5 and informal >= max(1, 0.1 * len(run)) else cut


def _comment_start(lines: list[str], classes: list[str], feats: list[LineFeatures]) -> int | None:
    """Index where reader comments begin (after some body), or None; comment-styled lines
    just above the first stamp or policy sentence are comments too (``_comments_above``)."""
    cut = _comment_marker(lines, classes, feats)
    if cut is None or is_credit(lines[cut]) or _COMMENT_HEAD.match(lines[cut].strip()):
        return cut  # a credit ends the story and a heading opens the comments: nothing above is comment
    good = [i for i, c in enumerate(classes[:cut]) if c == GOOD]
    if len(good) < 4:
        return cut
    floor = good[3] + 1
    stamps = [i for i in range(cut, len(lines)) if _COMMENT_STAMP.search(lines[i])]
    if stamps and stamps[0] == cut:
        # stamped comments: above the first stamp there is at most about one comment, as
        # long as the comments between stamps run
        gaps = sorted(b - a for a, b in zip(stamps, stamps[1:], strict=False)) or [3]
        floor = max(floor, cut - max(3, 2 * gaps[len(gaps) // 2]))
    return _comments_above(lines, cut, floor)


def _comment_marker(lines: list[str], classes: list[str], feats: list[LineFeatures]) -> int | None:
    """Index where reader comments begin (after some body), or None.

    A comment stamp after three body lines starts the comments, and so does a sentence
    about the comment section ("Views expressed in the comments...") after some body. A
    comments heading ("12 Comments", "Leave a reply") or the agency credit ending a story
    ("(Reporting by ...)") does only when more body text comes before it than after it (on
    many pages the heading is a counter placed above the article)."""
    good_chars = [f.chars if c == GOOD else 0 for c, f in zip(classes, feats, strict=True)]
    total = sum(good_chars)
    seen_lines, seen_chars = 0, 0
    for i, ln in enumerate(lines):
        if seen_chars >= 100 and is_comment_policy(ln):
            return i
        if seen_lines >= 3 and _COMMENT_STAMP.search(ln):
            return i
        if seen_lines >= 3 and (_COMMENT_HEAD.match(ln.strip()) or is_credit(ln)) and seen_chars > total - seen_chars:
            return i
        if classes[i] == GOOD:
            seen_lines += 1
            seen_chars += good_chars[i]
    return None


def _main_block(classes: list[str], feats: list[LineFeatures]) -> tuple[int, int]:
    """The run of lines with the most body text, boilerplate lines counting against it
    (maximum-sum subsequence, as in boilerplate detection by Pasternack & Roth)."""
    best, best_span = 0.0, (0, len(classes) - 1)
    cur, start = 0.0, 0
    for i, (c, f) in enumerate(zip(classes, feats, strict=True)):
        if c == GOOD:
            w = float(f.chars)
        else:
            w = -min(float(max(f.chars, 25)), 120.0)
        if cur <= 0:
            cur, start = w, i
        else:
            cur += w
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


def classify_lines_detail(lines: list[str]) -> tuple[list[bool], list[str]]:
    """Keep flags and the final class of each line (for debugging and tests).

    Blank lines are not judged and are never kept (they only separate paragraphs)."""
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    keep_ne, classes_ne = _classify_nonempty([lines[i] for i in idx])
    keep, classes = [False] * len(lines), [BAD] * len(lines)
    for j, i in enumerate(idx):
        keep[i], classes[i] = keep_ne[j], classes_ne[j]
    return keep, classes


def _classify_nonempty(lines: list[str]) -> tuple[list[bool], list[str]]:
    if not lines:
        return [], []
    stops = guess_stoplist(lines)
    feats = [line_features(ln, stops) for ln in lines]
    keys = [normalise(ln) for ln in lines]
    counts = Counter(k for k in keys if k)
    classes = [_base_class(f, stops, counts[k] > 1) for f, k in zip(feats, keys, strict=True)]
    seen: set[str] = set()
    duplicate = []
    for i, k in enumerate(keys):
        # a sentence printed again (pull quote, the article repeated under the comments):
        # the first copy is judged, the others are boilerplate. A first copy already refused
        # (a photo caption that repeats the lead sentence above it) leaves the next copy to be judged.
        duplicate.append(bool(k) and k in seen and counts[k] > 1 and classes[i] != BAD)
        if classes[i] != BAD:
            seen.add(k)
    prose = [_is_prose(f, stops) or (i > 0 and _continues(lines[i - 1], f)) for i, f in enumerate(feats)]
    base = classes
    classes = _smooth(_promote_near_runs(classes), prose)
    if GOOD not in classes:
        # nothing reads as a body by context (a photo caption page, a two-line wire item):
        # keep the lines that read as prose on their own rather than empty the document (a one-
        # sentence wire brief next to a stray token is an article)
        classes = [GOOD if (b in (GOOD, NEAR) and f.end_punct) or (b == SHORT and _reads_as_sentence(f)) else c
                   for b, c, f in zip(base, classes, feats, strict=True)]
    classes = [BAD if d else c for c, d in zip(classes, duplicate, strict=True)]
    cut = _comment_start(lines, classes, feats)
    if cut is not None:
        classes[cut:] = [BAD] * (len(classes) - cut)
    if GOOD in classes:
        a, b = _main_block(classes, feats)
        body_chars = sum(f.chars for c, f in zip(classes[a : b + 1], feats[a : b + 1], strict=True) if c == GOOD)
        for i, c in enumerate(classes):
            if c == GOOD and not a <= i <= b:
                # a body-like run outside the main block survives only when it is substantial
                run = _run_chars(classes, feats, i)
                if run < 0.5 * body_chars:
                    classes[i] = BAD
    return [c == GOOD for c in classes], classes


def _run_chars(classes: list[str], feats: list[LineFeatures], i: int) -> int:
    a = i
    while a > 0 and classes[a - 1] == GOOD:
        a -= 1
    b = i
    while b + 1 < len(classes) and classes[b + 1] == GOOD:
        b += 1
    return sum(f.chars for f in feats[a : b + 1])
