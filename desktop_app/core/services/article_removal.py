"""Removing articles with what depends on them, and putting everything back (undo).

Deleting an article asks what happens to its events: delete every event that quotes it, or
keep the events that have other sources (minus this article's quotes). Undoing an import is
the same removal of an article without events.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.article_records import ArticleImpact, ArticleRow, ArticleVersion
from desktop_app.core.orm import Article, Event, Quote
from desktop_app.core.records import EventRecord, QuoteRecord
from desktop_app.core.services.convert import (
    ARTICLE_COLUMNS,
    article_from_row,
    article_row,
    quote_record,
    quote_row,
)
from desktop_app.core.services.events import EventService
from desktop_app.core.services.lookup import require


@dataclass(frozen=True)
class ArticleRemoval:
    """What removing articles took away: to show the user, and to undo."""

    articles: tuple[ArticleRow, ...]
    deleted_events: tuple[EventRecord, ...]
    kept_quotes: tuple[QuoteRecord, ...]  # quotes taken from events that stayed

    @property
    def kept_event_ids(self) -> tuple[int, ...]:
        """Events that stayed (they had other sources)."""
        return tuple(sorted({q.event_id for q in self.kept_quotes}))


class ArticleRemovalService:
    """Delete articles and restore them, with their events, as one step each."""

    def __init__(self, sessions: sessionmaker[Session], events: EventService) -> None:
        self._sessions = sessions
        self._events = events

    def impact(self, article_id: int) -> ArticleImpact:
        """How the article's events would fare (to word the question)."""
        with self._sessions() as s:
            only, other = self._split(s, [article_id])
            return ArticleImpact(len(only), len(other))

    def remove(self, article_ids: list[int], keep_events_with_other_sources: bool = True
               ) -> ArticleRemoval:
        """Delete articles; their events go too, except (if asked) those with other sources."""
        with self._sessions.begin() as s:
            rows = tuple(article_row(require(s, Article, i)) for i in article_ids)
            only, other = self._split(s, article_ids)
            doomed = only | (set() if keep_events_with_other_sources else other)
            deleted = tuple(self._events.get_in(s, i) for i in sorted(doomed))
            kept = tuple(quote_record(q) for q in s.scalars(
                select(Quote).where(Quote.article_id.in_(article_ids),
                                    Quote.event_id.in_(other - doomed)).order_by(Quote.id)))
            for event_id in sorted(doomed):
                s.delete(require(s, Event, event_id))
            s.flush()
            for article_id in article_ids:
                s.delete(require(s, Article, article_id))
            return ArticleRemoval(rows, deleted, kept)

    def version(self, article_id: int) -> ArticleVersion:
        """An article as it is now, with every event that quotes it (before a re-import)."""
        with self._sessions() as s:
            return EventService.version_in(s, require(s, Article, article_id))

    def restore_version(self, version: ArticleVersion) -> None:
        """Put an article's text and metadata, and its events, back as a version holds them
        (undo and redo of a re-import)."""
        with self._sessions.begin() as s:
            article = require(s, Article, version.article.id)
            for name in ARTICLE_COLUMNS:
                setattr(article, name, getattr(version.article, name))
            for record in version.events:
                event = s.get(Event, record.id)
                if event is not None:
                    s.delete(event)
            s.flush()
            for record in version.events:
                EventService.restore_in(s, record)

    def restore(self, removal: ArticleRemoval) -> None:
        """Undo a removal: same article ids, same events, same quotes."""
        with self._sessions.begin() as s:
            for row in removal.articles:
                s.add(article_from_row(row))
            s.flush()
            for record in removal.deleted_events:
                EventService.restore_in(s, record)
            for q in removal.kept_quotes:
                s.add(quote_row(q))

    @staticmethod
    def _split(s: Session, article_ids: list[int]) -> tuple[set[int], set[int]]:
        """Events quoting these articles: those with no other source, and the others."""
        quoting = set(s.scalars(select(Quote.event_id).where(Quote.article_id.in_(article_ids))))
        elsewhere = set(s.scalars(select(Quote.event_id).where(
            Quote.event_id.in_(quoting), Quote.article_id.not_in(article_ids))))
        return quoting - elsewhere, quoting & elsewhere
