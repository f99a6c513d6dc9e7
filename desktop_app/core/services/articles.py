"""Articles: add (import), list, read, edit metadata (re-dating the events that depend on it)."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.anchoring import reanchor, text_overlap
from desktop_app.core.article_records import ArticleRecord, ArticleVersion
from desktop_app.core.clock import now
from desktop_app.core.dating import date_for_passage
from desktop_app.core.edits import ArticleDraft, ArticleMetadata
from desktop_app.core.errors import DuplicateArticleError
from desktop_app.core.orm import Article, Event, Quote
from desktop_app.core.records import ArticleSummary, DateSource, QuoteRecord
from desktop_app.core.services.convert import (
    apply_date,
    article_record,
    quote_record,
)
from desktop_app.core.services.events import EventService
from desktop_app.core.services.lookup import require
from desktop_app.core.urls import canonical_url


def text_sha256(text: str) -> str:
    """The identity of an article's text (duplicates are refused)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def in_one_form(draft: ArticleDraft) -> ArticleDraft:
    """An article's text and title in Unicode NFC, as every article is stored: a typed
    "geprüft" then finds one published with a decomposed "ü", and offsets stay stable."""
    text, title = unicodedata.normalize("NFC", draft.text), unicodedata.normalize("NFC",
                                                                                   draft.title)
    return draft if (text, title) == (draft.text, draft.title) else \
        replace(draft, text=text, title=title)


MIN_TITLE_FOR_MATCH = 15  # shorter titles ("Pasted text", "Update") are too common to match


@dataclass(frozen=True)
class Reimport:
    """A changed version replaced an article's text: how its quotes fared."""

    article: ArticleRecord
    exact: int
    fuzzy: int
    orphaned: tuple[QuoteRecord, ...]
    previous: ArticleVersion | None = None  # the article as it was, to undo the re-import


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
        draft = in_one_form(draft)
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

    def add_or_update(self, draft: ArticleDraft) -> ArticleRecord | Reimport:
        """Add an article, or, when it is a changed version of one already there (same URL,
        or the same distinctive title), replace that one's text and re-anchor its quotes."""
        match = self.previous_version(draft)
        return self.replace_text(match, draft) if match is not None else self.add(draft)

    def previous_version(self, draft: ArticleDraft) -> int | None:
        """The article a draft would replace as its changed version (none for the same text,
        which is a duplicate, or for a new article)."""
        draft = in_one_form(draft)
        digest = text_sha256(draft.text)
        with self._sessions() as s:  # closed before writing: a session holds the write lock
            if s.scalar(select(Article.id).where(Article.sha256 == digest)) is not None:
                return None
            return self._previous_version(s, draft)

    @staticmethod
    def _previous_version(s: Session, draft: ArticleDraft) -> int | None:
        """The article this draft is a changed version of: the same page (canonical URL), or,
        where either has no URL, the same outlet and title with at least half the same text.
        A shared title alone ('Pressemitteilungen', a daily newsletter) is never enough."""
        wanted = canonical_url(draft.url)
        if wanted:  # the database narrows the candidates to the same host; Python compares
            host = urlsplit(wanted).hostname or wanted
            for article_id, url in s.execute(select(Article.id, Article.url)
                                             .where(Article.url.icontains(host, autoescape=True))):
                if canonical_url(url) == wanted:
                    return article_id
        title = draft.title.strip()
        if len(title) < MIN_TITLE_FOR_MATCH:
            return None
        outlet = draft.outlet.strip().casefold()
        for article_id, url, old_outlet in s.execute(
                select(Article.id, Article.url, Article.outlet).where(Article.title == title)):
            if wanted and canonical_url(url):
                continue  # two different pages, whatever their titles
            if (old_outlet.strip().casefold() == outlet
                    and text_overlap(s.get_one(Article, article_id).text, draft.text) >= 0.5):
                return article_id
        return None

    def replace_text(self, article_id: int, draft: ArticleDraft) -> Reimport:
        """Put a new version of the text in place; every quote is found again (exactly, else
        approximately) or kept as an orphan; derived dates follow."""

        draft = in_one_form(draft)
        with self._sessions.begin() as s:
            a = require(s, Article, article_id)
            previous = EventService.version_in(s, a)
            a.text, a.sha256 = draft.text, text_sha256(draft.text)
            a.outlet = draft.outlet[:200] or a.outlet
            a.url = draft.url[:2000] or a.url
            a.author = draft.author[:300] or a.author
            if draft.published and a.published_source != DateSource.USER:
                a.published_on, a.published_source = draft.published, draft.published_source
            counts = {"exact": 0, "fuzzy": 0}
            orphans = []
            for q in a.quotes:
                found, how = reanchor(draft.text, q.exact, q.prefix, q.suffix, q.start)
                if found is None:
                    q.orphaned = True
                    orphans.append(quote_record(q))
                    continue
                q.start, q.end, q.exact = found.start, found.end, found.exact
                q.prefix, q.suffix, q.orphaned = found.prefix, found.suffix, False
                counts[how] += 1
            self._redate_events(s, a)
            s.flush()
            return Reimport(article_record(a), counts["exact"], counts["fuzzy"], tuple(orphans),
                            previous)

    def list(self) -> list[ArticleSummary]:
        """All articles in import order with their event counts."""
        counts = (select(Quote.article_id, func.count(func.distinct(Quote.event_id)).label("n"))
                  .group_by(Quote.article_id).subquery())
        stmt = (select(Article.id, Article.title, Article.outlet, Article.published_on,
                       func.coalesce(counts.c.n, 0))
                .outerjoin(counts, counts.c.article_id == Article.id).order_by(Article.id))
        with self._sessions() as s:
            return [ArticleSummary(*row) for row in s.execute(stmt)]

    def exists(self, article_id: int) -> bool:
        """Whether an article is (still) in the project."""
        with self._sessions() as s:
            return s.get(Article, article_id) is not None

    def get(self, article_id: int) -> ArticleRecord:
        """One article with its text."""
        with self._sessions() as s:
            return article_record(require(s, Article, article_id))

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
            source = meta.published_source if meta.published else DateSource.UNKNOWN
            if published_changed or a.published_source != source:
                a.published_on, a.published_source = meta.published, source
            if published_changed:
                redated = self._redate_events(s, a)
            s.flush()
            return MetadataChange(article_record(a), redated)

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
            if quote.orphaned:
                continue
            new = date_for_passage(a.text, quote.start, quote.end, a.published_on)
            before = (event.start_date, event.end_date, event.precision)
            apply_date(event, new)
            if (event.start_date, event.end_date, event.precision) != before:
                event.updated_at = now()
                changed += 1
        return changed
