"""Publication date of a document: metadata first (declared, HTML, path), then the text.

``date_document`` works on one document (phase 1); ``reconcile_publication_dates`` is the
story-level pass that gives yearless dates ("RIVERTON, March 19 -") their year from the
weekday and the years of the other documents of the run. Never today's date by default:
no evidence means ``published = None``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..lexicon import GLOBAL_AGENCIES, PHOTO_AGENCIES, WEEKDAY_NAMES_EN, WEEKDAYS, WIRE_CREDIT_RE
from ..model import Document, RawDocument, Structure
from .pubdate_html import htmldate_readings, url_date
from .pubdate_text import (
    DateCandidate,
    ambiguous_dates,
    body_years,
    date_only_line,
    find_dates,
    weekday_ok,
    years_for,
)

HEADER_CHARS = 400  # the top of a text where datelines and bylines sit
UNDER_HEADLINE = "stamp line under the headline"
ABOVE = True  # round 9: a date-only first line just above the headline is the page's date header
# ... unless it lies more than this many years after every year the body names (a judgement, not tuned: one
# development article, r6 13_14, is five years past its body's latest year; the test of a site stamp ten)
ABOVE_MAX_GAP = 5
PENDING_KEY = "pubdate_pending"  # doc.meta entry for a yearless date waiting for the story pass
# read the date printed in the dateline ("RIVERTON, March 19 (Agency) -") as its own region
DATELINE_REGION = True
# a yearless date is given a year in the story pass only when one year's day lies in the story's span
YEARLESS_UNIQUE = True
_ISO = re.compile(r"^((?:19|20)\d\d)(?:-([01]\d)(?:-([0-3]\d))?)?")


@dataclass
class Choice:
    value: str
    evidence: str
    confidence: float


def _iso(value: Any) -> str | None:
    """A declared date normalised to YYYY[-MM[-DD]], or None when it is not a date."""
    if not value:
        return None
    m = _ISO.match(str(value).strip())
    if not m:
        from .pubdate_text import parse_full_date

        return parse_full_date(str(value))
    return "-".join(g for g in m.groups() if g)


def _set(doc: Document, c: Choice | None) -> None:
    if c is None:
        return
    doc.published, doc.published_evidence, doc.published_confidence = c.value, c.evidence, round(c.confidence, 2)


def date_document(doc: Document, raw: RawDocument, clean_meta: dict[str, Any]) -> None:
    """Set ``published``, ``published_evidence``, ``published_confidence`` on ``doc``."""
    declared = _iso(raw.published)
    if declared:
        _set(doc, Choice(declared, f"input field 'published': {raw.published}", 0.95))
        return
    years = body_years(doc.text)
    _add_timex_years(doc, years)
    choice: Choice | None = None
    if raw.html is not None:
        choice = _from_html(raw.html, raw.url or doc.url, clean_meta, doc)
    if choice is None and raw.meta.get("path_date"):
        choice = Choice(raw.meta["path_date"], f"date in file path: {raw.source}", 0.85)
        said = _from_text(doc, clean_meta, years, raw.text)
        doc.meta.pop(PENDING_KEY, None)
        if said and said.value == choice.value:  # the text agrees with the path
            choice = Choice(choice.value, f"{choice.evidence}; the text says {said.evidence}", 0.95)
    if choice is None:
        choice = _from_text(doc, clean_meta, years, raw.text if raw.html is None else None)
    if choice is None and raw.html is None and PENDING_KEY not in doc.meta:
        # a text input (JSONL, a feed) whose text prints no date but whose URL path does ("...-20120411",
        # "/2011/03/19/"): the URL's full date, below a printed stamp's confidence
        full, _ = url_date(raw.url or doc.url)
        if full:
            choice = Choice(full, f"date in URL: {raw.url or doc.url}", 0.6)
    _set(doc, choice)


def _add_timex_years(doc: Document, years: Counter[int]) -> None:
    """Years of the document's temporal expressions, when TIMEX has already tagged them.

    Not calling the tagger here on purpose: in phase 1 dating runs before tagging, and a
    second tagging pass cost ~90 ms per article for no gain over body_years() (without an
    anchor only written-out years are trustworthy, and those the body scan already counts).
    """
    for t in doc.timexes:
        m = _ISO.match(t.value or "")
        if m and t.type == "DATE" and m.group(1) in (t.text or ""):
            years[int(m.group(1))] += 1


# ---------------------------------------------------------------- HTML pages


def visible_dates(doc: Document) -> list[str]:
    """Full dates written where a reader sees them: headline, top of the text, page lines."""
    parts = [doc.title or "", doc.text[:HEADER_CHARS], "\n".join(doc.boilerplate)]
    return [str(c.iso) for p in parts for c in find_dates(p) if c.iso]


def _from_html(html: str, url: str | None, clean_meta: dict[str, Any], doc: Document) -> Choice | None:
    """htmldate's original-date reading, checked against what the page shows and its URL.

    Measured on the htmldate-eval dev pages: when htmldate's original date is written
    nowhere on the visible page but its updated/metadata reading is, the visible one is
    the labelled publication date far more often than not (7 fixed, 1 broken of 576).
    """
    r = htmldate_readings(html, url)
    u_full, u_ym = url_date(url)
    shown = visible_dates(doc)
    best = r.original
    why = "HTML metadata/markup (htmldate, original date)"
    conf = 0.9 if best and best in shown else 0.8
    if best and best not in shown:
        for alt, name in ((r.updated, "htmldate, updated date"), (r.fast, "htmldate, metadata")):
            if alt and alt != best and alt in shown:
                best, why, conf = alt, f"{name}; the one written on the page", 0.8
                break
    # htmldate reads "/2023/10/3-fragen-..." as 2023-10-03: a day taken from a slug is no day
    if u_ym and not u_full and best and best[:7] == u_ym and best not in shown:
        in_month = [d for d in shown if d[:7] == u_ym]
        if in_month:
            best, why, conf = in_month[0], f"date written on the page; in the URL month {u_ym}", 0.75
    # a URL that says /YYYY/MM/ outranks a reading from another month
    if u_ym and best and best[:7] != u_ym:
        alts = [(r.updated, "htmldate, updated date"), (r.fast, "htmldate, metadata"), (u_full, "URL")]
        alts += [(d, "date written on the page") for d in shown]
        for alt, name in alts:
            if alt and alt[:7] == u_ym:
                best, why, conf = alt, f"{name}; agrees with the URL month {u_ym}", 0.8
                break
    if best is None and u_full:
        best, why, conf = u_full, f"date in URL: {url}", 0.75
    if best is None and clean_meta.get("date"):
        best, why, conf = _iso(clean_meta["date"]), "HTML metadata (trafilatura)", 0.8
    if best is None:
        return None
    if best[4:10] == "-01-01" and best not in shown:
        conf, why = 0.4, f"{why}; likely a year-only reading (copyright or archive year)"
    return Choice(best[:10], why, conf)


# ---------------------------------------------------------------- plain text


def _structure(doc: Document, clean_meta: dict[str, Any]) -> Structure:
    """The page structure cleaning found (on the document, or still in the cleaner's metadata)."""
    if doc.structure.found:
        return doc.structure
    st = clean_meta.get("structure")
    return st if isinstance(st, Structure) else doc.structure


_BYLINE = re.compile(r"^By\s+[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'’-]*){0,6}\s*$")


# "By A. Writer | March 14, 2013" / "By A. Writer, Agency - March 14, 2013": the byline before a stamp
_BYLINE_LEAD = re.compile(r"^By\s+[A-Z][^|•·\n]{0,60}?(?:\s*[|•·,]\s*|\s+[-–—]\s+)(?=\S*\s*(?:\w+\s*)?\d)")


DECK_LINES = 2  # standfirst lines a stamp may follow under the headline
# a dateline's place before the stamp: "Washington D.C., Jul 13, 2009/02:00 pm (CNA)"
_DATELINE_PLACE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,\s*(?=[A-Z][a-z]{2,8}\.?\s+\d|\d)")


def stamp_under_headline(raw_text: str | None, title: str | None) -> str | None:
    """The line under the headline (after a byline or a short standfirst) when it holds nothing but a date stamp.

    Where news pages print their publication stamp ("Headline / Nov. 30, 2009 / Story"); a site's
    "today" stamp or a reader comment's date stands elsewhere (above the headline, after the story).
    """
    if not raw_text or not title:
        return None
    lines = [ln.strip() for ln in raw_text[:3000].splitlines() if ln.strip()]
    head = " ".join(title.split())
    for i, ln in enumerate(lines[:6]):
        line = " ".join(ln.split())
        if line == head or (len(head.split()) >= 3 and line.startswith(head)):  # "Headline - Site name"
            # the stamp line, after a byline and at most DECK_LINES standfirst lines ("Headline / deck / June 26, 2005")
            for nxt in lines[i + 1 : i + 2 + DECK_LINES]:
                if _BYLINE.match(nxt):
                    continue  # "Headline / By A. Writer / Nov. 30, 2009"
                c = date_only_line(_DATELINE_PLACE.sub("", _BYLINE_LEAD.sub("", nxt)))
                if c is not None:
                    # an "Updated ..." line bounds the date from above only: _updated_only reads it
                    return nxt if c.context != "updated" else None
            return None
    return None


ABOVE_HEADLINE = "date header above the headline"


def stamp_above_headline(raw_text: str | None, first_line: str | None) -> str | None:
    """The line just above the headline when it opens the page and holds nothing but a full date: a
    blog's day header ("Saturday, August 24, 2013 / Palin appointee under indictment / ..."), which
    cleaning removes as a page line. Only the first line of the page counts (a site's running "today"
    stamp sits among menus, not alone above the headline), and an "Updated" line does not."""
    if not raw_text or not first_line:
        return None
    lines = [" ".join(ln.split()) for ln in raw_text[:3000].splitlines() if ln.strip()]
    head = " ".join(first_line.split())
    if len(lines) < 2 or not head or not lines[1].startswith(head[:60]):
        return None
    c = date_only_line(lines[0])
    return lines[0] if c is not None and c.context != "updated" else None


def _regions(doc: Document, clean_meta: dict[str, Any], raw_text: str | None = None) -> list[tuple[str, str, float]]:
    """(name, text, weight) of the places a text's date may be written, strongest first."""
    out = []
    st = _structure(doc, clean_meta)
    stamp = st.page_stamp or clean_meta.get("header_date_text")
    if stamp:
        out.append(("header", str(stamp), 1.0))
    under = stamp_under_headline(raw_text, doc.title)
    if under and under != stamp:
        out.append((UNDER_HEADLINE, under, 1.0))
    above = stamp_above_headline(raw_text, doc.title or doc.text.split("\n", 1)[0]) if ABOVE else None
    if above and above not in (stamp, under):
        out.append((ABOVE_HEADLINE, above, 1.0))
    if DATELINE_REGION and st.dateline is not None and st.dateline.date_text:
        out.append(("dateline", st.dateline.date_text, 0.9))
    out.append(("top of the text", doc.text[:HEADER_CHARS], 0.9))
    if doc.boilerplate:
        out.append(("removed page line", "\n".join(doc.boilerplate[:40]), 0.7))
    if doc.title:
        out.append(("headline", doc.title, 0.6))
    out.append(("body", doc.text[HEADER_CHARS:], 0.45))
    return out


_STAMP_BEFORE = re.compile(r"(^|\n)\s*(\(?[A-Z][A-Za-z.\-\'/ ]*[A-Z][A-Za-z.]*\s*,\s*)*([A-Z][a-z]+\s*,\s*)?[\W]*$|[|•·]\s*$")
_STAMP_AFTER = re.compile(r"^\s*([-–—]|\(|,?\s*\d{1,2}[:.]\d\d|\s*(GMT|UTC|EDT|EST|BST|CET)\b|\s*$|\s*\n)")
_WIRE_AFTER = re.compile(rf"\s*(\({WIRE_CREDIT_RE}\)|[-–—])")
_CAPS_BEFORE = re.compile(r"\b[A-Z]{3,}[A-Z/\\ .]*\s*,?\s*(?:[A-Z][a-z]+\s*,\s*)?$")
# a picture credit: a photo agency, or a global agency named before "Photo" or a "/"
_PHOTO_CREDIT = (rf"{'|'.join(PHOTO_AGENCIES)}|AFP|(?:{'|'.join(GLOBAL_AGENCIES)}) Photo|(?:{'|'.join(GLOBAL_AGENCIES)})\W*/")
_CAPTION = re.compile(rf"\b(photo\w*|pictured?|image|caption|file photo|{_PHOTO_CREDIT}|seen here)\b", re.I)


def stamp_like(text: str, c: DateCandidate) -> bool:
    """True when the date stands as a stamp (header line, dateline, byline), not inside a sentence."""
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start : c.start], text[c.end : line_end]
    if line_end - line_start <= 80:
        return True
    if _WIRE_AFTER.match(after) and _CAPS_BEFORE.search(before[-40:]):
        return True  # a wire dateline inside a run-in header: "... RIVERTON, Feb 28 (Agency) -"
    return bool(_STAMP_BEFORE.search(before[-60:])) or bool(_STAMP_AFTER.match(after[:20])) and len(before) < 60


def _line_led(text: str, c: DateCandidate) -> bool:
    """The date opens its line and a dash follows: an entry of a dated list."""
    line_start = text.rfind("\n", 0, c.start) + 1
    return not text[line_start : c.start].strip(" *•-") and bool(re.match(r"\s*[-–—:]", text[c.end : c.end + 4]))


def _line_of(text: str, c: DateCandidate) -> str:
    start = text.rfind("\n", 0, c.start) + 1
    end = text.find("\n", c.end)
    return text[start : len(text) if end < 0 else end].strip()


def _caption(text: str, c: DateCandidate) -> bool:
    return bool(_CAPTION.search(text[max(0, c.start - 150) : c.end + 60]))


def _score(c: DateCandidate, weight: float, years: Counter[int], text: str) -> float:
    s = weight
    stamp = stamp_like(text, c) or c.context == "published"
    if not stamp:
        # a date inside a sentence is an event date; only a photo caption ties it to the day
        s = min(s, 0.5) - 0.15
        if _caption(text, c) and c.year is not None:
            s += 0.1
    if c.context == "published":
        s += 0.1
    elif c.context == "updated":
        s -= 0.6
    if not weekday_ok(c):
        s -= 0.4
    if c.year is not None and years:
        later = max(years)
        # a page stamp far after every year the body talks about is not the article's date
        if c.year > later and sum(years.values()) >= 2:
            s -= 0.45 if c.year > later + 1 else 0.3
        elif years.get(c.year):
            top = years.most_common(1)[0][0]
            s += 0.05 if c.year == top else -0.15
    return s


def _from_text(doc: Document, clean_meta: dict[str, Any], years: Counter[int], raw_text: str | None = None) -> Choice | None:
    """The date the text prints for the article; failing that, its "Updated" stamp (see _updated_only)."""
    choice = _from_text_stamps(doc, clean_meta, years, raw_text)
    if choice is None and PENDING_KEY not in doc.meta:
        choice = _updated_only(doc, clean_meta, years, raw_text)
    if choice is None and PENDING_KEY not in doc.meta:
        choice = _ambiguous_stamp(doc, clean_meta, raw_text)
    return choice


LEAD_CHARS = 400  # the lead, where news names the weekday of what it reports ("arraigned Wednesday")
_WEEKDAY_WORD = re.compile(rf"\b({'|'.join(WEEKDAY_NAMES_EN)})\b")


LEAD_LOOSE_DAYS = 3  # news names by weekday the days of the past week; a lead's weekday this far back still fits


def _lead_fits(day: str, lead_weekdays: set[int], back: int = 1) -> bool:
    """The lead names the weekday of ``day`` or of one of the ``back`` days before (news reports today's and
    yesterday's events)."""
    d = dt.date.fromisoformat(day)
    return bool({(d - dt.timedelta(days=k)).weekday() for k in range(back + 1)} & lead_weekdays)


def _ambiguous_stamp(doc: Document, clean_meta: dict[str, Any], raw_text: str | None) -> Choice | None:
    """A page whose only stamp is a numeric date of unknown order ("Updated 12/2/2010 1:31 AM").

    The reading whose weekday (or the day before's) the lead names is taken when the other one's is
    not; otherwise both readings wait for the story pass, which keeps the one inside the story's span."""
    lead_weekdays = {WEEKDAYS[w.lower()] for w in _WEEKDAY_WORD.findall(doc.text[:LEAD_CHARS])}
    for name, text, _ in _regions(doc, clean_meta, raw_text):
        if name == "body":
            continue
        for a in ambiguous_dates(text):
            if not stamp_like(text, DateCandidate(a.start, a.end, a.text, None, 1, 1)):
                continue
            fits = [r for r in a.readings if _lead_fits(r, lead_weekdays)]
            updated = a.context == "updated"
            pending = {"options": list(a.readings), "updated": updated, "text": a.text, "where": name}
            if len(fits) == 1:
                why = "numeric date read in the order whose weekday the lead names"
                if all(_lead_fits(r, lead_weekdays, LEAD_LOOSE_DAYS) for r in a.readings):
                    # the lead's weekday lies a few days before either reading ("early Sunday" under a Monday
                    # and a Tuesday reading): a weak hint the story pass may overrule with the other articles' dates
                    doc.meta[PENDING_KEY] = {**pending, "lead_choice": fits[0]}
                return Choice(fits[0], f"{a.text} ({name}; {why}{'; an updated stamp' if updated else ''})",
                              0.35 if updated else 0.45)
            doc.meta[PENDING_KEY] = pending
            return None
    return None


HEAD_LINES = 4  # the headline, a standfirst or byline, and the stamp line of a page's head


def _in_page_head(raw_text: str | None, line: str) -> bool:
    """Whether ``line`` is one of the first lines of the raw page (next to its headline), where a page
    prints its own stamp ("Headline / deck / updated 12/19/2005 2:48:40 PM ET")."""
    if not raw_text or not line:
        return False
    head = [" ".join(ln.split()) for ln in raw_text[:3000].splitlines() if ln.strip()][:HEAD_LINES]
    return " ".join(line.split()) in head


def _updated_only(doc: Document, clean_meta: dict[str, Any], years: Counter[int], raw_text: str | None = None) -> Choice | None:
    """A page that prints only an "Updated ..." stamp: the earliest such full date, with low confidence.

    An update stamp bounds the publication from above and is most often the same day; htmldate falls back
    to the updated date in the same way when a page gives no original date. A stamp later than every year
    the body talks about is a site's stamp over an old article, not an update of it, unless it stands in
    the page's head, next to the headline, and lies at most ABOVE_MAX_GAP years after them (round 9)."""
    latest = max(years) if sum(years.values()) >= 2 else None
    found: list[tuple[str, DateCandidate, str]] = []
    for name, text, _ in _regions(doc, clean_meta, raw_text):
        if name == "body":
            continue
        for c in find_dates(text):
            if c.context != "updated" or c.year is None or not weekday_ok(c) or not stamp_like(text, c):
                continue
            if latest is None or c.year <= latest or (
                    c.year <= latest + ABOVE_MAX_GAP and _in_page_head(raw_text, _line_of(text, c))):
                found.append((str(c.iso), c, name))
    if not found:
        return None
    iso, c, name = min(found, key=lambda x: x[0])
    return Choice(iso, f"{c.text.strip()} ({name}; an 'updated' stamp, the only date printed: "
                       "published on that day or before)", 0.35)


def _from_text_stamps(doc: Document, clean_meta: dict[str, Any], years: Counter[int], raw_text: str | None = None) -> Choice | None:
    scored: list[tuple[float, int, DateCandidate, str]] = []
    order = 0
    regions = [(name, text, weight, find_dates(text)) for name, text, weight in _regions(doc, clean_meta, raw_text)]
    line_of = {name: text for name, text, _, _ in regions if name in (UNDER_HEADLINE, ABOVE_HEADLINE)}
    # several lines that start "April 20, 2010 - ..." are a chronology, not stamps
    led = {id(c): _line_of(text, c) for name, text, _, cs in regions for c in cs if name != "header" and _line_led(text, c)}
    chronology = len(set(led.values())) >= 2  # two different lines (a line read in two regions is one)
    for name, text, weight, cands in regions:
        for c in cands:
            order += 1
            if chronology and id(c) in led:
                continue
            if c.year is None and not (stamp_like(text, c) or (c.weekday is not None and name != "body")):
                continue  # a bare "March 7" inside a sentence is an event, not the article's date
            if name == ABOVE_HEADLINE and c.year is not None and years and c.year > max(years) + ABOVE_MAX_GAP:
                continue  # years past anything the body names: a site's running stamp, not the post's header
            scored.append((_score(c, weight, years, text), -order, c, name))
    if not scored:
        return None
    full = [x for x in scored if x[2].year is not None]
    # agreement: the same full date written several times supports itself
    counts = Counter(x[2].iso for x in full)
    best_full = None
    if full:
        top = max(x[0] + 0.05 * min(counts[x[2].iso] - 1, 3) for x in full)
        # among the strongest, the earliest: later stamps are updates and reader comments
        band = [x for x in full if x[0] + 0.05 * min(counts[x[2].iso] - 1, 3) >= top - 0.1]
        if all(x[3] == "body" for x in band):
            # only captions and the like: the article is not older than its latest photo
            best_full = max(band, key=lambda x: (str(x[2].iso), x[1]))
        else:
            best_full = min(band, key=lambda x: (str(x[2].iso), -x[1]))
    yearless = [x for x in scored if x[2].year is None and x[3] != "body"]
    best_yl = max(yearless, key=lambda x: (x[0], x[1])) if yearless else None
    if best_full and (best_yl is None or best_full[0] >= best_yl[0] - 0.2):
        s, _, c, name = best_full
        s += 0.05 * min(counts[c.iso] - 1, 3)
        if s < 0.4:
            return None
        said = line_of.get(name, c.text).strip()  # a stamp line is quoted whole: "11/10/11 02:39 PM ET"
        return Choice(str(c.iso), f"{said} ({name})", max(0.2, min(0.85, s)))
    if best_yl is None:
        return None
    s, _, c, name = best_yl
    if s < 0.3:
        return None
    cands = years_for(c.month, c.day, c.weekday, sorted(years))
    ranked = sorted(cands, key=lambda y: -years[y])
    total = sum(years.values())
    if ranked and (c.weekday is not None or (years[ranked[0]] >= 3 and years[ranked[0]] >= 0.7 * total)):
        y = ranked[0]
        how = f"weekday fits {y}" if c.weekday is not None else f"year {y} from the body"
        return Choice(f"{y:04d}-{c.month:02d}-{c.day:02d}", f"{c.text.strip()} ({name}; {how})", 0.5 if c.weekday is not None else 0.4)
    doc.meta[PENDING_KEY] = {"month": c.month, "day": c.day, "weekday": c.weekday, "text": c.text.strip(), "where": name}
    return None


# ---------------------------------------------------------------- the story pass


def _days_outside(day: dt.date, days: list[dt.date]) -> int:
    """How many days ``day`` lies outside the span of the sorted ``days`` (0 inside)."""
    if not days or days[0] <= day <= days[-1]:
        return 0
    return min(abs((day - days[0]).days), abs((day - days[-1]).days))


def reconcile_publication_dates(docs: list[Document]) -> list[str]:
    """Give yearless dates a year from the story's span (the years of the dated documents).

    Returns the ids of the documents whose ``published`` changed.
    """
    dated = [d for d in docs if d.status == "ok" and d.published and d.published_confidence >= 0.5]
    counts: Counter[int] = Counter(int(d.published[:4]) for d in dated)
    # the story's years: those of a tenth of the dated documents and half of the
    # busiest year (a lone stray is not part of the span)
    most = max(counts.values(), default=0)
    span = Counter({y: n for y, n in counts.items() if n >= max(1, 0.1 * len(dated), 0.5 * most)})
    days = sorted(
        dt.date.fromisoformat(d.published) for d in dated if len(d.published) == 10 and int(d.published[:4]) in span
    )
    changed = []
    for d in docs:
        pend = d.meta.get(PENDING_KEY)
        if d.status == "ok" and pend and span and pend.get("lead_choice") and d.published == pend["lead_choice"]:
            if _overrule_lead(d, pend, days):
                changed.append(d.id)
            continue
        if d.status != "ok" or d.published or not pend or not span:
            continue
        if "options" in pend:
            if _pick_reading(d, pend, days):
                changed.append(d.id)
            continue
        lo, hi = min(span) - 1, max(span) + 1
        cands = years_for(pend["month"], pend["day"], pend["weekday"], list(range(lo, hi + 1)))
        if not cands:
            continue
        month, day = pend["month"], pend["day"]
        y = min(cands, key=lambda y: (_days_outside(dt.date(y, month, day), days), -span[y], y))
        if _days_outside(dt.date(y, month, day), days) > 366:
            continue
        if YEARLESS_UNIQUE and sum(_days_outside(dt.date(o, month, day), days) == 0 for o in cands) > 1:
            continue  # the story spans that day in two years: the year is a guess, and no date beats a wrong one
        how = "weekday and the story's span" if pend["weekday"] is not None else "the story's span"
        d.published = f"{y:04d}-{pend['month']:02d}-{pend['day']:02d}"
        d.published_evidence = f"{pend['text']} ({pend['where']}; year {y} from {how} {min(span)}-{max(span)})"
        d.published_confidence = 0.5 if pend["weekday"] is not None else 0.4
        changed.append(d.id)
    peers = {d.id: dt.date.fromisoformat(d.published) for d in dated if len(d.published) == 10}
    changed += _flag_strays(docs, days, peers)
    return changed


NEAREST_DAYS = 3  # a numeric stamp read in the order a few days from another article of the story


def _pick_reading(d: Document, pend: dict[str, Any], days: list[dt.date]) -> bool:
    """Date ``d`` by the reading of its ambiguous numeric stamp that lies in the story's span, when
    the other one lies clearly outside it (more than 60 days); True when ``d`` was dated."""
    if len(days) < 2:
        return False
    gaps = sorted((_days_outside(dt.date.fromisoformat(o), days), o) for o in pend["options"])
    (near, best), (far, _) = gaps[0], gaps[-1]
    why = f"falls in the story's span {days[0]}..{days[-1]}"
    if near > 7 or far <= 60:
        # both readings inside a long span ("2/3/2009" in a story of February to April): the reading a few
        # days from another article's date when the other reading is weeks from every one
        close = sorted((min(abs((dt.date.fromisoformat(o) - x).days) for x in days), o) for o in pend["options"])
        (near, best), (far, _) = close[0], close[-1]
        if near > NEAREST_DAYS or far < 4 * max(near, NEAREST_DAYS):
            return False
        why = f"lies {near} day(s) from another article of the story, the other reading {far}"
    d.published = best
    d.published_evidence = (f"{pend['text']} ({pend['where']}; numeric date read in the order that {why}"
                            f"{'; an updated stamp' if pend.get('updated') else ''})")
    d.published_confidence = 0.35 if pend.get("updated") else 0.45
    return True


def _overrule_lead(d: Document, pend: dict[str, Any], days: list[dt.date]) -> bool:
    """A numeric stamp read in phase 1 by a lead weekday that fits both readings loosely: the reading the
    story's other articles single out (see _pick_reading) wins when it is the other one."""
    kept = d.published, d.published_evidence, d.published_confidence
    if _pick_reading(d, pend, days) and d.published != kept[0]:
        d.published_evidence = f"{d.published_evidence}; the lead's weekday fits both readings"
        return True
    # the story does not single out the other reading: the lead's stays
    d.published, d.published_evidence, d.published_confidence = kept
    return False


STRAY_DAYS = 90  # a date this close to the story's span, or to another dated article, is no stray


def _flag_strays(docs: list[Document], days: list[dt.date], peers: dict[str, dt.date] | None = None) -> list[str]:
    """Text-read dates far outside the story's span lose confidence (or the date, when weak).

    Far = more than STRAY_DAYS, or half the span's length for long stories, before or after it, and more
    than STRAY_DAYS from every other dated article (``peers``, id -> date): a pile that holds two stories
    (or a story with a second burst of coverage) has a cluster of dates outside the main years.
    """
    if len(days) < 3:
        return []
    out = []
    for d in docs:
        if d.status != "ok" or not d.published or len(d.published) != 10 or d.published_confidence >= 0.8:
            continue
        day = dt.date.fromisoformat(d.published)
        gap = _days_outside(day, days)
        if gap <= max(STRAY_DAYS, (days[-1] - days[0]).days // 2):
            continue
        if any(i != d.id and abs((day - p).days) <= STRAY_DAYS for i, p in (peers or {}).items()):
            continue
        note = f" [{gap} days outside the story's span {days[0]}..{days[-1]}]"
        if d.published_confidence < 0.5:
            d.meta["published_rejected"] = f"{d.published} from {d.published_evidence}{note}"
            d.published, d.published_evidence, d.published_confidence = None, None, 0.0
        else:
            d.published_evidence = (d.published_evidence or "") + note
            d.published_confidence = round(d.published_confidence / 2, 2)
        out.append(d.id)
    return out
