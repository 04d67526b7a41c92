"""Publication dates of real web pages (htmldate-eval dev pages) and the pubdate scorer."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.dating.pubdate_html import url_date
from dateline.evaluate.pubdate import date_html_page, htmldate_items, judge, scores

MINI = Path(__file__).parent / "fixtures" / "pubdate" / "htmldate-mini"
T17 = Path(__file__).parent / "fixtures" / "pubdate" / "t17"


def _page(file: str) -> str:
    return gzip.decompress((MINI / "html" / f"{file}.gz").read_bytes()).decode("utf-8", "replace")


@pytest.mark.parametrize("url, file, gold", htmldate_items(MINI))
def test_pages_get_their_gold_day(url: str, file: str, gold: str) -> None:
    published, evidence, confidence = date_html_page(_page(file), url, file)
    assert published == gold, evidence
    assert evidence and 0 < confidence <= 1


def test_visible_date_beats_an_invisible_metadata_date() -> None:
    # htmldate's original-date reading here is a date the page never shows
    from htmldate import find_date

    (url, file, gold), = [x for x in htmldate_items(MINI) if "channelpartner" in x[0]]
    html = _page(file)
    assert find_date(html, original_date=True, extensive_search=True) != gold
    published, evidence, _ = date_html_page(html, url, file)
    assert published == gold and "written on the page" in evidence


def test_url_dates() -> None:
    assert url_date("http://blog.python.org/2016/12/python-360-is-now-available.html") == (None, "2016-12")
    assert url_date("https://edition.cnn.com/2021/03/08/uk/meghan-harry/index.html") == ("2021-03-08", "2021-03")
    assert url_date("https://web.archive.org/web/20160218174457/http://x.de/2010/05/a/")[1] == "2010-05"
    assert url_date("https://tass.ru/moskva/8836033") == (None, None)


def test_metric_as_upstream() -> None:
    assert judge(None, "2020-01-01") == "fn"
    assert judge("2020-01-01", None) == "fp"  # NaN gold: every output is an error
    assert judge("2020-01-01T10:00", "2020-01-01") == "tp"
    s = scores(tp=8, fp=1, fn=1, n=10)
    assert s["accuracy"] == 0.8 and s["f1"] == round(16 / 18, 4)


def _cli(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "evaluate", "pubdate", *args, "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def test_evaluate_cli_htmldate_layout() -> None:
    res = _cli(str(MINI), "--limit", "3")
    assert res["n"] == 3 and res["tp"] + res["fp"] + res["fn"] == 3
    for key in ("accuracy", "f1", "precision", "recall"):
        assert 0 <= res[key] <= 1


def test_evaluate_cli_t17_layout() -> None:
    res = _cli(str(T17))
    assert res["layout"].startswith("timeline17")
    assert res["n"] == 4 and res["tp"] >= 2
