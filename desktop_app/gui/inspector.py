"""The event inspector: every editable field of the selected event, and where its date came from."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.eventdates import PRECISIONS, explain, format_event_date, precision_of
from desktop_app.core.records import (
    ArticleSummary,
    EditField,
    EventDate,
    EventRecord,
    Precision,
)
from desktop_app.core.wording import provenance
from desktop_app.gui.props import made
from desktop_app.gui.theme import LIGHT, Colours


def field_text(r: EventRecord, field: EditField) -> str:
    """A field of an event as the inspector shows and edits it."""
    return {EditField.TITLE: r.title, EditField.TAGS: ", ".join(r.tags),
            EditField.NOTES: r.notes, EditField.PRECISION: r.date.precision,
            EditField.DATE: r.date.start.isoformat() if r.date.precision == Precision.DAY
            else format_event_date(r.date)}[field]


class EventInspector(QWidget):
    """Shows one event; emits editRequested(event_id, field, text) when the user changes it."""

    editRequested = Signal(int, str, str, int)  # event id, field, text, version shown
    sourceActivated = Signal(object)  # QuoteRecord: show its passage
    removeSourceRequested = Signal(int)  # quote id

    def __init__(self, article_summary: Callable[[int], ArticleSummary | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # An article's summary: its title for each source, and its outlet and publication
        # date to explain disagreeing sources.
        self._article_summary = article_summary
        self.setObjectName("eventInspector")
        self.setAccessibleName("Event inspector")
        self._record: EventRecord | None = None
        self._read_only = False
        self.heading = QLabel(self.tr("No event selected"))
        self.heading.setObjectName("inspectorHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.title_edit = made(QLineEdit(), objectName="inspectorTitle")
        self.date_edit = made(QLineEdit(), objectName="inspectorDate")
        self.date_edit.setPlaceholderText("2021-07-05, 5 July 2021 or last Monday")
        self.precision_combo = made(QComboBox(), objectName="inspectorPrecision")
        self.precision_combo.addItems(PRECISIONS)
        self.tags_edit = made(QLineEdit(), objectName="inspectorTags")
        self.tags_edit.setPlaceholderText(self.tr("comma-separated"))
        self.notes_edit = made(QPlainTextEdit(), objectName="inspectorNotes")
        self.notes_edit.setPlaceholderText(self.tr("Notes"))
        self.notes_edit.setMaximumHeight(90)
        for edit in (self.title_edit, self.date_edit, self.tags_edit, self.notes_edit):
            edit.installEventFilter(self)  # Esc reverts; Ctrl+Z reaches the app when idle
        self.explanation = made(QLabel(), objectName="inspectorExplanation", wordWrap=True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.date_error = made(QLabel(), objectName="inspectorDateError", wordWrap=True)
        self.date_error.hide()
        self.readings = made(QLabel(), objectName="inspectorReadings", wordWrap=True)
        self.conflict_note = made(QLabel(), objectName="inspectorConflict", wordWrap=True)
        self.conflict_note.setTextFormat(Qt.TextFormat.PlainText)
        self.conflict_note.hide()
        self.sources = made(QListWidget(), objectName="inspectorSources")
        self.sources.setAccessibleName("Sources")
        self.sources.setWordWrap(True)
        self.sources.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.sources.setToolTip(self.tr("Double-click or Enter: show the passage"))
        self.sources.setMinimumHeight(70)
        self.sources.itemActivated.connect(self._on_source_activated)
        self.remove_source = made(QPushButton(self.tr("Remove Source")), objectName="removeSource")
        self.sources.currentRowChanged.connect(
            lambda row: self.remove_source.setEnabled(row >= 0 and self.sources.count() > 1))
        self.remove_source.setToolTip(self.tr("Remove the selected source from this event "
                                              "(the event keeps its other sources)"))
        self.remove_source.clicked.connect(self._on_remove_source)
        self.sources_heading = QLabel(self.tr("Sources"))
        self.provenance = made(QLabel(), objectName="inspectorProvenance", wordWrap=True)
        self.set_colours(LIGHT)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow("", self.date_error)
        form.addRow(self.tr("&Precision:"), self.precision_combo)
        form.addRow(self.tr("Ta&gs:"), self.tags_edit)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.provenance)
        for caption, label in ((self.tr("Why this date"), self.explanation),
                               (None, self.readings)):
            if caption:
                header = QLabel(caption)
                header.setStyleSheet("font-weight: bold; margin-top: 6px;")
                layout.addWidget(header)
            layout.addWidget(label)
        self.sources_heading.setStyleSheet("font-weight: bold; margin-top: 6px;")
        row = QHBoxLayout()
        row.addWidget(self.sources_heading, 1)
        row.addWidget(self.remove_source)
        layout.addLayout(row)
        layout.addWidget(self.conflict_note)
        layout.addWidget(self.sources, 1)

        self.title_edit.editingFinished.connect(lambda: self._emit(EditField.TITLE,
                                                                   self.title_edit.text()))
        self.date_edit.editingFinished.connect(
            lambda: self._emit(EditField.DATE, self.date_edit.text()))
        self.tags_edit.editingFinished.connect(
            lambda: self._emit(EditField.TAGS, self.tags_edit.text()))
        self.precision_combo.activated.connect(
            lambda _i: self._emit(EditField.PRECISION, self.precision_combo.currentText()))
        self.show_event(None)

    def set_read_only(self, read_only: bool) -> None:
        """Show events without letting them be changed (a project this user may only read)."""
        for edit in (self.title_edit, self.date_edit, self.tags_edit):
            edit.setReadOnly(read_only)
        self.notes_edit.setReadOnly(read_only)
        self.precision_combo.setEnabled(not read_only and self._record is not None)
        self.remove_source.setVisible(not read_only and self.sources.count() > 1)
        self._read_only = read_only

    def record(self) -> EventRecord | None:
        """The event shown."""
        return self._record

    def set_colours(self, colours: Colours) -> None:
        """Warnings and explanations in a theme's colours."""
        for label in (self.date_error, self.conflict_note):
            label.setStyleSheet(f"color: {colours.conflict};")
        for label in (self.readings, self.provenance):
            label.setStyleSheet(f"color: {colours.secondary_text};")

    def _article_title(self, article_id: int) -> str:
        summary = self._article_summary(article_id)
        return summary.title if summary is not None else f"Article {article_id}"

    def show_event(self, record: EventRecord | None) -> None:
        """Fill the fields from a record (None clears and disables them)."""
        switching = record is None or self._record is None or record.id != self._record.id
        if switching:
            self.commit_notes()  # a refresh of the same event must not re-send its old notes
        self._record = record
        enabled = record is not None
        for w in (self.title_edit, self.date_edit, self.precision_combo, self.tags_edit,
                  self.notes_edit):
            w.setEnabled(enabled)
        self.precision_combo.setEnabled(enabled and not self._read_only)
        self.date_error.hide()
        if record is None:
            self.heading.setText(self.tr("No event selected: select a passage and press Ctrl+E"))
            for w in (self.title_edit, self.date_edit, self.tags_edit):
                w.clear()
            self.notes_edit.clear()
            self.explanation.clear()
            self.provenance.clear()
            self.readings.clear()
            self.sources.clear()
            self.conflict_note.hide()
            self.sources_heading.setText(self.tr("Sources"))
            self.remove_source.setEnabled(False)
            return
        d = record.date
        self.heading.setText(format_event_date(d) + ("  (assumed)" if d.assumed else
                                                     "  (unsure)" if d.doubts else ""))
        self.title_edit.setText(record.title)
        self.title_edit.setCursorPosition(0)
        self.date_edit.setText(d.start.isoformat() if d.precision == Precision.DAY
                               else format_event_date(d))
        self.precision_combo.setCurrentText(d.precision)
        self.tags_edit.setText(", ".join(record.tags))
        self.notes_edit.setPlainText(record.notes)
        why = explain(d)
        if record.date_edited_by_user:
            why += "  [edited by hand: kept if the publication date changes]"
        self.explanation.setText(why)
        self.provenance.setText(provenance(record))
        self._show_sources(record)

    def _show_sources(self, record: EventRecord) -> None:
        lines = self._disagreement(record)
        self.conflict_note.setText("\n".join(lines))
        self.conflict_note.setVisible(bool(lines))
        self.sources.clear()
        for q in record.quotes:
            when = format_event_date(EventDate(
                q.date_start, precision_of(q.date_precision or "day"))) if q.date_start else ""
            gone = self.tr("  (no longer in the article's current text)") if q.orphaned else ""
            item = QListWidgetItem(f"“{q.exact}”{gone}\n— {self._article_title(q.article_id)}"
                                   + (f" · {when}" if when else ""))
            item.setData(Qt.ItemDataRole.UserRole, q)
            self.sources.addItem(item)
        n = len(record.quotes)
        self.sources_heading.setText(self.tr("Sources (%n)", "", n) if n > 1 else
                                     self.tr("Source"))
        self.remove_source.setEnabled(False)  # until a source is chosen in the list
        self.remove_source.setVisible(n > 1 and not self._read_only)

    def _disagreement(self, record: EventRecord) -> list[str]:
        """Source by source, what each says and why, when the sources disagree on the date:
        "Global Wire: Mon 5 Jul 2021, from “On Monday”, published Fri 9 Jul 2021"."""
        from desktop_app.core.conflicts import has_conflict

        if not has_conflict(record):
            return []
        # Only now: the date engine's modules are not needed to show the start-up snapshot.
        from desktop_app.core.dating import date_for_passage
        from desktop_app.core.temporal.calendar import fmt_day

        lines = [self.tr("The sources disagree on the date:")]
        for q in record.quotes:
            if q.date_start is None or q.orphaned:
                continue
            summary = self._article_summary(q.article_id)
            who = (summary.outlet or summary.title) if summary else self._article_title(
                q.article_id)
            published = summary.published if summary else None
            said = date_for_passage(q.exact, 0, len(q.exact), published).expression
            when = format_event_date(EventDate(q.date_start,
                                               precision_of(q.date_precision or "day")))
            lines.append(f"{who}: {when}" + (f", from “{said}”" if said else "")
                         + (f", published {fmt_day(published)}" if published else ""))
        return lines

    def _on_source_activated(self, item: QListWidgetItem) -> None:
        self.sourceActivated.emit(item.data(Qt.ItemDataRole.UserRole))

    def _on_remove_source(self) -> None:
        item = self.sources.currentItem()
        if item is not None:
            self.removeSourceRequested.emit(item.data(Qt.ItemDataRole.UserRole).id)

    def show_readings(self, readings: list[EventDate], current: int) -> None:
        """List the other readings of the date expression (Alt+Up / Alt+Down cycle them)."""
        others = [format_event_date(r) for i, r in enumerate(readings) if i != current]
        if not others:
            self.readings.clear()
            return
        self.readings.setText(self.tr("Other readings (Alt+Up / Alt+Down): ") + " · ".join(others))

    def show_date_error(self, message: str) -> None:
        """Say why a typed date was not understood (the field keeps the text)."""
        self.date_error.setText(message)
        self.date_error.show()

    def commit_notes(self) -> None:
        """Send a notes edit (notes commit when the field loses focus or the event changes)."""
        if self._record is not None and self.notes_edit.toPlainText() != self._record.notes:
            self._emit(EditField.NOTES, self.notes_edit.toPlainText())

    def _emit(self, field: EditField, text: str) -> None:
        r = self._record
        if r is None or self._read_only:
            return
        if text != field_text(r, field):
            self.editRequested.emit(r.id, field, text, r.version)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.notes_edit and event.type() == QEvent.Type.FocusOut:
            self.commit_notes()
        if isinstance(event, QKeyEvent) and isinstance(watched, QLineEdit | QPlainTextEdit):
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.revert_field(watched)
                return True
            if event.type() == QEvent.Type.ShortcutOverride and not _has_own_step(watched,
                                                                                 event):
                event.ignore()  # nothing of its own to undo: the window's Undo/Redo runs
                return True
        return super().eventFilter(watched, event)

    def revert_field(self, field: QWidget) -> None:
        """Put back what is stored (Esc): the typed text, and any complaint about it, go."""
        r = self._record
        if r is None:
            return
        if field is self.notes_edit:
            self.notes_edit.setPlainText(r.notes)
            return
        which = {self.title_edit: EditField.TITLE, self.date_edit: EditField.DATE,
                 self.tags_edit: EditField.TAGS}.get(field) if isinstance(field, QLineEdit) \
            else None
        if which is not None and isinstance(field, QLineEdit):
            field.setText(field_text(r, which))
            field.setCursorPosition(0)
        if field is self.date_edit:
            self.date_error.hide()


def _has_own_step(field: QLineEdit | QPlainTextEdit, key: QKeyEvent) -> bool:
    """Whether the field would undo or redo a step of its own for this key."""
    if key.matches(QKeySequence.StandardKey.Undo):
        return field.isUndoAvailable() if isinstance(field, QLineEdit) \
            else field.document().isUndoAvailable()
    if key.matches(QKeySequence.StandardKey.Redo) or (
            key.key() == Qt.Key.Key_Z and key.modifiers() == (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)):
        return field.isRedoAvailable() if isinstance(field, QLineEdit) \
            else field.document().isRedoAvailable()
    return True  # any other shortcut: the field decides, as ever
