"""The mlcrisis corpus and gold files: they parse, splits are disjoint, evidence is in the articles.

Also a small unit test of the events scorer's matching on hand-made pairs. No pipeline run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dateline.evaluate import tls
from dateline.evaluate.events import Evidence, Item, date_matches, match, score_items, text_overlaps

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpora" / "mlcrisis"
GOLD = ROOT / "tests" / "gold" / "mlcrisis"
KINDS = ("events", "pubdates")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?(/\d{4}-\d{2}-\d{2})?$")


def _gold(kind: str, split: str) -> dict:
    return json.loads((GOLD / f"{kind}.{split}.json").read_text(encoding="utf-8"))


def _text(path: str) -> str:
    return re.sub(r"\s+", " ", (ROOT / path).read_text(encoding="utf-8"))


def _index() -> list[dict]:
    return [json.loads(line) for line in (CORPUS / "index.jsonl").read_text(encoding="utf-8").splitlines()]


def test_index_matches_the_files_and_has_the_spec_fields() -> None:
    rows = _index()
    files = sorted(str(p.relative_to(ROOT)) for p in (CORPUS / "tls").glob("*/InputDocs/*/*.txt"))
    assert sorted(r["path"] for r in rows) == files
    for r in rows:
        assert {"id", "path", "story", "outlet", "url", "published", "split"} <= set(r)
        assert r["split"] in ("tune", "blind")
        assert f"/InputDocs/{r['published']}/" in r["path"]
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(len({r["split"] for r in rows if r["story"] == s}) == 1 for s in {r["story"] for r in rows})


def test_tls_layout_reads_with_the_tls_evaluator() -> None:
    tasks = tls.find_tasks(CORPUS / "tls")
    assert sorted(t.topic.name for t in tasks) == ["es_yemen", "fr_yemen", "it_yemen"]
    for t in tasks:
        timeline = tls.read_timeline(t.timeline)
        assert len(timeline) >= 10
        days = sorted(p.parent.name for p in (t.topic / "InputDocs").glob("*/*.txt"))
        assert min(timeline).isoformat() <= days[0] and days[-1] <= max(timeline).isoformat()


@pytest.mark.parametrize("kind", KINDS)
def test_gold_parses_and_splits_are_disjoint(kind: str) -> None:
    tune, blind = _gold(kind, "tune"), _gold(kind, "blind")
    split_of = {r["path"]: r["split"] for r in _index()}
    for split, g in (("tune", tune), ("blind", blind)):
        assert g["data_root"] == "." and g["description"]
        assert g["articles"] and all(split_of[a] == split for a in g["articles"])
    assert not set(tune["articles"]) & set(blind["articles"])


@pytest.mark.parametrize("split", ["tune", "blind"])
def test_event_evidence_is_in_its_article(split: str) -> None:
    g = _gold("events", split)
    ids = [e["id"] for e in g["events"]]
    assert len(set(ids)) == len(ids)
    for e in g["events"]:
        assert _ISO.match(e["date"]), e["date"]
        assert e["granularity"] in ("day", "week", "month", "year", "range")
        assert e["modality"] in ("fact", "claim", "denied", "future")
        assert e["evidence"]
        for x in e["evidence"]:
            assert x["doc"] in g["articles"]
            assert x["text"] in _text(x["doc"]), (e["id"], x["text"])


@pytest.mark.parametrize("split", ["tune", "blind"])
def test_pubdate_evidence_is_in_its_article(split: str) -> None:
    g = _gold("pubdates", split)
    assert sorted(d["doc"] for d in g["docs"]) == sorted(g["articles"])
    for d in g["docs"]:
        assert re.match(r"^\d{4}-\d{2}(-\d{2})?$", d["published"])
        assert d["evidence"] == "metadata" or d["evidence"] in _text(d["doc"])


# ---------------------------------------------------------------- the events scorer's matching

DOC = "tests/corpora/x/a/1.txt"


def test_date_matches_each_granularity() -> None:
    assert date_matches("2016-10-17", "2016-10-17", "day")
    assert not date_matches("2016-10-18", "2016-10-17", "day")
    assert date_matches("2016-10-20", "2016-W42", "week")  # ISO week 42 of 2016 is Oct 17-23
    assert not date_matches("2016-10-24", "2016-W42", "week")
    assert date_matches("2016-10-02", "2016-10", "month")
    assert not date_matches("2016-11-02", "2016-10", "month")
    assert date_matches("2016-01-01", "2016", "year")
    assert date_matches("2016-10-30", "2016-10-17/2016-11-02", "range")
    assert not date_matches("2016-11-03", "2016-10-17/2016-11-02", "range")
    assert not date_matches("2016-10", "2016-10-17", "day")  # a coarser system date is not a day


def test_text_overlap_containment_and_token_recall() -> None:
    sentence = "Rescuers pulled two survivors from the rubble on Thursday, officials said."
    assert text_overlaps(sentence, "pulled two survivors from the rubble on Thursday") == 1.0
    assert text_overlaps("The quake struck at dawn.", "pulled two survivors from the rubble") < 0.2  # only "the"
    assert 0.6 <= text_overlaps("Two survivors were pulled out of rubble", "pulled two survivors from the rubble") < 1.0


def test_match_is_one_to_one_and_scores_date_separately() -> None:
    gold = [
        Item("e1", "2016-10-13", "day", [Evidence(DOC, "pulled two survivors from the rubble on Thursday")]),
        Item("e2", "2016-10", "month", [Evidence(DOC, "the dam was closed in October")]),
        Item("e3", "2015", "year", [Evidence(DOC, "elected mayor last year")]),
    ]
    system = [
        Item("v1", "2016-10-13", None, [Evidence(DOC, "Rescuers pulled two survivors from the rubble on Thursday.")]),
        Item("v2", "2016-10-13", None, [Evidence(DOC, "Rescuers pulled two survivors from the rubble on Thursday.")]),
        Item("v3", "2016-09-30", None, [Evidence(DOC, "Officials said the dam was closed in October.")]),
        Item("v4", "2016-10-14", None, [Evidence("other.txt", "elected mayor last year")]),  # other article
    ]
    pairs = match(system, gold)
    assert sorted((s.id, g.id, ok) for s, g, ok in pairs) == [("v1", "e1", True), ("v3", "e2", False)]
    result = score_items(system, gold)
    assert result["evidence"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714}
    assert result["full"]["precision"] == 0.25 and result["full"]["recall"] == 0.3333
    assert result["date_accuracy"] == 0.5
    assert result["missed"] == ["e3"]
    assert result["wrong_date"] == [{"gold": "e2", "gold_date": "2016-10", "system_date": "2016-09-30"}]
