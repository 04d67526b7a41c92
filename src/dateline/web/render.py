"""The Jinja2 environment shared by the web app and the single-file HTML export.

Autoescape is on for every template, so article text, titles and labels are always
escaped. Links go through a ``Linker`` so the same templates serve both the web pages
(``/doc/ID``) and the one-file export (``#doc-ID``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode

import jinja2

from .. import __version__
from .charts import focus_points, label_points, map_points, map_viewbox, series_chart
from .highlight import pieces
from .story import Story, claim_value
from .worldmap import land_path


class Linker:
    """URLs of the web app; ``prefix``: where the app is mounted (one story of a pile: ``/s/<id>``)."""

    single_file = False

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix.rstrip("/")

    def __call__(self, kind: str, ident: str | None = None, at: int | None = None, **query: str | None) -> str:
        path = {"story": "/", "entities": "/entities", "map": "/map", "figures": "/figures",
                "disagreements": "/disagreements", "search": "/search", "documents": "/documents",
                "events": "/events", "stories": "/stories"}.get(kind)
        if path is None:
            path = f"/{kind}/{quote(str(ident), safe='')}"
        if kind != "stories":  # the pile's story list is the top app's
            path = self.prefix + path
        q = {k: v for k, v in query.items() if v}
        url = path + ("?" + urlencode(q) if q else "")
        if at is not None:
            url += f"#at-{at}"
        return url


class AnchorLinker(Linker):
    """In-page anchors of the single-file export."""

    single_file = True

    def __call__(self, kind: str, ident: str | None = None, at: int | None = None, **query: str | None) -> str:
        if ident is None:
            return "#summary" if kind == "story" else f"#{kind}"
        anchor = f"{kind}-{anchor_id(str(ident))}"
        if kind == "doc" and at is not None:
            return f"#{anchor}-at-{at}"
        return f"#{anchor}"


def anchor_id(ident: str) -> str:
    """An HTML id fragment for any document/entity id (ids are file stems: anything goes)."""
    return quote(ident, safe="").replace("%", "_")


def plural(n: int, word: str) -> str:
    """``1 mention``, ``2 mentions``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja environment of the web templates (built once, autoescaping everything)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dateline.web", "templates"),
        autoescape=True,  # every template, whatever its extension
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        pieces=pieces,
        series_chart=series_chart,
        map_points=map_points,
        map_viewbox=map_viewbox,
        label_points=label_points,
        focus_points=focus_points,
        land_path=land_path,
        claim_value=claim_value,
        anchor_id=anchor_id,
        plural=plural,
        version=__version__,
    )
    return env


def render_page(template: str, story: Story, linker: Linker | None = None, **context: Any) -> str:
    """One template rendered over the story, with ``linker`` building the links."""
    env = environment()
    return env.get_template(template).render(story=story, report=story.report, url=linker or Linker(), **context)
