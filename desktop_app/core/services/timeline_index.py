"""The timeline's rows, read in a few narrow queries: what the table and the chart show.

Opening a 100,000-event project must draw its chart in under a second; full event records
(notes, rules, quotes with their context) take about that long alone, so the window reads
only the columns it displays and fetches full records when an event is selected, edited or
filtered on. Edits reach the window as records: ``timeline_rows.timeline_row`` turns one
into a row, the same shape this service returns.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import BindParameter, bindparam, func, select, union
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.eventdates import precision_of
from desktop_app.core.gc_pause import gc_paused
from desktop_app.core.orm import Event, Quote
from desktop_app.core.records import TimelineRow
from desktop_app.core.services.events import article_titles, tags_by_event
from desktop_app.core.services.sources import conflicting_in
from desktop_app.core.timeline_rows import NOTES_SHOWN

_E = Event.__table__.c
_Q = Quote.__table__.c
_ROWS = select(_E.id, _E.title, _E.start_date, _E.precision, _E.end_date, _E.earliest,
               _E.latest, _E.date_assumed, _E.date_edited_by_user,
               func.substr(_E.notes, 1, NOTES_SHOWN), _E.created_by, _E.updated_by,
               _E.updated_at)
# Every source in order, and whether it gives a date of its own (two such may disagree).
_SOURCES = select(_Q.event_id, _Q.article_id, _Q.start,
                  _Q.date_start.is_not(None) & _Q.orphaned.is_(False)).order_by(_Q.id)
_IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
_SOME_ROWS = _ROWS.where(_E.id.in_(_IDS))
_SOME_SOURCES = _SOURCES.where(_Q.event_id.in_(_IDS))
_BATCH = 1000  # ids a query names at once


class TimelineIndexService:
    """Every event as a timeline row, in a few queries."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def rows(self, ids: Collection[int] | None = None) -> list[TimelineRow]:
        """All events (unsorted), each flagged where its sources disagree on the date; or
        those of ``ids`` that exist (a change set of a few hundred events in a timeline of
        100,000 reads its own rows, not every row)."""
        with self._sessions() as s, gc_paused():
            titles = article_titles(s)
            if ids is None:
                return self._rows_in(s, None, titles)
            ordered = sorted(ids)
            return [row for i in range(0, len(ordered), _BATCH)
                    for row in self._rows_in(s, ordered[i:i + _BATCH], titles)]

    @staticmethod
    def _rows_in(s: Session, ids: Sequence[int] | None, titles: dict[int, str],
                 ) -> list[TimelineRow]:
        """The rows of every event (None) or of a batch of ids."""
        conn = s.connection()
        first: dict[int, tuple[int, int]] = {}
        sources: dict[int, int] = {}
        dated: dict[int, int] = {}
        found = (conn.execute(_SOURCES) if ids is None
                 else conn.execute(_SOME_SOURCES, {"ids": ids}))
        for event_id, article_id, start, gives_date in found.all():
            first.setdefault(event_id, (article_id, start))
            sources[event_id] = sources.get(event_id, 0) + 1
            if gives_date:
                dated[event_id] = dated.get(event_id, 0) + 1
        # Only events with two dated sources can disagree: most timelines have few.
        conflicting = conflicting_in(s, [i for i, n in dated.items() if n > 1])
        tags = tags_by_event(s, ids)
        out = []
        for (event_id, title, start, precision, end, earliest, latest, assumed,
             edited, notes, created_by, updated_by, updated_at) in (
                conn.execute(_ROWS) if ids is None
                else conn.execute(_SOME_ROWS, {"ids": ids})).all():
            article_id, quote_start = first.get(event_id, (None, -1))
            names = tags.get(event_id)
            out.append(TimelineRow(
                event_id, title, start, precision_of(precision), end, earliest, latest,
                assumed, edited,
                article_id, titles.get(article_id, "") if article_id else "", quote_start,
                tuple(sorted(names, key=str.casefold)) if names else (),
                event_id in conflicting, sources.get(event_id, 0), notes, created_by,
                updated_by, updated_at))
        return out

    def people(self) -> list[str]:
        """Everyone who has made or changed an event, by name (the "changed by" filter)."""
        with self._sessions() as s:
            names = s.execute(union(select(_E.created_by), select(_E.updated_by))).scalars()
            return sorted({n for n in names if n}, key=str.casefold)
