"""CSV injection (OWASP): no cell of any CSV the tool writes starts like a spreadsheet formula."""

from __future__ import annotations

import csv
import io

from dateline.export.csvout import TABLES, neutralise, render, write_folder
from tests.test_store_db import hand_report

HOSTILE = ["=HYPERLINK(\"http://x.invalid\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
           "\tTAB=1", "\rCR", "＝1+1"]


def _hostile_report():
    rep = hand_report()
    for i, e in enumerate(rep.entities):
        e.name = HOSTILE[i % len(HOSTILE)]
        e.aliases = [HOSTILE[(i + 1) % len(HOSTILE)]]
    for i, v in enumerate(rep.events):
        v.title = HOSTILE[i % len(HOSTILE)]
    for i, c in enumerate(rep.claims):
        c.measure = HOSTILE[i % len(HOSTILE)]
        c.source = HOSTILE[(i + 2) % len(HOSTILE)]
    return rep


def _cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]


def test_neutralise_cells():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("@x") == "'@x"
    assert neutralise("-3.5") == "-3.5" and neutralise("+44") == "+44"  # numbers stay numbers
    assert neutralise("- Officials") == "'- Officials"
    assert neutralise("Officials") == "Officials"


def test_every_table_is_inert(tmp_path):
    rep = _hostile_report()
    for table in TABLES:
        cells = _cells(render(rep, table))
        assert cells, table
        for c in cells:
            assert not c.startswith(("=", "+", "-", "@", "\t", "\r", "＝")) or c.lstrip("+-").replace(".", "").isdigit(), c
    for path in write_folder(rep, tmp_path / "out"):
        for c in _cells(path.read_text(encoding="utf-8")):
            assert not c.startswith(("=", "@", "\t")), c
    names = _cells(render(rep, "entities"))
    assert "'" + HOSTILE[0] in names  # the text is kept, made inert
