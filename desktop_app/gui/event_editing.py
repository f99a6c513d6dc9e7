"""Event editing in the main window: create from a selection, delete, edit a field; each a
service call pushed as an undo command. A MainWindow mixin."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.core.errors import EditConflictError, TimelineError
from desktop_app.core.eventdates import at_precision, format_event_date
from desktop_app.core.records import EditField, EventEdit, EventRecord
from desktop_app.core.tags import parse_tags
from desktop_app.gui.commands import CreateEventCommand, DeleteEventCommand, EditEventCommand
from desktop_app.gui.inspector import field_text


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

    def request_edit(self, event_id: int, field: str, text: str,
                     shown_version: int | None = None) -> None:
        """Apply an edit asked for by the table or the inspector, as an undoable command.
        ``shown_version``: the version the edit was typed on; if the event has changed since
        (a colleague, another window), the user chooses instead of overwriting unseen."""
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
        self.apply_date_edit(event_id, replace(change, expected_version=shown_version),
                             edit_field, text)

    def apply_date_edit(self, event_id: int, change: EventEdit, what: str,
                        typed: str = "") -> None:
        """Apply one edit through the service and push it on the undo stack."""
        events = self.project.events
        try:
            before = events.get(event_id)
            after = events.edit(event_id, change)
        except EditConflictError as conflict:
            theirs: EventRecord = conflict.current
            if self._same_field_changed(theirs, what) and not self._ask_keep_mine(
                    what, conflict, typed):
                self.inspector.show_event(theirs)  # take theirs: show what is stored
                return
            # Keep mine, or theirs touched other fields only: this field on their version.
            self.apply_date_edit(event_id, replace(change, expected_version=theirs.version),
                                 what, typed)
            return
        except TimelineError as exc:
            self._report_edit_error(what, exc)
            return
        self.undo_stack.push(EditEventCommand(events, self.project.changes, before, after, what))

    def _same_field_changed(self, theirs: EventRecord, what: str) -> bool:
        """Whether their change touched the field being saved (else both changes stand)."""
        shown = self.inspector.record()
        if shown is None or shown.id != theirs.id or what not in set(EditField):
            return True
        return field_text(shown, EditField(what)) != field_text(theirs, EditField(what))

    def _ask_keep_mine(self, what: str, conflict: EditConflictError, typed: str) -> bool:
        if getattr(self, "_asking", False):  # the dialog took the focus: a field re-sent
            return False                     # its edit; the question already open decides
        self._asking = True
        try:
            return self.keep_mine(what, conflict, typed)
        finally:
            self._asking = False

    def keep_mine(self, what: str, conflict: EditConflictError, typed: str) -> bool:
        """Someone changed the event after it was shown: show both values and ask (tests
        replace this). True keeps the user's value, False takes theirs."""
        from desktop_app.gui.conflict_dialog import ask_keep_mine

        theirs = field_text(conflict.current, EditField(what)) if what in set(EditField) else ""
        return ask_keep_mine(self, str(conflict), what, theirs, typed)

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
