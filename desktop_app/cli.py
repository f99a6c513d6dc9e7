"""Headless commands over the same services as the GUI (scripting and tests).

Exit codes: 0 ok, 1 user error (bad file, bad id, quote not found), 2 internal error.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NoReturn

from desktop_app.cli_commands import COMMANDS
from desktop_app.core.errors import TimelineError
from desktop_app.core.eventdates import format_event_date
from desktop_app.core.exporters.formats import FORMATS
from desktop_app.core.limits import DEFAULT_LIMITS, HIGHEST, Limit, Limits
from desktop_app.core.locations import db_argument, unwritable_file
from desktop_app.core.project import Project, open_project
from desktop_app.core.records import LaneMode
from desktop_app.core.wording import counted, some_of

log = logging.getLogger(__name__)


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(value: object) -> str:
    """Text for the terminal: control characters (an escape sequence in a title could
    recolour, retitle or rewrite the user's terminal) are written escaped, like '\\x1b', and
    so are the bytes of a file name that are not UTF-8 ('caf\\xe9.txt'), which no stream
    could otherwise print."""
    text = str(value)
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


class _Parser(argparse.ArgumentParser):
    """A mistyped command line is the user's error: one line and status 1 (status 2 is kept
    for the program's own bugs)."""

    def error(self, message: str) -> NoReturn:
        self.exit(1, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar (shared with ``app.main`` for the GUI's own options)."""
    p = _Parser(prog="timeline-annotator",
                                description="Build dated, source-anchored timelines from news. "
                                            f"Commands: {', '.join(COMMANDS)}.")
    p.add_argument("--db", type=db_argument, metavar="FILE|URL",
                   help="project file to open or create, or a team project on a PostgreSQL "
                        "server: postgresql://USER@HOST:PORT/DATABASE (passwords from "
                        "~/.pgpass or PGPASSWORD; any libpq parameter such as sslmode=require)")
    p.add_argument("--author", metavar="NAME", default="",
                   help="the name changes are recorded under (default: the database role on a "
                        "server, else your login)")
    p.add_argument("--limit", action="append", default=[], type=_limit, metavar="KEY=N",
                   help="raise (or lower) a limit for this run, as named when a file is "
                        "refused, e.g. csv/maxRows=200000 (the settings file keeps them: "
                        "see the README)")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    imp = sub.add_parser("import", help="import article files or folders; prints ID<TAB>title")
    imp.add_argument("files", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--recursive", action="store_true", help="also import sub-folders")
    imp.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                     help="publication date (overrides what the file says)")
    imp.add_argument("--title", help="article title (overrides what the file says)")
    imp.add_argument("--dates", choices=("best", "strict", "ask"), default="best",
                     help="a file whose publication date is in doubt or missing: best takes "
                          "the best candidate and flags it as not confirmed (the default), "
                          "strict skips the file, ask asks on the terminal (a file naming no "
                          "day at all is imported undated)")
    add = sub.add_parser("add-event", help="create an event from a quote, as Ctrl+E would")
    add.add_argument("--article", type=int, required=True, metavar="ID")
    add.add_argument("--quote", required=True, help="exact text of the passage")
    sub.add_parser("list", help="print the timeline as CSV on stdout")
    sub.add_parser("events", help="print the timeline: ID, date, title, article")
    sug = sub.add_parser("suggest", help="propose one event per dated sentence not yet used")
    sug.add_argument("article", type=int, metavar="ARTICLE_ID")
    sug.add_argument("--accept-all", action="store_true", help="create all the suggestions")
    imp_ld = sub.add_parser("import-jsonld", help="create events from W3C Web Annotations")
    imp_ld.add_argument("file", type=Path)
    imp_csv = sub.add_parser("import-csv", help="update and add events from a timeline CSV")
    imp_csv.add_argument("file", type=Path)
    imp_csv.add_argument("--dry-run", action="store_true", help="only show what would change")
    imp_csv.add_argument("--skip-bad-rows", action="store_true",
                         help="import the good rows of a file with bad ones (without it, a "
                              "file with a bad row changes nothing)")
    sub.add_parser("articles", help="print the articles: ID, date, events, title")
    export = sub.add_parser("export", help="write the timeline in a format: "
                                           + ", ".join(FORMATS))
    export.add_argument("format", choices=tuple(FORMATS))
    export.add_argument("out", type=Path)
    export.add_argument("--filter", action="append", default=[], metavar="KEY=VALUE",
                        help="keep matching events: text=WORDS, tag=NAME, article=ID, "
                             "from=DATE, to=DATE (repeatable; all must hold)")
    export.add_argument("--group-by", choices=("article", "tag"), default="article",
                        help="TimelineJS groups (lanes): by article or by first tag")
    _sources_option(export)
    chart = sub.add_parser("export-chart", help="draw the timeline chart as PNG, SVG or PDF")
    chart.add_argument("out", type=Path, metavar="OUT.{png,svg,pdf}")
    chart.add_argument("--width", type=int, default=1600, help="in pixels (default 1600)")
    chart.add_argument("--lanes", type=LaneMode, choices=list(LaneMode), default=LaneMode.ARTICLE,
                       metavar="{article,tag,single}")
    chart.add_argument("--from", dest="first", type=_iso_date, metavar="YYYY-MM-DD",
                       help="first day shown (default: the first event)")
    chart.add_argument("--to", dest="last", type=_iso_date, metavar="YYYY-MM-DD",
                       help="last day shown (default: the last event)")
    chart.add_argument("--colour-by-tag", action="store_true", help="colour events by tag")
    chart.add_argument("--title", help="the title above the chart (default: the project's "
                                       "name)")
    chart.add_argument("--filter", action="append", default=[], metavar="KEY=VALUE",
                       help="keep matching events, as for export")
    copy = sub.add_parser("copy-project", help="copy a project, with every id, into a new file "
                                               "or an empty database (file <-> server)")
    copy.add_argument("source", type=db_argument, metavar="SOURCE",
                      help="project file or postgresql://... address")
    copy.add_argument("destination", type=db_argument, metavar="DESTINATION",
                      help="a new project file, or an empty database: postgresql://...")
    team = sub.add_parser("team", help="set up a team project on a PostgreSQL server")
    team_sub = team.add_subparsers(dest="team_command", required=True, parser_class=_Parser)
    init = team_sub.add_parser("init", help="create the schema and grant roles (run once, as "
                                            "the database's owner)")
    init.add_argument("url", metavar="URL", help="postgresql://OWNER@HOST/DATABASE")
    init.add_argument("--editors", action="append", default=[], metavar="ROLE",
                      help="a role that may add, change and delete (repeatable)")
    init.add_argument("--readers", action="append", default=[], metavar="ROLE",
                      help="a role that may only read and export (repeatable)")
    exp = sub.add_parser("export-csv", help="write the timeline as CSV (UTF-8 with BOM)")
    exp.add_argument("out", type=Path)
    _sources_option(exp)
    return p


def _sources_option(parser: argparse.ArgumentParser) -> None:
    from desktop_app.core.exporters.csv_export import SourceLayout

    parser.add_argument("--sources", type=SourceLayout, choices=list(SourceLayout),
                        default=SourceLayout.ALL_IN_CELLS, metavar="{all,rows,first}",
                        help="CSV: every source listed in each cell, one per line (all, the "
                             "default), one row per source (rows), or the first only (first)")
    parser.add_argument("--attribution", action="store_true",
                        help="CSV: add who made and last changed each event, and when "
                             "(created_by, updated_by, updated_at)")


READING_COMMANDS = frozenset({"list", "events", "articles", "export", "export-csv",
                              "export-chart"})


def _only_reads(args: argparse.Namespace, db: Path | str) -> bool:
    """A command that only reads, on a project file this user cannot write: open it read-only
    (listing and exporting a project on a read-only disk work; editing is refused)."""
    return args.command in READING_COMMANDS and unwritable_file(db)


def _limit(text: str) -> tuple[str, int]:
    """A --limit KEY=N: a known limit's key and a positive whole number."""
    key, _, raw = text.partition("=")
    keys = [limit.key for limit in Limit]
    if key.strip() not in keys:
        raise argparse.ArgumentTypeError(f"{key.strip()!r} is not a limit; the limits are "
                                         f"{', '.join(keys)}")
    if not (raw.strip().isascii() and raw.strip().isdigit()) or not 1 <= int(raw) <= HIGHEST:
        raise argparse.ArgumentTypeError(f"{key.strip()} needs a whole number from 1 to "
                                         f"{HIGHEST:,}, not {raw!r}")
    return key.strip(), int(raw)


def run(args: argparse.Namespace, db: Path | str, limits: Limits = DEFAULT_LIMITS) -> int:
    """Run a parsed command against a project (file or server); return the exit code.
    ``limits`` come from the settings; each --limit given overrides one of them."""
    limits = limits.changed(dict(args.limit))
    if args.command == "copy-project":
        return _copy_project(args)
    if args.command == "team":
        return _team(args)
    try:
        project = open_project(db, read_only=_only_reads(args, db), author=args.author,
                               on_wait=lambda message: print(message, file=sys.stderr))
    except TimelineError as exc:
        print(f"error: {shown(exc)}", file=sys.stderr)
        return 1
    if project.read_only and args.command not in READING_COMMANDS:
        print(f"error: {project.location}: {project.db.read_only_reason}; '{args.command}' "
              "changes it, so nothing was done", file=sys.stderr)
        project.close()
        return 1
    try:
        return _dispatch(args, project, limits)
    except TimelineError as exc:
        print(f"error: {shown(exc)}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise  # not an error: app.main ends quietly
    except Exception as exc:  # noqa: BLE001 - the last line of defence of a command-line tool
        damage = project.damage_behind(exc)  # a stored value that cannot be read?
        if damage is not None:
            print(f"error: {damage}", file=sys.stderr)
            return 1
        log.exception("internal error")
        print("internal error; see the log for the traceback", file=sys.stderr)
        return 2
    finally:
        project.close()


def _dispatch(args: argparse.Namespace, project: Project, limits: Limits) -> int:
    from desktop_app.core.exporters.csv_export import CsvOptions

    if args.command == "import":
        return _import(args, project, limits)
    if args.command == "add-event":
        e = project.events.create_from_quote_text(args.article, args.quote)
        print(f"{e.id}\t{format_event_date(e.date)}\t{shown(e.title)}")
        return 0
    if args.command == "list":
        project.exports.timeline_csv(sys.stdout)
        return 0
    if args.command == "articles":
        for a in project.articles.list():
            print(f"{a.id}\t{a.published or ''}\t{a.event_count}\t{shown(a.title)}")
        return 0
    if args.command == "import-csv":
        from desktop_app.core.importers.csv_import import read_timeline_csv

        plan = project.csv.plan(read_timeline_csv(args.file, limits))
        for p in plan.problems:
            print(f"{shown(args.file)}:{p.line}: {shown(p.reason)}", file=sys.stderr)
        unknown = plan.source.unknown_columns
        if unknown:
            print(f"{shown(args.file)}: ignored unknown "
                  f"{'column' if len(unknown) == 1 else 'columns'} "
                  f"{shown(some_of([repr(n) for n in unknown]))}", file=sys.stderr)
        if args.dry_run:
            print(f"would import: {plan.summary()}")
        elif plan.problems and not args.skip_bad_rows:
            print(f"nothing imported: {counted(len(plan.problems), 'row')} with an error "
                  "(above); correct them, or import the others with --skip-bad-rows",
                  file=sys.stderr)
        else:
            project.csv.apply(plan)
            print(f"imported: {plan.outcome()}")
        return 1 if plan.problems else 0
    if args.command == "import-jsonld":
        result = project.annotations.import_file(args.file, limits)
        for reason in result.skipped:
            print(f"{shown(args.file)}: skipped {shown(reason)}", file=sys.stderr)
        print(f"created {len(result.created)} events, skipped {len(result.skipped)}")
        return 1 if result.skipped else 0
    if args.command == "events":
        for e in project.events.iter_timeline():
            print(f"{e.id}\t{format_event_date(e.date)}\t{shown(e.title)}\t"
                  f"{shown(e.article_title)}")
        return 0
    if args.command == "suggest":
        suggestions = project.analysis.suggestions(args.article)
        if args.accept_all and suggestions:
            created = project.events.create_many(args.article,
                                                 [(s.start, s.end) for s in suggestions],
                                                 [s.date for s in suggestions])
            for e in created:
                print(f"{e.id}\t{format_event_date(e.date)}\t{shown(e.title)}")
            return 0
        for s in suggestions:
            print(f"{s.start}-{s.end}\t{format_event_date(s.date)}\t{shown(s.title)}")
        return 0
    if args.command == "export":
        from desktop_app.core.filters import parse_filter

        options = CsvOptions(sources=args.sources, attribution=args.attribution)
        return _exported(args.out, lambda out: project.exports.export(
            args.format, out, project.name, parse_filter(args.filter), args.group_by, options))
    if args.command == "export-chart":
        return _export_chart(args, project)
    if args.command == "export-csv":
        options = CsvOptions(sources=args.sources, attribution=args.attribution)
        return _exported(args.out, lambda out: project.exports.export_csv(out, options))
    raise AssertionError(args.command)


def _exported(out: Path, write: Callable[[Path], int]) -> int:
    """Export to ``out``, or to standard output for '-' (as Unix tools read it: a file named
    '-' was created instead), and say how many events were written."""
    if str(out) != "-":
        n = write(out)
        print(f"wrote {n} events to {shown(out)}", file=sys.stderr)
        return 0
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        written = Path(folder) / "export"
        n = write(written)
        with written.open("rb") as exported:
            sys.stdout.flush()
            shutil.copyfileobj(exported, sys.stdout.buffer)
    print(f"wrote {n} events to standard output", file=sys.stderr)
    return 0


def _team(args: argparse.Namespace) -> int:
    from desktop_app.core.team import init_team_project

    try:
        print(init_team_project(args.url, args.editors, args.readers), file=sys.stderr)
    except TimelineError as exc:
        print(f"error: {shown(exc)}", file=sys.stderr)
        return 1
    return 0


def _copy_project(args: argparse.Namespace) -> int:
    from desktop_app.core.copy_project import copy_project

    shown_at = [0.0]

    def progress(table: str, done: int, total: int) -> None:
        import time

        now = time.monotonic()
        if done == total or now - shown_at[0] > 0.5:  # twice a second, and each table's end
            shown_at[0] = now
            print(f"\rcopying {table}: {done:,} of {total:,} rows", end="\n" if done == total
                  else "", file=sys.stderr, flush=True)

    try:
        counts = copy_project(args.source, args.destination, progress)
    except TimelineError as exc:
        print(f"error: {shown(exc)}", file=sys.stderr)
        return 1
    print(f"copied {counts.get('articles', 0):,} articles and {counts.get('events', 0):,} "
          "events", file=sys.stderr)
    return 0


def _export_chart(args: argparse.Namespace, project: Project) -> int:
    from desktop_app.core.filters import parse_filter
    from desktop_app.gui.chart.headless import render_chart_file

    if args.first and args.last and args.first > args.last:
        print(f"error: --from {args.first.isoformat()} is after --to {args.last.isoformat()}; "
              "nothing was written", file=sys.stderr)
        return 1
    keep = parse_filter(args.filter)
    records = [r for r in project.events.list() if keep.matches(r)]
    colours = project.tags.colours() if args.colour_by_tag else {}
    n = render_chart_file(args.out, records, project.articles.list(), args.width, args.lanes,
                          args.first, args.last, colours, protected=project.path,
                          title=args.title or project.name)
    print(f"wrote a chart of {n} events to {shown(args.out)}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace, project: Project, limits: Limits) -> int:
    from desktop_app.core.services.batch_import import collect_files, import_batch

    files = collect_files(args.files, recursive=args.recursive)

    def progress(done: int, total: int, path: Path) -> bool:
        if total > 1 and done < total:
            print(f"[{done + 1}/{total}] {shown(path)}", file=sys.stderr)
        return True

    from desktop_app.cli_dates import DATE_ANSWERS

    ask = DATE_ANSWERS[args.dates]

    summary = import_batch(project.articles, files, published=args.published, title=args.title,
                           ask_date=ask, progress=progress, limits=limits)
    for article in summary.imported:
        print(f"{article.id}\t{shown(article.title)}")
    for path, r in summary.updated:
        print(f"{r.article.id}\t{shown(r.article.title)}")
        print(f"updated: {shown(path)}: replaced the text; "
              f"{counted(r.exact + r.fuzzy, 'quote')} found again, {len(r.orphaned)} kept as "
              "orphans", file=sys.stderr)
    for path, title in summary.duplicates:
        print(f"error: {shown(path)}: the same text is already in the project as {title!r}",
              file=sys.stderr)
    for _path, reason in summary.failed:
        print(f"error: {shown(reason)}", file=sys.stderr)
    for path in summary.skipped:
        print(f"skipped: {shown(path)}: no sure publication date (give --published, or "
              "--dates best or ask)", file=sys.stderr)
    for path in summary.undated:
        print(f"warning: {shown(path)}: no publication date found; the article has none "
              "(use --published to give one)", file=sys.stderr)
    return 1 if summary.failed or summary.duplicates or summary.skipped else 0

