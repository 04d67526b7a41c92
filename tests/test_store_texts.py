"""Reports that leave the article texts to the store (``dateline analyze --db``): the file keeps the
metadata and spans, the web views and the exports read the texts from the database (SQLite, and
PostgreSQL on the real test server like the other postgres-marked tests)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
import sqlalchemy as sa

from dateline.cli import main, write_report
from dateline.export import export
from dateline.model import report_from_file
from dateline.schema import validate_report
from dateline.store import open_db, save_report
from dateline.store import tables as t
from dateline.store.texts import TextStoreError, public_url
from dateline.web import create_app, load_report_file
from tests.test_store_db import db_url  # noqa: F401 - the sqlite / postgres fixture

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WEB_REPORT = FIXTURES / "web" / "libya_report.json"
HAND = FIXTURES / "store" / "hand_report.json"
ARTICLES = FIXTURES / "store" / "articles"


def _stored(path: Path, url: str, tmp_path: Path) -> Path:
    """``path``'s report saved to ``url`` and written as ``analyze --db`` writes it: texts left to the store."""
    rep = report_from_file(path)
    save_report(rep, url)
    return write_report(rep, tmp_path / "out", text_store=url)


def test_report_file_keeps_spans_not_texts(db_url, tmp_path):  # noqa: F811
    path = _stored(HAND, db_url, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    full = report_from_file(HAND).to_dict()
    ok = [d for d in full["documents"] if d["text"]]
    assert ok and all(d["text"] == "" and d["text_in_store"] for d in data["documents"] if d["id"] in {o["id"] for o in ok})
    assert [d.get("text_chars") for d in data["documents"] if d.get("text_in_store")] == [len(d["text"]) for d in ok]
    assert data["meta"]["text_store"] == {"url": public_url(db_url), "documents": len(ok)}
    assert "password" not in data["meta"]["text_store"]["url"]
    # the contract holds: every other field as before, the schema and the span checks pass
    assert validate_report(data) == []
    for a, b in zip(data["documents"], full["documents"], strict=True):
        assert {k: v for k, v in a.items() if k not in ("text", "text_in_store", "text_chars")} == \
            {k: v for k, v in b.items() if k != "text"}
    assert data["events"] == full["events"] and data["claims"] == full["claims"]
    # a reader gets the same report back, texts fetched from the store
    assert report_from_file(path).to_dict() == full


def test_a_span_beyond_the_stored_text_is_still_caught(db_url, tmp_path):  # noqa: F811
    data = json.loads(_stored(HAND, db_url, tmp_path).read_text(encoding="utf-8"))
    doc = next(d for d in data["documents"] if d.get("text_in_store"))
    doc["sentences"].append([0, doc["text_chars"] + 1])
    assert any("outside the text" in e for e in validate_report(data))


def test_web_views_read_texts_from_the_store(db_url, tmp_path):  # noqa: F811
    path = _stored(WEB_REPORT, db_url, tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["meta"]["text_store"]
    client = TestClient(create_app(load_report_file(path)))
    direct = TestClient(create_app(load_report_file(WEB_REPORT)))
    for page in ("/", "/doc/31", "/doc/265-xss", "/entity/e1", "/figures", "/disagreements", "/event/v5",
                 "/search?q=Human+Rights+Watch"):
        r = client.get(page)
        assert r.status_code == 200
        assert r.text == direct.get(page).text, page
    html = client.get("/doc/31", params={"focus": "event:v5"}).text
    assert "A fighter jet" in html and "hl-event" in html
    assert "&lt;script&gt;window.__xss" in client.get("/doc/265-xss").text  # still escaped


@pytest.mark.parametrize("fmt", ["timelinejs", "markdown", "tilse", "csv", "json"])
def test_exports_read_texts_from_the_store(db_url, tmp_path, fmt):  # noqa: F811
    path = _stored(HAND, db_url, tmp_path)
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    assert export(str(path), fmt, str(a)) == 0 and export(str(HAND), fmt, str(b)) == 0
    if a.is_dir():
        assert sorted(p.name for p in a.iterdir()) == sorted(p.name for p in b.iterdir())
        for p in a.iterdir():
            assert p.read_text(encoding="utf-8") == (b / p.name).read_text(encoding="utf-8")
    else:
        assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")


def test_a_changed_or_missing_text_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'story.db'}"
    path = _stored(HAND, url, tmp_path)
    doc_id = next(d["id"] for d in json.loads(path.read_text(encoding="utf-8"))["documents"] if d.get("text_in_store"))
    engine = open_db(url)
    with engine.begin() as conn:
        conn.execute(t.documents.update().where(t.documents.c.id == doc_id).values(text="another text"))
    engine.dispose()
    with pytest.raises(TextStoreError, match="not the one"):
        report_from_file(path)
    with pytest.raises(TextStoreError, match="not in the text store"):
        report_from_file(path, text_store=f"sqlite:///{tmp_path / 'empty.db'}")
    assert export(str(path), "markdown", str(tmp_path / "x.md")) == 1  # one line, no traceback


def test_analyze_with_db_leaves_texts_to_the_store(db_url, tmp_path):  # noqa: F811
    out = tmp_path / "out"
    assert main(["analyze", str(ARTICLES), "--db", db_url, "-o", str(out), "-q", "--disable", "claims"]) == 0
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    ok = [d for d in data["documents"] if d["status"] == "ok"]
    assert ok and all(d["text"] == "" and d["text_in_store"] for d in ok)
    assert validate_report(data) == []
    engine = open_db(db_url)
    with engine.connect() as conn:
        stored = dict(conn.execute(sa.select(t.documents.c.id, t.documents.c.text)).all())
    engine.dispose()
    rep = report_from_file(out / "report.json")
    assert {d.id: d.text for d in rep.documents if d.status == "ok"} == {d["id"]: stored[d["id"]] for d in ok}
    for d in rep.documents:  # every sentence span reads a real sentence of the fetched text
        for s, e in d.sentences:
            assert d.text[s:e].strip()
    assert export(str(out / "report.json"), "markdown", str(tmp_path / "r.md")) == 0
    assert TestClient(create_app(rep)).get(f"/doc/{ok[0]['id']}").status_code == 200


def test_analyze_without_db_keeps_the_texts(tmp_path):
    out = tmp_path / "out"
    assert main(["analyze", str(ARTICLES / "2011-02-16"), "-o", str(out), "-q", "--disable", "claims"]) == 0
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert "text_store" not in data.get("meta", {})
    assert all(d["text"] for d in data["documents"] if d["status"] == "ok")


def test_the_report_names_the_store_without_a_password(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert public_url("postgresql://reader:s3cret@db.example:5432/news") == "postgresql+psycopg://reader@db.example:5432/news"
    assert public_url("sqlite:///story.db") == f"sqlite:///{tmp_path / 'story.db'}"
    assert public_url("story.db") == f"sqlite:///{tmp_path / 'story.db'}"
