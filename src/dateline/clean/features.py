"""Features of one text line for the boilerplate classifier (jusText-style, text only).

jusText judges HTML blocks by length, stop-word density and link density. Flattened text has
no links, so link density is replaced by signals visible in the text itself: a small
vocabulary of boilerplate cue words, the shape of share/menu lists ("A | B | C",
"Home > World"), date/time stamps that fill the line, counters ("12 comments"), URL and
e-mail fragments, and repetition within the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import CREDIT_WORDS, MONTH_EN_RE_I, WEEKDAY_EN_RE_I

# Words that, in a short line, mark page furniture rather than prose. Lower-case word forms;
# matched as whole tokens. Mostly English (our inputs) with the commonest German/French/
# Spanish/Italian equivalents, because flattened pages come from everywhere.
CUE_WORDS = frozenset("""
share shares shared sharing tweet retweet pin email e-mail print comment comments commenting reply replies
subscribe subscribed subscription unsubscribe newsletter newsletters sign signup login logout log register
copyright rights reserved related trending popular recommended sponsored advertisement advertising advertise ad
ads promoted updated posted published permalink cookie cookies privacy terms policy faq sitemap rss menu
navigation skip search home homepage contact careers follow followers like likes views view facebook twitter
instagram whatsapp linkedin pinterest reddit youtube telegram tumblr messenger click here download app apps
previous next more read continue tags tag tagged categories category filed archive archives loading video
videos photos gallery watch listen podcast edition account profile notifications alerts feedback
disclaimer byline credit credits caption
teilen kommentar kommentare kommentieren antworten abonnieren anmelden abmelden impressum datenschutz werbung
anzeige weiterlesen mehr zum thema verwandte artikel startseite suche drucken schlagworte
partager commentaire commentaires répondre abonner connexion publicité lire aussi accueil
compartir comentario comentarios responder suscribirse publicidad inicio leer
condividi commento commenti rispondi iscriviti pubblicità leggi
""".split()) | CREDIT_WORDS  # picture/wire credits (lexicon.CREDIT_WORDS)

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_END_PUNCT = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
_MONTHS = MONTH_EN_RE_I
_WEEKDAYS = WEEKDAY_EN_RE_I
DATE_RE = re.compile(
    rf"\b(?:{_WEEKDAYS},?\s+)?(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}"
    rf"|\d{{4}}-\d\d-\d\d|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})",
    re.I,
)
TIME_RE = re.compile(r"\b\d{1,2}[:.]\d\d(?:\s*(?:[ap]\.?m\.?|h|uhr))?(?:\s+[A-Z]{2,4}\b)?|\b\d{1,2}\s*[ap]\.?m\.?", re.I)
_REL_TIME = re.compile(r"\b\d+\s*(?:min(?:ute)?s?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago\b", re.I)
_COUNTER = re.compile(r"^\(?\d[\d,.]*[kKmM]?\)?\s+\w+$|^\w+\s*[:(]?\s*\d[\d,.]*[kKmM]?\)?$")
_SEPARATORS = re.compile(r"\s[|•·»›>/]\s|\s[|•·»›]|[|•·»›]\s")
_URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk|ly|html?)\b|\w@\w|\bbit\s?\.\s?ly\b", re.I)


@dataclass
class LineFeatures:
    text: str
    chars: int
    words: int
    stop_density: float
    cue_words: int
    cap_ratio: float
    digit_ratio: float
    end_punct: bool
    separators: int
    stamp_share: float  # share of the line's characters covered by dates, times and "x hours ago"
    counter: bool  # "12 comments", "Views: 1,024"
    urlish: bool
    copyright: bool


_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana and CJK ideographs
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    import justext

    return {name: frozenset(justext.get_stoplist(name)) for name in sorted(justext.get_stoplists())}


@lru_cache(maxsize=1)
def _stopword_index() -> dict[str, tuple[str, ...]]:
    """Stop word -> the languages whose jusText list holds it."""
    index: dict[str, list[str]] = {}
    for name, stops in _stoplists().items():
        for w in stops:
            index.setdefault(w, []).append(name)
    return {w: tuple(v) for w, v in index.items()}


def guess_stoplist(lines: list[str]) -> frozenset[str]:
    """The jusText stop-word list that covers most words of the document (English on ties or none)."""
    sample = "".join(lines)[:50000]
    letters = len(_LETTER.findall(sample))
    if letters and len(_WIDE.findall(sample)) > 0.3 * letters:
        return frozenset()  # written without spaces (Chinese, Japanese): stop-word density means nothing
    prose = [ln for ln in lines if len(ln.split()) >= 5] or lines  # menus would favour odd languages
    words = [w.lower() for ln in prose[:200] for w in _TOKEN.findall(ln)][:2000]
    if not words:
        return _stoplists()["English"]
    hits: Counter = Counter()
    index = _stopword_index()
    for w, k in Counter(words).items():  # each distinct word once (a stop word is in dozens of lists)
        for lang in index.get(w, ()):
            hits[lang] += k
    best, best_score = "English", hits["English"] / len(words)
    for name, n in sorted(hits.items()):
        if n / len(words) > best_score + 1e-9:
            best, best_score = name, n / len(words)
    return _stoplists()[best] if best_score >= 0.08 else frozenset()


def _covered(spans: list[tuple[int, int]]) -> int:
    spans.sort()
    total, end = 0, -1
    for a, b in spans:
        if b <= end:
            continue
        total += b - max(a, end)
        end = b
    return total


def line_features(line: str, stops: frozenset[str]) -> LineFeatures:
    s = line.strip()
    toks = _TOKEN.findall(s)
    low = [t.lower() for t in toks]
    n = len(toks)
    alpha = [t for t in toks if t[0].isalpha()]
    caps = sum(1 for t in alpha if unicodedata.category(t[0]) == "Lu")
    digits = sum(1 for c in s if c.isdigit())
    spans = [m.span() for r in (DATE_RE, TIME_RE, _REL_TIME) for m in r.finditer(s)]
    # a CJK character carries about a word: weigh it like the 3 characters of a short word
    wide = len(_WIDE.findall(s))
    return LineFeatures(
        text=s,
        chars=len(s) + 2 * wide,
        words=n,
        stop_density=(sum(1 for t in low if t in stops) / n) if n and stops else 0.0,
        cue_words=sum(1 for t in low if t in CUE_WORDS),
        cap_ratio=caps / len(alpha) if alpha else 0.0,
        digit_ratio=digits / max(1, len(s.replace(" ", ""))),
        end_punct=bool(_END_PUNCT.search(s)),
        separators=len(_SEPARATORS.findall(s)),
        stamp_share=_covered(spans) / max(1, len(s)),
        counter=bool(_COUNTER.match(s)) and any(c.isdigit() for c in s),
        urlish=bool(_URLISH.search(s)),
        copyright="©" in s or "copyright" in s.lower() or "(c)" in s.lower(),
    )


def normalise(line: str) -> str:
    """Key used to find repeated lines: lower case, letters and digits only."""
    return " ".join(_TOKEN.findall(line.lower()))
