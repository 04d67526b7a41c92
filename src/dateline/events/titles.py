"""Short event titles: the main clause of the event's best sentence.

Regex trimming (no parse is kept on our documents): a leading quote with its speaker
(`"...," X said.`) keeps the speaker's report, trailing attributions (", officials said",
", according to Reuters", "..., one man told CNN") and leading time/place adverbials ("On Monday, ",
"Earlier, ") go, so does an appositive after a name ("Gaddafi, the son of a herdsman who ..., was"),
and a long remainder is cut at the first clause boundary (comma, semicolon, dash, "which",
"who", "after", "as") past the verb-bearing start, so titles end on a whole phrase.
"""

from __future__ import annotations

import re

_TRAILING_ATTRIB = re.compile(
    r",?\s+(?:(?:according to|citing)\b.*|(?:[A-Z][\w.'-]*\s+){0,6}(?:said|says|reported|told(?:\s+[\w.'-]+){1,3}|added|announced)"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?"
    r"|(?:a|an|the)\s[\w .'-]{0,60}?\s(?:said|says|reported))\s*[.\"']*$"
)
_LEAD_ADVERBIAL = re.compile(
    r"^(?:(?:On|Early|Late|By|Earlier|Later|Meanwhile|However|Also|In)\b[^,]{0,40},\s+|(?:Earlier|Meanwhile|However),\s+)"
)
_BOUNDARY = re.compile(r"\s*(?:[,;:]\s|\s[-–—]+\s|\s\((?!\w+\))|\s(?=(?:which|who|after|as|while|because|but|amid|although)\s))")
_NOT_MAIN = re.compile(r"^(?:At|In|On|After|Before|Despite|With|Following|Under|Amid|As|By|For|From|Since|During|"
                       r"Over|Throughout|Within|Until|Till|Ahead of|Earlier|Later|Last|Yesterday|Today|Tonight|"
                       r"which|who|after|as|while|because|but|amid|although|where|when|saying|including)\b", re.I)
# an appositive between commas after a name or noun ("X, the son of a herdsman who ..., was"):
# the clause goes on after it in lower case; not after a leading adverbial ("On Monday, the army ...")
_APPOSITIVE = re.compile(r"(?<=[\w)]),\s+(?:the|a|an)\s+[^,;:()\"“”]{2,90}?,\s+(?=[a-z])")
# English auxiliaries and modals (a closed class): a stretch opening on one has lost its subject
_OPENS_ON_VERB = re.compile(r"^(?:will|would|shall|should|can|could|may|might|must|is|are|was|were|has|have|had|"
                            r"does|do|did)\b")
_PREP = re.compile(r"\s(?=(?:of|in|on|at|from|to|by|with|for|near|against|over|after)\s)")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _main_segment(s: str) -> str:
    """The first clause-like stretch between boundaries that is not an intro or a relative clause;
    one that opens on its verb ("Elections in X, which are planned for May 5, will be held ...")
    gets back the sentence's opening words as its subject."""
    cuts = [0] + [b.start() for b in _BOUNDARY.finditer(s)] + [len(s)]
    ends = {b.start(): b.end() for b in _BOUNDARY.finditer(s)}
    for a, b in zip(cuts, cuts[1:], strict=False):
        seg = s[ends.get(a, a):b].strip()
        if len(seg.split()) >= 5 and not _NOT_MAIN.match(seg):
            subject = s[: cuts[1]].strip()
            if a > 0 and _OPENS_ON_VERB.match(seg) and not _NOT_MAIN.match(subject) and len(subject.split()) <= 6:
                return f"{subject} {seg}"
            return seg
    return s


def title(sentence: str, max_words: int = 14, keep: str | None = None) -> str:
    """A headline-length title for an event described by ``sentence``; ``keep``: the temporal
    expression that dates the event (an appositive holding it is the happening the title tells:
    "X, the son of a herdsman who seized power in 1969, was ..." is dated 1969)."""
    s = sentence.strip().rstrip(".")
    m = re.match(r'^["“](.+?)[,.]?["”],?\s+(.+?)\s+(?:said|says|added)\b', s)
    if m:  # a quote: keep what was said, without its quotation marks
        s = m.group(1)
    cut = _TRAILING_ATTRIB.sub("", s).strip()
    if len(cut.split()) >= 3:  # not when the "attribution" is the sentence ("But according to reports, ...")
        s = cut
    cut = _LEAD_ADVERBIAL.sub("", s)
    if len(cut.split()) >= 3:  # not when the "adverbial" was the clause ("By 1881 they had moved ..., X")
        s = cut
    app = _APPOSITIVE.search(s)
    if app and not _NOT_MAIN.match(s):
        if keep and keep in app.group():  # the appositive tells the dated happening
            s = app.group().strip(" ,")
        else:
            s = s[: app.start()] + " " + s[app.end():]
    if len(s.split()) > max_words:
        s = _main_segment(s)
    if len(s.split()) > max_words:
        head = " ".join(s.split()[:max_words])
        cuts = [m.start() for m in _PREP.finditer(head) if len(head[: m.start()].split()) >= 8]
        s = (head[: cuts[-1]] if cuts else head).rstrip(",;:") + " …"
    s = s.strip(" ,;:.\"'“”")
    if s.count('"') % 2:
        s = s.replace('"', "")
    return _cap(s)
