"""The event layer: every sentence that reports a datable happening, clustered into events.

A sentence becomes an event mention when a temporal expression the TIMEX stage tagged in it
(already resolved against the publication date) gives a calendar value: a day, an ISO week, a
month, a year, or a range opened by "since ..." (start day to publication day). The event keeps
the value at that granularity: "in June 2014" is a month event, never the 1st of June. When a
sentence carries several, the finest one is its date (first on ties). Mentions of one happening,
in one article or many, are merged when their dates are compatible (same value at the same
granularity) and their words are similar (TF-IDF cosine), a shared entity lowering the bar.

Modality is read from the sentence with a few general English cues (no trained model of
attribution/negation modality ships offline for our CPU budget; the cues are the reporting
verbs and negation forms of any news sentence, not of one story): ``future`` when the date lies
after the publication day or the verb is a future/scheduled form, ``denied`` for a denial,
``claim`` when the sentence is attributed ("X said", "according to"), else ``fact``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from ..model import Claim, Document, Entity, Event, Span
from .dates import _REPLY, _STAMP, parse_iso
from .readable import content_start, readable
from .titles import title as event_title

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|T)")
_WEEK = re.compile(r"^\d{4}-W\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_SINCE = re.compile(r"\b(?:since|from)\s*$", re.I)
_FINER = {"day": 0, "range": 1, "week": 2, "month": 3, "year": 4}
_WORD = re.compile(r"[^\W\d_]+", re.U)

# general cues of modality in English news sentences (see the module docstring)
_DENIED = re.compile(r"\b(?:den(?:y|ies|ied|ial)|rejected (?:claims|reports|allegations)|"
                     r"dismissed (?:claims|reports|allegations)|refuted)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|is to|are to|is due to|are due to|scheduled|plans? to|planned|"
                     r"is expected to|are expected to|set to|to be held)\b", re.I)
_ATTRIB = re.compile(r"\b(?:said|says|told|according to|claimed|claims|reported|alleged|stated|announced|"
                     r"quoted|cited)\b", re.I)
_SPEAKER_AFTER = re.compile(r"^\W{0,3}(?:said|says|told|claimed|announced|added|stated)\b", re.I)
_SPEAKER_BEFORE = re.compile(r"\b(?:said|says|told|according to|claimed)\W{0,3}$", re.I)

SIM_SAME = 0.35  # TF-IDF cosine above which two same-date mentions are one happening
SIM_SHARED_ENTITY = 0.2  # ... when they also name a common entity
LEAD = 0  # undated report sentences at an article's top dated to its publication day
CROSS_ARTICLE = True  # join one day's events of different articles that are mutual best matches
# ... at this cosine or more: read on T17 LibyaWar_cnn (a dev story), the joins at 0.26+ were
# mostly one happening, those under 0.25 mostly not; the ECB+ tune pair is at 0.28
SIM_MUTUAL = 0.25
MIN_WORDS = 5  # words outside the date itself: less is a dateline or a caption, not a report


@dataclass
class Mention:
    doc: int
    start: int
    end: int
    text: str
    date: str  # ISO at its granularity (a range: its start day)
    granularity: str
    date_end: str | None
    group: str
    pub: dt.date | None
    entities: list[str] = field(default_factory=list)
    timex: str = ""  # the text of the temporal expression that dates it


def timex_date(value: str, text_before: str, pub: dt.date | None) -> tuple[str, str, str | None] | None:
    """(date, granularity, date_end) of a timex value, or None when it is not a calendar value."""
    v = value or ""
    m = _DAY.match(v)
    if m:
        day = m.group(1)
        if parse_iso(day) is None:
            return None
        if _SINCE.search(text_before) and pub and parse_iso(day) < pub:
            return day, "range", pub.isoformat()
        return day, "day", None
    if _WEEK.match(v):
        return v, "week", None
    if _MONTH.match(v) and 1 <= int(v[5:7]) <= 12:
        return v, "month", None
    if _YEAR.match(v):
        return v, "year", None
    return None


_UNRESOLVED_DAY = re.compile(r"^X{4}-(?:WXX-\d|\d{2}-\d{2})")
_UNRESOLVED_MONTH = re.compile(r"^X{4}-\d{2}$")


def _sentence_date(doc: Document, s: int, e: int, pub: dt.date | None) -> tuple[str, str, str | None, str] | None:
    """The finest calendar date a timex of the sentence gives; None when a finer timex of the
    sentence could not be resolved ("Tuesday" without a publication date: the sentence's
    happening is that Tuesday, not the year another timex names). The 4th item is the timex's text."""
    best: tuple[int, int, tuple[str, str, str | None, str]] | None = None
    unresolved = 9
    for t in doc.timexes:
        if t.type not in ("DATE", "TIME") or t.start < s or t.end > e:
            continue
        if _STAMP.match(doc.text[t.end: t.end + 20]):
            continue
        got = timex_date(t.value, doc.text[max(s, t.start - 12): t.start], pub)
        if got is None:
            v = t.value or ""
            unresolved = min(unresolved, 0 if _UNRESOLVED_DAY.match(v) else 3 if _UNRESOLVED_MONTH.match(v) else 9)
            continue
        key = (_FINER[got[1]], t.start)
        if best is None or key < best[:2]:
            best = (key[0], key[1], (*got, doc.text[t.start: t.end]))
    if best is None or unresolved < best[0]:
        return None
    return best[2]


def _words_outside_timexes(doc: Document, s: int, e: int) -> int:
    text = list(doc.text[s:e])
    for t in doc.timexes:
        if t.start >= s and t.end <= e:
            for i in range(t.start - s, t.end - s):
                text[i] = " "
    return len(_WORD.findall("".join(text)))


def mentions_of(docs: list[Document], groups: dict[str, str],
                ent_index: dict[str, list[tuple[int, int, str]]], lead: int = 0) -> list[Mention]:
    """Every sentence of the documents that a tagged timex lets one date; with ``lead``, the
    first ``lead`` report sentences of an article without a date of their own are dated to
    its publication day (a news item's lead tells what just happened)."""
    out: list[Mention] = []
    for di, doc in enumerate(docs):
        pub = parse_iso(doc.published)
        n_report = 0
        for s, e in doc.sentences:
            raw = doc.text[s:e]
            if _REPLY.search(raw):
                continue
            off = content_start(raw)
            cs = s + off + (len(raw[off:]) - len(raw[off:].lstrip()))
            text = doc.text[cs:e].strip()
            if not text or _words_outside_timexes(doc, cs, e) < MIN_WORDS:
                continue
            got = _sentence_date(doc, cs, e, pub)
            n_report += 1
            if got is None and pub and n_report <= lead and readable(text):
                got = (pub.isoformat(), "day", None, "")
            if got is None:
                continue
            ents = []
            for a, b, eid in ent_index.get(doc.id, []):
                if a >= cs and b <= e and eid not in ents:
                    ents.append(eid)
            out.append(Mention(di, cs, cs + len(text), text, got[0], got[1], got[2], groups.get(doc.id, doc.id),
                               pub, ents, got[3]))
    return out


ANALYZER = "word"


def _vectorizer() -> TfidfVectorizer:
    if ANALYZER == "char":
        return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    return TfidfVectorizer(stop_words="english", sublinear_tf=True)


def _cluster(mentions: list[Mention]) -> list[list[int]]:
    """Greedy single pass: a mention joins the most similar event of the same date, if similar
    enough (its best cosine to any member; the first such event on ties).

    Per date the cosines of its mentions are computed as one sparse product (in row blocks) and
    each mention's best event is found with numpy: a pairwise loop in Python took 24 s of a
    30 s story stage on a 400-article T17 topic."""
    if not mentions:
        return []
    try:
        x = _vectorizer().fit_transform([m.text for m in mentions])
        x = normalize(x).tocsr()
    except ValueError:  # only stop words
        return [[i] for i in range(len(mentions))]
    by_key: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(mentions):
        by_key.setdefault((m.date, m.granularity), []).append(i)
    clusters: list[list[int]] = []
    for (_date, gran), idx in by_key.items():
        first = len(clusters)
        _cluster_one_date(mentions, x, idx, clusters)
        if gran == "day" and CROSS_ARTICLE:
            _join_mutual_best(mentions, x[idx], idx, clusters, first)
    return [c for c in clusters if c]


def _cluster_one_date(mentions: list[Mention], x: csr_matrix, idx: list[int], clusters: list[list[int]],
                      block: int = 512) -> None:
    """The greedy pass over the mentions ``idx`` of one date (see ``_cluster``)."""
    rows = x[idx]
    local: list[int] = []  # this date's clusters (global ids), in creation order
    ents: list[set[str]] = []  # entities named by each of them
    own = np.full(len(idx), -1, dtype=np.int64)  # local cluster of each position
    for b0 in range(0, len(idx), block):
        sims = (rows[b0: b0 + block] @ rows.T).toarray()
        for p in range(b0, min(b0 + block, len(idx))):
            i = idx[p]
            m_ents = set(mentions[i].entities)
            best = -1
            if local:
                cmax = np.full(len(local), -1.0)
                np.maximum.at(cmax, own[:p], sims[p - b0, :p])
                need = np.full(len(local), SIM_SAME)
                for c in np.nonzero(cmax >= SIM_SHARED_ENTITY)[0]:
                    if ents[c] & m_ents:
                        need[c] = SIM_SHARED_ENTITY
                ok = cmax >= need
                if ok.any():
                    best = int(np.argmax(np.where(ok, cmax, -1.0)))
            if best < 0:
                best = len(local)
                local.append(len(clusters))
                ents.append(set())
                clusters.append([])
            own[p] = best
            ents[best] |= m_ents
            clusters[local[best]].append(i)


def _join_mutual_best(mentions: list[Mention], rows: csr_matrix, idx: list[int], clusters: list[list[int]],
                      first: int, block: int = 512) -> None:
    """Across articles, one day: two events are one happening when a sentence of one and a
    sentence of the other are each other's most similar sentence in the other's article (a
    mutual best match, cosine at least ``SIM_MUTUAL``) and no article tells both. Two
    reports of one day word it differently ("the campaign starts" / "the start of the campaign
    will be announced"), below the bar for two sentences merged on similarity alone."""
    groups = [mentions[i].group for i in idx]
    names = sorted(set(groups))
    if len(names) < 2:
        return
    gid = np.array([names.index(g) for g in groups])
    cluster_of = {i: c for c in range(first, len(clusters)) for i in clusters[c]}
    best: dict[tuple[int, int], tuple[int, float]] = {}  # (position, other article) -> (position, cosine)
    for b0 in range(0, len(idx), block):
        sims = (rows[b0: b0 + block] @ rows.T).toarray()
        for k in range(len(names)):
            cols = np.nonzero(gid == k)[0]
            sub = sims[:, cols]
            arg = np.argmax(sub, axis=1)
            for r in range(sims.shape[0]):
                p = b0 + r
                if gid[p] != k:
                    best[(p, k)] = (int(cols[arg[r]]), float(sub[r, arg[r]]))
    parent = list(range(len(clusters)))

    def root(c: int) -> int:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    told = {c: {mentions[i].group for i in clusters[c]} for c in range(first, len(clusters))}
    for (p, _k), (q, sim) in sorted(best.items(), key=lambda t: -t[1][1]):
        if sim < SIM_MUTUAL or best.get((q, int(gid[p])), (-1, 0.0))[0] != p:
            continue
        a, b = root(cluster_of[idx[p]]), root(cluster_of[idx[q]])
        if a == b or told[a] & told[b]:
            continue
        a, b = min(a, b), max(a, b)
        parent[b] = a
        told[a] |= told.pop(b)
        clusters[a] = sorted(clusters[a] + clusters[b])
        clusters[b] = []


def modality(text: str, date: str, pub: dt.date | None) -> str:
    """fact | claim | denied | future of one sentence (see the module docstring)."""
    start = parse_iso(date if len(date) >= 10 else None)
    if (start and pub and start > pub) or (pub and len(date) == 4 and int(date) > pub.year):
        return "future"
    if pub and len(date) == 7 and _MONTH.match(date) and (int(date[:4]), int(date[5:7])) > (pub.year, pub.month):
        return "future"
    if _DENIED.search(text):
        return "denied"
    if _FUTURE.search(text):
        return "future"
    if _ATTRIB.search(text):
        return "claim"
    return "fact"


def _who_where(docs: list[Document], ms: list[Mention], entities: dict[str, Entity],
               ent_index: dict[str, list[tuple[int, int, str]]]) -> tuple[list[dict[str, str]], str | None]:
    who: dict[str, str] = {}
    where = None
    for m in ms:
        doc = docs[m.doc]
        for a, b, eid in ent_index.get(doc.id, []):
            if not (a >= m.start and b <= m.end):
                continue
            ent = entities.get(eid)
            if ent is None:
                continue
            if ent.type in ("GPE", "LOC", "FAC"):
                where = where or eid
                continue
            if ent.type not in ("PERSON", "ORG", "NORP"):
                continue
            if _SPEAKER_AFTER.match(doc.text[b: b + 12]) or _SPEAKER_BEFORE.search(doc.text[max(m.start, a - 16): a]):
                role = "speaker"
            elif a - m.start < 0.4 * (m.end - m.start):
                role = "actor"
            else:
                role = "participant"
            if who.get(eid) in (None, "participant"):
                who[eid] = role
    return [{"entity": k, "role": v} for k, v in who.items()], where


def _what(title: str) -> str | None:
    """The first lower-case word ending like an English verb form in the title (a cheap predicate)."""
    for w in re.findall(r"\b[a-z]{3,}\b", title):
        if re.search(r"(?:ed|es|s)$", w) and w not in {"was", "has", "his", "its", "this", "is", "us", "as"}:
            return w
    return None


def build_events(docs: list[Document], entities: list[Entity], groups: dict[str, str],
                 ent_index: dict[str, list[tuple[int, int, str]]], lead: int = LEAD) -> list[Event]:
    """All dated events of the story, in date order (ids ``v1``...)."""
    mentions = mentions_of(docs, groups, ent_index, lead)
    by_id = {e.id: e for e in entities}
    events: list[Event] = []
    for cl in _cluster(mentions):
        ms = [mentions[i] for i in cl]
        first = ms[0]
        evidence = [Span(docs[m.doc].id, m.start, m.end) for m in ms]
        ents: list[str] = []
        for m in ms:
            ents += [e for e in m.entities if e not in ents]
        who, where = _who_where(docs, ms, by_id, ent_index)
        mods = [modality(m.text, m.date, m.pub) for m in ms]
        mod = "fact" if "fact" in mods else max(set(mods), key=mods.count)
        sources = len({m.group for m in ms})
        told = max(ms, key=lambda m: (m.granularity == first.granularity, -abs(len(m.text) - 140)))
        title = event_title(told.text, keep=told.timex or None)
        events.append(Event("", first.date, title, evidence, ents, float(sources), first.granularity,
                            first.date_end, mod, who, where, _what(title), [], sources))
    events.sort(key=lambda e: (e.date[:10], _FINER.get(e.granularity, 5), -e.sources))
    top = max([e.sources for e in events] + [1])
    for i, ev in enumerate(events):
        ev.id = f"v{i + 1}"
        ev.salience = round(ev.sources / top, 4)
    return events


def attach_claims(events: list[Event], claims: list[Claim]) -> None:
    """Each event gets the ids of the claims whose evidence span lies inside one of its evidence spans."""
    by_doc: dict[str, list[tuple[int, int, Event]]] = {}
    for ev in events:
        for sp in ev.evidence:
            by_doc.setdefault(sp.doc, []).append((sp.start, sp.end, ev))
    for c in claims:
        sp = c.evidence
        if sp is None:
            continue
        for a, b, ev in by_doc.get(sp.doc, []):
            if sp.start < b and a < sp.end and c.id not in ev.claims:
                ev.claims.append(c.id)


def day_of(event: Event) -> dt.date | None:
    """The day of a day-granularity event (None for coarser ones)."""
    return parse_iso(event.date) if event.granularity == "day" else None


__all__ = ["Mention", "attach_claims", "build_events", "day_of", "mentions_of", "modality", "timex_date"]
