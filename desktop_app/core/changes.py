"""The one change path: what a committed transaction changed, published once to every view.

Every write goes through the ORM inside a service's transaction. The session records which
events, articles and tags its flushes touched; when the transaction commits, the project's
``ChangeHub`` publishes that as one ``ChangeSet`` (nothing is published for a rollback).
Views subscribe to the hub and bring themselves up to date from it; nothing else updates a
view. A change set can also come from outside the window (another window or process on the
same project): it is published through the same hub with ``Origin.EXTERNAL``.

A change set names ids, not values: a view reads the current state of what it shows, so
applying change sets in any grouping gives the same picture (an event created and deleted
within one batch is simply absent when the view looks).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from desktop_app.core.attribution import author_of
from desktop_app.core.change_set import ChangeSet
from desktop_app.core.orm import ChangeLogEntry

log = logging.getLogger(__name__)


Subscriber = Callable[[ChangeSet], None]


@dataclass
class ChangeHub:
    """Publishes each committed change set once to every subscriber, in the order subscribed.

    ``batch()`` holds change sets back and publishes them as one when the outermost batch
    ends, so an operation made of many transactions (undoing 1,000 suggestions) reaches the
    views as one update.
    """

    _subscribers: list[Subscriber] = field(default_factory=list)
    _held: ChangeSet | None = None
    _depth: int = 0
    # Told when a change asked for was refused (an undo of an event someone has changed since).
    _refusal_listeners: list[Callable[[str], None]] = field(default_factory=list)

    def on_refusal(self, listener: Callable[[str], None]) -> Callable[[], None]:
        """Call ``listener`` with the reason of every refused change; returns the remover."""
        self._refusal_listeners.append(listener)
        return lambda: self._refusal_listeners.remove(listener) \
            if listener in self._refusal_listeners else None

    def refuse(self, reason: str) -> None:
        """Say that a change was not made, and why."""
        for listener in list(self._refusal_listeners):
            listener(reason)

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call ``subscriber`` with every change set from now on; returns the unsubscriber."""
        self._subscribers.append(subscriber)
        return lambda: self._subscribers.remove(subscriber) \
            if subscriber in self._subscribers else None

    def publish(self, changes: ChangeSet) -> None:
        """Tell every subscriber (or hold it, inside a batch)."""
        if changes.is_empty:
            return
        if self._depth:
            self._held = changes if self._held is None else self._held.merged(changes)
            return
        for subscriber in list(self._subscribers):
            subscriber(changes)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Publish everything committed inside as one change set, at the end."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0 and self._held is not None:
                held, self._held = self._held, None
                self.publish(held)


# -- recording what sessions change -------------------------------------------------------

_KEY = "timeline_changes"
_COMMITTED = "timeline_changes_committed"  # published when the transaction has ended


@dataclass
class _Pending:
    created: dict[str, set[int]] = field(default_factory=dict)
    updated: dict[str, set[int]] = field(default_factory=dict)
    deleted: dict[str, set[int]] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    def add(self, kind: str, table: str, ids: Iterable[int]) -> None:
        getattr(self, kind).setdefault(table, set()).update(ids)

    def change_set(self) -> ChangeSet:
        def ids(kind: str, table: str) -> frozenset[int]:
            return frozenset(getattr(self, kind).get(table, ()))

        deleted_events = ids("deleted", "events")
        return ChangeSet(
            ids("created", "events") - deleted_events,
            ids("updated", "events") - deleted_events - ids("created", "events"),
            deleted_events,
            ids("created", "articles"), ids("updated", "articles") - ids("created", "articles"),
            ids("deleted", "articles"), "tags" in self.flags, "filters" in self.flags)


def note(session: Session, kind: str, table: str, ids: Iterable[int]) -> None:
    """Record a change the ORM cannot see (a bulk statement) in the session's change set."""
    _pending(session).add(kind, table, ids)


def _pending(session: Session) -> _Pending:
    pending = session.info.get(_KEY)
    if pending is None:
        pending = session.info[_KEY] = _Pending()
    return pending


def _after_flush(session: Session, _context: object) -> None:
    pending = _pending(session)
    for kind, objects in (("created", session.new), ("updated", session.dirty),
                          ("deleted", session.deleted)):
        for obj in objects:
            table = obj.__table__.name
            if table in ("events", "articles"):
                # An event's tags are a collection; an article's quotes are not the article.
                if kind != "updated" or session.is_modified(
                        obj, include_collections=table == "events"):
                    pending.add(kind, table, [obj.id])
            elif table in ("quotes", "event_tags"):  # a source or tag of an event
                pending.add("updated", "events", [obj.event_id])
            elif table == "tags":
                pending.flags.add("tags")
            elif table == "saved_filters":
                pending.flags.add("filters")


class ChangeLog(Protocol):
    """How a backend writes a change set's log entry, last thing before its transaction
    commits (PostgreSQL: under the lock that keeps log ids in commit order, with the
    notification sent at commit, in one statement)."""

    def write(self, session: Session, entry: dict[str, Any]) -> None: ...


class _OrmChangeLog:
    """The entry as an ORM row, flushed with the commit (a project file: SQLite commits one
    writer at a time, so ids are in commit order already)."""

    def write(self, session: Session, entry: dict[str, Any]) -> None:
        session.add(ChangeLogEntry(**entry))


def track(sessions: sessionmaker[Session], hub: ChangeHub, client: str,
          log: ChangeLog | None = None) -> None:
    """Publish what each session's committed transactions changed to ``hub``, and log it in
    the same transaction as ``client``'s, for the other clients of the project."""

    writer = log if log is not None else _OrmChangeLog()

    def before_commit(session: Session) -> None:
        session.flush()  # the last changes reach _after_flush before they are logged
        pending = session.info.get(_KEY)
        if pending is not None:
            changes = pending.change_set()
            if not changes.is_empty:
                writer.write(session, {"client": client, "payload": changes.to_payload(),
                                       "created_at": datetime.now(UTC).replace(tzinfo=None),
                                       "author": author_of(session)[:200]})

    def after_commit(session: Session) -> None:
        pending = session.info.pop(_KEY, None)
        if pending is not None:
            session.info[_COMMITTED] = pending.change_set()

    def after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
        # Published once the transaction has given its connection back: the views read the
        # change at once, through the same pooled connection instead of opening another.
        if transaction.parent is None:
            committed = session.info.pop(_COMMITTED, None)
            if committed is not None:
                hub.publish(committed)

    def after_rollback(session: Session) -> None:
        session.info.pop(_KEY, None)

    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "before_commit", before_commit)
    event.listen(sessions, "after_commit", after_commit)
    event.listen(sessions, "after_transaction_end", after_transaction_end)
    event.listen(sessions, "after_soft_rollback", lambda s, _t: after_rollback(s))
