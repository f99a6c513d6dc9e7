"""The table's columns as a spreadsheet has them: right-click a header to show or hide one
(sources, precision, notes, who changed it last...); the choice is kept per project."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QMenu

from desktop_app.core.locations import ProjectLocation
from desktop_app.core.records import TimelineRow
from desktop_app.gui.timeline_model import ARTICLE, COLUMNS, DATE, OPTIONAL, TAGS, TITLE
from desktop_app.gui.workspace import Component, Workspace

WIDTHS = {"Sources": 64, "Precision": 80, "Notes": 200, "Changed": 180}
TITLE_AT_LEAST = 160  # the title takes the room left, but never less than this
# Columns sized to their content, as a spreadsheet's double-click on a header edge sizes
# them: no narrower than at first, no wider than this (longer texts show whole in the
# tooltip). They grow when wider content arrives (never shrinking under a user who widened
# one), and start again with each project. The date grows first; the article and the tags
# only into room the title does not need.
FITTED = {DATE: 360, ARTICLE: 240, TAGS: 200}
_PADDING = 18


class TableColumns(Component):
    """Which of the table's columns are shown."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__(ws)
        self._location: ProjectLocation | None = None
        header = self._header
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu)
        for column in OPTIONAL:
            header.resizeSection(column, WIDTHS.get(COLUMNS[column], 100))
        self._show([c for c in COLUMNS if COLUMNS.index(c) not in OPTIONAL])
        self._v.timeline_table.viewportResized.connect(self._fit_title)
        self._least = {column: header.sectionSize(column) for column in FITTED}
        self._pending: tuple[int, int] | None = None  # rows whose content may be wider
        self._pending_rows: list[TimelineRow] = []  # and rows a merge brought
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_content)
        model = self._v.timeline_model
        model.modelReset.connect(self._rows_reset)
        model.rowsInserted.connect(lambda _parent, first, last: self._content_grew(first, last))
        model.dataChanged.connect(
            lambda top, bottom, *_roles: self._content_grew(top.row(), bottom.row()))

    # -- columns sized to their content -----------------------------------------------------
    def _content_grew(self, first: int, last: int) -> None:
        """Note rows whose cells may be wider; they are measured once the change is done."""
        if self._pending is not None:
            first, last = min(first, self._pending[0]), max(last, self._pending[1])
        self._pending = (first, last)
        self._fit_timer.start()

    def _rows_reset(self) -> None:
        """All rows may be new, but after a merge only those it brought."""
        model = self._v.timeline_model
        merged = model.merged_rows()
        if merged is None:
            self._content_grew(0, max(0, model.rowCount() - 1))
        else:
            self._pending_rows += merged
            self._fit_timer.start()

    def _fit_content(self) -> None:
        if self._pending is None and not self._pending_rows:
            return
        model, pending, merged = self._v.timeline_model, self._pending, self._pending_rows
        self._pending, self._pending_rows = None, []
        metrics = self._v.timeline_table.fontMetrics()
        grew = False
        header = self._header
        for column, most in FITTED.items():
            texts = model.widest_texts(column, rows=merged)
            if pending is not None:
                texts += model.widest_texts(column, *pending)
            wanted = min(most, max((metrics.horizontalAdvance(t) for t in texts), default=0)
                         + _PADDING)
            if column != DATE:  # never at the title's expense
                others = sum(header.sectionSize(i) for i in range(len(COLUMNS))
                             if i != TITLE and not header.isSectionHidden(i))
                room = self._v.timeline_table.viewport_width - others - TITLE_AT_LEAST
                wanted = min(wanted, header.sectionSize(column) + max(0, room))
            if wanted > header.sectionSize(column):
                header.resizeSection(column, wanted)
                grew = True
        if grew:
            self._fit_title()

    def _fit_title(self) -> None:
        """The title column stretches over the room the others leave; when they leave too
        little it keeps a readable width and the table scrolls sideways, as a sheet does."""
        header = self._header
        others = sum(header.sectionSize(i) for i in range(len(COLUMNS))
                     if i != TITLE and not header.isSectionHidden(i))
        room = self._v.timeline_table.viewport_width - others
        if room >= TITLE_AT_LEAST:
            header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(TITLE, TITLE_AT_LEAST)

    @property
    def _header(self) -> QHeaderView:
        return self._v.timeline_table.horizontalHeader()

    def shown(self) -> list[str]:
        """The names of the columns shown, in order."""
        return [name for i, name in enumerate(COLUMNS) if not self._header.isSectionHidden(i)]

    def follow_project(self, location: ProjectLocation) -> None:
        """Show the columns chosen for this project (the four main ones if none were)."""
        self._location = location
        for column, least in self._least.items():  # another project: sized to its own rows
            self._header.resizeSection(column, least)
        chosen = self._ws.settings.table_columns(location)
        self._show(chosen if chosen is not None
                   else [c for c in COLUMNS if COLUMNS.index(c) not in OPTIONAL])

    def set_shown(self, name: str, on: bool) -> None:
        """Show or hide a column (the date and the title always show) and remember it."""
        column = COLUMNS.index(name)
        if column in (DATE, TITLE):
            return
        self._header.setSectionHidden(column, not on)
        self._fit_title()
        if self._location is not None:
            self._ws.settings.save_table_columns(self._location, self.shown())

    def _show(self, names: list[str]) -> None:
        for i, name in enumerate(COLUMNS):
            self._header.setSectionHidden(i, i not in (DATE, TITLE) and name not in names)
        self._fit_title()

    def _menu(self, pos: QPoint) -> None:
        menu = QMenu(self._ws.host)
        menu.setObjectName("tableColumnsMenu")
        for i, name in enumerate(COLUMNS):
            if i in (DATE, TITLE):
                continue
            action = menu.addAction(self.tr(name))
            action.setCheckable(True)
            action.setChecked(not self._header.isSectionHidden(i))
            action.toggled.connect(lambda on, n=name: self.set_shown(n, on))
        self._ws.dialogs.popup(menu, self._header.mapToGlobal(pos))
