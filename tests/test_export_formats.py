"""Exports of a hand-checked report of three real CNN articles: each format checked against the
rules of its consumer (TimelineJS3's JSON format, the csv module, tilse's T17 reader, Markdown)."""

from __future__ import annotations

import copy
import csv
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dateline.cli import main
from dateline.export import export, render
from dateline.model import Report, report_from_dict
from dateline.store import save_report

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "store"
HAND = FIXTURES / "hand_report.json"
NASTY = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def hand_report() -> Report:
    return report_from_dict(json.loads(HAND.read_text(encoding="utf-8")))


# ---- TimelineJS3 (timeline.knightlab.com/docs/json-format.html) -------------------------------------
_DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}
_INT = re.compile(r"^-?\d+$")  # TimelineJS3 accepts date parts as numbers or integer strings


def _date_of(d: dict[str, Any]) -> date:
    assert isinstance(d, dict) and set(d) <= _DATE_KEYS, d
    assert "year" in d, "year is required"
    parts = {}
    for k in ("year", "month", "day", "hour", "minute", "second", "millisecond"):
        if k in d:
            v = d[k]
            assert isinstance(v, int) or (isinstance(v, str) and _INT.match(v)), (k, v)
            parts[k] = int(v)
    if "day" in parts:
        assert "month" in parts, "a day needs its month"
    if "month" in parts:
        assert 1 <= parts["month"] <= 12
    return date(parts["year"], parts.get("month", 1), parts.get("day", 1))  # raises on 2011-02-30


def validate_timelinejs(tl: dict[str, Any]) -> None:
    assert set(tl) <= {"events", "title", "eras", "scale"}
    assert isinstance(tl["events"], list)
    ids = []
    for slide in tl["events"]:
        assert set(slide) <= {"start_date", "end_date", "text", "media", "group", "display_date", "background",
                              "autolink", "unique_id"}, slide.keys()
        start = _date_of(slide["start_date"])  # required except on the title slide
        if "end_date" in slide:
            assert _date_of(slide["end_date"]) >= start
        text = slide.get("text", {})
        assert set(text) <= {"headline", "text"} and all(isinstance(v, str) for v in text.values())
        assert isinstance(slide.get("group", ""), str) and isinstance(slide.get("display_date", ""), str)
        if "unique_id" in slide:
            ids.append(slide["unique_id"])
    assert len(ids) == len(set(ids)), "unique_id must be unique"
    if "title" in tl:
        assert "start_date" not in tl["title"] or _date_of(tl["title"]["start_date"])
        assert isinstance(tl["title"]["text"]["headline"], str)


def test_timelinejs_follows_the_format():
    rep = hand_report()
    tl = json.loads(render(rep, "timelinejs"))
    validate_timelinejs(tl)
    assert tl["title"]["text"]["headline"] == rep.meta["title"]
    assert len(tl["events"]) == len(rep.timeline)
    by_date = {}
    for s in tl["events"]:
        by_date.setdefault(s["start_date"].get("day"), s)
    day = by_date["18"]
    assert day["start_date"] == {"year": "2011", "month": "2", "day": "18"}
    assert day["group"] == "Benghazi"  # the place its events name
    week = next(s for s in tl["events"] if "end_date" in s)  # 2011-W07: Monday 14 to Sunday 20 February
    assert (week["start_date"]["day"], week["end_date"]["day"]) == ("14", "20") and "7" in week["display_date"]


def test_timelinejs_coarse_dates_keep_their_precision():
    rep = hand_report()
    rep.timeline[0].date = "2011-02"
    rep.timeline[1].date = "2011"
    tl = json.loads(render(rep, "timelinejs"))
    validate_timelinejs(tl)
    starts = [s["start_date"] for s in tl["events"]]
    assert {"year": "2011"} in starts and {"year": "2011", "month": "2"} in starts


def test_timelinejs_from_events_when_there_is_no_timeline():
    rep = hand_report()
    rep.timeline = []
    tl = json.loads(render(rep, "timelinejs"))
    validate_timelinejs(tl)
    assert sorted(s["unique_id"] for s in tl["events"]) == sorted(v.id for v in rep.events)


def _poisoned() -> Report:
    rep = hand_report()
    rep.timeline[0].summary = NASTY + rep.timeline[0].summary
    rep.events[0].title = NASTY
    rep.documents[0].title = NASTY
    rep.entities[0].name = NASTY
    rep.summary.text = NASTY
    return rep


@pytest.mark.parametrize("fmt", ["timelinejs", "markdown"])
def test_untrusted_text_is_escaped(fmt):
    out = render(_poisoned(), fmt)
    assert "<script" not in out.lower() and "<img" not in out.lower()
    assert "&lt;script&gt;" in out


# ---- CSV -------------------------------------------------------------------------------------------
def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_folder_reads_back(tmp_path):
    rep = hand_report()
    assert export(str(HAND), "csv", str(tmp_path / "tables")) == 0
    events = _read_csv(tmp_path / "tables" / "events.csv")
    claims = _read_csv(tmp_path / "tables" / "claims.csv")
    entities = _read_csv(tmp_path / "tables" / "entities.csv")
    assert [r["event_id"] for r in events] == [v.id for v in rep.events]
    texts = {d.id: d.text for d in rep.documents}
    for row, v in zip(events, rep.events, strict=True):
        assert row["event_date"] == v.date and row["title"] == v.title
        assert row["time_precision"] == ("week" if "W" in v.date else "day")
        assert row["source_docs"].split("; ") == list(dict.fromkeys(s.doc for s in v.evidence))
        assert texts[v.evidence[0].doc][v.evidence[0].start:v.evidence[0].end].split()[0] in row["notes"]
    benghazi = next(e for e in rep.entities if e.name == "Benghazi")
    v3 = next(r for r in events if r["event_id"] == "v3")
    assert v3["location"] == "Benghazi" and float(v3["latitude"]) == benghazi.geo.lat
    assert float(v3["longitude"]) == benghazi.geo.lon and v3["actor1"] == "Moammar Gadhafi"
    assert len(claims) == len(rep.claims)
    for row, c in zip(claims, rep.claims, strict=True):
        assert float(row["value_low"]) == c.value[0] and float(row["value_high"]) == c.value[-1]
        start, end = int(row["start"]), int(row["end"])
        assert " ".join(texts[row["doc"]][start:end].split()) == row["evidence_text"]
    assert next(r for r in claims if r["claim_id"] == "c2")["bound"] == "lower"
    assert {r["name"] for r in entities} == {e.name for e in rep.entities}
    gadhafi = next(r for r in entities if r["name"] == "Moammar Gadhafi")
    assert int(gadhafi["documents"]) == 3 and gadhafi["latitude"] == ""


def test_csv_single_table(tmp_path, capsys):
    out = tmp_path / "claims.csv"
    assert main(["export", str(HAND), "--format", "csv", "--table", "claims", "-o", str(out)]) == 0
    assert [r["claim_id"] for r in _read_csv(out)] == ["c1", "c2", "c3", "c4", "c5"]
    capsys.readouterr()
    assert main(["export", str(HAND), "--format", "csv"]) == 0  # stdout: events
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert [r["event_id"] for r in rows] == ["v1", "v2", "v3", "v4"]


# ---- Markdown --------------------------------------------------------------------------------------
def validate_markdown(md: str) -> list[str]:
    """Headings in order, every footnote reference defined (and every definition used), tables rectangular."""
    heads = [line[3:] for line in md.splitlines() if line.startswith("## ")]
    order = ["Summary", "Timeline", "Who and where", "Figures", "Where sources disagree", "Articles"]
    assert [h for h in heads if h in order] == order
    refs = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    defs = set(re.findall(r"^\[\^(\d+)\]:", md, flags=re.M))
    assert refs == defs
    table: list[int] = []
    for line in md.splitlines() + [""]:
        if line.startswith("|"):
            table.append(len(re.findall(r"(?<!\\)\|", line)))
        elif table:
            assert len(set(table)) == 1, "ragged table"
            table = []
    return heads


def test_markdown_structure():
    rep = hand_report()
    md = render(rep, "markdown")
    validate_markdown(md)
    dates = re.findall(r"^### (\d{4}-[\dW-]+)$", md, flags=re.M)
    assert dates == ["2011-W07", "2011-02-16", "2011-02-18", "2011-02-19"]  # chronological; the week first
    # footnotes quote the evidence text and name its article
    s = rep.claims[1].evidence
    quote = " ".join(next(d for d in rep.documents if d.id == s.doc).text[s.start:s.end].split())
    assert re.search(r"^\[\^\d+\]: .*`134`.*" + re.escape(quote), md, flags=re.M)
    # figures: one table per series, claims in series order; disagreements side by side
    assert "### people killed since Tuesday" in md and "| 2011-02-18 | ≥46 | people | Amnesty International |" in md
    assert "| | the medical source | Amnesty International |" in md


# ---- tilse / T17 -----------------------------------------------------------------------------------
def test_tilse_reads_back(tmp_path):
    rep = hand_report()
    out = tmp_path / "timeline.txt"
    assert export(str(HAND), "tilse", str(out)) == 0
    # the T17 layout: a date line, its sentences, a line of 32 dashes
    blocks = out.read_text(encoding="utf-8").split("-" * 32 + "\n")
    assert blocks[-1] == ""
    parsed = {b.splitlines()[0]: b.splitlines()[1:] for b in blocks[:-1]}
    assert list(parsed) == ["2011-02-16", "2011-02-18", "2011-02-19"]  # the week entry is left out
    texts = " ".join(" ".join(d.text.split()) for d in rep.documents)
    for sentences in parsed.values():
        assert sentences and all(s in texts for s in sentences)  # each line is a real sentence of an article
    try:  # and tilse's own reader agrees, when tilse is installed
        from tilse.data.timelines import Timeline
    except ImportError:
        return
    with open(out, encoding="utf-8") as fh:
        tl = Timeline.from_file(fh)
    assert {d.isoformat(): tl[d] for d in tl.get_dates()} == parsed


# ---- json, database source, html -------------------------------------------------------------------
def test_json_round_trip(tmp_path):
    out = tmp_path / "r.json"
    assert export(str(HAND), "json", str(out)) == 0
    assert report_from_dict(json.loads(out.read_text(encoding="utf-8"))).to_dict() == hand_report().to_dict()


def test_export_from_database_equals_export_from_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'story.db'}"
    save_report(hand_report(), url)
    for fmt in ("timelinejs", "markdown", "tilse"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        assert export(url, fmt, str(a)) == 0 and export(str(HAND), fmt, str(b)) == 0
        assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")


def test_html_is_delegated():
    page = render(copy.deepcopy(hand_report()), "html")
    assert "<html" in page.lower() and "Benghazi" in page


def test_unreadable_source_is_an_error(tmp_path, capsys):
    assert export(str(tmp_path / "missing.json"), "markdown") == 1
    assert "cannot read" in capsys.readouterr().err


def test_markdown_names_a_series_place_once_and_sets_off_topic_figures_apart():
    rep = hand_report()
    md = render(rep, "markdown")
    assert "### people killed in Benghazi in one day\n" in md  # the place is already in the measure
    assert "(Benghazi)" not in md.split("## Where sources disagree")[0].split("## Figures")[1]
    loose = copy.deepcopy(rep.claims[0])
    loose.id, loose.on_topic, loose.measure = "c99", False, "people injured in an explosion"
    rep.claims.append(loose)
    md = render(rep, "markdown")
    other = md.split("### Figures from other stories on the same pages")[1].split("## Where sources disagree")[0]
    assert "people injured in an explosion" in other
