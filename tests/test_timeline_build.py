"""build_timeline on real T17 articles: dates, cited readable summaries, events, options."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dateline.clean.ptb import detokenize_line
from dateline.evaluate.tls import load_topic, read_article
from dateline.events import TimelineOptions, build_timeline
from dateline.events.dates import fallback_refs
from dateline.events.readable import content_start
from dateline.events.syndication import syndication_groups


@pytest.fixture(scope="module")
def h1n1(shared_data):
    return load_topic(shared_data / "timeline17/H1N1_guardian")


def test_timeline_is_dated_cited_and_readable(h1n1):
    events, timeline, summary = build_timeline(h1n1, [], TimelineOptions(max_dates=10, sentences_per_date=2))
    assert 5 <= len(timeline) <= 10
    dates = [t.date for t in timeline]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    texts = {d.id: d.text for d in h1n1}
    ev_ids = {e.id for e in events}
    for t in timeline:
        assert 1 <= len(t.evidence) <= 2
        cited = [texts[s.doc][s.start : s.end] for s in t.evidence]
        assert t.summary == " ".join(cited)
        for s in cited:
            assert s[0].isupper() or s[0] in "\"'0123456789"
            assert "| Reply" not in s and "(Reuters) -" not in s
        assert set(t.events) <= ev_ids and t.sources
    for e in events:
        assert 0.0 <= e.salience <= 1.0 and e.title and e.evidence
        # an event is dated at its granularity: a day (or a range's first day), an ISO week, a month, a year
        pattern = {"day": r"\d{4}-\d\d-\d\d", "range": r"\d{4}-\d\d-\d\d", "week": r"\d{4}-W\d\d",
                   "month": r"\d{4}-\d\d", "year": r"\d{4}"}[e.granularity]
        assert re.fullmatch(pattern, e.date), (e.date, e.granularity)
        if e.granularity in ("day", "range"):
            assert dt.date.fromisoformat(e.date)
    assert summary.text and summary.evidence


def test_placeholder_query_does_not_empty_the_story(h1n1):
    _, base, _ = build_timeline(h1n1, [], TimelineOptions(max_dates=8))
    _, queried, _ = build_timeline(h1n1, [], TimelineOptions(max_dates=8, query=["bpoil"]))
    assert queried and [t.date for t in queried] == [t.date for t in base]


def test_start_and_end_bound_the_dates(h1n1):
    _, tl, _ = build_timeline(h1n1, [], TimelineOptions(max_dates=20, start="2009-04-25", end="2009-05"))
    assert tl and all("2009-04-25" <= t.date <= "2009-05-31" for t in tl)


def test_syndicated_copy_is_grouped(fixtures, tmp_path: Path):
    src = fixtures / "tls/reuters_2011-03-04_337.htm.txt"
    other = fixtures / "tls/cnn_2011-04-21_102.htm.txt"
    copy = tmp_path / "copy.txt"
    copy.write_text("Reuters wire story as printed elsewhere today\n" + src.read_text())
    docs = [read_article(src, "2011-03-04", "a"), read_article(copy, "2011-03-05", "b"), read_article(other, "2011-04-21", "c")]
    groups = syndication_groups(docs)
    assert groups["a"] == groups["b"] != groups["c"]


def test_comment_stamps_are_not_date_mentions(fixtures):
    text = (fixtures / "tls/cnn_2011-04-21_102.htm.txt").read_text()
    stamped = [ln for ln in text.splitlines() if "| Reply" in ln]
    assert stamped
    anchor = dt.date(2011, 4, 21)
    assert all(fallback_refs(ln, anchor) == [] for ln in stamped)


def test_weekday_and_calendar_dates_resolve_against_publication(fixtures):
    doc = read_article(fixtures / "tls/reuters_2011-03-04_337.htm.txt", "2011-03-04", "r")
    refs = {r.date for i in range(len(doc.sentences)) for r in fallback_refs(doc.sentence_text(i), dt.date(2011, 3, 4))}
    assert refs and all(dt.date(2011, 2, 20) <= d <= dt.date(2011, 3, 4) for d in refs)
    assert dt.date(2011, 3, 4) in refs  # "after Friday prayers", published Friday 4 March


def test_dateline_prefix_is_cut(fixtures):
    first = detokenize_line((fixtures / "tls/reuters_2011-03-04_337.htm.txt").read_text().splitlines()[0])
    assert re.match(r"TRIPOLI \(Reuters\) -", first)
    assert first[content_start(first):].startswith("Libyan authorities")


@pytest.mark.parametrize("line,start,ok", [
    ("LIBYA, 4:01 p.m. ET, 11:01 p.m. local: The Arab League will hold an urgent summit Tuesday to discuss the crisis.",
     "The Arab League", True),
    ("February 26 - The U.N. Security Council imposes sanctions on Gaddafi and his family, and refers Libya's "
     "crackdown on rebels to the International Criminal Court (ICC).", "The U.N.", True),
    ("February 24, 2011 04:18 pm at 4:18 pm | February 24, 2011 04:21 pm at 4:21 pm | equal means equal!", "", False),
    ("The $30 billion is the largest amount ever blocked under any sanctions program, he said.", "The $30", False),
    ("More on the Bahrain protests: LIBYA, 7:40 p.m. ET, 2:40 a.m. Here is video of Gadhafi's comments to Libyan "
     "state-run TV.", "More on", False),
    ("When that all began to crumble beginning on February 17th and Libyans in the country's east began to rise up, "
     "we had to develop webs of witnesses from scrap.", "When that", False),
])
def test_sentence_proper_and_readability(line, start, ok):
    """Lines from the bundled examples/libya articles (live-blog label and stamps, factbox date, comment stamp,
    unnamed 'he', the blogger's own voice)."""
    from dateline.events.readable import readable

    body = line[content_start(line):]
    assert body.startswith(start)
    assert readable(body) is ok
