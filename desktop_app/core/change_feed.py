"""Following what other windows and processes commit to the same project.

Every committed change set is logged in the project (``change_log``, written by
``changes.track`` in the same transaction). A feed reads the entries past the last one it saw,
leaves out its own client's, and hands the rest back as one external change set; the window
publishes it through the project's change hub like any other. This is the backend-specific part
(SQLite: a read-only connection polled cheaply through ``PRAGMA data_version``; PostgreSQL:
woken by LISTEN/NOTIFY, see ``change_feed_pg``) behind one small interface.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime, timedelta
from functools import reduce
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.change_set import ChangeSet, Origin
from desktop_app.core.orm import ChangeLogEntry

log = logging.getLogger(__name__)
KEEP_LOG = timedelta(days=1)


class ChangeFeed(Protocol):
    """What other clients have committed since the last poll; ``reachable`` is False while the
    project's server cannot be reached (a file is always reachable)."""

    reachable: bool

    def poll(self) -> ChangeSet | None: ...
    def close(self) -> None: ...


class SqliteChangeFeed:
    """Reads the change log of a project file through its own read-only connection (readers
    never wait for writers in WAL mode, and take no lock the writers would wait for)."""

    def __init__(self, path: Path, client: str) -> None:
        self._client = client
        self.reachable = True
        self._con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True,
                                    isolation_level=None, check_same_thread=False)
        self._version = self._data_version()
        self._last = self._con.execute("SELECT coalesce(max(id), 0) FROM change_log") \
            .fetchone()[0]

    def _data_version(self) -> int:
        return int(self._con.execute("PRAGMA data_version").fetchone()[0])

    def poll(self) -> ChangeSet | None:
        """Others' change sets since the last poll, merged into one (None: nothing new)."""
        try:
            version = self._data_version()
            if version == self._version:
                return None  # nobody committed anything: one pragma, no query
            self._version = version
            rows = self._con.execute("SELECT id, client, payload FROM change_log WHERE id > ? "
                                     "ORDER BY id", (self._last,)).fetchall()
        except sqlite3.Error as exc:
            log.warning("cannot read the project's change log: %s", exc)
            return None
        changes, self._last = external_changes(rows, self._last, self._client)
        return changes

    def close(self) -> None:
        self._con.close()


def external_changes(rows: list[Any], last: int, client: str) -> tuple[ChangeSet | None, int]:
    """Other clients' change sets among change log rows (id, client, payload) read past
    ``last``, merged into one, and the newest id read."""
    if not rows:
        return None, last
    pruned = rows[0][0] > last + 1  # entries this client never saw are gone
    theirs = [ChangeSet.from_payload(payload) for _id, writer, payload in rows
              if writer != client]
    if pruned:
        theirs.append(ChangeSet(everything=True, origin=Origin.EXTERNAL))
    return (reduce(ChangeSet.merged, theirs) if theirs else None), rows[-1][0]


def prune_change_log(sessions: sessionmaker[Session], keep: timedelta = KEEP_LOG) -> None:
    """Forget change log entries older than ``keep`` (a client that slept through them
    re-reads everything)."""
    cutoff = datetime.now(UTC).replace(tzinfo=None) - keep
    with sessions.begin() as s:
        s.execute(delete(ChangeLogEntry).where(ChangeLogEntry.created_at < cutoff))
