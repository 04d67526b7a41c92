"""``story.built_from``: which state of the documents table the stored story was built from.

Concurrent ``dateline add`` runs compare it (under the write lock) with the documents now
stored, so the story left at the end is the one built from every stored document.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("story", sa.Column("built_from", sa.String(64), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE story DROP COLUMN built_from")
    else:
        op.drop_column("story", "built_from")
