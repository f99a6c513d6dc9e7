"""The one CSV writer: RFC 4180, UTF-8 with BOM, formula-injection neutralised, streamed."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TextIO

from desktop_app.core.conflicts import has_conflict
from desktop_app.core.eventdates import format_date, iso_at_precision
from desktop_app.core.exporters.common import ArticleInfo, Source, sources_of
from desktop_app.core.records import EventRecord, Precision

COLUMNS = ("event_id", "date", "end_date", "precision", "title", "notes", "tags", "quote",
           "article_title", "article_outlet", "article_url", "article_published",
           "date_expression", "source_count", "date_conflict")
ATTRIBUTION_COLUMNS = ("created_by", "updated_by", "updated_at")  # by option (team projects)


class SourceLayout(Enum):
    """How an event's several sources are written."""

    ALL_IN_CELLS = "all"  # one row per event; each source cell lists them all, one per line
    ROW_PER_SOURCE = "rows"  # one row per source, the event's columns repeated
    FIRST_ONLY = "first"  # one row per event with its first source (source_count says more)
# First characters a spreadsheet runs as a formula, the full-width forms included, and what
# may stand before them and still leave a formula: blanks, invisible characters, quotes.
FORMULA_FIRST = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
_LEADING = " \t\r\n\u00a0\u200b\u200c\u200d\u2060\ufeff\"'"


_FIRST_CLASS = "[" + "".join(re.escape(c) for c in sorted(FORMULA_FIRST)) + "]"
# The two tests below in one match (an export asks it of every cell, millions of them):
# possessive runs take every leading apostrophe, or every leading blank and quote, as
# str.lstrip does.
_FORMULA = re.compile("'*+" + _FIRST_CLASS + "|["
                      + "".join(re.escape(c) for c in _LEADING) + "]*+" + _FIRST_CLASS)


def looks_like_formula(cell: str) -> bool:
    """Whether a spreadsheet might run this cell as a formula: after any leading apostrophes
    (so that the guard's own apostrophe never changes the answer), its first character, or its
    first after blanks, invisible characters and quotes."""
    return _FORMULA.match(cell) is not None


def neutralise(cell: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with an apostrophe (OWASP). Leading
    apostrophes count as removable, so "'=x" is written "''=x" and un_neutralise gives every
    cell back exactly, round trip after round trip."""
    return "'" + cell if looks_like_formula(cell) else cell


def neutralise_row(row: list[str]) -> list[str]:
    """neutralise() over a row (exports write millions of cells)."""
    match = _FORMULA.match
    return ["'" + c if match(c) else c for c in row]


def un_neutralise(cell: str) -> str:
    """Undo neutralise: remove the one apostrophe it added."""
    return cell[1:] if cell[:1] == "'" and looks_like_formula(cell) else cell


@dataclass(frozen=True)
class CsvOptions:
    """How the CSV is written (the export dialog's choices)."""

    delimiter: str = ","
    bom: bool = True
    date_style: str = "iso"  # "iso" (2021-07-05, 2021-07), "display" (Mon 5 Jul 2021), "locale"
    neutralise_formulas: bool = True
    # For "locale": how the user's locale writes a day (the GUI passes Qt's QLocale); coarser
    # precisions keep the display form.
    format_day: Callable[[date], str] | None = field(default=None, compare=False)
    sources: SourceLayout = SourceLayout.ALL_IN_CELLS
    attribution: bool = False  # who made and last changed each event, and when

    @property
    def columns(self) -> tuple[str, ...]:
        return COLUMNS + (ATTRIBUTION_COLUMNS if self.attribution else ())


def event_rows(e: EventRecord, articles: dict[int, ArticleInfo],
               options: CsvOptions = CsvOptions()) -> list[list[str]]:  # noqa: B008 (frozen)
    """The CSV rows of one event (one, or one per source), sources cited from ``articles``."""
    d = e.date
    shown: Callable[[date, Precision], str] = (iso_at_precision if options.date_style == "iso"
                                               else format_date)
    format_day = options.format_day
    if options.date_style == "locale" and format_day is not None:
        def in_locale(day: date, precision: Precision) -> str:
            return format_day(day) if precision == Precision.DAY else format_date(day, precision)
        shown = in_locale
    sources = sources_of(e, articles)
    cited = [_source_cells(s) for s in sources] or [["", "", "", "", ""]]
    head = [str(e.id), shown(d.start, d.precision),
            shown(d.end, d.precision) if d.end else "", d.precision, e.title, e.notes,
            ", ".join(e.tags)]
    tail = [d.expression, str(len(e.quotes)), "yes" if has_conflict(e) else "no"]
    if options.attribution:
        tail += [e.created_by, e.updated_by, e.updated_at.isoformat(" ", "seconds") + "Z"]
    if options.sources is SourceLayout.ROW_PER_SOURCE:
        return [head + cells + tail for cells in cited]
    if options.sources is SourceLayout.FIRST_ONLY or len(cited) == 1:
        return [head + cited[0] + tail]
    return [head + ["\n".join(column) for column in zip(*cited, strict=True)] + tail]


def _source_cells(source: Source) -> list[str]:
    a = source.article
    quote = source.quote.exact if source.quote is not None else ""
    if a is None:
        return [quote, "", "", "", ""]
    return [quote, a.title, a.outlet, a.url, a.published.isoformat() if a.published else ""]


def write_events_csv(events: Iterable[EventRecord], stream: TextIO,
                     articles: dict[int, ArticleInfo],
                     options: CsvOptions = CsvOptions()) -> int:  # noqa: B008 (frozen)
    """Write events as CSV to a text stream opened with newline=''; return the event count."""
    count = 0

    def rows() -> Iterator[list[str]]:
        nonlocal count
        for e in events:
            count += 1
            yield from event_rows(e, articles, options)

    write_csv(options.columns, rows(), stream, options.bom, options.neutralise_formulas,
              options.delimiter)
    return count


def write_csv(header: Iterable[str], rows: Iterable[list[str]], stream: TextIO,
              bom: bool = True, neutralise_formulas: bool = True, delimiter: str = ",") -> int:
    """The one CSV writer: RFC 4180 with CRLF, optional BOM and formula guard; row count."""
    if bom:
        stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n", delimiter=delimiter)
    writer.writerow(list(header))
    n = 0
    for row in rows:
        if neutralise_formulas:
            row = neutralise_row(row)
        writer.writerow(row)
        n += 1
    return n
