"""Full-text search across every article, behind a small interface.

On SQLite the FTS5 index (kept in step by triggers, see migration 0004) picks and ranks the
articles; on PostgreSQL a GIN-indexed tsvector does; elsewhere a plain scan. Either way the
passages are then located in the article text here, so a hit carries exact offsets the reader
can select. A term ending in ``*`` is a prefix ("mobili*"); "quoted words" are a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Protocol

from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.errors import TimelineError
from desktop_app.core.listings import SearchHit
from desktop_app.core.orm import Article

SNIPPET = 70  # characters of context either side of a match
PER_ARTICLE = 20


class ArticleSearch(Protocol):
    """What the app needs of a search engine."""

    def search(self, query: str, limit: int = 200) -> list[SearchHit]: ...


def terms(query: str) -> list[str]:
    """Words and "quoted phrases" of a query, in order."""
    out = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', query):
        t = " ".join((phrase or word).split()).strip("\"'.,;:!?()[]")
        if t:
            out.append(t)
    return out


def locate(article_id: int, title: str, body: str, words: list[str],
           limit: int = PER_ARTICLE) -> list[SearchHit]:
    """The passages of an article where the first term occurs, in text order; a hit's range
    is the match itself (selected in the reader, ready for Ctrl+E)."""
    if not words:
        return []
    pattern = re.compile(_term_pattern(words[0]), re.IGNORECASE)
    rest = [w.rstrip("*").casefold() for w in words[1:]]
    hits = []
    for m in pattern.finditer(body):
        a, b = max(m.start() - SNIPPET, 0), min(m.end() + SNIPPET, len(body))
        window = body[max(m.start() - 400, 0):m.end() + 400].casefold()
        if not all(w in window for w in rest):  # every other term nearby
            continue
        snippet = " ".join(body[a:b].split())
        hits.append(SearchHit(article_id, title, m.start(), m.end(),
                              ("…" if a else "") + snippet + ("…" if b < len(body) else "")))
        if len(hits) >= limit:
            break
    return hits


def _term_pattern(term: str) -> str:
    """A term as a regular expression: whole words, any spacing between them; a final ``*``
    lets the last word continue."""
    prefix = term.endswith("*")
    body = r"\s+".join(re.escape(w) for w in term.rstrip("*").split())
    return r"(?<!\w)" + body + (r"\w*" if prefix else r"(?!\w)")


class _PassageSearch:
    """Pick the articles (each engine its way), then locate the passages in their text."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """The passages matching every term of a query, in the engine's article order."""
        words = terms(query)
        if not words:
            return []
        with self._sessions() as s:
            return _passages(self._articles(s, query, words), words, limit)

    def _articles(self, s: Session, query: str, words: list[str]) -> Iterable[Any]:
        raise NotImplementedError


class Fts5Search(_PassageSearch):
    """SQLite FTS5: articles ranked by bm25."""

    def _articles(self, s: Session, query: str, words: list[str]) -> Iterable[Any]:
        match = " ".join('"' + w.rstrip("*").replace('"', "") + '"'
                         + ("*" if w.endswith("*") else "") for w in words)
        try:
            ids = s.execute(text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q "
                                 "ORDER BY rank LIMIT 200"), {"q": match}).scalars().all()
        except OperationalError as exc:  # every term is quoted; this is a safety net
            raise TimelineError(f"cannot search for {query!r}: {exc.orig}") from exc
        return (s.execute(_ARTICLE.where(Article.id == i)).one() for i in ids)


class TsvectorSearch(_PassageSearch):
    """PostgreSQL: articles whose tsvector holds every word (prefixes as ``:*``), by rank."""

    def _articles(self, s: Session, query: str, words: list[str]) -> Iterable[Any]:
        lexemes = []
        for term in words:
            parts = re.findall(r"\w+", term.lower())
            lexemes += ["'" + p + "'" for p in parts]
            if parts and term.endswith("*"):
                lexemes[-1] += ":*"
        if not lexemes:
            return ()
        ids = s.execute(text(
            "SELECT id FROM articles WHERE search_vector @@ to_tsquery('simple', :q) "
            "ORDER BY ts_rank(search_vector, to_tsquery('simple', :q)) DESC, id DESC "
            "LIMIT 200"), {"q": " & ".join(lexemes)}).scalars().all()
        return (s.execute(_ARTICLE.where(Article.id == i)).one() for i in ids)


class ScanSearch(_PassageSearch):
    """Any database: articles holding every term (case-insensitive LIKE), newest first."""

    def _articles(self, s: Session, query: str, words: list[str]) -> Iterable[Any]:
        stmt = _ARTICLE
        for w in words:
            stmt = stmt.where(func.lower(Article.text).contains(w.rstrip("*").lower(),
                                                                autoescape=True))
        return s.execute(stmt.order_by(Article.id.desc()))


_ARTICLE = select(Article.id, Article.title, Article.text)


def _passages(articles: Iterable[Any], words: list[str], limit: int) -> list[SearchHit]:
    """The passages of (id, title, text) rows, in order, until ``limit`` are found."""
    hits: list[SearchHit] = []
    for article_id, title, body in articles:
        hits.extend(locate(article_id, title, body, words))
        if len(hits) >= limit:
            break
    return hits[:limit]


def make_search(sessions: sessionmaker[Session], dialect: str) -> ArticleSearch:
    """The best search the database offers: FTS5 where the index exists (SQLite built with
    it), a tsvector on PostgreSQL, else a scan."""
    if dialect == "postgresql":
        return TsvectorSearch(sessions)
    if dialect != "sqlite":
        return ScanSearch(sessions)
    with sessions() as s:
        has_index = s.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'")
                              ).first() is not None
    return Fts5Search(sessions) if has_index else ScanSearch(sessions)
