"""The published JSON Schema of report.json, shipped in the package."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of report.json."""
    return json.loads(resources.files(__package__).joinpath("report.schema.json").read_text("utf-8"))


def _text_length(d: dict[str, Any]) -> int:
    """The length of a document's clean text (``text_chars`` when the text is in the store)."""
    if d.get("text_in_store"):
        return int(d.get("text_chars") or 0)
    return len(d.get("text") or "")


def validate_report(report: dict[str, Any]) -> list[str]:
    """Schema violations of a report (as plain data), plus span checks the schema cannot express."""
    from jsonschema import Draft202012Validator

    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in Draft202012Validator(report_schema()).iter_errors(report)]
    lengths = {d["id"]: _text_length(d) for d in report.get("documents", [])}
    ids = list(lengths)
    if len(set(ids)) != len(ids):
        errors.append("documents: ids are not unique")

    def check(span: dict[str, Any], where: str) -> None:
        n = lengths.get(span.get("doc"))
        if n is None:
            errors.append(f"{where}: unknown document {span.get('doc')!r}")
        elif not 0 <= span["start"] <= span["end"] <= n:
            errors.append(f"{where}: span [{span['start']}, {span['end']}) outside the text ({n} chars)")

    for d in report.get("documents", []):
        n = _text_length(d)
        in_store = bool(d.get("text_in_store"))  # the text is in the store: spans checked against its length
        for i, (s, e) in enumerate(d.get("sentences", [])):
            if not 0 <= s <= e <= n:
                errors.append(f"documents/{d['id']}/sentences/{i}: outside the text")
        for i, t in enumerate(d.get("timexes", [])):
            if not 0 <= t["start"] <= t["end"] <= n or (not in_store and d["text"][t["start"]:t["end"]] != t["text"]):
                errors.append(f"documents/{d['id']}/timexes/{i}: span does not match its text")
    for e in report.get("entities", []):
        for m in e.get("mentions", []):
            check(m, f"entities/{e['id']}")
    for v in report.get("events", []):
        for s in v.get("evidence", []):
            check(s, f"events/{v['id']}")
    for c in report.get("claims", []):
        if c.get("evidence"):
            check(c["evidence"], f"claims/{c['id']}")
    for g in report.get("disagreements", []):
        for side in g.get("sides", []):
            check(side["evidence"], f"disagreements/{g['id']}")
    for s in (report.get("summary") or {}).get("evidence", []):
        check(s, "summary")
    return errors
