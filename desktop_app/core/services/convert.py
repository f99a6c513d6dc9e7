"""Turn database rows into frozen records (the only place that knows both shapes)."""

from __future__ import annotations

from typing import Any

from desktop_app.core.article_records import ArticleRecord, ArticleRow
from desktop_app.core.eventdates import precision_of
from desktop_app.core.orm import Article, Event, Quote
from desktop_app.core.records import DateSource, EventDate, EventRecord, QuoteRecord


def quote_record(q: Quote) -> QuoteRecord:
    """Record of a quote row."""
    return QuoteRecord(q.id, q.event_id, q.article_id, q.start, q.end, q.exact, q.prefix,
                       q.suffix, q.orphaned, q.date_start, q.date_precision, q.created_by)


def quote_columns(q: QuoteRecord) -> dict[str, Any]:
    """Every column of a quote row, from its record."""
    return {"id": q.id, "event_id": q.event_id, "article_id": q.article_id, "start": q.start,
            "end": q.end, "exact": q.exact, "prefix": q.prefix, "suffix": q.suffix,
            "orphaned": q.orphaned, "date_start": q.date_start,
            "date_precision": q.date_precision, "created_by": q.created_by}


def quote_row(q: QuoteRecord) -> Quote:
    """A quote row re-created from its record (same id: undo restores what was there)."""
    return Quote(**quote_columns(q))


def event_columns(record: EventRecord) -> dict[str, Any]:
    """Every column of an event row, from its record (bulk restores write these)."""
    return {"id": record.id, "title": record.title, "notes": record.notes,
            **date_columns(record.date), "date_edited_by_user": record.date_edited_by_user,
            "created_at": record.created_at, "updated_at": record.updated_at,
            "created_by": record.created_by, "updated_by": record.updated_by,
            "version": record.version}


EVENT_COLUMNS = ("id", "title", "notes", "start_date", "end_date", "precision", "earliest",
                 "latest", "date_expression", "date_rule", "date_anchor", "date_assumed",
                 "date_edited_by_user", "created_at", "updated_at", "created_by", "updated_by",
                 "version")


def event_record(row: Any, quotes: tuple[QuoteRecord, ...], tags: tuple[str, ...],
                 article_titles: dict[int, str]) -> EventRecord:
    """Record of an ``events`` row selected as EVENT_COLUMNS, in that order (unpacked by
    position: this is the hot path of exports and of loading large timelines)."""
    (event_id, title, notes, start, end, precision, earliest, latest, expression, rule, anchor,
     assumed, edited, created, updated, created_by, updated_by, version) = row
    article_id = quotes[0].article_id if quotes else None
    d = EventDate(start, precision_of(precision), end, earliest, latest, expression, rule,
                  anchor, assumed)
    return EventRecord(
        id=event_id, title=title, notes=notes, date=d, date_edited_by_user=edited,
        tags=tuple(sorted(tags, key=str.casefold)) if len(tags) > 1 else tags, quotes=quotes,
        article_id=article_id,
        article_title=article_titles.get(article_id, "") if article_id is not None else "",
        created_at=created, updated_at=updated, created_by=created_by, updated_by=updated_by,
        version=version)


def article_record(a: Article) -> ArticleRecord:
    """Record of an article row, text included."""
    return ArticleRecord(a.id, a.title, a.outlet, a.url, a.author, a.published_on,
                         DateSource(a.published_source), a.text, a.sha256, a.imported_at)


def quote_date_columns(d: EventDate) -> dict[str, Any]:
    """The date a source's passage gives on its own (none when it was only assumed), as the
    quote-row columns that hold it."""
    return {"date_start": None if d.assumed else d.start,
            "date_precision": "" if d.assumed else d.precision}


def apply_quote_date(q: Quote, d: EventDate) -> None:
    """Record the date a source's passage gives on its own in a quote row."""
    for name, value in quote_date_columns(d).items():
        setattr(q, name, value)


def date_columns(d: EventDate) -> dict[str, Any]:
    """The event-row columns that hold an EventDate."""
    return {"start_date": d.start, "end_date": d.end, "precision": d.precision,
            "earliest": d.earliest, "latest": d.latest, "date_expression": d.expression[:500],
            "date_rule": d.rule[:1000], "date_anchor": d.anchor, "date_assumed": d.assumed}


def apply_date(e: Event, d: EventDate) -> None:
    """Write an EventDate into an event row."""
    for name, value in date_columns(d).items():
        setattr(e, name, value)


ARTICLE_COLUMNS = tuple(ArticleRow.__dataclass_fields__)


def article_row(a: Article) -> ArticleRow:
    """Every column of an article (to re-create it, or put it back as it was)."""
    return ArticleRow(**{name: getattr(a, name) for name in ARTICLE_COLUMNS})


def article_from_row(row: ArticleRow) -> Article:
    """An article row re-created with the same id."""
    return Article(**{name: getattr(row, name) for name in ARTICLE_COLUMNS})
