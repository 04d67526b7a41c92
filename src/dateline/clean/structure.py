"""The document-structure layer: the typed parts of a news page, found once, by cleaning.

Cleaning knows where the headline, the dateline, the byline, the page stamp and the removed
page furniture are; it writes them into a ``Structure`` (model.py) so later stages read them
instead of finding them again with regular expressions of their own:

* ``headline``: the title cleaning chose;
* ``dateline``: "PLACE, Country, Month D (Credit) -" opening the story - taken off the text by
  the header splitter (text input) or still opening one of the first body lines (HTML input,
  after a headline or byline line the extractor kept);
* ``byline`` ("By Jane Doe") and ``agency`` (a wire service of the shared lexicon credited by
  the dateline or the byline);
* ``standfirst``: the page's own summary (HTML description metadata, when it is not the first
  body line);
* ``page_stamp``: the page's printed date/time stamp;
* ``live_items``: the stamped items of a live page ("(10:21 a.m. Monday ET, 4:21 p.m. in
  Country) ...", "COUNTRY, 4:01 p.m. ET, 11:01 p.m. local: ...") as offsets of the clean text;
* ``captions`` and ``removed``: what cleaning took out and could name - photo captions, and
  the removed lines of kind header, byline, credit, comments or share (the rest of the removed
  page furniture stays only in ``Document.boilerplate``, so nothing is stored twice).

The regular expressions for datelines and live-page stamps live here, once; the readers of
sentences (events/readable.py, claims/labels.py) import them.
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon import CREDIT_RE, PHOTO_AGENCIES, TIME_ZONES, WIRE_CREDIT_RE, agency_name, is_agency
from ..model import Dateline, LiveItem, RemovedPart, Structure
from .features import CUE_WORDS, normalise

# -- datelines ---------------------------------------------------------------------------
_PLACE_CAPS = r"[A-Z][A-Z.'’/-]+(?:[ ,]+[A-Z][A-Z.'’/-]+){0,3}"
_PLACE_ANY = r"[A-Z][\w.'’/-]*(?:,? [A-Z][\w.'’/-]*){0,3}"
_COUNTRY = r"(?:,\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
_DL_DATE = r"[A-Z][a-z]{2,8}\.? \d{1,2}"
_DASH = r"\s*(?:--?|—|–)\s*"
# a dateline opening a line: "RIVERTON, Country, March 19 (Agency) - " / "Riverton (ABC) -- " /
# "RIVERTON, March 19 - " (a capitals place needs no credit)
LINE_DATELINE = re.compile(
    rf"^(?P<dl>(?:(?P<place>{_PLACE_ANY}{_COUNTRY}?),?\s+)?(?:(?P<date>{_DL_DATE})\s+)?\((?P<credit>{CREDIT_RE})\))(?={_DASH})"
    rf"|^(?P<dl2>(?P<place2>{_PLACE_CAPS}{_COUNTRY}?)(?:,\s+(?P<date2>{_DL_DATE}))?)(?=\s*(?:--|—|–|-)\s+[A-Z\"'‘“])"
)
# a wire dateline inside a run-in line (a headline or byline printed before it)
RUNIN_DATELINE = re.compile(
    rf"^(?:.{{0,200}}?\b)?[A-Z][A-Za-z0-9 .,'/-]{{1,60}}?\s*\({WIRE_CREDIT_RE}\)\s*(?:--|-|—|–|:)\s*"
)
# a capitals dateline opening a sentence, with or without a credit: "RIVERTON, Country - "
CAPS_DATELINE_LEAD = re.compile(r"^[A-Z][A-Z .,'/-]{2,40}(?:\s*\([A-Za-z .]+\))?\s*(?:--|-|—|–)\s+")
# -- live-page stamps --------------------------------------------------------------------
# "(10:21 a.m. Monday ET, 4:21 p.m. in Country)" opening a line or a sentence
PAREN_STAMP = re.compile(r"^\(\d{1,2}:\d{2}\s*[ap]\.?m\.?[^()]{0,60}\)\s*(?:(?:--|-|—|–)\s*)?(?=[A-Z\"'])")
# "COUNTRY, 3:29 p.m. ET, 10:29 p.m. local:" (one clock part of such a stamp)
CLOCK_STAMP = re.compile(r"(?:[A-Z][A-Z .'-]*,\s*)?\d{1,2}:\d\d\s*[ap]\.m\.[^:\n]{0,40}?\s")
# a line opening with a stamp: one item of a live page starts there
STAMP_LINE = re.compile(r"^[ \t]*(?:\(\d{1,2}:\d\d\s*[ap]\.?m\.?|[A-Z]{2}[A-Z .'-]*,\s*\d{1,2}:\d\d\b)", re.M)
_STAMP_PLACE = re.compile(
    r"[ \t]*(?:(?P<caps>[A-Z]{2}[A-Z .'-]*?),\s*\d{1,2}:\d\d|\(\d{1,2}:\d\d[^)\n]{0,40}\bin\s+(?P<in>[A-Z][\w .'-]{1,30}?)\))"
)
_STAMP_END = re.compile(r"[ \t]*(?:\([^)\n]{0,80}\)|[^\n]{0,80}?\blocal:|[^\n]{0,60}?\d{1,2}:\d\d\s*[ap]\.?m\.?(?:\s*[A-Z]{2,4}\b)?)")
# -- bylines, captions, removed parts ----------------------------------------------------
_NAME_WORD = r"(?:[A-Z][a-z][\w.'’-]*|[A-Z]\.)"
_BYLINE = re.compile(
    rf"^\W*(?P<by>By\s+{_NAME_WORD}(?:\s+(?:and\s+|de\s+|van\s+|von\s+)?{_NAME_WORD}){{0,5}}"
    rf"(?:\s*,\s*(?:[A-Z][a-z]+|and|of)(?:\s+(?:[A-Z][a-z]+|and|of|the)){{0,5}})?)"
)
# what may follow a byline printed in a run-in header: a capitals place, a "|" stamp, the end
_AFTER_BYLINE = re.compile(r"\s+[A-Z]{2,}\b|\s*[|(]|\s*$")
_CAPTION = re.compile(
    r"^(?:Image caption|Image copyright|Caption)\b|^(?:Photo(?:graph)?|Picture|Image)(?: credit| source)?\s*:"
    r"|^(?:Photo|Picture)\s+by\s+[A-Z]|\((?:Photo|Image|Picture)s?\b[^)]*\)\s*$"
    rf"|\b(?:{'|'.join(PHOTO_AGENCIES)})(?: Images)?\s*$|\b(?:Photo|Photograph|Picture)\s*:\s*\S|\bAP Photo\b",
    re.I,
)
_CREDIT_LINE = re.compile(
    r"^\W*(?:(?:additional |further )?reporting|writing|editing|compiled|edited) by\b"
    r"|\bcontributed (?:reporting )?to this (?:report|story|article)\W*$",
    re.I,
)
_COMMENTS = re.compile(r"\b(?:comments?|discussion|commenting|replies|reply)\b", re.I)
_SHARE_WORDS = frozenset("share shares tweet email e-mail print facebook twitter whatsapp linkedin pinterest reddit "
                         "telegram messenger pin".split())
BYLINE_SEARCH = 8  # lines of the top of the page a byline is looked for in


def parse_dateline(text: str) -> Dateline | None:
    """The Dateline of a dateline as printed ("RIVERTON, Country, March 19 (Agency)")."""
    m = LINE_DATELINE.match(text.strip() + " - A")  # as it opens a story: followed by a dash
    if m is None:
        return None
    return _dateline_of(m)


def _dateline_of(m: re.Match[str]) -> Dateline:
    if m.group("dl") is not None:
        return Dateline(text=m.group("dl").strip(), place=(m.group("place") or "").strip(" ,") or None,
                        date_text=m.group("date"), credit=m.group("credit"))
    return Dateline(text=m.group("dl2").strip(), place=m.group("place2").strip(" ,") or None, date_text=m.group("date2"))


def find_dateline(lines: list[str], search: int = 4) -> Dateline | None:
    """The dateline opening one of the first ``search`` non-empty lines (after a headline or
    a byline line), or None."""
    seen = 0
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        seen += 1
        if seen > search:
            break
        m = LINE_DATELINE.match(s)
        if m and len(s) > m.end() + 20:
            return _dateline_of(m)
    return None


def live_items(text: str) -> list[LiveItem]:
    """The stamped items of a live page (two stamp lines at least), in text order."""
    starts = [m.start() for m in STAMP_LINE.finditer(text)]
    if len(starts) < 2:
        return []
    out: list[LiveItem] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        st = _STAMP_END.match(text, start)
        stamp = text[start:st.end()].strip() if st else text[start:text.find("\n", start) if "\n" in text[start:] else end]
        item = LiveItem(start=start, end=end, stamp=stamp[:120])
        p = _STAMP_PLACE.match(text, start)
        if p is not None:
            g = "caps" if p.group("caps") else "in"
            item.place, item.place_start, item.place_end = p.group(g), p.start(g), p.end(g)
        out.append(item)
    return out


def removed_kind(line: str) -> str:
    """What a removed page line was: caption, byline, credit, comments, share or boilerplate."""
    s = line.strip()
    words = normalise(s).split()
    if _CAPTION.search(s):
        return "caption"
    if _byline_of(s) is not None:
        return "byline"
    if _CREDIT_LINE.search(s):
        return "credit"
    if len(words) <= 30 and _COMMENTS.search(s) and any(w in CUE_WORDS for w in words):
        return "comments"
    if words and len(words) <= 12 and sum(w in _SHARE_WORDS for w in words) * 2 >= len(words):
        return "share"
    return "boilerplate"


def _byline_of(line: str) -> str | None:
    """"By Jane Doe, Staff Writer" opening a short line or a run-in header, else None."""
    s = line.strip()
    m = _BYLINE.match(s)
    if m is None:
        return None
    if len(s.split()) <= 14 or _AFTER_BYLINE.match(s, m.end()):
        return m.group("by").strip(" ,")
    return None  # "By Monday, the water had ..." opens a sentence


def _byline(lines: list[str]) -> str | None:
    for ln in lines:
        by = _byline_of(ln)
        if by is not None:
            return by
    return None


def _clean_place(place: str) -> str | None:
    """The place of a dateline without the stamp or credit words printed before it
    ("EDT" of a clock time, "AGENCY RIVERTON")."""
    words = place.split()
    while words and (words[0].strip(",") in TIME_ZONES or is_agency(words[0].strip(","))):
        words = words[1:]
    return " ".join(words).strip(" ,") or None


def _agency(dateline: Dateline | None, byline: str | None) -> str | None:
    if dateline is not None and dateline.credit and agency_name(dateline.credit):
        return agency_name(dateline.credit)
    if byline:
        for part in re.split(r"[,;|]|\band\b", byline):
            part = part.strip(" .")
            if part and not part.lower().startswith("by ") and agency_name(part):
                return agency_name(part)
    return None


def build_structure(text: str, title: str | None, boilerplate: list[str], meta: dict[str, Any]) -> Structure:
    """The Structure of a cleaned page: ``text`` (clean body), ``title``, the removed lines and
    the cleaner's page metadata (header_* keys of the header splitter, trafilatura's fields)."""
    body = text.split("\n")
    st = Structure(headline=title, found=True)
    if meta.get("dateline"):
        dl = parse_dateline(str(meta["dateline"]))
        st.dateline = dl or Dateline(text=str(meta["dateline"]), date_text=meta.get("dateline_date_text"))
        if st.dateline.date_text is None and meta.get("dateline_date_text"):
            st.dateline.date_text = str(meta["dateline_date_text"])
    else:
        st.dateline = find_dateline(body)
    if meta.get("header_date_text"):
        st.page_stamp = str(meta["header_date_text"])
    if st.dateline is not None and st.dateline.place:
        st.dateline.place = _clean_place(st.dateline.place)
    header = str(meta.get("header_text") or "")
    top = [ln for ln in [header, *boilerplate[:BYLINE_SEARCH], *body[:BYLINE_SEARCH]] if ln.strip()]
    st.byline = _byline(top)
    if st.byline is None and meta.get("author"):
        st.byline = str(meta["author"])
    st.agency = _agency(st.dateline, st.byline)
    desc = str(meta.get("standfirst") or meta.get("description") or "").strip()
    first = next((ln.strip() for ln in body if ln.strip()), "")
    if len(desc.split()) >= 6 and normalise(desc) != normalise(title or "") and not first.startswith(desc[:40]):
        st.standfirst = desc
    st.live_items = live_items(text)
    for ln in boilerplate:
        kind = "header" if header and ln.strip() == header else removed_kind(ln)
        if kind == "caption":
            st.captions.append(ln)
        elif kind != "boilerplate":  # plain furniture is in Document.boilerplate already
            st.removed.append(RemovedPart(kind=kind, text=ln))
    return st
