"""An ``extra`` JSON column on every report table: model fields newer than the columns survive a round trip.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("story", "documents", "entities", "events", "timeline", "claims", "series", "disagreements")


def upgrade() -> None:
    for name in TABLES:
        op.add_column(name, sa.Column("extra", sa.JSON, nullable=True))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name in TABLES:
        if sqlite:  # SQLite >= 3.35 drops a column in place (a batch copy would lose the FTS triggers)
            op.execute(f"ALTER TABLE {name} DROP COLUMN extra")
        else:
            op.drop_column(name, "extra")
