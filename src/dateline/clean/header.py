"""Wire-story headers at the top of flattened articles.

Wire pages flatten to "RIVERTON | Sun Mar 20, 2011 7:55 pm EDT RIVERTON (Agency) - Text...",
sometimes with the headline glued in front. The page stamp (date text), the dateline
("RIVERTON (Agency)") and the headline are taken out of the first body line and kept in
``meta`` so the publication-date stage and the reader still have them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import CREDIT_RE, MONTH_FULL_RE, WEEKDAY_FULL_RE, WIRE_CREDIT_RE
from .features import DATE_RE

# the credit of a dateline: any capitalised name or acronym in parentheses (lexicon.CREDIT_RE)
_AGENCIES = CREDIT_RE
_CITY = r"[A-Z][A-Z.'’/-]*(?:[ ,]+[A-Z][A-Z.'’/-]*){0,3}"
# "CITY | <date and time> " page stamp
_STAMP = re.compile(rf"(?P<city>\b{_CITY}(?:,\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?)?)(?:,\s+[A-Z][a-z]{{2,8}}\.? \d{{1,2}})?\s*\|\s*(?P<date>[^|]{{6,60}}?\b(?:19|20)\d\d\b(?:,?\s+\d{{1,2}}:\d\d\s*[apAP]\.?[mM]\.?)?(?:\s+[A-Z]{{2,4}}T?\b)?)\s*")
# "CITY, Country, Month D (Agency) -" / "(Agency) --" dateline opening the story
_DATELINE = re.compile(
    rf"^(?P<dl>(?:{_CITY}(?:,\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?)?,?\s+)?(?:(?P<date>[A-Z][a-z]{{2,8}}\.? \d{{1,2}})\s+)?\((?:{_AGENCIES})\))"
    r"\s*(?:--?|—|–)\s*"
)


_TITLE_CITY = r"[A-Z][\w.'’/-]*(?:,? [A-Z][\w.'’/-]*){0,3}"
_DATELINE_IN = re.compile(
    rf"(?P<dl>(?:{_TITLE_CITY},?\s+)?(?:(?P<date>[A-Z][a-z]{{2,8}}\.? \d{{1,2}})\s+)?\((?:{WIRE_CREDIT_RE})\))\s*(?:--?|—|–)\s*"
)
# A page stamp right after a headline at the top: "16 December 2010 Last updated at 06:54 GMT",
# "Friday 16 July 2010 19.11 BST", "Tuesday, January 11, 2011; 12:31 AM", "Sunday 17 January".
_WEEKDAY = WEEKDAY_FULL_RE
_MONTH = MONTH_FULL_RE
_TOP_STAMP = re.compile(
    rf"(?:\b{_WEEKDAY},?\s+)?(?:\b\d{{1,2}} {_MONTH}(?:,? (?:19|20)\d\d)?|\b{_MONTH} \d{{1,2}},? (?:19|20)\d\d)"
    r"(?:\s*[;,-]?\s*(?:[Ll]ast updated at\s+)?\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?:GMT|BST|UTC|CET|[ECMP][SD]?T)\b)?)?"
    r"(?:\s+UK time)?",
)
# words that mark a link label rather than a headline ("Full Article", "Related Articles")
_LINK_LABEL = re.compile(r"^(?:.*\s)?(?:\w+\s)?(?:article|articles|story|stories)\s+(?=\S+\s+\S+\s+\S+)", re.I)


_CREDIT_LABEL = re.compile(r"\b(?:Credit|Photo|Photograph|Image|Picture|Video)s?\s*:")


@dataclass
class Header:
    line_index: int | None = None
    meta: dict[str, str] = field(default_factory=dict)
    removed: str = ""
    title: str | None = None
    dropped: list[int] = field(default_factory=list)  # lines above the story's opening: captions, highlights


def split_header(lines: list[str], search: int = 4) -> tuple[list[str], Header]:
    """Take the page stamp / dateline / glued headline off the first lines; return new lines."""
    out = list(lines)
    h = Header()
    seen = 0
    for i, ln in enumerate(out):
        if not ln.strip():
            continue
        seen += 1
        if seen > search:
            break
        s = ln.strip()
        m = _STAMP.search(s)
        if m and DATE_RE.search(m.group("date")) and m.start() < 200:
            pre = s[: m.start()].strip()
            rest = s[m.end() :]
            h.meta["header_date_text"] = m.group("date").strip()
            h.meta["header_city"] = m.group("city").strip()
            credit = _CREDIT_LABEL.search(pre)
            if credit:  # "Headline Credit: Agency/State TV via" -> "Headline"
                pre = pre[: credit.start()].strip()
            label = _LINK_LABEL.match(pre)
            if label and label.group(0).split()[-1][:1].isupper():
                pre = pre[label.end():]  # "... Full Article Minister resigns" -> "Minister resigns"
            if len(pre.split()) >= 3 and title_shaped(pre):
                h.title = pre
            removed = s[: m.end()]
            d = _DATELINE.match(rest)
            if d:
                h.meta["dateline"] = d.group("dl").strip()
                if d.group("date"):
                    h.meta["dateline_date_text"] = d.group("date")
                city = d.group("dl").split("(")[0].split(",")[0].strip()
                if city and h.meta["header_city"].endswith(city):
                    h.meta["header_city"] = city  # "... via AGENCY TV RIVERTON |" -> RIVERTON
                    if pre.endswith(h.meta["header_city"]):
                        pre = pre[: -len(city)].strip()
                removed += rest[: d.end()]
                rest = rest[d.end() :]
            h.meta["header_text"] = removed.strip()
            h.line_index, h.removed = i, removed.strip()
            out[i] = rest.strip()
            return out, h
        d = _DATELINE.match(s)
        if d and len(s) > d.end() + 20:
            h.meta["dateline"] = d.group("dl").strip()
            if d.group("date"):
                h.meta["dateline_date_text"] = d.group("date")
            h.meta["header_text"] = s[: d.end()].strip()
            h.line_index, h.removed = i, s[: d.end()].strip()
            out[i] = s[d.end() :].strip()
            return out, h
        d = _DATELINE_IN.search(s)
        if d and d.start() > 0 and len(s) > d.end() + 20:
            # the story opens mid-line: what comes before it on this line and above it are
            # page furniture (byline, photo caption, story highlights)
            h.meta["dateline"] = d.group("dl").strip()
            if d.group("date"):
                h.meta["dateline_date_text"] = d.group("date")
            h.meta["header_text"] = s[: d.end()].strip()
            h.line_index, h.removed = i, s[: d.end()].strip()
            h.dropped = [j for j in range(i) if out[j].strip()]
            out[i] = s[d.end() :].strip()
            return out, h
    return _top_stamp(out, h)


def _top_stamp(out: list[str], h: Header) -> tuple[list[str], Header]:
    """A headline glued to a page stamp and the story on the first line (flattened pages of
    broadcasters and newspapers): headline -> title, stamp -> meta, story stays."""
    first = next((i for i, ln in enumerate(out) if ln.strip()), None)
    if first is None:
        return out, h
    s = out[first].strip()
    twice = _TWICE.match(s)
    if twice and title_shaped(twice.group(1)) and len(s[twice.end():].split()) >= 5:
        # "Firm admits delay in recall Firm admits delay in recall The company said..."
        h.title, h.removed, h.line_index = twice.group(1), s[: twice.end()].strip(), first
        h.meta["header_text"] = h.removed
        out[first] = s[twice.end():].strip()
        return out, h
    m = _TOP_STAMP.search(s[:250])
    rest = s[m.end():].strip() if m else ""
    if not m or len(rest.split()) < 5 or not rest[:1].isupper():
        return out, h
    pre = s[: m.start()].strip(" ,;-|")
    if pre and (pre.endswith((".", "!", "?", '"', "”")) or len(pre.split()) > 40
                or pre.split()[-1].lower() in _FUNCTION or not pre[-1].isalnum()):
        return out, h  # a sentence before the date ("... since 20 April"): the date is part of it
    title = headline_part(pre) if title_shaped(pre) else None
    if title is None:
        return out, h  # no headline to be sure of: the line stays as it is (its summary helps the timeline)
    h.meta["header_date_text"] = m.group(0).strip()
    h.meta["header_text"] = s[: m.end()].strip()
    h.title = title
    standfirst = pre[len(title):].strip() if pre.startswith(title) else ""
    if len(standfirst.split()) >= 4:
        h.meta["standfirst"] = standfirst  # the summary printed between headline and stamp
    if not SPLIT_TOP_STAMP:
        return out, h
    h.line_index, h.removed = first, s[: m.end()].strip()
    out[first] = rest
    if len(standfirst.split()) >= 4:
        # the standfirst under the headline is the article's own summary: it stays in the text
        out[first:first + 1] = [standfirst, rest]
        h.removed = h.removed.replace(standfirst, " ").replace("  ", " ")
    return out, h


_TWICE = re.compile(r"^(\S+(?: \S+){2,19}) \1\s+(?=\S)")
# Take the headline and the stamp off the first line (True), or only read the headline and
# leave the line as printed (False). Measured on the T17 timeline gate (one dev family,
# two outlets, --limit 2): taking them off cost AR-1 F 0.1522 -> 0.1421 (the timeline picks those long
# first lines), while the T17 line gold gains ~0.02 text F1. Off until the timeline stage
# no longer depends on them.
SPLIT_TOP_STAMP = False
_FUNCTION = frozenset("""a an the of in on at to for by with from as and or but is are was be says say said after over into
about across amid against before under than near off up down out between through during without within via like despite
toward towards onto upon since until""".split())


def title_shaped(text: str) -> bool:
    """Not a byline, a time stamp, a "|" list or a line of page furniture (title.py's test)."""
    from .title import _score

    if not text.split():
        return False
    return ("|" not in text and (text[-1:].isalnum() or text[-1:] in "?!'\"”’)")
            and text.split()[-1].lower() not in _FUNCTION and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"'‘“")
            and _score(text, 0, False, set()) is not None)


def headline_part(text: str) -> str | None:
    """The headline of "Headline Standfirst" printed without a stop between them: cut at the
    first lower-case word followed by a capitalised one (the standfirst's first word)."""
    words = text.split()
    if len(words) < 3:
        return None
    if len(words) <= 12:
        return text
    for k in range(3, len(words) - 2):
        prev, cur = words[k - 1], words[k]
        if prev[:1].islower() and prev.lower() not in _FUNCTION and cur[:1].isupper() and prev[-1:].isalnum():
            return " ".join(words[:k])
    return None
