"""The story profile is read from the story's own documents (real T17 articles): the same code
gives each family its own home country, ubiquitous names and frequent words."""

from __future__ import annotations

from pathlib import Path

from dateline.claims.measure import find_measure
from dateline.claims.quantities import find_quantities
from dateline.model import Document
from dateline.story_profile import build_profile, country_code


def _family(shared: Path, family: str, n: int = 12, chars: int | None = None) -> list[Document]:
    """The first ``n`` articles of a T17 family (by date folder and name), as clean documents."""
    paths = sorted((shared / "timeline17" / family / "InputDocs").glob("*/*.txt"))[:n]
    docs = []
    for i, p in enumerate(paths):
        text = p.read_text(encoding="utf-8", errors="replace")
        docs.append(Document(id=f"{family}{i}", source=str(p), text=text[:chars] if chars else text))
    return docs


def test_home_country_comes_from_the_documents(shared_data: Path) -> None:
    homes = {fam: build_profile(_family(shared_data, fam)).home_country
             for fam in ("LibyaWar_reuters", "haiti_bbc", "bpoil_reuters")}
    assert homes == {"LibyaWar_reuters": country_code("Libya"), "haiti_bbc": country_code("Haiti"),
                     "bpoil_reuters": country_code("United States")}
    haiti = build_profile(_family(shared_data, "haiti_bbc"))
    # the spellings of the home country the articles use, the demonym among them
    assert {"haiti", "haitian"} <= haiti.home_names
    assert haiti.is_home("Haiti's") and not haiti.is_home("Dominican Republic")
    assert haiti.currency == ("gourde", "HTG")  # the home country's currency, from GeoNames


def test_frequent_words_differ_by_story(shared_data: Path) -> None:
    quake = build_profile(_family(shared_data, "haiti_bbc"))
    spill = build_profile(_family(shared_data, "bpoil_bbc"))
    assert "earthquake" in quake.frequent_nouns and "earthquake" not in spill.frequent_nouns
    assert "oil" in spill.frequent_nouns and "oil" not in quake.frequent_nouns


def test_generic_names_are_those_most_documents_mention(shared_data: Path) -> None:
    from dateline.entities import extract_mentions
    from dateline.nlp import annotate

    docs = _family(shared_data, "haiti_bbc", n=6, chars=1500)
    for d in docs:
        ann = annotate(d.text)
        d.sentences = [list(s) for s in ann.sentences]
        d.mentions = extract_mentions(d.text, ann)
    profile = build_profile(docs)
    names = [{m.text.lower() for m in d.mentions} for d in docs]
    assert profile.is_generic("Haiti")
    once = {n for n in set().union(*names) if sum(n in s for s in names) == 1 and n not in profile.home_names}
    assert once and not any(profile.is_generic(n) for n in once)
    # too few documents: "in most of them" says nothing, no name is generic
    assert build_profile(docs[:2]).generic_names == frozenset()


def test_a_shared_currency_word_is_read_as_the_home_currency(shared_data: Path) -> None:
    libya = build_profile(_family(shared_data, "LibyaWar_reuters"))
    s = "The central bank said it had released 500 million dinars to the banks."
    q = next(q for q in find_quantities(s) if q.low == 500_000_000)
    assert find_measure(s, q, 0, len(s), None, libya).unit == libya.currency[1]
    assert find_measure(s, q, 0, len(s), None, None).noun != "money"  # no story, no country: a count of "dinars"


def test_nationals_are_people_and_nationalities_modify_a_count() -> None:
    """Real T17 sentences (LibyaWar_reuters 2011-02-21/1, LibyaWar_cnn): no demonym is listed in
    the counted nouns; the demonym reader says "Libyans" are people and "British" a modifier."""
    s = ("South Korea said hundreds of Libyans , some armed with knives and guns , attacked a South Korean-run "
         "construction site in Tripoli , injuring at least 4 foreign workers .")
    q = find_quantities(s)[0]
    m = find_measure(s, q, 0, len(s), None)
    assert q.text == "hundreds" and m is not None and m.noun == "people" and m.noun_text == "Libyans"
    s = "Another 25 British nationals were aboard the ship."
    q = find_quantities(s)[0]
    m = find_measure(s, q, 0, len(s), None)
    assert m is not None and m.noun == "people" and m.noun_text == "nationals"
