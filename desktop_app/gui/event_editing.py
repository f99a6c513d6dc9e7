"""Event editing in the main window: create from a selection, delete, edit a field; each a
service call pushed as an undo command. A MainWindow mixin."""

from __future__ import annotations

from desktop_app.core.errors import TimelineError
from desktop_app.core.eventdates import at_precision, format_event_date
from desktop_app.core.records import EditField, EventEdit
from desktop_app.core.tags import parse_tags
from desktop_app.gui.commands import CreateEventCommand, DeleteEventCommand, EditEventCommand


class EventEditingMixin:
    """Needs from the window: project, reader, inspector, timeline_model, undo_stack,
    statusBar, show_error, select_event, current_event."""

    # -- event actions --------------------------------------------------------------------
    def _on_create_event(self) -> None:
        selection = self.reader.selection_range()
        if self.reader.article_id is None or selection is None:
            self.statusBar().showMessage(self.tr("Select a passage in the article first"), 5000)
            return
        try:
            record = self.project.events.create_from_selection(self.reader.article_id,
                                                               *selection)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot create event"), str(exc))
            return
        self.undo_stack.push(CreateEventCommand(self.project.events, self.project.changes,
                                                record))
        self.statusBar().showMessage(self.tr("Event dated %s") % format_event_date(record.date),
                                     5000)

    def _on_delete_event(self) -> None:
        record = self.current_event()
        if record is None:
            return
        row = self.timeline_model.row_of(record.id)
        try:
            deleted = self.project.events.delete(record.id)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot delete event"), str(exc))
            return
        self.undo_stack.push(DeleteEventCommand(self.project.events, self.project.changes,
                                                deleted))
        if self.timeline_model.rowCount():
            self.select_event(self.timeline_model.id_at(
                min(row, self.timeline_model.rowCount() - 1)))

    def request_edit(self, event_id: int, field: str, text: str) -> None:
        """Apply an edit asked for by the table or the inspector, as an undoable command."""
        edit_field = EditField(field)  # an unknown field is a bug: it raises, never saves notes
        events = self.project.events
        try:
            if edit_field is EditField.DATE:
                change = EventEdit(date=events.parse_date(event_id, text))
            elif edit_field is EditField.PRECISION:
                change = EventEdit(date=at_precision(events.get(event_id).date, text))
            elif edit_field is EditField.TAGS:
                change = EventEdit(tags=parse_tags(text))
            elif edit_field is EditField.TITLE:
                if not text.strip():
                    self.inspector.show_event(events.get(event_id))
                    return
                change = EventEdit(title=text)
            else:
                change = EventEdit(notes=text)
        except TimelineError as exc:
            self._report_edit_error(edit_field, exc)
            return
        self.apply_date_edit(event_id, change, edit_field)

    def apply_date_edit(self, event_id: int, change: EventEdit, what: str) -> None:
        """Apply one edit through the service and push it on the undo stack."""
        events = self.project.events
        try:
            before = events.get(event_id)
            after = events.edit(event_id, change)
        except TimelineError as exc:
            self._report_edit_error(what, exc)
            return
        self.undo_stack.push(EditEventCommand(events, self.project.changes, before, after, what))

    def _report_edit_error(self, field: str, exc: TimelineError) -> None:
        if field in ("date", "precision"):
            self.inspector.show_date_error(str(exc))
            self.statusBar().showMessage(str(exc), 8000)
        else:
            self.show_error(self.tr("Cannot edit event"), str(exc))

    def _on_passage_activated(self, start: int, end: int) -> None:
        self.reader.select_range(start, end)
        self.reader.centerCursor()
        self.reader.setFocus()
