"""World-knowledge tables: shipped with their provenance, rebuilt by scripts/build_*.py from public
sources, and used by the linker so that variants join from the data and surname-only pairs stay apart."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from dateline.entities.demonyms import demonym_country
from dateline.entities.geo import resolve, shipped_gazetteer
from dateline.entities.link import link_entities
from dateline.entities.names import DATA_DIR, key, person_compatible, same_token, tokens
from dateline.model import Document, Mention

ROOT = Path(__file__).resolve().parent.parent
TABLES = {
    "gazetteer_places.tsv": "build_gazetteer.py",
    "entities_demonyms.tsv": "build_demonyms.py",
    "entities_nicknames.tsv": "build_nicknames.py",
    "entities_aliases_orgs.tsv": "build_org_aliases.py",
    "entities_aliases_countries.tsv": "build_country_aliases.py",
    "gazetteer_countries.tsv": "build_country_points.py",
    "gazetteer_us_counties.tsv": "build_us_counties.py",
}


def _script(name: str):
    """Load scripts/<name> as `python scripts/<name>` would run it: with scripts/ on the path (for _tsv_build)."""
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(name[:-3], ROOT / "scripts" / name)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def _header(table: str) -> str:
    return "\n".join(ln for ln in (DATA_DIR / table).read_text(encoding="utf-8").splitlines() if ln.startswith("#"))


@pytest.mark.parametrize("table,script", sorted(TABLES.items()))
def test_table_names_its_source_license_and_build(table, script):
    head = _header(table)
    assert re.search(r"# Source: https://github\.com/\S+ commit [0-9a-f]{40}", head)
    assert "# License: " in head
    assert f"scripts/{script}" in head
    assert (ROOT / "scripts" / script).exists()
    assert (DATA_DIR / table).stat().st_size < 3_000_000  # the shipped tables stay small


@pytest.mark.parametrize("table,script,source_path", [
    ("gazetteer_places.tsv", "build_gazetteer.py", "csv/states.csv"),
    ("entities_demonyms.tsv", "build_demonyms.py", "csv/countries.csv"),
    ("entities_nicknames.tsv", "build_nicknames.py", "names.csv"),
    ("entities_aliases_orgs.tsv", "build_org_aliases.py", "data/general_list.yaml"),
    ("entities_aliases_countries.tsv", "build_country_aliases.py", "countries.json"),
    ("gazetteer_countries.tsv", "build_country_points.py", "countries-cities-currencies/countries.csv"),
    ("gazetteer_us_counties.tsv", "build_us_counties.py", "sources/counties.txt"),
])
def test_table_rebuilds_byte_identical_from_its_source(tmp_path, table, script, source_path):
    """With the fetched source repository on this machine, the script reproduces the shipped file."""
    head = _header(table)
    repo, commit = re.search(r"https://github\.com/(\S+) commit ([0-9a-f]{40})", head).groups()
    git_dir = Path("/work/.mirror") / repo.replace("/", "+") / "repo"
    if not git_dir.exists():
        pytest.skip(f"source {repo} not fetched here")
    probe = subprocess.run(["git", f"--git-dir={git_dir}", "cat-file", "-e", f"{commit}:{source_path}"],
                           capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"commit {commit} of {repo} not in the local copy")
    out = tmp_path / table
    assert _script(script).main(["--git-dir", str(git_dir), "--commit", commit, "--out", str(out)]) == 0
    assert out.read_bytes() == (DATA_DIR / table).read_bytes()


def test_gazetteer_rows_come_from_the_source_format():
    states = (
        "id,name,country_id,country_code,country_name,iso2,iso3166_2,fips_code,type,level,parent_id,native,"
        "latitude,longitude,timezone,wikiDataId,population\n"
        "1,Ontario,39,CA,Canada,ON,CA-ON,08,province,,,Ontario,51.25,-85.32,America/Toronto,Q1904,14223942\n"
        "2,Toronto Division,39,CA,Canada,TO,,,division,2,1,,43.7,-79.4,America/Toronto,,\n"
    )
    rows = _script("build_gazetteer.py").rows_from_states(states)
    assert rows == [("Ontario", "", "51.25000", "-85.32000", "CA", "wikidata:Q1904", "region", "14223942"),
                    ("Toronto Division", "", "43.70000", "-79.40000", "CA", "csc:2", "region", "0")]


def test_shipped_gazetteer_parses_with_external_ids():
    table = shipped_gazetteer()
    assert len(table) > 3000
    places = [p for ps in table.values() for p in ps]
    assert all(p.gazetteer_id.startswith(("wikidata:Q", "csc:")) for p in places)
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in places)


def test_transliterations_of_a_city_resolve_to_one_place_from_the_alternate_names():
    ukraine = Counter({"UA": 20})
    spellings = [resolve([n], ukraine) for n in ("Kyiv", "Kiev", "Kief")]
    assert all(g is not None for g in spellings)
    assert len({g.gazetteer_id for g in spellings}) == 1 and spellings[0].gazetteer_id.startswith("geonames:")
    india = Counter({"IN": 20})
    assert resolve(["Bombay"], india).gazetteer_id == resolve(["Mumbai"], india).gazetteer_id


def test_a_province_is_placed_but_a_city_of_its_name_wins():
    canada = Counter({"CA": 30})
    manitoba = resolve(["Manitoba"], canada)
    assert manitoba is not None and manitoba.country == "CA" and manitoba.gazetteer_id == "wikidata:Q1948"
    quebec = resolve(["Quebec"], canada)  # the city (GeoNames), not the province of the same name
    assert quebec is not None and quebec.gazetteer_id.startswith("geonames:")
    assert abs(quebec.lat - 46.8) < 0.2


def test_demonyms_from_the_table_and_groups_without_a_country():
    assert demonym_country("Kenyan") == "Kenya"
    assert demonym_country("Peruvians") == "Peru"
    assert demonym_country("Dominican") == "Dominican Republic"  # shared form: the more populous country
    assert demonym_country("Filipino") == "Philippines"
    assert demonym_country("Arab") is None and demonym_country("Republicans") is None


def test_nicknames_join_full_names_but_not_two_full_names():
    assert same_token("bill", "william", given=True)
    assert same_token("al", "albert", given=True) and same_token("al", "alfred", given=True)
    assert not same_token("albert", "alfred", given=True)


def _doc(doc_id: str, text: str, spans: list[tuple[str, str]], **attrs) -> Document:
    mentions = []
    for surface, label in spans:
        i = text.index(surface)
        mentions.append(Mention(i, i + len(surface), surface, label, dict(attrs.get(surface, {}))))
    return Document(id=doc_id, source=doc_id, text=text, mentions=mentions)


def test_acronym_and_full_name_of_a_body_merge_from_the_alias_table():
    a = _doc("a", "The North Atlantic Treaty Organization met.", [("North Atlantic Treaty Organization", "ORG")])
    b = _doc("b", "NATO said it would meet.", [("NATO", "ORG")])
    ents = link_entities([a, b])
    assert len([e for e in ents if e.type == "ORG"]) == 1


def test_an_acronym_defined_in_a_text_joins_its_full_name_across_documents():
    a = _doc("a", "The Northern Rivers Liberation Front (NRLF) took the town.",
             [("Northern Rivers Liberation Front", "ORG"), ("NRLF", "ORG")],
             **{"NRLF": {"expansion": "Northern Rivers Liberation Front", "ref": "Northern Rivers Liberation Front"}})
    b = _doc("b", "Fighters of the NRLF withdrew.", [("NRLF", "ORG")])
    orgs = [e for e in link_entities([a, b]) if e.type == "ORG"]
    assert len(orgs) == 1 and len(orgs[0].mentions) == 3


def test_people_sharing_only_a_surname_never_merge():
    assert not person_compatible(tokens("Omar Haddadi"), tokens("Samir Haddadi"))
    text = "Omar Haddadi spoke. Samir Haddadi, his son, replied. Omar Haddadi left."
    doc = Document(id="a", source="a", text=text, mentions=[
        Mention(0, 12, "Omar Haddadi", "PERSON"), Mention(20, 33, "Samir Haddadi", "PERSON"),
        Mention(52, 64, "Omar Haddadi", "PERSON"),
    ])
    people = [e for e in link_entities([doc]) if e.type == "PERSON"]
    assert sorted(e.name for e in people) == ["Omar Haddadi", "Samir Haddadi"]
    assert key("Omar Haddadi") != key("Samir Haddadi")


def test_a_listed_abbreviation_joins_the_body_only_when_the_story_names_it_in_full():
    full = _doc("a", "The United Nations Children's Fund sent aid.", [("United Nations Children's Fund", "ORG")])
    short = _doc("b", "UNICEF said the aid arrived.", [("UNICEF", "ORG")])
    orgs = [e for e in link_entities([full, short]) if e.type == "ORG"]
    assert len(orgs) == 1 and len(orgs[0].mentions) == 2
    assert orgs[0].attrs.get("wikidata") == "Q740308"  # its Wikidata item, from the same table
    alone = [e for e in link_entities([short]) if e.type == "ORG"]
    assert [e.name for e in alone] == ["UNICEF"]  # not renamed after a body the story never names


def _linked(texts: dict[str, str]):
    from dateline.entities import extract_mentions
    from dateline.nlp import annotate

    docs = []
    for i, t in texts.items():
        d = Document(id=i, source=i, text=t)
        d.mentions = extract_mentions(t, annotate(t))
        docs.append(d)
    return link_entities(docs)


def test_a_country_official_name_joins_the_country_the_story_names():
    ents = _linked({"a": "The Republic of Kenya signed the deal on Monday.",
                    "b": "Kenya will host the talks, officials in Nairobi said."})
    kenya = next(e for e in ents if "Kenya" in e.aliases)
    assert "Republic of Kenya" in kenya.aliases and kenya.name == "Kenya"


def test_a_country_alias_alone_makes_no_country():
    ents = _linked({"a": "Thomas Mann wrote the book.", "b": "Rights groups in Burma criticised the vote."})
    assert all(e.name != "Isle of Man" for e in ents)
    assert any(e.name == "Burma" for e in ents)  # unjoined: the story never writes "Myanmar"


def test_the_country_table_leaves_out_codes_and_names_inside_another_country():
    text = (DATA_DIR / "entities_aliases_countries.tsv").read_text(encoding="utf-8")
    rows = {ln.split("\t")[0]: ln.split("\t")[2].split("|") for ln in text.splitlines() if ln and not ln.startswith("#")}
    assert "Congo" not in rows.get("Republic of the Congo", [])  # also part of "Democratic Republic of the Congo"
    assert "KE" not in rows.get("Kenya", [])
