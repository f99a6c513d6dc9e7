"""What the search panel and the tag lists show: frozen records made when they are asked
for, not before the window's first paint (each frozen dataclass takes about a millisecond
to make at import)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TagInfo:
    """A tag with its colour ("" when none is chosen) and how many events carry it."""

    name: str
    colour: str
    events: int


@dataclass(frozen=True)
class SearchHit:
    """One passage that matches a search: where it is, and a line to show for it."""

    article_id: int
    article_title: str
    start: int
    end: int
    snippet: str
