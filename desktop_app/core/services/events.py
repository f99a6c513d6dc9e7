"""Events: create from a selection, edit, delete and restore (undo), list in timeline order."""

from __future__ import annotations

import builtins  # EventService.list shadows the type inside the class
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any, TypeVar, cast

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.orm import Session, sessionmaker, undefer

from desktop_app.core.anchoring import find_quote
from desktop_app.core.article_records import ArticleVersion
from desktop_app.core.bulk import PART
from desktop_app.core.clock import now
from desktop_app.core.dating import date_for_passage
from desktop_app.core.edits import EventEdit
from desktop_app.core.errors import EditConflictError, QuoteNotFoundError
from desktop_app.core.eventdates import parse_date_text
from desktop_app.core.gc_pause import gc_paused
from desktop_app.core.orm import Article, Event, Quote, Tag, event_tags
from desktop_app.core.records import EventDate, EventRecord, QuoteRecord
from desktop_app.core.services.convert import (
    EVENT_COLUMNS,
    apply_date,
    article_row,
    event_record,
    quote_row,
)
from desktop_app.core.services.event_drafts import edited_columns, passage_columns
from desktop_app.core.services.event_rows import insert_quoted_events_in, tags_for
from desktop_app.core.services.lookup import require

_EVENTS = cast(Table, Event.__table__)
_QUOTES = cast(Table, Quote.__table__)
_EVENT_COLUMNS = tuple(_EVENTS.c[name] for name in EVENT_COLUMNS)
_WITH_TEXT = (undefer(Article.text),)  # an article read to quote it: its text in the same query
# Built once: executing them with a new list of ids re-uses the compiled SQL.
_QUOTE_COLUMNS = (_QUOTES.c.id, _QUOTES.c.event_id, _QUOTES.c.article_id, _QUOTES.c.start,
                  _QUOTES.c.end, _QUOTES.c.exact, _QUOTES.c.prefix, _QUOTES.c.suffix,
                  _QUOTES.c.orphaned, _QUOTES.c.date_start, _QUOTES.c.date_precision,
                  _QUOTES.c.created_by)
_QUOTES_OF_EVENTS = (select(*_QUOTE_COLUMNS)
                     .where(_QUOTES.c.event_id.in_(bindparam("ids", expanding=True)))
                     .order_by(_QUOTES.c.id))
# The same with each quoted article's title: one round trip, not two, for a few events.
_QUOTES_AND_TITLES = (select(*_QUOTE_COLUMNS, Article.__table__.c.title)
                      .join(Article.__table__, Article.__table__.c.id == _QUOTES.c.article_id)
                      .where(_QUOTES.c.event_id.in_(bindparam("ids", expanding=True)))
                      .order_by(_QUOTES.c.id))
_ALL_TAGS = (select(event_tags.c.event_id, Tag.__table__.c.name)
             .join(Tag.__table__, Tag.__table__.c.id == event_tags.c.tag_id))
_TAGS_OF_EVENTS = _ALL_TAGS.where(event_tags.c.event_id.in_(bindparam("ids", expanding=True)))
_QUOTES_OF_ARTICLE = (select(*_QUOTE_COLUMNS)
                      .where(_QUOTES.c.article_id == bindparam("article_id"),
                             _QUOTES.c.orphaned.is_(False))
                      .order_by(_QUOTES.c.start, _QUOTES.c.id))
_BY_DATE = select(*_EVENT_COLUMNS).order_by(_EVENTS.c.start_date, _EVENTS.c.id)

def editable_state(r: EventRecord) -> tuple[object, ...]:
    """What an edit changes and its undo puts back (EventService._fill writes these)."""
    d = r.date
    return (r.title, r.notes, d.start, d.precision, d.end, d.earliest, d.latest, d.expression,
            d.rule, d.anchor, d.assumed, r.date_edited_by_user,
            tuple(sorted(t.casefold() for t in r.tags)))


def article_titles(s: Session) -> dict[int, str]:
    """Article id -> title, of every article (a whole timeline's rows or export)."""
    return {i: t for i, t in s.execute(select(Article.id, Article.title))}


def tags_by_event(s: Session, ids: Sequence[int] | None = None) -> dict[int, list[str]]:
    """Event id -> the names of its tags, for every tagged event (in one query) or for those
    of ``ids`` (at most a thousand)."""
    tags: dict[int, list[str]] = defaultdict(list)
    rows = (s.connection().execute(_ALL_TAGS) if ids is None
            else s.connection().execute(_TAGS_OF_EVENTS, {"ids": ids}))
    for event_id, name in rows.all():
        tags[event_id].append(name)
    return tags


def _sort_key(record: EventRecord) -> tuple[date, int, int, int]:
    return record.sort_key


T = TypeVar("T")
# Events, their tags and their quotes as column values (``insert_quoted_events_in``'s
# arguments).
_Columns = tuple[builtins.list[dict[str, Any]], builtins.list[tuple[str, ...]],
                 builtins.list[builtins.list[dict[str, Any]]]]


class EventService:
    """Everything the app does with events."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- creating -------------------------------------------------------------------------
    def create_from_selection(self, article_id: int, start: int, end: int) -> EventRecord:
        """Create an event from article text [start, end): title, date and quote proposed."""
        with self._sessions.begin() as s:
            event = self.new_event(require(s, Article, article_id, options=_WITH_TEXT),
                                   start, end)
            s.add(event)
            s.flush()
            return self._record(s, event)

    @staticmethod
    def new_event(article: Article, start: int, end: int,
                  dated: EventDate | None = None) -> Event:
        """An event for a passage: proposed title and date, the passage as its quote."""
        columns, quote = passage_columns(article.id, article.text, article.published_on,
                                         start, end, dated=dated)
        event = Event(**columns)
        event.quotes.append(Quote(**quote))
        return event

    def create_many(self, article_id: int, ranges: builtins.list[tuple[int, int]],
                    dates: Sequence[EventDate] | None = None) -> builtins.list[EventRecord]:
        """Create several events from passages in one transaction (accepting suggestions,
        whose ``dates`` were worked out with them and are not worked out again), written as
        column values with a few statements: 25,000 accepted suggestions took 4 s as ORM
        rows."""
        with self._sessions.begin() as s:
            article = require(s, Article, article_id, options=_WITH_TEXT)
            given = list(dates) if dates is not None else [None] * len(ranges)
            stamp = now()

            def columns(part: Sequence[tuple[tuple[int, int], EventDate | None]]) -> _Columns:
                drafts = [passage_columns(article.id, article.text, article.published_on,
                                          start, end, stamp, d) for (start, end), d in part]
                return ([event for event, _quote in drafts], [()] * len(drafts),
                        [[quote] for _event, quote in drafts])

            return self.insert_in_parts(s, list(zip(ranges, given, strict=True)), columns,
                                        stamp)

    def date_readings(self, record: EventRecord) -> builtins.list[EventDate]:
        """The readings of the event's date expression: the rule's choice first, then the other
        plausible ones (previous/next occurrence, the other tense) to cycle through. Read
        from the record's first quote (the window holds it already: each Ctrl+E shows them)."""
        if not record.quotes:
            return []
        q = record.quotes[0]
        with self._sessions() as s:
            found = s.execute(select(Article.text, Article.published_on)
                              .where(Article.id == q.article_id)).one_or_none()
        if found is None:
            return []
        main = date_for_passage(found.text, q.start, q.end, found.published_on)
        return [replace(main, alternatives=()), *main.alternatives]

    def create_from_quote_text(self, article_id: int, exact: str) -> EventRecord:
        """Create an event from a quote given as text (the CLI's add-event)."""
        text = self.article_text(article_id)
        sel = find_quote(text, exact)
        if sel is None:
            raise QuoteNotFoundError(f"the quote {exact[:60]!r} does not occur in article "
                                     f"{article_id}")
        return self.create_from_selection(article_id, sel.start, sel.end)

    # -- reading --------------------------------------------------------------------------
    def get(self, event_id: int) -> EventRecord:
        """One event."""
        with self._sessions() as s:
            return self._record(s, require(s, Event, event_id))

    def get_many(self, ids: set[int] | builtins.list[int], batch: int = 1000,
                 ) -> dict[int, EventRecord]:
        """Several events by id (missing ids are left out), a few queries for thousands."""
        with self._sessions() as s:
            return self.records_in(s, sorted(set(ids)), batch)

    def list(self) -> list[EventRecord]:
        """The whole timeline in chronological order, read in three queries (events, quotes,
        tags) rather than in batches: opening a 100,000-event project waits on this."""
        with self._sessions() as s, gc_paused():
            conn = s.connection()
            quotes: dict[int, builtins.list[QuoteRecord]] = defaultdict(list)
            for q in conn.execute(select(*_QUOTE_COLUMNS).order_by(_QUOTES.c.id)).all():
                quotes[q[1]].append(QuoteRecord(*q))
            tags = tags_by_event(s)
            titles = article_titles(s)
            records = [event_record(r, tuple(quotes.get(r[0], ())), tuple(tags.get(r[0], ())),
                                    titles) for r in conn.execute(_BY_DATE).all()]
            records.sort(key=_sort_key)
            return records

    def iter_timeline(self, batch: int = 1000) -> Iterator[EventRecord]:
        """Stream the timeline in order without holding it all (exports of 100,000 events).

        SQL orders by the indexed date; ties within a date are put in EventRecord.sort_key
        order here, so the table and every export share one definition of timeline order.
        """
        with self._sessions() as s, gc_paused():  # records hold no cycles (see core/bulk.py)
            titles = article_titles(s)
            result = s.connection().execution_options(yield_per=batch).execute(_BY_DATE)
            same_day: builtins.list[EventRecord] = []
            for chunk in result.partitions(batch):
                for record in self._records(s, chunk, titles):
                    if same_day and record.date.start != same_day[0].date.start:
                        yield from sorted(same_day, key=_sort_key)
                        same_day = []
                    same_day.append(record)
            yield from sorted(same_day, key=_sort_key)

    def article_text(self, article_id: int) -> str:
        """The text of an article (to find quotes in)."""
        with self._sessions() as s:
            return require(s, Article, article_id).text

    def quotes_in_article(self, article_id: int) -> builtins.list[QuoteRecord]:
        """Every quote in an article, in text order (for highlighting)."""
        with self._sessions() as s:
            rows = s.connection().execute(_QUOTES_OF_ARTICLE, {"article_id": article_id}).all()
            return [QuoteRecord(*row) for row in rows]

    def count(self) -> int:
        """Number of events in the project."""
        with self._sessions() as s:
            return s.scalar(select(func.count(Event.id))) or 0

    # -- editing --------------------------------------------------------------------------
    def edit(self, event_id: int, change: EventEdit) -> EventRecord:
        """Apply a user edit; changing the date marks it as edited by hand."""
        with self._sessions.begin() as s:
            return self._record(s, self.edit_in(s, event_id, change))

    def edit_in(self, s: Session, event_id: int, change: EventEdit) -> Event:
        """``edit`` inside the caller's transaction."""
        event = require(s, Event, event_id, for_update=True)
        if change.expected_version is not None and event.version != change.expected_version:
            raise EditConflictError(self._record(s, event))
        return self.apply_edit(s, event, change)

    def apply_edit(self, s: Session, event: Event, change: EventEdit) -> Event:
        """Set an event's fields as an edit says: the columns (edited_columns, as a bulk
        import writes them too) and the tags."""
        for name, value in edited_columns(change).items():
            setattr(event, name, value)
        if change.tags is not None:
            event.tags = tags_for(s, change.tags)
        return event

    def parse_date(self, event_id: int, text: str) -> EventDate:
        """Understand a typed date, relative ones against the event's article publication date."""
        return parse_date_text(text, self._publication_date(event_id))

    def write_state(self, record: EventRecord, expected: EventRecord | None = None,
                    ) -> EventRecord:
        """Put an event back exactly as a record describes it (undo and redo of edits);
        ``expected``: only if the event still reads as that record (an undo is refused, with
        EditConflictError, once someone else has changed what it would put back)."""
        with self._sessions.begin() as s:
            if expected is not None:
                current = self._record(s, require(s, Event, record.id, for_update=True))
                if editable_state(current) != editable_state(expected):
                    raise EditConflictError(current)
            return self._record(s, self.write_state_in(s, record))

    @staticmethod
    def write_state_in(s: Session, record: EventRecord) -> Event:
        """``write_state`` inside the caller's transaction."""
        event = require(s, Event, record.id)
        EventService._fill(s, event, record)
        return event

    def delete(self, event_id: int) -> EventRecord:
        """Delete an event and its quotes; return the record that restores it."""
        with self._sessions.begin() as s:
            event = require(s, Event, event_id)
            record = self._record(s, event)
            s.delete(event)
            return record

    def restore(self, record: EventRecord) -> EventRecord:
        """Re-create a deleted event with the same id, quotes and tags."""
        with self._sessions.begin() as s:
            self.restore_in(s, record)
            return self.get_in(s, record.id)

    @staticmethod
    def restore_in(s: Session, record: EventRecord) -> None:
        """Re-create an event from its record inside the caller's transaction."""
        event = Event(id=record.id, created_at=record.created_at, created_by=record.created_by,
                      version=record.version)
        EventService._fill(s, event, record)
        for q in record.quotes:
            event.quotes.append(quote_row(q))
        s.add(event)
        s.flush()

    def insert_in_parts(self, s: Session, items: Sequence[T],
                        columns: Callable[[Sequence[T]], _Columns],
                        stamp: datetime) -> builtins.list[EventRecord]:
        """``insert_quoted_events_in`` over many items in parts of ``bulk.PART``, inside the
        caller's transaction (the column values of one part held at a time: 100,000
        annotations or 110,000 accepted suggestions at once peaked at 620 and 600 MB), then
        the records of every event made, in the items' order. ``columns(part)``: the part's
        events, tags and quotes as column values."""
        ids: builtins.list[int] = []
        for first in range(0, len(items), PART):
            ids += insert_quoted_events_in(s, *columns(items[first:first + PART]), stamp)
        records = self.records_in(s, ids)
        return [records[i] for i in ids]

    @staticmethod
    def version_in(s: Session, article: Article) -> ArticleVersion:
        """An article as it is, with every event quoting it, read inside the caller's
        transaction (before a re-import, to undo it)."""
        ids = select(_QUOTES.c.event_id).where(_QUOTES.c.article_id == article.id)
        rows = s.connection().execute(select(*_EVENT_COLUMNS).where(_EVENTS.c.id.in_(ids))
                                      .order_by(_EVENTS.c.id)).all()
        return ArticleVersion(article_row(article),
                              tuple(EventService._records(s, rows, article_titles(s))))

    def records_in(self, s: Session, ids: builtins.list[int], batch: int = 1000,
                   ) -> dict[int, EventRecord]:
        """Records of many events, read inside the caller's transaction."""
        out: dict[int, EventRecord] = {}
        for i in range(0, len(ids), batch):
            rows = s.connection().execute(select(*_EVENT_COLUMNS)
                                          .where(_EVENTS.c.id.in_(ids[i:i + batch]))).all()
            # the titles of the articles these quote (not every article's: a change set of
            # one event in a project of thousands of articles read all their titles)
            out.update((r.id, r) for r in self._records(s, rows, None))
        return out

    def get_in(self, s: Session, event_id: int) -> EventRecord:
        """One event's record, read inside the caller's transaction."""
        return self._record(s, require(s, Event, event_id))

    # -- helpers --------------------------------------------------------------------------
    @staticmethod
    def _fill(s: Session, event: Event, record: EventRecord) -> None:
        """Write what ``editable_state`` compares (and the times)."""
        event.title, event.notes = record.title, record.notes
        apply_date(event, record.date)
        event.date_edited_by_user = record.date_edited_by_user
        event.tags = tags_for(s, record.tags)
        event.updated_at = record.updated_at

    def _publication_date(self, event_id: int) -> date | None:
        with self._sessions() as s:
            stmt = (select(Article.published_on).join(Quote, Quote.article_id == Article.id)
                    .where(Quote.event_id == event_id).order_by(Quote.id).limit(1))
            return s.scalar(stmt)

    @staticmethod
    def _records(s: Session, rows: Sequence[Any], titles: dict[int, str] | None,
                 ) -> builtins.list[EventRecord]:
        """Records for a batch of event rows: quotes and tags in one query each (the quotes
        with their articles' titles, unless the titles are given)."""
        ids = [r[0] for r in rows]
        conn = s.connection()
        quotes: dict[int, builtins.list[QuoteRecord]] = {i: [] for i in ids}
        if titles is None:
            titles = {}
            for *columns, title in conn.execute(_QUOTES_AND_TITLES, {"ids": ids}).all():
                quote = QuoteRecord(*columns)
                quotes[quote.event_id].append(quote)
                titles[quote.article_id] = title
        else:
            for q in conn.execute(_QUOTES_OF_EVENTS, {"ids": ids}).all():
                quotes[q[1]].append(QuoteRecord(*q))
        tags: dict[int, builtins.list[str]] = {i: [] for i in ids}
        for event_id, name in conn.execute(_TAGS_OF_EVENTS, {"ids": ids}).all():
            tags[event_id].append(name)
        return [event_record(r, tuple(quotes[r[0]]), tuple(tags[r[0]]), titles) for r in rows]

    def _record(self, s: Session, event: Event) -> EventRecord:
        s.flush()
        # The row as the session holds it, just loaded or just written (an attribute the
        # flush left to the database is read back on access): reading it again was one more
        # round trip of every edit, inside its locks. So were event.quotes and their
        # articles: the quotes are read once, with their articles' titles.
        row = tuple(getattr(event, name) for name in EVENT_COLUMNS)
        return self._records(s, [row], None)[0]
