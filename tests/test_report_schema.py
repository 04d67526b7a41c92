"""The report of the bundled sample validates against the shipped JSON Schema."""

from __future__ import annotations

import json

from dateline.cli import main
from dateline.schema import report_schema, validate_report
from tests.conftest import ROOT


def test_schema_is_valid_json_schema() -> None:
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(report_schema())


def test_sample_report_validates(tmp_path) -> None:
    rc = main(["analyze", str(ROOT / "examples" / "libya" / "cnn" / "2011-03-19"),
               str(ROOT / "examples" / "libya" / "reuters" / "2011-03-20"), "--out", str(tmp_path), "-q"])
    assert rc == 0
    rep = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert validate_report(rep) == []


def test_validator_catches_bad_spans() -> None:
    rep = {"schema_version": "1", "generator": "dateline 0", "entities": [], "events": [], "timeline": [],
           "claims": [], "series": [], "disagreements": [], "summary": {"text": "", "evidence": [{"doc": "a", "start": 0, "end": 99}]},
           "documents": [{"id": "a", "source": "a.txt", "status": "ok", "error": None, "title": None, "published": "2011-13-01",
                          "published_evidence": None, "published_confidence": 0.5, "text": "short", "boilerplate": [],
                          "timexes": [], "sentences": [[0, 5]]}]}
    errs = validate_report(rep)
    assert any("published" in e for e in errs)
    assert any("outside the text" in e for e in errs)
