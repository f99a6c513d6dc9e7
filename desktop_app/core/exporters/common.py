"""What exporters need to know about the article an event comes from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.core.eventdates import period
from desktop_app.core.records import EventRecord, QuoteRecord


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


@dataclass(frozen=True)
class Source:
    """One source of an event: a quote and the article it is in, or (for an event without
    quotes) the event's article alone."""

    quote: QuoteRecord | None
    article: ArticleInfo | None

    @property
    def detail(self) -> str:
        """Outlet and publication date, as a report cites them: 'Reuters, 9 July 2021'."""
        a = self.article
        if a is None:
            return ""
        published = a.published.strftime("%-d %B %Y") if a.published else ""
        return ", ".join(x for x in (a.outlet, published) if x)


def sources_of(e: EventRecord, articles: dict[int, ArticleInfo]) -> list[Source]:
    """Every source of an event, each quote with its own article (never the first one's)."""
    if e.quotes:
        return [Source(q, articles.get(q.article_id)) for q in e.quotes]
    article = articles.get(e.article_id) if e.article_id is not None else None
    return [Source(None, article)] if article is not None else []


def event_span(e: EventRecord) -> tuple[date, date]:
    """First and last day an event covers, from its precision and end."""
    first, last = period(e.date.start, e.date.precision)
    if e.date.end is not None:
        last = max(last, period(e.date.end, e.date.precision)[1])
    return first, last


def day_after(d: date) -> date:
    """The exclusive end of an all-day span."""
    return d + timedelta(days=1)
