"""Undo commands: each calls a core service in redo() and its inverse in undo().

The first redo() is skipped because the main window performs the action before pushing the
command, so a failing action raises where it can be reported and never enters the stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand

from desktop_app.core.records import ArticleMetadata, EventRecord

if TYPE_CHECKING:  # the services pull in SQLAlchemy, which start-up imports only after painting
    from desktop_app.core.services.articles import ArticleService
    from desktop_app.core.services.csv_sync import CsvImportResult, CsvSyncService
    from desktop_app.core.services.events import EventService


class TimelineView(Protocol):
    """What commands tell the window after changing data."""

    def event_added(self, record: EventRecord) -> None: ...
    def event_changed(self, record: EventRecord) -> None: ...
    def event_removed(self, event_id: int) -> None: ...
    def article_changed(self, article_id: int, redated: int) -> None: ...


class AppliedCommand(QUndoCommand):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.do()

    def do(self) -> None:
        raise NotImplementedError


class CreateEventCommand(AppliedCommand):
    """An event created from a selection; undo deletes it, redo restores the same id."""

    def __init__(self, events: EventService, view: TimelineView, record: EventRecord) -> None:
        super().__init__(f"Create event “{short_label(record.title)}”")
        self._events, self._view, self._record = events, view, record

    def do(self) -> None:
        self._record = self._events.restore(self._record)
        self._view.event_added(self._record)

    def undo(self) -> None:
        self._events.delete(self._record.id)
        self._view.event_removed(self._record.id)


class CreateEventsCommand(AppliedCommand):
    """Several events created at once (accepted suggestions): one step to undo."""

    def __init__(self, events: EventService, view: TimelineView, records: list[EventRecord],
                 label: str = "") -> None:
        super().__init__(label or f"Create {len(records)} suggested events")
        self._events, self._view, self._records = events, view, records

    def do(self) -> None:
        self._records = [self._events.restore(r) for r in self._records]
        for r in self._records:
            self._view.event_added(r)

    def undo(self) -> None:
        for r in self._records:
            self._events.delete(r.id)
            self._view.event_removed(r.id)


class ImportCsvCommand(AppliedCommand):
    """A CSV import: events created and updated in one step."""

    def __init__(self, csv: CsvSyncService, view: TimelineView, result: CsvImportResult) -> None:
        super().__init__(f"Import CSV ({len(result.created)} created, "
                         f"{len(result.updated)} updated)")
        self._csv, self._view, self._result = csv, view, result

    def do(self) -> None:
        self._result = self._csv.redo(self._result)
        for r in self._result.created:
            self._view.event_added(r)
        for _before, after in self._result.updated:
            self._view.event_changed(after)

    def undo(self) -> None:
        self._csv.undo(self._result)
        for r in self._result.created:
            self._view.event_removed(r.id)
        for before, _after in self._result.updated:
            self._view.event_changed(before)


class DeleteEventCommand(AppliedCommand):
    """A deleted event; undo restores it with the same id and quotes."""

    def __init__(self, events: EventService, view: TimelineView, record: EventRecord) -> None:
        super().__init__(f"Delete event “{short_label(record.title)}”")
        self._events, self._view, self._record = events, view, record

    def do(self) -> None:
        self._record = self._events.delete(self._record.id)
        self._view.event_removed(self._record.id)

    def undo(self) -> None:
        self._record = self._events.restore(self._record)
        self._view.event_added(self._record)


class EditEventCommand(AppliedCommand):
    """An edit of one event, stored as the records before and after."""

    def __init__(self, events: EventService, view: TimelineView, before: EventRecord,
                 after: EventRecord, what: str) -> None:
        super().__init__(f"Edit {what} of “{short_label(after.title)}”")
        self._events, self._view, self._before, self._after = events, view, before, after

    def do(self) -> None:
        self._view.event_changed(self._events.write_state(self._after))

    def undo(self) -> None:
        self._view.event_changed(self._events.write_state(self._before))


class EditArticleCommand(AppliedCommand):
    """Article metadata edited; dates derived from the publication date follow it both ways."""

    def __init__(self, articles: ArticleService, view: TimelineView, article_id: int,
                 before: ArticleMetadata, after: ArticleMetadata) -> None:
        super().__init__(f"Edit properties of “{short_label(after.title)}”")
        self._articles, self._view, self._id = articles, view, article_id
        self._before, self._after = before, after

    def do(self) -> None:
        change = self._articles.update_metadata(self._id, self._after)
        self._view.article_changed(self._id, change.redated_events)

    def undo(self) -> None:
        change = self._articles.update_metadata(self._id, self._before)
        self._view.article_changed(self._id, change.redated_events)


def short_label(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
