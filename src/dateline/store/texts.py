"""Reports whose article texts live in the store (``dateline analyze --db``), and the readers that fetch them.

At scale a report.json holding every full text does not scale; with ``--db`` the texts are in the
database already. Such a report keeps every document's metadata and spans, and says where the
text is (an extension of the contract, SCHEMA.md "Texts in the store"):

- the report's ``meta.text_store`` is ``{"url": ..., "documents": N}``: the database URL (a SQLite
  path made absolute; a password is never written) and how many texts it holds for the report;
- each such document has ``"text": ""``, ``"text_in_store": true`` and ``"text_chars"``: the
  length of its clean text, so the spans can still be checked against it.

``fill_texts`` puts the texts back (checking each one's length and content hash) and drops the
markers; ``report_from_file`` does it on load, so the web UI and the exports read such a report as
any other (``export -f json`` of it writes the full report).
"""

from __future__ import annotations

import os
from typing import Any

import sqlalchemy as sa

ENV_URL = "DATELINE_TEXT_STORE"  # the store's URL when the report's one is not usable (a password left out)


class TextStoreError(RuntimeError):
    """The texts of a report cannot be read from its store (missing database, document or changed text)."""


def public_url(url: str) -> str:
    """``url`` as the report records it: a SQLite path absolute, a password left out."""
    from .db import normalize_url

    u = sa.engine.make_url(normalize_url(url))
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
        u = u.set(database=os.path.abspath(u.database))
    if u.password is not None:  # (``URL.set(password=None)`` keeps it)
        u = sa.engine.URL.create(u.drivername, username=u.username, host=u.host, port=u.port, database=u.database,
                                 query=u.query)
    return u.render_as_string(hide_password=False)


def strip_texts(report: dict[str, Any], url: str) -> dict[str, Any]:
    """The report (plain data, changed in place and returned) with every document text left to the store at ``url``."""
    n = 0
    for d in report.get("documents") or []:
        text = d.get("text")
        if text:
            d["text_chars"] = len(text)
            d["text_in_store"] = True
            d["text"] = ""
            n += 1
    report.setdefault("meta", {})["text_store"] = {"url": public_url(url), "documents": n}
    return report


def texts_in_store(report: dict[str, Any]) -> bool:
    """Whether the report (plain data) leaves document texts to a store."""
    return bool((report.get("meta") or {}).get("text_store")) and any(
        d.get("text_in_store") for d in report.get("documents") or [])


def fill_texts(report: dict[str, Any], url: str | None = None) -> dict[str, Any]:
    """The report (plain data, changed in place) with the texts read back from its store.

    ``url`` (else ``$DATELINE_TEXT_STORE``, else ``meta.text_store.url``) names the database.
    Raises ``TextStoreError`` when a text is missing or is not the one the report was made from."""
    from ..pipeline import content_hash
    from . import tables as t
    from .db import open_db

    want = {d["id"]: d for d in report.get("documents") or [] if d.get("text_in_store")}
    if not want:
        return report
    url = url or os.environ.get(ENV_URL) or (report.get("meta") or {}).get("text_store", {}).get("url")
    if not url:
        raise TextStoreError("the report's texts are in a store, but it names none")
    try:
        engine = open_db(url)
    except Exception as exc:  # noqa: BLE001 - any driver error means the same to the reader
        raise TextStoreError(f"cannot open the text store {public_url(url)}: {exc}") from exc
    found: dict[str, str] = {}
    try:
        ids = list(want)
        with engine.connect() as conn:
            for i in range(0, len(ids), 500):  # bounded IN lists
                q = sa.select(t.documents.c.id, t.documents.c.text).where(t.documents.c.id.in_(ids[i:i + 500]))
                found.update((r[0], r[1] or "") for r in conn.execute(q))
    finally:
        engine.dispose()
    for doc_id, d in want.items():
        text = found.get(doc_id)
        if text is None:
            raise TextStoreError(f"document {doc_id!r} is not in the text store {public_url(url)}")
        if len(text) != d.get("text_chars", len(text)) or (d.get("content_hash") and content_hash(text) != d["content_hash"]):
            raise TextStoreError(f"document {doc_id!r}: the stored text is not the one the report was made from")
        d["text"] = text
        d.pop("text_in_store", None)
        d.pop("text_chars", None)
    report["meta"].pop("text_store", None)  # every text is back: the report is an ordinary one again
    return report
