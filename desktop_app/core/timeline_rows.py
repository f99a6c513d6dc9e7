"""A full event record reduced to the row the table and the chart show (pure; no database)."""

from __future__ import annotations

from desktop_app.core.conflicts import has_conflict
from desktop_app.core.records import EventRecord, TimelineRow

NOTES_SHOWN = 200  # characters of the notes a row holds


def timeline_row(r: EventRecord) -> TimelineRow:
    """The row of a full record (after an edit, an undo, an import...)."""
    q = r.quotes[0] if r.quotes else None
    d = r.date
    return TimelineRow(r.id, r.title, d.start, d.precision, d.end, d.earliest, d.latest,
                       d.assumed, r.date_edited_by_user, r.article_id, r.article_title,
                       q.start if q else -1, r.tags, has_conflict(r), len(r.quotes),
                       r.notes[:NOTES_SHOWN], r.created_by, r.updated_by, r.updated_at)
