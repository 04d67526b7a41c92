"""The web UI over a report the real pipeline made from some of examples/libya."""

from __future__ import annotations

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
def test_export_of_a_pipeline_report_in_chromium(report, tmp_path, page):
    """The single-file HTML export opens offline in Chromium (the session's one browser) with every document."""
    from tests.browser_support import screenshot

    out = tmp_path / "libya.html"
    out.write_text(render(report), encoding="utf-8")
    page.goto(out.as_uri())
    assert page.locator("article.document").count() == len(report.documents)
    assert not page.errors
    screenshot(page, "11-pipeline-export")
