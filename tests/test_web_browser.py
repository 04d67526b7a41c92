"""The web UI and the HTML export driven in headless Chromium (Debian's package + Playwright).

Screenshots land in test-artifacts/web/ (gitignored).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.web import create_app, load_report_file
from tests.browser_support import ARTIFACTS, CHROMIUM, screenshot, serve_in_thread

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "web" / "libya_report.json"
if CHROMIUM is None:
    pytest.skip("no Chromium (set DATELINE_CHROMIUM or install Debian's chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    yield from serve_in_thread(create_app(load_report_file(FIXTURE)))


def shot(page, name: str) -> None:
    screenshot(page, name)


def test_story_to_event_to_article_evidence(page, base_url):
    page.goto(base_url + "/")
    assert page.locator("h1").inner_text() == "Libya 2011: uprising and intervention"
    assert page.locator("li.timeline-entry time").all_inner_texts() == ["2011-02-20", "2011-02-21", "2011-03-18", "2011-03-19"]
    shot(page, "01-story")
    page.get_by_role("link", name="A fighter jet is shot down over Benghazi").click()
    page.wait_for_url("**/event/v5")
    assert page.locator("h2.event-title").inner_text() == "A fighter jet is shot down over Benghazi"
    shot(page, "02-event")
    page.locator("a.evidence-link").first.click()
    page.wait_for_url("**/doc/31?focus=event*")
    focus = page.locator("mark.hl-focus").first
    assert focus.is_visible()
    assert focus.inner_text().startswith("A fighter jet was shot down")
    # the page scrolled to the evidence: the URL fragment names the span's first character
    fragment = page.evaluate("location.hash")
    assert fragment == "#" + focus.get_attribute("id")
    box = focus.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    # entities, dates and figures of the same article are highlighted too
    assert page.locator("mark.hl-entity", has_text="Benghazi").count() >= 1
    assert page.locator("mark.hl-timex", has_text="late Friday").count() == 1
    assert page.locator("mark.hl-claim").count() >= 3
    shot(page, "03-article-evidence")
    # a highlighted place opens its entity page
    page.locator("mark[class='hl-entity'] a.mark-link", has_text="Misrata").first.click()
    page.wait_for_url("**/entity/e3")
    assert page.locator("h2.entity-name").inner_text().startswith("Misrata")
    assert page.errors == []


def test_injected_markup_is_shown_literally_and_never_runs(page, base_url):
    for path in ["/doc/265-xss", "/entity/e1", "/", "/documents", "/event/v6", "/search?q=warship"]:
        page.goto(base_url + path)
        assert page.evaluate("typeof window.__xss") == "undefined", path
        assert page.title() != "pwned"
        assert page.locator("script").count() == 0
        assert page.locator("main img").count() == 0
    page.goto(base_url + "/doc/265-xss")
    body = page.locator(".article-text").inner_text()
    assert '<script>window.__xss = "script"</script>' in body
    assert "<img src=x onerror=\"window.__xss='img'\">" in body
    page.locator("mark", has_text="onmouseover").first.hover()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert "<script>" in page.locator("h2.doc-title").inner_text()
    assert page.title().startswith('U.S. fires cruise missiles at Libya <script>document.title="pwned"</script>')
    shot(page, "04-xss-article")
    assert page.errors == []


def test_boilerplate_is_struck_out_on_demand(page, base_url):
    page.goto(base_url + "/doc/265-xss")
    line = page.locator("details.boilerplate del", has_text="This discussion is now closed.")
    assert not line.is_visible()
    page.locator("details.boilerplate summary").click()
    assert line.is_visible()
    assert page.evaluate("el => getComputedStyle(el).textDecorationLine", line.element_handle()) == "line-through"
    assert "2011-03-19" in page.locator("dd.published").inner_text()
    shot(page, "05-boilerplate")


def test_filters_narrow_the_timeline(page, base_url):
    page.goto(base_url + "/")
    page.fill("input[name=start]", "2011-03-01")
    option = page.locator("select[name=entity] option", has_text="Benghazi (GPE")
    assert re.search(r"\d+ mentions\)$", option.inner_text())
    page.select_option("select[name=entity]", value=option.get_attribute("value"))
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/?start=2011-03-01*")
    assert page.locator("li.timeline-entry time").all_inner_texts() == ["2011-03-19"]


def test_outlet_filter_and_source_labels(page, base_url):
    page.goto(base_url + "/")
    sources = page.locator("li.timeline-entry .sources a.source").all_inner_texts()
    assert sources and all(re.match(r"(cnn|reuters) · \d{4}-\d{2}-\d{2} · .+", s) for s in sources)
    assert all(len(s) <= 100 for s in sources)
    shot(page, "12-story-sources")
    page.select_option("select[name=outlet]", value="reuters")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/?*outlet=reuters*")
    entries = page.locator("li.timeline-entry")
    assert entries.count() == 2
    for i in range(entries.count()):
        assert "reuters · " in entries.nth(i).locator(".sources").inner_text()
    assert page.locator("select[name=outlet] option:checked").inner_text().startswith("reuters")


def test_search_groups_entities_events_and_figures(page, base_url):
    page.goto(base_url + "/")
    page.fill("header input[name=q]", "Benghazi")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Benghazi")
    heads = page.locator(".search-results h3").all_inner_texts()
    assert [h.split(" (")[0] for h in heads] == ["Entities", "Events", "Figures", "Articles"]
    assert page.locator("a.entity-hit", has_text="Benghazi").count() >= 1
    assert page.locator("a.event-hit").count() >= 1
    shot(page, "13-search-groups")
    page.locator("a.event-hit").first.click()
    page.wait_for_url("**/event/*")
    assert "Benghazi" in page.locator("main").inner_text()


def test_figures_chart_points_link_to_their_sentences(page, base_url):
    page.goto(base_url + "/figures")
    first = page.locator("div.series").first
    assert first.locator("svg.chart circle").count() == 3
    shot(page, "06-figures")
    first.locator("svg.chart a.point").nth(2).click()
    page.wait_for_url("**/doc/*focus=claim*")
    assert page.locator("mark.hl-focus").first.is_visible()
    assert page.locator("mark.hl-focus").first.inner_text().strip() != ""


def test_figures_axis_labels_fit_inside_the_chart(page, base_url):
    page.goto(base_url + "/figures")
    for svg in page.locator("svg.chart").all():
        box = svg.bounding_box()
        for tick in svg.locator("text.tick").all():
            t = tick.bounding_box()
            assert t["x"] >= box["x"] - 0.5 and t["x"] + t["width"] <= box["x"] + box["width"] + 0.5
        labels = svg.locator("text.tick").all_text_contents()
        assert all(len(lab) <= 10 for lab in labels)


def test_disagreements_side_by_side(page, base_url):
    page.goto(base_url + "/disagreements")
    d = page.locator("#dis-d2 .side")
    assert d.count() == 2
    a, b = d.nth(0).bounding_box(), d.nth(1).bounding_box()
    assert abs(a["y"] - b["y"]) < 2 and b["x"] > a["x"] + a["width"] - 1  # same row, left and right
    assert "honoring a cease-fire" in d.nth(0).inner_text()
    assert "assault is persisting" in d.nth(1).inner_text()
    shot(page, "07-disagreements")


def test_map_points_open_entity_pages(page, base_url):
    page.goto(base_url + "/map")
    assert page.locator("svg.worldmap path.land").count() == 1
    assert page.locator("svg.worldmap a.place").count() == 6
    shot(page, "08-map")
    page.goto(base_url + "/entity/e1")
    assert page.locator("ul.aliases li", has_text="Muammar Gaddafi").count() == 1
    assert page.locator("blockquote.evidence").count() >= 10
    page.goto(base_url + "/entity/e3")
    assert page.locator("svg.worldmap circle").count() == 1
    shot(page, "09-entity-place")


def test_search_box(page, base_url):
    page.goto(base_url + "/")
    page.fill("header input[name=q]", "cease-fire")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=cease-fire")
    hits = page.locator("ol.hits li")
    assert hits.count() == 1 and "cease-fire" in hits.first.inner_text()
    hits.first.locator("a").click()
    page.wait_for_url("**/doc/31*")
    found = page.locator("mark.hl-hit")
    assert found.count() == page.locator(".article-text").inner_text().lower().count("cease-fire")
    assert found.first.is_visible()


def test_html_export_opens_offline(browser, tmp_path):
    from dateline.export.html import render

    out = tmp_path / "story.html"
    out.write_text(render(load_report_file(FIXTURE)), encoding="utf-8")
    ctx = browser.new_context(offline=True, viewport={"width": 1200, "height": 900})
    requests: list[str] = []
    ctx.on("request", lambda r: requests.append(r.url))
    pg = ctx.new_page()
    pg.goto(out.as_uri())
    assert [u for u in requests if not u.startswith("file:")] == []
    assert pg.locator("h1").inner_text() == "Libya 2011: uprising and intervention"
    assert pg.evaluate("typeof window.__xss") == "undefined"
    assert pg.evaluate("getComputedStyle(document.querySelector('mark.hl-event')).backgroundColor") != "rgba(0, 0, 0, 0)"
    pg.get_by_role("link", name="A fighter jet is shot down over Benghazi").first.click()
    assert pg.evaluate("location.hash") == "#event-v5"
    pg.locator("#event-v5 a.evidence-link").first.click()
    target = pg.evaluate("location.hash")[1:]
    assert target.startswith("doc-31-at-")
    assert pg.locator(f"[id='{target}']").inner_text().startswith("A fighter jet")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "10-export-evidence.png"))
    ctx.close()
