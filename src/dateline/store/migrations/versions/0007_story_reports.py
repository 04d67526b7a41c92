"""``story_reports``: one report per story when the stored pile holds several stories.

``dateline add`` on a mixed pile builds the per-story phase for each story (not one report over
every article); a story whose articles did not change since its report was built keeps it
(``built_from``), so adding a few articles to a large store rebuilds only the stories they join.
The report is the story-level part of report.json (the documents stay in ``documents``; the
report names its articles by id).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_reports",
        sa.Column("story_id", sa.String(64), primary_key=True),
        sa.Column("built_from", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.String(32)),
        sa.Column("report", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("story_reports")
