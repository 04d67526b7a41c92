"""Opening a story database: URL normalisation, engine set-up, Alembic upgrade to head.

SQLite (the default, a file) and PostgreSQL (psycopg 3) are both reached through
SQLAlchemy 2. Every open runs the packaged Alembic migrations up to head, so a newer
dateline opens (and upgrades) a database written by an older one.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_URL = "sqlite:///dateline.db"


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
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def create(url: str) -> Engine:
    """An engine for ``url`` without touching the schema."""
    engine = create_engine(normalize_url(url), future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the packaged migrations on ``engine`` up to ``revision`` (in one transaction)."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


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
