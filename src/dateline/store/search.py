"""Full-text search over the stored articles: SQLite FTS5 (bm25) or PostgreSQL tsvector (ts_rank_cd)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy import Connection

START, STOP = "\x02", "\x03"  # match markers inside the database's snippet, turned into offsets here


@dataclass
class SearchHit:
    """One matching article: ``snippet`` is plain text; ``highlights`` are ``[start, end)`` of the matched
    words inside the snippet (escape the snippet, then mark these spans)."""

    doc_id: str
    title: str | None
    snippet: str
    highlights: list[list[int]] = field(default_factory=list)
    rank: float = 0.0


def _unmark(marked: str) -> tuple[str, list[list[int]]]:
    out: list[str] = []
    spans: list[list[int]] = []
    pos = 0
    start = None
    for part in re.split(f"([{START}{STOP}])", marked or ""):
        if part == START:
            start = pos
        elif part == STOP:
            if start is not None and pos > start:
                spans.append([start, pos])
            start = None
        else:
            out.append(part)
            pos += len(part)
    return "".join(out), spans


def _words(query: str) -> list[str]:
    return re.findall(r"\w+", query, flags=re.UNICODE)


def _search_sqlite(conn: Connection, query: str, limit: int) -> list[SearchHit]:
    words = _words(query)
    if not words:
        return []
    fts_query = " ".join('"' + w.replace('"', "") + '"' for w in words)  # every word, as a literal
    rows = conn.execute(sa.text(
        "SELECT doc_id, title, snippet(documents_fts, 2, :a, :b, '…', 24) AS snip, bm25(documents_fts, 0, 4.0, 1.0) AS r "
        "FROM documents_fts WHERE documents_fts MATCH :q ORDER BY r LIMIT :n"),
        {"a": START, "b": STOP, "q": fts_query, "n": limit})
    hits = []
    for doc_id, title, snip, rank in rows:
        text, spans = _unmark(snip)
        hits.append(SearchHit(doc_id=doc_id, title=title or None, snippet=text, highlights=spans, rank=-float(rank)))
    return hits


def _search_postgres(conn: Connection, query: str, limit: int) -> list[SearchHit]:
    if not _words(query):
        return []
    rows = conn.execute(sa.text(
        "SELECT id, title, ts_headline('english', text, q, :opts) AS snip, ts_rank_cd(tsv, q) AS r "
        "FROM documents, websearch_to_tsquery('english', :q) AS q "
        "WHERE tsv @@ q ORDER BY r DESC, seq LIMIT :n"),
        {"q": query, "n": limit,
         "opts": f'StartSel="{START}", StopSel="{STOP}", MaxWords=35, MinWords=15, MaxFragments=1'})
    hits = []
    for doc_id, title, snip, rank in rows:
        text, spans = _unmark(snip)
        hits.append(SearchHit(doc_id=doc_id, title=title, snippet=text, highlights=spans, rank=float(rank)))
    return hits


def search_conn(conn: Connection, query: str, limit: int = 20) -> list[SearchHit]:
    """Articles matching every word of ``query``, best first (stemmed English matching)."""
    if conn.dialect.name == "postgresql":
        return _search_postgres(conn, query, limit)
    return _search_sqlite(conn, query, limit)
