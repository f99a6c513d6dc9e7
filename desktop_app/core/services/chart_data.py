"""What the chart needs of every event, read in three narrow queries.

Opening a 100,000-event project must draw its chart in under a second; full event records
(notes, rules, quotes with their context) take about that long alone, so the chart reads only
the columns it draws. Edits later reach the chart as records (``entry_of_record``); both go
through ``chart_item``, the one place that decides how an event is drawn.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.bulk import gc_paused
from desktop_app.core.chart.items import ChartEntry, chart_item
from desktop_app.core.orm import Event, Quote, Tag, event_tags

_E = Event.__table__.c
_Q = Quote.__table__.c
_T = Tag.__table__.c
_ROWS = select(_E.id, _E.title, _E.start_date, _E.precision, _E.end_date, _E.earliest,
               _E.latest)
_FIRST_SOURCES = select(_Q.event_id, _Q.article_id).order_by(_Q.id)
_TAGS = select(event_tags.c.event_id, _T.name).join(Tag.__table__,
                                                    _T.id == event_tags.c.tag_id)


class ChartDataService:
    """The chart's entries for a whole project."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def entries(self, conflicting: set[int] | frozenset[int] = frozenset()) -> list[ChartEntry]:
        """Every event as a chart entry (its first source's article and its tags)."""
        with self._sessions() as s, gc_paused():
            conn = s.connection()
            first: dict[int, int] = {}
            for event_id, article_id in conn.execute(_FIRST_SOURCES).all():
                first.setdefault(event_id, article_id)
            tags: dict[int, list[str]] = defaultdict(list)
            for event_id, name in conn.execute(_TAGS).all():
                tags[event_id].append(name)
            out = []
            for row in conn.execute(_ROWS).all():
                event_id = row[0]
                names = tags.get(event_id)
                out.append(ChartEntry(chart_item(*row, event_id in conflicting),
                                      first.get(event_id),
                                      tuple(sorted(names, key=str.casefold)) if names else ()))
            return out
