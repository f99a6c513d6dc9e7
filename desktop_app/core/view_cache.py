"""A snapshot of what the window showed, so the next start paints the project at once.

Opening a project needs the database layer, whose import alone takes longer than painting a
window; the snapshot needs nothing but this module. It is used only while the project file is
exactly as it was when the snapshot was taken (size and modification time of the database and
its write-ahead log), so another program's changes never show as stale content, and the live
project replaces it moments later anyway.
"""

from __future__ import annotations

import io
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.records import (
    ArticleSummary,
    EventDate,
    EventRecord,
    QuoteRecord,
)

_ALLOWED = {("desktop_app.core.records", n) for n in (
    "ArticleSummary", "EventDate", "EventRecord", "QuoteRecord", "Precision")} | {
    ("desktop_app.core.view_cache", "Snapshot"), ("datetime", "date"), ("datetime", "datetime")}


FORMAT = 3  # bump when a record pickled here changes shape: older snapshots are then ignored


@dataclass(frozen=True)
class Snapshot:
    """The article list, the timeline, and the article shown in the reader."""

    stamp: tuple[int, ...]
    articles: tuple[ArticleSummary, ...]
    events: tuple[EventRecord, ...]
    article_id: int | None
    article_text: str
    quotes: tuple[QuoteRecord, ...]
    format: int = 0  # snapshots written before there was a format number read as 0


def project_stamp(path: Path) -> tuple[int, ...]:
    """What identifies a project file's state: size and mtime of the file and of its WAL (an
    empty WAL holds no changes and counts as none)."""
    stamp: list[int] = []
    for p in (path, path.with_name(path.name + "-wal")):
        try:
            st = p.stat()
            stamp += [st.st_size, st.st_mtime_ns] if st.st_size else [-1, -1]
        except OSError:
            stamp += [-1, -1]
    return tuple(stamp)


def write_snapshot(cache: Path, snapshot: Snapshot) -> None:
    """Save a snapshot (atomically; a failure only costs the next start a little time)."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(cache.name + ".part")
        tmp.write_bytes(pickle.dumps(snapshot, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, cache)
    except OSError:
        pass


class _RecordsOnly(pickle.Unpickler):
    """Unpickle our records and nothing else: a cache file must not be able to run code."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a view cache")
        return super().find_class(module, name)


def read_snapshot(cache: Path, stamp: tuple[int, ...]) -> Snapshot | None:
    """The snapshot for a project in exactly this state, or None."""
    try:
        snapshot = _RecordsOnly(io.BytesIO(cache.read_bytes())).load()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        return None
    if not isinstance(snapshot, Snapshot) or snapshot.stamp != stamp or \
            snapshot.format != FORMAT:
        return None
    return snapshot


__all__ = ["EventDate", "Snapshot", "project_stamp", "read_snapshot", "write_snapshot"]
