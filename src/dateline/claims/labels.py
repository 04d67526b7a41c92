"""Live-blog labels in front of quoted text: "local: The army has used ..." -> "The army has used ...".

Live pages stamp each item ("COUNTRY, 3:29 p.m. ET, 10:29 p.m. local: ...", "(12:36 p.m. Monday
ET, 7:36 p.m. in Country) ..."); the sentence splitter cuts after "p.m." so a sentence can begin
with the tail of the stamp. A short all-lower or all-upper label (one or two words) and a
colon at the start of a line is such a tail, as is a whole stamp; a capitalised word
("Update:", "Riverton:") is left alone, it may be the text's own.
"""

from __future__ import annotations

import re

from ..clean.structure import CLOCK_STAMP as _STAMP  # the live-page stamp, defined once by the structure layer

_LABEL = re.compile(rf"^[ \t]*(?:\(\d{{1,2}}:\d\d[^)\n]{{0,60}}\)[ \t]*|(?:{_STAMP.pattern}){{0,2}}(?:[a-z]+|[A-Z]+)(?:[ \t](?:[a-z]+|[A-Z]+))?:[ \t]+)", re.M)


def strip_label(text: str) -> str:
    """``text`` without the live-blog labels at the start of its lines."""
    return _LABEL.sub("", text)
