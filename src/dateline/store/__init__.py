"""The story database: SQLite by default, PostgreSQL by URL (SQLAlchemy 2 + Alembic).

- :func:`save_report` writes a whole analysis (``dateline analyze --db URL``), replacing
  what the database held;
- :func:`add_documents` adds articles to the stored story (``dateline add``);
- :func:`load_report` reads it back as a :class:`~dateline.model.Report` (a mixed pile: its largest
  story), :func:`load_story_report` one story of a mixed pile, :func:`load_stories` the stories;
- :func:`search` is full-text search over the articles.

URLs: ``sqlite:///story.db`` (or a bare path), ``postgresql://user@host:port/db``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from ..model import Report
from . import rows
from .add import add_documents, recompute_story
from .db import DEFAULT_URL, normalize_url, open_db, writing
from .search import SearchHit, search_conn


def save_report(report: Report, url: str = DEFAULT_URL, partition: Any = None,
                reports: list[Report] | None = None, options: Any = None) -> None:
    """Write ``report`` (and the stories of ``partition``, a ``stories.StoryPartition``) to the database
    at ``url`` in one transaction, replacing its previous content. With ``reports`` (one per story of
    ``partition``, same order, ``report`` the first), every story's documents are stored and each
    story's report is kept (``load_story_report``); ``report``'s is the one ``load_report`` gives.
    ``options`` (the run's ``pipeline.AnalyzeOptions``) go into each stored story's key, as ``dateline add``
    computes it, so a later ``add`` with the same settings rebuilds only the stories its articles change."""
    from .add import story_key

    several = reports is not None and len(reports) > 1 and partition is not None
    documents = list(report.documents)
    if several:
        seen = {d.id for d in documents}
        for r in reports[1:]:
            for d in r.documents:
                if d.id not in seen:
                    seen.add(d.id)
                    documents.append(d)
    engine = open_db(url)
    try:
        with writing(engine) as conn:
            rows.delete_story(conn)
            rows.clear_story_reports(conn)
            conn.execute(rows.t.documents.delete())
            rows.insert_documents(conn, [rows.document_row(d, i) for i, d in enumerate(documents)])
            rows.write_story(conn, report, built_from=rows.documents_state(conn))
            if several:
                rows.write_story_reports(conn, {s.id: (story_key(s.documents, options), r)
                                                for s, r in zip(partition.stories, reports, strict=False)},
                                         keep=[s.id for s in partition.stories])
            if partition is not None:
                rows.write_partition(conn, partition)
            else:
                conn.execute(rows.t.stories.delete())
    finally:
        engine.dispose()


def load_stories(url: str = DEFAULT_URL) -> Any:
    """The stored stories (a ``stories.StoryPartition``; None when none is stored)."""
    engine = open_db(url)
    try:
        with engine.connect() as conn:
            return rows.read_partition(conn)
    finally:
        engine.dispose()


def load_story_report(url: str, story_id: str) -> Report | None:
    """The stored report of one story of a mixed pile (None when the store keeps no report for it)."""
    engine = open_db(url)
    try:
        with engine.connect() as conn:
            return rows.read_story_report(conn, story_id)
    finally:
        engine.dispose()


def load_report(url: str = DEFAULT_URL) -> Report:
    """The stored story as a Report."""
    engine = open_db(url)
    try:
        with engine.connect() as conn:
            return rows.read_report(conn)
    finally:
        engine.dispose()


_SEARCH_ENGINES: dict[str, Engine] = {}


def search(url: str, query: str, limit: int = 20) -> list[SearchHit]:
    """Articles matching every word of ``query`` (stemmed), best first: doc id, title, snippet.

    The engine (opened and upgraded once per URL) is kept for the next query: the web UI
    calls this per request.
    """
    engine = _SEARCH_ENGINES.get(url)
    if engine is None:
        engine = _SEARCH_ENGINES[url] = open_db(url)
    with engine.connect() as conn:
        return search_conn(conn, query, limit)


__all__ = ["DEFAULT_URL", "SearchHit", "add_documents", "load_report", "load_stories", "load_story_report", "normalize_url", "open_db",
           "recompute_story", "save_report", "search"]
