"""Event editing: create from a selection, delete, edit a field; each a service call pushed
as an undo command. What it commits reaches the views through the change hub."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from desktop_app.core.errors import EditConflictError, TimelineError
from desktop_app.core.eventdates import at_precision, format_event_date
from desktop_app.core.records import EditField, EventRecord
from desktop_app.core.tags import parse_tags
from desktop_app.gui.commands import CreateEventCommand, DeleteEventCommand, EditEventCommand
from desktop_app.gui.inspector import field_text
from desktop_app.gui.selection import Selection
from desktop_app.gui.workspace import Component, Workspace

if TYPE_CHECKING:  # the records of edits are imported when one is made, after the first paint
    from desktop_app.core.edits import EventEdit


class EventEditing(Component):
    """Creating, deleting and editing events, one undoable step each."""

    def __init__(self, ws: Workspace, selection: Selection) -> None:
        super().__init__(ws)
        self._selection = selection
        self._asking = False  # a conflict question is open
        a, v = ws.actions, ws.views
        a.create_event.triggered.connect(self.create_from_selection)
        a.delete_event.triggered.connect(self.delete_current)
        v.timeline_model.editRequested.connect(self.request_edit)
        v.inspector.editRequested.connect(
            lambda event_id, field, text, version: self.request_edit(event_id, field, text,
                                                                     version))
        v.coverage.passageActivated.connect(self._on_passage_activated)

    # -- event actions --------------------------------------------------------------------
    def create_from_selection(self) -> None:
        """Ctrl+E: an event from the passage selected in the reader."""
        ws, reader = self._ws, self._ws.views.reader
        selection = reader.selection_range()
        if reader.article_id is None or selection is None:
            ws.say(self.tr("Select a passage in the article first"))
            return
        project = ws.project
        try:
            record = project.events.create_from_selection(reader.article_id, *selection)
        except TimelineError as exc:
            ws.dialogs.show_error(self.tr("Cannot create event"), str(exc))
            return
        ws.undo_stack.push(CreateEventCommand(project.events, project.changes, record))
        ws.say(self.tr("Event dated %s") % format_event_date(record.date))

    def delete_current(self) -> None:
        """Delete the selected event; its neighbour is selected next."""
        record = self._selection.current_event()
        if record is None:
            return
        ws, model = self._ws, self._ws.views.timeline_model
        row = model.row_of(record.id)
        project = ws.project
        try:
            deleted = project.events.delete(record.id)
        except TimelineError as exc:
            ws.dialogs.show_error(self.tr("Cannot delete event"), str(exc))
            return
        ws.undo_stack.push(DeleteEventCommand(project.events, project.changes, deleted))
        if model.rowCount():
            self._selection.select_event(model.id_at(min(row, model.rowCount() - 1)))

    def request_edit(self, event_id: int, field: str, text: str,
                     shown_version: int | None = None) -> None:
        """Apply an edit asked for by the table or the inspector, as an undoable command.
        ``shown_version``: the version the edit was typed on; if the event has changed since
        (a colleague, another window), the user chooses instead of overwriting unseen."""
        from desktop_app.core.edits import EventEdit

        edit_field = EditField(field)  # an unknown field is a bug: it raises, never saves notes
        events = self._ws.project.events
        try:
            if edit_field is EditField.DATE:
                change = EventEdit(date=events.parse_date(event_id, text))
            elif edit_field is EditField.PRECISION:
                change = EventEdit(date=at_precision(events.get(event_id).date, text))
            elif edit_field is EditField.TAGS:
                change = EventEdit(tags=parse_tags(text))
            elif edit_field is EditField.TITLE:
                if not text.strip():
                    self._ws.views.inspector.show_event(events.get(event_id))
                    return
                change = EventEdit(title=text)
            else:
                change = EventEdit(notes=text)
        except TimelineError as exc:
            self._report_edit_error(edit_field, exc)
            return
        self.apply_edit(event_id, replace(change, expected_version=shown_version),
                        edit_field, text)

    def apply_edit(self, event_id: int, change: EventEdit, what: str, typed: str = "") -> None:
        """Apply one edit through the service and push it on the undo stack."""
        ws = self._ws
        events = ws.project.events
        try:
            before = events.get(event_id)
            after = events.edit(event_id, change)
        except EditConflictError as conflict:
            theirs: EventRecord = conflict.current
            if self._same_field_changed(theirs, what) and not self._ask_keep_mine(
                    what, conflict, typed):
                ws.views.inspector.show_event(theirs)  # take theirs: show what is stored
                return
            # Keep mine, or theirs touched other fields only: this field on their version.
            self.apply_edit(event_id, replace(change, expected_version=theirs.version),
                            what, typed)
            return
        except TimelineError as exc:
            self._report_edit_error(what, exc)
            return
        ws.undo_stack.push(EditEventCommand(events, ws.project.changes, before, after, what))

    def _same_field_changed(self, theirs: EventRecord, what: str) -> bool:
        """Whether their change touched the field being saved (else both changes stand)."""
        shown = self._ws.views.inspector.record()
        if shown is None or shown.id != theirs.id or what not in set(EditField):
            return True
        return field_text(shown, EditField(what)) != field_text(theirs, EditField(what))

    def _ask_keep_mine(self, what: str, conflict: EditConflictError, typed: str) -> bool:
        if self._asking:  # the dialog took the focus: a field re-sent its edit;
            return False  # the question already open decides
        self._asking = True
        try:
            return self._ws.dialogs.keep_mine(what, conflict, typed)
        finally:
            self._asking = False

    def _report_edit_error(self, field: str, exc: TimelineError) -> None:
        if field in (EditField.DATE, EditField.PRECISION):
            self._ws.views.inspector.show_date_error(str(exc))
            self._ws.say(str(exc), 8000)
        else:
            self._ws.dialogs.show_error(self.tr("Cannot edit event"), str(exc))

    def _on_passage_activated(self, start: int, end: int) -> None:
        """A passage chosen in the dated-passages panel: selected, ready for Ctrl+E."""
        reader = self._ws.views.reader
        reader.select_range(start, end)
        reader.centerCursor()
        reader.setFocus()
