"""``duplicate_inputs``: inputs found to be copies of a stored document, by raw-input hash.

`dateline add` analyses an input, finds its clean text already stored and keeps only the first
copy; the copy's raw hash, source and the stored id it duplicates are recorded here so a resumed
run skips it before analysis (and the input is accounted for, not silently dropped).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duplicate_inputs",
        sa.Column("raw_hash", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("duplicate_of", sa.String(512), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("duplicate_inputs")
