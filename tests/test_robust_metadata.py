"""Metadata a reader takes from its input is checked: garbage is refused with a reason, never stored.

Also: a one-sentence wire brief is an article, odd paths (link loops, pipes, broken links) end
as rejected documents with a reason.
"""

from __future__ import annotations

import json
import os

import pytest

from dateline.ingest import read_inputs
from dateline.ingest.files import path_date
from dateline.ingest.validate import check_date, check_id, check_title, check_url
from dateline.model import RawDocument
from dateline.pipeline import analyze_document

BRIEF = "Officials in the provincial capital said on Monday that 30 people were killed."
DATED_BRIEF = "PORTVILLE, March 6, 2017 - " + BRIEF


@pytest.mark.parametrize("value", ["2011-03-19", "2011-03", "2011", "2011-03-19T10:00:00Z", "2011-03-19 10:00:00+01:00",
                                   "20110319", "Sat, 19 Mar 2011 10:00:00 GMT", "March 19, 2011", "19 March 2011"])
def test_real_dates_are_accepted(value):
    assert check_date(value) == (value, None)


@pytest.mark.parametrize("value, why", [
    ("2099-13-45", "month 13"), ("2011-02-30", "day 30"), ("2099-01-01", "future"), (12345, "number"),
    ("12345", "number"), (1300000000.5, "number"), (True, "boolean"), (["2011-03-19"], "list"),
    ("yesterday-ish", "not a recognisable date"), ("2011-03-19T25:00", "time"), ("x" * 200, "too long"),
    ("1066-10-14", "before"),
])
def test_garbage_dates_are_refused_with_a_reason(value, why):
    good, reason = check_date(value)
    assert good is None
    assert why in reason


def test_ids_urls_titles():
    assert check_id(42) == ("42", None)
    assert check_id({"a": 1})[0] is None and "not an id" in check_id({"a": 1})[1]
    assert check_id("a\x00b")[0] is None
    assert check_id("x" * 1000)[0] is None
    assert check_url("https://example.org/news/1") == ("https://example.org/news/1", None)
    for bad in ("javascript:alert(1)", "http://", "not a url", "ftp://example.org/x", "http://exa mple.org/", 7):
        assert check_url(bad)[0] is None, bad
    assert check_title("  A\x07 headline\n here ") == ("A headline here", None)
    assert check_title(["x"])[0] is None


def test_path_dates_must_be_real_days():
    assert path_date("InputDocs/2011-03-19/1.txt") == "2011-03-19"
    assert path_date("InputDocs/2011-02-31/1.txt") is None


def test_path_dates_need_one_separator_and_stand_apart():
    # a story folder named with its year and a file named "<topic>_<doc>" is no date (was 2011-12-11)
    assert path_date("articles/gulf_of_aden_piracy_2011/12_11ecbplus.txt") is None
    assert path_date("https://example.org/2013/03/12/vigil-story") == "2013-03-12"
    assert path_date("crawl/20110320.html") == "2011-03-20"
    assert path_date("crawl/2011_03_20_story.txt") == "2011-03-20"


def test_jsonl_garbage_metadata_refused_and_text_date_used(tmp_path):
    recs = [
        {"id": "a", "text": DATED_BRIEF, "published": "2099-13-45", "url": "javascript:alert(1)"},
        {"id": "b", "text": BRIEF, "published": 12345},
        {"id": {"nested": 1}, "text": BRIEF, "title": 99},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    raws = list(read_inputs([str(path)]))
    assert [r.published for r in raws] == [None, None, None]
    assert "month 13" in raws[0].meta["metadata_refused"]["published"]
    assert "not an http(s) URL" in raws[0].meta["metadata_refused"]["url"]
    assert raws[0].url is None
    assert "number" in raws[1].meta["metadata_refused"]["published"]
    assert raws[2].id == "in-3" and "id" in raws[2].meta["metadata_refused"]
    doc = analyze_document(raws[0])
    assert doc.status == "ok"
    assert doc.published == "2017-03-06"  # from the text, not from the refused field
    assert "metadata_refused" in doc.meta


def test_one_sentence_brief_is_an_article():
    for text in (BRIEF, "AP\n" + BRIEF, "Share\n" + BRIEF, ">> " + BRIEF):
        doc = analyze_document(RawDocument(id="b", source="b.txt", text=text))
        assert doc.status == "ok", (text, doc.error)
        assert "30 people were killed" in doc.text


def test_boilerplate_alone_is_still_rejected():
    doc = analyze_document(RawDocument(id="c", source="c.txt", text="Share\nTweet\nEmail\nSign up for our newsletter."))
    assert doc.status == "rejected"


def test_odd_paths_end_with_a_reason(tmp_path):
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")
    os.symlink("loop2", tmp_path / "loop1")
    os.symlink("loop1", tmp_path / "loop2")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "we ird\nname é.txt").write_text(BRIEF, encoding="utf-8")
    raws = {r.id: r for r in read_inputs([str(tmp_path)])}
    assert raws["we ird\nname é"].error is None
    assert "link loop" in raws["loop1"].error and "link loop" in raws["loop2"].error
    assert "not a regular file" in raws["pipe"].error
    assert "already read" in raws["up"].error
