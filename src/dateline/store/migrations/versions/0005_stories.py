"""``stories``: the stories the stored articles were split into (``dateline add`` keeps them).

One row per story (id, title, date range, its document ids in publication order); a new article
joins one of them or starts a new one, and stored stories keep their ids and members.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("id", sa.String(64), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("start", sa.String(32)),
        sa.Column("end", sa.String(32)),
        sa.Column("documents", sa.JSON, nullable=False),
        sa.Column("extra", sa.JSON),
    )


def downgrade() -> None:
    op.drop_table("stories")
