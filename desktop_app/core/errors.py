"""Typed errors raised by the core; the GUI and the CLI turn them into words for the user."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class TimelineError(Exception):
    """Base of every error the core raises on purpose."""


def os_reason(exc: BaseException) -> str:
    """An operating-system error in words ('File name too long'); pathlib reports a loop of
    symbolic links as a RuntimeError, which has no strerror."""
    return getattr(exc, "strerror", None) or str(exc)


class FileProblemError(TimelineError):
    """Something is wrong with a named file; the message reads 'PATH: problem'."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


class ProjectFileError(FileProblemError):
    """A project file cannot be opened: not SQLite, not ours, too new, unreadable."""


class ProjectServerError(TimelineError):
    """A team project on a server cannot be opened or reached: wrong address, refused
    password, not a project, missing privilege, server gone. ``where`` never shows a password.
    """

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class ProjectDamagedError(ProjectFileError):
    """A project file fails SQLite's own consistency check: it is not opened for writing."""


class BackupError(FileProblemError):
    """A backup copy could not be written."""


class ImportFileError(FileProblemError):
    """An article file cannot be imported (binary, empty, undecodable, unsupported, too big)."""


class ProjectBusyError(TimelineError):
    """Another program kept the project locked for longer than we wait."""


class ProjectWriteError(TimelineError):
    """The disk would not take a change (full, or failing); the change was not kept."""


class DuplicateArticleError(TimelineError):
    """The same text (by sha256) is already in the project."""

    def __init__(self, existing_id: int, existing_title: str) -> None:
        super().__init__(f"the same text is already in the project as article {existing_id}: "
                         f"{existing_title!r}")
        self.existing_id = existing_id
        self.existing_title = existing_title


class NotFoundError(TimelineError):
    """An article or event id does not exist (any more)."""


class QuoteNotFoundError(TimelineError):
    """A quote given as text does not occur in the article."""


class InvalidSelectionError(TimelineError):
    """A character range is empty, blank or outside the article text."""


class DateParseError(TimelineError):
    """A date typed by the user could not be understood."""


class ExportError(FileProblemError):
    """An export could not be written (disk full, permission denied...)."""


class EditConflictError(TimelineError):
    """The record changed since the window showed it (a colleague, another window): the edit
    was not saved, so nobody's change is overwritten unseen. ``current`` is the record now."""

    def __init__(self, current: Any) -> None:
        who = getattr(current, "updated_by", "") or "another window"
        super().__init__(f"this event was changed by {who} after it was shown; nothing was "
                         "saved")
        self.current = current
