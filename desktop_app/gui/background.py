"""Run slow pure functions (the date engine over a long article) off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn, self._relay = fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # noqa: BLE001 - reported on the GUI thread
            log.exception("background job failed")
            result = exc
        self._relay.done.emit(result)


class Background(QObject):
    """Runs a function on a worker thread and hands its result to a callback on this thread.

    Small inputs are cheaper to handle at once, so callers decide; results of jobs that were
    superseded are dropped by the caller (it checks what the result is for).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Call ``fn()`` on a worker thread, then ``on_done(result)`` on the GUI thread."""
        relay = _Relay()
        self._relays.add(relay)

        def deliver(result: Any) -> None:
            self._relays.discard(relay)
            if not isinstance(result, Exception):
                on_done(result)

        relay.done.connect(deliver)
        self._pool.start(_Job(fn, relay))

    def wait(self) -> None:
        """Block until running jobs finish (tests, closing)."""
        self._pool.waitForDone()
