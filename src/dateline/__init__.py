"""dateline: turn a pile of news articles about one story into a dated, source-cited account."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1"
