"""JSON Lines: one article per line (``text`` or ``html``; optional ``id``, ``url``, ``title``, ``published``).

Every line that is not blank becomes one document, ok or with its ``error``. Lines are read
with a size cap (``max_bytes``): a longer line is skipped without being held in memory whole,
and recorded as too large. Metadata fields are checked (:mod:`.validate`); a refused one is
left out and its reason kept in ``meta["metadata_refused"]``.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..model import RawDocument
from .validate import checked

MAX_LINE_BYTES = 20_000_000
_CHUNK = 1 << 20


def _lines(fh: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(line number, line or None when over the cap, its length)`` for every line of ``fh``."""
    lineno = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield lineno, line, len(line)
            continue
        size = len(line)
        del line
        while True:  # skip the rest of an over-long line, a chunk at a time
            part = fh.readline(_CHUNK)
            size += len(part)
            if not part or part.endswith(b"\n"):
                break
        yield lineno, None, size


def _record(raw: bytes) -> tuple[dict[str, Any] | None, str | None]:
    try:
        rec = json.loads(raw.decode("utf-8-sig", errors="replace"))
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON line ({exc.msg})"
    except RecursionError:
        return None, "invalid JSON line (nested too deeply)"
    if not isinstance(rec, dict):
        return None, "invalid JSON line (not an object)"
    return rec, None


def read_jsonl(path: Path, stem: str, gz: bool, max_bytes: int = MAX_LINE_BYTES) -> Iterator[RawDocument]:
    """The documents of a JSON Lines file (``.gz`` too), one per line that is not blank."""
    opener = gzip.open if gz else open
    source = str(path)
    n = 0
    try:
        with opener(path, "rb") as fh:
            for lineno, raw, size in _lines(fh, max_bytes):
                if raw is not None and not raw.strip():
                    continue
                n += 1
                rid = f"{stem}-{lineno}"
                src = f"{source}#L{lineno}"
                base_meta: dict[str, Any] = {"line": lineno, "file": source}
                if raw is None:
                    yield RawDocument(id=rid, source=src, meta=base_meta,
                                      error=f"too large (JSONL line of {size / 1e6:.1f} MB > limit {max_bytes / 1e6:.0f} MB)")
                    continue
                rec, why = _record(raw)
                if rec is None:
                    yield RawDocument(id=rid, source=src, error=why, meta=base_meta)
                    continue
                refused: dict[str, str] = {}
                published = rec.get("published")
                if published in (None, ""):
                    published = rec.get("date")
                f = checked({"id": rec.get("id"), "url": rec.get("url"), "title": rec.get("title"),
                             "published": published}, refused)
                meta = {**base_meta, **({"metadata_refused": refused} if refused else {})}
                doc_id = f["id"] or f["url"] or rid
                text, html = rec.get("text"), rec.get("html")
                if not isinstance(text, str) and not isinstance(html, str):
                    yield RawDocument(id=doc_id, source=src, meta=meta, error="JSON line has no 'text' or 'html' string")
                    continue
                yield RawDocument(
                    id=doc_id,
                    source=f["url"] or src,
                    text=text if isinstance(text, str) else None,
                    html=html if isinstance(html, str) and not isinstance(text, str) else None,
                    title=f["title"],
                    url=f["url"],
                    published=f["published"],
                    meta=meta,
                )
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        n += 1
        yield RawDocument(id=f"{stem}-L{n}", source=source, error=f"corrupt or truncated gzip after {n - 1} lines ({exc})")
    except OSError as exc:
        n += 1
        yield RawDocument(id=stem, source=source, error=f"unreadable ({exc.strerror or exc})")
    if n == 0:
        yield RawDocument(id=stem, source=source, error="empty file (no JSON lines)")
