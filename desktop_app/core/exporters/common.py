"""What exporters need to know about the article an event comes from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.core.eventdates import period
from desktop_app.core.records import EventRecord


@dataclass(frozen=True)
class ArticleInfo:
    """The source article of an event, as exports cite it."""

    id: int
    title: str
    outlet: str
    url: str
    published: date | None
    sha256: str

    @property
    def target(self) -> str:
        """A stable address for the article: its URL, else a URN of its text's hash."""
        return self.url or f"urn:sha256:{self.sha256}"


def event_span(e: EventRecord) -> tuple[date, date]:
    """First and last day an event covers, from its precision and end."""
    first, last = period(e.date.start, e.date.precision)
    if e.date.end is not None:
        last = max(last, period(e.date.end, e.date.precision)[1])
    return first, last


def day_after(d: date) -> date:
    """The exclusive end of an all-day span."""
    return d + timedelta(days=1)
