"""SQLAlchemy Core tables of the newest schema revision (the migrations create them).

One database holds one pile: its documents, the stories they were split into (``stories``), the
report of the first story in the story tables and, when there are several, each story's report
(``story_reports``). Nested lists that are only ever read back whole (timexes,
sentences, evidence spans, aliases...) are JSON columns; entity mentions also get a row
each (``entity_mentions``) so a document's entities can be queried. PostgreSQL's
``documents.tsv`` and SQLite's ``documents_fts`` (full-text search) are left out here:
only the migrations and :mod:`dateline.store.search` touch them. ``extra`` holds the fields of
a model object that have no column of their own (fields added to the model later), so they
survive a round trip without a migration.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

story = sa.Table(
    "story", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("schema_version", sa.String(16), nullable=False),
    sa.Column("generator", sa.String(64), nullable=False),
    sa.Column("summary", sa.JSON),
    sa.Column("meta", sa.JSON),
    sa.Column("updated_at", sa.String(32)),
    sa.Column("extra", sa.JSON),
    sa.Column("built_from", sa.String(64)),  # documents state the story was built from (see store.add)
)

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.String(512), primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False),
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
    sa.Column("dedup_key", sa.String(80), nullable=False),
    sa.Column("raw_hash", sa.String(64)),
    sa.Column("lang", sa.String(16)),
    sa.Column("meta", sa.JSON),
    sa.Column("extra", sa.JSON),
)

entities = sa.Table(
    "entities", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("id", sa.String(64), nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("aliases", sa.JSON),
    sa.Column("geo", sa.JSON),
    sa.Column("attrs", sa.JSON),
    sa.Column("extra", sa.JSON),
)

entity_mentions = sa.Table(
    "entity_mentions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entity_seq", sa.Integer, sa.ForeignKey("entities.seq", ondelete="CASCADE"), nullable=False),
    sa.Column("entity_id", sa.String(64), nullable=False),
    sa.Column("doc_id", sa.String(512), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    sa.Column("start_char", sa.Integer, nullable=False),
    sa.Column("end_char", sa.Integer, nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("id", sa.String(64), nullable=False, index=True),
    sa.Column("date", sa.String(32), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("evidence", sa.JSON),
    sa.Column("entities", sa.JSON),
    sa.Column("salience", sa.Float),
    sa.Column("extra", sa.JSON),
)

timeline = sa.Table(
    "timeline", metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("date", sa.String(32), nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("events", sa.JSON),
    sa.Column("sources", sa.JSON),
    sa.Column("evidence", sa.JSON),
    sa.Column("extra", sa.JSON),
)

claims = sa.Table(
    "claims", metadata,
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
    sa.Column("extra", sa.JSON),
)

series = sa.Table(
    "series", metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("measure", sa.Text, nullable=False),
    sa.Column("claims", sa.JSON),
    sa.Column("place", sa.Text),
    sa.Column("extra", sa.JSON),
)

disagreements = sa.Table(
    "disagreements", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("id", sa.String(64), nullable=False, index=True),
    sa.Column("topic", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("sides", sa.JSON),
    sa.Column("extra", sa.JSON),
)

# the stories the articles were split into (kept by `dateline add`; not replaced with the story)
stories = sa.Table(
    "stories", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("id", sa.String(64), nullable=False, unique=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("start", sa.String(32)),
    sa.Column("end", sa.String(32)),
    sa.Column("documents", sa.JSON, nullable=False),
    sa.Column("extra", sa.JSON),
)

# the report of each story when the pile holds several (`dateline add`): the story-level part of its
# report.json (documents by id); ``built_from`` hashes the story's article ids, so an unchanged story keeps it
story_reports = sa.Table(
    "story_reports", metadata,
    sa.Column("story_id", sa.String(64), primary_key=True),
    sa.Column("built_from", sa.String(64), nullable=False),
    sa.Column("updated_at", sa.String(32)),
    sa.Column("report", sa.JSON, nullable=False),
)

# inputs that were analysed and turned out to be copies of a stored document (same clean text): kept
# by raw-input hash so a resumed `dateline add` skips them unread, and so no input is dropped unrecorded
duplicate_inputs = sa.Table(
    "duplicate_inputs", metadata,
    sa.Column("raw_hash", sa.String(64), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("duplicate_of", sa.String(512), nullable=False),
)

# deleted child-first when the story is replaced
STORY_TABLES = (entity_mentions, entities, events, timeline, claims, series, disagreements, story)
