"""``dateline export ... --format html``: the whole story as one self-contained HTML file.

Reuses the web UI's templates; links become in-page anchors, the stylesheet is inlined,
the map and charts are inline SVG, and there is no script: the file opens offline.
"""

from __future__ import annotations

from importlib import resources

from ..model import Report
from ..web.render import AnchorLinker, render_page
from ..web.story import Story

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def render(report: Report) -> str:
    """The report as a single HTML document (every asset inline, nothing fetched)."""
    css = resources.files("dateline.web").joinpath("static", "style.css").read_text(encoding="utf-8")
    story = Story(report)
    entries = story.timeline()
    html = render_page("single.html", story, AnchorLinker(), inline_css=css, entries=entries, filters={},
                       focus=None, mention_limit=5)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
    return html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n' + meta, 1)
