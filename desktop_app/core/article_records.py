"""An article whole (with its text), every column of it, its versions, and what deleting
it would affect: frozen records read when one article is opened, edited or re-imported.

Kept apart from records.py (the list's ArticleSummary is there) because the window builds
none of these before its first paint (each frozen dataclass takes about a millisecond to
make at import).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from desktop_app.core.records import DateSource

if TYPE_CHECKING:
    from desktop_app.core.records import EventRecord


@dataclass(frozen=True)
class ArticleRecord:
    """An article with its text."""

    id: int
    title: str
    outlet: str
    url: str
    author: str
    published: date | None
    published_source: DateSource
    text: str
    sha256: str
    imported_at: datetime


@dataclass(frozen=True)
class ArticleRow:
    """Every column of an article: enough to re-create it with the same id."""

    id: int
    title: str
    outlet: str
    url: str
    author: str
    published_on: date | None
    published_precision: str
    published_tz: str
    published_source: str
    text: str
    sha256: str
    source_path: str
    imported_at: datetime


@dataclass(frozen=True)
class ArticleVersion:
    """An article's columns and the events quoting it, at one moment (to undo a re-import)."""

    article: ArticleRow
    events: tuple[EventRecord, ...]


@dataclass(frozen=True)
class ArticleImpact:
    """Events that quote an article: those that only quote it, and those with other sources."""

    only_here: int
    with_other_sources: int
