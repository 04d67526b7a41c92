"""Web UI without a browser: page rendering, escaping, filters, highlights, charts, export."""

from __future__ import annotations

import re
import time
import warnings
from pathlib import Path

import pytest

from dateline.export.html import render
from dateline.model import Claim, Document, Span
from dateline.web import create_app, load_report_file
from dateline.web.charts import compact, map_points, series_chart
from dateline.web.dates import bounds, in_range
from dateline.web.highlight import Mark, pieces
from dateline.web.render import render_page
from dateline.web.story import Story, derive_outlets

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "web" / "libya_report.json"

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def report():
    return load_report_file(FIXTURE)


@pytest.fixture(scope="module")
def client(report):
    return TestClient(create_app(report))


def test_fixture_spans_point_at_the_quoted_text(report):
    story = Story(report)
    for c in report.claims:
        assert c.text and c.text in story.docs[c.evidence.doc].text[c.evidence.start:c.evidence.end]
    for e in report.entities:
        for m in e.mentions:
            mention = story.docs[m.doc].text[m.start:m.end]
            assert any(mention == a for a in e.aliases), (e.name, mention)


def test_pieces_cut_overlapping_marks_and_keep_all_text():
    text = "At least 28 people died in Misrata on Friday."
    marks = [Mark(0, 45, "claim", "c1"), Mark(27, 34, "entity", "e3"), Mark(35, 44, "timex", "0", focus=True)]
    ps = pieces(text, marks)
    assert "".join(p.text for p in ps) == text
    misrata = next(p for p in ps if p.text == "Misrata")
    assert misrata.classes == "hl-claim hl-entity"
    friday = next(p for p in ps if p.text == "on Friday")
    assert "hl-focus" in friday.classes and friday.anchor and friday.start == 35
    # out-of-range marks are clipped or dropped, never raise
    assert "".join(p.text for p in pieces(text, [Mark(40, 400, "event"), Mark(500, 600, "event")])) == text


def test_iso_dates_at_every_precision():
    assert [str(d) for d in bounds("2011-03")] == ["2011-03-01", "2011-03-31"]
    assert [str(d) for d in bounds("2011-W12")] == ["2011-03-21", "2011-03-27"]
    assert bounds("2011")[1].isoformat() == "2011-12-31"
    assert bounds("sometime") is None
    assert in_range("2011-03", "2011-03-15", None) and not in_range("2011-02-21", "2011-03-01", None)


def test_timeline_filters(report):
    story = Story(report)
    assert [t.date for t in story.timeline()] == ["2011-02-20", "2011-02-21", "2011-03-18", "2011-03-19"]
    assert [t.date for t in story.timeline(start="2011-03-01")] == ["2011-03-18", "2011-03-19"]
    benghazi = next(e.id for e in report.entities if e.name == "Benghazi")
    by_entity = [t.date for t in story.timeline(entity=benghazi)]
    # events naming Benghazi, plus those whose evidence sentence mentions it
    assert {"2011-02-20", "2011-03-19"} <= set(by_entity) and "2011-03-18" not in by_entity
    assert [t.date for t in story.timeline(source="1")] == ["2011-02-21"]
    assert [t.date for t in story.timeline(outlet="reuters")] == ["2011-02-21", "2011-03-19"]
    assert story.timeline(outlet="cnn") and not story.timeline(outlet="nosuch")


def test_outlets_from_url_host_or_distinguishing_folder(report):
    story = Story(report)
    assert story.outlets == {"313": "cnn", "1": "reuters", "31": "cnn", "265-xss": "reuters"}
    assert dict(story.outlet_counts()) == {"cnn": 2, "reuters": 2}
    label = story.doc_label("313")
    assert label.startswith("cnn · 2011-02-21 · ") and len(label) < 100 and label.endswith("…")
    flat = [Document(id=str(i), source=f"stories/libya/{i}.txt") for i in range(3)]
    assert derive_outlets(flat) == {}  # one flat folder says nothing about the outlet
    web = [Document(id="u", source="x.html", url="https://www.reuters.com/article/1"),
           Document(id="v", source="y.html")]
    assert derive_outlets(web) == {"u": "reuters.com"}


def test_entity_filter_lists_most_mentioned_with_counts(report):
    story = Story(report)
    listed = story.filter_entities()
    counts = [len(e.mentions) for e in listed[: len(report.entities)]]
    assert counts[:5] == sorted((len(e.mentions) for e in report.entities), reverse=True)[:5]
    html = render_page("story.html", story, entries=story.timeline(), filters={})
    top = max(report.entities, key=lambda e: len(e.mentions))
    assert f"{top.name} ({top.type}, {len(top.mentions)} mentions)" in html
    assert 'name="outlet"' in html and "reuters (2 articles)" in html


def test_series_chart_compact_labels_and_log_scale():
    claims = [Claim(id="a", measure="m", value=[2], as_of="2011-02-01", evidence=Span("d", 0, 1)),
              Claim(id="b", measure="m", value=[8000], as_of="2011-03-01", evidence=Span("d", 0, 1)),
              Claim(id="c", measure="m", value=[40], as_of="2011-03-10", evidence=Span("d", 0, 1))]
    chart = series_chart(claims)
    assert chart.log and [lab for _, lab in chart.y_ticks] == ["1", "10", "100", "1k", "10k"]
    a, b, c = chart.points
    assert b.y < c.y < a.y and a.y - c.y > 40  # small values are not squashed to the axis
    big = [Claim(id="x", measure="m", value=[1.6e9], as_of="2011-02-01"),
           Claim(id="y", measure="m", value=[3e8, 4e8], as_of="2011-03-01")]
    lin = series_chart(big)
    assert not lin.log and all(len(lab) <= 5 for _, lab in lin.y_ticks)
    assert any(lab.endswith("B") for _, lab in lin.y_ticks) and compact(250_000) == "250k"


def test_series_chart_places_points_by_date_and_value():
    claims = [Claim(id="a", measure="m", value=[100], as_of="2011-02-01", evidence=Span("d", 0, 1)),
              Claim(id="b", measure="m", value=[200, 300], as_of="2011-03-01", evidence=Span("d", 0, 1)),
              Claim(id="c", measure="m", value=[5], as_of=None)]
    chart = series_chart(claims)
    a, b = chart.points
    assert a.x < b.x and b.y < a.y  # later and larger: right and higher
    assert b.y_high < b.y < b.y_low  # the range is drawn as a whisker
    assert [c.id for c in chart.undated] == ["c"]


def test_map_points_project_places(report):
    pts = {p.entity.name: p for p in map_points(report.entities)}
    assert {"Benghazi", "Misrata", "Tripoli"} <= set(pts)
    assert pts["Tripoli"].x < pts["Misrata"].x < pts["Benghazi"].x  # west to east
    assert "Moammar Gadhafi" not in pts


@pytest.mark.parametrize("path", ["/", "/documents", "/doc/31", "/doc/265-xss", "/entity/e1", "/entity/e3",
                                  "/entities", "/map", "/figures", "/disagreements", "/event/v5",
                                  "/search?q=cease-fire", "/?start=2011-03-01&end=2011-03-31&entity=e2&source=31"])
def test_every_page_renders_escaped_with_a_strict_csp(client, path):
    r = client.get(path)
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert "<script" not in r.text.lower() and "<img" not in r.text.lower()
    assert not re.search(r"<[^>]+\son\w+=", r.text)  # no event-handler attribute made it into a tag


def test_payload_is_shown_as_text(client):
    r = client.get("/doc/265-xss")
    assert "&lt;script&gt;window.__xss" in r.text
    assert "&lt;img src=x onerror=" in r.text


def test_unknown_ids_are_404(client):
    assert client.get("/doc/nope").status_code == 404
    assert client.get("/entity/nope").status_code == 404


def test_empty_parts_say_none_found(report):
    story_only_docs = type(report)(schema_version="1", generator="t", documents=report.documents)
    c = TestClient(create_app(story_only_docs))
    assert "No timeline dates found" in c.get("/").text
    assert "No series of figures found" in c.get("/figures").text
    assert "No disagreements found" in c.get("/disagreements").text
    assert "No places with coordinates found" in c.get("/map").text


def test_reader_highlights_every_kind_of_evidence(client):
    html = client.get("/doc/31", params={"focus": "event:v5"}).text
    for kind in ("hl-event", "hl-claim", "hl-entity", "hl-timex", "hl-side"):
        assert kind in html
    focus = re.search(r'<mark class="[^"]*hl-focus[^"]*" id="at-(\d+)"[^>]*>(?:<a class="mark-link" href="([^"]*)">)?([^<]*)', html)
    assert focus and focus.group(3).startswith("A fighter jet")
    assert focus.group(2) == "/event/v5"  # a highlight opens the item it is evidence of


def test_search_finds_articles_and_entities(client):
    html = client.get("/search", params={"q": "Human Rights Watch"}).text
    assert "<mark>Human Rights Watch</mark> said at least 223 people" in html
    assert "/entity/e7" in html


def test_export_is_one_offline_file(report):
    html = render(report)
    assert html.startswith("<!doctype html>")
    assert 'http-equiv="Content-Security-Policy"' in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing fetched from anywhere
    assert '<link rel="stylesheet"' not in html and "<style>" in html
    assert "&lt;script&gt;" in html and "<script" not in html.lower()
    for anchor in re.findall(r'href="#([^"]+)"', html):
        assert f'id="{anchor}"' in html, anchor


def test_serves_a_story_from_the_database(report, tmp_path):
    from dateline import store
    from dateline.web.app import app_for

    url = f"sqlite:///{tmp_path / 'story.db'}"
    store.save_report(report, url)
    c = TestClient(app_for(db_url=url))
    assert "A fighter jet is shot down over Benghazi" in c.get("/").text
    html = c.get("/search", params={"q": "cease-fire observers"}).text
    assert 'href="/doc/31?q=cease-fire+observers"' in html and "<mark>" in html
    r = c.get("/doc/265-xss")
    assert r.status_code == 200 and "&lt;script&gt;" in r.text and "<script" not in r.text
    # the story changes in the database while serving: the next page shows it
    import dataclasses

    fewer = dataclasses.replace(report, events=[v for v in report.events if v.id != "v5"],
                                timeline=[t for t in report.timeline if t.date != "2011-03-19"])
    time.sleep(0.01)
    store.save_report(fewer, url)
    assert "A fighter jet is shot down over Benghazi" not in c.get("/").text


def test_dateline_serve_command(tmp_path):
    """`dateline serve REPORT.json --port N` answers on 127.0.0.1 until stopped."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", str(FIXTURE), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(200):
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/event/v5", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("dateline serve did not answer: " + proc.stderr.read1().decode(errors="replace"))
        assert r.status_code == 200 and "A fighter jet is shot down over Benghazi" in r.text
        assert "default-src 'none'" in r.headers["content-security-policy"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_chart_keeps_to_the_story_period():
    """A historical figure (1978) is listed, not drawn: it would squash the 2011 points together."""
    claims = [Claim(id=f"k{i}", measure="people killed", value=[v], as_of=d) for i, (v, d) in enumerate(
        [(1_000_000, "1978"), (10, "2011-02-20"), (233, "2011-02-21"), (376, "2011-08-20")])]
    chart = series_chart(claims)
    assert [c.id for c in chart.outside] == ["k0"]
    assert len(chart.points) == 3 and chart.points[0].x < chart.points[-1].x


def test_bundled_world_outline_has_no_edge_across_the_map():
    from dateline.web.worldmap import land_path

    path = land_path()
    assert len(path) > 20_000
    for sub in path.split("M")[1:]:
        pts = [tuple(map(float, pt.split())) for pt in sub.rstrip("Z").split("L")]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
            # only Antarctica's closing edge may run across, along the bottom of the map
            assert abs(x1 - x0) < 180 or y0 == y1 == 180.0


def test_series_line_has_one_vertex_per_day():
    claims = [Claim(id=str(i), measure="m", value=[v], as_of=day, evidence=Span("d", 0, 1))
              for i, (v, day) in enumerate([(10, "2011-02-21"), (200, "2011-02-21"), (30, "2011-02-21"),
                                            (50, "2011-03-01")])]
    chart = series_chart(claims)
    assert len(chart.points) == 4
    vertices = chart.line.split()
    assert len(vertices) == 2
    same_day = sorted(p.y for p in chart.points[:3])
    assert float(vertices[0].split(",")[1]) == same_day[1]  # the day's median figure


def test_documents_page_names_each_outlet(report):
    story = Story(report)
    html = render_page("documents.html", story)
    cells = re.findall(r'<td class="outlet">([^<]*)</td>', html)
    assert sorted(cells) == sorted(story.outlets[d.id] for d in report.documents)
