"""The ECB+ pubdates and events golds of rounds 4 on (tests/gold/ecbplus_r*/{pubdates,events}.*.json) parse, cover
their round's articles, keep tune and blind apart and quote them verbatim; what differs per round is data in
tests/gold_rounds.py.

No pipeline run: this checks the hand-made gold itself (the layout ``dateline evaluate pubdates`` and
``dateline evaluate events`` read), never the system's output. Only the pure gold loader / date matcher of
``dateline.evaluate.events`` is imported.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from dateline.evaluate.events import date_matches, gold_items
from tests.gold_rounds import EVENTS, Events, load, params, round_articles, split_pairs
from tests.gold_support import (
    ROOT,
    assert_pubdate_well_formed,
    assert_splits_disjoint,
    corpus_index,
    date_bounds,
    flat_text,
    valid_date,
)

KINDS = ("pubdates", "events")
MODALITIES = {"fact", "claim", "denied", "future"}
GRANULARITIES = {"day", "week", "month", "year", "range"}


def _published(e: Events) -> dict[str, dt.date | None]:
    out: dict[str, dt.date | None] = {}
    for d in load(e.round, "pubdates")["docs"]:
        out[d["doc"]] = dt.date.fromisoformat(d["published"]) if d["published"] and len(d["published"]) == 10 else None
    return out


@pytest.mark.parametrize("e", params(EVENTS))
@pytest.mark.parametrize("kind", KINDS)
def test_gold_file_header_and_articles(kind: str, e: Events) -> None:
    g = load(e.round, kind)
    assert g["data_root"] == "."
    assert "before any system output" in g["description"]
    index = corpus_index(e.round.corpus)
    assert g["articles"] and len(set(g["articles"])) == len(g["articles"])
    for a in g["articles"]:
        assert (ROOT / a).is_file(), a
        assert index[a]["split"] == e.round.split, a
    if e.strict_layout:
        assert set(g["articles"]) == round_articles(e.round)
    else:  # pubdates.*.json must still cover every article (below)
        assert set(g["articles"]) <= round_articles(e.round)
    if e.round.articles is not None:
        assert len(g["articles"]) == e.round.articles


@pytest.mark.parametrize("pair", split_pairs(EVENTS))
@pytest.mark.parametrize("kind", KINDS)
def test_splits_are_disjoint_by_story(kind: str, pair: tuple[Events, Events]) -> None:
    tune, blind = (load(e.round, kind) for e in pair)
    assert_splits_disjoint(tune["articles"], blind["articles"], corpus_index(pair[0].round.corpus))


@pytest.mark.parametrize("e", params(EVENTS))
def test_pubdates_cover_every_article(e: Events) -> None:
    g = load(e.round, "pubdates")
    if e.strict_layout:
        assert set(g) == {"description", "data_root", "articles", "docs"}
    docs = {d["doc"]: d for d in g["docs"]}
    assert len(docs) == len(g["docs"])
    if e.round.articles is not None:
        assert len(docs) == e.round.articles
    assert set(docs) == set(g["articles"]) == round_articles(e.round)
    index = corpus_index(e.round.corpus)
    for doc, d in docs.items():
        if e.strict_layout:
            assert set(d) == {"doc", "published", "evidence"}, doc
        assert_pubdate_well_formed(doc, d["published"], d["evidence"], index[doc]["url"])
        if e.url_month_only is not None and d["published"] is not None and len(d["published"]) == 7:
            assert doc in e.url_month_only and d["evidence"] == "url", doc
    if e.undated is not None:
        assert sum(d["published"] is None for d in docs.values()) == e.undated


@pytest.mark.parametrize("e", params(EVENTS))
def test_events_layout_dates_and_modalities(e: Events) -> None:
    g = load(e.round, "events")
    if e.strict_layout:
        assert set(g) == {"description", "data_root", "articles", "events"}
    ids = [ev["id"] for ev in g["events"]]
    assert len(ids) == len(set(ids))
    for ev in g["events"]:
        if e.strict_layout:
            assert set(ev) == {"id", "date", "granularity", "title", "modality", "evidence"}, ev["id"]
        assert ev["granularity"] in GRANULARITIES, ev["id"]
        assert valid_date(ev["date"], ev["granularity"]), (ev["id"], ev["date"])
        assert ev["modality"] in MODALITIES, ev["id"]
        assert ev["title"] and ev["evidence"], ev["id"]
        if e.strict_layout:
            # the evaluator's own matcher accepts the first and the last day the gold date covers
            first, last = date_bounds(ev["date"], ev["granularity"])
            assert date_matches(first.isoformat(), ev["date"], ev["granularity"]), ev["id"]
            assert date_matches(last.isoformat(), ev["date"], ev["granularity"]), ev["id"]
    if e.strict_layout:
        assert len(gold_items(g)) == len(g["events"])


@pytest.mark.parametrize("e", params(EVENTS))
def test_events_quote_their_articles_verbatim(e: Events) -> None:
    g = load(e.round, "events")
    listed = set(g["articles"])
    story = {p: r["story"] for p, r in corpus_index(e.round.corpus).items()}
    quoted: set[str] = set()
    for ev in g["events"]:
        pairs = [(x["doc"], " ".join(x["text"].split())) for x in ev["evidence"]]
        if e.strict_layout:
            assert len({story[x["doc"]] for x in ev["evidence"]}) == 1, f"{ev['id']} mixes stories"
            assert len(pairs) == len(set(pairs)), f"{ev['id']} repeats a quote"
        for doc, quote in pairs:
            assert doc in listed, doc
            assert flat_text(doc).count(quote) == 1, (ev["id"], doc, quote)
            quoted.add(doc)
    if e.strict_layout:
        assert quoted == listed  # every article reports at least one dated happening


@pytest.mark.parametrize("e", params(EVENTS, lambda e: e.strict_layout))
def test_events_agree_with_printed_dates(e: Events) -> None:
    """A past happening is not after the latest printed date of the articles quoting it (shifted for an article
    printed early); a scheduled one is not over before any article announcing it was printed."""
    published = _published(e)
    for ev in load(e.round, "events")["events"]:
        first, last = date_bounds(ev["date"], ev["granularity"])
        dates = [published[x["doc"]] + dt.timedelta(days=e.printed_early.get(x["doc"], 0))
                 for x in ev["evidence"] if published[x["doc"]]]
        if not dates:
            continue
        if ev["modality"] == "future":
            assert last >= min(dates), ev["id"]
        else:
            assert first <= max(dates), ev["id"]


@pytest.mark.parametrize("e", params(EVENTS))
def test_events_counts_per_story(e: Events) -> None:
    g = load(e.round, "events")
    assert len(g["events"]) >= e.events
    if e.per_story:
        assert set(e.per_story) == e.round.stories  # the table gives every story a floor
        story = {p: r["story"] for p, r in corpus_index(e.round.corpus).items()}
        per_story = Counter(story[ev["evidence"][0]["doc"]] for ev in g["events"])
        for name, low in e.per_story.items():
            assert per_story[name] >= low, (name, per_story[name])
    if e.strict_layout:
        modalities = Counter(ev["modality"] for ev in g["events"])
        assert modalities["claim"] and modalities["denied"] and modalities["future"]
