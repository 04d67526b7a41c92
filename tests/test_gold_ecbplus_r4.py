"""The round-4 ECB+ gold (tests/gold/ecbplus_r4) parses, keeps tune and blind apart, and quotes its articles.

No pipeline run: this checks the hand-made gold itself (GOLD_SPEC layout), never the system's output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.gold_support import valid_date

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "ecbplus_r4"
CORPUS = ROOT / "tests" / "corpora" / "ecbplus"
KINDS = ("pubdates", "events", "entities")
SPLITS = ("tune", "blind")
TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
MODALITIES = {"fact", "claim", "denied", "future"}


def _index() -> dict[str, dict]:
    rows = [json.loads(line) for line in (CORPUS / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["path"]: r for r in rows}


def _round4_paths(split: str) -> set[str]:
    """Paths of the round-4 articles of one split, from selection.json and index.jsonl."""
    selection = json.loads((CORPUS / "selection.json").read_text(encoding="utf-8"))
    stories = {s["story"] for s in selection["stories"] if s.get("round") == 4 and s["split"] == split}
    return {p for p, r in _index().items() if r["story"] in stories}


def _load(kind: str, split: str) -> dict:
    return json.loads((GOLD / f"{kind}.{split}.json").read_text(encoding="utf-8"))


def _text(path: str) -> str:
    return " ".join((ROOT / path).read_text(encoding="utf-8").split())




@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("kind", KINDS)
def test_gold_file_header_and_articles(kind: str, split: str) -> None:
    g = _load(kind, split)
    assert g["data_root"] == "."
    assert "before any system output" in g["description"]
    index = _index()
    assert g["articles"] and len(set(g["articles"])) == len(g["articles"])
    for a in g["articles"]:
        assert (ROOT / a).is_file(), a
        assert index[a]["split"] == split, a
    assert set(g["articles"]) <= _round4_paths(split)


@pytest.mark.parametrize("kind", KINDS)
def test_splits_are_disjoint_by_story(kind: str) -> None:
    tune, blind = _load(kind, "tune"), _load(kind, "blind")
    assert not set(tune["articles"]) & set(blind["articles"])
    story = {p: r["story"] for p, r in _index().items()}
    assert not {story[a] for a in tune["articles"]} & {story[a] for a in blind["articles"]}


@pytest.mark.parametrize("split", SPLITS)
def test_pubdates_cover_every_round4_article(split: str) -> None:
    g = _load("pubdates", split)
    docs = {d["doc"]: d for d in g["docs"]}
    assert len(docs) == len(g["docs"])
    assert set(docs) == set(g["articles"]) == _round4_paths(split)
    index = _index()
    for doc, d in docs.items():
        pub, evidence = d["published"], d["evidence"]
        if pub is None:
            assert evidence is None, doc
            continue
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", pub), pub
        assert valid_date(pub, "day" if len(pub) == 10 else "month"), pub
        if evidence == "url":
            y, m, *rest = pub.split("-")
            forms = [f"{y}/{m}/{rest[0]}", f"{y}{m}{rest[0]}", pub] if rest else [f"{y}/{m}", f"{y}-{m}"]
            assert any(f in index[doc]["url"] for f in forms), (doc, index[doc]["url"])
        else:
            assert " ".join(evidence.split()) in _text(doc), (doc, evidence)


@pytest.mark.parametrize("split", SPLITS)
def test_events_are_dated_and_quoted(split: str) -> None:
    g = _load("events", split)
    listed = set(g["articles"])
    ids = [e["id"] for e in g["events"]]
    assert len(ids) == len(set(ids))
    assert len(g["events"]) >= 35
    for e in g["events"]:
        assert e["granularity"] in {"day", "week", "month", "year", "range"}, e["id"]
        assert valid_date(e["date"], e["granularity"]), (e["id"], e["date"])
        assert e["modality"] in MODALITIES, e["id"]
        assert e["title"] and e["evidence"], e["id"]
        for ev in e["evidence"]:
            assert ev["doc"] in listed, ev["doc"]
            quote = " ".join(ev["text"].split())
            assert _text(ev["doc"]).count(quote) == 1, (e["id"], ev["doc"], quote)


@pytest.mark.parametrize("split", SPLITS)
def test_entity_groups_apart_and_places(split: str) -> None:
    g = _load("entities", split)
    text = " ".join(_text(a) for a in g["articles"])
    assert len(g["groups"]) >= 35 and len(g["apart"]) >= 8
    aliases: set[str] = set()
    for group in g["groups"]:
        assert group["type"] in TYPES, group["name"]
        assert group["wikidata"] is None or re.fullmatch(r"Q\d+", group["wikidata"]), group["name"]
        assert group["aliases"], group["name"]
        for alias in group["aliases"]:
            assert " ".join(alias.split()) in text, alias
        aliases |= set(group["aliases"])
    owners: dict[str, str] = {}
    for group in g["groups"]:
        for alias in group["aliases"]:
            assert owners.setdefault(alias, group["name"]) == group["name"], f"{alias!r} in two groups"
    for a, b, why in g["apart"]:
        assert a in aliases and b in aliases and owners[a] != owners[b] and why, (a, b)
    for p in g["places"]:
        assert p["name"] in aliases, p["name"]
        assert p["geonames"] is None or isinstance(p["geonames"], int)
        if p["lat"] is not None:
            assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, p["name"]
