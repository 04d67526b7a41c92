"""ECB+ entity coreference: the scorer's metrics on textbook cases, the gold built from ECB+'s own
annotation (offsets hold, splits disjoint), the head-lemma baseline, and gold offsets moved onto
the cleaned text."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from dateline.evaluate.coref_metrics import b_cubed, ceaf_e, conll, muc
from dateline.evaluate.entity_coref import head_lemma, to_clean_offsets

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "ecbplus_coref"  # apart from tests/gold/ecbplus: not hand-annotated


def test_muc_counts_links():
    key = {m: "x" for m in "abcd"}
    response = {"a": 1, "b": 1, "c": 2, "d": 2}
    p, r, _ = muc(key, response)
    assert p == 1.0 and r == pytest.approx(2 / 3)  # 2 of the key's 3 links are kept


def test_b_cubed_and_ceaf_of_singletons_against_one_chain():
    key = {m: "x" for m in "abc"}
    response = {m: m for m in "abc"}
    p, r, _ = b_cubed(key, response)
    assert p == 1.0 and r == pytest.approx(1 / 3)
    p, r, _ = ceaf_e(key, response)
    assert r == pytest.approx(0.5) and p == pytest.approx(0.5 / 3)  # best one chain: phi4 = 2*1/(3+1)


def test_a_perfect_response_scores_one():
    key = {"a": 1, "b": 1, "c": 2}
    assert conll(key, dict(key))["conll_f1"] == 1.0


def test_head_lemma_of_a_proper_name():
    assert head_lemma("Central Elections Commission") == "commission"
    assert head_lemma("Aceh province") == "aceh"
    assert head_lemma("Buckley's") == "buckley"


def test_gold_offsets_move_onto_the_cleaned_text():
    raw = "Headline Of The Day\nMonday, 1 July 2013\nOfficials in Wajir said the road was closed.\n"
    clean = "Officials in Wajir said the road was closed."
    s = raw.index("Wajir")
    cs, ce = to_clean_offsets(raw, clean, s, s + 5)
    assert clean[cs:ce] == "Wajir"
    h = raw.index("Day")
    assert to_clean_offsets(raw, clean, h, h + 3) is None  # the headline was cleaned away


@pytest.mark.parametrize("split", ["tune", "blind"])
def test_the_coref_gold_holds_its_offsets(split):
    gold = json.loads((GOLD / f"entity_coref.{split}.json").read_text(encoding="utf-8"))
    texts = {a: (ROOT / a).read_text(encoding="utf-8") for a in gold["articles"]}
    assert gold["mentions"]
    for m in gold["mentions"]:
        assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
        assert m["tag"].startswith(("HUMAN_PART", "NON_HUMAN_PART", "LOC_"))


def test_the_coref_splits_are_disjoint_by_story():
    tune = json.loads((GOLD / "entity_coref.tune.json").read_text(encoding="utf-8"))
    blind = json.loads((GOLD / "entity_coref.blind.json").read_text(encoding="utf-8"))
    stories = {s: {Path(a).parent.name for a in g["articles"]} for s, g in (("t", tune), ("b", blind))}
    assert stories["t"] and not stories["t"] & stories["b"]


def _builder():
    path = ROOT / "scripts" / "build_ecbplus_entity_coref.py"
    spec = importlib.util.spec_from_file_location("build_ecbplus_entity_coref", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_only_names_count_as_named_mentions():
    b = _builder()
    known = {"Aceh", "Geological", "Survey", "US", "Central", "Bener", "Meriah"}
    assert b.proper_name(["the", "US", "Geological", "Survey"], known)
    assert b.proper_name(["Central", "Aceh", "district"], known)
    assert not b.proper_name(["the", "local", "disaster", "agency"], known)
    assert not b.proper_name(["in", "the", "mountainous", "Bener", "Meriah", "district"], known)
    assert not b.proper_name(["He"], known)
    assert not b.proper_name(["Officials"], known)  # capitalised only at a sentence start


def test_score_coref_maps_gold_mentions_to_system_entities():
    from dateline.evaluate.entity_coref import score_coref
    from dateline.model import Document, Entity, Span

    raw = {"s/a.txt": "Headline\nJane Doe met Doe.\n", "s/b.txt": "Headline\nDoe left.\n"}
    da = Document(id="a", source="a", text="Jane Doe met Doe.")
    db = Document(id="b", source="b", text="Doe left.")
    ent = Entity(id="e1", name="Jane Doe", type="PERSON", aliases=["Jane Doe", "Doe"],
                 mentions=[Span("a", 0, 8), Span("a", 13, 16), Span("b", 0, 3)])
    ra, rb = raw["s/a.txt"], raw["s/b.txt"]
    gold = {"mentions": [
        {"doc": "s/a.txt", "start": ra.index("Jane"), "end": ra.index("Jane") + 8, "text": "Jane Doe", "chain": "p"},
        {"doc": "s/a.txt", "start": ra.rindex("Doe"), "end": ra.rindex("Doe") + 3, "text": "Doe", "chain": "p"},
        {"doc": "s/b.txt", "start": rb.index("Doe"), "end": rb.index("Doe") + 3, "text": "Doe", "chain": "p"},
    ]}
    r = score_coref(gold, {"s": ([da, db], [ent])}, {"s/a.txt": "a", "s/b.txt": "b"}, raw)
    assert r["mentions_covered"] == 1.0
    assert r["all"]["cross_doc"]["system"]["conll_f1"] == 1.0
    assert r["all"]["within_doc"]["system"]["conll_f1"] == 1.0
