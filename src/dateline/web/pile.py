"""Each story of a pile in the web UI: ``/s/<story id>/`` opens that story's report.

A mixed pile has one report per story (``DIR/stories/<id>/report.json`` beside ``stories.json``,
or the store's ``story_reports``). The app over the report being served mounts, at ``/s``, a
small dispatcher that builds (once, then cached) the app of the story a request names, with its
links under ``/s/<id>``, and answers 404 for a story whose report is unknown.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from ..model import Report, report_from_file

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

MAX_OPEN = 16  # story apps kept built at once (each holds its report in memory)


@dataclass
class StorySource:
    """Where the report of each story of a pile is: ``ids()`` the stories that have one, ``load(id)`` its
    report (None when the story has none)."""

    ids: Callable[[], set[str]]
    load: Callable[[str], Report | None]

    @classmethod
    def of_files(cls, index: Path) -> StorySource:
        """The reports a ``dateline analyze`` run wrote, named by its ``stories.json`` (paths relative to it)."""

        def paths() -> dict[str, Path]:
            try:
                data = json.loads(index.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return {}
            out = {}
            for s in data.get("stories") or []:
                rel = s.get("report")
                if isinstance(rel, str) and rel and (index.parent / rel).is_file():
                    out[str(s.get("id"))] = index.parent / rel
            return out

        def load(sid: str) -> Report | None:
            path = paths().get(sid)
            return report_from_file(path) if path is not None else None

        return cls(ids=lambda: set(paths()), load=load)

    @classmethod
    def of_store(cls, url: str) -> StorySource:
        """The per-story reports the store keeps (``dateline add`` on a mixed pile)."""
        from .. import store

        def ids() -> set[str]:
            import sqlalchemy as sa

            engine = store.open_db(url)
            try:
                with engine.connect() as conn:
                    return set(conn.execute(sa.select(store.rows.t.story_reports.c.story_id)).scalars())
            finally:
                engine.dispose()

        return cls(ids=ids, load=lambda sid: store.load_story_report(url, sid))


def mount_stories(app: Any, source: StorySource, build: Callable[[Report, str], Any]) -> None:
    """Mount at ``/s`` the dispatcher to each story's app (``build(report, prefix)``)."""
    app.mount("/s", _StoryApps(source, build))


class _StoryApps:
    """ASGI app: ``/s/<id>/...`` -> the app of story ``id`` (built on first use)."""

    def __init__(self, source: StorySource, build: Callable[[Report, str], Any]) -> None:
        self.source = source
        self.build = build
        self.apps: dict[str, Any] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        root = scope.get("root_path", "")
        path = scope["path"][len(root):] if scope["path"].startswith(root) else scope["path"]
        sid, slash, _ = path.lstrip("/").partition("/")
        sid = unquote(sid)
        app = self._app(sid) if sid else None
        if app is None:
            await _plain(send, 404, f"no report of story {sid!r} in this pile")
            return
        if not slash:  # /s/<id> -> /s/<id>/ so relative links resolve
            await _plain(send, 307, "", location=f"{root}/{quote(sid, safe='')}/")
            return
        child = dict(scope)
        child["root_path"] = f"{root}/{quote(sid, safe='')}"
        await app(child, receive, send)

    def _app(self, sid: str) -> Any:
        if sid in self.apps:
            return self.apps[sid]
        try:
            report = self.source.load(sid)  # None for a story with no report
        except Exception:  # an unreadable report: a 404 page, never a crash of the server
            log.warning("could not load the report of story %s", sid, exc_info=True)
            report = None
        if report is None:
            return None
        if len(self.apps) >= MAX_OPEN:
            self.apps.pop(next(iter(self.apps)))
        self.apps[sid] = self.build(report, f"/s/{quote(sid, safe='')}")
        return self.apps[sid]


async def _plain(send: Send, status: int, text: str, location: str | None = None) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8")]
    if location is not None:
        headers.append((b"location", location.encode("latin-1", "replace")))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text.encode("utf-8")})
