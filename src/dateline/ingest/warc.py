"""WARC / WARC.gz: HTTP response records holding HTML become documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import RawDocument
from .decode import NotText, decode_html


def read_warc(path: Path, stem: str) -> Iterator[RawDocument]:
    source = str(path)
    n = 0
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in ctype.lower():
                    continue
                n += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                rid = record.rec_headers.get_header("WARC-Record-ID") or f"{stem}-{n}"
                date = record.rec_headers.get_header("WARC-Date")
                doc_id = url or rid
                try:
                    body = record.content_stream().read()
                    missing = getattr(record.raw_stream, "limit", 0)
                    if missing:
                        yield RawDocument(id=doc_id, source=url or source, url=url,
                                          error=f"truncated WARC record ({missing} of {record.length} bytes missing)")
                        continue
                    html, enc = decode_html(body)
                except NotText as exc:
                    yield RawDocument(id=doc_id, source=url or source, url=url, error=str(exc))
                    continue
                except Exception as exc:  # a broken record must not end the archive
                    yield RawDocument(id=doc_id, source=url or source, url=url, error=f"unreadable WARC record ({exc})")
                    continue
                yield RawDocument(
                    id=doc_id, source=url or source, html=html, url=url,
                    meta={"warc_file": source, "warc_date": date, "encoding": enc},
                )
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield RawDocument(id=f"{stem}-{n + 1}", source=source, error=f"corrupt or truncated WARC after {n} records ({exc})")
        return
    if n == 0:
        yield RawDocument(id=stem, source=source, error="no HTML response records in WARC")
