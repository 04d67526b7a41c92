"""Temporal expression tagging and TIMEX3 normalisation (rule-based, regex grammar, no spaCy).

``tag_timexes(text, anchor, sentences)`` finds dates, times, durations and sets in news text and
resolves them against the anchor (publication date). Modules: ``lexicon`` (word lists),
``grammar`` (compiled patterns), ``normalise`` (match -> value), ``anchor`` (calendar arithmetic),
``tense`` (past/future cues), ``filters`` (not-a-date cues), ``reference`` (reference time:
'that year', 'the quarter', 'the following day'), ``tagger`` (match selection).

Why not dateparser: measured here, ``dateparser.parse`` costs ~0.65 ms per matched string (about
as much as tagging a whole article with this grammar) and returns a datetime without granularity
("June 2014" -> 2014-06-01, "three years ago" -> a day), so the TimeML value would still have to be
rebuilt from our own match groups; its ``search_dates`` finds spans poorly on TimeBank (value F1
0.133, ../shared/data/tempeval3-tbaq/PROVENANCE.md). The captured groups give day, month and year
directly, so no parser call is made. On gold extents alone (``dateline evaluate timeml DIR --subset S
--compare-dateparser``: each gold DATE text parsed on its own, RELATIVE_BASE = DCT, prefer past,
dateparser's answer cut to the gold granularity) the grammar is more accurate on both sides:
TimeBank day 0.895 vs 0.652, month 0.806 vs 0.593, year 0.929 vs 0.668; AQUAINT day 0.854 vs 0.514,
month 0.700 vs 0.600, year 0.982 vs 0.946. Asking dateparser only where the grammar finds nothing
helps only bare "March"/"May" out of context (month 0.852 / 0.717), which the grammar leaves
alone on purpose (verbs).

Conventions (TimeBank/TempEval-3): the span excludes the preposition ("on Thursday" -> "Thursday")
and keeps determiners and modifiers of the expression ("the third quarter", "nearly two years",
"earlier this month"); granularity is what the text says ("June 2014" -> 2014-06, "three years
ago" -> 2008, "a week ago" -> an ISO week); vague references become PRESENT_REF/PAST_REF/
FUTURE_REF or an X duration, never an invented day. Following the TIMEX3 guidelines (even where
one sub-corpus annotates otherwise): a weekday with a part of day keeps it ("Friday night" ->
2000-01-07TNI, type TIME), ISO weeks are zero-padded (2000-W07), decades are three digits (199),
"each July" is a SET (XXXX-07), and broadcast names ("the BBC's Today programme") are not dates.
``extent`` moves boundaries after resolution (TimeML extents; see its docstring).

TBAQ protocol (TimeBank vs AQUAINT, each scored while the other side was the one analysed):
analysed on AQUAINT -> "4 in the morning"/"10 at night" clock times, "last/next Thanksgiving"
keeping its modifier, a part-of-day clock taking the day of a following parenthesis, "that same day"
after a month (YYYY-MM-XX), abbreviations ("vs.", "U.S.") ending no guessed sentence, "next to" no
future cue, a closing quote ending the clause a tense cue is taken from; analysed on
TimeBank -> extent.py ("Earlier Sunday", "around Nov. 1", "1994 or later", "or so", "the
<eight-year> war", "<three days> later", "this coming Sunday"). The two sub-corpora disagree on
several conventions (AQUAINT leaves out "the", "about", "night" in "Friday night", "Earlier" before a
day); the rules follow TimeBank and the TimeML guidelines there.
Round 4, analysed on TimeBank (AQUAINT scored as left out, unchanged at strict 0.850 / value 0.785):
the verb "last" before an amount ("last over a week"), a spoken "two thousand" before a unit or a
counted noun is no year, "later this afternoon", "a three-year period". Tried and dropped: "a year or
two" as one extent (AQUAINT strict -0.002), "sometime next year" (TimeBank itself splits 1/1), a duration range as one expression ("two to
three weeks", as TimeBank marks it in two documents of three: strict +0.001 but value F1 -0.0006 on
TimeBank itself, AQUAINT unchanged), and
two learned components trained on one side and scored on the other (a logistic filter of our matches:
AQUAINT strict 0.843 vs 0.850; a CRF over tokens with our matches as features: AQUAINT 0.830, and
0.840 when it only moves our boundaries) - AQUAINT's conventions are not TimeBank's, so what a model
learns on one side does not carry to the other.
"""

from __future__ import annotations

from .tagger import tag_timexes

__all__ = ["tag_timexes"]
