"""The report tables: story, documents, entities (+ mentions), events, timeline, claims, series, disagreements.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("schema_version", sa.String(16), nullable=False),
        sa.Column("generator", sa.String(64), nullable=False),
        sa.Column("summary", sa.JSON),
        sa.Column("meta", sa.JSON),
        sa.Column("updated_at", sa.String(32)),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(512), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False, index=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("published_evidence", sa.Text),
        sa.Column("published_confidence", sa.Float),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("boilerplate", sa.JSON),
        sa.Column("timexes", sa.JSON),
        sa.Column("sentences", sa.JSON),
        sa.Column("mentions", sa.JSON),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("dedup_key", sa.String(80), nullable=False, index=True),
        sa.Column("raw_hash", sa.String(64), index=True),
        sa.Column("lang", sa.String(16)),
        sa.Column("meta", sa.JSON),
    )
    op.create_table(
        "entities",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("id", sa.String(64), nullable=False, index=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("aliases", sa.JSON),
        sa.Column("geo", sa.JSON),
        sa.Column("attrs", sa.JSON),
    )
    op.create_table(
        "entity_mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity_seq", sa.Integer, sa.ForeignKey("entities.seq", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("entity_id", sa.String(64), nullable=False, index=True),
        sa.Column("doc_id", sa.String(512), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("id", sa.String(64), nullable=False, index=True),
        sa.Column("date", sa.String(32), nullable=False, index=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("evidence", sa.JSON),
        sa.Column("entities", sa.JSON),
        sa.Column("salience", sa.Float),
    )
    op.create_table(
        "timeline",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("date", sa.String(32), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("events", sa.JSON),
        sa.Column("sources", sa.JSON),
        sa.Column("evidence", sa.JSON),
    )
    op.create_table(
        "claims",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("id", sa.String(64), nullable=False, index=True),
        sa.Column("measure", sa.Text, nullable=False),
        sa.Column("value", sa.JSON),
        sa.Column("unit", sa.Text),
        sa.Column("approximate", sa.Boolean),
        sa.Column("as_of", sa.String(32)),
        sa.Column("source", sa.Text),
        sa.Column("evidence", sa.JSON),
        sa.Column("place", sa.Text),
        sa.Column("source_entity", sa.String(64)),
        sa.Column("text", sa.Text),
    )
    op.create_table(
        "series",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("measure", sa.Text, nullable=False),
        sa.Column("claims", sa.JSON),
        sa.Column("place", sa.Text),
    )
    op.create_table(
        "disagreements",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("id", sa.String(64), nullable=False, index=True),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("sides", sa.JSON),
    )


def downgrade() -> None:
    for name in ("disagreements", "series", "claims", "timeline", "events", "entity_mentions", "entities",
                 "documents", "story"):
        op.drop_table(name)
