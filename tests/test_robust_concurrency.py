"""Concurrent `dateline add` on one new database (SQLite file and the PostgreSQL test server).

Two and four processes start at once on a database that does not exist yet; each adds its own
articles plus one folder that every process is given. All must exit 0, every article must be
stored exactly once, and the story left at the end must be built from every stored document.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from dateline.store import normalize_url
from tests.test_store_db import PG_URL, fresh_pg_url

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "examples" / "libya").rglob("*.txt"))


def _groups(tmp: Path, n: int) -> list[Path]:
    """``n`` folders of one article each, plus a shared folder every process also adds."""
    folders = []
    for i in range(n + 1):
        src = ARTICLES[i]
        d = tmp / f"g{i}" / src.parent.name  # keep the dated folder: it is the publication date
        d.mkdir(parents=True)
        shutil.copy(src, d / src.name)
        folders.append(tmp / f"g{i}")
    return folders


def _run_concurrently(url: str, tmp: Path, n: int) -> list[tuple[int, str]]:
    folders = _groups(tmp, n)
    shared = folders[-1]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    procs = [subprocess.Popen([sys.executable, "-m", "dateline", "add", str(folders[i]), str(shared), "--db", url,
                               "-q", "--disable", "claims"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
             for i in range(n)]
    out = []
    for p in procs:
        _, err = p.communicate(timeout=600)
        out.append((p.returncode, err))
    return out


def _check(url: str, results: list[tuple[int, str]], n: int) -> None:
    for rc, err in results:
        assert rc == 0, err
        assert "Traceback" not in err, err
    engine = sa.create_engine(normalize_url(url))
    try:
        with engine.connect() as conn:
            total, ids, keys = conn.execute(sa.text(
                "SELECT count(*), count(DISTINCT id), count(DISTINCT dedup_key) FROM documents")).one()
            seqs = conn.execute(sa.text("SELECT count(DISTINCT seq) FROM documents")).scalar()
            built_from = conn.execute(sa.text("SELECT built_from FROM story WHERE id = 1")).scalar()
            top = conn.execute(sa.text("SELECT max(seq) FROM documents")).scalar()
    finally:
        engine.dispose()
    assert total == ids == keys == seqs == n + 1  # each article once (the shared one too)
    assert built_from == f"{n + 1}:{top}"  # the story of the end state


@pytest.mark.parametrize("n", [2, 4])
def test_concurrent_add_sqlite(tmp_path, n):
    db = tmp_path / "story.db"
    url = f"sqlite:///{db}"
    _check(url, _run_concurrently(url, tmp_path, n), n)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("n", [2, 4])
def test_concurrent_add_postgres(tmp_path, n):
    if not PG_URL:
        pytest.skip("DATELINE_TEST_PG_URL is not set (source scripts/services.d/postgres.sh)")
    for url in fresh_pg_url():
        _check(url, _run_concurrently(url, tmp_path, n), n)


def test_locked_database_gives_one_line(tmp_path, monkeypatch):
    """A writer that holds the lock longer than the busy timeout: the other run says so in one line."""
    from dateline.store import db as dbmod

    url = f"sqlite:///{tmp_path / 'story.db'}"
    dbmod.open_db(url).dispose()
    holder = sqlite3.connect(tmp_path / "story.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        folder = _groups(tmp_path, 1)[0]
        monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 200)
        import contextlib
        import io
        from argparse import Namespace

        from dateline.store.add import add_documents

        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            rc = add_documents(Namespace(inputs=[str(folder)], db=url, quiet=True, disable=["claims"], config=None,
                                         set=[], dates=None, sentences=None, query=None, start=None, end=None,
                                         jobs=None, max_bytes=None))
    finally:
        holder.rollback()
        holder.close()
    lines = [x for x in err.getvalue().splitlines() if x.strip()]
    assert rc == 1
    assert len(lines) == 1 and "database is locked" in lines[0], lines
