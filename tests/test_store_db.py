"""The story database on SQLite (in-process) and a real PostgreSQL server (DATELINE_TEST_PG_URL)."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from dateline.model import Report, report_from_dict
from dateline.store import db as store_db
from dateline.store import load_report, normalize_url, save_report, search
from dateline.store import tables as t

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "store"
PG_URL = os.environ.get("DATELINE_TEST_PG_URL")


def hand_report() -> Report:
    return report_from_dict(json.loads((FIXTURES / "hand_report.json").read_text(encoding="utf-8")))


def fresh_pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database on the test server; dropped afterwards."""
    assert PG_URL
    name = "dl_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(normalize_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = PG_URL.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'story.db'}"
        return
    if not PG_URL:
        pytest.skip("DATELINE_TEST_PG_URL is not set (source scripts/services.d/postgres.sh)")
    yield from fresh_pg_url()


def test_normalize_url():
    assert normalize_url("postgresql://u@h:5432/db") == "postgresql+psycopg://u@h:5432/db"
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("sqlite:///story.db") == "sqlite:///story.db"
    assert normalize_url("story.db") == "sqlite:///story.db"


def test_hand_report_round_trip(db_url):
    rep = hand_report()
    save_report(rep, db_url)
    back = load_report(db_url)
    assert back.to_dict() == rep.to_dict()
    # evidence still points at the words it was written for
    docs = {d.id: d for d in back.documents}
    amnesty = next(e for e in back.entities if e.name == "Amnesty International")
    assert {docs[m.doc].text[m.start:m.end] for m in amnesty.mentions} == {"Amnesty International"}
    c2 = next(c for c in back.claims if c.id == "c2")
    assert "at least 46" in docs[c2.evidence.doc].text[c2.evidence.start:c2.evidence.end]
    assert c2.bound == "lower"  # a model field newer than the first schema survives (extra column)


def test_search(db_url):
    save_report(hand_report(), db_url)
    hits = search(db_url, "Amnesty International")
    assert [h.doc_id for h in hits] == ["134"]
    marked = [hits[0].snippet[a:b].lower() for a, b in hits[0].highlights]
    assert "amnesty" in marked and "international" in marked
    # stemmed: "killings" finds documents saying "killed"; every word must match
    ids = {h.doc_id for h in search(db_url, "killings Benghazi")}
    assert {"134", "1"} <= ids
    assert [h.doc_id for h in search(db_url, "Bahrain Terbil")] == ["235"]
    assert search(db_url, "zzzqqq") == []
    assert search(db_url, "  ;; ") == []
    assert search(db_url, 'Gadhafi" OR (') is not None  # query syntax characters are not an error
    # re-saving keeps the index in step with the documents
    rep = hand_report()
    doc = next(d for d in rep.documents if d.id == "134")
    doc.text = doc.text.replace("Amnesty International", "A rights group")
    save_report(rep, db_url)
    assert search(db_url, "Amnesty International") == []


def test_older_database_is_upgraded(db_url):
    """A database left at the first revision (no full-text index, no extra columns) opens and upgrades."""
    engine = store_db.create(db_url)
    store_db.upgrade(engine, "0001")
    assert store_db.current_revision(engine) == "0001"
    rep = hand_report()
    old_cols = [c for c in t.documents.columns if c.name != "extra"]
    from dateline.store import rows

    with engine.begin() as conn:
        for i, d in enumerate(rep.documents):
            row = rows.document_row(d, i)
            conn.execute(sa.insert(sa.table("documents", *[sa.column(c.name, c.type) for c in old_cols])),
                         [{c.name: row[c.name] for c in old_cols}])
    engine.dispose()

    assert search(db_url, "Amnesty")[0].doc_id == "134"  # opening upgrades and indexes old rows
    engine = store_db.create(db_url)
    head = store_db.alembic_config()
    from alembic.script import ScriptDirectory

    assert store_db.current_revision(engine) == ScriptDirectory.from_config(head).get_current_head()
    engine.dispose()
    back = load_report(db_url)
    assert [d.text for d in back.documents] == [d.text for d in rep.documents]
    save_report(rep, db_url)
    assert load_report(db_url).to_dict() == rep.to_dict()


def test_mentions_of_unknown_documents_do_not_block_the_write(db_url, caplog):
    rep = hand_report()
    rep.documents = [d for d in rep.documents if d.id != "235"]
    save_report(rep, db_url)
    back = load_report(db_url)
    assert [d.id for d in back.documents] == ["134", "1"]
    gadhafi = next(e for e in back.entities if e.name == "Moammar Gadhafi")
    assert gadhafi.mentions and {m.doc for m in gadhafi.mentions} == {"134", "1"}
    assert "unknown documents" in caplog.text


def test_database_from_a_newer_version_is_refused_clearly(tmp_path):
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    save_report(hand_report(), url)
    engine = store_db.create(url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(store_db.NewerDatabaseError, match="9999"):
        load_report(url)
