"""Filters saved by name in the project (they travel with the project file)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.errors import TimelineError
from desktop_app.core.filters import EventFilter
from desktop_app.core.orm import SavedFilter


class SavedFilterService:
    """Save, list, load and delete named filters."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def names(self) -> list[str]:
        """Saved filter names, alphabetically."""
        with self._sessions() as s:
            return list(s.scalars(select(SavedFilter.name).order_by(func.lower(SavedFilter.name))))

    def save(self, name: str, event_filter: EventFilter) -> None:
        """Save (or overwrite) a filter under a name."""
        name = " ".join(name.split())[:200]
        if not name:
            raise TimelineError("a saved filter needs a name")
        with self._sessions.begin() as s:
            row = s.scalar(select(SavedFilter).where(SavedFilter.name == name))
            if row is None:
                s.add(SavedFilter(name=name, spec=event_filter.to_json()))
            else:
                row.spec = event_filter.to_json()

    def load(self, name: str) -> EventFilter:
        """The filter saved under a name."""
        with self._sessions() as s:
            spec = s.scalar(select(SavedFilter.spec).where(SavedFilter.name == name))
        if spec is None:
            raise TimelineError(f"there is no saved filter {name!r}")
        return EventFilter.from_json(spec)

    def delete(self, name: str) -> None:
        """Forget a saved filter."""
        with self._sessions.begin() as s:
            row = s.scalar(select(SavedFilter).where(SavedFilter.name == name))
            if row is not None:
                s.delete(row)
