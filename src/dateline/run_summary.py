"""What the end-of-run summary tells a user beyond counts: documents without a publication date
(each with the reason) and documents in a language the analysis does not support."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Document

_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
SHOWN = 10  # documents listed by name; the rest are counted


def absolute_dates(doc: Document) -> list[str]:
    """Days the text names with their year ("March 19, 2011"): events can be placed from them."""
    return sorted({t.value[:10] for t in doc.timexes
                   if t.type == "DATE" and len(t.value) >= 10 and _YEAR.search(t.text)})


def no_date_reason(doc: Document) -> str:
    """Why ``doc`` has no publication date, from what the readers and the dating stage recorded."""
    meta = doc.meta or {}
    refused = (meta.get("metadata_refused") or {}).get("published")
    parts = []
    if refused:
        parts.append(f"its declared date was refused ({refused})")
    if meta.get("published_rejected"):
        parts.append(f"the date found ({meta['published_rejected']}) disagreed with the story and was dropped")
    if not parts:
        where = [] if meta.get("path_date") else ["file path"]
        where += ["input fields", "page metadata", "dateline or opening lines"]
        parts.append("no date in its " + ", ".join(where))
    days = absolute_dates(doc)
    if days:
        shown = ", ".join(days[:3]) + (" ..." if len(days) > 3 else "")
        parts.append(f"its text names {len(days)} day(s) with their year ({shown}), events can still be dated from them")
    return "; ".join(parts)


def no_date_lines(docs: Sequence[Document]) -> list[str]:
    """Summary lines: "N of M articles have no publication date: ..." and one line per document."""
    ok = [d for d in docs if d.status == "ok"]
    missing = [d for d in ok if not d.published]
    if not missing:
        return []
    names = ", ".join(d.id for d in missing[:SHOWN]) + (f" and {len(missing) - SHOWN} more" if len(missing) > SHOWN else "")
    lines = [f"{len(missing)} of {len(ok)} articles have no publication date: {names}"]
    lines += [f"  no date {d.id}: {no_date_reason(d)}" for d in missing[:SHOWN]]
    return lines


def unsupported_language_lines(docs: Sequence[Document]) -> list[str]:
    """One line per document whose language is not analysed (see :mod:`dateline.language`)."""
    return [f"  not analysed {d.id}: {d.error}" for d in docs
            if d.status == "rejected" and (d.meta or {}).get("language_unsupported")]
