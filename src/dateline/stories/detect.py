"""Story detection: which articles of a pile tell the same story.

In the spirit of Story Forest (Liu et al., KDD 2017) and the news-tls CLUST baseline, with
scikit-learn and datasketch doing the counting:

1. every analysed article becomes a vector: TF-IDF of its words (title and text) and TF-IDF of
   the named entities it mentions, weighted ``1 - entity_weight`` : ``entity_weight``;
2. near-duplicates (one wire story printed by several outlets; MinHash of word 5-shingles) are
   one unit, so syndicated copies always end in one story;
3. units are read in publication order; each joins the story of highest mean cosine to its members
   (optionally damped by the days since the story's nearest member) when that is at
   least ``threshold``, else it starts a new story (single pass: adding later articles never
   reshuffles earlier ones);
4. stories whose mean cross cosine (average linkage) is at least ``merge`` are merged, most similar first
   (a single pass splits a story that starts before its vocabulary settles); with
   ``merge_in_time`` the mean is damped by the days between the two stories' spans, as in step 3;
5. with ``absorb`` > 0, a small story folds into a story at least ``1 / absorb_share`` times its
   size when the cosine of their centroids is at least ``absorb`` (a long story's side threads:
   its own members are so varied that a mean cosine to it stays low).

A story's id is a hash of its earliest member's document id, so it stays the same when later
articles join. Rejected documents are listed as such; groups smaller than ``min_documents``
are unassigned when the pile holds several stories.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .dedup import duplicate_groups
from .options import StoryOptions

if TYPE_CHECKING:
    import numpy as np

    from ..model import Document

log = logging.getLogger(__name__)
# Units compared at once in the sparse single pass (a block x block float32 matrix of cosines
# within the block, a block x live-stories one against the stories so far).
BLOCK = 1024
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
MAX_WORD_FEATURES = 1 << 15
_WORDS = r"(?u)\b[^\W\d_]{2,}\b"
_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")


@dataclass
class Story:
    """One detected story: its documents (ids, in publication order) and their date range."""

    id: str
    title: str
    documents: list[str]
    start: str | None = None
    end: str | None = None
    report: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "documents": list(self.documents), "start": self.start,
                "end": self.end, "report": self.report}


@dataclass
class StoryPartition:
    """Every input document in exactly one place: a story, ``unassigned`` or ``rejected``."""

    stories: list[Story] = field(default_factory=list)
    unassigned: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)  # {"id", "reason"}

    def to_dict(self) -> dict[str, Any]:
        """The ``stories.json`` layout."""
        return {"stories": [s.to_dict() for s in self.stories], "unassigned": list(self.unassigned),
                "rejected": [dict(r) for r in self.rejected]}

    def labels(self) -> dict[str, str]:
        """Document id -> story id (unassigned and rejected documents are left out)."""
        return {d: s.id for s in self.stories for d in s.documents}


def story_id(first_document_id: str) -> str:
    """The stable id of a story founded by this document."""
    return "s" + hashlib.sha1(first_document_id.encode("utf-8", "replace")).hexdigest()[:10]


def _day(published: str | None) -> int | None:
    m = _DATE.match(published or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3] or 1)).toordinal()
    except ValueError:
        return None


def _entity_keys(doc: Document) -> list[str]:
    keys = []
    for m in doc.mentions:
        if m.label not in ENTITY_LABELS:
            continue
        name = str(m.attrs.get("ref") or m.text)
        key = " ".join(name.lower().split())
        if len(key) > 1:
            keys.append(key)
    return keys


def document_vectors(docs: Sequence[Document], entity_weight: float = 0.3) -> Any:
    """Row-normalised sparse vectors (CSR) of the documents: words and named entities.

    Words seen once stay in (``min_df=1``): dropping them raises every cosine of a small pile
    (measured on pooled T17 piles of 30 to 2,600 articles: the mean cross-story cosine went
    from 0.036 at 30 articles to 0.029 at 2,600 with them, 0.065 to 0.030 without), so one
    threshold serves piles of any size better."""
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    n = len(docs)
    many = n >= 20
    words = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=_WORDS, dtype=np.float32,
                            max_df=0.5 if many else 1.0, max_features=MAX_WORD_FEATURES)
    texts = (f"{d.title or ''}\n{d.text}" for d in docs)  # read once: no second copy of every text
    try:
        tw = _plain_idf(words, texts)
    except ValueError:  # no word survives (tiny or empty pile)
        tw = sparse.csr_matrix((n, 0), dtype=np.float32)
    parts = [tw * math.sqrt(max(0.0, 1.0 - entity_weight))]
    if entity_weight > 0:
        ents = TfidfVectorizer(analyzer=_entity_keys, sublinear_tf=True, dtype=np.float32,
                               max_df=0.5 if many else 1.0)
        try:
            parts.append(_plain_idf(ents, list(docs)) * math.sqrt(entity_weight))
        except ValueError:
            pass
    return normalize(sparse.hstack(parts, format="csr"), copy=False)


def _plain_idf(vectorizer: Any, items: Any) -> Any:
    """Fit and transform with the idf ``ln((1 + n) / (1 + df))``: scikit-learn adds 1 to every idf,
    which gives a word found in every article of a small pile a weight as if it told stories apart
    (measured: on 18 pooled T17 articles of three stories the mean cross-story cosine was 0.049
    with it, above the threshold that separates them in larger piles).

    The items are read once (``fit_transform`` without idf and norm, then the idf and the l2 norm
    applied here): what ``fit`` then ``transform`` give, tokenising half as much."""
    import numpy as np
    from sklearn.preprocessing import normalize

    vectorizer.set_params(use_idf=False, norm=None)
    X = vectorizer.fit_transform(items).tocsr()
    n = X.shape[0]
    df = np.bincount(X.indices, minlength=X.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)).astype(X.dtype)
    X.data *= idf[X.indices]
    return normalize(X, copy=False)


def unit_similarities(rows: Any, chunk: int = 2048) -> np.ndarray:
    """The dense cosine matrix of row-normalised sparse rows (computed ``chunk`` rows at a time)."""
    import numpy as np

    n = rows.shape[0]
    out = np.zeros((n, n), dtype=np.float32)
    t = rows.T.tocsc()
    for a in range(0, n, chunk):
        out[a:a + chunk] = (rows[a:a + chunk] @ t).toarray()
    return out


def detect_stories(docs: Sequence[Document], options: StoryOptions | None = None,
                   existing: StoryPartition | None = None) -> StoryPartition:
    """Group the documents into stories (see the module docstring).

    ``existing``: the stories shown so far (``dateline add``): their documents stay in them and
    keep their ids; the other documents join them or start new stories; two existing stories
    are never merged."""
    import numpy as np
    from scipy import sparse
    from sklearn.preprocessing import normalize

    opts = options or StoryOptions()
    if existing is not None and existing.stories and all(len(s.documents) < opts.min_documents
                                                         for s in existing.stories):
        # the stories shown so far are below a story's size (a first `add` of one article is the whole
        # pile): detect afresh, as `analyze` would on these documents, and keep the shown ids
        return _keep_ids(detect_stories(docs, opts), existing)
    part = StoryPartition(rejected=[{"id": d.id, "reason": d.error or "rejected"} for d in docs if d.status != "ok"])
    ok = [d for d in docs if d.status == "ok" and d.text.strip()]
    part.rejected += [{"id": d.id, "reason": "no text"} for d in docs if d.status == "ok" and not d.text.strip()]
    if not ok:
        return part
    old_of = existing.labels() if existing is not None else {}
    old_ids = [s.id for s in existing.stories] if existing is not None else []
    old_index = {sid: k for k, sid in enumerate(old_ids)}
    days = [_day(d.published) for d in ok]
    X = document_vectors(ok, opts.entity_weight)
    # units: groups of near-duplicates, each read at its earliest member's date
    group = duplicate_groups([d.text for d in ok], opts.duplicate)
    members: dict[int, list[int]] = {}
    for i, g in enumerate(group):
        members.setdefault(g, []).append(i)

    def unit_day(g: int) -> int:
        return min((days[i] for i in members[g] if days[i] is not None), default=NEVER)

    def unit_story(g: int) -> int:
        return min((old_index[old_of[ok[i].id]] for i in members[g] if ok[i].id in old_of), default=-1)

    # existing stories' units first (their labels fixed), then the rest in publication order
    units = sorted(members, key=lambda g: (unit_story(g) < 0, unit_day(g), ok[g].id))
    fixed = np.array([unit_story(g) for g in units if unit_story(g) >= 0], dtype=np.int64)
    rows = [u for u, g in enumerate(units) for _ in members[g]]
    cols = [i for g in units for i in members[g]]
    pick = sparse.csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(len(units), len(ok)))
    U = normalize(pick @ X)
    unit_days = np.array([unit_day(g) for g in units])
    merge_at = opts.threshold if opts.merge is None else opts.merge
    damp: dict[str, Any] = {"days": unit_days, "scale": opts.time_scale_days} if opts.merge_in_time else {}
    if opts.neighbours > 0:  # the k-nearest-members score needs every cosine: the dense matrix (quadratic)
        sim = unit_similarities(U)
        label = _single_pass(sim, unit_days, opts, fixed, len(old_ids))
        groups = _merge(sim, label, merge_at, frozen=len(old_ids), **damp)
    else:
        label = _single_pass_sparse(U, unit_days, opts, fixed, len(old_ids))
        groups = _merge_sparse(U, label, merge_at, frozen=len(old_ids), **damp)
    if opts.absorb > 0:
        groups = absorb_fragments(U, groups, unit_days, opts, frozen=len(old_ids),
                                  weights=np.array([len(members[g]) for g in units]))
    if opts.attach > 0:
        groups = attach_fragments(U, groups, opts, frozen=len(old_ids), days=unit_days)
    # the partition
    stories: list[Story] = []
    small: list[str] = []
    for cluster, unit_list in groups:
        idx = sorted((i for u in unit_list for i in members[units[u]]), key=lambda i: (_key(days[i]), ok[i].id))
        if cluster >= len(old_ids) and len(idx) < opts.min_documents:
            small.extend(ok[i].id for i in idx)
            continue
        story = _story(ok, X, idx, days)
        if cluster < len(old_ids):
            story.id = old_ids[cluster]
        stories.append(story)
    if len(stories) <= 1 and existing is None:  # one story (or none big enough): the whole pile, as before
        idx = sorted(range(len(ok)), key=lambda i: (_key(days[i]), ok[i].id))
        stories, small = [_story(ok, X, idx, days)], []
    stories.sort(key=lambda s: (-len(s.documents), s.id))
    part.stories, part.unassigned = stories, small
    return part


def _keep_ids(part: StoryPartition, existing: StoryPartition) -> StoryPartition:
    """Each story of ``part`` that holds documents of an ``existing`` story takes that story's id
    (the largest new story first; an id is used once)."""
    old_of = existing.labels()
    used: set[str] = set()
    for story in sorted(part.stories, key=lambda s: -len(s.documents)):
        for d in story.documents:
            old = old_of.get(d)
            if old is not None and old not in used:
                story.id = old
                used.add(old)
                break
    return part


NEVER = 10**9


def _key(day: int | None) -> int:
    return NEVER if day is None else day


def _single_pass(sim: np.ndarray, days: np.ndarray, opts: StoryOptions, fixed: np.ndarray | None = None,
                 n_fixed_stories: int = 0) -> np.ndarray:
    """Each unit (in order) joins the story of highest mean cosine to its members, or starts one.

    ``fixed``: the stories (``0 .. n_fixed_stories - 1``) of the first ``len(fixed)`` units."""
    import numpy as np

    n = len(sim)
    label = np.full(n, -1, dtype=np.int64)
    m = 0 if fixed is None else len(fixed)
    label[:m] = fixed if fixed is not None else []
    size = [int(c) for c in np.bincount(label[:m], minlength=n_fixed_stories)] if m or n_fixed_stories else []
    lo = [NEVER] * len(size)
    hi = [NEVER] * len(size)
    for u in range(m):
        day, c = int(days[u]), int(label[u])
        if day != NEVER:
            lo[c] = day if lo[c] == NEVER else min(lo[c], day)
            hi[c] = day if hi[c] == NEVER else max(hi[c], day)
    for u in range(m, n):
        k = len(size)
        if k:
            mean = _story_scores(sim[u, :u], label[:u], k, size, opts.neighbours)
            day = int(days[u])
            if opts.time_scale_days > 0 and day != NEVER:
                los, his = np.asarray(lo), np.asarray(hi)
                gap = np.where(los == NEVER, 0, np.maximum(0, np.maximum(los - day, day - his)))
                mean = mean * np.exp(-gap / opts.time_scale_days)
            best = int(np.argmax(mean))
            if mean[best] >= opts.threshold:
                label[u] = best
                size[best] += 1
                if day != NEVER:
                    lo[best] = day if lo[best] == NEVER else min(lo[best], day)
                    hi[best] = day if hi[best] == NEVER else max(hi[best], day)
                continue
        label[u] = k
        size.append(1)
        lo.append(int(days[u]))
        hi.append(int(days[u]))
    return label


def _story_scores(sims: np.ndarray, labels: np.ndarray, k: int, size: list[int], neighbours: int) -> np.ndarray:
    """Per story, the mean cosine of a unit to its members (``neighbours`` > 0: to its that many
    most similar members, so a long story whose vocabulary drifts still takes its later articles)."""
    import numpy as np

    if neighbours <= 0:
        return np.bincount(labels, weights=sims, minlength=k) / np.maximum(np.asarray(size), 1)
    order = np.lexsort((-sims, labels))
    lab = labels[order]
    starts = np.searchsorted(lab, np.arange(k))
    rank = np.arange(len(lab)) - starts[lab]
    keep = rank < neighbours
    tot = np.bincount(lab[keep], weights=sims[order][keep], minlength=k)
    return tot / np.maximum(np.minimum(np.asarray(size), neighbours), 1)


class _Spans:
    """Per story, the first and last day of its dated units, and the damping ``exp(-gap / scale)``
    of the days between two stories' spans (1 when either has no date or ``scale`` is 0)."""

    def __init__(self, label: np.ndarray, k: int, days: np.ndarray | None, scale: float) -> None:
        import numpy as np

        self.scale = scale if days is not None else 0.0
        self.lo = np.full(k, NEVER, dtype=np.int64)
        self.hi = np.full(k, -1, dtype=np.int64)
        if self.scale > 0 and days is not None:
            dated = days != NEVER
            np.minimum.at(self.lo, label[dated], days[dated])
            np.maximum.at(self.hi, label[dated], days[dated])

    def join(self, a: int, b: int) -> None:
        self.lo[a] = min(self.lo[a], self.lo[b])
        self.hi[a] = max(self.hi[a], self.hi[b])

    def factor(self, a: int, others: np.ndarray) -> np.ndarray | float:
        import numpy as np

        if self.scale <= 0 or self.lo[a] == NEVER:
            return 1.0
        lo, hi = self.lo[others], self.hi[others]
        gap = np.maximum(0, np.maximum(lo - self.hi[a], self.lo[a] - hi))
        return np.where(lo == NEVER, 1.0, np.exp(-gap / self.scale))


def _merge(sim: np.ndarray, label: np.ndarray, threshold: float, frozen: int = 0, days: np.ndarray | None = None,
           scale: float = 0.0) -> list[tuple[int, list[int]]]:
    """Average-linkage merging of the single pass's stories while two are ``threshold`` similar:
    (story index, its units) per story left. Stories ``< frozen`` are never merged with each other
    (a new story merging into one keeps the older index). ``days`` and ``scale``: the mean cosine
    is damped by ``exp(-gap / scale)``, ``gap`` the days between the two stories' spans.

    Average linkage is reducible, so a lazy max-heap of pairs gives the exact greedy order."""
    import heapq

    import numpy as np
    from scipy import sparse

    k = max(int(label.max()) + 1, frozen)
    n = len(label)
    pick = sparse.csr_matrix((np.ones(n), (label, np.arange(n))), shape=(k, n))
    tot = np.asarray((pick @ sparse.csr_matrix(sim) @ pick.T).todense(), dtype=np.float64)  # sums of cosines
    size = np.maximum(np.bincount(label, minlength=k), 1).astype(np.float64)
    groups: dict[int, list[int]] = {c: [] for c in range(k)}
    for u, c in enumerate(label):
        groups[int(c)].append(u)
    version = [0] * k
    heap: list[tuple[float, int, int, int, int]] = []
    spans = _Spans(label, k, days, scale)

    def push(a: int, others: np.ndarray) -> None:
        avg = tot[a, others] / (size[a] * size[others]) * spans.factor(a, others)
        for b, v in zip(others, avg, strict=True):
            if v >= threshold and not (a < frozen and b < frozen):
                heapq.heappush(heap, (-float(v), a, int(b), version[a], version[int(b)]))

    for a in range(k):
        push(a, np.arange(a + 1, k))
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in groups or b not in groups or version[a] != va or version[b] != vb:
            continue
        a, b = min(a, b), max(a, b)
        tot[a, :] += tot[b, :]
        tot[:, a] += tot[:, b]
        size[a] += size[b]
        spans.join(a, b)
        groups[a].extend(groups.pop(b))
        version[a] += 1
        alive = np.array([c for c in groups if c != a], dtype=np.int64)
        if len(alive):
            push(a, alive)
    return [(c, g) for c, g in groups.items() if g]


def absorb_fragments(U: Any, groups: list[tuple[int, list[int]]], days: np.ndarray, opts: StoryOptions,
                     frozen: int = 0, weights: np.ndarray | None = None) -> list[tuple[int, list[int]]]:
    """Small stories folded into a much larger one whose centroid they share.

    The mean cosine to a large story is bounded by how alike its own articles are: a long story
    (months of a disaster told from every side) has a low mean cosine between its own members,
    so a side thread (the clean-up, the company's asset sale) that starts after the single pass
    opened the story stays below the join threshold and ends as a fragment of its own. The
    cosine between the two centroids (the sums of their unit vectors) does not shrink with the
    larger story's spread. A story of ``n`` documents joins the story of highest centroid cosine
    (damped by the days between their spans, as in the single pass) among those of at least
    ``n / opts.absorb_share`` documents when it is at least ``opts.absorb``; the larger one keeps
    its index (an existing story's id; stories ``< frozen`` are never folded into another). One step, on the stories as the merge left them:
    the large stories themselves never absorb each other (their centroids drift to the pile's
    common words, so centroid cosines between large stories say little).
    ``weights``: documents per unit (default one)."""
    import numpy as np
    from scipy import sparse
    from sklearn.preprocessing import normalize

    if len(groups) < 2 or opts.absorb_share <= 0:
        return groups
    w = np.ones(U.shape[0]) if weights is None else np.asarray(weights, dtype=np.float64)
    k = len(groups)
    rows = [u for j, (_, units) in enumerate(groups) for u in units]
    cols = [j for j, (_, units) in enumerate(groups) for _ in units]
    ind = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (cols, rows)), shape=(k, U.shape[0]))
    cent = normalize(ind @ U)
    size = np.array([w[units].sum() for _, units in groups])
    never = NEVER
    lo = np.array([min((int(days[u]) for u in units if days[u] != never), default=never) for _, units in groups])
    hi = np.array([max((int(days[u]) for u in units if days[u] != never), default=never) for _, units in groups])
    big = np.flatnonzero(size * opts.absorb_share >= 1)  # a story can take one of a document at least
    if not big.size:
        return groups
    cos = (cent @ cent[big].T).toarray()
    target = np.full(k, -1, dtype=np.int64)
    for a in range(k):
        if groups[a][0] < frozen:  # a story already shown stays as it is (it may only take others)
            continue
        ok = (size[big] * opts.absorb_share >= size[a]) & (big != a)
        if not ok.any():
            continue
        score = np.where(ok, cos[a], -1.0)
        if opts.time_scale_days > 0 and lo[a] != never:
            gap = np.maximum(0, np.maximum(lo[big] - hi[a], lo[a] - hi[big]))
            gap = np.where(lo[big] == never, 0, gap)
            score = score * np.exp(-gap / opts.time_scale_days)
        best = int(np.argmax(score))
        if score[best] >= opts.absorb:
            target[a] = int(big[best])
    if not (target >= 0).any():
        return groups

    def root(a: int) -> int:
        while target[a] >= 0:
            a = int(target[a])
        return a

    out: dict[int, list[int]] = {}
    index: dict[int, int] = {}
    for a in range(k):
        r = root(a)
        out.setdefault(r, []).extend(groups[a][1])
        index[r] = min(index.get(r, groups[r][0]), groups[a][0])
    return [(index[r], units) for r, units in out.items()]


def attach_fragments(U: Any, groups: list[tuple[int, list[int]]], opts: StoryOptions,
                     frozen: int = 0, days: np.ndarray | None = None) -> list[tuple[int, list[int]]]:
    """Stories folded into a larger one their units sit next to (nearest-neighbour linkage).

    A long story's own articles are varied, so the mean cosine of a side thread to it (the merge's
    average linkage) sinks with its size and settles near the threshold: which side of it the
    thread ends on then turns on a few words of any article (measured: a 32-article thread of a
    7-month war, mean cosine 0.0246 to the war's story against 0.025 to merge, split off when a
    cleaning change kept a few more lines of 20 of its 1,200 articles). The articles of the thread
    still have close neighbours in the story: ``link(a, b)``, the mean over the units of ``a`` of
    their mean cosine to their ``opts.attach_k`` nearest units of ``b``, against the same within
    ``a`` (its cohesion; a story of ``attach_k`` units or fewer has no ``attach_k`` neighbours of
    its own to measure it, and stays). A story joins the story of highest link when that
    story has at least twice its units, the link is at least ``opts.attach`` times its cohesion and
    ``opts.attach_margin`` times its link to the next story (its neighbours lie in that one story,
    not spread over the pile as a loose group's are; the margin is taken on links not damped by
    time, so a story of its own is not taken for a thread of the one big story of its months).
    With ``days`` (per unit) each link is damped by the days between the two stories' spans as
    in the single pass before the best is chosen and held against the cohesion; stories
    ``< frozen`` are never folded into another. One step: a story whose chosen story is itself
    folded into another stays as it is."""
    import numpy as np

    if len(groups) < 2:
        return groups
    k = max(1, opts.attach_k)
    sizes = np.array([len(units) for _, units in groups])
    owner = np.full(U.shape[0], -1, dtype=np.int64)
    for j, (_, units) in enumerate(groups):
        owner[units] = j
    Ut = U.T.tocsc()
    label = owner.copy()
    label[label < 0] = len(groups)
    spans = _Spans(label, len(groups) + 1, days, opts.time_scale_days)
    target = np.full(len(groups), -1, dtype=np.int64)
    for a, (cluster, units) in enumerate(groups):
        if cluster < frozen or len(units) <= k:  # its cohesion needs k neighbours of its own
            continue
        bigger = np.flatnonzero(sizes >= 2 * len(units))
        if not bigger.size:
            continue
        S = (U[units] @ Ut).toarray()
        inside = S[:, units]
        np.fill_diagonal(inside, -np.inf)
        cohesion = float(np.sort(inside, axis=1)[:, -k:].mean())
        if cohesion <= 0:
            continue
        links = []
        for b in np.flatnonzero(sizes >= 2):
            if b == a:
                continue
            cols = S[:, owner == b]
            link = float(np.sort(cols, axis=1)[:, -min(k, cols.shape[1]):].mean())
            links.append((link * float(np.asarray(spans.factor(a, np.array([b]))).ravel()[0]), link, int(b)))
        if not links:
            continue
        best_link, raw, best = max(links)
        second = max((r for _, r, b in links if b != best), default=0.0)
        if best in bigger and best_link >= opts.attach * cohesion and raw >= opts.attach_margin * second:
            target[a] = best
    if not (target >= 0).any():
        return groups
    out: dict[int, list[int]] = {}
    index: dict[int, int] = {}
    for a in range(len(groups)):
        r = a if target[a] < 0 or target[int(target[a])] >= 0 else int(target[a])
        out.setdefault(r, []).extend(groups[a][1])
        index[r] = min(index.get(r, groups[r][0]), groups[a][0])
    return [(index[r], units) for r, units in out.items()]


def _max_gap(opts: StoryOptions) -> float:
    """Days beyond which the damping alone puts a story below the threshold (a mean cosine is at most 1)."""
    if opts.time_scale_days <= 0 or opts.threshold <= 0:
        return math.inf
    return opts.time_scale_days * math.log(1.0 / opts.threshold) if opts.threshold < 1 else 0.0


def _single_pass_sparse(U: Any, days: np.ndarray, opts: StoryOptions, fixed: np.ndarray | None = None,
                        n_fixed_stories: int = 0, block: int = BLOCK) -> np.ndarray:
    """``_single_pass`` without the units x units matrix: the same decisions in memory linear in the pile.

    A unit's mean cosine to a story's members is its dot product with the sum of their vectors
    divided by their number, so the pass keeps one sparse sum per story (at most the non-zeros of
    the units). Units are taken ``block`` at a time: one sparse product against the sums of the
    stories still within reach in time (a story more than ``_max_gap`` days from every unit of the
    block cannot reach the threshold once damped), and the block's own cosines for the units that
    joined or started a story earlier in the block."""
    import numpy as np
    from scipy import sparse

    n, width = U.shape
    never = NEVER
    label = np.full(n, -1, dtype=np.int64)
    m = 0 if fixed is None else len(fixed)
    if m:
        label[:m] = fixed
    cap = n_fixed_stories + n + 1
    size = np.zeros(cap, dtype=np.float64)
    lo = np.full(cap, never, dtype=np.int64)
    hi = np.full(cap, never, dtype=np.int64)
    k = n_fixed_stories
    if m:
        size[:k] = np.bincount(label[:m], minlength=k)[:k]
        dated = days[:m] != never
        np.minimum.at(lo, label[:m][dated], days[:m][dated])
        hi_fixed = np.full(cap, -1, dtype=np.int64)
        np.maximum.at(hi_fixed, label[:m][dated], days[:m][dated])
        hi = np.where(hi_fixed >= 0, hi_fixed, never)
    sums = _indicator(label[:m], k) @ U[:m] if m else sparse.csr_matrix((k, width), dtype=np.float32)
    sums = sparse.csr_matrix(sums, dtype=np.float32)
    reach = _max_gap(opts)
    scale = opts.time_scale_days
    pos = np.full(cap, -1, dtype=np.int64)
    for a in range(m, n, max(1, block)):
        b = min(n, a + max(1, block))
        Ub = U[a:b]
        bd = days[a:b]
        live = np.arange(k)
        if k and math.isfinite(reach) and scale > 0 and not (bd == never).any():
            dmin, dmax = int(bd.min()), int(bd.max())
            gap = np.maximum(0, np.maximum(lo[:k] - dmax, dmin - hi[:k]))
            gap[lo[:k] == never] = 0
            live = np.flatnonzero(gap <= reach)
        P = (Ub @ sums[live].T).toarray() if live.size else np.zeros((b - a, 0), dtype=np.float32)
        D = (Ub @ Ub.T).toarray()
        cand = list(live)
        pos[live] = np.arange(live.size)
        for j in range(b - a):
            u = a + j
            day = int(bd[j])
            c = np.asarray(cand, dtype=np.int64)
            if c.size:
                tot = np.zeros(c.size, dtype=np.float64)
                tot[:live.size] = P[j]
                if j:
                    tot += np.bincount(pos[label[a:u]], weights=D[j, :j], minlength=c.size)
                mean = tot / np.maximum(size[c], 1)
                if scale > 0 and day != never:
                    gap = np.where(lo[c] == never, 0, np.maximum(0, np.maximum(lo[c] - day, day - hi[c])))
                    mean = mean * np.exp(-gap / scale)
                best = int(np.argmax(mean))
                if mean[best] >= opts.threshold:
                    s = int(c[best])
                    label[u] = s
                    size[s] += 1
                    if day != never:
                        lo[s] = day if lo[s] == never else min(lo[s], day)
                        hi[s] = day if hi[s] == never else max(hi[s], day)
                    continue
            label[u] = k
            size[k] = 1
            lo[k] = hi[k] = day
            pos[k] = len(cand)
            cand.append(k)
            k += 1
        pos[np.asarray(cand, dtype=np.int64)] = -1
        sums.resize((k, width))
        sums = (sums + _indicator(label[a:b], k) @ Ub).tocsr()
    return label


def _indicator(label: np.ndarray, k: int) -> Any:
    """The k x len(label) 0/1 matrix putting each item in its story."""
    import numpy as np
    from scipy import sparse

    n = len(label)
    return sparse.csr_matrix((np.ones(n, dtype=np.float32), (label, np.arange(n))), shape=(k, n))


def _merge_sparse(U: Any, label: np.ndarray, threshold: float, frozen: int = 0, days: np.ndarray | None = None,
                  scale: float = 0.0, cells: int = 1 << 24) -> list[tuple[int, list[int]]]:
    """``_merge`` on per-story sums of unit vectors instead of the units x units matrix: the same merges.

    The sum of cosines between two stories is the dot product of their sums. Pairs at or above
    ``threshold`` are found ``cells`` products at a time and kept; average linkage is reducible
    (the mean of a merged story to a third is a weighted mean of its parts' means), so after a
    merge only the kept neighbours of its two parts can be at the threshold, and just those are
    recomputed. With time damping the neighbours are still kept by the undamped mean (which stays
    reducible, and the damped mean is never above it) and the heap holds the damped one."""
    import heapq

    import numpy as np
    from scipy import sparse

    k = max(int(label.max()) + 1 if len(label) else 0, frozen)
    sums = sparse.csr_matrix(_indicator(label, k) @ U, dtype=np.float32)
    size = np.maximum(np.bincount(label, minlength=k), 1).astype(np.float64)
    groups: dict[int, list[int]] = {c: [] for c in range(k)}
    for u, c in enumerate(label):
        groups[int(c)].append(u)
    near: dict[int, set[int]] = {c: set() for c in range(k)}
    version = [0] * k
    heap: list[tuple[float, int, int, int, int]] = []
    rows: dict[int, Any] = {}  # merged stories' sums
    spans = _Spans(label, k, days, scale)

    def row(c: int) -> Any:
        return rows[c] if c in rows else sums[c]

    step = max(1, cells // max(k, 1))
    sums_t = sums.T.tocsc()
    for a0 in range(0, k, step):
        block = (sums[a0:a0 + step] @ sums_t).toarray()
        avg = block / (size[a0:a0 + step, None] * size[None, :])
        for i, b in zip(*np.nonzero(avg >= threshold), strict=True):
            a, b = a0 + int(i), int(b)
            if b <= a or (a < frozen and b < frozen):
                continue
            near[a].add(b)
            near[b].add(a)
            v = float(avg[i, b] * spans.factor(a, np.array([b]))[0]) if spans.scale > 0 else float(avg[i, b])
            if v >= threshold:
                heapq.heappush(heap, (-v, a, b, 0, 0))
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in groups or b not in groups or version[a] != va or version[b] != vb:
            continue
        a, b = min(a, b), max(a, b)
        merged = row(a) + row(b)
        rows[a] = merged
        rows.pop(b, None)
        size[a] += size[b]
        spans.join(a, b)
        groups[a].extend(groups.pop(b))
        version[a] += 1
        others = sorted((near.pop(b) | near[a]) - {a, b})
        for c in others:
            near[c].discard(b)
            near[c].discard(a)
        near[a] = set()
        if not others:
            continue
        dots = (sparse.vstack([row(c) for c in others]) @ merged.T).toarray().ravel()
        damp = spans.factor(a, np.asarray(others))
        damp = np.broadcast_to(np.asarray(damp, dtype=np.float64), (len(others),))
        for c, dot, f in zip(others, dots, damp, strict=True):
            v = dot / (size[a] * size[c])
            if v >= threshold and not (a < frozen and c < frozen):
                near[a].add(c)
                near[c].add(a)
                if v * f >= threshold:
                    heapq.heappush(heap, (-float(v * f), a, c, version[a], version[c]))
    return [(c, g) for c, g in groups.items() if g]


def _story(ok: Sequence[Document], X: Any, idx: list[int], days: list[int | None]) -> Story:
    import numpy as np

    centroid = np.asarray(X[idx].sum(axis=0)).ravel()
    scores = X[idx] @ centroid
    order = [idx[j] for j in np.argsort(-np.asarray(scores).ravel(), kind="stable")]
    titled = [i for i in order if ok[i].title and ok[i].title.strip()]
    rep = ok[titled[0]] if titled else ok[order[0]]
    title = (rep.title or "").strip() or _first_sentence(rep)
    dated = sorted(d for i in idx if (d := days[i]) is not None)
    iso = [dt.date.fromordinal(d).isoformat() for d in dated]
    return Story(id=story_id(ok[idx[0]].id), title=title, documents=[ok[i].id for i in idx],
                 start=iso[0] if iso else None, end=iso[-1] if iso else None)


def pick_story(part: StoryPartition, docs: Sequence[Document], keywords: Sequence[str]) -> Story:
    """The story whose articles name the keywords most: the largest share of its articles naming
    one, then the most keyword occurrences per article, then the larger story."""
    by_id = {d.id: d for d in docs}
    words = [re.compile(r"\b" + re.escape(k.strip().lower()) + r"\b") for k in keywords if k.strip()]

    def key(story: Story) -> tuple[float, float, int]:
        texts = [f"{by_id[i].title or ''} {by_id[i].text}".lower() for i in story.documents if i in by_id]
        counts = [sum(len(w.findall(t)) for w in words) for t in texts]
        n = max(1, len(counts))
        return sum(1 for c in counts if c) / n, sum(counts) / n, len(story.documents)

    return max(part.stories, key=key)


def whole_pile(docs: Sequence[Document]) -> StoryPartition:
    """One story holding every analysed document (what ``--one-story`` asks for)."""
    part = StoryPartition(rejected=[{"id": d.id, "reason": d.error or "rejected"} for d in docs if d.status != "ok"])
    ok = sorted((d for d in docs if d.status == "ok"), key=lambda d: (_key(_day(d.published)), d.id))
    if not ok:
        return part
    days = [_day(d.published) for d in ok]
    dated = sorted(d for d in days if d is not None)
    rep = next((d for d in ok if d.title and d.title.strip()), ok[0])
    part.stories = [Story(id=story_id(ok[0].id), title=(rep.title or "").strip() or _first_sentence(rep),
                          documents=[d.id for d in ok],
                          start=dt.date.fromordinal(dated[0]).isoformat() if dated else None,
                          end=dt.date.fromordinal(dated[-1]).isoformat() if dated else None)]
    return part


def _first_sentence(doc: Document) -> str:
    if doc.sentences:
        text = doc.sentence_text(0)
    else:
        text = doc.text[:200]
    text = " ".join(text.split())
    return text if len(text) <= 120 else text[:117].rsplit(" ", 1)[0] + "..."
