"""What callers hand the services to make or change data: an article read from a file
before it is stored, an article's fields as the user edits them, an event's edit.

Frozen records like those in records.py, kept apart from them because the window builds
none of these before its first paint (each frozen dataclass takes about a millisecond to
make at import).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from desktop_app.core.records import DateSource

if TYPE_CHECKING:
    from desktop_app.core.records import EventDate


@dataclass(frozen=True)
class ArticleDraft:
    """An article read from a file or pasted, not yet in the project."""

    title: str
    text: str
    outlet: str = ""
    url: str = ""
    author: str = ""
    published: date | None = None
    published_source: DateSource = DateSource.UNKNOWN
    published_guess: date | None = None  # best guess to pre-fill when asking the user
    source_path: str = ""
    published_doubt: str = ""  # why the user must be asked although dates were found
    # Other days the file names, with where ("the page's metadata"), offered when asking.
    published_others: tuple[tuple[date, str], ...] = ()


@dataclass(frozen=True)
class ArticleMetadata:
    """The user-editable fields of an article (Article > Properties)."""

    title: str
    outlet: str
    url: str
    author: str
    published: date | None
    # Saved from Article > Properties, the day is the user's (a suggested one is confirmed);
    # undo puts back the source it had.
    published_source: DateSource = DateSource.USER


@dataclass(frozen=True)
class EventEdit:
    """The user-editable state of an event; ``None`` fields are left unchanged."""

    title: str | None = None
    notes: str | None = None
    date: EventDate | None = None
    date_edited_by_user: bool | None = None
    tags: tuple[str, ...] | None = None
    # The version the edit was made on (what the window showed): if the event has changed
    # since, the edit is refused with EditConflictError instead of overwriting that change.
    expected_version: int | None = None
