"""The declared stage composition: its table, disabling stages, and settings reaching the stages."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from dateline.cli import main
from dateline.settings import Settings, SettingsError, default_toml_text, load_settings, section_keys
from dateline.stages import (
    INPUT_FIELDS,
    STAGES,
    CompositionError,
    render_stage_table,
    resolve_composition,
    stage_rows,
    validate_composition,
)

ROOT = Path(__file__).resolve().parent.parent
STORY = [ROOT / "examples" / "libya" / "cnn" / "2011-03-19", ROOT / "examples" / "libya" / "reuters" / "2011-03-19",
         ROOT / "examples" / "libya" / "reuters" / "2011-03-20", ROOT / "examples" / "libya" / "reuters" / "2011-02-24"]
ORDER = ["clean", "annotate", "pubdate", "timexes", "mentions", "stories", "reconcile_dates", "entities", "timeline", "claims"]


def test_stage_table_is_consistent():
    assert list(STAGES) == ORDER
    scopes = [STAGES[n].scope for n in ORDER]
    assert scopes == ["document"] * 5 + ["pile"] + ["story"] * 4
    available = set(INPUT_FIELDS)
    for st in STAGES.values():
        missing = [f for f in st.requires if f not in available]
        assert not missing, f"{st.name} requires {missing} before any stage assigns it"
        assert st.assigns and st.doc
        for f in st.assigns + st.requires:
            assert f in INPUT_FIELDS or f == "annotation" or f.split(".")[0] in ("Document", "Report")
        for sec in st.settings:
            assert section_keys(sec)  # every named settings section exists
        available.update(st.assigns)
    full = resolve_composition(())
    assert full.run == ORDER and not full.problems and not full.skipped
    table = render_stage_table()
    for n in ORDER:
        assert f" {n} (" in table
    assert "timeline.select.referenced" in table and "clean.min_words" in table


def test_composition_problems_are_named():
    problems = validate_composition(["annotate"])
    assert any(p.stage == "mentions" and p.field == "annotation" and p.disabled_by == ("annotate",) for p in problems)
    comp = resolve_composition(["mentions"])
    # linking needs mentions, and the timeline and claims need the entities: all skipped, with warnings
    assert comp.skipped == ["entities", "timeline", "claims"]
    assert "entities" not in comp.run and "reconcile_dates" in comp.run
    with pytest.raises(CompositionError, match="requires Document.mentions"):
        resolve_composition(["mentions"], strict=True)
    with pytest.raises(CompositionError, match="unknown stage"):
        resolve_composition(["claimz"])
    with pytest.raises(CompositionError, match="cannot be disabled"):
        resolve_composition(["clean"])
    assert validate_composition(["claims"]) == []


@pytest.fixture(scope="module")
def phase1():
    from dateline.ingest import read_inputs
    from dateline.pipeline import analyze_documents

    return analyze_documents(read_inputs([str(p) for p in STORY]))


def test_disabling_claims_keeps_the_timeline(phase1):
    from dateline.pipeline import analyze_story

    full = analyze_story(copy.deepcopy(phase1))
    assert full.claims and full.timeline
    assert full.meta["stages"]["ran"] == ORDER and full.meta["stages"]["disabled"] == []
    part = analyze_story(copy.deepcopy(phase1), disable=["claims"])
    assert part.claims == [] and part.series == [] and part.disagreements == []
    assert [t.date for t in part.timeline] == [t.date for t in full.timeline]
    assert part.entities and len(part.entities) == len(full.entities)
    assert part.meta["stages"]["disabled"] == ["claims"]
    assert "claims" not in part.meta["stages"]["ran"]


def test_disabled_document_stage_leaves_defaults():
    from dateline.ingest import read_inputs
    from dateline.pipeline import analyze_documents, analyze_story

    disable = ("mentions", "timexes")
    docs = analyze_documents(read_inputs([str(STORY[1])]), disable=disable)
    ok = [d for d in docs if d.status == "ok"]
    assert ok
    for d in ok:
        assert d.text and d.sentences and d.published  # the stages that ran did their work
        assert d.mentions == [] and d.timexes == []
    rep = analyze_story(docs, disable=disable)
    assert rep.entities == [] and rep.timeline == [] and rep.claims == []
    stages = rep.meta["stages"]
    assert stages["disabled"] == ["mentions", "timexes"]
    assert set(stages["skipped"]) == {"entities", "timeline", "claims"} and "reconcile_dates" in stages["ran"]
    assert any("Document.timexes" in w for w in stages["warnings"])


def test_shipped_toml_is_the_defaults():
    import tomllib

    from dateline.settings import apply_mapping

    assert apply_mapping(Settings(), tomllib.loads(default_toml_text())) == Settings()


def test_toml_and_set_override(tmp_path):
    cfg = tmp_path / "my.toml"
    cfg.write_text("[timeline]\nsentences_per_date = 3\nmax_dates = 4\n\n[timeline.select]\nreferenced = 1.5\n")
    s = load_settings(cfg, ["timeline.select.referenced=2.5", "clean.min_words=12", "timeline.query=war,rebels",
                            "timeline.max_dates=none"])
    assert s.timeline.sentences_per_date == 3
    assert s.timeline.select.referenced == 2.5  # --set wins over the file
    assert s.timeline.max_dates is None
    assert s.clean.min_words == 12 and s.timeline.query == ["war", "rebels"]
    assert Settings().timeline.select.referenced == 2.0  # the defaults are untouched
    from dateline.settings import to_toml

    again = tmp_path / "effective.toml"  # what `dateline stages --settings` prints loads back unchanged
    again.write_text(to_toml(s))
    assert load_settings(again) == s


@pytest.mark.parametrize("text, match", [
    ("[timeline]\nsentence_per_date = 3\n", "unknown setting 'timeline.sentence_per_date'"),
    ("[timelines]\nmax_dates = 3\n", r"unknown settings section \[timelines\]"),
    ("[clean]\nmin_words = \"many\"\n", "clean.min_words: expected an integer"),
])
def test_bad_settings_file_errors(tmp_path, text, match):
    cfg = tmp_path / "bad.toml"
    cfg.write_text(text)
    with pytest.raises(SettingsError, match=match):
        load_settings(cfg)


def test_bad_set_errors():
    with pytest.raises(SettingsError, match="unknown setting 'timeline.select.refrenced'"):
        load_settings(None, ["timeline.select.refrenced=2"])
    with pytest.raises(SettingsError, match="SECTION.KEY=VALUE"):
        load_settings(None, ["min_words=3"])
    with pytest.raises(SettingsError, match="expected a number"):
        load_settings(None, ["timeline.summary.redundancy=high"])


def test_settings_reach_the_stages(tmp_path):
    """--config and --set change what the clean and timeline stages do on real articles."""
    cfg = tmp_path / "s.toml"
    cfg.write_text("[timeline]\nmax_dates = 2\nsentences_per_date = 1\n")
    out = tmp_path / "out"
    rc = main(["analyze", *[str(p) for p in STORY], "--out", str(out), "-q", "--config", str(cfg),
               "--disable", "claims"])
    assert rc == 0
    rep = json.loads((out / "report.json").read_text())
    from dateline.schema import validate_report

    assert validate_report(rep) == []  # meta.stages is in the schema
    assert 1 <= len(rep["timeline"]) <= 2
    assert rep["claims"] == [] and rep["meta"]["stages"]["disabled"] == ["claims"]
    # a threshold no article reaches: every document rejected by the clean stage, with the reason
    out2 = tmp_path / "out2"
    rc = main(["analyze", str(STORY[1]), "--out", str(out2), "-q", "--set", "clean.min_words=100000"])
    rep2 = json.loads((out2 / "report.json").read_text())
    assert rc == 1 and rep2["documents"]
    assert all(d["status"] == "rejected" and "too short after cleaning" in d["error"] for d in rep2["documents"])


def test_cli_usage_errors(tmp_path, capsys):
    assert main(["analyze", str(STORY[1]), "--out", str(tmp_path), "-q", "--disable", "nosuch"]) == 2
    assert "unknown stage(s) nosuch" in capsys.readouterr().err
    assert main(["analyze", str(STORY[1]), "--out", str(tmp_path), "-q", "--set", "timeline.nosuch=1"]) == 2
    assert "unknown setting 'timeline.nosuch'" in capsys.readouterr().err


def test_stages_command(capsys):
    assert main(["stages"]) == 0
    out = capsys.readouterr().out
    lines = [ln for ln in out.splitlines() if ln[:1].isdigit()]
    assert [ln.split(". ", 1)[1].split(" ")[0] for ln in lines] == ORDER
    assert "requires: Document.mentions" in out and "assigns:  Report.entities" in out
    assert main(["stages", "--disable", "entities"]) == 0
    out = capsys.readouterr().out
    assert "skipped: timeline, claims" in out
    assert main(["stages", "--json", "--set", "timeline.sentences_per_date=4"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in data["stages"]] == ORDER == [r["name"] for r in stage_rows()]
    assert data["settings"]["timeline"]["sentences_per_date"] == 4


def test_add_honours_disable_and_set(tmp_path):
    """`dateline add` runs the same composition: --disable and --set reach both phases."""
    from dateline.store import load_report

    url = f"sqlite:///{tmp_path / 'story.db'}"
    rc = main(["add", str(STORY[0]), str(STORY[1]), "--db", url, "-q", "--disable", "claims",
               "--set", "timeline.max_dates=1"])
    assert rc == 0
    rep = load_report(url)
    assert [d for d in rep.documents if d.status == "ok"]
    assert rep.claims == [] and len(rep.timeline) == 1
    assert rep.entities  # the stages before the disabled one ran


def test_settings_reach_worker_processes():
    """With jobs=2 the per-document stages run in other processes, with the same settings."""
    from dateline.ingest import read_inputs
    from dateline.pipeline import analyze_documents

    s = load_settings(None, ["clean.min_words=100000"])
    docs = analyze_documents(read_inputs([str(STORY[0])]), jobs=2, settings=s)
    assert len(docs) == 2
    assert all(d.status == "rejected" and "too short after cleaning" in (d.error or "") for d in docs)
