"""Live updates: what other windows and processes commit to the open project reaches this
window's views within a fraction of a second, through the same change hub as its own edits."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from desktop_app.core.change_feed import ChangeFeed
    from desktop_app.core.changes import ChangeHub
    from desktop_app.core.project import Project

log = logging.getLogger(__name__)
POLL_MS = 200  # a poll with nothing new is one PRAGMA on a read-only connection


class LiveChanges(QObject):
    """Polls the open project's change feed and publishes others' change sets to its hub;
    says when a team project's server goes away and comes back."""

    reachabilityChanged = Signal(bool)  # noqa: N815 (Qt naming)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reachable = True
        self._feed: ChangeFeed | None = None
        self._hub: ChangeHub | None = None
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.poll)

    def follow(self, project: Project) -> None:
        """Follow this project (and stop following the previous one)."""
        self.stop()
        try:
            self._feed = project.feed()
        except Exception:  # noqa: BLE001 - live updates are a convenience, never a failure
            log.exception("cannot follow other clients' changes to %s", project.location)
            return
        self._hub = project.changes
        self._timer.start()

    def poll(self) -> None:
        """Publish what others committed since the last poll (the timer calls this)."""
        if self._feed is None or self._hub is None:
            return
        changes = self._feed.poll()
        if self._feed.reachable != self._reachable:
            self._reachable = self._feed.reachable
            self.reachabilityChanged.emit(self._reachable)
        if changes is not None:
            self._hub.publish(changes)

    def stop(self) -> None:
        """Stop polling and release the feed's connection."""
        self._timer.stop()
        if self._feed is not None:
            self._feed.close()
        self._feed = self._hub = None
