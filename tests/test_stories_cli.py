"""``dateline analyze`` on a pile of real T17 articles from three stories (dev families only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.cli import main
from dateline.schema import validate_report

TOPICS = ("H1N1_guardian", "bpoil_guardian", "LibyaWar_reuters")
PER_TOPIC = 4


@pytest.fixture(scope="module")
def pile(shared_data: Path, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pile") / "pile.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for topic in TOPICS:
            for f in sorted((shared_data / "timeline17" / topic / "InputDocs").glob("*/*"))[:PER_TOPIC]:
                out.write(json.dumps({"id": f"{topic}-{f.parent.name}-{f.name.split('.')[0]}", "published": f.parent.name,
                                      "text": f.read_text(encoding="utf-8", errors="replace")}) + "\n")
    return path


@pytest.fixture(scope="module")
def several(pile: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert main(["analyze", str(pile), "--out", str(out), "--quiet", "--disable", "claims"]) == 0
    return out


def test_a_mixed_pile_gets_one_report_per_story(several: Path):
    index = json.loads((several / "stories.json").read_text())
    stories = index["stories"]
    assert len(stories) >= 2
    placed = [d for s in stories for d in s["documents"]] + index["unassigned"] + [r["id"] for r in index["rejected"]]
    assert len(placed) == len(set(placed)) == PER_TOPIC * len(TOPICS)
    for s in stories:
        assert len({d.split("-")[0] for d in s["documents"]}) == 1, "a story mixes the pile's stories"
        assert s["report"] == f"stories/{s['id']}/report.json"
        report = json.loads((several / s["report"]).read_text())
        assert [d["id"] for d in report["documents"]] == s["documents"]
        assert report["meta"]["story"]["id"] == s["id"] and validate_report(report) == []
        assert s["start"] <= s["end"] and report["timeline"]
    assert not (several / "report.json").exists()


def test_one_story_keeps_todays_single_report(pile: Path, tmp_path: Path):
    assert main(["analyze", str(pile), "--out", str(tmp_path), "--quiet", "--one-story", "--disable", "claims,timeline"]) == 0
    index = json.loads((tmp_path / "stories.json").read_text())
    assert len(index["stories"]) == 1 and index["stories"][0]["report"] == "report.json"
    report = json.loads((tmp_path / "report.json").read_text())
    assert len(report["documents"]) == PER_TOPIC * len(TOPICS)


def test_query_analyses_the_story_it_names(pile: Path, several: Path, tmp_path: Path):
    index = json.loads((several / "stories.json").read_text())
    oil = next(s for s in index["stories"] if s["documents"][0].startswith("bpoil"))
    assert main(["analyze", str(pile), "--out", str(tmp_path), "--quiet", "--query", "oil,spill",
                 "--disable", "claims,timeline"]) == 0
    picked = json.loads((tmp_path / "stories.json").read_text())["stories"]
    assert picked[0]["id"] == oil["id"] and picked[0]["report"]
    assert all(s["report"] is None for s in picked[1:])
