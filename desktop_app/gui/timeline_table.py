"""The timeline table's view: how the table looks and behaves (the model holds the rows)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop_app.gui.timeline_model import TimelineModel

WIDEST_DATE = "⚠ Wed 30 Sep 2021"  # longer forms (ranges, "assumed") show whole in the tooltip


class TimelineTable(QTableView):
    """A table that says when the room for its columns changes.

    Its viewport's width is told by the resize events Qt hands the view for it: asking for
    viewport() before the first paint would make PySide create some sixty widget classes
    to find its type (about 15 ms of start-up).
    """

    viewportResized = Signal()  # noqa: N815 (Qt's naming)

    def __init__(self) -> None:
        super().__init__()
        self.viewport_width = 0

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.viewport_width = event.size().width()
        self.viewportResized.emit()


def make_timeline_table(model: TimelineModel) -> TimelineTable:
    """The timeline table: whole rows selected, edited in place, sorted by a header click,
    dense, its date column as wide as the widest date."""
    table = TimelineTable()
    table.setObjectName("timelineTable")
    table.setAccessibleName("Timeline")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                          | QAbstractItemView.EditTrigger.EditKeyPressed)
    table.verticalHeader().hide()
    # A header click sorts by that column (ties in timeline order); Date is the timeline's
    # own, precision-aware order, and where every project opens.
    table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    table.verticalHeader().setDefaultSectionSize(  # dense: more events shown
        table.fontMetrics().height() + 8)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    # Always there: the columns do not reflow (and the window relayout) the moment the
    # timeline outgrows the view.
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    th = table.horizontalHeader()
    # The date column is as wide as the widest date it can show, worked out once: sizing
    # it to its contents reads every row again at every change (24,000 calls a 1,000-row
    # import).
    th.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    th.resizeSection(0, table.fontMetrics().horizontalAdvance(WIDEST_DATE) + 16)
    th.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    th.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
    th.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
    th.resizeSection(2, 140)
    th.resizeSection(3, 80)
    return table
