"""Publication-date evidence of an HTML page: htmldate's readings and the page URL."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from htmldate import find_date

log = logging.getLogger(__name__)

_URL_YMD = re.compile(r"(?<!\d)((?:19|20)\d\d)([-/_.]?)([01]\d)\2([0-3]\d)(?!\d)")
_URL_YM = re.compile(r"/((?:19|20)\d\d)/([01]\d)/")


@dataclass
class HtmlDates:
    """What htmldate reads from one page, in its three modes."""

    original: str | None = None  # extensive search, earliest/original date (htmldate's best mode)
    fast: str | None = None  # metadata and markup only
    updated: str | None = None  # extensive search, latest/updated date


def _find(html: str, url: str | None, extensive: bool, original: bool) -> str | None:
    try:
        return find_date(html, url=url, original_date=original, extensive_search=extensive)
    except Exception as exc:  # broken markup must not end the run
        log.debug("htmldate failed: %s", exc)
        return None


def htmldate_readings(html: str, url: str | None = None) -> HtmlDates:
    """htmldate on ``html`` in extensive/original, fast/original and extensive/updated modes."""
    return HtmlDates(
        original=_find(html, url, True, True),
        fast=_find(html, url, False, True),
        updated=_find(html, url, True, False),
    )


def url_date(url: str | None) -> tuple[str | None, str | None]:
    """(full date, year-month) written in a URL path, e.g. /2011/03/19/ or /20110319-."""
    if not url:
        return None, None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.split("?")[0])
    path = re.sub(r"^/web/\d{14}/", "/", path)  # web.archive.org wrapper
    full = None
    for m in _URL_YMD.finditer(path):
        y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if 1 <= mo <= 12 and 1 <= d <= 31 and (m.group(2) or len(path) < 400):
            full = f"{y:04d}-{mo:02d}-{d:02d}"
            break
    ym = None
    m2 = _URL_YM.search(path)
    if m2 and 1 <= int(m2.group(2)) <= 12:
        ym = f"{m2.group(1)}-{m2.group(2)}"
    elif full:
        ym = full[:7]
    return full, ym
