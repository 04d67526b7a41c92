"""Command line: ``dateline analyze | add | serve | export | evaluate | bench``."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    from .model import Report

EXIT_OK, EXIT_NOTHING_READ, EXIT_USAGE = 0, 1, 2

# Evaluators: each module exposes ``add_arguments(parser)`` and ``run(args) -> int``.
EVALUATORS = {
    "cleaning": ("dateline.evaluate.cleaning", "main-text extraction vs a gold set (AEB or trafilatura-eval layout)"),
    "pubdate": ("dateline.evaluate.pubdate", "publication-date accuracy (htmldate-eval layout)"),
    "timeml": ("dateline.evaluate.timeml", "TempEval-3 temporal-expression scores on TimeML files"),
    "tls": ("dateline.evaluate.tls", "timeline summarization (tilse metrics) on T17-format folders"),
    "entities": ("dateline.evaluate.entities", "entity merge precision/recall and place accuracy on a gold file"),
    "claims": ("dateline.evaluate.claims", "claims, sources and disagreements against a gold file"),
    "pubdates-gold": ("dateline.evaluate.pubdates_gold", "publication dates against a hand-built gold file (day accuracy, nulls)"),
    "events": ("dateline.evaluate.events", "dated events and timeline entries against an events gold file"),
}

ANALYZE_EXAMPLES = """\
examples:
  dateline analyze examples/libya --out dateline-out
  dateline analyze articles.jsonl crawl.warc.gz pages/ --out story
  dateline analyze InputDocs/ --dates 20 --sentences 2 --query gaddafi,misrata
  dateline analyze pages/ --db sqlite:///story.db --quiet
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def _add_analyze_args(p: argparse.ArgumentParser, with_out: bool = True) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files or folders (searched recursively): .txt .html .htm (.gz), .jsonl, .warc(.gz)")
    if with_out:
        p.add_argument("--out", "-o", default="dateline-out", metavar="DIR",
                       help="output folder for report.json (default: ./dateline-out)")
    p.add_argument("--db", metavar="URL", default=None,
                   help="also write to a database: sqlite:///file.db or postgresql://user@host/db")
    p.add_argument("--dates", type=int, default=None, metavar="N", help="number of timeline dates (default: chosen from the story)")
    p.add_argument("--sentences", type=int, default=2, metavar="K", help="summary sentences per timeline date (default: 2)")
    p.add_argument("--query", default=None, metavar="WORDS", help="comma-separated keywords to focus the story")
    p.add_argument("--start", default=None, metavar="DATE", help="first date of the timeline (YYYY-MM-DD)")
    p.add_argument("--end", default=None, metavar="DATE", help="last date of the timeline (YYYY-MM-DD)")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="worker processes for the per-document phase (default: 1)")
    p.add_argument("--dask", default=None, metavar="SCHEDULER",
                   help="run the per-document phase on Dask: 'local' (a local cluster of --jobs processes) "
                        "or a scheduler address such as tcp://10.0.0.5:8786")
    p.add_argument("--max-bytes", type=int, default=None, metavar="B",
                   help="reject single-article files larger than this (default: 20 MB)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, only errors")


def build_parser() -> argparse.ArgumentParser:
    """The ``dateline`` argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="dateline",
        formatter_class=_Formatter,
        description=textwrap.dedent("""\
            Turn a pile of raw news articles about one story into a dated, source-cited account:
            clean text and publication dates, a timeline of events, the people, organisations and
            places, the figures and who gives them, where sources disagree, and a summary.
            Everything points back to the sentence it came from. Runs fully offline."""),
        epilog=textwrap.dedent("""\
            commands:
              analyze   articles in, DIR/report.json out
              add       add articles to a story kept in a database
              serve     browse a report or database in the local web UI
              export    report as json, markdown, csv, timelinejs, tilse or html
              evaluate  score a stage against a public benchmark
              bench     measure speed of the stages

            Run 'dateline COMMAND --help' for the options of a command."""),
    )
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    parser.add_argument("--verbose", "-v", action="store_true", help="log what each stage does")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("analyze", help="analyse articles and write report.json", formatter_class=_Formatter,
                       description="Analyse news articles about one story and write DIR/report.json.",
                       epilog=ANALYZE_EXAMPLES)
    _add_analyze_args(p)

    p = sub.add_parser("add", help="add articles to a story kept in a database", formatter_class=_Formatter,
                       description="Analyse new articles, skip ones already stored (same content), recompute the story.",
                       epilog="example:\n  dateline add new-articles/ --db sqlite:///story.db")
    _add_analyze_args(p, with_out=False)

    p = sub.add_parser("serve", help="browse a story in the local web UI", formatter_class=_Formatter,
                       description="Serve the story as local web pages (binds 127.0.0.1 unless told otherwise).",
                       epilog="examples:\n  dateline serve dateline-out/report.json\n  dateline serve --db sqlite:///story.db --port 8080")
    p.add_argument("report", nargs="?", default=None, metavar="REPORT.json")
    p.add_argument("--db", default=None, metavar="URL")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)

    p = sub.add_parser("export", help="export a report or database", formatter_class=_Formatter,
                       description="Write the story in another format.",
                       epilog="examples:\n  dateline export dateline-out/report.json --format markdown -o story.md\n"
                              "  dateline export sqlite:///story.db --format timelinejs -o timeline.json")
    p.add_argument("source", metavar="REPORT_OR_DB")
    p.add_argument("--format", "-f", required=True, choices=["json", "markdown", "csv", "timelinejs", "tilse", "html"])
    p.add_argument("--output", "-o", default=None, metavar="PATH", help="file (or folder for csv); default: stdout")
    p.add_argument("--table", default=None, choices=["events", "claims", "entities"],
                   help="csv: write this one table to a file/stdout (default: -o DIR gets all three, else events)")

    p = sub.add_parser("evaluate", help="score a stage on a benchmark", formatter_class=_Formatter,
                       description="Score one stage against gold data; --json prints one JSON object.")
    esub = p.add_subparsers(dest="kind", metavar="KIND")
    for name, (module, helptext) in EVALUATORS.items():
        ep = esub.add_parser(name, help=helptext, description=helptext, formatter_class=_Formatter)
        ep.add_argument("--json", action="store_true", help="print one JSON object")
        try:
            importlib.import_module(module).add_arguments(ep)
        except ModuleNotFoundError:
            ep.set_defaults(unavailable=True)

    p = sub.add_parser("bench", help="measure the speed of the stages", formatter_class=_Formatter,
                       description="Time each stage on a corpus; prints documents/second per core.")
    p.add_argument("inputs", nargs="*", default=["examples"], metavar="INPUT")
    p.add_argument("--json", action="store_true")
    return parser


def _progress(inputs: list[str], quiet: bool):
    """A progress bar on stderr when it is a terminal (the inputs are walked once for its total)."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=_count_hint(inputs), unit="doc", file=sys.stderr, desc="analysing")


def _count_hint(inputs: list[str]) -> int | None:
    from .ingest.files import expand_inputs

    n = 0
    for _ in expand_inputs(inputs):
        n += 1
        if n > 100_000:
            return None
    return n


def run_analysis(args: argparse.Namespace) -> Report:
    """Read the inputs, run phase 1 on each document and phase 2 on the story: the report."""
    from .events import TimelineOptions
    from .ingest import DEFAULT_MAX_BYTES, read_inputs
    from .pipeline import AnalyzeOptions, analyze_documents, analyze_story

    opts = AnalyzeOptions(
        timeline=TimelineOptions(
            max_dates=args.dates, sentences_per_date=args.sentences,
            query=[q.strip() for q in args.query.split(",") if q.strip()] if args.query else None,
            start=args.start, end=args.end,
        ),
        jobs=max(1, args.jobs),
    )
    bar = _progress(args.inputs, args.quiet)
    max_bytes = args.max_bytes or DEFAULT_MAX_BYTES
    if getattr(args, "dask", None):
        from .scale import analyze_on_dask

        docs = analyze_on_dask(args.inputs, scheduler=args.dask, workers=opts.jobs, max_bytes=max_bytes,
                               progress=(lambda n: bar.update(n)) if bar else None)
    else:
        raws = read_inputs(args.inputs, max_bytes=max_bytes)
        docs = analyze_documents(raws, jobs=opts.jobs, progress=(lambda d: bar.update(1)) if bar else None)
    if bar:
        bar.close()
    if not args.quiet:
        print("building the story...", file=sys.stderr)
    return analyze_story(docs, opts)


def write_report(report: Any, out_dir: Path) -> Path:
    """Write ``report.json`` into ``out_dir`` (through a temporary file, then renamed); its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "report.json"
    tmp = path.with_suffix(".json.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(report.to_dict(), fh, ensure_ascii=False, indent=1)
    tmp.replace(path)
    return path


def cmd_analyze(args: argparse.Namespace) -> int:
    """``dateline analyze``: write the report (and save it to ``--db`` when given); the exit code."""
    report = run_analysis(args)
    path = write_report(report, Path(args.out))
    ok = sum(1 for d in report.documents if d.status == "ok")
    bad = len(report.documents) - ok
    if args.db:
        from .store import save_report

        save_report(report, args.db)
    if not args.quiet:
        print(f"{ok} documents analysed, {bad} rejected -> {path}", file=sys.stderr)
        for d in report.documents:
            if d.status != "ok":
                print(f"  rejected {d.source}: {d.error}", file=sys.stderr)
    return EXIT_OK if ok else EXIT_NOTHING_READ


def cmd_add(args: argparse.Namespace) -> int:
    """``dateline add``: add documents to the story in the ``--db`` store; the exit code."""
    if not args.db:
        print("dateline add: --db URL is required", file=sys.stderr)
        return EXIT_USAGE
    from .store import add_documents

    return add_documents(args)


def cmd_serve(args: argparse.Namespace) -> int:
    """``dateline serve``: the web UI over a report file or a ``--db`` store; the exit code."""
    if not args.report and not args.db:
        print("dateline serve: give REPORT.json or --db URL", file=sys.stderr)
        return EXIT_USAGE
    from .web import serve

    return serve(report_path=args.report, db_url=args.db, host=args.host, port=args.port)


def cmd_export(args: argparse.Namespace) -> int:
    """``dateline export``: a report in another format; the exit code."""
    from .export import export

    return export(args.source, args.format, args.output, table=args.table)


def cmd_evaluate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``dateline evaluate KIND``: run the evaluator module of ``KIND``; its exit code."""
    if not args.kind:
        parser.parse_args(["evaluate", "--help"])
        return EXIT_USAGE
    if getattr(args, "unavailable", False):
        print(f"dateline evaluate {args.kind}: not available in this version", file=sys.stderr)
        return EXIT_USAGE
    module = importlib.import_module(EVALUATORS[args.kind][0])
    return int(module.run(args) or 0)


def cmd_bench(args: argparse.Namespace) -> int:
    """``dateline bench``: analyse the inputs and print throughput, overall and per stage; the exit code."""
    from .bench import run_bench

    return run_bench(args.inputs, as_json=args.json)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``dateline`` command; the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    handlers = {"analyze": cmd_analyze, "add": cmd_add, "serve": cmd_serve, "export": cmd_export, "bench": cmd_bench}
    try:
        if args.command == "evaluate":
            return cmd_evaluate(args, parser)
        return handlers[args.command](args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
