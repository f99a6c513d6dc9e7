"""Unexpected exceptions: log the traceback, tell the user, keep the app and project running."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)
ShowDialog = Callable[[str, str], None]
# What an exception means in the user's terms, where that can be found out (a stored value
# another program wrote, named by table, row and column); None: a bug.
Diagnosis = Callable[[BaseException], str | None]


class ExceptionReporter:
    """The sys.excepthook of the GUI: every edit is already committed, so the app goes on."""

    def __init__(self, parent: Callable[[], QWidget | None], log_file: Path | None,
                 show: ShowDialog | None = None, diagnose: Diagnosis | None = None) -> None:
        self._parent = parent
        self._log_file = log_file
        self._show = show or self._message_box
        self._diagnose = diagnose or (lambda _exc: None)
        self.reported = 0

    def install(self) -> None:
        """Become sys.excepthook."""
        sys.excepthook = self

    def __call__(self, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        try:
            meaning = self._diagnose(exc)
        except Exception:  # noqa: BLE001 - the diagnosis must never hide the first error
            log.exception("the diagnosis of an error failed")
            meaning = None
        self.reported += 1
        if meaning is not None:
            log.error("%s\n%s", meaning, details)
            self._show("Damaged project", meaning)
            return
        log.error("unexpected error:\n%s", details)
        where = f"\n\nThe details are in {self._log_file}." if self._log_file else ""
        self._show("Unexpected error",
                   f"Something went wrong: {exc_type.__name__}: {exc}\n\nEverything you did "
                   f"before is saved; you can go on working.{where}")

    def _message_box(self, title: str, text: str) -> None:
        QMessageBox.critical(self._parent(), title, text)
