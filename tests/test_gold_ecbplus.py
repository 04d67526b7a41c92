"""The ECB+ gold files parse, keep tune and blind apart, and quote their articles exactly.

No pipeline run: this checks the gold itself (GOLD_SPEC layout), not the system.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.pubdates_gold import judge, score

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "ecbplus"
CORPUS = ROOT / "tests" / "corpora" / "ecbplus"
KINDS = sorted({p.name.split(".")[0] for p in GOLD.glob("*.json")})


def _load(kind: str, split: str) -> dict:
    return json.loads((GOLD / f"{kind}.{split}.json").read_text(encoding="utf-8"))


def _text(path: str) -> str:
    return " ".join((ROOT / path).read_text(encoding="utf-8").split())


def _evidence(kind: str, gold: dict) -> list[tuple[str, str]]:
    """(doc, evidence) pairs a gold file quotes."""
    out: list[tuple[str, str]] = []
    if kind == "pubdates":
        out += [(d["doc"], d["evidence"]) for d in gold["docs"] if d["evidence"] not in (None, "metadata")]
    for f in gold.get("figures", []) + gold.get("attributions", []):
        out.append((f["doc"], f["evidence"]))
    for d in gold.get("disagreements", []) + gold.get("corroborations", []):
        out += [(s["doc"], s["evidence"]) for s in d["sides"]]
    for e in gold.get("events", []):
        out += [(ev["doc"], ev["text"]) for ev in e["evidence"]]
    return out


def test_every_kind_has_both_splits() -> None:
    assert {"pubdates", "entities", "claims", "events"} <= set(KINDS)
    for kind in KINDS:
        for split in ("tune", "blind"):
            g = _load(kind, split)
            assert g["data_root"] == "."
            assert "before any system output" in g["description"]
            assert g["articles"] and all((ROOT / a).is_file() for a in g["articles"])


@pytest.mark.parametrize("kind", KINDS)
def test_splits_are_disjoint_by_story(kind: str) -> None:
    tune, blind = _load(kind, "tune"), _load(kind, "blind")
    assert not set(tune["articles"]) & set(blind["articles"])
    story = {json.loads(line)["path"]: json.loads(line)["story"]
             for line in (CORPUS / "index.jsonl").read_text(encoding="utf-8").splitlines()}
    assert not {story[a] for a in tune["articles"]} & {story[a] for a in blind["articles"]}


@pytest.mark.parametrize("split", ["tune", "blind"])
@pytest.mark.parametrize("kind", KINDS)
def test_evidence_is_quoted_from_its_article(kind: str, split: str) -> None:
    gold = _load(kind, split)
    listed = set(gold["articles"])
    pairs = _evidence(kind, gold)
    assert pairs or kind == "entities"  # entities are checked by their aliases below
    for doc, ev in pairs:
        assert doc in listed, doc
        assert " ".join(ev.split()) in _text(doc), (doc, ev)


@pytest.mark.parametrize("split", ["tune", "blind"])
def test_entity_aliases_occur_in_the_articles(split: str) -> None:
    gold = _load("entities", split)
    text = " ".join(_text(a) for a in gold["articles"])
    for g in gold["groups"]:
        assert g["type"] in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
        for alias in g["aliases"]:
            assert alias in text, alias
    names = {a for g in gold["groups"] for a in g["aliases"]}
    for a, b, _why in gold["apart"]:
        assert a in names and b in names, (a, b)
    for p in gold["places"]:
        assert p["name"] in names, p["name"]
        assert p["lat"] is None or (-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180)


@pytest.mark.parametrize("split", ["tune", "blind"])
def test_figures_and_events_are_well_formed(split: str) -> None:
    claims = _load("claims", split)
    for f in claims["figures"]:
        low, high = f["value"]
        assert low <= high
        assert f["bound"] in (None, "lower", "upper")
        assert f["stance"] in (None, "says", "estimates", "claims", "denies", "acknowledges", "disputes", "doubts")
    for e in _load("events", split)["events"]:
        assert e["granularity"] in {"day", "week", "month", "year", "range"}
        assert e["modality"] in {"fact", "claim", "denied", "future"}


def test_pubdates_score_counts_nulls_and_granularity() -> None:
    assert judge("2013-07-02T13:28:00", "2013-07-02") and judge(None, None) and not judge("2013-07-02", None)
    assert judge("2013-07-09", "2013-07") and not judge(None, "2013-07-02")
    s = score([("a", "2013-07-02", "2013-07-02"), ("b", None, "2013-07-01"), ("c", "2013-07-03", None)])
    assert s["day_accuracy"] == 0.5 and s["null_ok"] == 0.0 and s["coverage"] == 0.5


def _importer():
    import importlib.util

    spec = importlib.util.spec_from_file_location("import_ecbplus", ROOT / "scripts" / "import_ecbplus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_importer_rebuilds_text_from_ecbplus_tokens() -> None:
    xml = ('<Document doc_name="x.xml">'
           + "".join(f'<token t_id="{i}" sentence="{s}" number="{i}">{t}</token>' for i, (s, t) in enumerate([
               (0, "http"), (0, ":"), (0, "/"), (0, "/"), (0, "example"), (0, "."), (0, "org"),
               (1, "6"), (1, "."), (1, "1"), (1, "-"), (1, "magnitude"), (1, "quake"), (1, "kills"), (1, "1,000"),
               (2, '"A'), (2, "man"), (2, "died"), (2, ","), (2, '"'), (2, "he"), (2, "said"), (2, "at"),
               (2, "4"), (2, ":"), (2, "59"), (2, "&amp;"), (2, "left"), (2, "."),
           ])) + "</Document>")
    url, text = _importer().article(xml)
    assert url == "http://example.org"
    assert text.splitlines() == ["6.1-magnitude quake kills 1,000", '"A man died," he said at 4:59 & left.']
