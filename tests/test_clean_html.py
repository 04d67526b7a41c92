"""HTML cleaning and the cleaning evaluator on real benchmark pages (copied into fixtures)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.clean import clean
from dateline.clean.flatten import html_to_lines
from dateline.clean.html import clean_html
from dateline.clean.postclean import postclean_lines
from dateline.evaluate.cleaning import aeb_scores, evaluate, shingle_tp_fp_fn, snippet_counts
from dateline.model import RawDocument

FIX = Path(__file__).resolve().parent / "fixtures" / "clean"
AEB = FIX / "aeb"
TRAF = FIX / "trafeval"


def _aeb_pages() -> list[tuple[str, str, str]]:
    gold = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    return [(k, gzip.open(AEB / "html" / f"{k}.html.gz").read().decode("utf-8"), v["articleBody"])
            for k, v in sorted(gold.items())]


@pytest.mark.parametrize("key,html,gold", _aeb_pages(), ids=lambda v: v[:8] if isinstance(v, str) else None)
def test_html_body_matches_gold(key: str, html: str, gold: str) -> None:
    c = clean_html(html)
    tp, fp, fn = shingle_tp_fp_fn(gold, c.text)
    assert tp / (tp + fn) > 0.9  # recall of the gold body
    assert c.title and c.title not in c.text.split("\n")[:1]  # headline found, not repeated in the body
    assert c.boilerplate  # menus and footers of the page are recorded
    assert c.meta["extractor"] == "trafilatura"


def test_html_precision_over_pages() -> None:
    pages = [shingle_tp_fp_fn(gold, clean_html(html).text) for _, html, gold in _aeb_pages()]
    assert aeb_scores(pages, [False] * len(pages))["precision"] > 0.8


def test_flattened_page_has_all_text() -> None:
    key, html, gold = _aeb_pages()[0]
    lines = html_to_lines(html)
    first_gold = gold.split("\n")[0][:60]
    assert any(first_gold in ln for ln in lines)
    assert not any("<script" in ln or "function(" in ln for ln in lines)


def test_line_cleaner_on_flattened_page_keeps_body() -> None:
    from dateline.clean.text import clean_text

    scores = []
    for _, html, gold in _aeb_pages():
        c = clean_text("\n".join(html_to_lines(html)))
        scores.append(shingle_tp_fp_fn(gold, c.text))
    s = aeb_scores(scores, [False] * len(scores))
    assert s["recall"] > 0.85 and s["precision"] > 0.6


def test_broken_and_empty_html_do_not_crash() -> None:
    for html in ["", "<html><body></body></html>", "<html><body><p>Only a few words.", "\x00\x01<div>"]:
        c = clean(RawDocument(id="b", source="b", html=html))
        assert isinstance(c.text, str)


def test_postclean_moves_repeated_headline_to_title() -> None:
    lines = ["Son of former German president stabbed to death in Berlin",
             "The son of former German President Richard von Weizsäcker was stabbed."]
    kept, removed, title = postclean_lines(lines, "Son of former German president stabbed to death in Berlin")
    assert removed == lines[:1] and kept == lines[1:] and title == lines[0]


def test_metrics_follow_upstream_definitions() -> None:
    assert shingle_tp_fp_fn("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = shingle_tp_fp_fn("one two three four five", "one two three four")
    assert (tp, fp, fn) == (0.5, 0.0, 0.5)
    # a page with nothing predicted and nothing gold does not count for precision, as upstream
    assert aeb_scores([(0.0, 0.0, 0.0), (0.5, 0.5, 0.0)], [True, False])["precision"] == 0.5
    assert snippet_counts(None, ["a"], ["b"]) == (0, 0, 1, 1)
    assert snippet_counts("x  a\n b y", ["a b"], ["z"]) == (1, 0, 0, 1)  # whitespace collapsed


def test_evaluator_on_both_layouts() -> None:
    a = evaluate(AEB, extractor="trafilatura", use_cache=False)
    assert a["dataset"] == "aeb" and a["n"] == 3 and a["f1"] > 0.8
    d = evaluate(AEB, use_cache=False, limit=2)
    assert d["n"] == 2
    t = evaluate(TRAF, use_cache=False)
    assert t["dataset"] == "trafilatura-eval" and t["n"] == 3
    assert t["title_n"] == 3 and t["title_accuracy"] >= 2 / 3  # headlines from the page metadata
    assert t["tp"] + t["fn"] == sum(len(v["with"]) for v in json.loads((TRAF / "evaldata.json").read_text()).values())
    txt = evaluate(AEB, mode="text", use_cache=False)
    assert txt["extractor"] == "lines" and 0.0 < txt["f1"] <= 1.0


def test_cli_json_prints_one_object() -> None:
    out = subprocess.run([sys.executable, "-m", "dateline.cli", "evaluate", "cleaning", str(TRAF), "--json", "--limit", "1",
                          "--no-cache"], capture_output=True, text=True, check=True)
    obj = json.loads(out.stdout)
    assert {"f1", "precision", "recall", "accuracy", "n"} <= obj.keys() and obj["n"] == 1


def test_published_trafilatura_output_reproduces_published_score(shared_data: Path) -> None:
    root = shared_data / "aeb-article-body"
    r = evaluate(root, predictions=root / "system-outputs" / "trafilatura.json.gz")
    assert abs(r["f1"] - 0.956) < 0.0006 and abs(r["precision"] - 0.928) < 0.0006 and abs(r["recall"] - 0.985) < 0.0006


def test_page_in_its_declared_charset_is_decoded(tmp_path: Path) -> None:
    """A GB2312 page (trafilatura-eval, xinhuanet) that the reader could only decode as cp1252."""
    from dateline.ingest.files import read_file

    page = tmp_path / "xinhuanet.html"
    page.write_bytes(gzip.open(FIX / "charset_gb2312_xinhuanet.html.gz").read())
    raw = next(iter(read_file(page)))
    c = clean(raw)
    assert "一个约定，信守15年，感人至深；一段真情，延续15年" in c.text
    assert "秦皇岛、承德、张家口等10个设区市演出" in c.text
    assert "ICP证010042号" not in c.text
