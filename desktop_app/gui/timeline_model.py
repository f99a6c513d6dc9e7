"""The timeline table model: a thin adapter over a sorted list of timeline rows.

Rows are the narrow TimelineRow (what the table shows); full EventRecords are kept for the
events the window touched and fetched, a page at a time, for the rest. So a 100,000-event
project opens without reading every quote and rule, and everything asking for a record
(selection, inspector, edits, filters, exports of what is shown) still gets a full one.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import itertools
import operator
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.core.eventdates import explain, format_event_date
from desktop_app.core.gc_pause import gc_paused
from desktop_app.core.records import EditField, EventDate, EventRecord, Precision, TimelineRow
from desktop_app.core.timeline_rows import timeline_row
from desktop_app.core.wording import local_stamp, provenance
from desktop_app.gui.sorted_rows import ROW_ID, Descending, first, spliced, without
from desktop_app.gui.table_model import Index, RowsModel
from desktop_app.gui.theme import LIGHT, Colours

if TYPE_CHECKING:
    from desktop_app.core.filters import EventFilter

RecordRole = Qt.ItemDataRole.UserRole + 1
# Combined once: a paint asks for every visible cell's flags, and enum arithmetic is slow.
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_ROLES_ANSWERED = frozenset({
    RecordRole, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole})
COLUMNS = ("Date", "Title", "Article", "Tags", "Sources", "Precision", "Notes", "Changed")
DATE, TITLE, ARTICLE, TAGS, SOURCES, PRECISION, NOTES, CHANGED = range(8)
_EDITABLE_COLUMNS = frozenset({DATE, TITLE, TAGS})
OPTIONAL = (SOURCES, PRECISION, NOTES, CHANGED)  # hidden until the user shows them
PAGE = 200  # records fetched at once around a row that needs one
_NEVER = datetime.min
Fetcher = Callable[[list[int]], dict[int, EventRecord]]


def _no_fetch(ids: list[int]) -> dict[int, EventRecord]:
    return {}


def _text(r: TimelineRow, col: int) -> str:
    """What a column other than the date shows (the title, article and tags columns are
    edited as shown)."""
    if col == SOURCES:
        return str(r.source_count)
    if col == PRECISION:
        return r.precision.value
    if col == NOTES:
        return " ".join(r.notes.split())
    if col == CHANGED:
        return _changed(r)
    return (r.title, r.article_title, ", ".join(r.tags))[col - TITLE]


@functools.cache
def _widest_date(precision: Precision, is_range: bool, conflict: bool, assumed: bool) -> str:
    """The widest date shown for a kind of date: a Wednesday in September (the widest names)."""
    wide = date(2021, 9, 29)
    shown = format_event_date(EventDate(wide, precision, wide + timedelta(days=400)
                                        if is_range else None))
    return ("⚠ " if conflict else "") + shown + (" (assumed)" if assumed else "")


def _changed(r: TimelineRow) -> str:
    """'Anna, Thu 3 Dec 2026 17:02': who changed the event last, and when."""
    when = local_stamp(r.updated_at) if r.updated_at else ""
    return ", ".join(part for part in (r.updated_by, when) if part)


def _chronological(r: TimelineRow) -> Any:
    return r.sort_key


_COLUMN_ORDER: dict[int, Callable[[TimelineRow], Any]] = {
    DATE: _chronological,
    TITLE: lambda r: (r.title.casefold(), r.sort_key),
    ARTICLE: lambda r: (r.article_title.casefold(), r.sort_key),
    TAGS: lambda r: (not r.tags, ", ".join(r.tags).casefold(), r.sort_key),  # untagged last
    SOURCES: lambda r: (r.source_count, r.sort_key),
    PRECISION: lambda r: (list(Precision).index(r.precision), r.sort_key),
    NOTES: lambda r: (not r.notes, r.notes.casefold(), r.sort_key),  # without notes last
    CHANGED: lambda r: (r.updated_at or _NEVER, r.sort_key),
}


class TimelineModel(RowsModel):
    """Rows are events in chronological order; edits are requested, never applied here."""

    editRequested = Signal(int, str, str)  # event id, field ("title", "date", "tags"), text

    COLUMNS = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TimelineRow] = []  # the rows the filter keeps, in order
        self._keys: list[Any] = []
        self._all: list[TimelineRow] = []  # every event, in order
        self._all_keys: list[Any] = []
        self._filter: EventFilter | None = None
        self._records: dict[int, EventRecord] = {}
        self._fetch: Fetcher = _no_fetch
        self._order: Callable[[TimelineRow], Any] = _chronological  # the header's sort
        self._colours = LIGHT
        self._merged: list[TimelineRow] | None = None

    def set_colours(self, colours: Colours) -> None:
        """Conflicting and assumed dates in a theme's colours."""
        self._colours = colours
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    # -- what the widest cell of a column may show (the table sizes columns to it) -------
    def widest_texts(self, column: int, first: int = 0, last: int | None = None,
                     rows: Sequence[TimelineRow] | None = None) -> list[str]:
        """A few texts, one of which is the widest that ``column`` (Date, Article or Tags, the
        columns sized to their content) shows in rows first..last (or in ``rows``).

        Dates are not formatted row by row: the width of a date depends only on its
        precision, whether it is a range, in conflict or assumed, so one widest sample stands
        for each kind found. Article titles and tag lists give their longest few texts."""
        if rows is None:
            rows = self._rows[first:None if last is None else last + 1]
        if column == DATE:
            kinds = {(r.precision, r.end is not None and r.end != r.start, r.conflict, r.assumed)
                     for r in rows}
            return [_widest_date(*kind) for kind in kinds]
        if column == ARTICLE:
            return heapq.nlargest(3, {r.article_title for r in rows}, key=len)
        if column == TAGS:
            return heapq.nlargest(3, {", ".join(r.tags) for r in rows if r.tags}, key=len)
        raise ValueError(f"column {COLUMNS[column]!r} is not sized to its content")

    # -- sorting by a column (a header click) ---------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column, ties in timeline order; Date is the timeline's own
        order (precision-aware: a month sorts at its first day, ties by source position)."""
        by = _COLUMN_ORDER.get(column, _chronological)
        if order == Qt.SortOrder.DescendingOrder:
            self._order = lambda r: Descending(by(r))
        else:
            self._order = by
        self.layoutAboutToBeChanged.emit()
        held = [(index, self._rows[index.row()].id, index.column())
                for index in self.persistentIndexList() if index.row() < len(self._rows)]
        keyed = sorted(zip((self._order(r) for r in self._all), self._all, strict=True),
                       key=lambda pair: pair[0])
        self._all_keys, self._all = [k for k, _ in keyed], [r for _, r in keyed]
        shown = {r.id for r in self._rows}
        kept = [(k, r) for k, r in keyed if r.id in shown]  # the filter's rows, keys as above
        self._keys, self._rows = [k for k, _ in kept], [r for _, r in kept]
        rows = {r.id: i for i, r in enumerate(self._rows)}
        for index, event_id, column_of in held:
            self.changePersistentIndex(index, self.index(rows[event_id], column_of))
        self.layoutChanged.emit()

    # -- the mutations ---------------------------------------------------------------------
    def reset(self, records: list[EventRecord]) -> None:
        """Replace all rows with these full records (a snapshot, a small project)."""
        self._records = {r.id: r for r in records}
        self._set_all([timeline_row(r) for r in records])

    def reset_rows(self, rows: Iterable[TimelineRow], fetch: Fetcher,
                   stale: Collection[int] | None = None) -> None:
        """Replace all rows; full records come from ``fetch(ids)`` when asked for. Records
        already held stay, but for the ``stale`` ids (None: every one is stale)."""
        if stale is None or fetch != self._fetch:  # another project: nothing held holds
            self._records = {}
        else:
            for event_id in stale:
                self._records.pop(event_id, None)
        self._fetch = fetch
        self._set_all(list(rows))

    def holds(self, fetch: Fetcher) -> bool:
        """Whether the rows are those of the project ``fetch`` reads from (not a snapshot's
        or another project's)."""
        return fetch == self._fetch

    def merge_rows(self, fresh: Iterable[TimelineRow], changed: Collection[int]) -> bool:
        """Replace the rows of the ``changed`` ids by ``fresh``, those of them that still
        exist, read anew: a change set of a few hundred events in a timeline of 100,000
        neither re-reads nor re-sorts the rows it left alone. Returns whether any of those
        events quoted an article before or quotes one now."""
        for event_id in changed:
            self._records.pop(event_id, None)
        with gc_paused():  # 100,000 rows, no cycles: no collection scanning them all
            rows, keys = self._all, self._all_keys
            gone = list(itertools.compress(range(len(rows)),  # in C: 100,000 rows
                                           map(changed.__contains__, map(ROW_ID, rows))))
            sourced = any(rows[i].source_count for i in gone)
            if gone:
                rows, keys = without(rows, gone), without(keys, gone)
            new = sorted(((self._order(r), r) for r in fresh), key=first)
            sourced = sourced or any(r.source_count for _k, r in new)
            self._all, self._all_keys = spliced(rows, keys, new)
        self._merged = [r for _k, r in new]
        try:
            self._apply_filter()
        finally:
            self._merged = None
        return sourced

    def merged_rows(self) -> list[TimelineRow] | None:
        """While the rows are reset by a merge: the rows read anew (the others show what
        they showed). None in any other reset."""
        return self._merged

    def _set_all(self, rows: list[TimelineRow]) -> None:
        with gc_paused():  # once each: 100,000 keys at project open, no cycles among them
            keys = [self._order(r) for r in rows]
        if any(map(operator.gt, keys, itertools.islice(keys, 1, None))):
            order = sorted(range(len(rows)), key=keys.__getitem__)
            rows, keys = [rows[i] for i in order], [keys[i] for i in order]
        self._all, self._all_keys = rows, keys
        self._apply_filter()

    def set_filter(self, event_filter: EventFilter | None) -> None:
        """Show only the events a filter keeps (None or an empty filter: all)."""
        self._filter = None if event_filter is None or event_filter.is_empty else event_filter
        self._apply_filter()

    def _apply_filter(self) -> None:
        if self._filter is None:
            rows, keys = list(self._all), list(self._all_keys)
        else:  # filters look at notes and quotes: they need every full record
            records = self._full([r.id for r in self._all])
            kept = [i for i, r in enumerate(self._all) if self._filter.matches(records[r.id])]
            rows, keys = [self._all[i] for i in kept], [self._all_keys[i] for i in kept]
        self.beginResetModel()
        self._rows, self._keys = rows, keys
        self.endResetModel()

    def is_filtered(self) -> bool:
        """Whether a filter hides some events (the chart then shows the same ones)."""
        return self._filter is not None

    def keeps(self, record: EventRecord) -> bool:
        """Whether the filter shows an event."""
        return self._filter is None or self._filter.matches(record)

    def insert(self, record: EventRecord) -> int:
        """Add one event at its chronological place; return its row (-1: filtered out)."""
        row = timeline_row(record)
        self._records[record.id] = record
        self._insert_in_all(row)
        if not self.keeps(record):
            return -1
        key = self._order(row)
        shown = bisect.bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), shown, shown)
        self._rows.insert(shown, row)
        self._keys.insert(shown, key)
        self.endInsertRows()
        return shown

    def replace(self, record: EventRecord) -> int:
        """Update one event, moving it if its date changed; return its row (-1: hidden)."""
        row = self.row_of(record.id)
        new = timeline_row(record)
        key = self._order(new)
        if row >= 0 and self.keeps(record):
            fits = ((row == 0 or self._keys[row - 1] <= key)
                    and (row == len(self._keys) - 1 or key <= self._keys[row + 1]))
            if fits:
                self._records[record.id] = record
                self._rows[row], self._keys[row] = new, key
                at = self._index_in_all(record.id)
                self._all[at], self._all_keys[at] = new, key
                if not self._sorted_around(at):
                    self._remove_from_all(record.id)
                    self._insert_in_all(new)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                return row
        self.remove(record.id)
        return self.insert(record)

    def remove(self, event_id: int) -> None:
        """Drop one event."""
        self._records.pop(event_id, None)
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

    def _insert_in_all(self, row: TimelineRow) -> None:
        key = self._order(row)
        at = bisect.bisect_left(self._all_keys, key)
        self._all.insert(at, row)
        self._all_keys.insert(at, key)

    # -- full records ---------------------------------------------------------------------
    def _full(self, ids: list[int]) -> dict[int, EventRecord]:
        """Full records for these events, fetching those not held yet."""
        missing = [i for i in ids if i not in self._records]
        if missing:
            self._records.update(self._fetch(missing))
        return self._records

    def _record_at(self, row: int) -> EventRecord:
        """The record of a shown row (its neighbours are fetched with it)."""
        event_id = self._rows[row].id
        if event_id not in self._records:
            page = self._rows[max(0, row - PAGE // 2):row + PAGE // 2]
            self._full([r.id for r in page])
        return self._records[event_id]

    # -- lookups --------------------------------------------------------------------------
    def row_of(self, event_id: int) -> int:
        """Row of an event, or -1 (not there, or hidden by the filter)."""
        for i, r in enumerate(self._rows):
            if r.id == event_id:
                return i
        return -1

    def label(self, event_id: int) -> str:
        """An event's date and title, as hovering its quote shows them ("" if not shown)."""
        row = self.row_of(event_id)
        if row < 0:
            return ""
        r = self.record(row)
        return f"{format_event_date(r.date)}: {r.title}"

    def id_at(self, row: int) -> int:
        """The event id shown in a row (no record fetched)."""
        return self._rows[row].id

    def record(self, row: int) -> EventRecord:
        """The full record shown in a row."""
        return self._record_at(row)

    def records(self) -> list[EventRecord]:
        """The records shown, in display order."""
        held = self._full([r.id for r in self._rows])
        return [held[r.id] for r in self._rows if r.id in held]

    def total(self) -> int:
        """How many events there are, the filter notwithstanding."""
        return len(self._all)

    def ids(self) -> set[int]:
        """Ids of the events shown (cheap: no records are fetched)."""
        return {r.id for r in self._rows}

    def any_sourced(self, event_ids: Collection[int]) -> bool:
        """Whether any of these events, as held now, quotes an article (filtered or not)."""
        return bool(event_ids) and any(r.source_count for r in self._all if r.id in event_ids)

    def all_rows(self) -> list[TimelineRow]:
        """Every row, the filter notwithstanding (what the chart draws)."""
        return list(self._all)

    def all_records(self) -> list[EventRecord]:
        """Every record, the filter notwithstanding."""
        held = self._full([r.id for r in self._all])
        return [held[r.id] for r in self._all if r.id in held]

    def find(self, event_id: int) -> EventRecord | None:
        """An event's record, shown or filtered out."""
        if self._index_in_all(event_id) < 0:
            return None
        return self._full([event_id]).get(event_id)

    # -- Qt model protocol ----------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _EDITABLE if index.column() in _EDITABLE_COLUMNS else _READ_ONLY

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES_ANSWERED:  # most of the roles a paint asks for, at once
            return None
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        r = self._rows[row]
        col = index.column()
        if role == RecordRole:
            return self._record_at(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if col != DATE:
                return _text(r, col)
            return (("⚠ " if r.conflict else "") + format_event_date(r.date)
                    + (" (assumed)" if r.assumed else ""))
        if role == Qt.ItemDataRole.EditRole:
            if col != DATE:
                return _text(r, col)
            return (r.start.isoformat() if r.precision == Precision.DAY
                    else format_event_date(r.date))
        if role == Qt.ItemDataRole.ToolTipRole:
            full = self._record_at(row)
            if col == DATE:
                return explain(full.date) + ("\n⚠ Its sources disagree on the date (see the "
                                             "inspector's sources)" if r.conflict else "")
            if col == TITLE:  # the whole title (the cell elides it), then its source's words
                return full.title + (f"\n\n“{full.quotes[0].exact}”" if full.quotes else "")
            if col == NOTES:
                return full.notes or None
            if col == CHANGED:
                return provenance(full)
            return _text(r, col) or None  # the whole article title or tag list
        if role == Qt.ItemDataRole.ForegroundRole and col == DATE:
            if r.conflict:
                return QBrush(QColor(self._colours.conflict))
            if r.assumed:
                return QBrush(QColor(self._colours.assumed))
        if role == Qt.ItemDataRole.FontRole and col == DATE and r.edited:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = {DATE: EditField.DATE, TITLE: EditField.TITLE,
                 TAGS: EditField.TAGS}.get(index.column())
        if field is None:
            return False
        r = self._rows[index.row()]
        if str(value) == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        self.editRequested.emit(r.id, field, str(value))
        return True
