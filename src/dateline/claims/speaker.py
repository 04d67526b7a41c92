"""Who says it, read from the dependency parse: the speaker of each reporting verb of a sentence.

A speaker is always a whole noun phrase of the parse, never a window of words: the subject
subtree of a reporting verb ("national disaster agency spokesman Jane Doe said"), the object of
"according to", the agent of a passive ("was reported by the agency"); a bare passive ("it was
reported that ...") has no speaker (null). Verbs that share a subject with the verb they hang
from ("... but said", "..., saying") take that verb's subject. Adverbs, clauses and the words
before the phrase ("Mohammed poignantly told", "But officials said") are not part of it.

The stance of a statement comes from the reporting verb's lemma (``STANCE``: a general table
of English reporting verbs, not of any story) and its negation ("could not confirm" doubts).

Parses come from the project's spaCy pipeline (``nlp.load_pipeline``; the document phase keeps
no parse, so the sentences that contain a reporting verb are parsed again here, in batches,
and cached by their text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# lemma -> stance (says | estimates | claims | denies | acknowledges | disputes | doubts)
STANCE: dict[str, str] = {
    **dict.fromkeys(("say", "tell", "report", "announce", "state", "add", "declare", "note", "explain",
                     "write", "describe", "testify", "warn", "indicate", "quote", "cite", "reply", "respond",
                     "answer", "recall", "reveal", "disclose", "inform", "brief", "stress", "emphasise",
                     "emphasize", "observe", "remark", "comment", "mention", "point", "announce", "publish",
                     "tweet", "post", "show", "record", "register", "list", "condemn", "urge", "lament",
                     "complain", "decry", "fume", "identify", "yell", "shout", "praise", "welcome", "credit", "express",
                     "advise", "recommend", "call", "dub", "label", "brand", "tout", "hail"), "says"),
    **dict.fromkeys(("estimate", "calculate", "count", "put", "predict", "project", "forecast", "expect",
                     "believe", "think", "suggest", "reckon", "suspect", "fear", "assess", "tally"), "estimates"),
    **dict.fromkeys(("claim", "allege", "assert", "insist", "maintain", "contend", "argue", "charge",
                     "accuse", "boast", "swear", "vow", "pledge", "promise", "criticise", "criticize"), "claims"),
    **dict.fromkeys(("deny", "reject", "dismiss", "refute", "rebut", "repudiate", "rebuff"), "denies"),
    **dict.fromkeys(("acknowledge", "admit", "concede", "confirm", "recognise", "recognize", "accept",
                     "verify", "corroborate", "confess"), "acknowledges"),
    **dict.fromkeys(("dispute", "contest", "challenge", "contradict", "counter", "question", "discount"), "disputes"),
    **dict.fromkeys(("doubt", "downplay"), "doubts"),
}
_NEGATED = {"acknowledges": "doubts", "says": None, "claims": None, "estimates": None}
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "put": "put", "puts": "put", "putting": "put",
              "thought": "think", "swore": "swear", "sworn": "swear", "wrote": "write", "written": "write",
              "saying": "say", "telling": "tell", "writing": "write", "testified": "testify",
              "testifies": "testify", "denied": "deny", "denies": "deny", "replied": "reply",
              "replies": "reply", "implied": "imply", "quoted": "quote", "cited": "cite"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me"}
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
_DEFINITE = {"the", "this", "that", "these", "those"}
_BARE_OK = {"say", "tell", "add", "report", "confirm", "claim", "estimate", "deny", "acknowledge", "admit",
            "insist", "warn", "explain", "announce", "state", "write", "testify", "allege", "confess"}  # '..., he added.'
# verbs that name or characterise ("called him a traditional boss", "dubbed the 'Oddfather' by tabloids"): a
# statement only with the naming complement or a passive's agent
# ("called for calm", "called police" are no statement)
_NAMING = {"call", "dub", "label", "brand", "tout", "hail"}
_LIGHT = {"make", "makes", "made", "making"}
_RAISING = {"believe", "think", "say", "report", "estimate", "suspect", "allege"}
_CLAIMED_THINGS = {"life", "lives", "title", "titles", "crown", "victory", "win", "prize", "medal", "seat", "seats"}
_LIGHT_NOUNS = {"note", "mention"}  # lemmas of ``STANCE`` a light verb "make" turns into a report
MAX_WORDS = 14  # a longer subject keeps its head and what is before it


def lemma(word: str) -> str | None:
    """The reporting-verb lemma of an inflected form ("said" -> "say", "denies" -> "deny"), None
    if the word is not a reporting verb. Regular English inflection plus a few irregular verbs."""
    w = word.lower()
    if w in _IRREGULAR:
        irregular = _IRREGULAR[w]
        return irregular if irregular in STANCE else None
    if w in STANCE:
        return w
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                         ("es", ""), ("s", ""), ("d", "")):
        if w.endswith(suffix) and (stem := w[: len(w) - len(suffix)] + repl) in STANCE:
            return stem
    # a doubled final consonant: "admitted", "admitting"
    stem = w[:-4] if w.endswith("ing") and len(w) > 6 and w[-4] == w[-5] else (
        w[:-3] if w.endswith("ed") and len(w) > 5 and w[-3] == w[-4] else "")
    if stem in STANCE:
        return stem
    return None


@dataclass(frozen=True)
class Tok:
    start: int  # offsets relative to the parsed sentence
    end: int
    text: str
    pos: str
    dep: str
    head: int  # index in the sentence


@dataclass
class Speech:
    """One reporting act of a sentence; offsets absolute in the document's text."""

    verb: str  # lemma ("say"), "according to" for "according to X"
    verb_pos: int
    source: str | None  # the speaker's noun phrase as written; None: nobody named ("it was reported")
    start: int
    end: int
    stance: str | None
    pronoun: bool = False  # "he said": the caller resolves it to the speaker named before
    anaphor: bool = False  # "the source said", "the ministry said": may name a speaker named before
    head: str = ""  # the speaker phrase's head word ("spokesman")
    scope: tuple[int, int] | None = None  # the clause the verb governs (figures inside are its)
    orphan: bool = False  # a main reporting verb without a subject in the parse (misparse)
    embedded: bool = False  # said inside a relative clause ("a video in which his son said"): not who "he" is


_CACHE: dict[str, tuple[Tok, ...]] = {}
_CACHE_MAX = 50_000


def _candidate(sentence: str) -> bool:
    """Whether a sentence may hold a reporting verb (cheap filter before parsing)."""
    return (any(lemma(w) is not None or w.lower() == "according" for w in re.findall(r"[A-Za-z]+", sentence))
            or sentence.lstrip().lower().startswith("per "))


_GLUED_QUOTE = re.compile(r"(?<=[,.!?])[\"”](?=[A-Za-z])")


def prime(sentences: list[str]) -> None:
    """Parse (in one batch) the sentences not parsed yet that may hold a reporting verb."""
    todo = list(dict.fromkeys(s for s in sentences if s not in _CACHE and _candidate(s)))
    if not todo:
        return
    from ..nlp import load_pipeline

    nlp = load_pipeline()
    if len(_CACHE) + len(todo) > _CACHE_MAX:
        _CACHE.clear()
    disable = [p for p in ("ner",) if p in nlp.pipe_names]
    # a closing quote glued to the next word (',"he told' after cleaning) makes one token of
    # '"he': the parse reads a copy where that quote is a space (same length, same offsets)
    glued = [_GLUED_QUOTE.sub(" ", s) for s in todo]
    for s, doc in zip(todo, nlp.pipe(glued, disable=disable, batch_size=64), strict=True):
        _CACHE[s] = tuple(Tok(t.idx, t.idx + len(t.text), t.text, t.pos_, t.dep_, t.head.i) for t in doc)


def parse(sentence: str) -> tuple[Tok, ...]:
    """The tokens of ``sentence`` with their dependency heads (cached); () if it has no reporting verb."""
    if sentence not in _CACHE:
        if not _candidate(sentence):
            return ()
        prime([sentence])
    return _CACHE.get(sentence, ())


def _children(toks: tuple[Tok, ...], i: int) -> list[int]:
    return [j for j, t in enumerate(toks) if t.head == i and j != i]


def _subtree(toks: tuple[Tok, ...], i: int) -> list[int]:
    out, todo = [], [i]
    while todo:
        k = todo.pop()
        out.append(k)
        todo.extend(_children(toks, k))
    return sorted(out)


_LEADING_DROP = {"cc", "punct", "advmod", "mark", "preconj"}


def noun_phrase(toks: tuple[Tok, ...], i: int) -> tuple[int, int] | None:
    """Token range [a, b] of the noun phrase headed by token ``i``: its subtree without leading
    conjunctions/punctuation/adverbs, trailing punctuation, and (when too long) the clauses after
    the head; None if the head is not a noun or pronoun (a clause, a number)."""
    if toks[i].pos not in ("NOUN", "PROPN", "PRON", "X") and not (toks[i].pos == "ADJ" and toks[i].text[:1].isupper()):
        return None
    span = _subtree(toks, i)
    # keep the contiguous run around the head (a parse may attach a far token)
    a = b = span.index(i)
    while a > 0 and span[a - 1] == span[a] - 1:
        a -= 1
    while b + 1 < len(span) and span[b + 1] == span[b] + 1:
        b += 1
    lo, hi = span[a], span[b]
    while lo < i and (toks[lo].dep in _LEADING_DROP or toks[lo].pos in ("PUNCT", "CCONJ", "SCONJ")):
        lo += 1
    if hi - lo + 1 > MAX_WORDS:
        # keep the head, what is before it and an "of"/appositive phrase right after it
        hi = i
        for j in _children(toks, i):
            if j > i and toks[j].dep in ("prep", "appos", "compound") and max(_subtree(toks, j)) - lo < MAX_WORDS:
                hi = max(hi, max(_subtree(toks, j)))
    while hi > i and (toks[hi].pos in ("PUNCT", "CCONJ", "ADP", "DET", "SCONJ") or toks[hi].dep in ("cc", "punct")):
        hi -= 1
    # an unclosed quote or bracket inside the phrase: cut before it
    for j in range(lo, hi + 1):
        if toks[j].text in ('"', "“", "”", "(", ")", "``", "''") and j > i:
            hi = j - 1
            break
    while hi > i and toks[hi].pos in ("PUNCT", "CCONJ", "ADP", "DET"):
        hi -= 1
    return lo, hi


def _subject(toks: tuple[Tok, ...], v: int, depth: int = 0) -> tuple[int | None, bool]:
    """The subject token of verb ``v`` and whether the verb is a bare passive; a verb without a
    subject of its own that shares its head verb's ("... but said", "..., saying") takes that one."""
    kids = _children(toks, v)
    for j in kids:
        if toks[j].dep in ("nsubj", "csubj"):
            return j, False
    for j in kids:
        if toks[j].dep == "agent":  # "was reported by the agency", "the man described by the magazine as"
            objs = [k for k in _children(toks, j) if toks[k].dep == "pobj"]
            if objs:
                return objs[0], False
    if any(toks[j].dep in ("nsubjpass", "auxpass") for j in kids):
        return None, True
    if toks[v].dep in ("conj", "advcl", "xcomp") and toks[v].head != v and depth < 3:
        return _subject(toks, toks[v].head, depth + 1)
    h = toks[v].head
    if toks[v].dep == "acl" and toks[h].dep in ("dobj", "pobj") and depth < 3:
        # "the relatives filed affidavits alleging ...", "issued a statement saying ...": the
        # filer speaks (through a preposition: "in a statement saying")
        g = toks[h].head
        if toks[h].dep == "pobj" and toks[g].pos == "ADP":
            g = toks[g].head
        if toks[g].pos in ("VERB", "AUX") and g != v:
            return _subject(toks, g, depth + 1)
    return None, False


_DOUBT_ADJ = {"sceptical", "skeptical", "doubtful", "unconvinced", "dubious", "incredulous"}


def _doubt(toks: tuple[Tok, ...], v: int) -> int | None:
    """The verb a doubt hangs from: "officials have been sceptical" (the copula), "cast doubt
    on", "raised doubts about" (the verb); None if token ``v`` expresses no doubt."""
    t = toks[v]
    low = t.text.lower()
    if low in _DOUBT_ADJ and t.dep in ("acomp", "ROOT", "conj") and t.head != v:
        return t.head
    if low in ("doubt", "doubts") and t.dep == "dobj" and toks[t.head].text.lower() in (
            "cast", "casts", "casting", "raised", "raise", "raises", "raising", "expressed", "express", "expresses",
            "voiced", "voice", "voices", "threw", "throw", "throws"):
        return t.head
    return None


def _unconfirmed(toks: tuple[Tok, ...], v: int) -> bool:
    """Whether the clause of ``v`` says something cannot be confirmed: a negated confirm /
    corroborate / verify ("could not confirm", "no information to corroborate")."""
    for j in _subtree(toks, v):
        if j != v and lemma(toks[j].text) in ("confirm", "corroborate", "verify"):
            h = toks[j].head
            if _negated(toks, j) or any(toks[k].text.lower() == "no" for k in _children(toks, h)):
                return True
    return False


def _negated(toks: tuple[Tok, ...], v: int) -> bool:
    return any(toks[j].dep == "neg" for j in _children(toks, v))


def speeches(text: str, s0: int, s1: int) -> list[Speech]:
    """The reporting acts of the sentence ``text[s0:s1]`` in text order."""
    sent = text[s0:s1]
    toks = parse(sent)
    out: list[Speech] = []
    for v, t in enumerate(toks):
        low = t.text.lower()
        if low == "according" and v + 1 < len(toks) and toks[v + 1].text.lower() == "to":
            objs = [k for k in _children(toks, v + 1) if toks[k].dep == "pobj"]
            np_ = noun_phrase(toks, objs[0]) if objs else None
            if np_ is not None:
                out.append(_speech(sent, s0, toks, "according to", v, np_, objs[0], "says", None))
            continue
        if low == "per" and v == 0:
            # "Per the newspaper, ...": according to
            objs = [k for k in _children(toks, v) if toks[k].dep == "pobj"]
            np_ = noun_phrase(toks, objs[0]) if objs else None
            if np_ is not None:
                out.append(_speech(sent, s0, toks, "according to", v, np_, objs[0], "says", None))
            continue
        doubt = _doubt(toks, v)
        if doubt is not None:
            subj, _ = _subject(toks, doubt)
            np_ = noun_phrase(toks, subj) if subj is not None else None
            if np_ is not None:
                out.append(_speech(sent, s0, toks, "doubt", v, np_, subj, "doubts", _scope(toks, doubt, s0)))
            continue
        lem = lemma(t.text) if t.pos in ("VERB", "AUX") or (t.pos == "NOUN" and t.dep == "ROOT") else None
        if lem is None and t.pos == "VERB" and low in _LIGHT:
            # "made note of", "made mention of": the noun is the reporting act
            lem = next((toks[j].text.lower() for j in _children(toks, v) if toks[j].dep == "dobj"
                        and toks[j].text.lower() in _LIGHT_NOUNS), None)
        if lem is None or t.dep in ("amod", "compound") and lem not in ("say", "tell"):
            continue
        if v > 0 and toks[v - 1].pos in ("DET", "NUM") and t.dep != "ROOT":
            continue  # "one count of fleeing", "a report": a noun the parse took for a verb
        if any(toks[j].dep == "dobj" and toks[j].text.lower() in ("nothing", "little") for j in _children(toks, v)):
            continue  # "said nothing after officers surrounded him": no statement
        if lem == "claim" and any(toks[j].dep == "dobj" and toks[j].text.lower() in _CLAIMED_THINGS for j in _children(toks, v)):
            continue  # "the fire claimed 30 lives", "claimed the title": a taking, not a statement
        if (lem in _RAISING and low.endswith(("ed", "ght", "said")) and v + 2 < len(toks) and toks[v + 1].text.lower() == "to"
                and toks[v + 2].text.lower() in ("be", "have") and not any(toks[j].dep in ("aux", "auxpass") for j in _children(toks, v))):
            # "the man believed to have ...", "a figure thought to be ...": a reduced passive, nobody named
            # (the parse may make the noun its subject); "he claimed to have" is active and stays
            out.append(Speech(lem, s0 + t.start, None, s0 + t.start, s0 + t.start, STANCE[lem], scope=_scope(toks, v, s0)))
            continue
        if lem == "put" and not re.search(r"\b(?:at|to)\b", sent[t.end:t.end + 60]):
            continue  # "put at": an estimate; "put forward"/"put on" are not speech
        if lem not in _BARE_OK and not any(toks[j].dep in ("ccomp", "dobj", "xcomp", "parataxis", "csubj", "nsubjpass")
                                           or toks[j].dep == "agent" or (lem in _NAMING and toks[j].dep == "oprd")
                                           for j in _children(toks, v)):
            continue  # "responded with a fund", "pointed to": speech only with a statement after it
        kids = _children(toks, v)
        agent = any(toks[j].dep == "agent" for j in kids)
        if lem in _NAMING and not agent and not any(
                toks[j].dep in ("oprd", "ccomp") or (toks[j].dep == "prep" and toks[j].text.lower() == "as") for j in kids):
            continue  # "called for calm", "called police": no naming complement, no statement
        if t.dep in ("advcl", "acl", "relcl", "xcomp", "pcomp") and not agent and not any(
                toks[j].dep in ("ccomp", "dobj", "parataxis") for j in kids):
            continue  # "..., reporting from the capital": a participle without a statement
        stance = STANCE[lem]
        if _negated(toks, v):
            stance = _NEGATED.get(stance, stance)
        elif stance == "says" and _unconfirmed(toks, v):
            stance = "doubts"  # "says it has no information to corroborate such reports"
        subj, passive = _subject(toks, v)
        scope = _scope(toks, v, s0)
        if subj is None and not passive and toks[v].dep == "ROOT":
            # a main reporting verb the parse found no subject for (a caption glued on before
            # it): the noun phrase that ends right before the verb
            before = _np_before(toks, v)
            if before is not None:
                out.append(_speech(sent, s0, toks, lem, v, before[1], before[0], stance, scope))
            else:
                out.append(Speech(lem, s0 + t.start, None, s0 + t.start, s0 + t.start, stance, scope=scope, orphan=True))
            continue
        if subj is None:
            if passive and lem in ("say", "report", "estimate", "believe", "think", "claim", "allege", "expect",
                                   "confirm", "announce", "suggest", "predict", "fear", "tell", "count", "put"):
                out.append(Speech(lem, s0 + t.start, None, s0 + t.start, s0 + t.start, stance, scope=scope))
            continue
        if toks[subj].text.lower() in ("who", "which", "that") and toks[v].dep == "relcl":
            # "his daughter, Rosa, who said ...": the noun the clause is about, without the clause
            head = toks[v].head
            np_ = noun_phrase(toks, head)
            if np_ is None:
                continue
            cut = min(_subtree(toks, v)) - 1
            while cut > np_[0] and toks[cut].pos == "PUNCT":
                cut -= 1
            out.append(_speech(sent, s0, toks, lem, v, (np_[0], max(cut, head)), head, stance, scope, embedded=True))
            continue
        np_ = noun_phrase(toks, subj)
        if np_ is None:
            continue
        out.append(_speech(sent, s0, toks, lem, v, np_, subj, stance, scope,
                           embedded=toks[v].dep in ("relcl", "acl", "pcomp")))
    return out


def _np_before(toks: tuple[Tok, ...], v: int) -> tuple[int, tuple[int, int]] | None:
    """(head, token range) of the noun phrase ending right before token ``v`` (commas aside):
    from the last noun, up through prepositions and appositions to the highest noun."""
    j = v - 1
    while j >= 0 and toks[j].pos == "PUNCT":
        j -= 1
    if j < 0 or toks[j].pos not in ("NOUN", "PROPN"):
        return None
    head = j
    k = j
    for _ in range(8):
        h = toks[k].head
        if h == k or h > v:
            break
        if toks[h].pos in ("NOUN", "PROPN"):
            head = h
        elif toks[h].pos != "ADP":
            break
        k = h
    lo = min(_subtree(toks, head))
    while lo < head and (toks[lo].pos in ("PUNCT", "CCONJ", "SCONJ") or toks[lo].dep in _LEADING_DROP):
        lo += 1
    hi = j
    if hi - lo + 1 > MAX_WORDS:
        return None
    return head, (lo, hi)


def _scope(toks: tuple[Tok, ...], v: int, s0: int) -> tuple[int, int]:
    span = _subtree(toks, v)
    return s0 + toks[span[0]].start, s0 + toks[span[-1]].end


def _speech(sent: str, s0: int, toks: tuple[Tok, ...], lem: str, v: int, np_: tuple[int, int], head: int,
            stance: str | None, scope: tuple[int, int] | None = None, embedded: bool = False) -> Speech:
    lo, hi = np_
    a, b = toks[lo].start, toks[hi].end
    phrase = sent[a:b].strip()
    words = [toks[k] for k in range(lo, hi + 1)]
    low = phrase.lower()
    pronoun = low in _PRONOUNS
    anaphor = (not pronoun and words[0].text.lower() in _DEFINITE | set(_POSSESSIVE_PRONOUNS)
               and not any(w.pos == "PROPN" or w.text[:1].isupper() for w in words[1:]))
    return Speech(lem, s0 + toks[v].start, phrase, s0 + a, s0 + b, stance, pronoun, anaphor,
                  toks[head].text.lower(), scope, embedded=embedded)


def possessive_owner(phrase: str) -> str | None:
    """The pronoun a possessive phrase starts with ("His military" -> "he"), else None."""
    first = phrase.split()[0].lower() if phrase.split() else ""
    return _POSSESSIVE_PRONOUNS.get(first)


@dataclass
class Disputed:
    """ "X disputed Y's suggestion that ...": Y's statement, named inside X's denial."""

    denial: Speech
    owner: str  # Y, the speaker of the disputed statement
    owner_start: int
    owner_end: int
    start: int  # the disputed statement as the sentence gives it ("Y's suggestion that ...")
    end: int


_STATEMENT_NOUNS = {"charge", "charges", "claim", "claims", "allegation", "allegations", "accusation", "accusations",
                    "report", "reports", "assertion", "assertions", "suggestion", "account", "version", "statement"}


def disputed_statements(text: str, s0: int, s1: int) -> list[Disputed]:
    """Statements whose speaker the denial itself names: the object of a denying, disputing or
    doubting verb owned by someone ("disputed the commission's accusations", "rejected claims
    by the army", passive "X's claim ... was rejected by Y")."""
    sent = text[s0:s1]
    toks = parse(sent)
    by_start = {t.start: i for i, t in enumerate(toks)}
    out: list[Disputed] = []
    for sp in speeches(text, s0, s1):
        v = by_start.get(sp.verb_pos - s0)
        if sp.stance not in ("denies", "disputes", "doubts") or v is None or sp.source is None:
            continue
        if sp.pronoun:
            # "X said they could not confirm the reports": the speaker named before in the sentence
            named = [p for p in speeches(text, s0, s1) if p.source and not p.pronoun and p.verb_pos < sp.verb_pos]
            if not named:
                continue
            sp = replace(sp, source=named[-1].source, pronoun=False)
        objs = [j for j in _children(toks, v) if toks[j].dep in ("dobj", "nsubjpass")]
        if toks[v].text.lower() in ("doubt", "doubts") and toks[v].dep == "dobj":  # "cast doubt on X"
            objs = [k for j in _children(toks, v) if toks[j].dep == "prep" for k in _children(toks, j)
                    if toks[k].dep == "pobj"]
        for o in objs:
            owner = None
            for j in _children(toks, o):
                if toks[j].dep == "poss" and toks[j].pos != "PRON":
                    owner = j
                elif toks[j].dep == "prep" and toks[j].text.lower() in ("by", "from"):
                    # "claims by the army"; "from" only with a name ("reports from Reuters", not
                    # "deaths from airstrikes")
                    k = next((k for k in _children(toks, j) if toks[k].dep == "pobj"), None)
                    if k is not None and (toks[j].text.lower() == "by" or toks[k].pos == "PROPN"):
                        owner = k
            np_ = noun_phrase(toks, owner) if owner is not None else None
            if np_ is None and toks[o].text.lower() in _STATEMENT_NOUNS:
                # "X alleged P, a charge Y denied": the speaker of the statement before the denial
                prior = [p for p in speeches(text, s0, s1) if p.source and not p.pronoun and p.verb_pos < sp.verb_pos
                         and p.source != sp.source and p.stance not in ("denies", "disputes", "doubts")]
                if prior:
                    p = prior[-1]
                    out.append(Disputed(sp, p.source, p.start, p.end, s0, s0 + toks[o].start))
                continue
            if np_ is None:
                continue
            lo, hi = np_
            while hi > lo and toks[hi].dep == "case":
                hi -= 1
            span = _subtree(toks, o)
            out.append(Disputed(sp, sent[toks[lo].start:toks[hi].end], s0 + toks[lo].start, s0 + toks[hi].end,
                                s0 + toks[span[0]].start, s0 + toks[span[-1]].end))
    return out


def is_noun_phrase(phrase: str) -> bool:
    """Whether ``phrase`` is one noun phrase a reader can use as a speaker: put before "said",
    it parses as the verb's whole subject ("Mohammed poignantly said": the subject is only
    "Mohammed"; "a woman who asked not to be identified said": all of it)."""
    phrase = phrase.strip()
    if not phrase:
        return False
    # an apposition is set off by commas on both sides: "Jane Doe, a spokeswoman, said"
    return any(_whole_subject(phrase, glue) for glue in ((" ", ", ") if "," in phrase else (" ",)))


def _whole_subject(phrase: str, glue: str) -> bool:
    toks = parse(f"{phrase}{glue}said.")
    n = len(phrase)
    verb = next((i for i, t in enumerate(toks) if t.start == n + len(glue) and t.text == "said"), None)
    if verb is None:
        return False
    subj = next((j for j in _children(toks, verb) if toks[j].dep == "nsubj"), None)
    if subj is None or toks[subj].pos not in ("NOUN", "PROPN", "PRON"):
        return False
    covered = set(_subtree(toks, subj))
    inside = [i for i, t in enumerate(toks) if t.end <= n and t.pos != "PUNCT"]
    return all(i in covered for i in inside)
