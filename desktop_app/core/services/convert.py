"""Turn ORM rows into frozen records (the only place that knows both shapes)."""

from __future__ import annotations

from desktop_app.core.orm import Article, Event, Quote
from desktop_app.core.records import ArticleRecord, EventDate, EventRecord, QuoteRecord


def quote_record(q: Quote) -> QuoteRecord:
    """Record of a quote row."""
    return QuoteRecord(q.id, q.event_id, q.article_id, q.start, q.end, q.exact, q.prefix,
                       q.suffix)


def event_date(e: Event) -> EventDate:
    """The date columns of an event row as an EventDate."""
    return EventDate(start=e.start_date, precision=e.precision, end=e.end_date,
                     earliest=e.earliest, latest=e.latest, expression=e.date_expression,
                     rule=e.date_rule, anchor=e.date_anchor, assumed=e.date_assumed)


def event_record(e: Event, article_titles: dict[int, str]) -> EventRecord:
    """Record of an event row; ``article_titles`` avoids loading article rows one by one."""
    quotes = tuple(quote_record(q) for q in e.quotes)
    article_id = quotes[0].article_id if quotes else None
    return EventRecord(
        id=e.id, title=e.title, notes=e.notes, date=event_date(e),
        date_edited_by_user=e.date_edited_by_user,
        tags=tuple(sorted((t.name for t in e.tags), key=str.casefold)),
        quotes=quotes, article_id=article_id,
        article_title=article_titles.get(article_id, "") if article_id is not None else "",
        created_at=e.created_at, updated_at=e.updated_at)


def article_record(a: Article) -> ArticleRecord:
    """Record of an article row, text included."""
    return ArticleRecord(a.id, a.title, a.outlet, a.url, a.author, a.published_on,
                         a.published_source, a.text, a.sha256, a.imported_at)


def apply_date(e: Event, d: EventDate) -> None:
    """Write an EventDate into an event row."""
    e.start_date, e.end_date, e.precision = d.start, d.end, d.precision
    e.earliest, e.latest = d.earliest, d.latest
    e.date_expression, e.date_rule = d.expression[:500], d.rule[:1000]
    e.date_anchor, e.date_assumed = d.anchor, d.assumed
