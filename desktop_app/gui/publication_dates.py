"""The questions an import asks, together at its end: publication dates (one field that
reads a typed day, in a dialog for one text and in a table for the files of an import), and
which changed versions may replace the articles they belong to."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.eventdates import format_date, read_one_day
from desktop_app.core.records import Precision
from desktop_app.gui.props import made
from desktop_app.gui.theme import colours_of

if TYPE_CHECKING:
    from desktop_app.core.services.batch_import import DateQuestion, ReplaceQuestion

SANE_YEARS = range(1000, 2201)


class DayField(QWidget):
    """A typed publication day, what it was read as, and the other days found one click
    away; a year far from today needs a second OK (``confirmed``)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = made(QLineEdit(), objectName="publicationDate")
        self.date_edit.setPlaceholderText("2024-08-06, 6 Aug 2024 or last Friday")
        self.reading = made(QLabel(), objectName="publicationReading", wordWrap=True)
        self.reading.setTextFormat(Qt.TextFormat.PlainText)
        self._others = QVBoxLayout()
        self._others_label = QLabel(self.tr("Other dates found:"))
        self._value: date | None = None
        self._confirmed_year: int | None = None
        self.date_edit.textChanged.connect(self._read)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.reading)
        layout.addWidget(self._others_label)
        layout.addLayout(self._others)

    def ask(self, text: str, candidates: tuple[tuple[date, str], ...]) -> None:
        """Show ``text`` in the field and offer the candidates other than the day it names."""
        while self._others.count():
            item = self._others.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.date_edit.setText(text)
        self.date_edit.selectAll()
        others = [(d, where) for d, where in dict(candidates).items() if d != self._value]
        self._others_label.setVisible(bool(others))
        for day, where in others:
            # Written out as the reading is: a short locale form ("5/4/20") is the very
            # ambiguity this question settles.
            button = QPushButton(f"{format_date(day, Precision.DAY)}  ({where})")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, d=day: self.date_edit.setText(d.isoformat()))
            self._others.addWidget(button)

    def _read(self) -> None:
        self._value, shown = read_one_day(self.date_edit.text())
        self.reading.setText(shown)
        self.changed.emit()

    def value(self) -> date | None:
        return self._value

    def confirmed(self) -> bool:
        """Whether the day may be taken: one day, and a year far from today said twice."""
        if self._value is None:
            self.date_edit.setFocus()
            return False
        year = self._value.year
        if year not in SANE_YEARS and self._confirmed_year != year:
            self._confirmed_year = year
            self.reading.setText(self.tr("The year %d looks mistyped. Press OK again to keep "
                                         "it.") % year)
            return False
        return True


class PublicationDateDialog(QDialog):
    """Ask for the publication date of a text that did not say (a pasted article), pre-filled
    with the best candidate, the others one click away."""

    def __init__(self, source: str, guess: date, parent: QWidget | None = None,
                 candidates: tuple[tuple[date, str], ...] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("publicationDateDialog")
        self.setWindowTitle(self.tr("Publication date"))
        text = QLabel(self.tr("No sure publication date was found in\n%s.\n\nRelative dates "
                              "such as “on Monday” are resolved against it. When was it "
                              "published?") % source, wordWrap=True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.field = DayField(self)
        self.date_edit, self.reading = self.field.date_edit, self.field.reading
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.field)
        layout.addWidget(buttons)
        self.field.ask(guess.isoformat(), candidates)

    def _accept(self) -> None:
        if self.field.confirmed():
            self.accept()

    def value(self) -> date:
        """The chosen date (after OK)."""
        day = self.field.value()
        assert day is not None
        return day


def _files_table(name: str, paths: list[Path], headers: list[str], stretch: int,
                 widest_file: int, ticked: bool = False) -> QTableWidget:
    """A read-only table of an import's files, a row each: the file's name in the first
    column (its whole path in the tooltip, with a ticked box if ``ticked``, the column at
    most ``widest_file`` px), the ``stretch`` column taking the room left."""
    table = made(QTableWidget(len(paths), len(headers)), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for row, path in enumerate(paths):
        item = QTableWidgetItem(path.name)
        item.setToolTip(str(path))
        if ticked:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        table.setItem(row, 0, item)
    table.resizeColumnToContents(0)
    table.setColumnWidth(0, min(table.columnWidth(0), widest_file))
    return table


class PublicationDatesDialog(QDialog):
    """The files of an import whose publication day is in doubt, all in one table: each row
    pre-filled with its best candidate and why it is asked; the selected row's day is edited
    below, with its other candidates; an empty day imports the file without one."""

    FILE, WHY, DAY = range(3)

    def __init__(self, questions: list[DateQuestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publicationDatesDialog")
        self.setWindowTitle(self.tr("Publication dates"))
        self._questions = questions
        self._answers: list[date | None] = [q.draft.published_guess for q in questions]
        self._texts = [d.isoformat() if d else "" for d in self._answers]
        intro = QLabel(self.tr(
            "No sure publication date was found for %n file(s). Relative dates such as “on "
            "Monday” are resolved against it: check each day, or clear it to import the file "
            "without one. Cancel imports none of them.", "", len(questions)), wordWrap=True)
        self.table = _files_table("publicationDatesTable", [q.path for q in questions],
                                  [self.tr("File"), self.tr("Why asked"), self.tr("Published")],
                                  self.WHY, 260)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for row, q in enumerate(questions):
            why = QTableWidgetItem(q.reason)
            why.setToolTip(q.reason)
            self.table.setItem(row, self.WHY, why)
            self.table.setItem(row, self.DAY, QTableWidgetItem(self._texts[row]))
        self.table.setColumnWidth(self.DAY, 160)
        self.field = DayField(self)
        self.field.changed.connect(self._typed)
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        # Enter in the field goes to the next file's day (the last file's: Import), so a
        # long list is checked from the keyboard without importing half-way.
        self.field.date_edit.installEventFilter(self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        below = QHBoxLayout()
        below.addWidget(QLabel(self.tr("Published:")), 0, Qt.AlignmentFlag.AlignTop)
        below.addWidget(self.field, 1)
        layout.addLayout(below)
        layout.addWidget(self.buttons)
        self.resize(900, 420)
        self._row = -1
        self._odd_kept: set[int] = set()  # rows whose far-off year was confirmed
        self.table.setCurrentCell(0, self.DAY)

    def _show(self, row: int) -> None:
        """The field edits the selected row's day."""
        if row < 0:
            return
        self._row = -1  # the field's own change signal must not write into the old row
        self.field.ask(self._texts[row], self._questions[row].candidates())
        self._row = row

    def _typed(self) -> None:
        row = self._row
        text = self.field.date_edit.text().strip()
        if not text:
            self.field.reading.setText(self.tr("No day: the file is imported without one"))
        if row < 0:
            return
        self._texts[row] = text
        self._answers[row] = self.field.value() if text else None
        item = self.table.item(row, self.DAY)
        if item is None:
            return
        item.setText(text)
        bad = bool(text) and self._answers[row] is None
        item.setForeground(QBrush(QColor(colours_of(self.table).conflict)) if bad else QBrush())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.field.date_edit and event.type() == QEvent.Type.KeyPress and \
                isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return,
                                                                 Qt.Key.Key_Enter):
            self._next()
            return True  # not the dialog's default button
        return super().eventFilter(watched, event)

    def _next(self) -> None:
        if self._row + 1 < len(self._questions):
            self.table.setCurrentCell(self._row + 1, self.DAY)
            self.field.date_edit.setFocus()
        else:
            self._accept()

    def _accept(self) -> None:
        for row, text in enumerate(self._texts):
            day = self._answers[row]
            if text and day is None:  # the first that is not one day
                self.table.setCurrentCell(row, self.DAY)
                self.field.date_edit.setFocus()
                return
            if day is not None and day.year not in SANE_YEARS and row not in self._odd_kept:
                if row != self._row:
                    self.table.setCurrentCell(row, self.DAY)
                if not self.field.confirmed():  # the first OK shows why; the second keeps it
                    return
                self._odd_kept.add(row)
        self.accept()

    def answers(self) -> list[date | None]:
        """Each file's day, in the order asked (None: import it without one)."""
        return list(self._answers)


class ReplacementsDialog(QDialog):
    """The files of an import that are changed versions of articles already in the project:
    what each would replace, shown before it happens, each ticked to replace it."""

    FILE, REPLACES, IMPORTED = range(3)

    def __init__(self, questions: list[ReplaceQuestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replacementsDialog")
        self.setWindowTitle(self.tr("Changed versions"))
        intro = QLabel(self.tr(
            "Changed versions of articles already in the project: %n file(s). A ticked one "
            "replaces its article's text; every quote is looked for in the new text, and "
            "those not found are kept as orphans. Undo puts the old text back.", "",
            len(questions)), wordWrap=True)
        self.table = _files_table("replacementsTable", [q.path for q in questions],
                                  [self.tr("File"), self.tr("Replaces"), self.tr("Imported")],
                                  self.REPLACES, 280, ticked=True)
        for row, q in enumerate(questions):
            old = q.replaces
            replaces = QTableWidgetItem(" · ".join(p for p in (old.title, old.outlet, old.url)
                                                   if p))
            replaces.setToolTip(old.text[:600])
            self.table.setItem(row, self.REPLACES, replaces)
            self.table.setItem(row, self.IMPORTED, QTableWidgetItem(
                format_date(old.imported_at.date(), Precision.DAY)))
        self.table.resizeColumnToContents(self.IMPORTED)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Replace Ticked"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 360)

    def answers(self) -> list[bool]:
        """Whether to replace each article, in the order asked."""
        return [(item := self.table.item(row, self.FILE)) is not None
                and item.checkState() == Qt.CheckState.Checked
                for row in range(self.table.rowCount())]
