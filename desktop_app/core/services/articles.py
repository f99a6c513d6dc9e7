"""Articles: add (import), list, read, edit metadata (re-dating the events that depend on it)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.dating import date_for_passage
from desktop_app.core.errors import DuplicateArticleError
from desktop_app.core.orm import Article, Event, Quote
from desktop_app.core.records import (
    ArticleDraft,
    ArticleMetadata,
    ArticleRecord,
    ArticleSummary,
)
from desktop_app.core.services.convert import apply_date, article_record
from desktop_app.core.services.lookup import require


def text_sha256(text: str) -> str:
    """The identity of an article's text (duplicates are refused)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now() -> datetime:
    """Naive UTC timestamp, as stored."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class MetadataChange:
    """The outcome of editing an article's metadata."""

    article: ArticleRecord
    redated_events: int


class ArticleService:
    """Everything the app does with articles."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def add(self, draft: ArticleDraft) -> ArticleRecord:
        """Store a new article; refuse a text that is already in the project."""
        text = draft.text
        digest = text_sha256(text)
        with self._sessions.begin() as s:
            existing = s.execute(select(Article.id, Article.title)
                                 .where(Article.sha256 == digest)).first()
            if existing:
                raise DuplicateArticleError(existing.id, existing.title)
            a = Article(title=draft.title[:500] or "Untitled article", outlet=draft.outlet[:200],
                        url=draft.url[:2000], author=draft.author[:300],
                        published_on=draft.published, published_source=draft.published_source,
                        text=text, sha256=digest, source_path=draft.source_path[:2000],
                        imported_at=now())
            s.add(a)
            s.flush()
            return article_record(a)

    def list(self) -> list[ArticleSummary]:
        """All articles in import order with their event counts."""
        counts = (select(Quote.article_id, func.count(func.distinct(Quote.event_id)).label("n"))
                  .group_by(Quote.article_id).subquery())
        stmt = (select(Article.id, Article.title, Article.outlet, Article.published_on,
                       func.coalesce(counts.c.n, 0))
                .outerjoin(counts, counts.c.article_id == Article.id).order_by(Article.id))
        with self._sessions() as s:
            return [ArticleSummary(*row) for row in s.execute(stmt)]

    def get(self, article_id: int) -> ArticleRecord:
        """One article with its text."""
        with self._sessions() as s:
            return article_record(require(s, Article, article_id))

    def find_by_sha256(self, digest: str) -> int | None:
        """The id of the article with this text hash, if any."""
        with self._sessions() as s:
            return s.scalar(select(Article.id).where(Article.sha256 == digest))

    def update_metadata(self, article_id: int, meta: ArticleMetadata) -> MetadataChange:
        """Edit title, outlet, URL, author and publication date; re-date dependent events.

        Events the user dated by hand keep their date.
        """
        with self._sessions.begin() as s:
            a = require(s, Article, article_id)
            published_changed = a.published_on != meta.published
            a.title, a.outlet, a.url, a.author = (meta.title[:500] or a.title, meta.outlet[:200],
                                                  meta.url[:2000], meta.author[:300])
            redated = 0
            if published_changed:
                a.published_on = meta.published
                a.published_source = "user" if meta.published else ""
                redated = self._redate_events(s, a)
            s.flush()
            return MetadataChange(article_record(a), redated)

    def delete(self, article_id: int) -> None:
        """Remove an article and its quotes (events keep their other sources)."""
        with self._sessions.begin() as s:
            s.delete(require(s, Article, article_id))

    @staticmethod
    def _redate_events(s: Session, a: Article) -> int:
        """Re-resolve the date of every event whose primary quote is in this article."""
        first_quote = (select(func.min(Quote.id)).where(Quote.event_id == Event.id)
                       .correlate(Event).scalar_subquery())
        rows = s.execute(select(Event, Quote).join(Quote, Quote.id == first_quote)
                         .where(Quote.article_id == a.id,
                                Event.date_edited_by_user.is_(False))).all()
        changed = 0
        for event, quote in rows:
            new = date_for_passage(a.text, quote.start, quote.end, a.published_on)
            before = (event.start_date, event.end_date, event.precision)
            apply_date(event, new)
            if (event.start_date, event.end_date, event.precision) != before:
                event.updated_at = now()
                changed += 1
        return changed
