"""SQLAlchemy 2 typed ORM models: the schema of a project file (kept database-neutral)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import false

from desktop_app.core.records import DateSource, Precision

# The values a column of a closed set may hold: integrity.damaged_values names any other,
# instead of a read failing without saying where.
_PRECISION = {"one_of": frozenset(p.value for p in Precision)}
_PRECISION_OR_NONE = {"one_of": frozenset({"", *_PRECISION["one_of"]})}
_DATE_SOURCE = {"one_of": frozenset(s.value for s in DateSource)}


class Base(DeclarativeBase):
    """Declarative base of every table."""


class Attributed:
    """Who made and who last changed a row, and its version (counting its changes), all
    stamped by ``core.attribution`` at each flush (migration 0008). A row re-created by undo
    keeps its version: it is the same content again."""

    created_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    updated_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


event_tags = Table(
    "event_tags",
    Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Article(Attributed, Base):
    """An imported article; its text never changes once quotes point into it."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    outlet: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(String(2000), default="")
    author: Mapped[str] = mapped_column(String(300), default="")
    published_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    published_precision: Mapped[str] = mapped_column(String(10), default="day",
                                                     info=_PRECISION)
    published_tz: Mapped[str] = mapped_column(String(40), default="")
    published_source: Mapped[str] = mapped_column(String(20), default="", info=_DATE_SOURCE)
    text: Mapped[str] = mapped_column(Text, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    source_path: Mapped[str] = mapped_column(String(2000), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    quotes: Mapped[list[Quote]] = relationship(back_populates="article",
                                               cascade="all, delete-orphan",
                                               passive_deletes=True)


class Event(Attributed, Base):
    """A dated event on the timeline."""

    __tablename__ = "events"
    __table_args__ = {"sqlite_autoincrement": True}  # ids never reused (migration 0005)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(1000))
    notes: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    precision: Mapped[str] = mapped_column(String(10), default="day", info=_PRECISION)
    earliest: Mapped[date | None] = mapped_column(Date, nullable=True)
    latest: Mapped[date | None] = mapped_column(Date, nullable=True)
    date_expression: Mapped[str] = mapped_column(String(500), default="")
    date_rule: Mapped[str] = mapped_column(String(1000), default="")
    date_anchor: Mapped[date | None] = mapped_column(Date, nullable=True)
    date_assumed: Mapped[bool] = mapped_column(Boolean, default=False)
    date_edited_by_user: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    quotes: Mapped[list[Quote]] = relationship(back_populates="event", order_by="Quote.id",
                                               cascade="all, delete-orphan",
                                               passive_deletes=True)
    tags: Mapped[list[Tag]] = relationship(secondary=event_tags, order_by="Tag.name")


class Quote(Attributed, Base):
    """A passage of an article that sources an event (W3C TextQuote + TextPosition selectors)."""

    __tablename__ = "quotes"
    __table_args__ = (Index("ix_quotes_article_start", "article_id", "start"),
                      {"sqlite_autoincrement": True})  # ids never reused (migration 0005)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"),
                                            index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(String(200), default="")
    suffix: Mapped[str] = mapped_column(String(200), default="")
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    date_start: Mapped[date | None] = mapped_column(Date, nullable=True)  # this source's date
    date_precision: Mapped[str] = mapped_column(String(10), default="", server_default="",
                                                info=_PRECISION_OR_NONE)
    created_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    event: Mapped[Event] = relationship(back_populates="quotes")
    article: Mapped[Article] = relationship(back_populates="quotes")


class Tag(Attributed, Base):
    """A label shared by events."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    color: Mapped[str] = mapped_column(String(20), default="")
    created_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class SavedFilter(Base):
    """Filter-bar settings saved under a name (stored as JSON)."""

    __tablename__ = "saved_filters"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    spec: Mapped[str] = mapped_column(Text)


class ImportKey(Base):
    """What a CSV row that created an event looked like (a hash of its values), so that
    importing the same file again, after a crash or by mistake, never creates it twice."""

    __tablename__ = "import_keys"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          primary_key=True)
    key: Mapped[str] = mapped_column(String(64), index=True)


class ChangeLogEntry(Base):
    """One committed change set, for the other windows and processes on the project."""

    __tablename__ = "change_log"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    client: Mapped[str] = mapped_column(String(36))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column()
    author: Mapped[str] = mapped_column(String(200), default="", server_default="")


class ProjectInfo(Base):
    """Facts about the project itself, by key (its 'uuid', made once)."""

    __tablename__ = "project_info"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
