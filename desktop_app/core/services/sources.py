"""Events with several sources: add and remove quotes, merge events, find disagreements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.anchoring import make_selector
from desktop_app.core.clock import now
from desktop_app.core.conflicts import sources_disagree
from desktop_app.core.dating import date_for_passage
from desktop_app.core.errors import TimelineError
from desktop_app.core.orm import Article, Event, Quote
from desktop_app.core.records import EventRecord, QuoteRecord
from desktop_app.core.services.convert import apply_quote_date, quote_record, quote_row
from desktop_app.core.services.event_rows import tags_for
from desktop_app.core.services.events import EventService
from desktop_app.core.services.lookup import require


@dataclass(frozen=True)
class MergeResult:
    """What a merge changed: every event as it was, and the one event left."""

    before: tuple[EventRecord, ...]
    after: EventRecord

    @property
    def removed_ids(self) -> tuple[int, ...]:
        """The events merged into ``after`` (gone from the timeline)."""
        return tuple(r.id for r in self.before if r.id != self.after.id)


class SourceService:
    """Everything about the passages that source an event."""

    def __init__(self, sessions: sessionmaker[Session], events: EventService) -> None:
        self._sessions = sessions
        self._events = events

    def add_quote(self, event_id: int, article_id: int, start: int, end: int) -> QuoteRecord:
        """Add a passage as another source of an event (Ctrl+Shift+E); the event's date is
        kept, the passage's own date is recorded so disagreements show."""
        with self._sessions.begin() as s:
            event = require(s, Event, event_id)
            article = require(s, Article, article_id)
            sel = make_selector(article.text, start, end)
            if any(q.article_id == article_id and q.start == sel.start and q.end == sel.end
                   for q in event.quotes):
                raise TimelineError("this passage is already a source of the event")
            quote = Quote(article_id=article_id, start=sel.start, end=sel.end, exact=sel.exact,
                          prefix=sel.prefix, suffix=sel.suffix)
            self._date_quote(s, quote, article)
            self._date_undated(s, event.quotes)
            event.quotes.append(quote)
            event.updated_at = now()
            s.flush()
            return quote_record(quote)

    def remove_quote(self, quote_id: int) -> QuoteRecord:
        """Remove one source of an event; return it (to put back on undo)."""
        with self._sessions.begin() as s:
            quote = require(s, Quote, quote_id)
            record = quote_record(quote)
            s.delete(quote)
            return record

    def restore_quote(self, quote: QuoteRecord) -> None:
        """Put a removed source back with its id."""
        with self._sessions.begin() as s:
            require(s, Event, quote.event_id)
            s.add(quote_row(quote))

    def merge(self, event_ids: list[int], keep_date_of: int) -> MergeResult:
        """Merge events into the one whose date wins: every quote, tag and note is kept."""
        ids = list(dict.fromkeys(event_ids))
        if len(ids) < 2:
            raise TimelineError("select at least two events to merge")
        if keep_date_of not in ids:
            raise TimelineError("the winning date must be one of the merged events'")
        with self._sessions.begin() as s:
            before = tuple(self._events.get_in(s, i) for i in ids)
            order = [keep_date_of, *(i for i in ids if i != keep_date_of)]  # the winner first
            records = {r.id: r for r in before}
            notes: list[str] = []
            tags: list[str] = []
            for event_id in order:
                note = records[event_id].notes.strip()
                if note and note not in notes:
                    notes.append(note)
                tags.extend(t for t in records[event_id].tags if t not in tags)
            target = require(s, Event, keep_date_of)
            others = [require(s, Event, i) for i in order[1:]]
            for event in (target, *others):
                self._date_undated(s, event.quotes)
            for other in others:
                for q in list(other.quotes):
                    q.event_id = target.id
            s.flush()
            for other in others:
                s.expire(other)
                s.delete(other)
            target.notes = "\n\n".join(n for n in notes if n)
            target.tags = tags_for(s, tuple(tags))
            target.updated_at = now()
            s.flush()
            s.expire(target)
            return MergeResult(before, self._events.get_in(s, target.id))

    def unmerge(self, result: MergeResult) -> list[EventRecord]:
        """Undo a merge: every event back as it was, same ids, same quotes."""
        with self._sessions.begin() as s:
            s.delete(require(s, Event, result.after.id))
            s.flush()
            for record in result.before:
                EventService.restore_in(s, record)
            return [self._events.get_in(s, r.id) for r in result.before]

    def conflicting_ids(self) -> set[int]:
        """Events whose sources disagree on the date."""
        with self._sessions() as s:
            multi = (select(Quote.event_id).where(Quote.date_start.is_not(None))
                     .group_by(Quote.event_id).having(func.count(Quote.id) > 1))
            return conflicting_in(s, s.scalars(multi).all())

    @classmethod
    def _date_undated(cls, s: Session, quotes: list[Quote]) -> None:
        """Date the live sources whose date was never recorded (quotes from before schema
        0004 get one when their event gains a second source)."""
        for q in quotes:
            if q.date_start is None and not q.orphaned:
                cls._date_quote(s, q)

    @staticmethod
    def _date_quote(s: Session, quote: Quote, article: Article | None = None) -> None:
        """Record the date a source's passage gives on its own."""
        article = article or require(s, Article, quote.article_id)
        apply_quote_date(quote, date_for_passage(article.text, quote.start, quote.end,
                                                 article.published_on))


def conflicting_in(s: Session, event_ids: Iterable[int]) -> set[int]:
    """Which of these events' sources disagree on the date, read inside the caller's
    transaction (the timeline's rows ask about the events with two dated sources)."""
    ids = sorted(set(event_ids))
    by_event: dict[int, list[QuoteRecord]] = defaultdict(list)
    for i in range(0, len(ids), 1000):
        for q in s.scalars(select(Quote).where(Quote.event_id.in_(ids[i:i + 1000]))):
            by_event[q.event_id].append(quote_record(q))
    return {i for i, quotes in by_event.items() if sources_disagree(quotes)}
