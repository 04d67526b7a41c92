"""Fixes for spaCy's entity boundaries on news text, and titles split off person names."""

from __future__ import annotations

import re

# Titles that precede a name; longest first so "Lt. Gen." wins over "Gen.".
_TITLE_WORDS = [
    r"Lt\.? Gen\.?", r"Lieutenant General", r"Maj\.? Gen\.?", r"Major General", r"Brig\.? Gen\.?",
    r"Brigadier General", r"Lt\.? Col\.?", r"Lieutenant Colonel", r"Col\.?", r"Colonel", r"Gen\.?", r"General",
    r"Adm\.?", r"Admiral", r"Vice Adm\.?", r"Capt\.?", r"Captain", r"Maj\.?", r"Major", r"Sgt\.?", r"Sergeant",
    r"Sheikh", r"Sheik", r"Shaikh", r"Imam", r"Ayatollah", r"King", r"Queen", r"Prince", r"Princess", r"Emir",
    r"President", r"Vice President", r"Prime Minister", r"PM", r"Foreign Minister", r"Defense Minister",
    r"Defence Minister", r"Interior Minister", r"Minister", r"Secretary-General", r"Secretary General",
    r"Secretary of State", r"Secretary", r"Sen\.?", r"Senator", r"Rep\.?", r"Gov\.?", r"Governor",
    r"Ambassador", r"Amb\.?", r"Judge", r"Justice", r"Dr\.?", r"Mr\.?", r"Mrs\.?", r"Ms\.?", r"Miss", r"Sir", r"Lord",
    r"Pope", r"Rev\.?", r"Father", r"Leader", r"Chancellor", r"Spokesman",
    r"Police Commissioner", r"Commissioner", r"Mayor", r"Sheriff", r"Councilman", r"Councilwoman", r"Inspector",
    r"Deputy", r"Dep\.", r"Detective", r"Det\.", r"Lieutenant", r"Lt\.", r"Monsignor", r"Msgr\.",
]
TITLE_RE = re.compile(r"^(?:(?:" + "|".join(_TITLE_WORDS) + r")\s+)+")
_LEADING = re.compile(r"^(?:[\"'“”‘’(\[\-–—\s]+|(?:the|The|THE)\s+)+")
_TRAILING = re.compile(r"(?:[\"'“”‘’)\],;:!?\s\-–—]+|(?:'s|’s|'S|’S))+$")
_DANGLING = re.compile(r"(?: (?:of|and|for|the|de|in|on))+$")
_INNER_BREAK = re.compile(r"(?<=\S)[\"“”]| -{1,2} | [–—] ")  # a quote glued inside, a dash between words
_OUTLET_TAIL = re.compile(r"\s+(?:BBC|CNN|AFP|AP|Reuters|NPR|ABC|CBS|NBC)(?:\s+News)?$")
_NEGATING = re.compile(r"^(?:pro|anti|non|ex|post|pre)-", re.I)

TITLE_CANON = {
    "col": "Colonel", "colonel": "Colonel", "gen": "General", "general": "General",
    "lt gen": "Lieutenant General", "lieutenant general": "Lieutenant General",
    "maj gen": "Major General", "major general": "Major General", "brig gen": "Brigadier General",
    "lt col": "Lieutenant Colonel", "sheik": "Sheikh", "shaikh": "Sheikh", "sen": "Senator",
    "rep": "Representative", "gov": "Governor", "dr": "Doctor", "mr": "Mr", "mrs": "Mrs", "ms": "Ms",
    "pm": "Prime Minister", "amb": "Ambassador", "adm": "Admiral", "capt": "Captain",
}


def canonical_title(title: str) -> str:
    k = re.sub(r"[.\s]+", " ", title).strip().lower()
    return TITLE_CANON.get(k, title.strip().rstrip("."))


_FUNCTION_WORDS = frozenset(
    "Will Can Did Does Do Is Are Was Were Has Have Had Should Would Could May Might Must When Where Why How What "
    "Who Whom If As But And So Then Meanwhile After Before While Although Though Since Because Under With Without "
    "Despite Even Also Yet Still Now Today Tonight Yesterday Tomorrow Says Said Asked Told Former Late Ousted "
    "Embattled Deposed Veteran Embattled Leader Dear Thanks Thank Like Unlike Against Among Between Inside "
    "Outside Near Many Some Most Both Several Only Just".split()
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n]|--|—)[\s\"'“‘(\-–—]*$")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip a leading article/quote and a trailing possessive/punctuation from ``text[start:end]``;
    at a sentence start also a capitalised function word spaCy took in ("Will Omar Haddadi be ...")."""
    span = text[start:end]
    cut = _INNER_BREAK.search(span)
    if cut and cut.start() > 0:
        end = start + cut.start()  # 'Haddadi is"over', 'NAIROBI - Protesters', 'CNN Student News - 8/22/11'
        words = text[start:end].split(" ")
        while len(words) > 1 and not words[-1][:1].isupper():
            words.pop()  # the lower-case words before the glued quote: 'Haddadi is"over' -> 'Haddadi'
        end = start + len(" ".join(words))
        span = text[start:end]
    m = _LEADING.match(span)
    if m and m.end() < len(span):
        start += m.end()
        span = text[start:end]
    first, _, rest = span.partition(" ")
    if rest and first in _FUNCTION_WORDS and rest[:1].isupper() and _SENTENCE_START.search(text[max(0, start - 12):start]):
        start += len(first) + 1
        span = text[start:end]
    m = _OUTLET_TAIL.search(span)
    if m and m.start() > 0 and " " in span[: m.start()].strip():
        end = start + m.start()  # "Paul Adams BBC News": a byline glued to the outlet
        span = text[start:end]
    m = _TRAILING.search(span)
    if m and m.start() > 0:
        end = start + m.start()
        span = text[start:end]
    m = _DANGLING.search(span)
    if m and m.start() > 0:
        end = start + m.start()  # "Central Election Commission of" (the country tagged apart)
        span = text[start:end]
    # a final period with no other period in the name ends the sentence ("the NRC."), unlike "U.N."
    if span.endswith(".") and "." not in span[:-1] and len(span) > 2:
        end -= 1
    return start, end


def split_title(text: str, start: int, end: int) -> tuple[int, str | None]:
    """If the span starts with titles ("Lt. Gen. Omar Haddadi"), the name start and the title."""
    span = text[start:end]
    m = TITLE_RE.match(span)
    if m and m.end() < len(span) and span[m.end()].isupper():
        return start + m.end(), span[: m.end()].strip()
    return start, None


def title_before(text: str, start: int) -> str | None:
    """A title written just before a name that NER left out of the span ("Col. Omar Haddadi")."""
    window = text[max(0, start - 40):start]
    m = re.search(r"(?:^|[\s(\"“])((?:(?:" + "|".join(_TITLE_WORDS) + r")\s+)+)$", window)
    if m:
        return m.group(1).strip()
    return None


def negated(text: str, start: int) -> bool:
    """'pro-Haddadi', 'anti-Haddadi' and the like are attributes, not references."""
    return bool(re.search(r"\b(?:pro|anti|non|ex|post|pre)-$", text[max(0, start - 6):start], re.I))


def prefixed_adjective(text: str, start: int, end: int) -> bool:
    """The span itself starts with pro-/anti- ("pro-Haddadi")."""
    return bool(_NEGATING.match(text[start:end]))


_NAME_PARTICLE = frozenset("El Al Ben Bin Ibn Abu Abdel Abdul Abd Bou Ould Van Von De Da Di Le La".split())
_HYPHEN_PARTICLE = re.compile(r"([A-Z][a-z]+) (?:al|el|a|ad|as|ash|ar|az|an|Al|El)-$")
_APOSTROPHE_GIVEN = re.compile(r"(?<![\w'’])[A-Z][a-z]*['’][A-Z][a-z]+ $")  # "Ka'Loni", "De'Andre", "D'Angelo"


def repair_spans(text: str, entities: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Fix two ways spaCy breaks Arabic names in news text:
    - a name cut after a particle: "Zine El" + "Abidine Ben Ali" -> "Zine El Abidine Ben Ali";
    - a name started after a hyphenated particle: "Nur al-[Din Haddadi]" -> "Nur al-Din Haddadi".
    - a person's given name written with an inner apostrophe and capital ("Ka'Loni Marie Flynn"),
      which the small English model leaves out of the span ("Marie Flynn"), is taken back in.
    Spans come back sorted; labels of merged spans are the second's when it is PERSON."""
    ents = sorted(entities)
    out: list[tuple[int, int, str]] = []
    for s, e, label in ents:
        g = _APOSTROPHE_GIVEN.search(text, max(0, s - 24), s) if label == "PERSON" else None
        if g and g.end() == s and not (out and out[-1][1] > g.start()):
            s = g.start()
        at = s + 1 if text[s:s + 1] == "-" else s  # spaCy sometimes starts the span at the hyphen
        m = _HYPHEN_PARTICLE.search(text, max(0, at - 20), at)
        if m and m.end() == at and label in ("PERSON", "ORG", "GPE", "NORP"):
            if out and out[-1][1] > m.start():
                if out[-1][0] < m.start():
                    out.append((s, e, label))
                    continue
                out.pop()  # "Nur" tagged on its own before "al-Din Haddadi"
            s, label = m.start(), "PERSON"
        if out:
            ps, pe, pl = out[-1]
            last = text[ps:pe].split()[-1:] if pe > ps else []
            if text[pe:s] == " " and last and last[0] in _NAME_PARTICLE and "PERSON" in (pl, label):
                out[-1] = (ps, e, "PERSON")
                continue
        out.extend(_split_conjoined(text, s, e, label))
    return out


def _split_conjoined(text: str, s: int, e: int, label: str) -> list[tuple[int, int, str]]:
    """'Dara and Salt' (GPE/LOC/FAC): two places, unless the whole is one name
    ('Bosnia and Herzegovina', 'Trinidad and Tobago')."""
    span = text[s:e]
    i = span.find(" and ")
    if label not in ("GPE", "LOC", "FAC") or i <= 0 or span.count(" and ") != 1:
        return [(s, e, label)]
    right = span[i + 5:]
    if not (span[:1].isupper() and right[:1].isupper()):
        return [(s, e, label)]
    from .geo import is_place_name

    if is_place_name(span):
        return [(s, e, label)]
    return [(s, s + i, label), (s + i + 5, e, label)]


_BREAK = re.compile(r"\s*\n\s*|\s+[/|]\s*|\s*[/|]\s+|\s+•\s+")


def split_at_breaks(text: str, entities: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """No name runs across a line break or a credit separator: "Samir Haddadi / AFP\\nPowered"
    becomes "Samir Haddadi" and "AFP". The first piece keeps the label; a later piece is kept
    only when it still looks like a name on its own (two words or more, or an acronym), since a
    lone capitalised word after a break is usually a caption or page label ("Powered", "Share")."""
    out: list[tuple[int, int, str]] = []
    for s, e, label in entities:
        cuts = list(_BREAK.finditer(text, s, e))
        if not cuts:
            out.append((s, e, label))
            continue
        pieces: list[tuple[int, int]] = []
        at = s
        for c in cuts:
            pieces.append((at, c.start()))
            at = c.end()
        pieces.append((at, e))
        for i, (ps, pe) in enumerate(pieces):
            piece = text[ps:pe].strip()
            if not piece or not any(ch.isupper() for ch in piece):
                continue
            if i and not (len(piece.split()) >= 2 or (piece.isupper() and len(piece) >= 2)):
                continue
            lab = label if i == 0 or label != "PERSON" or len(piece.split()) >= 2 else "ORG"
            out.append((ps, pe, lab))
    return out
