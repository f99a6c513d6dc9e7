"""History (Ctrl+H): the user's own steps, which undo and redo walk, and the project's
activity: who did what lately, everyone on the project included."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QTabWidget, QUndoView

from desktop_app.core.wording import local_stamp
from desktop_app.gui.props import made
from desktop_app.gui.workspace import Component, Workspace

if TYPE_CHECKING:  # the database layer is imported after the window paints
    from desktop_app.core.services.activity import Activity


class History(Component):
    """The History dock: two tabs, Your Steps and Project Activity."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__(ws)
        a, host = ws.actions, ws.host
        self.steps = made(QUndoView(ws.undo_stack), objectName="historyView")
        self.steps.setEmptyLabel(self.tr("<project opened>"))
        self.activity = made(QListWidget(), objectName="activityList")
        self.activity.setWordWrap(True)
        self.activity.setAlternatingRowColors(True)  # one change set per band
        self.activity.setToolTip(self.tr("What everyone on this project did in the last day, "
                                         "newest first"))
        self.tabs = made(QTabWidget(), objectName="historyTabs")
        self.tabs.addTab(self.steps, self.tr("Your Steps"))
        self.tabs.addTab(self.activity, self.tr("Project Activity"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.dock = made(QDockWidget(self.tr("History"), host), objectName="historyDock")
        self.dock.setWidget(self.tabs)
        host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        a.show_history.toggled.connect(self._show)
        self.dock.visibilityChanged.connect(a.show_history.setChecked)

    def _show(self, on: bool) -> None:
        self.dock.setVisible(on)
        if on:
            self._ws.host.resizeDocks([self.dock], [260], Qt.Orientation.Horizontal)
            self.refresh()

    def refresh(self) -> None:
        """Read the project's activity again, if it is shown (after each change set)."""
        project = self._ws.current_project
        if project is None or not self.activity.isVisible():
            return
        self.activity.clear()
        for entry in project.activity.recent():
            item = QListWidgetItem(self._line(entry))
            item.setToolTip(f"{local_stamp(entry.when)}\n{entry.author or 'unknown'}: "
                            f"{entry.summary}")
            self.activity.addItem(item)
        if not self.activity.count():
            self.activity.addItem(self.tr("Nothing changed in the last day"))

    @staticmethod
    def _line(entry: Activity) -> str:
        """'17:02 Ben: changed “Talks began”' (older than today: the date too)."""
        local = entry.when.replace(tzinfo=UTC).astimezone()
        today = datetime.now(UTC).astimezone().date()
        when = f"{local:%H:%M}" if local.date() == today else local_stamp(entry.when)
        return f"{when} {entry.author or '?'}: {entry.summary}"
