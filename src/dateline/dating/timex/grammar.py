"""The grammar of English news temporal expressions: compiled patterns, each with its normaliser.

Order matters only for ties: when two rules match the same longest span, the earlier wins.
Month and weekday names must be capitalised (so "may", "march", "sun" stay words).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import normalise as nz
from .context import Ctx, Piece
from .lexicon import DAY_RE, MONTH_RE, NUM_RE, UNIT_RE, WEEKDAY_RE, YEAR_RE

Handler = Callable[[re.Match[str], Ctx], "list[Piece] | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


WD = WEEKDAY_RE
WD_SHORT = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?=\s+[A-Z])"  # 'Sat Mar 19, 2011' datelines
M_SHORT = r"(?:Mar|Jun|Jul)(?=\s*\d)"  # bare abbreviations only before a day number
M = MONTH_RE
D = DAY_RE
Y = YEAR_RE
NUM = f"(?i:{NUM_RE})"
UNIT = f"(?i:{UNIT_RE})"
PART = r"(?i:morning|afternoon|evening|night)"
CLOCK = r"(?P<hh>(?:[01]?\d|2[0-4]))(?::(?P<mm>[0-5]\d))?\s*(?P<ampm>(?i:[ap]\.\s?m\.?|[ap]m)(?![\w]))"
SPOKEN_Y = (
    r"(?i:nineteen|twenty)[\s-]+(?i:hundred|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)|(?i:two\s+thousand"
    r"(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
PREMOD = (
    r"(?:(?i:(?:the\s+)?(?:very\s+)?(?:early|late)|mid|the\s+(?:end|beginning|start|middle|close|rest|remainder"
    r")\s+of)[\s-]+)?"
)
QUANT = (
    r"(?i:about|nearly|almost|roughly|some|(?:no\s+|not\s+)?more\s+than|less\s+than|fewer\s+than|over|at\s+least"
    r"|at\s+most|approximately|around|up\s+to|a\s+full)"
)
B = r"(?<![\w$#])"  # left word boundary that also refuses amounts and codes


def _r(name: str, pattern: str, handler: Handler) -> Rule:
    # Every expression starts at a word start: this guard lets the engine skip other positions
    # fast (4x faster than trying each rule's alternations at every character).
    return Rule(name, re.compile(r"(?<!\w)(?=[\w'])(?:" + pattern + ")"), handler)


RULES: list[Rule] = [
    _r("iso", r"(?<![\w-])(?P<y>1[5-9]\d\d|20\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)"
              r"(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?(?![\w-])", nz.iso_date),
    _r("numeric", r"(?<![\d/.,])(?P<p1>[0-3]?\d)/(?P<p2>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])", nz.numeric_date),
    _r("mdy", rf"(?:(?P<wd>{WD}|{WD_SHORT})(?:\s*,\s*|\s+|\s*\(\s*))?(?P<month>{M}|{M_SHORT})\s*(?P<day>{D})"
              rf"(?:\s*(?:-|–|through|to|and)\s*(?P<rday>{D}))?(?:\s*,?\s*(?P<year>{Y}))?"
              rf"(?:\s*,?\s+(?i:at\s+)?{CLOCK}|\s+(?:at\s+)?(?P<tod>(?i:noon|midnight)))?(?(wd)\)?|)", nz.full_date),
    _r("dmy", rf"(?:(?P<wd>{WD}),?\s+)?(?:(?i:the)\s+)?(?<![\d,.$])(?:(?P<lday>{D})\s*(?:-|–|and|to|through)\s*)?"
              rf"(?P<day>{D})\s+(?:(?i:of)\s+)?(?P<month>{M})(?:,?\s*(?P<year>{Y}))?", nz.full_date),
    _r("month_year", rf"{PREMOD}(?P<month>{M})\s*,?\s+(?:(?i:of)\s+)?(?P<year>{Y})", nz.month_year),
    _r("month_this_year", rf"(?P<month>{M})\s+(?:(?i:of)\s+)?(?P<yrel>(?i:this|last|next|that))\s+(?i:year)(?!\w)",
       nz.this_year_month),
    _r("month", rf"(?:(?P<rel>(?i:last|next|this))\s+)?{PREMOD}(?P<month>{M})(?!\.?\s*\d)", nz.month_only),
    _r("decade", r"(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]*)?(?:(?P<dec>(?:1[5-9]|20)\d0)'?s"
                 r"|'(?P<sdec>\d0)s)(?!\w)", nz.decade),
    _r("decade_word", r"(?i:the)\s+(?:(?i:early|late|mid)[\s-]*)?"
                      r"(?P<wdec>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\w)",
       nz.decade),
    _r("century", r"(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]*)?(?P<cent>\d{1,2}(?:st|nd|rd|th))[\s-]+(?i:century)",
       nz.century),
    _r("year", rf"(?:{PREMOD}|(?i:fiscal(?:\s+year)?)\s+)?(?<![\d,.$'])(?P<year>(?:1[5-9]\d\d|20\d\d))(?![\w]|,\d|\.\d)",
       nz.year_only),
    _r("year_range", r"(?<![\d,.$'-])(?P<year>(?:1[5-9]\d\d|20\d\d))(?P<sep>[-–/])(?P<end>(?:1[5-9]|20)\d\d|\d\d)"
                     r"(?![\w]|,\d|\.\d|[-–/]\d)", nz.year_range),
    _r("spoken_year", rf"(?:(?i:the\s+year)\s+)?(?P<sy>{SPOKEN_Y})(?!\w)", nz.spoken_year),
    _r("month_spoken_year", rf"(?:(?P<day>{D})\s+)?(?P<month>{M})\s+(?:(?P<day2>{D})\s*,?\s*)?(?P<sy>(?i:nineteen)[\s-]+"
                            r"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four"
                            r"|five|six|seven|eight|nine))?))(?!\w)", nz.month_spoken_year),
    _r("weekday", rf"(?:(?P<rel>(?i:last|next|this\s+coming|this|coming|past|(?:the\s+)?previous|the\s+preceding|the\s+following))\s+)?(?P<wd>{WD})"
                  rf"(?:\s+(?P<part>{PART}))?(?:\s*,?\s+(?i:at\s+)?{CLOCK})?(?!\w)", nz.weekday),
    _r("month_set", rf"(?i:every|each)\s+(?P<month>{M})(?!\w)", nz.month_set),
    _r("weekday_set", rf"(?i:every|each)\s+(?P<wd>{WD})(?:\s+(?P<part>{PART}))?", nz.weekday_set),
    _r("weekday_plural", rf"(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)(?:\s+(?P<part>{PART}s?))?(?!\w)",
       nz.weekday_set),
    _r("weekday_part_plural", rf"(?P<wd>{WD})\s+(?P<part>(?i:mornings|afternoons|evenings|nights))(?!\w)",
       nz.weekday_set),
    _r("week_of", rf"(?i:the\s+week\s+of)\s+(?P<month>{M})\s*(?P<day>{D})(?:\s*,?\s*(?P<year>{Y}))?", nz.week_of),
    _r("day_rel", r"(?P<dw>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday"
                  rf"|tomorrow|tonight))(?:\s+(?P<part>{PART}))?(?!\w)", nz.day_relative),
    _r("this_part", rf"(?:(?i:earlier|later)\s+)?(?P<dw>(?i:this|last))\s+(?P<part>{PART})(?!\w)", nz.day_relative),
    _r("clock", rf"(?<![\w$.:]){CLOCK}(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC))?"
                rf"(?:\s*,?\s+(?:(?i:on)\s+)?(?P<wd>{WD})|\s+(?P<dw>(?i:today|yesterday|tomorrow))"
                rf"|\s*,?\s+(?:(?i:on)\s+)?(?P<month>{M})\s*(?P<day>{D})(?:\s*,?\s*(?P<year>{Y}))?"
                rf"|\s*,?\s+(?:(?i:on)\s+)?(?P<dday>{D})\s+(?P<dmonth>{M})(?:\s*,?\s*(?P<dyear>{Y}))?)?", nz.clock_time),
    _r("part_of_day", rf"(?i:mid[\s-]?|early\s|late\s)(?<!mid)(?P<part>{PART})(?:\s+(?P<wd>{WD})|\s+(?P<dw>(?i:today|yesterday"
                      r"|tomorrow)))?(?!\w)", nz.part_of_day),
    _r("late_day", rf"(?i:early|late)\s+(?:(?P<wd>{WD})|(?P<dw>(?i:today|yesterday|tomorrow)))(?!\w)", nz.part_of_day),
    _r("overnight", r"(?i:overnight)(?!\w)", nz.overnight),
    _r("clock_in_the", r"(?P<hh>[1-9]|1[0-2])(?::(?P<mm>[0-5]\d))?\s+(?:(?i:o'clock)\s+)?(?i:in\s+the\s+)"
                        r"(?P<pod>(?i:morning|afternoon|evening))(?!\w)|(?P<hh2>[1-9]|1[0-2])(?::(?P<mm2>[0-5]\d))?\s+"
                        r"(?:(?i:o'clock)\s+)?(?i:at\s+)(?P<pod2>(?i:night))(?!\w)", nz.clock_in_the),
    _r("clock_24h", r"(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s+(?:(?i:hours|hrs)|GMT|UTC|(?i:local\s+time))(?!\w)",
       nz.clock_time),
    _r("clock_word", rf"(?P<tod>(?i:noon|midnight|midday))(?:\s+(?:(?i:on)\s+)?(?P<wd>{WD})|\s+(?P<dw>(?i:today|yesterday|tomorrow)))?(?!\w)",
       nz.clock_time),
    _r("month_part", r"(?P<mod>(?i:early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
                     r"|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+close\s+of))[\s-]+"
                     r"(?P<rel>(?i:this|last|next|the))\s+(?P<unit>(?i:week|month|year|quarter|decade|century))(?!\w)",
       nz.month_part),
    _r("unit_rel", r"(?P<rel>(?i:last|this|next|the\s+current|the\s+same|current))\s+(?:(?i:fiscal|calendar)\s+)?"
                   r"(?P<unit>(?i:week|month|year|quarter|weekend|decade|century))(?!\w)", nz.unit_relative),
    _r("relative_to_ref", r"(?P<rel>(?i:the\s+(?:following|previous|preceding|next)))\s+"
                          r"(?P<unit>(?i:day|morning|week|month|year))(?!\w)", nz.relative_to_reference),
    _r("the_past_unit", r"(?i:the\s+(?:past|last|next|coming|previous|following)|past)\s+"
                        r"(?P<unit>(?i:week|month|year|decade|century|hour|minute))(?!\w)", nz.past_span),
    _r("rate", r"(?i:a|an|per)\s+(?P<sunit>(?i:day|week|month|year|hour|quarter))(?!\w)", nz.rate_set),
    _r("ago", rf"(?:{QUANT}\s+)?(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})\s+"
              r"(?:(?i:or\s+so)\s+)?(?P<dir>(?i:ago|earlier|later|from\s+now|hence))(?!\w)", nz.ago),
    _r("duration", rf"(?:(?i:the(?:\s+(?:past|last|next|coming|previous|following|first|final|latest|remaining|same))?"
                   rf"|past|last|next|previous|first|another)\s+)?(?:{QUANT}\s+)?(?P<num>{NUM})[\s-]+"
                   rf"(?:(?i:more|additional|further|extra|trading|business|working|calendar)\s+)?(?P<unit>{UNIT})(?:\s+(?i:and\s+a\s+half))?(?:-(?i:long))?"
                   r"(?!\w|-old|\s+old)", nz.duration),
    _r("long_unit", r"(?P<unit>(?i:days?|weeks?|months?|years?|decades?|hours?))-(?i:long)(?!\w)", nz.long_unit),
    _r("vague_ago", r"(?P<unit>(?i:years|months|weeks|days|decades))\s+(?i:ago|earlier)(?!\w)", nz.fixed("PAST_REF")),
    _r("vague_plural", r"(?i:for|over|in|within|after|took|take|takes|lasted|last)\s+(?P<unit>(?i:years|months|weeks|"
                       r"days|decades|centuries|hours|minutes))(?!\w)", nz.vague_plural),
    _r("half_year", r"(?:(?i:the)\s+)?(?P<which>(?i:first|second|last|latter|final))\s+(?i:half|two\s+quarters)"
                    rf"\s+(?i:of)\s+(?:(?i:fiscal|calendar)\s+)?(?P<year>{Y})", nz.half_year),
    _r("quarter_adj", r"(?:(?i:fiscal)\s+)?(?P<ord>(?i:first|second|third|fourth))-(?P<qh>(?i:quarter|half))(?!\w)", nz.quarter),
    _r("year_quarter", r"(?i:the)\s+(?P<year>(?:19|20)\d\d)\s+(?:(?P<ord>(?i:first|second|third|fourth))\s+)?"
                       r"(?P<qh>(?i:quarter|half|period))(?!\w)", nz.year_quarter),
    _r("quarter", r"(?:(?P<qrel>(?i:the|this|last|next|this\s+year's|last\s+year's|next\s+year's|the\s+year-earlier"
                  r"|the\s+year-ago|the\s+previous))\s+)?(?:(?i:fiscal|calendar)\s+)?"
                  r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?P<qh>(?i:quarter|half))(?!\w)"
                  rf"(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal|calendar)\s+)?(?P<year>{Y}))?", nz.quarter),
    _r("quarter_ref", r"(?i:the\s+(?:quarter|period)\s+a\s+year\s+(?:ago|earlier)"
                      r"|the\s+(?:latest|recent|most\s+recent|year-earlier|year-ago|comparable|previous"
                      r"|comparable\s+year-ago|comparable\s+year-earlier)\s+(?:quarter|period)|the\s+quarter"
                      r"|(?:the\s+)?year-earlier|(?:the\s+)?year-ago|last\s+year's\s+(?:quarter|period)"
                      r"|the\s+(?:corresponding|same|comparable)\s+(?:quarter|period)\s+(?:of\s+)?(?:last\s+year"
                      r"|a\s+year\s+(?:ago|earlier))|the\s+(?:quarter|period)\s+a\s+year\s+(?:ago|earlier))(?!\w)",
       nz.quarter_ref),
    _r("season", r"(?:(?P<srel>(?i:this\s+past|this|last|next|(?:the\s+)?early|(?:the\s+)?late|mid|the))[\s-]+)?"
                 rf"(?P<season>(?i:spring|summer|fall|autumn|winter))(?!\w)(?:\s+(?:(?i:of)\s+)?(?:(?P<year>{Y})"
                 rf"|(?P<sy>{SPOKEN_Y})(?!\w)))?",
       nz.season),
    _r("year_end", r"(?:(?i:around|about)\s+)?(?<![\w-])(?i:year[-\s]end|year's\s+end)(?![\w-])", nz.year_end),
    _r("that_unit", r"(?:(?i:earlier|later)\s+)?(?i:that)\s+(?:(?i:same)\s+)?(?P<unit>(?i:year|month|day))(?![\w-])",
       nz.that_unit),
    _r("the_year", r"(?i:the\s+(?:(?:fiscal|full|calendar|latest\s+fiscal)\s+)?year)(?![\w-]|'s|\s+(?:ago|earlier|before|later))",
       nz.the_year),
    _r("weekend", r"(?i:the|this|last|next|this\s+past)\s+weekend(?!\w)", nz.weekend),
    _r("present", r"(?i:right\s+now|now|currently|at\s+present|nowadays|these\s+days|at\s+the\s+moment"
                  r"|the\s+present|current)(?!\w)", nz.fixed("PRESENT_REF")),
    _r("past_ref", r"(?i:recently|lately|the\s+past|formerly)(?!\w)", nz.fixed("PAST_REF")),
    _r("recent_years", r"(?i:recent\s+(?:years|decades))(?!\w)", nz.fixed("PAST_REF")),
    _r("recent_units", r"(?i:(?:the\s+)?recent)\s+(?P<unit>(?i:days|weeks|months|quarters))(?!\w)", nz.vague_plural),
    _r("future_ref", r"(?i:the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|long|short)\s+term|as\s+soon\s+as"
                     r"\s+possible)(?!\w)", nz.fixed("FUTURE_REF")),
    _r("coming", r"(?i:(?:the\s+)?(?:coming|upcoming|future)\s+(?:days|weeks|months|quarters|years|decades))(?!\w)",
       nz.fixed("FUTURE_REF")),
    _r("while", r"(?i:a\s+while|a\s+long\s+time)(?!\w)", nz.fixed("PXX", "DURATION")),
    _r("set_adv", r"(?P<sunit>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly))(?!\w)", nz.set_adverb),
    _r("set_every", rf"(?i:every|each|per)\s+(?:(?i:other)\s+)?(?:(?P<snum>{NUM})\s+)?"
                    r"(?P<sunit>(?i:days?|weeks?|months?|years?|quarters?|hours?|minutes?|mornings?|nights?|evenings?"
                    r"|afternoons?|weekends?|decades?))(?!\w)", nz.set_every),
    _r("holiday", r"(?:(?P<hrel>(?i:last|next|this|this\s+past|the\s+coming))\s+)?(?P<hol>Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]s(?:\s+(?:Eve|Day))?|Thanksgiving(?:\s+Day)?"
                  r"|Easter(?:\s+Sunday)?|Halloween|Independence\s+Day|Valentine['’]s\s+Day|Election\s+Day)"
                  rf"(?!\w)(?:\s*,?\s*(?P<year>{Y}))?", nz.holiday),
]
