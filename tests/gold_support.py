"""Checks shared by the format tests of the hand-made golds (tests/test_gold_*.py): how a quote is
found in its article, what a well-written gold date is, what a well-formed figure is, how a corpus index is read
and which days a gold date covers."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STANCES = {"says", "estimates", "claims", "denies", "acknowledges", "disputes", "doubts"}
AS_OF = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@cache
def corpus_index(corpus: Path) -> dict[str, dict]:
    """The rows of ``corpus``/index.jsonl by article path."""
    rows = [json.loads(line) for line in (corpus / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["path"]: r for r in rows}


def story_texts(articles: list[str], index: dict[str, dict]) -> dict[str, str]:
    """Each story's articles (of ``articles``) as one flat text."""
    texts: dict[str, str] = {}
    for a in articles:
        texts[index[a]["story"]] = texts.get(index[a]["story"], "") + " " + flat_text(a)
    return texts


def assert_splits_disjoint(tune: list[str], blind: list[str], index: dict[str, dict]) -> None:
    """No article, and no story, is in both the tune and the blind article lists."""
    assert not set(tune) & set(blind)
    assert not {index[a]["story"] for a in tune} & {index[a]["story"] for a in blind}


def word(surface: str, text: str) -> bool:
    """``surface`` occurs in ``text`` as a whole word (no word character either side)."""
    return re.search(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text) is not None


@cache
def flat_text(path: str) -> str:
    """The article at repository-relative ``path`` with its whitespace runs made single spaces."""
    return " ".join((ROOT / path).read_text(encoding="utf-8").split())


def quoted(doc: str, evidence: str) -> bool:
    """``evidence`` occurs verbatim (up to whitespace) in the article ``doc``."""
    return " ".join(evidence.split()) in flat_text(doc)


def valid_date(value: str, granularity: str) -> bool:
    """True when value is an ISO date written at exactly the given granularity."""
    try:
        if granularity == "day":
            return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and bool(dt.date.fromisoformat(value))
        if granularity == "week":
            m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
            return bool(m) and bool(dt.date.fromisocalendar(int(m[1]), int(m[2]), 1))
        if granularity == "month":
            m = re.fullmatch(r"(\d{4})-(\d{2})", value)
            return bool(m) and 1 <= int(m[2]) <= 12
        if granularity == "year":
            return bool(re.fullmatch(r"\d{4}", value))
        if granularity == "range":
            start, end = value.split("/")
            return valid_date(start, "day") and valid_date(end, "day") and start <= end
    except ValueError:
        return False
    return False


def date_bounds(value: str, granularity: str) -> tuple[dt.date, dt.date]:
    """First and last day a gold date covers."""
    if granularity == "range":
        a, b = value.split("/")
        return dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    if granularity == "day":
        d = dt.date.fromisoformat(value)
        return d, d
    if granularity == "week":
        y, w = value.split("-W")
        a = dt.date.fromisocalendar(int(y), int(w), 1)
        return a, a + dt.timedelta(days=6)
    if granularity == "month":
        y, m = map(int, value.split("-"))
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
    return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)


def assert_pubdate_well_formed(doc: str, published: str | None, evidence: str | None, url: str) -> None:
    """One gold published date: none without evidence, else a valid day or month shown by the URL (evidence
    "url") or quoted verbatim from the article."""
    if published is None:
        assert evidence is None, doc
        return
    assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", published), published
    assert valid_date(published, "day" if len(published) == 10 else "month"), published
    if evidence == "url":
        y, m, *rest = published.split("-")
        # some sites write the month as a lower-case abbreviation: /2013/aug/02/ (round 9)
        mon = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")[int(m) - 1]
        forms = ([f"{y}/{m}/{rest[0]}", f"{y}{m}{rest[0]}", published, f"/{y}/{mon}/{rest[0]}/"] if rest
                 else [f"{y}/{m}", f"{y}-{m}"])
        assert any(f in url for f in forms), (doc, url)
    else:
        assert quoted(doc, evidence), (doc, evidence)


def assert_figure_well_formed(f: dict[str, Any], listed: set[str]) -> None:
    """One gold figure: in a listed article, quoted verbatim, a value range, a bound, a date, a
    measure, and a stance only with a source."""
    assert f["doc"] in listed, f["doc"]
    assert quoted(f["doc"], f["evidence"]), (f["doc"], f["evidence"])
    low, high = f["value"]
    assert isinstance(low, (int, float)) and isinstance(high, (int, float)) and low <= high, f
    assert f["bound"] in (None, "lower", "upper"), f
    assert isinstance(f["approximate"], bool), f
    assert f["as_of"] is None or AS_OF.fullmatch(f["as_of"]), f
    assert f["measure"], f
    assert f["stance"] is None or f["stance"] in STANCES, f
    if f["source"] is None:
        assert f["source_entity"] is None and f["stance"] is None, f
