"""The table's columns as a spreadsheet has them: right-click a header to show or hide one
(sources, precision, notes, who changed it last...); the choice is kept per project."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QHeaderView, QMenu

from desktop_app.core.locations import ProjectLocation
from desktop_app.gui.timeline_model import COLUMNS, DATE, OPTIONAL, TITLE
from desktop_app.gui.workspace import Component, Workspace

WIDTHS = {"Sources": 64, "Precision": 80, "Notes": 200, "Changed": 180}
TITLE_AT_LEAST = 160  # the title takes the room left, but never less than this


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
        self._v.timeline_table.viewport().installEventFilter(self)  # resized: fit the title

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._fit_title()
        return False

    def _fit_title(self) -> None:
        """The title column stretches over the room the others leave; when they leave too
        little it keeps a readable width and the table scrolls sideways, as a sheet does."""
        header = self._header
        others = sum(header.sectionSize(i) for i in range(len(COLUMNS))
                     if i != TITLE and not header.isSectionHidden(i))
        room = self._v.timeline_table.viewport().width() - others
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
