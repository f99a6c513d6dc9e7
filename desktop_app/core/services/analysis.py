"""What the engine finds in an article: its dated passages, coverage and event suggestions."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.orm import Article
from desktop_app.core.passages import (
    ArticleAnalysis,
    EventSuggestion,
    analyse_article,
    suggest_events,
)
from desktop_app.core.services.events import EventService
from desktop_app.core.services.lookup import require


class AnalysisService:
    """Read-only views computed by the temporal engine."""

    def __init__(self, sessions: sessionmaker[Session], events: EventService) -> None:
        self._sessions = sessions
        self._events = events

    def analyse(self, article_id: int) -> ArticleAnalysis:
        """Expressions and dated passages of an article, with coverage by existing quotes."""
        return self._analyse(article_id, *self.article_text_and_date(article_id))

    def _analyse(self, article_id: int, text: str, published: date | None) -> ArticleAnalysis:
        quotes = [(q.start, q.end) for q in self._events.quotes_in_article(article_id)]
        return analyse_article(article_id, text, published, quotes)

    def article_text_and_date(self, article_id: int) -> tuple[str, date | None]:
        """What the engine needs of an article (read here, computed elsewhere if slow)."""
        with self._sessions() as s:
            article = require(s, Article, article_id)
            return article.text, article.published_on

    def suggestions(self, article_id: int, analysis: ArticleAnalysis | None = None,
                    ) -> list[EventSuggestion]:
        """Proposed events, one per sentence with a dated expression not yet on the timeline.
        ``analysis``: the article's, current (its quotes included), where the caller holds
        one: the engine is not run again (the window's analysis of a long article took
        seconds, and Suggest ran it a second time on the window's thread)."""
        text, published = self.article_text_and_date(article_id)
        if analysis is None or analysis.article_id != article_id:
            analysis = self._analyse(article_id, text, published)
        return suggest_events(text, published, list(analysis.passages), analysis.expressions)
