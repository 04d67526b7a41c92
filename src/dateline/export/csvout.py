"""CSV tables: events (ACLED-like columns), claims, entities.

``dateline export SRC --format csv -o DIR`` writes ``DIR/events.csv``, ``DIR/claims.csv`` and
``DIR/entities.csv``; ``-o FILE.csv`` (or no ``-o``: stdout) writes the one table chosen by
``--table`` (default ``events``). Multi-valued cells are joined with ``"; "``. UTF-8, RFC 4180
quoting (the csv module's default dialect, ``\\r\\n`` line ends).

CSV injection (OWASP): a cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return would run as a formula in a spreadsheet; it is written with a leading ``'``
(a plain number such as ``-3.5`` stays a number).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..model import Entity, Report
from .dates import parse
from .evidence import Evidence, one_line

TABLES = ("events", "claims", "entities")
ACTOR_TYPES = {"PERSON", "ORG", "NORP"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}

EVENT_COLUMNS = ["event_id", "event_date", "year", "time_precision", "title", "actor1", "actor2", "assoc_actors",
                 "location", "country", "latitude", "longitude", "source", "source_docs", "notes", "salience"]
CLAIM_COLUMNS = ["claim_id", "measure", "value_low", "value_high", "unit", "approximate", "bound", "as_of", "source",
                 "source_entity", "place", "doc", "start", "end", "evidence_text"]
ENTITY_COLUMNS = ["entity_id", "name", "type", "aliases", "mentions", "documents", "latitude", "longitude",
                  "gazetteer_id", "country"]


def _join(items: list[str]) -> str:
    return "; ".join(dict.fromkeys(i for i in items if i))


def _num(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def event_rows(report: Report) -> Iterator[list[str]]:
    ev = Evidence(report)
    ents: dict[str, Entity] = {e.id: e for e in report.entities}
    for v in report.events:
        p = parse(v.date)
        linked = [ents[i] for i in v.entities if i in ents]
        actors = [e.name for e in linked if e.type in ACTOR_TYPES]
        places = [e for e in linked if e.type in PLACE_TYPES]
        place = next((e for e in places if e.geo), places[0] if places else None)
        docs = [s.doc for s in v.evidence]
        notes = " ".join(t for t in (ev.text(s) for s in v.evidence[:2]) if t)
        yield [v.id, v.date, str(p.year) if p else "", p.precision if p else "", one_line(v.title),
               actors[0] if actors else "", actors[1] if len(actors) > 1 else "", _join(actors[2:]),
               place.name if place else "", (place.geo.country or "") if place and place.geo else "",
               _num(place.geo.lat) if place and place.geo else "", _num(place.geo.lon) if place and place.geo else "",
               _join([ev.outlet(d) for d in docs]), _join(docs), notes, _num(round(v.salience, 4))]


def claim_rows(report: Report) -> Iterator[list[str]]:
    ev = Evidence(report)
    for c in report.claims:
        lo = c.value[0] if c.value else None
        hi = c.value[-1] if c.value else None
        s = c.evidence
        yield [c.id, one_line(c.measure), _num(lo), _num(hi), c.unit or "", "true" if c.approximate else "false",
               getattr(c, "bound", None) or "", c.as_of or "", one_line(c.source), c.source_entity or "", c.place or "",
               s.doc if s else "", str(s.start) if s else "", str(s.end) if s else "", ev.text(s)]


def entity_rows(report: Report) -> Iterator[list[str]]:
    for e in report.entities:
        g = e.geo
        yield [e.id, e.name, e.type, _join([a for a in e.aliases if a != e.name]), str(len(e.mentions)),
               str(len({m.doc for m in e.mentions})), _num(g.lat) if g else "", _num(g.lon) if g else "",
               (g.gazetteer_id or "") if g else "", (g.country or "") if g else ""]


_TABLES = {"events": (EVENT_COLUMNS, event_rows), "claims": (CLAIM_COLUMNS, claim_rows),
           "entities": (ENTITY_COLUMNS, entity_rows)}


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise(cell: str) -> str:
    """``cell`` made inert for spreadsheets (OWASP CSV injection): a leading ``'`` before a formula start."""
    if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def write_table(report: Report, table: str, fh: IO[str]) -> None:
    columns, rows = _TABLES[table]
    w = csv.writer(fh)
    w.writerow(columns)
    w.writerows([neutralise(str(c)) for c in row] for row in rows(report))


def render(report: Report, table: str = "events") -> str:
    buf = io.StringIO(newline="")
    write_table(report, table, buf)
    return buf.getvalue()


def write_folder(report: Report, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in TABLES:
        path = folder / f"{table}.csv"
        with open(path, "w", encoding="utf-8", newline="") as fh:
            write_table(report, table, fh)
        paths.append(path)
    return paths
