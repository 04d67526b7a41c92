"""The round-7 ECB+ pubdates and events gold (tests/gold/ecbplus_r7/{pubdates,events}.blind.json) parses,
covers the 26 round-7 articles and quotes them verbatim.

No pipeline run: this checks the hand-made gold itself (the layout ``dateline evaluate pubdates`` and
``dateline evaluate events`` read), never the system's output. Only the pure gold loader / date matcher of
``dateline.evaluate.events`` is imported.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from dateline.evaluate.events import date_matches, gold_items
from tests.gold_support import flat_text, quoted, valid_date

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "ecbplus_r7"
CORPUS = ROOT / "tests" / "corpora" / "ecbplus_r7"
KINDS = ("pubdates", "events")
MODALITIES = {"fact", "claim", "denied", "future"}
GRANULARITIES = {"day", "week", "month", "year", "range"}
# Events the text supports per story (README.events.md); round 6 had 124 events for 26 articles of 13,834 words,
# these 26 articles have 5,723 words and support 73 (all the text supports, none invented).
MIN_EVENTS = {
    "film_director_negotiations_2012": 16,
    "crossfire_shooting_trial_2011": 18,
    "athlete_dui_arrest_2009": 17,
    "browser_zero_day_patch_2013": 9,
    "political_aide_death_2004": 6,
}
MIN_TOTAL = 70
# Pages printing no date whose URL gives only the month (27_6 krebsonsecurity.com '2013/09').
URL_MONTH_ONLY = {"tests/corpora/ecbplus_r7/articles/browser_zero_day_patch_2013/27_6ecbplus.txt"}


def _index() -> dict[str, dict]:
    rows = [json.loads(line) for line in (CORPUS / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["path"]: r for r in rows}


def _load(kind: str) -> dict:
    return json.loads((GOLD / f"{kind}.blind.json").read_text(encoding="utf-8"))


def _bounds(value: str, granularity: str) -> tuple[dt.date, dt.date]:
    """First and last day an event date covers."""
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


def _published() -> dict[str, dt.date | None]:
    out: dict[str, dt.date | None] = {}
    for d in _load("pubdates")["docs"]:
        out[d["doc"]] = dt.date.fromisoformat(d["published"]) if d["published"] and len(d["published"]) == 10 else None
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_gold_file_header_and_articles(kind: str) -> None:
    g = _load(kind)
    assert g["data_root"] == "."
    assert "before any system output" in g["description"]
    index = _index()
    assert g["articles"] and len(set(g["articles"])) == len(g["articles"])
    for a in g["articles"]:
        assert (ROOT / a).is_file(), a
        assert index[a]["split"] == "blind", a
    assert set(g["articles"]) == set(index)
    assert len(g["articles"]) == 26


def test_pubdates_cover_every_article() -> None:
    g = _load("pubdates")
    assert set(g) == {"description", "data_root", "articles", "docs"}
    docs = {d["doc"]: d for d in g["docs"]}
    assert len(docs) == len(g["docs"]) == 26
    assert set(docs) == set(g["articles"])
    index = _index()
    for doc, d in docs.items():
        assert set(d) == {"doc", "published", "evidence"}, doc
        pub, evidence = d["published"], d["evidence"]
        if pub is None:
            assert evidence is None, doc
            continue
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", pub), pub
        assert valid_date(pub, "day" if len(pub) == 10 else "month"), pub
        if evidence == "url":
            y, m, *rest = pub.split("-")
            forms = [f"{y}/{m}/{rest[0]}", f"{y}{m}{rest[0]}", pub] if rest else [f"{y}/{m}", f"{y}-{m}"]
            assert any(f in index[doc]["url"] for f in forms), (doc, index[doc]["url"])
        else:
            assert quoted(doc, evidence), (doc, evidence)
        if len(pub) == 7:
            assert doc in URL_MONTH_ONLY and evidence == "url", doc
    assert sum(d["published"] is None for d in docs.values()) == 0  # every round-7 article is dated by text or URL


def test_events_layout_dates_and_modalities() -> None:
    g = _load("events")
    assert set(g) == {"description", "data_root", "articles", "events"}
    ids = [e["id"] for e in g["events"]]
    assert len(ids) == len(set(ids))
    assert len(g["events"]) >= MIN_TOTAL
    for e in g["events"]:
        assert set(e) == {"id", "date", "granularity", "title", "modality", "evidence"}, e["id"]
        assert e["granularity"] in GRANULARITIES, e["id"]
        assert valid_date(e["date"], e["granularity"]), (e["id"], e["date"])
        assert e["modality"] in MODALITIES, e["id"]
        assert e["title"] and e["evidence"], e["id"]
        # the evaluator's own matcher accepts the first day the gold date covers
        first, last = _bounds(e["date"], e["granularity"])
        assert date_matches(first.isoformat(), e["date"], e["granularity"]), e["id"]
        assert date_matches(last.isoformat(), e["date"], e["granularity"]), e["id"]
    assert len(gold_items(g)) == len(g["events"])


def test_events_quote_their_articles_verbatim() -> None:
    g = _load("events")
    listed = set(g["articles"])
    story = {p: r["story"] for p, r in _index().items()}
    quoted: set[str] = set()
    for e in g["events"]:
        assert len({story[ev["doc"]] for ev in e["evidence"]}) == 1, f"{e['id']} mixes stories"
        pairs = [(ev["doc"], " ".join(ev["text"].split())) for ev in e["evidence"]]
        assert len(pairs) == len(set(pairs)), f"{e['id']} repeats a quote"
        for doc, quote in pairs:
            assert doc in listed, doc
            assert flat_text(doc).count(quote) == 1, (e["id"], doc, quote)
            quoted.add(doc)
    assert quoted == listed  # every article reports at least one dated happening


def test_events_agree_with_printed_dates() -> None:
    """A past happening is not after the latest printed date of the articles quoting it; a scheduled
    one is not over before any article announcing it was printed."""
    published = _published()
    for e in _load("events")["events"]:
        first, last = _bounds(e["date"], e["granularity"])
        dates = [published[ev["doc"]] for ev in e["evidence"] if published[ev["doc"]]]
        if not dates:
            continue
        if e["modality"] == "future":
            assert last >= min(dates), e["id"]
        else:
            assert first <= max(dates), e["id"]


def test_events_counts_per_story() -> None:
    g = _load("events")
    story = {p: r["story"] for p, r in _index().items()}
    per_story = Counter(story[e["evidence"][0]["doc"]] for e in g["events"])
    for name, low in MIN_EVENTS.items():
        assert per_story[name] >= low, (name, per_story[name])
    modalities = Counter(e["modality"] for e in g["events"])
    assert modalities["claim"] and modalities["denied"] and modalities["future"]
