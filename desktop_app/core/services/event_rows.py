"""Events written as column values, many at a time, in a few statements: the new events of an
import or of accepted suggestions, with their tags and quotes, and deleted ones restored by
a bulk redo. An ORM object per event, or reading them back, would take most of a minute for
the 100,000 rows an import may hold."""

from __future__ import annotations

import operator
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from desktop_app.core.attribution import author_of
from desktop_app.core.bulk import allocate_ids, insert_rows
from desktop_app.core.changes import note
from desktop_app.core.orm import Event, Quote, Tag, event_tags
from desktop_app.core.records import EventRecord
from desktop_app.core.services.convert import (
    EVENT_COLUMNS,
    event_columns,
    event_record,
    quote_columns,
)
from desktop_app.core.tags import clean_tags

_EVENTS = cast(Table, Event.__table__)


def insert_events_in(s: Session, rows: list[dict[str, Any]],
                     tags: list[tuple[str, ...]]) -> list[EventRecord]:
    """Insert many new events without quotes (column values, and each one's tag names);
    return their records, in order."""
    inserted, names = _inserted_in(s, rows, tags)
    columns = operator.itemgetter(*EVENT_COLUMNS)
    return [event_record(columns(row), (), row_names, {})
            for row, row_names in zip(inserted, names, strict=True)]


def _inserted_in(s: Session, rows: list[dict[str, Any]],
                 tags: list[tuple[str, ...]],
                 ) -> tuple[list[dict[str, Any]], list[tuple[str, ...]]]:
    """Insert many new events (see insert_events_in); return their rows as inserted (with
    their ids) and each one's tag names as stored."""
    # Rows of an import share a few sets of tags: each set is looked up once.
    known: dict[tuple[str, ...], tuple[list[Tag], tuple[str, ...]]] = {}
    for names in tags:
        if names not in known:
            found = tags_for(s, names)
            known[names] = (found, tuple(t.name for t in found))
    tag_rows = [known[names] for names in tags]
    s.flush()  # new tags get their ids
    ids = allocate_ids(s, _EVENTS, len(rows))
    numbered_here = ids is not None
    if ids is None:  # a backend without an id allocator: the database numbers them
        ids = [s.execute(insert(_EVENTS).returning(_EVENTS.c.id), row).scalar_one()
               for row in rows]
    by = author_of(s)
    rows = [{**row, "id": i, "created_by": by, "updated_by": by, "version": 1}
            for row, i in zip(rows, ids, strict=True)]
    if numbered_here:
        insert_rows(s, _EVENTS, rows)
    insert_rows(s, event_tags, [
        {"event_id": event_id, "tag_id": tag.id}
        for event_id, (row_tags, _names) in zip(ids, tag_rows, strict=True)
        for tag in row_tags])
    note(s, "created", "events", ids)
    return rows, [names for _tags, names in tag_rows]


def insert_quoted_events_in(s: Session, rows: list[dict[str, Any]],
                            tags: list[tuple[str, ...]],
                            quotes: list[list[dict[str, Any]]],
                            stamp: datetime) -> list[int]:
    """Insert many new events (as ``insert_events_in``) and each one's quotes (column
    values, in order); returns the new events' ids, in order (their records, read back
    with their quotes, are the caller's to read)."""
    inserted, _names = _inserted_in(s, rows, tags)
    by = author_of(s)
    insert_rows(s, Quote.__table__, [
        {**q, "event_id": row["id"], "orphaned": False, "created_by": by,
         "updated_by": by, "created_at": stamp, "updated_at": stamp}
        for row, event_quotes in zip(inserted, quotes, strict=True)
        for q in event_quotes])
    return [row["id"] for row in inserted]


def restore_events_in(s: Session, records: list[EventRecord]) -> None:
    """Re-create many deleted events with their ids, quotes and tags (bulk redo)."""
    tag_rows = [tags_for(s, r.tags) for r in records]
    s.flush()
    insert_rows(s, Event.__table__, [event_columns(r) for r in records])
    insert_rows(s, Quote.__table__, [quote_columns(q) for r in records for q in r.quotes])
    insert_rows(s, event_tags, [
        {"event_id": r.id, "tag_id": tag.id}
        for r, row_tags in zip(records, tag_rows, strict=True) for tag in row_tags])
    note(s, "created", "events", [r.id for r in records])


def tags_for(s: Session, names: tuple[str, ...]) -> list[Tag]:
    """Tag rows for names, created when new (within the caller's transaction)."""
    names = clean_tags(names)
    if not names:
        return []
    # One tag per name whatever its case: "Army" joins the existing "army". The tags are
    # read once per transaction (an import of 100,000 rows asks for them 100,000 times).
    existing = s.info.get("tags_by_name")
    if existing is None:
        with s.no_autoflush:
            existing = {t.name.casefold(): t for t in s.scalars(select(Tag))}
        s.info["tags_by_name"] = existing
    out = []
    for name in names:
        tag = existing.get(name.casefold())
        if tag is None:
            tag = existing[name.casefold()] = Tag(name=name, color="")
            s.add(tag)
        out.append(tag)
    return out
