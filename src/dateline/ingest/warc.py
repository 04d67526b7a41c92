"""WARC / WARC.gz: HTTP response records holding HTML become documents."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import RawDocument
from .decode import NotText, decode_html
from .validate import check_date, check_url

MAX_RECORD_BYTES = 20_000_000


def read_warc(path: Path, stem: str, max_bytes: int = MAX_RECORD_BYTES) -> Iterator[RawDocument]:
    """HTML response records of a WARC (``.gz`` too) as documents; a broken record or archive is recorded."""
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
                refused: dict[str, str] = {}
                url, why = check_url(record.rec_headers.get_header("WARC-Target-URI"))
                if why:
                    refused["url"] = why
                rid = record.rec_headers.get_header("WARC-Record-ID") or f"{stem}-{n}"
                date, why = check_date(record.rec_headers.get_header("WARC-Date"))
                if why:
                    refused["warc_date"] = why
                doc_id = url or rid
                try:
                    body = record.content_stream().read(max_bytes + 1)
                    if len(body) > max_bytes:
                        yield RawDocument(id=doc_id, source=url or source, url=url,
                                          error=f"too large (WARC record over {max_bytes / 1e6:.0f} MB)")
                        continue
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
                    meta={"warc_file": source, "warc_date": date, "encoding": enc,
                          **({"metadata_refused": refused} if refused else {})},
                )
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
        yield RawDocument(id=f"{stem}-{n + 1}", source=source, error=f"corrupt or truncated WARC after {n} records ({exc})")
        return
    except Exception as exc:  # warcio raises AttributeError/KeyError... on some corrupt headers (found by fuzzing)
        yield RawDocument(id=f"{stem}-{n + 1}", source=source,
                          error=f"corrupt WARC after {n} records ({type(exc).__name__}: {exc})")
        return
    if n == 0:
        yield RawDocument(id=stem, source=source, error="no HTML response records in WARC")
