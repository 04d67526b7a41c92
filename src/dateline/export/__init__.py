"""``dateline export REPORT_OR_DB --format F [-o PATH]``: views of one report.

Formats: ``json`` (the report), ``markdown``, ``csv`` (see :mod:`.csvout` for the folder vs
single-file rule), ``timelinejs`` (TimelineJS3 JSON), ``tilse`` (T17 text timeline), ``html``
(one self-contained page, :func:`dateline.export.html.render`). The source is a
``report.json`` path or a database URL (anything with ``://``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..model import Report, report_from_file

FORMATS = ("json", "markdown", "csv", "timelinejs", "tilse", "html")


def load_source(source: str) -> Report:
    """A report from a report.json path (or a folder holding one) or a database URL."""
    if "://" in source:
        from ..store import load_report

        return load_report(source)
    path = Path(source)
    if path.is_dir():
        path = path / "report.json"
    return report_from_file(path)


def render(report: Report, fmt: str, table: str = "events") -> str:
    """The report as text in format ``fmt`` (csv: the one ``table``)."""
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "markdown":
        from .markdown import render as md

        return md(report)
    if fmt == "csv":
        from .csvout import render as csv_render

        return csv_render(report, table)
    if fmt == "timelinejs":
        from .timelinejs import render_dict

        return json.dumps(render_dict(report), ensure_ascii=False, indent=1) + "\n"
    if fmt == "tilse":
        from .tilse import render as tilse_render

        return tilse_render(report)
    if fmt == "html":
        from .html import render as html_render  # the WEB engineer's single-file page

        return html_render(report)
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")


def export(source: str, fmt: str, output: str | None = None, table: str | None = None) -> int:
    """Write ``source`` as ``fmt`` to ``output`` (stdout when None). Returns an exit code."""
    try:
        report = load_source(source)
    except Exception as exc:  # a missing file, bad JSON, an unreachable or too-new database
        print(f"dateline export: cannot read {source}: {exc}", file=sys.stderr)
        return 1
    if fmt == "csv" and output and not output.lower().endswith(".csv") and table is None:
        from .csvout import write_folder

        for p in write_folder(report, Path(output)):
            print(f"wrote {p}", file=sys.stderr)
        return 0
    text = render(report, fmt, table or "events")
    if output:
        out = Path(output)
        if out.parent:
            out.parent.mkdir(parents=True, exist_ok=True)
        newline = "" if fmt == "csv" else None
        with open(out, "w", encoding="utf-8", newline=newline) as fh:
            fh.write(text)
        print(f"wrote {out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0


__all__ = ["FORMATS", "export", "load_source", "render"]
