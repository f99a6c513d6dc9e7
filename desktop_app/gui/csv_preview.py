"""What a CSV import will do, before anything is written: every event it creates or changes,
field by field with the old and the new value, and every line it cannot import."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.services.csv_sync import CsvPlan, PlannedChange, planned_changes
from desktop_app.core.wording import some_of
from desktop_app.gui.props import made
from desktop_app.gui.table_model import Index, RowsModel


class PlannedChangesModel(RowsModel):
    """One row per changed field (a new event: one row); the whole text in the tooltip."""

    COLUMNS = ("Line", "Event", "Change", "Before", "After")

    def __init__(self, changes: list[PlannedChange], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = changes

    def change(self, row: int) -> PlannedChange:
        change: PlannedChange = self._rows[row]
        return change

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        c = self.change(index.row())
        value = (str(c.line), c.event, c.field, c.before, c.after)[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(value.split())  # notes on one line; the tooltip keeps them whole
        return value or None


class CsvPreviewDialog(QDialog):
    """The preview; Import goes ahead, Cancel writes nothing."""

    def __init__(self, plan: CsvPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvPreviewDialog")
        self.setWindowTitle(self.tr("Import Timeline CSV"))
        self.resize(860, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(made(QLabel(f"<b>{html.escape(plan.source.path.name)}</b>: "
                                     f"{html.escape(plan.summary())}"), wordWrap=True))
        for label, columns in ((self.tr("Ignored unknown columns: "),
                                plan.source.unknown_columns),
                               (self.tr("Not imported (they come from the articles): "),
                                plan.source.ignored_columns)):
            if columns:
                note = made(QLabel(label + some_of(columns)), wordWrap=True)
                note.setTextFormat(Qt.TextFormat.PlainText)
                layout.addWidget(note)
        self.changes = PlannedChangesModel(planned_changes(plan), self)
        table = made(QTableView(), objectName="csvChanges")
        table.setModel(self.changes)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        for column, width in ((0, 50), (1, 220), (2, 80), (3, 200)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(table, 3)
        errors = made(QPlainTextEdit(), objectName="csvErrors", readOnly=True)
        errors.setPlainText("\n".join(f"line {p.line}: {p.reason}" for p in plan.problems)
                            or self.tr("No errors."))
        errors.setMaximumHeight(110)
        layout.addWidget(errors, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Import"))
        ok.setEnabled(bool(plan.creates or plan.updates))
        layout.addWidget(buttons)

