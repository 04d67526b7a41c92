"""Who says a figure: "X said/says/told/estimated", "according to X", "X's figures", "..., said X".

Returns the source phrase with its span; a pronoun ("he said") is resolved to the last
named source of the document. Cue patterns only: cheap and measured adequate on T17.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import SPEECH_VERBS

_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_AUX = r"(?:(?:has|have|had|also|later|previously|earlier|now|already|had\s+earlier)\s+)*"
_SPEECH = re.compile(rf"(?<!\bto )(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbeen )"
                     rf"\b{_AUX}(?:{_VERBS})\b(?!\s+(?:as|to\s+be|to\s+have|of|on|in|from|by|for)\b)", re.I)
_ACCORDING = re.compile(r"\b(?:according\s+to|citing|quoted\s+by|reported\s+by|figures\s+from|data\s+from)\s+"
                        r"(?P<src>[^,.;:!?()\"]{2,80}?)(?=\s*(?:[,.;:!?()\"]|$|\s+(?:on|in|at)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))",
                        re.I)
_POSSESSIVE = re.compile(r"(?P<src>(?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w.-]*|[a-z]+\s+officials)(?:'s|')\s+"
                         r"(?:own\s+)?(?:figures?|estimates?|count|tally|toll|data|numbers?|calculations?)\b")
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_LEAD_STRIP = re.compile(r"^(?:\d{3,4}\s+|but\s+|however,?\s+|and\s+|while\s+|meanwhile,?\s+|also\s+|"
                         r"earlier,?\s+|in\s+\w+,\s+|on\s+\w+,\s+|separately,?\s+|speaking\s+[^,]+,\s+)+", re.I)
_BOUNDARY = re.compile(r"[,;:()\"“”]|\b(?:that|and|but|while|as|because|after|when|which|who|where)\b", re.I)
_NOT_SOURCE = re.compile(r"^(?:it|there|this|that|what|which|who|the\s+report|reports?)$", re.I)


@dataclass
class Attribution:
    source: str
    start: int
    end: int
    verb_pos: int
    pronoun: bool = False


def _clean_source(s: str) -> str:
    s = s.strip().strip("'\"“”‘’ ")
    s = _LEAD_STRIP.sub("", s)
    s = re.sub(r"\s+(?:also|later|previously|earlier|now|already|has|had|have|was|were|is|are)$", "", s, flags=re.I)
    return s.strip(" ,")


def find_attributions(text: str, sent_start: int, sent_end: int) -> list[Attribution]:
    """All attributions of one sentence, in text order."""
    sent = text[sent_start:sent_end]
    out: list[Attribution] = []
    for m in _ACCORDING.finditer(sent):
        src = _clean_source(m.group("src"))
        if src:
            s = sent_start + m.start("src")
            out.append(Attribution(src, s, s + len(m.group("src")), sent_start + m.start()))
    for m in _POSSESSIVE.finditer(sent):
        src = _clean_source(m.group("src"))
        if src and src.lower() not in ("the", "its"):
            out.append(Attribution(src, sent_start + m.start("src"), sent_start + m.end("src"), sent_start + m.end("src")))
    for m in _SPEECH.finditer(sent):
        v0 = m.start()
        pre = sent[:v0]
        # subject before the verb: back to the nearest clause boundary
        cut = 0
        for b in _BOUNDARY.finditer(pre):
            cut = b.end()
        for b in _SPEECH.finditer(pre):
            cut = max(cut, b.end())
        subj = pre[cut:]
        if not subj.strip(" ,") and pre.rstrip().endswith(","):
            # appositive subject: "Haiti's President, Rene Preval, tells ..."
            parts = pre.rstrip().rstrip(",").rsplit(",", 2)
            head = re.search(r"((?:[A-Z][\w'’.-]*\s+|of\s+|the\s+)*[A-Z][\w'’.-]*)\s*$", parts[-2]) if len(parts) >= 2 else None
            if head and 0 < len(parts[-1].split()) <= 6 and parts[-1].strip()[:1].isupper():
                subj = head.group(1) + "," + parts[-1]
                cut = pre.rfind(subj)
        if len(subj.split()) > 9:
            subj = " ".join(subj.split()[-9:])
        src = _clean_source(subj)
        if src and not _NOT_SOURCE.match(src) and re.search(r"[A-Za-z]", src):
            s = sent_start + pre.rfind(src) if src in pre else sent_start + cut
            out.append(Attribution(src, s, s + len(src), sent_start + v0, src.lower() in _PRONOUNS))
            continue
        # inverted: '..., said the spokesman' / '"...," said Ali Tarhouni.'
        post = sent[m.end():]
        pm = re.match(r"\s+((?:the\s+|a\s+|an\s+)?[^,.;:!?\"“”()]{2,70}?)(?=\s*(?:[,.;:!?\"“”()]|$|\s+(?:on|in|at|that|who)\b))", post)
        if pm and re.search(r"[,\"”'']\s*$", pre):
            src = _clean_source(pm.group(1))
            if src and not _NOT_SOURCE.match(src):
                s = sent_start + m.end() + pm.start(1)
                out.append(Attribution(src, s, s + len(pm.group(1)), sent_start + v0, src.lower() in _PRONOUNS))
    out.sort(key=lambda a: a.verb_pos)
    return out


def pick_attribution(atts: list[Attribution], pos: int) -> Attribution | None:
    """The attribution governing a figure at ``pos``: the nearest verb before it, else after it."""
    if not atts:
        return None
    before = [a for a in atts if a.verb_pos <= pos]
    if before:
        return before[-1]
    return atts[0]
