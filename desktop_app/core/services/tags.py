"""Tags: their colours, and tagging many events at once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.errors import TimelineError
from desktop_app.core.orm import Tag, event_tags

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class TagInfo:
    """A tag with its colour ("" when none is chosen) and how many events carry it."""

    name: str
    colour: str
    events: int


class TagService:
    """Tag colours (the chart colours events by tag)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

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
