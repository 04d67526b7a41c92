"""The web UI over a report the real pipeline made from some of examples/libya."""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

import pytest

from dateline.export.html import render
from dateline.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [ROOT / "examples" / "libya" / "cnn" / "2011-03-19", ROOT / "examples" / "libya" / "reuters" / "2011-03-19",
          ROOT / "examples" / "libya" / "reuters" / "2011-08-21"]


@pytest.fixture(scope="module")
def report():
    from dateline.ingest import read_inputs
    from dateline.pipeline import analyze_documents, analyze_story

    docs = analyze_documents(read_inputs([str(p) for p in INPUTS]))
    return analyze_story(docs)


def test_every_page_of_a_pipeline_report(report):
    c = TestClient(create_app(report))
    paths = ["/", "/documents", "/entities", "/map", "/figures", "/disagreements", "/search?q=Gaddafi"]
    paths += [f"/doc/{d.id}" for d in report.documents]
    paths += [f"/entity/{e.id}" for e in report.entities[:40]]
    paths += [f"/event/{v.id}" for v in report.events[:40]]
    for path in paths:
        r = c.get(path)
        assert r.status_code == 200, path
        assert "<script" not in r.text.lower(), path
    ok = [d for d in report.documents if d.status == "ok"]
    assert ok
    # the reader shows each article's clean text whole, whatever is highlighted in it
    html = c.get(f"/doc/{ok[0].id}").text
    body = re.search(r'<div class="article-text">(.*?)</div>', html, re.S).group(1)
    plain = re.sub(r"<[^>]+>", "", body)
    import html as htmlmod

    assert htmlmod.unescape(plain) == ok[0].text


def test_export_of_a_pipeline_report(report):
    page = render(report)
    assert page.count('class="document"') == len(report.documents)
    for anchor in set(re.findall(r'href="#([^"]+)"', page)):
        assert f'id="{anchor}"' in page, anchor


@pytest.mark.browser
def test_export_of_a_pipeline_report_in_chromium(report, tmp_path):
    if not (os.environ.get("DATELINE_CHROMIUM") or Path("/usr/bin/chromium").exists()):
        pytest.skip("no Chromium")
    from playwright.sync_api import sync_playwright

    page = render(report)

    out = tmp_path / "libya.html"
    out.write_text(page, encoding="utf-8")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=os.environ.get("DATELINE_CHROMIUM", "/usr/bin/chromium"),
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--no-first-run", "--disable-sync"])
        ctx = b.new_context(offline=True, viewport={"width": 1200, "height": 900})
        pg = ctx.new_page()
        pg.goto(out.as_uri())
        assert pg.locator("article.document").count() == len(report.documents)
        art = ROOT / "test-artifacts" / "web"
        art.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(art / "11-pipeline-export.png"))
        b.close()
