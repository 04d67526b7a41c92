"""The web UI's event list (/events) over the event layer of real articles (ECB+ tune split), also in
headless Chromium (screenshots in test-artifacts/web/, gitignored)."""

from __future__ import annotations

import contextlib
import re
import warnings
from pathlib import Path

import pytest

from dateline.evaluate.events import analyse
from dateline.web import create_app
from tests.browser_support import needs_chromium, serve_in_thread

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ["tests/corpora/ecbplus/articles/turkmenistan_election_2013/11_1ecbplus.txt",
            "tests/corpora/ecbplus/articles/turkmenistan_election_2013/11_3ecbplus.txt",
            "tests/corpora/ecbplus/articles/mount_cook_climbers_2013/23_3ecbplus.txt",
            "tests/corpora/ecbplus/articles/mount_cook_climbers_2013/23_5ecbplus.txt"]
_ROW = re.compile(r'<tr class="event-row" data-kind="(\w+)"[^>]*>')
_SOURCES = re.compile(r'<tr class="event-row" data-kind="\w+" data-sources="(\d+)">')


@pytest.fixture(scope="module")
def served():  # noqa: ANN201
    rep, _paths, rejected = analyse([ROOT / a for a in ARTICLES], ARTICLES)
    assert not rejected and rep.events
    return rep, TestClient(create_app(rep))


def test_event_list_shows_every_event_with_its_granularity(served) -> None:  # noqa: ANN001
    rep, client = served
    r = client.get("/events")
    assert r.status_code == 200
    assert len(_ROW.findall(r.text)) == len(rep.events)
    month = next(v for v in rep.events if v.granularity == "month")
    assert f"{month.date} (month)" in r.text
    assert 'href="/events"' in client.get("/").text  # reachable from every page's menu


def test_event_list_filters_by_kind_and_date(served) -> None:  # noqa: ANN001
    rep, client = served
    future = [v for v in rep.events if v.modality == "future"]
    assert future
    kinds = _ROW.findall(client.get("/events", params={"kind": "future"}).text)
    assert kinds == ["future"] * len(future)
    day = future[0].date
    rows = _ROW.findall(client.get("/events", params={"start": day, "end": day}).text)
    assert len(rows) == sum(1 for v in rep.events if v.date == day)
    assert _ROW.findall(client.get("/events", params={"kind": "denied", "start": "1900-01-01",
                                                      "end": "1900-12-31"}).text) == []


# ---------------------------------------------------------------- in headless Chromium

ARTIFACTS = ROOT / "test-artifacts" / "web"
INJECTED = ("Court rejects appeal <script>document.title='pwned'</script>\n"
            "12 March 2012\n"
            "The court said on Monday that <img src=x onerror=\"window.__xss='img'\"> the appeal, filed on "
            "March 2, had been rejected.\n"
            "The defence lawyers <script>window.__xss='script'</script> will appeal again next month, "
            "the lawyers said.\n")


@pytest.mark.browser
@needs_chromium
def test_event_list_in_chromium_filters_and_opens_an_event(served, page) -> None:  # noqa: ANN001
    rep, _client = served
    with contextlib.contextmanager(serve_in_thread)(create_app(rep)) as base:
        page.goto(base + "/")
        page.locator("nav a", has_text="Events").click()
        page.wait_for_url("**/events")
        assert page.locator("tr.event-row").count() == len(rep.events)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "20-events.png"), full_page=True)
        page.select_option("select[name=kind]", value="future")
        page.get_by_role("button", name="Filter").click()
        page.wait_for_url("**/events?*kind=future*")
        kinds = page.locator("tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.kind)")
        assert kinds and set(kinds) == {"future"}
        page.screenshot(path=str(ARTIFACTS / "21-events-future.png"), full_page=True)
        first = page.locator("tr.event-row a").first
        title = first.inner_text()
        first.click()
        page.wait_for_url("**/event/*")
        assert page.locator("h2.event-title").inner_text() == title
        assert page.locator("dd.event-kind").inner_text() == "scheduled / future"
        page.screenshot(path=str(ARTIFACTS / "23-event-page.png"), full_page=True)
        assert page.errors == []


@pytest.mark.browser
@needs_chromium
def test_injected_markup_in_event_titles_is_shown_literally(page, tmp_path) -> None:  # noqa: ANN001
    article = tmp_path / "injected.txt"
    article.write_text(INJECTED, encoding="utf-8")
    rep, _paths, rejected = analyse([article], ["injected.txt"])
    assert not rejected
    assert any("<" in v.title for v in rep.events), [v.title for v in rep.events]
    with contextlib.contextmanager(serve_in_thread)(create_app(rep)) as base:
        page.goto(base + "/events")
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert page.title() != "pwned"
        assert page.locator("script").count() == 0
        assert page.locator("main img").count() == 0
        cells = " ".join(page.locator("tr.event-row").all_inner_texts())
        assert "<" in cells
        page.screenshot(path=str(ARTIFACTS / "22-events-injected.png"), full_page=True)
        assert page.errors == []


def test_event_list_keeps_the_best_supported_events(served) -> None:  # noqa: ANN001
    rep, client = served
    multi = [v for v in rep.events if v.sources >= 2]
    assert multi and len(multi) < len(rep.events)
    shown = _SOURCES.findall(client.get("/events", params={"sources": "2"}).text)
    assert len(shown) == len(multi) and all(int(n) >= 2 for n in shown)
    ranked = [int(n) for n in _SOURCES.findall(client.get("/events", params={"order": "sources"}).text)]
    assert len(ranked) == len(rep.events) and ranked == sorted(ranked, reverse=True)
    assert client.get("/events", params={"sources": "x<script>"}).status_code == 200


def test_event_list_marks_the_events_the_timeline_selected(served) -> None:  # noqa: ANN001
    rep, client = served
    chosen = {eid for t in rep.timeline for eid in t.events}
    assert chosen
    marked = re.findall(r'<a href="/event/([^"]+)">[^<]*</a></td>(?:(?!</tr>).)*on the timeline',
                        client.get("/events").text, flags=re.S)
    assert set(marked) == chosen


def test_event_page_tells_granularity_kind_sources_and_roles(served) -> None:  # noqa: ANN001
    rep, client = served
    month = next(v for v in rep.events if v.granularity == "month")
    r = client.get(f"/event/{month.id}")
    assert r.status_code == 200
    assert '<dd class="event-granularity">month</dd>' in r.text
    multi = max(rep.events, key=lambda v: v.sources)
    page = client.get(f"/event/{multi.id}").text
    assert f'<dd class="event-sources">{multi.sources}</dd>' in page
    future = next(v for v in rep.events if v.modality == "future")
    assert "scheduled / future" in client.get(f"/event/{future.id}").text
    with_who = next(v for v in rep.events if v.who)
    page = client.get(f"/event/{with_who.id}").text
    role = with_who.who[0]["role"]
    assert '<dd class="event-who">' in page and f"({role})" in page
