"""The window's questions answered as a test says, instead of by modal dialogs.

Errors and edit conflicts are recorded (an error is a message, not a failure: tests assert on
them); any other question a test did not expect fails it. A test answers one by assigning,
e.g. ``window.dialogs.confirm_csv_import = lambda plan: True``.
"""

from __future__ import annotations

from typing import Any


class UnexpectedQuestionError(AssertionError):
    """The window asked something the test did not answer."""


class Answers:
    """A ``desktop_app.gui.asking.Dialogs`` for tests."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.conflicts: list[tuple[str, Any, str]] = []  # (field, their record, typed)

    def show_error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def keep_mine(self, what: str, conflict: Any, typed: str) -> bool:
        """Edit conflicts are recorded; the answer: keep mine."""
        self.conflicts.append((what, conflict.current, typed))
        return True

    def __getattr__(self, name: str) -> Any:
        """Every other question: a test that did not answer it fails."""
        if name.startswith("_"):
            raise AttributeError(name)

        def unexpected(*args: Any, **kwargs: Any) -> Any:
            raise UnexpectedQuestionError(f"the window asked {name}{args} unexpectedly")

        return unexpected
