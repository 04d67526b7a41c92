"""The FastAPI app: server-rendered pages over one report (from report.json or a database)."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from ..model import Report, report_from_file
from .pile import StorySource, mount_stories
from .render import Linker, render_page
from .story import SearchResults, Snippet, Story

log = logging.getLogger(__name__)

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

SearchFn = Callable[[str, int], list[Any]]


def load_report_file(path: str | Path) -> Report:
    """The report in a report.json file."""
    return report_from_file(path)


def create_app(report: Report, search: SearchFn | None = None,
               refresh: Callable[[], Report | None] | None = None,
               stories: Callable[[], Any] | None = None, prefix: str = "",
               story_source: StorySource | None = None) -> FastAPI:
    """The web UI over one report. ``search(q, limit)`` (e.g. the store's full-text search)
    replaces the in-memory search over article texts when given; ``refresh()`` is asked
    before each page and returns a newer report when the source changed (else None);
    ``stories()`` gives the stories of the pile (a ``stories.StoryPartition`` or the
    ``stories.json`` dict; None: none known) for ``/stories``; ``story_source``: the report of each
    story of the pile, each opened at ``/s/<story id>/`` (an app of its own, links under that
    ``prefix``)."""
    holder = {"story": Story(report)}

    def current() -> Story:
        if refresh is not None:
            newer = refresh()
            if newer is not None:
                holder["story"] = Story(newer)
        return holder["story"]
    app = FastAPI(title="dateline", docs_url=None, redoc_url=None, openapi_url=None)
    static_dir = resources.files("dateline.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    linker = Linker(prefix)
    if story_source is not None:
        mount_stories(app, story_source, lambda report, sub: create_app(report, prefix=sub))

    def page(template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(render_page(template, holder["story"], linker, **ctx), status_code=status)

    def not_found(what: str, ident: str) -> HTMLResponse:
        return page("notfound.html", 404, what=what, ident=ident)

    @app.get("/", response_class=HTMLResponse)
    def story_page(start: str | None = None, end: str | None = None, entity: str | None = None,
                   source: str | None = None, outlet: str | None = None) -> HTMLResponse:
        story = current()
        filters = {"start": start, "end": end, "entity": entity, "source": source, "outlet": outlet}
        return page("story.html", entries=story.timeline(start, end, entity, source, outlet), filters=filters)

    @app.get("/events", response_class=HTMLResponse)
    def events_page(start: str | None = None, end: str | None = None, entity: str | None = None,
                    place: str | None = None, kind: str | None = None, sources: str | None = None,
                    order: str | None = None) -> HTMLResponse:
        story = current()
        least = int(sources) if sources and sources.isdigit() else 0
        by = "sources" if order == "sources" else "date"
        filters = {"start": start, "end": end, "entity": entity, "place": place, "kind": kind,
                   "sources": str(least) if least else "", "order": by}
        return page("events.html", events=story.event_list(start, end, entity, place, kind, least, by),
                    filters=filters)

    @app.get("/documents", response_class=HTMLResponse)
    def documents_page() -> HTMLResponse:
        current()
        return page("documents.html")

    @app.get("/doc/{doc_id:path}", response_class=HTMLResponse)
    def doc_page(doc_id: str, focus: str | None = None, q: str | None = None) -> HTMLResponse:
        doc = current().docs.get(doc_id)
        if doc is None:
            return not_found("article", doc_id)
        return page("doc.html", doc=doc, focus=focus, query=q, extra_marks=holder["story"].query_marks(doc_id, q))

    @app.get("/event/{event_id:path}", response_class=HTMLResponse)
    def event_page(event_id: str) -> HTMLResponse:
        ev = current().events.get(event_id)
        if ev is None:
            return not_found("event", event_id)
        return page("event.html", ev=ev)

    @app.get("/entity/{entity_id:path}", response_class=HTMLResponse)
    def entity_page(entity_id: str) -> HTMLResponse:
        ent = current().entities.get(entity_id)
        if ent is None:
            return not_found("entity", entity_id)
        return page("entity.html", ent=ent, mention_limit=100)

    @app.get("/entities", response_class=HTMLResponse)
    def entities_page() -> HTMLResponse:
        current()
        return page("entities.html")

    @app.get("/map", response_class=HTMLResponse)
    def map_page() -> HTMLResponse:
        current()
        return page("map.html")

    @app.get("/figures", response_class=HTMLResponse)
    def figures_page() -> HTMLResponse:
        current()
        return page("figures.html")

    @app.get("/disagreements", response_class=HTMLResponse)
    def disagreements_page() -> HTMLResponse:
        current()
        return page("disagreements.html")

    @app.get("/search", response_class=HTMLResponse)
    def search_page(q: str = "", limit: int = 50) -> HTMLResponse:
        limit = max(1, min(limit, 500))
        story = current()
        results = story.search(q, limit)
        if search is not None and q.strip():
            results.documents = _store_hits(story, search(q, limit))
        return page("search.html", query=q, results=results)

    @app.get("/stories", response_class=HTMLResponse)
    def stories_page() -> HTMLResponse:
        current()
        part = stories() if stories is not None else None
        data = part.to_dict() if hasattr(part, "to_dict") else part
        if not data:
            return not_found("stories", "of this pile")
        openable = story_source.ids() if story_source is not None else set()
        return page("stories.html", stories=data.get("stories", []), unassigned=len(data.get("unassigned", [])),
                    openable=openable)

    @app.get("/report.json")
    def report_json() -> Response:
        return Response(json.dumps(current().report.to_dict(), ensure_ascii=False), media_type="application/json")

    app.state.current = current
    return app


def _store_hits(story: Story, hits: list[Any]) -> list[Snippet]:
    """Turn the store's search hits (objects or dicts naming a document) into snippets."""
    out: list[Snippet] = []
    for h in hits:
        get = h.get if isinstance(h, dict) else (lambda k, _h=h: getattr(_h, k, None))
        doc_id = get("doc") or get("doc_id") or get("id")
        if doc_id is None:
            continue
        doc_id = str(doc_id)
        snippet = str(get("snippet") or "")
        highlights = [list(h) for h in (get("highlights") or []) if len(h) == 2]
        out.append(Snippet(story.docs.get(doc_id), doc_id, snippet, "", "", 0, 0, highlights))
    return out


def app_for(report_path: str | None = None, db_url: str | None = None) -> FastAPI:
    """The app for ``dateline serve``: a report.json, or a story kept in a database."""
    if db_url:
        from .. import store

        report = store.load_report(db_url)
        search_fn = getattr(store, "search", None)
        return create_app(report, (lambda q, limit: search_fn(db_url, q, limit)) if search_fn else None,
                          refresh=_db_refresher(db_url, store.load_report),
                          stories=lambda: store.load_stories(db_url), story_source=StorySource.of_store(db_url))
    if not report_path:
        raise ValueError("give a report.json path or a database URL")
    index = _stories_json_path(Path(report_path))
    return create_app(load_report_file(report_path), stories=lambda: _stories_json(Path(report_path)),
                      story_source=StorySource.of_files(index) if index is not None else None)


def _stories_json_path(report_path: Path) -> Path | None:
    """The ``stories.json`` of the pile ``report_path`` belongs to (see ``_stories_json``); None if none."""
    for folder in (report_path.parent, report_path.parent.parent.parent):
        if (folder / "stories.json").is_file():
            return folder / "stories.json"
    return None


def _stories_json(report_path: Path) -> Any:
    """The ``stories.json`` an ``analyze`` run wrote beside the report (``DIR/report.json``) or two
    folders up (``DIR/stories/<id>/report.json``); None when there is none or it cannot be read."""
    path = _stories_json_path(report_path)
    if path is None:
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("could not read %s", path, exc_info=True)
        return None


def _db_refresher(db_url: str, load: Callable[[str], Report], every: float = 5.0) -> Callable[[], Report | None]:
    """Reload the story when the database changed (``dateline add`` while serving).

    A SQLite file is reloaded when its modification time changes; other databases are
    re-read at most every ``every`` seconds."""
    path = _sqlite_path(db_url)
    seen = {"mark": _mtime(path) if path else time.monotonic()}

    def refresh() -> Report | None:
        if path:
            mark = _mtime(path)
            if mark == seen["mark"]:
                return None
        else:
            mark = time.monotonic()
            if mark - seen["mark"] < every:
                return None
        seen["mark"] = mark
        try:
            return load(db_url)
        except Exception:  # a write in progress: keep serving what we have
            log.warning("could not reload the story from %s", db_url, exc_info=True)
            return None

    return refresh


def _sqlite_path(db_url: str) -> Path | None:
    if db_url.startswith("sqlite:///"):
        return Path(db_url[len("sqlite:///"):])
    if "://" not in db_url:
        return Path(db_url)
    return None


def _mtime(path: Path) -> float:
    """Latest change of a SQLite database, its write-ahead log included."""
    stamps = []
    for p in (path, path.with_name(path.name + "-wal")):
        try:
            stamps.append(p.stat().st_mtime_ns)
        except OSError:
            pass
    return float(max(stamps, default=0))


__all__ = ["create_app", "app_for", "load_report_file", "SearchResults"]
