"""Scorers behind ``dateline evaluate KIND``: each module has ``add_arguments`` and ``run``.

Every evaluator runs its articles through ``pipeline.analyze_documents`` / ``analyze_story`` (the
declared stages of ``dateline analyze``), disabling only stages it does not score.
``analyze_documents_cached`` is that same call with the per-document results kept on disk.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Document, RawDocument
    from ..settings import Settings

CACHE_ROOT = Path(os.environ.get("DATELINE_CACHE", Path.home() / ".cache" / "dateline"))
# Parts of the package phase 1 does not run (their changes keep the cache valid).
_NOT_PHASE1 = ("evaluate", "web", "store", "export", "scale")


def phase1_code_key() -> str:
    """Hash of the package's source that the per-document stages may run, and the spaCy model names."""
    from .. import __version__
    from ..nlp import MODEL_NAMES

    pkg = Path(__file__).resolve().parent.parent
    h = hashlib.sha256((__version__ + "\0" + ",".join(MODEL_NAMES)).encode())
    for p in sorted(pkg.rglob("*.py")):
        if p.relative_to(pkg).parts[0] in _NOT_PHASE1:
            continue
        h.update(str(p.relative_to(pkg)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _raw_key(raw: RawDocument) -> bytes:
    parts = (raw.id, raw.source, raw.text, raw.html, raw.title, raw.published, raw.url, raw.error,
             json.dumps(raw.meta, sort_keys=True, default=str))
    return b"\x00".join((p or "").encode("utf-8", "replace") for p in parts)


def analyze_documents_cached(raws: Iterable[RawDocument], name: str, *, settings: Settings | None = None,
                             disable: Collection[str] = (), use_cache: bool = True) -> list[Document]:
    """``pipeline.analyze_documents(raws, settings=..., disable=...)``, cached under
    ``~/.cache/dateline/<name>/`` on the inputs, the phase-1 code, the settings and ``disable``."""
    from ..model import document_from_dict, to_dict
    from ..pipeline import analyze_documents
    from ..settings import Settings
    from ..stages import parse_disable

    raws = list(raws)
    settings = settings or Settings()
    disable = tuple(sorted(parse_disable(disable)))
    h = hashlib.sha256(phase1_code_key().encode())
    h.update(settings.fingerprint().encode())
    h.update(",".join(disable).encode())
    for r in raws:
        h.update(hashlib.sha256(_raw_key(r)).digest())
    path = CACHE_ROOT / name / f"{h.hexdigest()[:24]}.json"
    if use_cache and path.exists():
        return [document_from_dict(d) for d in json.loads(path.read_text(encoding="utf-8"))]
    docs = analyze_documents(raws, settings=settings, disable=disable)
    if use_cache:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(to_dict(docs)), encoding="utf-8")
        tmp.replace(path)
    return docs
