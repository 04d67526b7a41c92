"""The day a narrative is at (round-5 ECB+ articles, development data): a weekday after "last week"
in its own sentence, clock times after a named day, a complement clause's tense; and a week event
scored inside a gold month."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.dating.timex import tag_timexes
from dateline.evaluate.events import date_matches

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "ecbplus_r5" / "pubdates.blind.json"


def _article(name: str) -> tuple[str, str]:
    """(raw text, gold publication date) of a round-5 article."""
    for d in json.loads(GOLD.read_text(encoding="utf-8"))["docs"]:
        if d["doc"].endswith("/" + name):
            return (ROOT / d["doc"]).read_text(encoding="utf-8"), d["published"]
    raise KeyError(name)


def _value_in(name: str, sentence: str, expression: str) -> str:
    text, pub = _article(name)
    at = text.index(sentence)
    for t in tag_timexes(text, pub):
        if at <= t.start < at + len(sentence) and t.text == expression:
            return t.value
    raise AssertionError(f"{expression!r} not tagged in {sentence!r}")


def test_last_week_in_the_same_sentence_leaves_the_weekday_alone() -> None:
    # "A man who was fired last week ... walked into his former office with a shotgun on Monday"
    assert _value_in("18_9ecbplus.txt", "A man who was fired last week from his job at an accounting firm in "
                     "suburban Detroit walked into his former office with a shotgun on Monday", "Monday") == "2007-04-09"


def test_a_clock_time_is_on_the_day_last_named() -> None:
    # published Sunday 2013-06-09; the text named "3am on Saturday" a few lines before
    assert _value_in("32_2ecbplus.txt", "more noise was heard at around 8am", "around 8am") == "2013-06-08T08:00"


def test_a_complement_clause_does_not_set_the_tense() -> None:
    # published Friday 2010-09-10: "dismissed a neighbor's report Thursday that Hiller might be involved"
    assert _value_in("22_12ecbplus.txt", "She initially dismissed a neighbor's report Thursday", "Thursday") \
        == "2010-09-09"


def test_a_week_inside_the_gold_month() -> None:
    assert date_matches("2013-W12", "2013-03", "month")  # 18-24 March
    assert date_matches("2013-W13", "2013-03", "month")  # 25-31 March
    assert not date_matches("2013-W14", "2013-03", "month")  # 1-7 April
    assert not date_matches("2013-W09", "2013-03", "month")  # 25 Feb - 3 Mar
    assert date_matches("2013-W12", "2013", "year")
