"""Local web UI: ``dateline serve REPORT.json`` or ``dateline serve --db URL``."""

from __future__ import annotations

import sys

from .app import app_for, create_app, load_report_file

__all__ = ["create_app", "load_report_file", "serve"]


def serve(report_path: str | None = None, db_url: str | None = None, host: str = "127.0.0.1",
          port: int = 8000) -> int:
    """Run the web UI until interrupted (binds 127.0.0.1 unless told otherwise)."""
    import uvicorn

    try:
        app = app_for(report_path, db_url)
    except (OSError, ValueError) as exc:
        print(f"dateline serve: cannot open the story: {exc}", file=sys.stderr)
        return 1
    print(f"dateline: serving on http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning")
    return 0
