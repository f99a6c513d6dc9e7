"""Loading and writing many records at once: without the cyclic garbage collector getting in
the way, and with ids numbered ahead so rows go in with one statement per few thousand."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause cyclic GC while building many small objects that hold no cycles.

    Building 100,000 event records triggers dozens of full collections that scan every record
    already built (about half the time of loading a large timeline); the records form no
    cycles, so nothing is lost by collecting once afterwards instead.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def allocate_ids(s: Session, table: Any, count: int) -> list[int] | None:
    """``count`` new ids for rows of an AUTOINCREMENT table, numbered as the database would
    number them (past every id ever used), or None where this backend has no allocator here.

    Safe because services hold the write lock for their whole transaction (BEGIN IMMEDIATE):
    nobody else can take these ids before the rows are in.
    """
    if s.get_bind().dialect.name != "sqlite":
        return None
    used = s.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :name"),
                     {"name": table.name}).scalar() or 0
    top = s.scalar(select(func.max(table.c.id))) or 0
    first = max(used, top) + 1
    return list(range(first, first + count))
