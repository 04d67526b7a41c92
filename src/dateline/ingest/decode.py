"""Bytes -> text: binary detection and encoding detection (UTF-8, BOMs, cp1252, latin-1)."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# Bytes that never occur in text files (C0 controls other than tab, LF, FF, CR, ESC).
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 27)) | set(range(28, 32))


class NotText(ValueError):
    """Raised when bytes are not text (binary data)."""


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    """True when the start of ``data`` is binary: NUL bytes or many control bytes."""
    head = data[:sample]
    if not head:
        return False
    for bom, _ in _BOMS[1:]:
        if head.startswith(bom):
            return False  # UTF-16/32 text legitimately holds NULs
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.02


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)``.

    Order: a BOM, strict UTF-8, the ``declared`` charset (an HTML page's own), then
    charset-normalizer restricted to the single-byte Western encodings news archives use
    (cp1252 first: it is latin-1 plus the curly quotes and dashes that latin-1 lacks).
    """
    if looks_binary(data):
        raise NotText("not text (binary)")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(data[:200_000], cp_isolation=["cp1252", "latin_1", "iso8859_15", "utf_8"]).best()
    enc = best.encoding if best is not None else "cp1252"
    if enc in ("latin_1", "iso8859_15"):
        # cp1252 decodes a superset of printable latin-1; bytes 0x80-0x9f are C1 controls in
        # latin-1 and curly quotes/dashes in cp1252, which is what Windows-made text means.
        if any(0x80 <= b <= 0x9F for b in data):
            enc = "cp1252"
    try:
        return data.decode(enc), enc
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace"), "cp1252"


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# The HTML standard reads these labels as windows-1252.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1", "cp819"}


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its start, as a Python codec name."""
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    label = m.group(1).decode("ascii", "ignore").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode an HTML page: a BOM, strict UTF-8, the page's declared charset, then detection."""
    return decode_text(data, declared_charset(data))
