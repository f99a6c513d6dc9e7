"""Event dates: precision, display, ISO form, and conversion from the temporal engine's output."""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desktop_app.core.errors import DateParseError
from desktop_app.core.records import DOUBT_SEPARATOR, UNSURE_MARK, EventDate, Precision
from desktop_app.core.temporal.calendar import fmt_day, month_end, month_name, value_bounds

if TYPE_CHECKING:  # the engine's records: not imported on the way to the window's first paint
    from desktop_app.core.temporal.model import Reading, TemporalExpression

PRECISIONS = tuple(Precision)  # finest first
_BY_VALUE = {p.value: p for p in Precision}
_GRANULARITY_TO_PRECISION = {
    "day": Precision.DAY, "time": Precision.DAY, "week": Precision.WEEK,
    "weekend": Precision.WEEK, "month": Precision.MONTH, "quarter": Precision.QUARTER,
    "year": Precision.YEAR, "decade": Precision.DECADE,
}


def precision_of(value: str) -> Precision:
    """A stored or typed precision ("month") as the enum; ValueError names a bad value."""
    found = _BY_VALUE.get(value)
    if found is None:
        raise ValueError(f"{value!r} is not a precision ({', '.join(PRECISIONS)})")
    return found


def period(start: date, precision: Precision) -> tuple[date, date]:
    """The first and last day of the period starting at ``start`` at a precision."""
    if precision == Precision.WEEK:
        monday = start - timedelta(days=start.weekday())
        # The calendar's last week ends with its last day (9999-12-31 is a Friday).
        short = date.max - monday < timedelta(days=6)
        return monday, date.max if short else monday + timedelta(days=6)
    if precision == Precision.MONTH:
        return start.replace(day=1), month_end(start.year, start.month)
    if precision == Precision.QUARTER:
        first_month = 3 * ((start.month - 1) // 3) + 1
        return date(start.year, first_month, 1), month_end(start.year, first_month + 2)
    if precision == Precision.YEAR:
        return date(start.year, 1, 1), date(start.year, 12, 31)
    if precision == Precision.DECADE:
        y = start.year // 10 * 10
        return date(max(y, 1), 1, 1), date(y + 9, 12, 31)
    return start, start


def at_precision(event_date: EventDate, precision: Precision | str) -> EventDate:
    """The same date viewed at another precision (start snapped to the period's first day)."""
    try:
        wanted = precision_of(precision)
    except ValueError:
        raise DateParseError(f"unknown precision {precision!r}; use one of "
                             f"{', '.join(PRECISIONS)}") from None
    first, last = period(event_date.start, wanted)
    return EventDate(start=first, precision=wanted, end=event_date.end, earliest=first,
                     latest=last, expression=event_date.expression, rule=event_date.rule,
                     anchor=event_date.anchor, assumed=event_date.assumed)


def from_reading(reading: Reading, expression: str, anchor: date | None,
                 assumed: bool = False) -> EventDate:
    """Convert an engine reading to an event date; coarse periods become ranges."""
    if reading.earliest is None or reading.latest is None:
        raise DateParseError(f"{expression!r} does not name a calendar date")
    precision = _GRANULARITY_TO_PRECISION.get(reading.granularity)
    bounds = value_bounds(reading.value.split("T")[0]) if precision else None
    if precision and bounds:
        start, end = bounds[0], None
    else:
        precision, start = Precision.DAY, reading.earliest
        end = reading.latest if reading.latest != reading.earliest else None
    return EventDate(start=start, precision=precision, end=end, earliest=reading.earliest,
                     latest=reading.latest, expression=expression, rule=reading.explanation,
                     anchor=anchor, assumed=assumed)


def from_expression(expr: TemporalExpression, expression: str | None = None,
                    assumed: bool = False) -> EventDate:
    """Convert an engine expression, keeping its alternatives as alternative event dates."""
    phrase = expression or expr.text
    if expr.bounds is not None:
        return _from_range(expr, phrase, assumed)
    main = from_reading(expr.reading(), phrase, expr.anchor, assumed)
    alts = []
    for alt in expr.alternatives:
        try:
            alts.append(from_reading(alt, phrase, expr.anchor, assumed))
        except DateParseError:
            continue
    return EventDate(main.start, main.precision, main.end, main.earliest, main.latest,
                     main.expression, with_doubts(main.rule, expr.flags), main.anchor,
                     main.assumed, tuple(alts))


def with_doubts(reason: str, doubts: tuple[str, ...]) -> str:
    """An event date's rule: the reason, then why the engine is unsure of it, if it is."""
    return reason + UNSURE_MARK + DOUBT_SEPARATOR.join(doubts) if doubts else reason


def reworded(d: EventDate, reason: str) -> EventDate:
    """The same date with another reason, keeping its doubts."""
    from dataclasses import replace

    return replace(d, rule=with_doubts(reason, d.doubts))


def _from_range(expr: TemporalExpression, phrase: str, assumed: bool) -> EventDate:
    """A range event: both ends at the coarser of their precisions ('from 5 July to
    August' is July to August), so the range claims no more than the text says."""
    assert expr.bounds is not None
    first, last = (from_reading(b, phrase, expr.anchor, assumed) for b in expr.bounds)
    precision = max(first.precision, last.precision, key=PRECISIONS.index)
    start = period(first.start, precision)[0]
    end = period(last.start, precision)[0]
    return EventDate(start=start, precision=precision, end=end if end != start else None,
                     earliest=first.earliest, latest=last.latest, expression=phrase,
                     rule=with_doubts(expr.explanation, expr.flags), anchor=expr.anchor,
                     assumed=assumed)


def format_date(d: date, precision: Precision) -> str:
    """Display form at a precision: 'Mon 5 Jul 2021', 'July 2021', 'Q3 2021', '2021', '2020s'."""
    if precision == Precision.WEEK:
        iso = d.isocalendar()
        return f"Week {iso[1]}, {iso[0]}"
    if precision == Precision.MONTH:
        return f"{month_name(d.month)} {d.year}"
    if precision == Precision.QUARTER:
        return f"Q{(d.month + 2) // 3} {d.year}"
    if precision == Precision.YEAR:
        return str(d.year)
    if precision == Precision.DECADE:
        return f"{d.year // 10 * 10}s"
    return fmt_day(d)


def format_event_date(event_date: EventDate) -> str:
    """Display form of an event date, with its end when it is a range."""
    text = format_date(event_date.start, event_date.precision)
    if event_date.end is not None and event_date.end != event_date.start:
        text += " – " + format_date(event_date.end, event_date.precision)
    return text


def iso_at_precision(d: date, precision: Precision) -> str:
    """ISO 8601 at a precision: 2021-07-05, 2021-W27, 2021-07, 2021-Q3, 2021, 202X."""
    if precision == Precision.WEEK:
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if precision == Precision.MONTH:
        return f"{d.year:04d}-{d.month:02d}"
    if precision == Precision.QUARTER:
        return f"{d.year:04d}-Q{(d.month + 2) // 3}"
    if precision == Precision.YEAR:
        return f"{d.year:04d}"
    if precision == Precision.DECADE:
        return f"{d.year // 10:03d}X"
    return d.isoformat()


@functools.cache
def _iso_forms() -> tuple[tuple[re.Pattern[str], Precision], ...]:
    """Compiled on first use: start-up never parses ISO dates."""
    return (
        (re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$"),
         Precision.DAY),
        (re.compile(r"^(\d{4})-W(\d{2})$"), Precision.WEEK),
        (re.compile(r"^(\d{4})-Q([1-4])$"), Precision.QUARTER),
        (re.compile(r"^(\d{4})-(\d{2})$"), Precision.MONTH),
        (re.compile(r"^(\d{4})$"), Precision.YEAR),
        (re.compile(r"^(\d{3})X$"), Precision.DECADE),
    )


def parse_iso(text: str) -> tuple[date, Precision]:
    """A date written in ISO 8601 at some precision, as the CSV export writes them (also full
    timestamps with offsets, whose date part is taken): returns (first day, precision)."""
    value = text.strip()
    for pattern, precision in _iso_forms():
        m = pattern.match(value)
        if not m:
            continue
        try:
            y = int(m.group(1))
            if precision == Precision.DAY:
                return date(y, int(m.group(2)), int(m.group(3))), precision
            if precision == Precision.WEEK:
                return date.fromisocalendar(y, int(m.group(2)), 1), precision
            if precision == Precision.QUARTER:
                return date(y, 3 * int(m.group(2)) - 2, 1), precision
            if precision == Precision.MONTH:
                return date(y, int(m.group(2)), 1), precision
            if precision == Precision.YEAR:
                return date(y, 1, 1), precision
            return date(y * 10, 1, 1), precision
        except ValueError as exc:
            raise DateParseError(f"{value!r} is not a real date ({exc})") from exc
    raise DateParseError(f"{value!r} is not an ISO 8601 date such as 2021-07-05, 2021-07 or 2021")


def explain(event_date: EventDate) -> str:
    """One line saying where a date came from: "'On Monday' -> Mon 5 Jul 2021: latest Monday..."."""
    shown = format_event_date(event_date)
    if not event_date.expression:
        return f"{shown}: {event_date.rule}" if event_date.rule else shown
    return f"'{event_date.expression}' -> {shown}: {event_date.rule}"


def parse_date_text(text: str, anchor: date | None) -> EventDate:
    """Understand a date typed by the user ('2021-07-05', '5 July 2021', 'last Monday')."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise DateParseError("the date is empty")
    from desktop_app.core.temporal.engine import find_expressions

    dated = [e for e in find_expressions(cleaned, anchor) if e.earliest is not None]
    if not dated:
        hint = "" if anchor else " (relative dates need the article's publication date)"
        raise DateParseError(f"{cleaned!r} is not a date I understand{hint}; "
                             "try 2021-07-05, 5 July 2021 or last Monday")
    best = max(dated, key=lambda e: e.end - e.start)
    result = from_expression(best, expression=cleaned)
    return EventDate(result.start, result.precision, result.end, result.earliest, result.latest,
                     cleaned, "typed by the user" if best.anchor is None else result.rule,
                     result.anchor, False, result.alternatives)


def read_one_day(text: str, today: date | None = None) -> tuple[date | None, str]:
    """The one day a typed publication date names ('2024-08-06', '6 Aug 2024', 'last
    Friday'), and what to tell the user: the day written out, or why it is not one day.
    The window's date field and the command line's question read answers alike."""
    try:
        d = parse_date_text(text, today or date.today())
    except DateParseError as exc:
        return None, str(exc)
    if d.precision != Precision.DAY or d.end not in (None, d.start):
        return None, f"{format_event_date(d)} is not one day: give the day too"
    return d.start, "= " + format_event_date(d)
