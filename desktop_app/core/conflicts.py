"""Do an event's sources disagree on its date? Plain data in, a yes or no out."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.core.eventdates import period, precision_of
from desktop_app.core.records import EventRecord, QuoteRecord


def sources_disagree(quotes: Iterable[QuoteRecord]) -> bool:
    """True when two live sources give periods that do not overlap ("Monday" in one article,
    "Tuesday" in another); "July 2021" and "5 July 2021" agree."""
    periods = [period(q.date_start, precision_of(q.date_precision or "day")) for q in quotes
               if q.date_start is not None and not q.orphaned]
    for i, (a0, a1) in enumerate(periods):
        for b0, b1 in periods[i + 1:]:
            if a1 < b0 or b1 < a0:
                return True
    return False


def has_conflict(record: EventRecord) -> bool:
    """Whether an event's sources disagree on its date (flagged in the table and the chart)."""
    return len(record.quotes) > 1 and sources_disagree(record.quotes)
