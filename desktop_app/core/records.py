"""Frozen records: the only shape in which data leaves the core (safe to keep in undo commands).

Here are those the window's first paint shows (events, quotes, the article list) and the
closed sets; edits.py, article_records.py and listings.py hold the others, so that start-up
builds only these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple

SortKey = tuple[date, int, int, int]  # (a field named "date" hides the type inside records)


class StoredEnum(StrEnum):
    """A closed set stored by its value, and pickled by its value on every Python (3.11.2
    pickles enum members through builtins.getattr, which the view cache rightly refuses)."""

    def __reduce_ex__(self, protocol: object) -> tuple[Any, ...]:
        return type(self), (self.value,)


class DateSource(StoredEnum):
    """Where an article's publication date came from (stored by value)."""

    UNKNOWN = ""
    METADATA = "metadata"  # the file's own metadata (HTML, JSON-LD, e-mail header, PDF info)
    # Printed with the article: a dateline in the text ("NAIROBI, Aug 6 -"), or the day a
    # saved page shows beside its headline where its metadata gives none.
    DATELINE = "dateline"
    USER = "user"  # typed or confirmed by the user (or --published)
    # The importer's suggestion, taken unconfirmed: by the CLI's `import --dates best`, which
    # has nobody to ask (Article > Properties confirms it).
    SUGGESTED = "suggested"


class LaneMode(StrEnum):
    """How the chart's events are put in lanes."""

    ARTICLE = "article"  # one lane per article (an event's first source)
    TAG = "tag"  # one lane per tag (an event shows in each of its tags' lanes)
    SINGLE = "single"  # every event in one lane


class Precision(StoredEnum):
    """How precisely an event's date is known, finest first (stored by value)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the article list."""

    id: int
    title: str
    outlet: str
    published: date | None
    event_count: int


@dataclass(frozen=True)
class QuoteRecord:
    """A source passage, anchored by position and by exact text with context."""

    id: int
    event_id: int
    article_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    orphaned: bool = False  # the passage is no longer in the (re-imported) article text
    date_start: date | None = None  # the date this passage gives (multi-source events)
    date_precision: str = ""
    created_by: str = ""  # who added this source


@dataclass(frozen=True)
class EventDate:
    """When an event happened, at a precision, with the reasoning that produced it."""

    start: date
    precision: Precision
    end: date | None = None
    earliest: date | None = None
    latest: date | None = None
    expression: str = ""
    rule: str = ""
    anchor: date | None = None
    assumed: bool = False
    alternatives: tuple[EventDate, ...] = field(default=(), compare=False)

    @property
    def doubts(self) -> tuple[str, ...]:
        """Why the date engine was unsure of this date when it dated the event; kept at the
        end of ``rule`` so that it is stored, exported and shown with the explanation."""
        _, mark, reasons = self.rule.partition(UNSURE_MARK)
        return tuple(reasons.split(DOUBT_SEPARATOR)) if mark and reasons else ()

    @property
    def reason(self) -> str:
        """``rule`` without the doubts."""
        return self.rule.partition(UNSURE_MARK)[0]


UNSURE_MARK = " — unsure: "
DOUBT_SEPARATOR = " · "


@dataclass(frozen=True)
class EventRecord:
    """An event on the timeline with its tags and quotes."""

    id: int
    title: str
    notes: str
    date: EventDate
    date_edited_by_user: bool
    tags: tuple[str, ...]
    quotes: tuple[QuoteRecord, ...]
    article_id: int | None
    article_title: str
    created_at: datetime
    updated_at: datetime
    created_by: str = ""
    updated_by: str = ""
    version: int = 1  # counts changes: an edit made on what was shown names the one shown

    @property
    def sort_key(self) -> SortKey:
        """Chronological order; ties by article, then position in the article, then creation."""
        q = self.quotes[0] if self.quotes else None
        return (self.date.start, self.article_id if self.article_id is not None else -1,
                q.start if q else -1, self.id)


class EditField(StrEnum):
    """The fields of an event the table and the inspector edit, one at a time."""

    TITLE = "title"
    DATE = "date"
    PRECISION = "precision"
    TAGS = "tags"
    NOTES = "notes"


class TimelineRow(NamedTuple):
    """What the timeline table and the chart show of an event, without its quotes' text, rule
    or notes: read for 100,000 events in a fraction of the time full records take. The full
    record is fetched when an event is selected, edited or filtered on. A flat tuple (no
    nested EventDate) because a large project builds one per event when it opens."""

    id: int
    title: str
    start: date
    precision: Precision
    end: date | None
    earliest: date | None
    latest: date | None
    assumed: bool
    edited: bool
    article_id: int | None  # the first source's article
    article_title: str
    first_quote_start: int  # -1 when the event has no quote
    tags: tuple[str, ...]
    conflict: bool  # its sources disagree on the date
    # The table's optional columns:
    source_count: int = 0
    notes: str = ""  # the start of the notes (the tooltip shows them whole)
    created_by: str = ""
    updated_by: str = ""
    updated_at: datetime | None = None

    @property
    def date(self) -> EventDate:
        """The date as the display functions take it (without expression or rule)."""
        return EventDate(self.start, self.precision, self.end, self.earliest, self.latest,
                         assumed=self.assumed)

    @property
    def sort_key(self) -> SortKey:
        """The same order as EventRecord.sort_key."""
        return (self.start, self.article_id if self.article_id is not None else -1,
                self.first_quote_start, self.id)
