"""The timeline table model: a thin adapter over a sorted list of event records."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.core.conflicts import has_conflict
from desktop_app.core.eventdates import explain, format_event_date
from desktop_app.core.records import EventRecord
from desktop_app.gui.table_model import Index, RowsModel

if TYPE_CHECKING:
    from desktop_app.core.filters import EventFilter

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
        self._all: list[EventRecord] = []  # every event, in order; _rows: those the filter keeps
        self._all_keys: list[tuple] = []
        self._filter: EventFilter | None = None

    # -- the mutations ---------------------------------------------------------------------
    def reset(self, records: list[EventRecord]) -> None:
        """Replace all rows."""
        keys = [r.sort_key for r in records]  # once each: 100,000 rows at project open
        if any(a > b for a, b in zip(keys, keys[1:], strict=False)):
            order = sorted(range(len(records)), key=keys.__getitem__)
            records, keys = [records[i] for i in order], [keys[i] for i in order]
        self._all, self._all_keys = list(records), keys
        self._apply_filter()

    def set_filter(self, event_filter: EventFilter | None) -> None:
        """Show only the events a filter keeps (None or an empty filter: all)."""
        self._filter = None if event_filter is None or event_filter.is_empty else event_filter
        self._apply_filter()

    def _apply_filter(self) -> None:
        self.beginResetModel()
        if self._filter is None:
            self._rows, self._keys = list(self._all), list(self._all_keys)
        else:
            kept = [i for i, r in enumerate(self._all) if self._filter.matches(r)]
            self._rows = [self._all[i] for i in kept]
            self._keys = [self._all_keys[i] for i in kept]
        self.endResetModel()

    def keeps(self, record: EventRecord) -> bool:
        """Whether the filter shows an event."""
        return self._filter is None or self._filter.matches(record)

    def insert(self, record: EventRecord) -> int:
        """Add one event at its chronological place; return its row (-1: filtered out)."""
        key = record.sort_key
        at = bisect.bisect_left(self._all_keys, key)
        self._all.insert(at, record)
        self._all_keys.insert(at, key)
        if not self.keeps(record):
            return -1
        row = bisect.bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, record)
        self._keys.insert(row, key)
        self.endInsertRows()
        return row

    def replace(self, record: EventRecord) -> int:
        """Update one event, moving it if its date changed; return its row (-1: hidden)."""
        row = self.row_of(record.id)
        key = record.sort_key
        if row >= 0 and self.keeps(record):
            fits = ((row == 0 or self._keys[row - 1] <= key)
                    and (row == len(self._keys) - 1 or key <= self._keys[row + 1]))
            if fits:
                self._rows[row] = record
                self._keys[row] = key
                at = self._index_in_all(record.id)
                self._all[at], self._all_keys[at] = record, key
                if not self._sorted_around(at):
                    self._remove_from_all(record.id)
                    self._insert_in_all(record)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                return row
        self.remove(record.id)
        return self.insert(record)

    def remove(self, event_id: int) -> None:
        """Drop one event."""
        self._remove_from_all(event_id)
        row = self.row_of(event_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._keys[row]
        self.endRemoveRows()

    def _index_in_all(self, event_id: int) -> int:
        return next((i for i, r in enumerate(self._all) if r.id == event_id), -1)

    def _sorted_around(self, at: int) -> bool:
        k = self._all_keys
        return (at == 0 or k[at - 1] <= k[at]) and (at == len(k) - 1 or k[at] <= k[at + 1])

    def _remove_from_all(self, event_id: int) -> None:
        at = self._index_in_all(event_id)
        if at >= 0:
            del self._all[at]
            del self._all_keys[at]

    def _insert_in_all(self, record: EventRecord) -> None:
        at = bisect.bisect_left(self._all_keys, record.sort_key)
        self._all.insert(at, record)
        self._all_keys.insert(at, record.sort_key)

    # -- lookups --------------------------------------------------------------------------
    def row_of(self, event_id: int) -> int:
        """Row of an event, or -1 (not there, or hidden by the filter)."""
        for i, r in enumerate(self._rows):
            if r.id == event_id:
                return i
        return -1

    def record(self, row: int) -> EventRecord:
        """The record shown in a row."""
        return self._rows[row]

    def records(self) -> list[EventRecord]:
        """The records shown, in display order."""
        return list(self._rows)

    def total(self) -> int:
        """How many events there are, the filter notwithstanding."""
        return len(self._all)

    def all_records(self) -> list[EventRecord]:
        """Every record, the filter notwithstanding."""
        return list(self._all)

    def find(self, event_id: int) -> EventRecord | None:
        """An event's record, shown or filtered out."""
        at = self._index_in_all(event_id)
        return self._all[at] if at >= 0 else None

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
            flag = "⚠ " if col == DATE and has_conflict(r) else ""
            return (flag + format_event_date(r.date) + (" (assumed)" if r.date.assumed else ""),
                    r.title, r.article_title, ", ".join(r.tags))[col]
        if role == Qt.ItemDataRole.EditRole:
            return (r.date.start.isoformat() if r.date.precision == "day"
                    else format_event_date(r.date), r.title, r.article_title,
                    ", ".join(r.tags))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == DATE:
                return explain(r.date) + ("\n⚠ Its sources disagree on the date (see the "
                                          "inspector's sources)" if has_conflict(r) else "")
            return r.quotes[0].exact if r.quotes else r.title
        if role == Qt.ItemDataRole.ForegroundRole and col == DATE:
            if has_conflict(r):
                return QBrush(QColor("#c62828"))
            if r.date.assumed:
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
