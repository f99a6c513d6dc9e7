"""Tags: their colours, and tagging many events at once."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.clock import now
from desktop_app.core.errors import TimelineError
from desktop_app.core.listings import TagInfo
from desktop_app.core.orm import Event, Tag, event_tags
from desktop_app.core.records import EventRecord
from desktop_app.core.services.event_rows import tags_for
from desktop_app.core.services.events import EventService
from desktop_app.core.services.lookup import require
from desktop_app.core.tags import retag

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class TagService:
    """Tag colours (the chart colours events by tag) and tagging many events at once."""

    def __init__(self, sessions: sessionmaker[Session], events: EventService) -> None:
        self._sessions = sessions
        self._events = events

    def tag_events(self, event_ids: list[int], add: tuple[str, ...], remove: tuple[str, ...]
                   ) -> tuple[list[EventRecord], list[EventRecord]]:
        """Add and remove tags on several events in one transaction; return the records
        before and after (of the events that changed)."""
        before, after = [], []
        with self._sessions.begin() as s:
            for event_id in event_ids:
                old = self._events.get_in(s, event_id)
                tags = retag(old.tags, add, remove)
                if set(tags) == set(old.tags):
                    continue
                event = require(s, Event, event_id)
                event.tags = tags_for(s, tags)
                event.updated_at = now()
                s.flush()
                before.append(old)
                after.append(self._events.get_in(s, event_id))
        return before, after

    def list(self) -> list[TagInfo]:
        """Every tag in use or coloured, by name."""
        with self._sessions() as s:
            rows = s.execute(select(Tag.name, Tag.color, func.count(event_tags.c.event_id))
                             .outerjoin(event_tags, event_tags.c.tag_id == Tag.id)
                             .group_by(Tag.id).order_by(func.lower(Tag.name))).all()
            return [TagInfo(name, colour or "", n) for name, colour, n in rows]

    def colours(self) -> dict[str, str]:
        """Tag name -> #rrggbb, for tags with a chosen colour."""
        return {t.name: t.colour for t in self.list() if t.colour}

    def set_colour(self, name: str, colour: str) -> str:
        """Choose a tag's colour ("" for automatic); return the previous one (for undo)."""
        if colour and not _COLOUR.fullmatch(colour):
            raise TimelineError(f"{colour!r} is not a colour like #1f77b4")
        with self._sessions.begin() as s:
            tag = s.scalar(select(Tag).where(Tag.name == name))
            if tag is None:
                raise TimelineError(f"there is no tag {name!r}")
            before, tag.color = tag.color or "", colour.lower()
            return before
