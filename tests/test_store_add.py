"""`dateline add`: new articles analysed, stored ones not duplicated, the story rebuilt, and a run
killed midway (SIGKILL) leaves a consistent database that a re-run completes."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from dateline.cli import main
from dateline.export import render
from dateline.store import load_report, normalize_url, search
from tests.test_export_formats import validate_markdown, validate_timelinejs
from tests.test_store_db import PG_URL, fresh_pg_url

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "store" / "articles"


def _count(url: str, sql: str) -> int:
    engine = sa.create_engine(normalize_url(url))
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text(sql)).scalar() or 0)
    finally:
        engine.dispose()


def _check_story(url: str, n_docs: int) -> None:
    rep = load_report(url)
    assert len(rep.documents) == n_docs
    assert len({d.content_hash for d in rep.documents}) == n_docs  # nothing stored twice
    assert rep.meta.get("documents_ok") == n_docs  # the story was rebuilt from every stored document
    texts = {d.id: d.text for d in rep.documents}
    for e in rep.entities:  # story-level evidence points into stored documents
        for m in e.mentions:
            assert m.doc in texts and 0 <= m.start < m.end <= len(texts[m.doc])
    for v in rep.events:
        assert all(s.doc in texts for s in v.evidence)


def test_add_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'story.db'}"
    assert main(["add", str(ARTICLES / "2011-02-16"), "--db", url, "-q"]) == 0
    _check_story(url, 1)
    # the whole folder: one already stored, two new
    assert main(["add", str(ARTICLES), "--db", url, "-q"]) == 0
    _check_story(url, 3)
    # the same article under another name is not stored again
    copy = tmp_path / "copies" / "again.txt"
    copy.parent.mkdir()
    shutil.copy(ARTICLES / "2011-02-18" / "134.htm.txt", copy)
    # nor is a differently laid-out file whose clean text is the same (same content hash)
    raw = (ARTICLES / "2011-02-16" / "235.htm.txt").read_text(encoding="utf-8")
    (copy.parent / "relaid.txt").write_text(raw.replace(" \n", "\n") + "\n\n", encoding="utf-8")
    assert main(["add", str(copy.parent), str(ARTICLES), "--db", url, "-q"]) == 0
    _check_story(url, 3)
    assert [h.doc_id for h in search(url, "Amnesty International")] == ["134"]
    # the pipeline's own story (whatever parts have landed) exports in every format
    out = tmp_path / "story.md"
    assert main(["export", url, "--format", "markdown", "-o", str(out)]) == 0
    validate_markdown(out.read_text(encoding="utf-8"))
    rep = load_report(url)
    validate_timelinejs(json.loads(render(rep, "timelinejs")))
    assert main(["export", url, "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    with open(tmp_path / "csv" / "events.csv", encoding="utf-8", newline="") as fh:
        assert [r["event_id"] for r in csv.DictReader(fh)] == [v.id for v in rep.events]
    tilse = render(rep, "tilse")
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", b.strip().splitlines()[0]) for b in tilse.split("-" * 32)[:-1])


@pytest.mark.postgres
def test_add_postgres(tmp_path):
    if not PG_URL:
        pytest.skip("DATELINE_TEST_PG_URL is not set (source scripts/services.d/postgres.sh)")
    for url in fresh_pg_url():
        assert main(["add", str(ARTICLES / "2011-02-16"), str(ARTICLES / "2011-02-19"), "--db", url, "-q"]) == 0
        _check_story(url, 2)
        assert main(["add", str(ARTICLES), "--db", url, "-q"]) == 0
        _check_story(url, 3)
        assert {h.doc_id for h in search(url, "killings Benghazi")} >= {"134", "1"}


def _stored_docs(url: str) -> int:
    try:
        return _count(url, "SELECT count(*) FROM documents")
    except sa.exc.SQLAlchemyError:
        return 0  # not created yet


def _kill_midway_then_rerun(url: str, tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "dateline.cli", "add", str(ARTICLES), "--db", url, "-q"]
    env = {**os.environ, "DATELINE_ADD_BATCH": "1"}  # one transaction per document
    log = tmp_path / "first-run.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        try:
            deadline = time.monotonic() + 300
            while _stored_docs(url) < 1 and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, (
        f"the run ended (exit {proc.returncode}) before it could be killed: "
        f"{log.read_text(encoding='utf-8', errors='replace')[-2000:]}")

    stored = _stored_docs(url)
    assert 1 <= stored <= 3
    # every committed document is whole; the story part is all or nothing
    assert _count(url, "SELECT count(*) FROM documents WHERE text = '' OR dedup_key IS NULL") == 0
    assert _count(url, "SELECT count(*) FROM entity_mentions WHERE entity_seq NOT IN (SELECT seq FROM entities)") == 0
    if url.startswith("sqlite"):
        con = sqlite3.connect(url.removeprefix("sqlite:///"))
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert con.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == stored  # index in step
        finally:
            con.close()
    else:
        assert _count(url, "SELECT count(*) FROM documents WHERE tsv IS NULL") == 0

    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    _check_story(url, 3)
    assert _count(url, "SELECT count(*) FROM story") == 1


def test_killed_run_leaves_consistent_db_and_rerun_completes(tmp_path):
    _kill_midway_then_rerun(f"sqlite:///{tmp_path / 'story.db'}", tmp_path)


@pytest.mark.postgres
def test_killed_run_on_postgres(tmp_path):
    if not PG_URL:
        pytest.skip("DATELINE_TEST_PG_URL is not set (source scripts/services.d/postgres.sh)")
    for url in fresh_pg_url():
        _kill_midway_then_rerun(url, tmp_path)
