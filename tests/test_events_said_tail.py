"""A timex closing an attribution tail dates the saying, not the happening (round-5 ECB+ article,
development data)."""

from __future__ import annotations

from pathlib import Path

from dateline.events.layer import _said_tail

ARTICLE = (Path(__file__).resolve().parents[1] / "tests" / "corpora" / "ecbplus_r5" / "articles"
           / "factory_shooting_trial_2010" / "22_12ecbplus.txt")


def _tail(sentence_start: str, expression: str) -> bool:
    text = ARTICLE.read_text(encoding="utf-8")
    s = text.index(sentence_start)
    e = text.index("\n", s)
    t = text.index(expression, s)
    assert t < e
    return _said_tail(text, s, t, t + len(expression), e)


def test_police_said_friday_after_a_reported_shooting() -> None:
    # "A Kraft Foods plant worker who had been suspended ... returned minutes later with a handgun ...,
    # police said Friday.": the shooting was Thursday, Friday is when the police told it
    assert _tail("A Kraft Foods plant worker who had been suspended", "Friday")


def test_a_statement_with_its_own_day_keeps_it() -> None:
    # a quoted statement: the saying is the happening ("... Kraft said in a statement Friday.")
    assert not _tail("We wanted the opportunity to investigate", "Friday")
    # the day inside the clause ("had gotten into an argument Thursday evening with her co-workers")
    assert not _tail("Yvonne Hiller, 43, had gotten into an argument", "Thursday")
