"""The timeline table model: a thin adapter over a sorted list of event records."""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.core.eventdates import explain, format_event_date
from desktop_app.core.records import EventRecord
from desktop_app.gui.table_model import Index, RowsModel

RecordRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Date", "Title", "Article", "Tags")
DATE, TITLE, ARTICLE, TAGS = range(4)


class TimelineModel(RowsModel):
    """Rows are events in chronological order; edits are requested, never applied here."""

    editRequested = Signal(int, str, str)  # event id, field ("title", "date", "tags"), text

    COLUMNS = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._keys: list[tuple] = []

    # -- the three mutations -------------------------------------------------------------
    def reset(self, records: list[EventRecord]) -> None:
        """Replace all rows."""
        keys = [r.sort_key for r in records]  # once each: 100,000 rows at project open
        if any(a > b for a, b in zip(keys, keys[1:], strict=False)):
            order = sorted(range(len(records)), key=keys.__getitem__)
            records, keys = [records[i] for i in order], [keys[i] for i in order]
        self.beginResetModel()
        self._rows = list(records)
        self._keys = keys
        self.endResetModel()

    def insert(self, record: EventRecord) -> int:
        """Add one event at its chronological place; return its row."""
        row = bisect.bisect_left(self._keys, record.sort_key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, record)
        self._keys.insert(row, record.sort_key)
        self.endInsertRows()
        return row

    def replace(self, record: EventRecord) -> int:
        """Update one event, moving it if its date changed; return its row."""
        row = self.row_of(record.id)
        if row < 0:
            return self.insert(record)
        key = record.sort_key
        fits = ((row == 0 or self._keys[row - 1] <= key)
                and (row == len(self._keys) - 1 or key <= self._keys[row + 1]))
        if fits:
            self._rows[row] = record
            self._keys[row] = key
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return row
        self.remove(record.id)
        return self.insert(record)

    def remove(self, event_id: int) -> None:
        """Drop one event."""
        row = self.row_of(event_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._keys[row]
        self.endRemoveRows()

    # -- lookups --------------------------------------------------------------------------
    def row_of(self, event_id: int) -> int:
        """Row of an event, or -1."""
        for i, r in enumerate(self._rows):
            if r.id == event_id:
                return i
        return -1

    def record(self, row: int) -> EventRecord:
        """The record shown in a row."""
        return self._rows[row]

    def records(self) -> list[EventRecord]:
        """All records in display order."""
        return list(self._rows)

    # -- Qt model protocol ----------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (DATE, TITLE, TAGS):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == RecordRole:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            return (format_event_date(r.date) + (" (assumed)" if r.date.assumed else ""),
                    r.title, r.article_title, ", ".join(r.tags))[col]
        if role == Qt.ItemDataRole.EditRole:
            return (r.date.start.isoformat() if r.date.precision == "day"
                    else format_event_date(r.date), r.title, r.article_title,
                    ", ".join(r.tags))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == DATE:
                return explain(r.date)
            return r.quotes[0].exact if r.quotes else r.title
        if role == Qt.ItemDataRole.ForegroundRole and col == DATE and r.date.assumed:
            return QBrush(QColor("#9a6700"))
        if role == Qt.ItemDataRole.FontRole and col == DATE and r.date_edited_by_user:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = {DATE: "date", TITLE: "title", TAGS: "tags"}.get(index.column())
        if field is None:
            return False
        r = self._rows[index.row()]
        if str(value) == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        self.editRequested.emit(r.id, field, str(value))
        return True
