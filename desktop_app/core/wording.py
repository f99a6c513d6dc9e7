"""Words for the user: counting things in English for the core's own messages (the GUI's go
through Qt's %n), and who changed a record when."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Protocol


class Attributed(Protocol):
    """A record that says who made and changed it, and when (UTC)."""

    @property
    def created_at(self) -> datetime: ...
    @property
    def updated_at(self) -> datetime: ...
    @property
    def created_by(self) -> str: ...
    @property
    def updated_by(self) -> str: ...
    @property
    def version(self) -> int: ...


def local_stamp(stamp: datetime) -> str:
    """A stored (UTC) time in the user's time zone: 'Thu 3 Dec 2026 17:02'."""
    local = stamp.replace(tzinfo=UTC).astimezone()
    return f"{local:%a} {local.day} {local:%b %Y %H:%M}"


def provenance(r: Attributed) -> str:
    """Who made a record and who last changed it, and when."""
    made = f"Created {local_stamp(r.created_at)}" + (f" by {r.created_by}" if r.created_by
                                                     else "")
    if r.version <= 1 and r.updated_by == r.created_by:
        return made
    return made + f" · changed {local_stamp(r.updated_at)}" + (
        f" by {r.updated_by}" if r.updated_by else "")


def some_of(items: Sequence[str], shown: int = 10, separator: str = ", ") -> str:
    """The first few of a list and how many more ('a, b, c and 199,997 more'): a message
    naming what a file holds stays one line however much it holds."""
    named = separator.join(items[:shown])
    return named + (f" and {len(items) - shown:,} more" if len(items) > shown else "")


def counted(n: int, noun: str, plural: str = "") -> str:
    """'1 article', '3 articles', '0 articles' (``plural`` for nouns that do not take -s)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
