"""Following a team project on PostgreSQL: LISTEN/NOTIFY wakes the feed, the change log says
what changed.

Writers take a transaction-scoped advisory lock just before logging their change set, so
change log ids become visible in id order (without it, a transaction that took id 10 could
commit after one that took id 11, and a reader past 11 would never see 10); the lock is held
only from the end of the transaction's work to its commit. Each commit then notifies; the
notification carries nothing, the log is the truth, so a missed notification (a dropped
connection) costs a re-read, never a lost change.
"""

from __future__ import annotations

import logging
from typing import Any

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from desktop_app.core.change_feed import external_changes
from desktop_app.core.change_set import ChangeSet, Origin

log = logging.getLogger(__name__)

CHANNEL = "timeline_annotator_changes"
LOG_LOCK = 0x54_4C_42  # advisory lock key serialising the change log's commit order


# The lock first (a materialised CTE is evaluated before the row that takes the next id),
# the notification sent at commit, the entry written: one round trip inside every writer's
# locks instead of two (the global lock is held from here to the commit).
_WRITE_LOG = text(
    "WITH taken AS MATERIALIZED (SELECT pg_advisory_xact_lock(:key), pg_notify(:channel, '')) "
    "INSERT INTO change_log (client, payload, created_at, author) "
    "SELECT :client, :payload, :created_at, :author FROM taken")


class PostgresChangeLog:
    """How a writer logs its change set on PostgreSQL."""

    def write(self, session: Session, entry: dict[str, Any]) -> None:
        session.execute(_WRITE_LOG, {"key": LOG_LOCK, "channel": CHANNEL, **entry})


def libpq_address(url: URL) -> str:
    """The URL as libpq reads it (psycopg's own connect), with its password if it has one."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class PostgresChangeFeed:
    """Others' committed change sets, through a connection of its own that only listens and
    reads; when the server goes away it reconnects on a later poll and then asks for a full
    refresh (notifications sent meanwhile are lost)."""

    def __init__(self, url: URL, client: str) -> None:
        self._address = libpq_address(url)
        self._client = client
        self._con: psycopg.Connection | None = None
        self._last = 0
        self.reachable = True
        self._connect()

    def _connect(self) -> None:
        con = psycopg.connect(self._address, autocommit=True, connect_timeout=5)
        con.execute(f"LISTEN {CHANNEL}")
        row = con.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()
        self._last = int(row[0]) if row else 0
        self._con = con

    def poll(self) -> ChangeSet | None:
        """Others' change sets since the last poll, merged into one (None: nothing new)."""
        if self._con is None:
            return self._reconnect()
        try:
            woken = any(True for _ in self._con.notifies(timeout=0))
            if not woken:
                return None
            rows = self._con.execute("SELECT id, client, payload FROM change_log WHERE id > %s "
                                     "ORDER BY id", (self._last,)).fetchall()
        except psycopg.OperationalError as exc:
            log.warning("lost the connection to the team project's server: %s", exc)
            self._drop()
            return None
        changes, self._last = external_changes(rows, self._last, self._client)
        return changes

    def _reconnect(self) -> ChangeSet | None:
        try:
            self._connect()
        except psycopg.OperationalError:
            return None
        log.info("reconnected to the team project's server")
        self.reachable = True
        return ChangeSet(everything=True, origin=Origin.EXTERNAL)

    def _drop(self) -> None:
        self.reachable = False
        if self._con is not None:
            try:
                self._con.close()
            except psycopg.Error:
                pass
        self._con = None

    def close(self) -> None:
        self._drop()
