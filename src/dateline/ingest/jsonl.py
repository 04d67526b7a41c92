"""JSON Lines: one article per line (``text`` or ``html``; optional ``id``, ``url``, ``title``, ``published``)."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..model import RawDocument

MAX_LINE_BYTES = 50_000_000


def _str_or_none(v: object) -> str | None:
    if v is None:
        return None
    return str(v)


def read_jsonl(path: Path, stem: str, gz: bool) -> Iterator[RawDocument]:
    opener = gzip.open if gz else open
    source = str(path)
    n = 0
    try:
        with opener(path, "rb") as fh:
            for lineno, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                n += 1
                rid = f"{stem}-{lineno}"
                src = f"{source}#L{lineno}"
                if len(raw) > MAX_LINE_BYTES:
                    yield RawDocument(id=rid, source=src, error="too large (JSONL line over 50 MB)")
                    continue
                try:
                    rec = json.loads(raw.decode("utf-8-sig", errors="replace"))
                except json.JSONDecodeError as exc:
                    yield RawDocument(id=rid, source=src, error=f"invalid JSON line ({exc.msg})")
                    continue
                if not isinstance(rec, dict):
                    yield RawDocument(id=rid, source=src, error="invalid JSON line (not an object)")
                    continue
                text, html = rec.get("text"), rec.get("html")
                if not isinstance(text, str) and not isinstance(html, str):
                    yield RawDocument(id=_str_or_none(rec.get("id")) or rid, source=src,
                                      error="JSON line has no 'text' or 'html' string")
                    continue
                url = _str_or_none(rec.get("url"))
                yield RawDocument(
                    id=_str_or_none(rec.get("id")) or url or rid,
                    source=url or src,
                    text=text if isinstance(text, str) else None,
                    html=html if isinstance(html, str) and not isinstance(text, str) else None,
                    title=_str_or_none(rec.get("title")),
                    url=url,
                    published=_str_or_none(rec.get("published") or rec.get("date")),
                    meta={"line": lineno, "file": source},
                )
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield RawDocument(id=f"{stem}-L{n + 1}", source=source, error=f"corrupt or truncated gzip after {n} lines ({exc})")
    except OSError as exc:
        yield RawDocument(id=stem, source=source, error=f"unreadable ({exc.strerror or exc})")
    if n == 0:
        yield RawDocument(id=stem, source=source, error="empty file (no JSON lines)")
