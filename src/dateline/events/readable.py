"""Is a sentence fit for a summary, and which part of it: dateline prefixes, fragments, page residue."""

from __future__ import annotations

import re

from ..clean.structure import CAPS_DATELINE_LEAD, PAREN_STAMP, RUNIN_DATELINE
from ..lexicon import GLOBAL_AGENCIES, MONTH_EN_RE, PHOTO_AGENCIES, TIME_ZONE_RE, WEEKDAY_FULL_RE
from ..model import Document

# "RIVERTON (Agency) - ", "Capital City (ABC) -- ", "PORT TOWN, Country (Agency) — " (a run-in
# header may come first): the structure layer's pattern, shared with the cleaner
_DATELINE = RUNIN_DATELINE
_CAPS_DATELINE = CAPS_DATELINE_LEAD
# factbox lines: "February 26 - The U.N. Security Council imposes ..." / "April 20, 2010: ..."
_DATE_LEAD = re.compile(
    rf"^(?:{MONTH_EN_RE}\s+\d{{1,2}}(?:/\d{{1,2}})?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{MONTH_EN_RE}(?:\s+\d{{4}})?)\s*(?:--|-|—|–|:)\s+(?=[A-Z])"
)
# web-page time stamps run into the first sentence: "Wednesday, May 26, 2010; 7:59 PM The firm's head of ..."
_STAMP_LEAD = re.compile(
    rf"^(?:{WEEKDAY_FULL_RE},?\s+)?{MONTH_EN_RE}"
    rf"\s+\d{{1,2}},?\s+\d{{4}}[;,]?\s+\d{{1,2}}\s?:\s?\d{{2}}\s*[AaPp]\.?[Mm]\.?(?:\s*{TIME_ZONE_RE})?\s+(?=[A-Z\"'])"
)
# live-blog entry stamps: "(10:21 a.m. Monday ET, 4:21 p.m. in Country) Officials said ..."
_PAREN_STAMP = PAREN_STAMP
_UNNAMED_SAID = re.compile(r"\b(?:he|she|they)\s+(?:said|says|added|told|explained)\b", re.I)
# live-blog and transcript labels: "COUNTRY, 4:01 p.m. ET, 11:01 p.m. local: ", "ANCHOR: "
_LABEL = re.compile(r"^(?:[A-Z][A-Z .]{2,30},\s*.{0,50}?\blocal:\s+|[A-Z][A-Z.'-]{2,20}(?:\s[A-Z][A-Z.'-]+)?:\s+(?=[A-Z\"]))")
_PRONOUN_START = re.compile(r"^(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|We|I|But|And|Also|So|Here)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|us)\b")
_QUOTED = re.compile(r'"[^"]*"')
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*(?:ET|EST|EDT|GMT|BST|local)\b")
_BAD = re.compile(r"\||\bthis (?:blog|video|page|live ?blog)\b|\b\d{1,2}:\d{2}\s*[ap]\.?m\b.{0,12}\bat\b|https?://|www\.|©|\bclick here\b|\bRead more\b|\bEmail to a friend\b|\bAll rights reserved\b", re.I)


# a photo caption or headline run into the sentence without a full stop:
# "Dr Smith denies any wrongdoing On 8 February, 2010, Dr Smith appeared in court ..."
_GLUE = re.compile(r"(?<=[a-z0-9'’])\s+(?=(?:The|On|In|An|It|He|She|They|This|But|After|When|His|Her|Its|Their|There)\s)")
_GLUE_OK_BEFORE = re.compile(r"\b(?:in|of|the|by|on|at|to|from|for|with|and|or|told|said|says|called|named|film|book|"
                             r"show|song|album|newspaper|magazine|paper)$", re.I)


def _glued_start(sentence: str) -> int:
    """Offset after a caption/headline glued to the front of a sentence, or 0."""
    best = 0
    for m in _GLUE.finditer(sentence):
        head = sentence[: m.start()]
        if len(head.split()) > 40:
            break
        if len(head.split()) >= 3 and not _GLUE_OK_BEFORE.search(head) and len(sentence[m.end():].split()) >= 8:
            best = m.end()
    return best


_CREDIT_NAMES = "|".join((*PHOTO_AGENCIES, *GLOBAL_AGENCIES))
_CREDIT = re.compile(rf"\b(?:Photograph|Photo|Picture|Image|{_CREDIT_NAMES}|EPA|PA|Link to|Video|Audio|Updated|ago)\b|\bthis article\b", re.I)


_ANY_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b[ap]\.m\b|\b(?:ET|EST|EDT|GMT|BST)\b", re.I)


def glued_head(sentence: str) -> str | None:
    """The headline glued to the front of a sentence, when it reads as a headline (else None)."""
    off = _glued_start(sentence)
    if not off or content_start(sentence) != off:
        return None
    head = sentence[:off].strip()
    words = head.split()
    if not 4 <= len(words) <= 20 or not head[0].isupper() or _CREDIT.search(head) or _BAD.search(head):
        return None
    if _FIRST_PERSON.search(_QUOTED.sub("", head)) or head.count('"') % 2 or head.count("'") % 2:
        return None
    if _ANY_CLOCK.search(head):  # a live-blog stamp ("ET, 6:45 p.m. local"), not a headline
        return None
    return head


def content_start(sentence: str) -> int:
    """Offset where the sentence proper begins (after a dateline, run-in headline or glued caption)."""
    m = _DATELINE.match(sentence)
    if m:
        return m.end()
    m = (_STAMP_LEAD.match(sentence) or _PAREN_STAMP.match(sentence) or _CAPS_DATELINE.match(sentence) or _DATE_LEAD.match(sentence)
         or _LABEL.match(sentence))
    if m:
        return m.end()
    return _glued_start(sentence)


def content_start_in(doc: Document, start: int, end: int) -> int:
    """``content_start`` of the sentence ``doc.text[start:end]``, reading the document's
    structure first: the dateline and the live-item stamp cleaning found are skipped by their
    known extent; other prefixes fall back to the sentence patterns."""
    sentence = doc.text[start:end]
    st = doc.structure
    for item in st.live_items:
        if item.start <= start < item.start + len(item.stamp) and doc.text.startswith(item.stamp, item.start):
            off = item.start + len(item.stamp) - start
            return off + len(sentence[off:]) - len(sentence[off:].lstrip(" \t-—–"))
    dl = st.dateline
    if dl is not None and sentence.startswith(dl.text):
        m = _DASH_AFTER.match(sentence, len(dl.text))
        if m:
            return m.end()
    return content_start(sentence)


_DASH_AFTER = re.compile(r"\s*(?:--|-|—|–|:)\s*")


def starts_sentence(text: str, start: int) -> bool:
    """True when ``start`` follows a sentence end or a line break (not a mid-sentence split)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?\"'\n)”:"


def readable(sentence: str, min_words: int = 8, max_words: int = 60) -> bool:
    """A whole declarative sentence that reads on its own."""
    s = sentence.strip()
    words = s.split()
    if not min_words <= len(words) <= max_words:
        return False
    if not s[0].isupper() and not s[0].isdigit() and s[0] not in "\"'":
        return False
    if s[-1] not in ".\"'!)" or s.endswith("?") or s.endswith('?"'):
        return False
    if _BAD.search(s) or _PRONOUN_START.match(s) or _UNNAMED_SAID.search(s):
        return False
    if s.count('"') % 2 == 1:
        return False
    if _CLOCK.search(s) or _FIRST_PERSON.search(_QUOTED.sub("", s)):  # live-blog stamps, the writer's own voice
        return False
    return True
