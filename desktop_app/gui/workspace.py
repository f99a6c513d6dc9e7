"""What the window's components share: the open project, the views, the actions, the undo
stack, the questions to the user, the settings and the status line.

The window builds one Workspace and passes it, with the other components each one uses, to
every component's constructor; nothing reaches into the window itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QListView, QMainWindow, QTabWidget, QWidget

from desktop_app.gui.actions import Actions
from desktop_app.gui.article_header import ArticleHeader
from desktop_app.gui.article_list import ArticleListModel
from desktop_app.gui.asking import Dialogs
from desktop_app.gui.background import Background
from desktop_app.gui.coverage_panel import CoveragePanel
from desktop_app.gui.inspector import EventInspector
from desktop_app.gui.reader import ArticleReader
from desktop_app.gui.settings import Settings
from desktop_app.gui.theme import LIGHT, Colours
from desktop_app.gui.timeline_model import TimelineModel
from desktop_app.gui.timeline_table import TimelineTable

if TYPE_CHECKING:
    from desktop_app.core.project import Project


class NoProjectError(RuntimeError):
    """A project action ran with no project open (its action should have been disabled)."""


@dataclass(frozen=True, eq=False)
class Views:
    """The window's views, built once by the window."""

    article_list: QListView
    article_model: ArticleListModel
    reader: ArticleReader
    article_header: ArticleHeader
    timeline_table: TimelineTable
    timeline_model: TimelineModel
    timeline_tabs: QTabWidget
    chart_slot: QWidget  # the chart tab's page; the chart itself is built on first use
    timeline_area: QWidget  # the filter bar goes above the tabs
    inspector: EventInspector
    coverage: CoveragePanel
    count_label: QLabel


class Workspace:
    """The shared state of one window; ``project`` is None until one is loaded."""

    def __init__(self, host: QMainWindow, views: Views, actions: Actions,
                 undo_stack: QUndoStack, dialogs: Dialogs, settings: Settings,
                 background: Background) -> None:
        self.host = host  # the window: docks and dialogs are placed on it
        self.views = views
        self.actions = actions
        self.undo_stack = undo_stack
        self.dialogs = dialogs
        self.settings = settings
        self.background = background
        self.current_project: Project | None = None
        self.colours: Colours = LIGHT  # the theme's; the window sets it

    @property
    def project(self) -> Project:
        """The open project; only actions enabled by an open project ask for it."""
        if self.current_project is None:
            raise NoProjectError("no project is open")
        return self.current_project

    def say(self, message: str, milliseconds: int = 5000) -> None:
        """A passing message in the status bar."""
        self.host.statusBar().showMessage(message, milliseconds)


class Component(QObject):
    """One part of the window's work (editing, the chart, filtering...): it lives as long as
    the window and reaches the shared state through its workspace."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__(ws.host)
        self._ws = ws
        self._v = ws.views
