"""Full-text search over documents: SQLite FTS5 (kept in sync by triggers); PostgreSQL tsvector + GIN.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_UP = [
    # rowid of the FTS row = rowid of the documents row, so triggers delete by key, not by scan
    "CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, text, tokenize='porter unicode61')",
    "INSERT INTO documents_fts(rowid, doc_id, title, text) "
    "SELECT rowid, id, coalesce(title, ''), coalesce(text, '') FROM documents",
    "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, doc_id, title, text) "
    "VALUES (new.rowid, new.id, coalesce(new.title, ''), coalesce(new.text, '')); END",
    "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
    "DELETE FROM documents_fts WHERE rowid = old.rowid; END",
    "CREATE TRIGGER documents_fts_au AFTER UPDATE OF id, title, text ON documents BEGIN "
    "DELETE FROM documents_fts WHERE rowid = old.rowid; "
    "INSERT INTO documents_fts(rowid, doc_id, title, text) "
    "VALUES (new.rowid, new.id, coalesce(new.title, ''), coalesce(new.text, '')); END",
]

_PG_UP = [
    # title weighs more than body; left() keeps a huge text under the 1 MB tsvector limit
    "ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, left(coalesce(text, ''), 500000)), 'B')) STORED",
    "CREATE INDEX ix_documents_tsv ON documents USING GIN (tsv)",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for stmt in _SQLITE_UP if dialect == "sqlite" else _PG_UP if dialect == "postgresql" else []:
        op.execute(stmt)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trig in ("documents_fts_ai", "documents_fts_ad", "documents_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trig}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_documents_tsv")
        op.execute("ALTER TABLE documents DROP COLUMN IF EXISTS tsv")
