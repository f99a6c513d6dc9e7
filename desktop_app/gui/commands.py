"""Undo commands: each calls a core service in redo() and its inverse in undo().

The first redo() is skipped because the main window performs the action before pushing the
command, so a failing action raises where it can be reported and never enters the stack.
Commands never touch a view: what they commit reaches the views through the change hub.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from desktop_app.core.errors import EditConflictError
from desktop_app.core.records import EventRecord

if TYPE_CHECKING:  # the services pull in SQLAlchemy, which start-up imports only after painting
    from desktop_app.core.changes import ChangeHub
    from desktop_app.core.edits import ArticleMetadata
    from desktop_app.core.services.articles import ArticleService
    from desktop_app.core.services.csv_sync import CsvImportResult, CsvSyncService
    from desktop_app.core.services.events import EventService


class AppliedCommand(QUndoCommand):
    """A command whose first redo() the window has already done (so a failure is reported
    before anything enters the stack). Later redo()/undo() run inside one change batch: the
    views hear of all a step changed once, through the project's change hub."""

    def __init__(self, text: str, changes: ChangeHub) -> None:
        super().__init__(text)
        self._changes = changes
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        with self._changes.batch():
            self._refusable(self.do, "redo")

    def undo(self) -> None:
        with self._changes.batch():
            self._refusable(self.revert, "undo")

    def _refusable(self, step: Callable[[], None], name: str) -> None:
        """A step refused because someone else has since changed what it would put back
        leaves the stack (Qt drops an obsolete command) and says why."""
        try:
            step()
        except EditConflictError as exc:
            self.setObsolete(True)
            self._changes.refuse(f"Cannot {name} “{self.text()}”: {exc}")

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class CreateEventCommand(AppliedCommand):
    """An event created from a selection; undo deletes it, redo restores the same id."""

    def __init__(self, events: EventService, changes: ChangeHub, record: EventRecord) -> None:
        super().__init__(f"Create event “{short_label(record.title)}”", changes)
        self._events, self._record = events, record

    def do(self) -> None:
        self._record = self._events.restore(self._record)

    def revert(self) -> None:
        self._events.delete(self._record.id)


class CreateEventsCommand(AppliedCommand):
    """Several events created at once (accepted suggestions): one step to undo."""

    def __init__(self, events: EventService, changes: ChangeHub, records: list[EventRecord],
                 label: str = "") -> None:
        super().__init__(label or f"Create {len(records)} suggested events", changes)
        self._events, self._records = events, records

    def do(self) -> None:
        self._records = [self._events.restore(r) for r in self._records]

    def revert(self) -> None:
        for r in self._records:
            self._events.delete(r.id)


class ImportCsvCommand(AppliedCommand):
    """A CSV import: events created and updated in one step."""

    def __init__(self, csv: CsvSyncService, changes: ChangeHub, result: CsvImportResult) -> None:
        super().__init__(f"Import CSV ({len(result.created)} created, "
                         f"{len(result.updated)} updated)", changes)
        self._csv, self._result = csv, result

    def do(self) -> None:
        self._result = self._csv.redo(self._result)

    def revert(self) -> None:
        self._csv.undo(self._result)


class DeleteEventCommand(AppliedCommand):
    """A deleted event; undo restores it with the same id and quotes."""

    def __init__(self, events: EventService, changes: ChangeHub, record: EventRecord) -> None:
        super().__init__(f"Delete event “{short_label(record.title)}”", changes)
        self._events, self._record = events, record

    def do(self) -> None:
        self._record = self._events.delete(self._record.id)

    def revert(self) -> None:
        self._record = self._events.restore(self._record)


class EditEventCommand(AppliedCommand):
    """An edit of one event, stored as the records before and after."""

    def __init__(self, events: EventService, changes: ChangeHub, before: EventRecord,
                 after: EventRecord, what: str) -> None:
        super().__init__(f"Edit {what} of “{short_label(after.title)}”", changes)
        self._events, self._before, self._after = events, before, after

    def do(self) -> None:  # each only if nobody has changed the event since
        self._events.write_state(self._after, expected=self._before)

    def revert(self) -> None:
        self._events.write_state(self._before, expected=self._after)


class EditArticleCommand(AppliedCommand):
    """Article metadata edited; dates derived from the publication date follow it both ways."""

    def __init__(self, articles: ArticleService, changes: ChangeHub, article_id: int,
                 before: ArticleMetadata, after: ArticleMetadata) -> None:
        super().__init__(f"Edit properties of “{short_label(after.title)}”", changes)
        self._articles, self._id = articles, article_id
        self._before, self._after = before, after

    def do(self) -> None:
        self._articles.update_metadata(self._id, self._after)

    def revert(self) -> None:
        self._articles.update_metadata(self._id, self._before)


def short_label(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
