"""Wire-story headers at the top of flattened articles.

Reuters pages flatten to "TRIPOLI | Sun Mar 20, 2011 7:55 pm EDT TRIPOLI (Reuters) - Text...",
sometimes with the headline glued in front. The page stamp (date text), the dateline
("TRIPOLI (Reuters)") and the headline are taken out of the first body line and kept in
``meta`` so the publication-date stage and the reader still have them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .features import DATE_RE

_AGENCIES = r"Reuters(?: Health)?|AP|AFP|CNN|Xinhua|Bloomberg|UPI|dpa|IANS|PTI|BBC|Al Jazeera"
_CITY = r"[A-Z][A-Z.'’/-]*(?:[ ,]+[A-Z][A-Z.'’/-]*){0,3}"
# "CITY | <date and time> " page stamp
_STAMP = re.compile(rf"(?P<city>\b{_CITY})(?:,\s+[A-Z][a-z]{{2,8}}\.? \d{{1,2}})?\s*\|\s*(?P<date>[^|]{{6,60}}?\b(?:19|20)\d\d\b(?:,?\s+\d{{1,2}}:\d\d\s*[apAP]\.?[mM]\.?)?(?:\s+[A-Z]{{2,4}}T?\b)?)\s*")
# "CITY, Country, Month D (Agency) -" / "(Agency) --" dateline opening the story
_DATELINE = re.compile(
    rf"^(?P<dl>(?:{_CITY}(?:,\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?)?,?\s+)?(?:(?P<date>[A-Z][a-z]{{2,8}}\.? \d{{1,2}})\s+)?\((?:{_AGENCIES})\))"
    r"\s*(?:--?|—|–)\s*"
)


_CREDIT_LABEL = re.compile(r"\b(?:Credit|Photo|Photograph|Image|Picture|Video)s?\s*:")


@dataclass
class Header:
    line_index: int | None = None
    meta: dict[str, str] = field(default_factory=dict)
    removed: str = ""
    title: str | None = None


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
            if credit:  # "Headline Credit: Reuters/Libyan TV via" -> "Headline"
                pre = pre[: credit.start()].strip()
            if len(pre.split()) >= 3:
                h.title = pre
            removed = s[: m.end()]
            d = _DATELINE.match(rest)
            if d:
                h.meta["dateline"] = d.group("dl").strip()
                if d.group("date"):
                    h.meta["dateline_date_text"] = d.group("date")
                city = d.group("dl").split("(")[0].split(",")[0].strip()
                if city and h.meta["header_city"].endswith(city):
                    h.meta["header_city"] = city  # "... via REUTERS TV TRIPOLI |" -> TRIPOLI
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
    return out, h
