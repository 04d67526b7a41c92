"""Who says a figure: "X said/says/told/estimated", "according to X", "X's figures", "..., said X".

Returns the source phrase with its span; a pronoun ("he said") is resolved to the last
named source of the document. Cue patterns only: cheap and measured adequate on T17.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import MONTHS_EN
from .lexicon import SPEECH_VERBS
from .speaker import STANCE, lemma, speeches

_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_AUX = r"(?:(?:has|have|had|also|later|previously|earlier|now|already|had\s+earlier)\s+)*"
_SPEECH = re.compile(rf"(?<!\bto )(?<!\bbe )(?<!\ban )(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\bno )(?<!\bany )(?<!\bnot )(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbeen )"
                     rf"\b{_AUX}(?:{_VERBS})\b(?!\s+(?:as|to\s+be|to\s+have|of|from|by|for)\b)"
                     rf"(?<!reports)(?<!report)(?<!claims)(?<!estimates)(?<!estimate)(?<!puts)(?<!put)"
                     rf"|\b(?:reports?|claims|estimates?|puts?)\b(?=\s*(?:[,.:\"“]|$|that\b|the\b|it\b|about\b|up\b|around\b|some\b|more\b|at\b|\d))",
                     re.I)
_ACCORDING = re.compile(r"\b(?:according\s+to|citing|quoted\s+by|reported\s+by|figures\s+from|data\s+from)\s+"
                        r"(?P<src>(?:[^,.;:!?()\"]|(?<=\b[A-Z])\.){2,80}?)(?=\s*(?:[,;:!?()\"]|(?<!\b[A-Z])\.|$|\s+(?:on|in|at)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))",
                        re.I)
_POSSESSIVE = re.compile(r"(?P<src>(?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w.-]*|[a-z]+\s+officials)(?:'s|')\s+"
                         r"(?:own\s+)?(?:figures?|estimates?|count|tally|toll|data|numbers?|calculations?)\b")
_NAME = r"((?:[A-Z][\w'’.-]*\s+|(?:of|the|al|el|bin|ibn|de|van|von|abu)\s+|[a-z]{2,3}-[A-Z][\w'’.-]*\s+)*(?:[a-z]{2,3}-)?[A-Z][\w'’.-]*)"
_ESTIMATE_CUE = re.compile(r"\b(?:estimates?|scenario|figures?|tally|count|toll|assessment|calculations?)\b", re.I)
_INITIAL_NP = re.compile(r"\s*((?:The\s+)?(?:[A-Z][\w'’.-]*\s+)*(?:[A-Z][\w'’.-]*|officials|sources|experts|scientists|"
                         r"analysts|authorities|doctors|officers))\b")
_NOT_SUBJECT_START = {"In", "On", "At", "But", "However", "By", "After", "If", "When", "As", "Although", "While",
                      "Since", "Before", "Because", "Unless", "Until", "Once", "Though", "Whether", "With", "Without"}
_WHOM = re.compile(r",\s+(?:all|both|most|some|each|several|many)\s+of\s+whom\s+(?:have\s+|had\s+|also\s+)?(?P<verb>[a-z]+)\b")
_QUOTED_AS = re.compile(r"\bquot(?:ed|ing|es)\s+(?P<src>(?!by\b)[^.;:\"“”]{2,100}?),?\s+as\s+(?:saying|telling)\b", re.I)
# "X, the governor, was quoted by state TV as saying": X says it, not the outlet
_QUOTED_PASSIVE = re.compile(r"^(?P<src>[^.;:\"“”]{2,100}?),?\s+(?:was|were|has\s+been|had\s+been)\s+quoted\s+"
                             r"(?:by\s+[^.;:\"“”]{2,60}?\s+)?as\s+(?:saying|telling)\b", re.I)
_NOT_SOURCE_START = {"is", "are", "was", "were", "has", "have", "had", "and", "but", "or", "to", "of", "in", "on",
                     "at", "for", "with", "by", "from", "that", "which", "who", "if", "when", "not", "also", "be"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_LEAD_STRIP = re.compile(r"^(?:\d{3,4}\s+|but\s+|however,?\s+|and\s+|while\s+|meanwhile,?\s+|also\s+|"
                         r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?,?\s+|"
                         r"earlier,?\s+|in\s+\w+,\s+|on\s+\w+,\s+|separately,?\s+|speaking\s+[^,]+,\s+)+", re.I)
_BOUNDARY = re.compile(r"[,;:()\"“”]|\b(?:that|and|but|while|as|because|after|when|which|who|where)\b", re.I)
_NOT_SOURCE = re.compile(r"^(?:it|there|this|that|what|which|who|those|the\s+report|according(?:\s+to)?|"
                         r"(?:all|some|most|many|none|each|both)\s+of\s+(?:whom|which|them)|"
                         r"(?:(?:the|unconfirmed|initial|early)\s+)*reports?(?:\s+(?:from|on|in)\s+.*)?)$", re.I)

# "The UN refugee agency on Friday condemned": the day is not part of the speaker
_TRAILING_TIME = re.compile(r"(?:,?\s+(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                            r"yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|night))?)+$", re.I)


@dataclass
class Attribution:
    source: str | None  # None: a reporting verb with nobody named ("it was reported that ...")
    start: int
    end: int
    verb_pos: int
    pronoun: bool = False
    verb: str | None = None  # reporting verb lemma ("say", "deny"; "according to")
    stance: str | None = None  # says | estimates | claims | denies | acknowledges | disputes | doubts
    anaphor: bool = False  # "the source", "the ministry": may stand for a speaker named before
    head: str = ""  # head word of the speaker phrase
    scope: tuple[int, int] | None = None  # the clause the verb governs
    embedded: bool = False  # the verb is inside a relative clause: not the salient speaker for "he"


_FUNCTION = {"of", "the", "a", "an", "and", "for", "in", "at", "to", "on", "from", "with", "by", "near", "outside",
             "inside", "across", "told", "tells", "via", "de", "al", "el", "bin", "van", "von", "du", "la", "le"}


def _cut_run_on(s: str) -> str:
    """Text extraction glues captions and fact boxes to sentences ("... left almost 800 dead
    The Inter-American Development Bank said"): keep the phrase after the last glue point,
    a content word in lower case followed by a capitalised one."""
    words = s.split()
    cut = 0
    for i in range(1, len(words)):
        prev, cur = words[i - 1], words[i]
        if (cur[:1].isupper() and prev[:1].islower() and prev.isalpha() and prev.lower() not in _FUNCTION) or re.search(r"\d", prev):
            cut = i
    return " ".join(words[cut:]) if cut else s


def _clean_source(s: str) -> str:
    s = s.strip().strip("'\"“”‘’ ")
    s = _cut_run_on(_LEAD_STRIP.sub("", s))
    s = re.sub(r"\s+(?:also|later|previously|earlier|now|already|has|had|have|was|were|is|are|initially|"
               r"originally|first|reportedly|itself|then|again|too)$", "", s, flags=re.I)
    s = _TRAILING_TIME.sub("", s.strip(" ,"))
    if _NOT_SOURCE.match(s):
        return ""
    first = s.split()[0] if s.split() else ""
    if first[:1].islower() and (first in _NOT_SOURCE_START or first.endswith(("ing", "ed"))):
        return ""  # "is scheduled to meet ...", "denying": a verb phrase, not a speaker
    return s if names_someone(s) else ""


_CLAUSE_VERB = re.compile(r"\b(?:have|has|had|were|was|is|are|been|being|there|received|will|would|could|can)\b", re.I)
_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon",
               "evening", "night", "today", "yesterday", "tonight", "week", "weekend", "month", "year", "early", "late",
               "the", "a", "an", "last", "this", "on", "in", "earlier", "later", *MONTHS_EN}
_SPEAKER_HEADS = re.compile(
    r"\b(?:officials?|witness(?:es)?|eyewitness(?:es)?|doctors?|physicians?|surgeons?|nurses?|medics?|ministry|ministers?|"
    r"spokes(?:man|woman|men|women|person)|sources?|police|agency|agencies|government|military|army|residents?|"
    r"activists?|experts?|scientists?|analysts?|authorities|diplomats?|envoys?|ambassadors?|commanders?|leaders?|"
    r"groups?|organi[sz]ations?|office|committee|council|statement|media|television|tv|radio|newspapers?|"
    r"reports?|man|woman|men|women|people|protesters|rebels|fighters|opposition|staff|workers|officers?|"
    r"director|head|chief|president|secretary|coordinator|member|members|journalists?|correspondents?|"
    r"sources|estimates?|figures|calculations|counts?|tally|data|company|firm|coalition|forces|navy|"
    r"guard|department|administration|embassy|mission|regime)\b", re.I)


def names_someone(s: str) -> bool:
    """Whether ``s`` is a noun phrase naming a speaker: a name (a capitalised word that is not
    a day or month) or a speaker head noun (officials, witnesses, doctor, ministry, ...) -
    not a clause glued on by text extraction ("we have received multiple credible",
    "there were 10 people dead there Sunday") or a time ("Sunday morning")."""
    if s.lower() in _PRONOUNS:
        return True  # resolved to the speaker named before by the caller
    if not s or _CLAUSE_VERB.search(s):
        return False
    words = re.findall(r"[A-Za-z][\w'’.-]*", s)
    if len(words) == 1 and re.search(r"(?:ingly|edly|ously|ally|fully)$", words[0]):
        return False  # a sentence adverb ("Chillingly, ...")
    if not words or all(w.lower().strip(".") in _TIME_WORDS for w in words):
        return False
    if any(w[:1].isupper() and w.lower().strip(".") not in _TIME_WORDS for w in words):
        return True
    return bool(_SPEAKER_HEADS.search(s))


def find_attributions(text: str, sent_start: int, sent_end: int) -> list[Attribution]:
    """All attributions of one sentence, in text order: the speakers of its reporting verbs and
    of "according to" read from the dependency parse (``speaker``), plus "X quoted Y as saying",
    "X's figures" and "X has stuck to an estimate of" (patterns the parse has no verb for)."""
    sent = text[sent_start:sent_end]
    out: list[Attribution] = []
    cues: list[Attribution] | None = None
    for sp in speeches(text, sent_start, sent_end):
        if sp.orphan:
            # the parse lost the subject: the cue reading of the same verb, if it has one
            cues = _cue_attributions(text, sent_start, sent_end) if cues is None else cues
            for a in cues:
                if a.verb_pos == sp.verb_pos and a.source:
                    a.verb, a.stance, a.scope = sp.verb, sp.stance, sp.scope
                    out.append(a)
            continue
        if sp.source is None:
            out.append(Attribution(None, sp.start, sp.end, sp.verb_pos, verb=sp.verb, stance=sp.stance, scope=sp.scope))
            continue
        # "..., it said": an organisation named before speaks (``SpeakerState`` resolves it)
        src = sp.source if sp.pronoun and sp.source.lower() == "it" and IT_SPEAKS else _clean_parsed(sp.source)
        if not src:
            continue
        s = sp.start + sp.source.find(src) if src in sp.source else sp.start
        out.append(Attribution(src, s, s + len(src), sp.verb_pos, sp.pronoun, verb=sp.verb, stance=sp.stance,
                               anaphor=sp.anaphor, head=sp.head, scope=sp.scope, embedded=sp.embedded))
    if not out:
        for a in _cue_attributions(text, sent_start, sent_end):
            a.verb = next((lemma(w) for w in re.findall(r"[A-Za-z]+", text[a.verb_pos:a.verb_pos + 30])
                           if lemma(w)), None) or ("according to" if text[a.verb_pos:a.verb_pos + 9].lower() == "according" else None)
            a.stance = STANCE.get(a.verb or "", "says")
            out.append(a)
    for m in _QUOTED_AS.finditer(sent):
        # "The agency quoted the army as saying ...": the army says it
        src = _clean_source(m.group("src"))
        if src:
            out = [a for a in out if not (a.verb == "quote" and a.verb_pos < sent_start + m.end())]
            out.append(Attribution(src, sent_start + m.start("src"), sent_start + m.end("src"), sent_start + m.end() - 1,
                                   verb="say", stance="says"))
    m = _QUOTED_PASSIVE.match(sent.lstrip())
    if m:
        off = sent_start + len(sent) - len(sent.lstrip())
        raw = m.group("src").strip()
        src = raw if raw.lower() in _PRONOUNS else _clean_source(raw)
        if src:
            out = [a for a in out if a.verb_pos >= off + m.end()]
            out.append(Attribution(src, off + m.start("src"), off + m.start("src") + len(src), off + m.end() - 1,
                                   pronoun=src.lower() in _PRONOUNS, verb="say", stance="says"))
    for m in _WHOM.finditer(sent):
        # "he talked to five aid workers in the camp, all of whom said ...": the aid workers say it
        verb = lemma(m.group("verb"))
        head = re.split(r"\b(?:to|with|from|by|among|interviewed|told|and|that)\s+", sent[:m.start()])[-1].strip()
        src = _clean_source(head) if verb and 1 <= len(head.split()) <= 10 else ""
        if src:
            vpos = sent_start + m.start("verb")
            out = [a for a in out if a.verb_pos != vpos]
            out.append(Attribution(src, sent_start + m.start() - len(head), sent_start + m.start(), vpos,
                                   verb=verb, stance=STANCE.get(verb or "", "says")))
    for m in _POSSESSIVE.finditer(sent):
        src = _clean_source(m.group("src"))
        if src and src.lower() not in ("the", "its"):
            out.append(Attribution(src, sent_start + m.start("src"), sent_start + m.end("src"), sent_start + m.end("src"),
                                   verb="estimate", stance="estimates"))
    if not [a for a in out if a.source]:
        # "The agency has stuck to an early estimate of 5,000": the estimator is the subject
        cue = _ESTIMATE_CUE.search(sent)
        np = _INITIAL_NP.match(sent)
        if (cue and np and np.end() < cue.start() and re.search(r"[A-Za-z]{2,}", sent[np.end():cue.start()])
                and np.group(1).split()[0] not in _NOT_SUBJECT_START
                and np.group(1).lower() not in _PRONOUNS  # "He ... one count of": no estimator named
                and not re.search(r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+$", sent[:cue.start()], re.I)
                and not re.match(r"(?i)(?:dozens|scores|hundreds|thousands|millions|tens|some|many|most|several|\d)", np.group(1))):
            out.append(Attribution(np.group(1), sent_start + np.start(1), sent_start + np.end(1), sent_start + cue.start(),
                                   verb="estimate", stance="estimates"))
    out.sort(key=lambda a: a.verb_pos)
    return out


def _cue_attributions(text: str, sent_start: int, sent_end: int) -> list[Attribution]:
    """The cue-pattern reading of a sentence ("X said", "according to X", "..., said X"): used
    only where the parse finds no reporting verb (a verb tagged as a noun: "media reports that")."""
    sent = text[sent_start:sent_end]
    out: list[Attribution] = []
    for m in _ACCORDING.finditer(sent):
        src = _clean_source(m.group("src"))
        if src:
            s = sent_start + m.start("src")
            out.append(Attribution(src, s, s + len(m.group("src")), sent_start + m.start()))
    for m in _SPEECH.finditer(sent):
        v0 = m.start()
        pre = sent[:v0]
        paren = re.search(r"\s*\([^()]{1,60}\)\s*$", pre)
        if paren and re.search(r"[A-Za-z]\s*$", pre[:paren.start()]):
            # "The UN's World Food Programme (WFP) says": the name before the gloss is the subject
            pre = pre[:paren.start()] + " " * (len(pre) - paren.start())
        # subject before the verb: back to the nearest clause boundary
        cut = 0
        for b in _BOUNDARY.finditer(pre):
            cut = b.end()
        for b in _SPEECH.finditer(pre):
            cut = max(cut, b.end())
        subj = pre[cut:]
        if re.match(r"\s*(?:the|a|an)\s+[a-z]", subj) and pre[:cut].endswith(","):
            # "Jane Doe, the head of the UN department, confirms": name + title
            name = re.search(_NAME + r"\s*,$", pre[:cut])
            if name:
                subj = name.group(1) + "," + subj
        if not subj.strip(" ,") and pre.rstrip().endswith(","):
            # appositive subject: "The country's President, John Smith, tells ..."
            parts = pre.rstrip().rstrip(",").rsplit(",", 2)
            head = re.search(_NAME + r"\s*$", parts[-2]) if len(parts) >= 2 else None
            if head and 0 < len(parts[-1].split()) <= 9:
                subj = head.group(1) + "," + parts[-1]
        if not subj.strip(" ,") and re.search(r"\b(?:but|and)\s*$", pre):
            # "Smith could not give an estimate but said ...": the subject of the first clause
            first = re.match(r"\s*((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)", pre)
            if first and first.group(1).lower() not in ("but", "however", "the", "a", "it"):
                subj = first.group(1)
                cut = pre.rfind(subj)
        if len(subj.split()) > 9:
            # a long "Name, title of ..." keeps the name; anything else its last words
            subj = subj.split(",")[0] if "," in subj.strip(" ,") else " ".join(subj.split()[-9:])
        src = _clean_source(subj)
        tail = re.search(r"\s(he|she|they|we)$", src)
        if tail and any(a.verb_pos < sent_start + v0 for a in out):
            src = tail.group(1)  # "told US network CNN he believed": the teller believes
        if src and not _NOT_SOURCE.match(src) and re.search(r"[A-Za-z]", src):
            s = sent_start + pre.rfind(src) if src in pre else sent_start + cut
            out.append(Attribution(src, s, s + len(src), sent_start + v0, src.lower() in _PRONOUNS))
            continue
        # inverted: '..., said the spokesman' / '"...," said John Smith.'
        post = sent[m.end():]
        pm = re.match(r"\s+((?:the\s+|a\s+|an\s+)?[^,.;:!?\"“”()]{2,70}?)(?=\s*(?:[,.;:!?\"“”()]|$|\s+(?:on|in|at|that|who)\b))", post)
        if pm and (len(pm.group(1).split()) > 8 or not re.match(r"(?:the\s|a\s|an\s|[A-Z])", pm.group(1))):
            pm = None  # not a speaker's name or title: "claimed opposition fighters control ..."
        if pm and re.search(r"[,\"”'']\s*$", pre):
            src = _clean_source(pm.group(1))
            if src and not _NOT_SOURCE.match(src):
                s = sent_start + m.end() + pm.start(1)
                out.append(Attribution(src, s, s + len(pm.group(1)), sent_start + v0, src.lower() in _PRONOUNS))
    return out


def _cut_glue(s: str) -> str:
    """The phrase after the last point where text extraction glued two texts together: a
    lower-case word followed by a capitalised article ("... 800 dead The Bank").
    A title before a name ("UN spokeswoman Jane Doe") is kept: it is part of the phrase."""
    words = s.split()
    cut = 0
    for i in range(1, len(words)):
        prev, cur = words[i - 1], words[i]
        if cur in ("The", "A", "An") and prev[:1].islower() and prev.lower() not in _FUNCTION:
            cut = i
    return " ".join(words[cut:]) if cut else s


def _clean_parsed(phrase: str) -> str:
    """A parsed speaker phrase, or "" if it names nobody ("it", "the report", a time): glue of
    text extraction cut ("... 800 dead The Bank"), sentence openers dropped."""
    s = phrase.strip().strip("'\"“”‘’ ")
    if s.lower() in _PRONOUNS - {"it"}:
        return s
    s = _TRAILING_TIME.sub("", _cut_glue(_LEAD_STRIP.sub("", s)).strip(" ,"))
    s = re.sub(r"\s+(?:later|earlier|previously|initially|too|also)$", "", s)  # "... at the camp later said"
    if not s or _NOT_SOURCE.match(s) or not re.search(r"[A-Za-z]", s):
        return ""
    words = re.findall(r"[A-Za-z][\w'’.-]*", s)
    if all(w.lower().strip(".") in _TIME_WORDS for w in words) or re.search(r"\b(?:[ap]\.m\.|[ap]m|local|GMT|ET)$", s):
        return ""  # a time or a live-page stamp ("7:02 p.m. local"), not a speaker
    return s


IT_SPEAKS = True  # "it said" as the subject of an active reporting verb is a speaker to resolve

SCOPE_FIRST = True  # the reporting verb whose clause holds the figure wins over the nearest verb


def pick_attribution(atts: list[Attribution], pos: int, text: str | None = None) -> Attribution | None:
    """The attribution governing a figure at ``pos``: the nearest verb before it, else one after
    it that is set off by a comma or quote ("..., the doctor said"; "according to X") - not the
    speaker of a following clause glued on by text extraction."""
    named = [a for a in atts if a.source]
    if not named:
        # a bare passive governing the figure ("it was reported that 300 ..."): nobody named
        return next((a for a in atts if a.scope and a.scope[0] <= pos < a.scope[1]), None)
    inside = [a for a in named if a.scope and a.scope[0] <= pos < a.scope[1]]
    if SCOPE_FIRST and inside:
        # the innermost reporting clause; a verb before the figure first ("X said that ...,
        # Reuters reports": the outlet relays what X said)
        # a main-clause speaker before one inside a relative clause or a noun's complement
        # ("X reports that shrimpers filed a lawsuit accusing ... seeking $5m": X's figure)
        inside = [a for a in inside if not a.embedded] or inside
        pool = [a for a in inside if a.verb_pos <= pos] or inside
        return min(pool, key=lambda a: a.scope[1] - a.scope[0])
    atts = named
    before = [a for a in atts if a.verb_pos <= pos]
    if before:
        return before[-1]
    for a in atts:
        lead = text[max(0, min(a.start, a.verb_pos) - 40):min(a.start, a.verb_pos)] if text is not None else ","
        # set off by a comma/quote, possibly before a title the source was cut from ("..., UN spokeswoman X said")
        if text is None or re.search(r"[,\"”'’]\s*$|,\s+(?:[A-Za-z][\w.'’-]*\s+){1,3}$", lead) and not re.search(r"[,\"”'’]\s*(?:and|but|while|who|which)\s", lead[-20:]) or re.match(r"(?i)according|citing", text[a.verb_pos:a.verb_pos + 9]):
            return a
    return None
