"""Undated sentences that continue a dated story: the days a news sentence without a timex may tell.

News convention: an article's lead tells the news of its day, and a sentence that carries on a
dated sentence's happening inherits its time (the narrative reference time). A sentence with no
date expression of its own that reports a happening (a past, present-perfect or progressive
verb; not a quote, a question, a plan or a conditional) in an article with a confident
publication date may tell one of: the publication day, the day before it, or the day of the
previous dated sentence of its paragraph. It never makes an event alone: it joins an event of
one of those days that holds a sentence close in meaning (``layer._join_floating``).

An article's reference day (``layer._reference_days``) is the day of its first sentence the story
dates to a day, at most a week before its publication day: what the article is about and when. It
is one more day its undated report sentences may tell, and in an article that prints no date it is
the only one. There, it also places the article's other weekdays and month-days (``place``): "late
Saturday night" in the lead joins the shooting the other articles date, so the same page's "early
Tuesday morning" is the Tuesday after it.
"""

from __future__ import annotations

import datetime as dt
import re

CONFIDENT = 0.6  # publication dates at least this sure anchor undated sentences
# the verb forms of a reported happening: "has been arrested", "were examining", "trashed",
# "is believed to have been", and the common irregular past forms of news verbs
_IRREGULAR = ("shot|hit|struck|broke|fell|took|led|stole|stolen|made|left|went|came|began|begun|"
              "threw|thrown|fought|caught|held|won|lost|fled|sank|sunk|shook|found|met|put|set|"
              "spoke|told|ran|drove|rose|seized|killed|hurt|cut|bought|sold|paid|gave|got|saw|"
              "became|brought|sent|spent|kept|beat|beaten|blew|burnt|burned")
_HAPPENED = re.compile(
    r"\b(?:has|have|had)\s+(?:been\s+|also\s+|now\s+|already\s+)?[a-z]+(?:ed|en|wn|t)\b"
    r"|\b(?:was|were|is|are)\s+(?:being\s+|also\s+|now\s+|currently\s+|still\s+)?[a-z]+(?:ed|en|wn|ing)\b"
    rf"|\b[a-z]{{3,}}ed\b|(?<!\bto )\b(?:{_IRREGULAR})\b", re.I)
# a present progressive or perfect tells the state at the publication day ("are examining the scene")
_PRESENT = re.compile(r"\b(?:is|are)\s+(?:being\s+|now\s+|currently\s+|still\s+)?[a-z]+ing\b|\bcurrently\b", re.I)
# a sentence opening on a pronoun or a connective continues the previous one: never an event alone
_CONTINUES = re.compile(r"^\W*(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|Then|But|And|Also)\b")
_NOT_REPORT = re.compile(
    r"[\"“”?]|\b(?:will|would|could|might|may|should|must|if|unless|plans? to|expected to|"
    r"scheduled|usually|often|always|every (?:year|day|week))\b"
    r"|\b(?:is|are|(?:has|have)\s+(?:also\s+)?been)\s+(?:also\s+)?(?:the|a|an|one of)\b", re.I)  # a state, not a happening
_REPORTING_ONLY = re.compile(r"^\W*(?:[A-Z][\w.'-]*\s+){1,4}(?:said|says|told|added)\b")


def reports_happening(text: str) -> bool:
    """Whether an undated sentence reports a happening (see the module docstring)."""
    if _NOT_REPORT.search(text) or _REPORTING_ONLY.search(text):
        return False
    return bool(_HAPPENED.search(text))


def continues(text: str) -> bool:
    """Whether a sentence opens on a pronoun or connective (it carries on the previous one)."""
    return bool(_CONTINUES.match(text))


def inherited_days(pub: dt.date, previous: str | None, text: str = "") -> tuple[str, ...]:
    """The days an undated report sentence may tell: its publication day, the day before (not for
    a present progressive: that is the publication day's state), and the day of the previous
    dated sentence of its paragraph (``previous``, ISO, when given)."""
    days = [pub.isoformat()]
    if not _PRESENT.search(text):
        days.append((pub - dt.timedelta(days=1)).isoformat())
    if previous and len(previous) == 10 and previous not in days:
        days.append(previous)
    return tuple(days)


PLACE_AFTER = 3  # a weekday is placed at most this many days after the reference day
PLACE_BEFORE = 3  # ... or before it


def place(pattern: tuple[object, ...], anchor: str) -> str | None:
    """The day (ISO) a floating timex of an article without a date names, placed against the
    article's reference day ``anchor`` (the day its lead's happening is dated by the story): a
    weekday is the nearest such day within a few days of it, a month and day the nearest
    such date (a year before or after at most). Yesterday/today name the unknown publication
    day, not the reference day: not placed."""
    ref = dt.date.fromisoformat(anchor[:10])
    kind = pattern[0]
    if kind == "weekday":
        for delta in sorted(range(-PLACE_BEFORE, PLACE_AFTER + 1), key=lambda d: (abs(d), d)):
            day = ref + dt.timedelta(days=delta)
            if day.isoweekday() == pattern[1]:
                return day.isoformat()
        return None
    if kind == "monthday":
        best = None
        for year in (ref.year - 1, ref.year, ref.year + 1):
            try:
                day = dt.date(year, int(pattern[1]), int(pattern[2]))  # type: ignore[call-overload]
            except ValueError:
                continue
            if best is None or abs((day - ref).days) < abs((best - ref).days):
                best = day
        return best.isoformat() if best and abs((best - ref).days) <= 183 else None
    return None


__all__ = ["CONFIDENT", "continues", "inherited_days", "place", "reports_happening"]
