"""Name normalisation: accent folding, particles, and a consonant-skeleton key for transliterations.

The skeleton is our own (no maintained library has a phonetic key for romanised Arabic
names: Soundex/Metaphone treat "Qarani" and "Gharani" as unrelated and merge "Ban"
with "Bin"-like short names just as freely). It is only ever used together with a
rapidfuzz similarity floor, never alone.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

PARTICLES = frozenset({"al", "el", "ad", "ed", "as", "ash", "at", "az", "ar", "an", "the"})
_APOSTROPHES = "'’‘`ʼʻʿʾ´"
_NON_WORD = re.compile(r"[^a-z0-9]+")
# transliteration classes, applied in order on a folded lower-case token
_DIGRAPHS = (
    ("kh", "k"),
    ("gh", "k"),
    ("dh", "d"),
    ("th", "t"),
    ("ph", "f"),
    ("sh", "s"),
    ("ch", "s"),
    ("ck", "k"),
    ("q", "k"),
    ("g", "k"),
    ("c", "k"),
    ("v", "f"),
    ("ey", "ei"),  # a y after a vowel is a vowel: Feysal = Feisal
    ("ay", "ai"),
)
_VOWELS = re.compile(r"[aeiou]")
_VOWEL_RUN = re.compile(r"[aeiou]+")
_ABBREVIATIONS = {
    "corp": "corporation", "co": "company", "inc": "incorporated", "ltd": "limited", "dept": "department",
    "govt": "government", "univ": "university", "assn": "association", "intl": "international",
    "natl": "national", "st": "saint", "mt": "mount", "ft": "fort",
}
_ABD = re.compile(r"^(abdel|abdul|abdal|abdoul|abdil)(\w{3,})$")
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


_DROP = str.maketrans("", "", _APOSTROPHES + ".")


def fold(text: str) -> str:
    """Lower-case ASCII form: accents folded, apostrophes dropped, hyphens/punctuation to spaces."""
    if text.isascii():
        s = text
    else:
        s = unicodedata.normalize("NFKD", text)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.translate(_DROP).lower()
    return _NON_WORD.sub(" ", s).strip()


def tokens(text: str) -> list[str]:
    """Folded name tokens without article/particles ("al-Islam" -> "islam"); "abd al X" -> "abdal"."""
    raw = fold(text).split()
    out: list[str] = []
    i = 0
    while i < len(raw):
        t = raw[i]
        if t == "abd" and i + 1 < len(raw) and raw[i + 1] in PARTICLES:
            out.append("abdal")
            i += 2
            continue
        m = _ABD.match(t)
        if t in ("abdel", "abdul", "abdal", "abdoul", "abdil"):
            out.append("abdal")
        elif m:  # "Abdelilah" = "Abdel Ilah", "Abdulrahman" = "Abdul Rahman"
            out.extend(["abdal", m.group(2)])
        elif t not in PARTICLES:
            out.append(_ABBREVIATIONS.get(t, t))
        i += 1
    return out


@functools.lru_cache(maxsize=1)
def nicknames() -> dict[str, frozenset[str]]:
    """Folded given name -> the folded full names it is (itself included), from
    data/entities_nicknames.tsv (built by scripts/build_nicknames.py). A short form listed under
    several full names ("Al": Albert, Alfred) keeps them all; two given names agree when their
    sets meet, so "Al" fits both but Albert and Alfred stay different names."""
    out: dict[str, set[str]] = {}
    for line in (DATA_DIR / "entities_nicknames.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        full, shorts = (line.split("\t") + [""])[:2]
        f = fold(full)
        out.setdefault(f, {f}).add(f)
        for sh in shorts.split("|"):
            if sh.strip():
                out.setdefault(fold(sh), {fold(sh)}).add(f)
    return {k: frozenset(v) for k, v in out.items()}


def _final_y(token: str) -> str:
    """A final y after a consonant is a vowel: Haddady = Haddadi, Aly = Ali."""
    if len(token) > 2 and token.endswith("y") and token[-2] not in "aeiou":
        return token[:-1] + "i"
    return token


@functools.lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Consonant skeleton of one folded token: Qarani, Karani, Gharani -> 'krn'."""
    s = _final_y(token)
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    head = "a" if s and _VOWELS.match(s[0]) else ""
    body = _VOWELS.sub("", s)
    body = body.replace("h", "")
    out = []
    for ch in head + body:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out) or s


@functools.lru_cache(maxsize=65536)
def vowel_shape(token: str) -> str:
    """Transliterated token with every vowel run as 'V' (y, w kept): Mohammed -> 'mVhVmVd', Mahmudi -> 'mVhmVdV'."""
    s = _final_y(token)
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    if len(s) > 3 and s.endswith("h") and s[-2] in "aeiou":
        s = s[:-1]  # final -ah/-eh: Tafilah = Tafila, Samratah = Samrata
    s = _VOWEL_RUN.sub("V", s)
    out = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def key(text: str) -> str:
    """Exact-match key: folded tokens without particles, joined."""
    return " ".join(tokens(text))


SURNAME_SIM = 60.0  # rapidfuzz ratio floor for surname spellings (Ghadhari / Qaddari: 67)
VOWELS_ONLY_SIM = 50.0  # surnames with the same consonants and the same vowel slots
GIVEN_SIM = 75.0  # stricter for given names (Mohammed / Muhammad: 75; Mahmoud / Mohammed: 67)


def _vowel_slot_only(sa: str, sb: str) -> bool:
    """Shapes equal or one vowel slot apart (Samrata / Samurata); a consonant may not differ (Mahler / Miller)."""
    if sa == sb:
        return True
    ops = Levenshtein.editops(sa, sb)
    if len(ops) != 1:
        return False
    tag, i, j = ops[0]
    if tag == "delete":
        return sa[i] == "V"
    if tag == "insert":
        return sb[j] == "V"
    return False


def same_token(a: str, b: str, given: bool = False) -> bool:
    """Two folded tokens are spellings of one name part (stricter for given names)."""
    if a == b:
        return True
    if given:
        nick = nicknames()
        if nick.get(a, frozenset((a,))) & nick.get(b, frozenset((b,))):
            return True
    if skeleton(a) != skeleton(b):
        return False
    if min(len(a), len(b)) <= 3:
        # short tokens: skeleton equality is too weak (Ban/Ben, Ali/Aly stay apart); Amr/Amre pass
        return Levenshtein.distance(vowel_shape(a), vowel_shape(b)) <= 1 and fuzz.ratio(a, b) >= 85
    # same consonants is not enough (Mohammed / Mahmudi): the vowel pattern may differ by one slot only
    # given names: same vowel pattern (Saad / Saadi differ); surnames may differ by one slot (Samrata / Samurata)
    sa, sb = vowel_shape(a), vowel_shape(b)
    if given and sa != sb:
        return False
    if not given and not _vowel_slot_only(sa, sb):
        return False
    floor = GIVEN_SIM if given else SURNAME_SIM
    if not given and sa == sb and min(len(a), len(b)) >= 5:
        floor = VOWELS_ONLY_SIM  # only the vowel letters differ (Jalil / Jeleel: 55)
    return fuzz.ratio(a, b) >= floor


def is_subsequence(short: list[str], long: list[str]) -> bool:
    """True when the tokens of ``short`` match tokens of ``long`` in order (given-name similarity)."""
    it = iter(long)
    return all(any(same_token(s, t, given=True) for t in it) for s in short)


def person_compatible(a: list[str], b: list[str]) -> bool:
    """Could token lists ``a`` and ``b`` name the same person?

    A one-token name matches the other's surname (last token). Longer names must agree on
    the first name and the surname (and the shorter's middle parts appear in order), or the
    shorter must begin the longer ("Abu Bakr") or end it as a multi-part surname
    ("Abdel Karim" in "Omar Abdel Karim"). Names of the same length match token by token.
    """
    if not a or not b:
        return False
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 1:
        return same_token(a[0], b[-1])
    if len(a) == len(b):
        return all(same_token(x, y, given=i < len(a) - 1) for i, (x, y) in enumerate(zip(a, b, strict=True)))
    if same_token(a[0], b[0], given=True) and same_token(a[-1], b[-1]):
        return is_subsequence(a[1:-1], b[1:-1])
    if all(same_token(x, y, given=True) for x, y in zip(a, b[: len(a)], strict=True)):
        return True  # "Abu Bakr" begins "Abu Bakr Haddadi"
    tail = b[len(b) - len(a):]
    return all(same_token(x, y) for x, y in zip(a, tail, strict=True))


def acronym_of(words: list[str]) -> str:
    """Initials of the content words of a name ("National Reform Council" -> "NRC")."""
    skip = {"of", "the", "for", "and", "de", "du", "des", "on", "in", "al", "el"}
    return "".join(w[0].upper() for w in words if w and w.lower() not in skip and w[0].isalpha())


_ACR_SKIP = {"of", "the", "for", "and", "de", "du", "des", "on", "in", "al", "el"}


def acronym_spells(acr: str, words: list[str]) -> bool:
    """``acr`` is made of a non-empty prefix of each content word in order
    ("NORCO" = Northern Rivers Oil COmpany, "NRC" = National Reform Council)."""
    content = [w.lower() for w in words if w and w.lower() not in _ACR_SKIP and w[0].isalpha()]
    a = acr.lower()

    @functools.cache
    def fits(i: int, j: int) -> bool:
        if j == len(content):
            return i == len(a)
        w = content[j]
        return any(a[i:i + n] == w[:n] and fits(i + n, j + 1) for n in range(1, min(len(w), len(a) - i) + 1))

    return 3 <= len(a) <= 8 and bool(content) and fits(0, 0)


def acronym_form(text: str) -> str | None:
    """'U.N.' / 'UN' / 'NRC' / 'ABC-N' -> 'UN' / 'NRC' / 'ABCN'; None when ``text`` is not acronym-like."""
    s = text.replace(".", "").replace(" ", "")
    if re.fullmatch(r"[A-Z]{2,6}-[A-Z]", s):
        s = s.replace("-", "")  # a wing of a body: "ABC-N" for its "A B C-North"
    if 2 <= len(s) <= 7 and s.isalpha() and s.isupper():
        return s
    return None
