"""Opening a story database: URL normalisation, engine set-up, Alembic upgrade to head.

SQLite (the default, a file) and PostgreSQL (psycopg 3) are both reached through
SQLAlchemy 2. Every open runs the packaged Alembic migrations up to head, so a newer
dateline opens (and upgrades) a database written by an older one.

Concurrent writers (two ``dateline add`` at once, a cron job and a manual run): every write
transaction, the migration included, goes through :func:`writing`, which takes the database's
write lock first - ``BEGIN IMMEDIATE`` on SQLite (waiting up to ``busy_timeout``, 30 s, for
another writer), a transaction-scoped advisory lock on PostgreSQL. So a second run waits for
the first instead of failing half-way with "table already exists" or "database is locked"
when its read transaction tries to become a write one.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_URL = "sqlite:///dateline.db"
BUSY_TIMEOUT_MS = 30_000
# the key of PostgreSQL's advisory write lock (any constant shared by every dateline)
PG_WRITE_LOCK = 0x6461_7465_6C69_6E65 & 0x7FFF_FFFF_FFFF_FFFF
_WRITE = "dateline_write"  # execution option: this transaction writes (BEGIN IMMEDIATE on SQLite)


def normalize_url(url: str) -> str:
    """A SQLAlchemy URL from what a user typed.

    ``postgresql://`` and ``postgres://`` use the psycopg 3 driver; a bare path (no
    ``://``) is a SQLite file.
    """
    url = url.strip()
    if "://" not in url:
        return f"sqlite:///{url}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    # the driver's own transaction handling off: _sqlite_begin below says BEGIN (or BEGIN IMMEDIATE)
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    _set_wal(cur)
    cur.close()


def _set_wal(cur) -> None:  # type: ignore[no-untyped-def]
    """WAL journal mode, waiting like busy_timeout would: switching the mode needs an exclusive lock
    and SQLite does not call the busy handler for it, so two runs opening a new database at once
    could see "database is locked" here (seen under load in the concurrency test)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.01
    while True:
        try:
            if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


def create(url: str) -> Engine:
    """An engine for ``url`` without touching the schema."""
    engine = create_engine(normalize_url(url), future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction holding the database's write lock (see the module docstring); commits on exit."""
    with engine.execution_options(**{_WRITE: True}).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK})
        yield conn


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the packaged migrations on ``engine`` up to ``revision`` (in one transaction)."""
    cfg = alembic_config()
    with writing(engine) as conn:  # one migration at a time: a second run waits, then finds head
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def error_line(exc: BaseException) -> str:
    """The driver's own message of a database error, on one line (no SQL, no background link)."""
    msg = str(getattr(exc, "orig", None) or exc).strip()
    return (msg.splitlines() or [type(exc).__name__])[0]


class NewerDatabaseError(RuntimeError):
    """The database was written by a newer dateline (a schema revision this version does not know)."""


def open_db(url: str) -> Engine:
    """An engine for ``url`` whose schema is at the newest revision."""
    engine = create(url)
    try:
        upgrade(engine)
    except CommandError as exc:
        rev = current_revision(engine)
        engine.dispose()
        raise NewerDatabaseError(
            f"{url}: schema revision {rev!r} is unknown to this dateline (written by a newer version?): {exc}"
        ) from exc
    return engine
