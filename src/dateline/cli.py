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
    from .model import Document, Report
    from .pipeline import AnalyzeOptions
    from .stories import StoryPartition

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
    "fnc1": ("dateline.evaluate.fnc1", "stance model (agree/disagree/discuss/unrelated) on FNC-1 competition test, FNC-1 score"),
    "stories": ("dateline.evaluate.stories", "story detection on pooled T17 folders: ARI, purity, B-cubed against the families"),
}

ANALYZE_EXAMPLES = """\
examples:
  dateline analyze examples/libya --out dateline-out
  dateline analyze articles.jsonl crawl.warc.gz pages/ --out story
  dateline analyze InputDocs/ --dates 20 --sentences 2 --query ceasefire,talks
  dateline analyze pages/ --db sqlite:///story.db --quiet
  dateline analyze pages/ --disable claims --set timeline.select.referenced=2.5
  dateline analyze pages/ --config my-settings.toml   (see src/dateline/settings.toml, 'dateline stages')
  dateline analyze mixed-feed.jsonl --out out   (several stories: out/stories.json, out/stories/<id>/report.json)
  dateline analyze mixed-feed.jsonl --one-story (the whole input as one story, as before)
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
    p.add_argument("--sentences", type=int, default=None, metavar="K",
                   help="summary sentences per timeline date (default: timeline.sentences_per_date, 2)")
    p.add_argument("--query", default=None, metavar="WORDS", help="comma-separated keywords to focus the story")
    p.add_argument("--start", default=None, metavar="DATE", help="first date of the timeline (YYYY-MM-DD)")
    p.add_argument("--end", default=None, metavar="DATE", help="last date of the timeline (YYYY-MM-DD)")
    p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="worker processes for the per-document phase (default: run.jobs, 1)")
    p.add_argument("--dask", default=None, metavar="SCHEDULER",
                   help="run the per-document phase and the per-story phase (a task per story) on Dask: "
                        "'local' (a local cluster of --jobs processes) "
                        "or a scheduler address such as tcp://10.0.0.5:8786")
    p.add_argument("--max-bytes", type=int, default=None, metavar="B",
                   help="reject single-article files larger than this (default: 20 MB)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, only errors")
    if with_out:
        p.add_argument("--one-story", action="store_true",
                       help="analyse the whole input as one story (no story detection; also --disable stories)")
    _add_stage_args(p)


def _add_stage_args(p: argparse.ArgumentParser) -> None:
    """``--disable``, ``--config`` and ``--set``: which stages run and with which settings."""
    g = p.add_argument_group("stages and settings", "see 'dateline stages' for the stages and their settings keys")
    g.add_argument("--disable", action="append", default=[], metavar="NAME[,NAME]",
                   help="leave these stages out (their fields keep their defaults; stages needing them are "
                        "skipped with a warning); repeatable, e.g. --disable claims")
    g.add_argument("--config", default=None, metavar="FILE",
                   help="settings file (TOML, sections as in 'dateline stages --settings'); unknown keys are an error")
    g.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                   help="override one setting after --config, e.g. --set timeline.select.referenced=2.5; "
                        "repeatable; the flags --dates --sentences --query --start --end --jobs win over both")


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
              stages    list the analysis stages with what they require and assign

            Run 'dateline COMMAND --help' for the options of a command."""),
    )
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    parser.add_argument("--verbose", "-v", action="store_true", help="log what each stage does")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("analyze", help="analyse articles and write report.json", formatter_class=_Formatter,
                       description="Analyse news articles and write DIR/report.json; a pile holding several stories "
                                   "is split into them (DIR/stories.json, DIR/stories/<id>/report.json each).",
                       epilog=ANALYZE_EXAMPLES)
    _add_analyze_args(p)

    p = sub.add_parser("add", help="add articles to a story kept in a database", formatter_class=_Formatter,
                       description="Analyse new articles, skip ones already stored (same content), recompute the story.",
                       epilog="examples:\n  dateline add new-articles/ --db sqlite:///story.db\n"
                              "  nice -n 19 dateline add pile/ --db sqlite:///pile.db --documents-only   # resumable")
    _add_analyze_args(p, with_out=False)
    p.add_argument("--documents-only", action="store_true",
                   help="store the analysed documents and stop (no story rebuild): the per-document phase of a "
                        "large pile in pieces; run the same command again to continue where it stopped, then "
                        "once without this flag to build the story")
    p.add_argument("--progress-every", type=int, default=None, metavar="N",
                   help="when stderr is no terminal, print a progress line every N documents (default 100)")

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

    p = sub.add_parser("stages", help="list the analysis stages, what they need and set", formatter_class=_Formatter,
                       description="The declared composition of stages that analyze, add, every evaluator and the "
                                   "benchmarks run, in order: each stage's scope (document: once per article; story: "
                                   "once per story), the fields it requires and assigns, and its settings keys.",
                       epilog="examples:\n  dateline stages\n  dateline stages --disable entities   # what would be skipped\n"
                              "  dateline stages --settings --config my.toml --set timeline.sentences_per_date=3\n"
                              "  dateline stages --json")
    p.add_argument("--json", action="store_true", help="print the table as JSON")
    p.add_argument("--settings", action="store_true", help="also print the effective settings as TOML")
    _add_stage_args(p)

    p = sub.add_parser("bench", help="measure the speed of the stages", formatter_class=_Formatter,
                       description="Time each stage on a corpus; prints documents/second per core.")
    p.add_argument("inputs", nargs="*", default=["examples"], metavar="INPUT")
    p.add_argument("--json", action="store_true")
    _add_stage_args(p)
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


def run_documents(args: argparse.Namespace) -> tuple[list[Document], AnalyzeOptions]:
    """Read the inputs and run phase 1 on each document: the documents and the story options."""
    from .ingest import DEFAULT_MAX_BYTES, read_inputs
    from .pipeline import AnalyzeOptions, analyze_documents
    from .settings import settings_from_args
    from .stages import parse_disable, resolve_composition

    settings = settings_from_args(args)
    disable = parse_disable(args.disable)
    resolve_composition(disable)  # an unknown stage name fails before any input is read
    opts = AnalyzeOptions(timeline=settings.timeline, jobs=settings.run.jobs, settings=settings, disable=disable)
    bar = _progress(args.inputs, args.quiet)
    max_bytes = args.max_bytes or DEFAULT_MAX_BYTES
    if getattr(args, "dask", None):
        from .scale import analyze_on_dask

        docs = analyze_on_dask(args.inputs, scheduler=args.dask, workers=opts.jobs, max_bytes=max_bytes,
                               progress=(lambda n: bar.update(n)) if bar else None, settings=settings, disable=disable)
    else:
        raws = read_inputs(args.inputs, max_bytes=max_bytes)
        docs = analyze_documents(raws, jobs=opts.jobs, progress=(lambda d: bar.update(1)) if bar else None,
                                 settings=settings, disable=disable)
    if bar:
        bar.close()
    return docs, opts


def run_analysis(args: argparse.Namespace) -> Report:
    """Read the inputs, run phase 1 on each document and phase 2 on them as one story: the report."""
    from .pipeline import analyze_story

    docs, opts = run_documents(args)
    if not args.quiet:
        print("building the story...", file=sys.stderr)
    return analyze_story(docs, opts)


def run_stories(args: argparse.Namespace) -> tuple[StoryPartition, list[Report], AnalyzeOptions]:
    """Phase 1, story detection (unless ``--one-story``), phase 2 per story: partition and reports.

    With ``--query`` and several stories, only the story the keywords match best is analysed."""
    from .pipeline import analyze_stories, analyze_story, split_stories

    docs, opts = run_documents(args)
    one = bool(getattr(args, "one_story", False))
    query = opts.timeline.query
    if query and not one:
        part = split_stories(docs, opts.settings, disable=opts.disable)
        if len(part.stories) > 1:
            from .stories import pick_story

            story = pick_story(part, docs, query)
            if not args.quiet:
                print(f"{len(part.stories)} stories; --query picks {story.id} ({story.title})", file=sys.stderr)
            by_id = {d.id: d for d in docs}
            part.stories = [story] + [s for s in part.stories if s is not story]
            return part, [analyze_story([by_id[i] for i in story.documents], opts)], opts
    if not args.quiet:
        print("building the story...", file=sys.stderr)
    part, reports = analyze_stories(docs, opts, one_story=one, dask=getattr(args, "dask", None))
    return part, reports, opts


def write_report(report: Any, out_dir: Path, text_store: str | None = None) -> Path:
    """Write ``report.json`` into ``out_dir`` (through a temporary file, then renamed); its path.
    ``text_store``: the database holding the texts (``--db``): the file keeps metadata and spans only."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "report.json"
    tmp = path.with_suffix(".json.tmp")
    data = report.to_dict()
    if text_store:
        from .store.texts import strip_texts

        strip_texts(data, text_store)
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
    tmp.replace(path)
    return path


def write_stories(part: StoryPartition, reports: list[Report], out_dir: Path,
                  text_store: str | None = None) -> list[Path]:
    """Write the reports (one story: ``DIR/report.json``; several: ``DIR/stories/<id>/report.json``)
    and ``DIR/stories.json``; the report paths. Stories without a report (``--query``) keep ``report: null``."""
    paths = []
    several = len(part.stories) > 1
    if not part.stories:  # nothing analysed: the report of the rejected documents, as before
        paths.append(write_report(reports[0], out_dir, text_store))
    for story, report in zip(part.stories, reports, strict=False):
        report.meta["story"] = {"id": story.id, "title": story.title, "start": story.start, "end": story.end,
                                "documents": len(story.documents)}
        folder = out_dir / "stories" / story.id if several else out_dir
        paths.append(write_report(report, folder, text_store))
        story.report = paths[-1].relative_to(out_dir).as_posix()
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / "stories.json.tmp"
    tmp.write_text(json.dumps(part.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(out_dir / "stories.json")
    return paths


def cmd_analyze(args: argparse.Namespace) -> int:
    """``dateline analyze``: write the report(s) and stories.json (and save to ``--db`` when given); the exit code."""
    part, reports, opts = run_stories(args)
    out_dir = Path(args.out)
    report = reports[0]
    if len(reports) == 1 and len(part.stories) <= 1:
        documents = report.documents
    else:
        documents = [d for r in reports for d in r.documents]
    ok = sum(1 for d in documents if d.status == "ok") + len(part.unassigned)
    if args.db:
        from sqlalchemy.exc import SQLAlchemyError

        from .store import save_report
        from .store.db import NewerDatabaseError, error_line

        try:  # stored first: the report file then leaves the texts to the store (meta.text_store)
            save_report(report, args.db, partition=part, reports=reports, options=opts)
        except (SQLAlchemyError, NewerDatabaseError) as exc:
            path = write_stories(part, reports, out_dir)[0]  # the texts stay in the file: nothing is lost
            print(f"dateline analyze: report written to {path}, but not to {args.db}: {error_line(exc)}", file=sys.stderr)
            return EXIT_NOTHING_READ
        paths = write_stories(part, reports, out_dir, text_store=args.db)
    else:
        paths = write_stories(part, reports, out_dir)
    path = paths[0]
    if not args.quiet:
        if len(part.stories) > 1:
            _print_stories(part, out_dir)
        bad = len(part.rejected)
        print(f"{ok} documents analysed, {bad} rejected -> {path if len(paths) == 1 else out_dir / 'stories.json'}",
              file=sys.stderr)
        sources = {d.id: d.source for r in reports for d in r.documents}
        for d in documents:
            if d.status != "ok":
                print(f"  rejected {d.source}: {d.error}", file=sys.stderr)
        if len(part.stories) > 1:
            for r in part.rejected:
                if r["id"] not in sources:
                    print(f"  rejected {r['id']}: {r['reason']}", file=sys.stderr)
        _print_no_dates(report)
    return EXIT_OK if ok else EXIT_NOTHING_READ


def _print_stories(part: StoryPartition, out_dir: Path) -> None:
    print(f"{len(part.stories)} stories ({len(part.unassigned)} articles in none) -> {out_dir / 'stories.json'}",
          file=sys.stderr)
    for s in part.stories:
        where = s.report or "not analysed (--query picked another)"
        print(f"  {s.id} {s.start or '?'}..{s.end or '?'} {len(s.documents):5d} articles  {s.title[:60]}  [{where}]",
              file=sys.stderr)


def _print_no_dates(report: Report) -> None:
    """The run summary's lines on articles without a publication date (each with the reason)."""
    from .run_summary import no_date_lines

    for line in no_date_lines(report.documents):
        print(line, file=sys.stderr)


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


def cmd_stages(args: argparse.Namespace) -> int:
    """``dateline stages``: the stage table (and what ``--disable`` would skip); the exit code."""
    from .settings import settings_from_args, to_toml
    from .stages import parse_disable, render_stage_table, resolve_composition, stage_rows

    settings = settings_from_args(args)
    comp = resolve_composition(parse_disable(args.disable))
    rows = stage_rows()
    if args.json:
        print(json.dumps({"stages": rows, "composition": comp.meta(), "settings": settings.to_dict()}, indent=1))
        return EXIT_OK
    print(render_stage_table(rows))
    if comp.disabled or comp.skipped:
        print(f"\ndisabled: {', '.join(comp.disabled) or '-'}; skipped: {', '.join(comp.skipped) or '-'}")
        for p in comp.problems:
            print(f"  warning: {p}")
    if args.settings:
        print("\n# effective settings\n" + to_toml(settings))
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    """``dateline bench``: analyse the inputs and print throughput, overall and per stage; the exit code."""
    from .bench import run_bench
    from .settings import settings_from_args
    from .stages import parse_disable

    return run_bench(args.inputs, as_json=args.json, settings=settings_from_args(args), disable=parse_disable(args.disable))


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``dateline`` command; the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    handlers = {"analyze": cmd_analyze, "add": cmd_add, "serve": cmd_serve, "export": cmd_export, "bench": cmd_bench,
                "stages": cmd_stages}
    from .settings import SettingsError
    from .stages import CompositionError

    try:
        if args.command == "evaluate":
            return cmd_evaluate(args, parser)
        return handlers[args.command](args)
    except (SettingsError, CompositionError) as exc:
        print(f"dateline {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
