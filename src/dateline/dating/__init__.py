"""Publication dates of documents and temporal expressions in their text."""

from .pubdate import date_document, reconcile_publication_dates
from .timex import tag_timexes

__all__ = ["date_document", "reconcile_publication_dates", "tag_timexes"]
