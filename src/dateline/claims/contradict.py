"""Statement disagreements judged by the stance model (``stance``, trained on FNC-1).

Candidates: two sentences attributed to two different named speakers that speak of the same
thing - in one document, the later at most ``WINDOW`` sentences after the earlier, sharing a
content word and at least ``MIN_COSINE`` similar in meaning (MiniLM); across documents of the
same or the next day, ``CROSS_COSINE`` similar and sharing a name the story does not use
everywhere. The stance model reads the earlier sentence as FNC-1's headline (the claim) and the
later one as its body; a pair whose p(disagree | related) is at least ``THRESHOLD`` becomes a
statement disagreement whose ``why`` says that the model judged it.

THRESHOLD was chosen on the tune golds (ECB+ tune, tbaq_news tune, T17 claims dev) with one
corpus left out (``scripts/calibrate_stance.py``, grid 0.1-0.9): every fold chose "off". No
threshold found a gold disagreement the cue rules miss (ECB+ 0/6, tbaq_news 1/9 either way) and
0.1-0.2 add false ones on T17 (precision 8/13 -> 8/16 or 8/18). So the judge ships switched
off (THRESHOLD > 1: nothing is embedded or classified); ``threshold=`` turns it on. The
model reads two single sentences, a shorter body than FNC-1's articles, and rarely gives a
sentence pair a large disagree share. Nor does it sort the cue rules' own statement disagreements:
on the tune golds the right ones got p(disagree | related) 0.00-0.23 and the wrong ones 0.00-0.07,
so it is no precision filter either (measured, not shipped).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

import numpy as np

from ..model import Disagreement, Document, Side, Span
from .labels import strip_label

THRESHOLD = 1.01  # off: see the module doc
MIN_COSINE = 0.35
CROSS_COSINE = 0.6
WINDOW = 3
MAX_SENTENCE = 600  # characters: longer "sentences" are unsplit page text, not one statement
ENABLED = True

_WHY = re.compile(r"stance model .* p\(disagree \| related\)=(?P<p>[0-9.]+)")


def model_probability(g: Disagreement) -> float | None:
    """The model's disagree probability of a disagreement this module made (None for others)."""
    m = _WHY.search(g.why or "")
    return float(m.group("p")) if m else None


def _day(d: Document) -> date | None:
    try:
        return date.fromisoformat((d.published or "")[:10])
    except ValueError:
        return None


def stance_disagreements(docs: list[Document], source_of: Callable[..., str | None],
                         content: Callable[[str], set[str]], same: Callable[[str, str], bool],
                         stance_of: Callable[[str, int, int, str | None], str],
                         generic: Callable[[str], bool] | None = None,
                         threshold: float | None = None) -> list[Disagreement]:
    """Model-judged statement disagreements of ``docs`` (see the module doc). ``source_of``,
    ``content``, ``same`` and ``stance_of`` are the claims stage's speaker, content-word,
    same-speaker and stance readers."""
    t = THRESHOLD if threshold is None else threshold
    if not ENABLED or t > 1.0:
        return []
    stmts: list[tuple[Document, int, int, int, str]] = []  # doc, sentence index, start, end, speaker
    for d in docs:
        if d.status != "ok" or not d.text:
            continue
        sents = [(s, e) for s, e in d.sentences]
        for k, (s0, s1) in enumerate(sents):
            if s1 - s0 > MAX_SENTENCE or s1 - s0 < 25:
                continue
            src = source_of(d.text, s0, s1, sents, k)
            if src:
                stmts.append((d, k, s0, s1, src))
    if len(stmts) < 2:
        return []
    from ..embed import encode
    from .stance import LABELS, MODEL_PATH, Pair, load

    if not MODEL_PATH.exists():
        return []  # a checkout without the model file (it ships in the package): cue rules only

    texts = [strip_label(d.text[s0:s1]).strip() for d, _, s0, s1, _ in stmts]
    emb = encode(texts)
    words = [content(x) for x in texts]
    days = [_day(d) for d, *_ in stmts]
    names = [{w for w in re.findall(r"\b[A-Z][a-z]{2,}\b", x) if not (generic and generic(w))} for x in texts]
    cands: list[tuple[int, int]] = []
    # in one document (statements are in document and text order): the later within WINDOW sentences
    for i in range(len(stmts)):
        for j in range(i + 1, len(stmts)):
            if stmts[j][0] is not stmts[i][0] or stmts[j][1] - stmts[i][1] > WINDOW:
                break
            if float(emb[i] @ emb[j]) >= MIN_COSINE and words[i] & words[j] and not same(stmts[i][4], stmts[j][4]):
                cands.append((i, j))
    # across documents of the same or the next day: close in meaning and naming the same someone
    for i, j in _close_pairs(emb, days):
        di, dj = stmts[i][0], stmts[j][0]
        if di is dj or days[i] is None or days[j] is None:
            continue
        gap = (days[j] - days[i]).days
        if not (0 < gap <= 1 or (gap == 0 and di.id < dj.id)) or not (names[i] & names[j]):
            continue
        if not same(stmts[i][4], stmts[j][4]):
            cands.append((int(i), int(j)))
    if not cands:
        return []
    model = load()
    pairs = [Pair(texts[i], [texts[j]], emb[i], emb[j:j + 1]) for i, j in cands]
    full = model.predict_proba(pairs)
    # the pair is related by construction (same subject, close in meaning): what counts is how the
    # model splits its related mass, p(disagree | related)
    related = np.clip(1.0 - full[:, LABELS.index("unrelated")], 1e-9, None)
    proba = full[:, LABELS.index("disagree")] / related
    out: list[Disagreement] = []
    taken: set[int] = set()
    for (i, j), p in sorted(zip(cands, proba, strict=True), key=lambda x: -x[1]):
        if p < t or j in taken:
            continue  # one answer answers one statement: its best match
        taken.add(j)
        (da, _, a0, a1, sa), (db, _, b0, b1, sb) = stmts[i], stmts[j]
        shared = words[i] & words[j]
        topic = " ".join([w for w in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", texts[j]) if w.lower()[:5] in shared][:6]) or "statement"
        sides = [Side(source=sa, says=texts[i], evidence=Span(da.id, a0, a1), stance=stance_of(da.text, a0, a1, sa)),
                 Side(source=sb, says=texts[j], evidence=Span(db.id, b0, b1), stance="disputes")]
        why = (f"the stance model (trained on FNC-1) reads {sb}'s statement as disagreeing with {sa}'s: "
               f"p(disagree | related)={p:.2f}")
        out.append(Disagreement(id="", topic=topic, kind="statement", sides=sides, why=why))
    return out


def _close_pairs(emb: np.ndarray, days: list[date | None]) -> list[tuple[int, int]]:
    """The pairs (i, j), in row-major order, of statements at least ``CROSS_COSINE`` similar whose
    days are the same or j's the next: one block of cosines per day (that day's statements
    against those of that day and the next), not the story's all-pairs matrix."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for i, day in enumerate(days):
        if day is not None:
            by_day[day].append(i)
    out: list[tuple[int, int]] = []
    for day, rows in by_day.items():
        cols = rows + by_day.get(day + timedelta(days=1), [])
        block = emb[rows] @ emb[cols].T
        out.extend((rows[a], cols[b]) for a, b in np.argwhere(block >= CROSS_COSINE))
    out.sort()
    return out


def covered(g: Disagreement, others: list[Disagreement]) -> bool:
    """Whether another disagreement already sets the same two sentences against each other."""
    spans = {(s.evidence.doc, s.evidence.start) for s in g.sides}
    for o in others:
        ospans = [(s.evidence.doc, s.evidence.start, s.evidence.end) for s in o.sides]
        hit = sum(any(doc == od and os <= start < oe + 1 for od, os, oe in ospans) for doc, start in spans)
        if hit == len(spans):
            return True
    return False


__all__ = ["THRESHOLD", "covered", "model_probability", "stance_disagreements"]
