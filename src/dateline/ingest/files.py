"""Walk the inputs given on the command line and read each file as raw documents."""

from __future__ import annotations

import gzip
import os
import re
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..model import RawDocument
from .decode import NotText, decode_html, decode_text
from .jsonl import read_jsonl
from .validate import check_date
from .warc import read_warc

DEFAULT_MAX_BYTES = 20_000_000  # one article file larger than this is not one article

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}

# year, month and day written with one separator (or none) and standing apart from the letters and digits
# around them: "2011-03-20/", "/2011/03/20/", "20110320.txt"; not "story_2011/12_11name" (two separators,
# a day glued to a word)
_PATH_DATE = re.compile(
    r"(?<![\dA-Za-z])((?:19|20)\d\d)(?P<sep>[-_/.]?)(0[1-9]|1[0-2])(?P=sep)(0[1-9]|[12]\d|3[01])(?![\dA-Za-z])"
)


def doc_stem(path: Path) -> str:
    """The id a file gives its document: its name less every known extension."""
    name = path.name
    while True:
        stem, dot, ext = name.rpartition(".")
        if not dot or not stem:
            return name
        if ext.lower() in {"gz", "txt", "text", "md", "html", "htm", "xhtml", "shtml", "jsonl", "ndjson", "warc", "arc"}:
            name = stem
        else:
            return name


def path_date(path: str) -> str | None:
    """A publication date written in a file's path, e.g. ``InputDocs/2009-06-25/12.htm.txt``.

    The last real calendar day in the path, not after today (``2011-02-31`` is no date)."""
    found = None
    for m in _PATH_DATE.finditer(path):
        iso = f"{m.group(1)}-{m.group(3)}-{m.group(4)}"
        if check_date(iso)[0]:
            found = iso
    return found


def _kind(path: Path) -> tuple[str, bool]:
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in WARC_SUFFIXES:
        return "warc", gz
    if last in JSONL_SUFFIXES:
        return "jsonl", gz
    if last in HTML_SUFFIXES:
        return "html", gz
    if last in TEXT_SUFFIXES:
        return "text", gz
    return "unknown", gz


class _Unwalkable(Path().__class__):  # type: ignore[misc]
    """A path met while walking that is not a file to read (a folder that cannot be listed, a link loop)."""

    reason: str = ""


def _unwalkable(path: str, reason: str) -> Path:
    p = _Unwalkable(path)
    p.reason = reason
    return p


def expand_inputs(inputs: list[str]) -> Iterator[Path]:
    """Files named or found (recursively, sorted) under the given paths; missing paths too.

    Symbolic links to folders are followed once: a folder reached again (a link loop, or a
    second link to it) is yielded as an unwalkable path, and so is a folder that cannot be
    listed, so that reading it records why instead of dropping it silently."""
    for item in inputs:
        p = Path(item)
        if not p.is_dir():
            yield p
            continue
        seen: dict[str, str] = {}
        failed: list[OSError] = []
        for root, dirs, files in os.walk(p, onerror=failed.append, followlinks=True):
            real = os.path.realpath(root)
            if real in seen:
                dirs[:] = []
                yield _unwalkable(root, f"a folder already read as {seen[real]} (symbolic link loop or second link)")
                continue
            seen[real] = root
            while failed:
                err = failed.pop(0)
                yield _unwalkable(err.filename or root, f"unreadable folder ({err.strerror or err})")
            dirs.sort()
            for f in sorted(files):
                if f.startswith("."):
                    continue
                yield Path(root) / f
        for err in failed:
            yield _unwalkable(err.filename or str(p), f"unreadable folder ({err.strerror or err})")


def _read_bytes(path: Path, gz: bool, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if not gz and size > max_bytes:
        raise ValueError(f"too large ({size / 1e6:.0f} MB > limit {max_bytes / 1e6:.0f} MB)")
    if gz:
        with gzip.open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ValueError(f"too large (over {max_bytes / 1e6:.0f} MB uncompressed)")
        return data
    with open(path, "rb") as fh:
        return fh.read()


def _sniff_kind(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html") or b"<body" in head or b"<head" in head:
        return "html"
    return "text"


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument]:
    """Raw documents held in one file; a file that cannot be read gives one with ``error``."""
    source = str(path)
    stem = doc_stem(path)
    kind, gz = _kind(path)
    meta = {}
    pd = path_date(source)
    if pd:
        meta["path_date"] = pd
    try:
        if isinstance(path, _Unwalkable):
            yield RawDocument(id=stem, source=source, error=path.reason, meta=meta)
            return
        if path.is_symlink() and not path.exists():
            try:
                path.resolve(strict=True)
            except RuntimeError:
                raise OSError("symbolic link loop") from None
            except OSError:
                raise OSError("broken symbolic link: no such file") from None
        if not path.exists():
            raise FileNotFoundError("no such file")
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            raise ValueError("not a regular file (a device, pipe or socket)")
        if kind == "warc":
            yield from read_warc(path, stem, max_bytes=max_bytes)
            return
        if kind == "jsonl":
            yield from read_jsonl(path, stem, gz, max_bytes=max_bytes)
            return
        data = _read_bytes(path, gz, max_bytes)
        if not data.strip():
            yield RawDocument(id=stem, source=source, error="empty file", meta=meta)
            return
        if kind == "unknown":
            kind = _sniff_kind(data)
        text, enc = decode_html(data) if kind == "html" else decode_text(data)
        meta["encoding"] = enc
        if kind == "html":
            yield RawDocument(id=stem, source=source, html=text, meta=meta)
        else:
            yield RawDocument(id=stem, source=source, text=text, meta=meta)
    except NotText as exc:
        yield RawDocument(id=stem, source=source, error=str(exc), meta=meta)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield RawDocument(id=stem, source=source, error=f"corrupt or truncated gzip ({exc})", meta=meta)
    except PermissionError:
        yield RawDocument(id=stem, source=source, error="unreadable (permission denied)", meta=meta)
    except FileNotFoundError:
        yield RawDocument(id=stem, source=source, error="unreadable (no such file)", meta=meta)
    except IsADirectoryError:
        yield RawDocument(id=stem, source=source, error="unreadable (a directory)", meta=meta)
    except (OSError, ValueError, RuntimeError) as exc:
        yield RawDocument(id=stem, source=source, error=f"unreadable ({exc.strerror if isinstance(exc, OSError) and exc.strerror else exc})", meta=meta)
