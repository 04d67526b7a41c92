"""The text-line cleaner on real flattened articles (Timeline17 InputDocs, copied unchanged)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.clean import clean
from dateline.clean.text import clean_text
from dateline.model import RawDocument

T17 = Path(__file__).resolve().parent / "fixtures" / "clean" / "t17"


def _clean(name: str):
    return clean_text((T17 / name).read_text(encoding="utf-8"))


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


@pytest.mark.parametrize("name", sorted(p.name for p in T17.glob("*.txt")))
def test_every_line_is_kept_or_recorded(name: str) -> None:
    c = _clean(name)
    out = set(_lines(c.text)) | set(c.boilerplate) | ({c.title} if c.title else set())
    assert c.text.strip()
    from dateline.clean.header import split_header
    from dateline.clean.ptb import detokenize_if_ptb

    src, _ = detokenize_if_ptb((T17 / name).read_text(encoding="utf-8"))
    lines, header = split_header(src.split("\n"))
    for ln in _lines("\n".join(lines)):
        assert ln in out, ln
    if header.removed:
        assert header.removed in c.boilerplate


def test_cnn_reader_comments_removed_body_kept() -> None:
    c = _clean("cnn_comments_104.htm.txt")
    assert "The British opposition smells blood." in c.text
    assert "And how will they respond?" in c.text  # a short one-line paragraph
    assert "I pay tribute to that team." in c.text
    assert "| Reply" not in c.text
    assert any("| Reply" in b for b in c.boilerplate)
    assert "Enter your email address to follow this blog" not in c.text
    assert "RETWEET" not in c.text


def test_short_quotes_and_ptb_undone() -> None:
    c = _clean("cnn_235.htm.txt")
    assert c.meta["ptb_tokenized"] is True
    assert '"I am doing this for him."' in _lines(c.text)
    assert '"There is nothing serious here," he said.' in _lines(c.text)
    assert "(CNN) --" not in c.text.split("\n")[0] or c.meta.get("dateline") == "(CNN)"
    for token in ("-LRB-", "-RRB-", "``", "''", " ,", " 's ", " n't"):
        assert token not in c.text, token
    # the agency credit ends the story and is not body
    assert "contributed to this report" not in c.text


def test_live_blog_time_stamps_are_body() -> None:
    c = _clean("cnn_liveblog_285.htm.txt")
    assert "(10:45 p.m. Saturday, 11:45 a.m. Sunday in Tokyo) Construction of temporary housing" in c.text
    assert "(10:40 p.m. Saturday, 11:40 a.m. Sunday in Tokyo) The death toll has reached 7,700" in c.text


def test_reuters_header_kept_in_meta_and_comments_removed() -> None:
    c = _clean("reuters_373.htm.txt")
    assert c.meta["header_date_text"].startswith("Thu Apr 28, 2011")
    assert c.meta["dateline"].endswith("(Reuters)")
    assert "(Reuters)" in c.meta["header_text"]
    first = _lines(c.text)[0]
    assert "(Reuters)" not in first and "|" not in first
    assert "The crackdown sparked a rebellion that has turned into a civil war." in c.text
    assert "The U.S. mission to the United Nations declined to comment." in c.text
    assert "Views expressed in the comments" not in c.text
    assert "This discussion is now closed." not in c.text
    assert "I believe they should be absolutely a legitimate target" not in c.text  # a reader's comment


def test_posted_by_comments_removed() -> None:
    c = _clean("wapo_1157.htm.txt")
    assert "Report abuse" not in c.text
    assert "Posted by:" not in c.text
    assert "Please review the full rules governing commentaries and discussions." in c.boilerplate


def test_fact_dense_sentences_kept() -> None:
    c = _clean("bbc_1674.htm.txt")
    # low stop-word density (figures and names) but body between body lines
    assert "The cap has been collecting roughly 16,000 barrels every 24 hours, BP says." in c.text
    assert "It's ruined,\" said Pensacola fisherman Steve Anderson." in c.text


def test_clean_dispatches_text_and_keeps_declared_title() -> None:
    raw = RawDocument(id="x", source="x", text=(T17 / "reuters_373.htm.txt").read_text(encoding="utf-8"),
                      title="Declared title")
    c = clean(raw)
    assert c.title == "Declared title"
    assert "header_date_text" in c.meta


def test_headline_glued_to_reuters_header() -> None:
    text = ("Libya's Waha Oil faces tough task to fix war damage TRIPOLI | Sun Oct 2 , 2011 12:20 pm EDT "
            "TRIPOLI -LRB- Reuters -RRB- - Libya 's Waha Oil Company faces a tough task to repair damage to "
            "its fields , its chief said .\nIt will take months , he said .\n")
    c = clean_text(text)
    assert c.title == "Libya's Waha Oil faces tough task to fix war damage"
    assert c.meta["header_date_text"] == "Sun Oct 2, 2011 12:20 pm EDT"
    assert c.text.startswith("Libya's Waha Oil Company faces a tough task")


def test_two_sentence_article_is_kept_whole() -> None:
    src = (T17 / "bbc_short_1208.htm.txt").read_text(encoding="utf-8")
    c = _clean("bbc_short_1208.htm.txt")
    assert len(_lines(c.text)) == len(_lines(src)) == 2
    assert c.boilerplate == []
