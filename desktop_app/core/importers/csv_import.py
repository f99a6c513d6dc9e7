"""Read a timeline CSV (ours, edited in a spreadsheet, or hand-made) into an import plan.

Columns are matched by header name; rows with an event_id update that event, rows without one
create events; nothing is written here: the plan is shown to the user first.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from desktop_app.core.errors import DateParseError, ImportFileError
from desktop_app.core.eventdates import parse_iso, period, precision_of
from desktop_app.core.exporters.csv_export import ATTRIBUTION_COLUMNS, COLUMNS, un_neutralise
from desktop_app.core.gc_pause import gc_paused
from desktop_app.core.importers.decoding import decode_bytes
from desktop_app.core.input_files import read_input_file
from desktop_app.core.limits import DEFAULT_LIMITS, Limit, Limits
from desktop_app.core.records import EventDate
from desktop_app.core.tags import parse_tags
from desktop_app.core.wording import some_of

EDITABLE = ("date", "end_date", "precision", "title", "notes", "tags")
WRITTEN = COLUMNS + ATTRIBUTION_COLUMNS  # every column an export may write
READ_ONLY = tuple(c for c in WRITTEN if c not in EDITABLE and c != "event_id")
MAX_TITLE = 1000


@dataclass(frozen=True)
class CsvRow:
    """One data row: what it sets (None: column absent, leave unchanged)."""

    line: int
    event_id: int | None
    date: EventDate | None
    title: str | None
    notes: str | None
    tags: tuple[str, ...] | None
    # A new event's row (no event_id): a hash of its values and of how many identical rows
    # came before it in the file, so the same file imported again creates nothing twice.
    key: str = ""


@dataclass(frozen=True)
class CsvProblem:
    """A row that cannot be imported, with its line number in the file."""

    line: int
    reason: str


@dataclass(frozen=True)
class CsvFile:
    """A parsed file: good rows, problems, and columns that were ignored."""

    path: Path
    rows: tuple[CsvRow, ...]
    problems: tuple[CsvProblem, ...]
    unknown_columns: tuple[str, ...]
    ignored_columns: tuple[str, ...] = field(default=())


def read_timeline_csv(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> CsvFile:
    """Parse a CSV file; raise ImportFileError for a file that is not a usable timeline CSV."""
    path = Path(path)
    text = decode_bytes(read_input_file(path, Limit.CSV_MEGABYTES, limits), path)
    return parse_timeline_csv(text, path, limits)


# Excel's first line naming the delimiter ("sep=;"), written where the locale's differs.
_SEPARATOR_LINE = re.compile(r"\ufeff?sep=(.)\r?\n", re.IGNORECASE)


def _delimiter(text: str) -> tuple[str, bool]:
    """The delimiter, and whether a first line of its own names it ("sep=;"); otherwise
    judged by the header line only: data cells may hold anything, and the csv module's
    sniffer also guesses quoting rules, sometimes wrongly."""
    named = _SEPARATOR_LINE.match(text)
    if named:
        return named.group(1), True
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ",", False


@gc_paused()  # a row object per line, no cycles: no collection rescans them
def parse_timeline_csv(text: str, path: Path, limits: Limits = DEFAULT_LIMITS) -> CsvFile:
    """Parse CSV text (any of , ; tab | as delimiter) into rows and per-line problems.

    A file of more rows than the limit is refused before they are read: each row costs
    time and memory (300,000 took 14 s and 700 MB to import), and a half-read file is no
    timeline."""
    max_rows, max_cell = limits[Limit.CSV_ROWS], limits[Limit.CSV_CELL]
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, max_cell * 4))
    try:
        delimiter, separator_line = _delimiter(text)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            if separator_line:
                next(reader)
            header = next(reader)
        except StopIteration as exc:
            raise ImportFileError(path, "is empty") from exc
        names = [h.strip().lstrip("\ufeff").lower() for h in header]
        known = [n for n in names if n in WRITTEN]
        if "event_id" not in names and not {"date", "title"} <= set(names):
            raise ImportFileError(path, "has no event_id column and not both date and title "
                                        f"columns (found: {some_of(names) or 'none'}); is "
                                        "it a timeline CSV, with a header row?")
        rows, problems = [], []
        ended = reader.line_num  # the header's last line
        line = ended
        for count, row in enumerate(reader, 1):
            if count > max_rows:
                raise ImportFileError(path, f"has more than {max_rows:,} rows "
                                            f"({limits.stated(Limit.CSV_ROWS)}); split it")
            # The line the row starts on: a quoted cell (notes) may span several.
            line, ended = ended + 1, reader.line_num
            if not "".join(row).strip():  # a blank row
                continue
            if len(row) > len(names):
                problems.append(CsvProblem(line, f"{len(row)} cells but {len(names)} columns "
                                                 "(a wrong delimiter or an unquoted comma?)"))
                continue
            cells = dict(zip(names, row, strict=False))
            try:
                rows.append(_row(line, cells, limits))
            except (DateParseError, ValueError) as exc:
                problems.append(CsvProblem(line, str(exc)))
        if ended > line and _ends_inside_quotes(text, line, reader.dialect.delimiter):
            raise ImportFileError(path, f"line {line}: a quoted cell opens there and is never "
                                        "closed, so every line after it would be read as that "
                                        "one cell; close the quote (a quote inside a quoted "
                                        "cell is written twice)")
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):  # the csv module's own stop
            raise ImportFileError(path, f"line {reader.line_num}: a cell holds more than "
                                        f"{csv.field_size_limit():,} characters "
                                        f"({limits.stated(Limit.CSV_CELL)})") from exc
        raise ImportFileError(path, f"is not valid CSV near line {reader.line_num} ({exc})") \
            from exc
    finally:
        csv.field_size_limit(old_limit)
    unknown = tuple(n for n in names if n and n not in WRITTEN)
    ignored = tuple(n for n in known if n in READ_ONLY)
    rows = _keyed(_one_row_per_event(rows, problems))
    return CsvFile(path, tuple(rows), tuple(problems), unknown, ignored)


def _ends_inside_quotes(text: str, line: int, delimiter: str) -> bool:
    """Whether the row starting on ``line`` (the last, spanning several lines) runs to the
    end of the file inside a quoted cell. The lenient reader takes the rest of the file as
    that cell; read strictly from its first line, the row cannot end."""
    lines = io.StringIO(text, newline="")
    for _ in range(line - 1):
        lines.readline()
    try:
        for _row in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


# json.dumps(..., ensure_ascii=False), made once: the keys stored in projects are these bytes.
_KEY_JSON = json.JSONEncoder(ensure_ascii=False)


def _keyed(rows: list[CsvRow]) -> list[CsvRow]:
    """New events' rows with their import keys (identical rows get keys 1, 2, 3...)."""
    seen: dict[str, int] = {}
    out = []
    for row in rows:
        if row.event_id is not None:
            out.append(row)
            continue
        d = row.date
        values = _KEY_JSON.encode([d.start.isoformat() if d else "", d.precision.value if d else "",
                             d.end.isoformat() if d and d.end else "", row.title or "",
                             row.notes or "", list(row.tags or ())])
        seen[values] = seen.get(values, 0) + 1
        digest = hashlib.sha256(f"{values}#{seen[values]}".encode()).hexdigest()
        # (the constructor, not dataclasses.replace: a third of the time, 100,000 times)
        out.append(CsvRow(row.line, None, d, row.title, row.notes, row.tags, digest))
    return out


def _one_row_per_event(rows: list[CsvRow], problems: list[CsvProblem]) -> list[CsvRow]:
    """An export with one row per source repeats each event's row: the repeats are one edit.
    Rows of one event that disagree are a problem, reported on the later line."""
    first: dict[int, CsvRow] = {}
    kept = []
    for row in rows:
        if row.event_id is None:
            kept.append(row)
            continue
        seen = first.get(row.event_id)
        if seen is None:
            first[row.event_id] = row
            kept.append(row)
        elif replace(seen, line=row.line) != row:
            problems.append(CsvProblem(row.line, f"event {row.event_id} is also on line "
                                                 f"{seen.line}, with other values"))
    return kept


def _row(line: int, cells: dict[str, str], limits: Limits) -> CsvRow:
    max_cell = limits[Limit.CSV_CELL]  # once a row, not once a cell
    for name, cell in cells.items():
        if len(cell) > max_cell:
            raise ValueError(f"the {name} cell is too large ({len(cell):,} characters; "
                             f"{limits.stated(Limit.CSV_CELL)})")
    raw_id = cells.get("event_id", "").strip()
    event_id = None
    if raw_id:
        if not (raw_id.isascii() and raw_id.isdigit()) or len(raw_id) > 18:
            raise ValueError(f"event_id {raw_id!r} is not a number (digits 0-9 only)")
        event_id = int(raw_id)
    title = un_neutralise(cells["title"]).strip() if "title" in cells else None
    if title is not None and len(title) > MAX_TITLE:
        raise ValueError(f"the title is too long ({len(title):,} characters; the limit is "
                         f"{MAX_TITLE:,})")
    if event_id is None and not title:
        raise ValueError("a new event (no event_id) needs a title")
    notes = un_neutralise(cells["notes"]) if "notes" in cells else None
    tags = parse_tags(un_neutralise(cells["tags"])) if "tags" in cells else None
    when = _date(cells) if "date" in cells else None
    if event_id is None and when is None:
        raise ValueError("a new event (no event_id) needs a date")
    return CsvRow(line, event_id, when, title, notes, tags)


def _date(cells: dict[str, str]) -> EventDate | None:
    raw = un_neutralise(cells.get("date", "")).strip()
    if not raw:
        return None
    start, precision = parse_iso(raw)
    wanted = cells.get("precision", "").strip().lower()
    if wanted:
        precision = precision_of(wanted)  # ValueError names a precision that is not one
        start = period(start, precision)[0]
    end: date | None = None
    raw_end = un_neutralise(cells.get("end_date", "")).strip()
    if raw_end:
        end = parse_iso(raw_end)[0]
        if end < start:
            raise ValueError(f"end_date {raw_end} is before date {raw}")
    first, last = period(start, precision)
    return EventDate(start=start, precision=precision, end=end, earliest=first,
                     latest=period(end, precision)[1] if end else last,
                     expression="", rule="imported from CSV")
