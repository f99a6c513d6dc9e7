"""The main window: article list | article reader | timeline table over the inspector."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QListView,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core.gc_pause import keep_loaded, release_loaded
from desktop_app.core.view_cache import FORMAT as SNAPSHOT_FORMAT
from desktop_app.core.view_cache import Snapshot, project_stamp, write_snapshot
from desktop_app.gui.access import apply_access, colour_banner, make_banner
from desktop_app.gui.actions import Actions, Need
from desktop_app.gui.analysis import Analysis
from desktop_app.gui.article_editing import ArticleEditing
from desktop_app.gui.article_header import ArticleHeader
from desktop_app.gui.article_list import ArticleDelegate, ArticleListModel
from desktop_app.gui.asking import Dialogs, QtDialogs
from desktop_app.gui.background import Background
from desktop_app.gui.change_path import ChangePath
from desktop_app.gui.chart_view import ChartView
from desktop_app.gui.coverage_panel import CoveragePanel
from desktop_app.gui.date_assist import DateAssist
from desktop_app.gui.event_editing import EventEditing
from desktop_app.gui.filtering import Filtering
from desktop_app.gui.history import History
from desktop_app.gui.inspector import EventInspector
from desktop_app.gui.live_changes import LiveChanges
from desktop_app.gui.project_files import ProjectFiles, ProjectOpener
from desktop_app.gui.reader import ArticleReader
from desktop_app.gui.selection import Selection
from desktop_app.gui.settings import Settings, view_cache_path
from desktop_app.gui.table_columns import TableColumns
from desktop_app.gui.theme import LIGHT, Colours, ThemeChoice, apply_theme, tinted
from desktop_app.gui.timeline_model import TimelineModel
from desktop_app.gui.timeline_table import make_timeline_table
from desktop_app.gui.workspace import Views, Workspace

if TYPE_CHECKING:
    from desktop_app.core.project import Project

log = logging.getLogger(__name__)
LARGE_TIMELINE = 20_000  # events: no start-up snapshot (it would hold every full record)


def first_size(available: QSize) -> QSize:
    """The window's size on a first start: 1400x820, or less on a smaller screen (a 1366x768
    laptop keeps the status bar and the buttons on screen; the frame needs some room too)."""
    return QSize(min(1400, available.width() - 40), min(820, available.height() - 60))


class MainWindow(QMainWindow):
    """Builds the views and composes the components that work on them (see workspace.py);
    every data change goes through a service and an undo command, and reaches the views
    through the change path.

    It can be shown before a project is loaded (``project=None``), so the window paints at
    once while the database layer is imported and the project opened.
    """

    projectLoaded = Signal()

    def __init__(self, project: Project | None, open_project: ProjectOpener, settings: Settings,
                 parent: QWidget | None = None, dialogs: Dialogs | None = None) -> None:
        app = QApplication.instance()
        # The theme before any widget: its palette and style are then set once, not redone.
        colours = apply_theme(app, settings.theme()) if isinstance(app, QApplication) \
            else LIGHT
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setAccessibleName(APP_NAME)
        self.setAcceptDrops(True)
        self.resize(first_size(self.screen().availableGeometry().size()))
        self._settings = settings
        self.dialogs: Dialogs = dialogs if dialogs is not None else QtDialogs(self)
        self.background = Background(self)
        self.live = LiveChanges(self)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.user_actions = Actions(self)
        self._build_undo_actions()
        views = self._build_views()
        recent_menu = self.user_actions.place(self, self.action_undo, self.action_redo)
        ws = Workspace(self, views, self.user_actions, self.undo_stack, self.dialogs, settings,
                       self.background)
        self.workspace = ws
        self.selection = Selection(ws)
        self.table_columns = TableColumns(ws)
        self.editing = EventEditing(ws, self.selection)
        self.dates = DateAssist(ws, self.selection, self.editing)
        self.chart_view = ChartView(ws, self.selection, self.editing)
        self.filtering = Filtering(ws, self.selection, self.chart_view)
        self.analysis = Analysis(ws, self.selection)
        self.history = History(ws)
        self.article_editing = ArticleEditing(ws, self.selection)
        self.files = ProjectFiles(ws, self.selection, self.filtering, open_project,
                                  self._replace_project, recent_menu)
        self.change_path = ChangePath(ws, self.selection, self.chart_view, self.dates,
                                      self.filtering, self.live)
        self._connect_signals()
        self.user_actions.themes[settings.theme()].setChecked(True)
        self.set_colours(colours)
        self._restore_window_state()
        if project is not None:
            self.load_project(project)
        else:
            self.setWindowTitle(self.tr("Opening project… — %s") % APP_NAME)
            self._set_project_actions_enabled(False)
            self.statusBar().showMessage(self.tr("Opening project…"))

    @property
    def project(self) -> Project | None:
        """The open project (None while it is being opened)."""
        return self.workspace.current_project

    # -- construction ---------------------------------------------------------------------
    def _build_undo_actions(self) -> None:
        self.action_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.action_undo.setObjectName("actionUndo")
        self.action_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.action_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.action_redo.setObjectName("actionRedo")
        self.action_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # The toolbar shows a short label; the menu and the tooltip say what will be undone.
        self.action_undo.setIconText(self.tr("Undo"))
        self.action_redo.setIconText(self.tr("Redo"))
        self.undo_stack.undoTextChanged.connect(self._update_undo_tooltips)
        self.undo_stack.redoTextChanged.connect(self._update_undo_tooltips)
        self.addAction(self.action_undo)
        self.addAction(self.action_redo)

    def _update_undo_tooltips(self) -> None:
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.action_undo.setToolTip(self.tr("Undo %s") % undo if undo else self.tr("Undo"))
        self.action_redo.setToolTip(self.tr("Redo %s") % redo if redo else self.tr("Redo"))

    def _build_views(self) -> Views:
        self.article_model = ArticleListModel(self)
        self.article_list = QListView()
        self.article_list.setObjectName("articleList")
        self.article_list.setAccessibleName("Articles")
        self.article_list.setModel(self.article_model)
        self.article_list.setItemDelegate(ArticleDelegate(self.article_list))
        self.article_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.article_list.setUniformItemSizes(True)

        self.timeline_model = TimelineModel(self)
        self.reader = ArticleReader(self.user_actions.create_event, self.timeline_model.label)
        self.timeline_table = make_timeline_table(self.timeline_model)
        self.inspector = EventInspector(self.article_model.summary_of)

        tabs = QTabWidget()
        tabs.setObjectName("timelineTabs")
        tabs.addTab(self.timeline_table, self.tr("Table"))
        chart_slot = QWidget()  # the chart is built after the first paint, on first use
        chart_slot.setObjectName("chartSlot")
        QVBoxLayout(chart_slot).setContentsMargins(0, 0, 0, 0)
        tabs.addTab(chart_slot, self.tr("Chart"))
        self.timeline_tabs = tabs
        area = QWidget()  # the filter bar goes above the tabs, when first used
        area.setObjectName("timelineArea")
        column = QVBoxLayout(area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(tabs, 1)

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("rightSplitter")
        right.addWidget(area)
        scroll = QScrollArea()
        scroll.setObjectName("inspectorScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.inspector)
        right.addWidget(scroll)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        self.coverage = CoveragePanel()
        left = QSplitter(Qt.Orientation.Vertical)
        left.setObjectName("leftSplitter")
        left.addWidget(self.article_list)
        left.addWidget(self.coverage)
        left.setStretchFactor(0, 2)
        left.setStretchFactor(1, 3)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.article_header = ArticleHeader()
        reading = QWidget()  # the headline and byline above the text, not part of it
        reading.setObjectName("readingPane")
        text_column = QVBoxLayout(reading)
        text_column.setContentsMargins(0, 0, 0, 0)
        text_column.setSpacing(0)
        text_column.addWidget(self.article_header)
        text_column.addWidget(self.reader, 1)
        self.splitter.addWidget(left)
        self.splitter.addWidget(reading)
        self.splitter.addWidget(right)
        self.splitter.setSizes([280, 540, 580])
        left.setMinimumWidth(170)  # panes keep a readable width when docks open beside them
        self.reader.setMinimumWidth(300)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget()
        page = QVBoxLayout(central)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        self.read_only_banner = make_banner()
        page.addWidget(self.read_only_banner)
        page.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.server_label = QLabel(self.tr("Server unreachable, retrying"))
        self.server_label.setToolTip(self.tr(
            "The team project's server cannot be reached. What is shown is what was stored "
            "when it went away; edits are refused, never queued, until it is back."))
        self.server_label.hide()
        self.statusBar().addPermanentWidget(self.server_label)
        return Views(self.article_list, self.article_model, self.reader, self.article_header,
                     self.timeline_table, self.timeline_model, tabs, chart_slot, area,
                     self.inspector, self.coverage, self.count_label)

    def _connect_signals(self) -> None:
        a = self.user_actions
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(self._on_about)
        a.keyboard_shortcuts.triggered.connect(lambda: self.shortcuts_dialog().exec())
        a.quick_guide.triggered.connect(self._on_quick_guide)
        for choice, action in a.themes.items():
            action.triggered.connect(lambda _c=False, t=choice: self.choose_theme(t))
        self.reader.highlightClicked.connect(self.selection.select_event)
        self.undo_stack.indexChanged.connect(lambda _i: self.selection.update_counts())
        self.live.reachabilityChanged.connect(self._on_server_reachability)
        self.change_path.applied.connect(self.history.refresh)

    def _restore_window_state(self) -> None:
        geometry, splitter = self._settings.window_state()
        if geometry:
            self.restoreGeometry(geometry)
        if splitter:
            self.splitter.restoreState(splitter)

    # -- project --------------------------------------------------------------------------
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Paint the project as it was last shown, read-only, until the live one is loaded."""
        self.timeline_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.article_model.reset(list(snapshot.articles))
        self.timeline_model.reset(list(snapshot.events))
        self.reader.show_article(snapshot.article_id, snapshot.article_text,
                                 list(snapshot.quotes))
        self.article_header.show_article(next(
            (a for a in snapshot.articles if a.id == snapshot.article_id), None))
        if snapshot.events:
            self.inspector.show_event(snapshot.events[0])
        self.selection.update_counts()

    def _snapshot(self, path: Path) -> Snapshot:
        return Snapshot(project_stamp(path), tuple(self.article_model.summaries()),
                        tuple(self.timeline_model.all_records()), self.reader.article_id,
                        self.reader.text(), tuple(self.reader.quotes()), SNAPSHOT_FORMAT)

    def _set_project_actions_enabled(self, enabled: bool) -> None:
        for need in (Need.PROJECT, Need.CHANGES):
            for action in self.user_actions.needs[need]:
                action.setEnabled(enabled)

    def _on_server_reachability(self, reachable: bool) -> None:
        self.server_label.setVisible(not reachable)
        if reachable:
            self.statusBar().showMessage(self.tr("Reconnected to the team project's server; "
                                                 "the views show what is stored"), 8000)

    def load_project(self, project: Project) -> None:
        """Show a project: its articles, the first article and the whole timeline."""
        self.workspace.current_project = project
        self.change_path.follow(project)
        self._set_project_actions_enabled(True)
        apply_access(self, project)  # a project this user may only read: no editing
        self.statusBar().clearMessage()
        self.undo_stack.clear()
        self.setWindowTitle(f"{project.name} — {APP_NAME}")
        self._settings.add_recent_project(project.location)
        self.table_columns.follow_project(project.location)
        # A start-up snapshot may already show an article: it was painted, never analysed, so
        # the reader forgets it and the live project shows (and analyses) it afresh.
        self.reader.show_article(None, "", [])
        self.article_header.show_article(None)
        self.selection.refresh_articles()
        self.filtering.refresh_choices()  # another project: other tags and saved filters
        self.chart_view.ensure_chart().request_fit()
        self.change_path.reload_timeline()
        self._return_to_last_place(project)
        self.selection.update_counts()
        keep_loaded()  # no full collection rescans the loaded timeline while it is open
        self.projectLoaded.emit()

    def _replace_project(self, project: Project) -> None:
        """Show another project in this window and close the one it replaces."""
        old = self.project
        self.remember_place()
        if old is not None:
            release_loaded(collect=True)  # the old project's objects, cycles and all
        self.load_project(project)
        if old is not None:
            old.close()

    def remember_place(self) -> None:
        """Keep where the user is in the open project, to return there next time."""
        if self.project is None:
            return
        current = self.selection.current_event()
        self._settings.save_last_place(
            self.project.location, self.reader.article_id or 0,
            current.id if current is not None else 0, self.reader.verticalScrollBar().value())

    def _return_to_last_place(self, project: Project) -> None:
        """Show the article and event the user had open last time (else the first ones),
        the reader scrolled where it was."""
        article, event, scroll = self._settings.last_place(project.location)
        ids = [s.id for s in self.article_model.summaries()]
        select = self.selection
        if ids:
            select.select_article(article if article in ids else ids[0])
        else:
            select.clear_article()
        self.inspector.show_event(None)
        if self.timeline_model.rowCount():
            select.select_event(event if self.timeline_model.row_of(event) >= 0
                                else self.timeline_model.id_at(0))
            if article in ids and self.reader.article_id != article:
                select.select_article(article)  # the event's own article was shown instead
        if scroll and article in ids:
            self.reader.verticalScrollBar().setValue(scroll)

    # -- theme ----------------------------------------------------------------------------
    def choose_theme(self, choice: ThemeChoice) -> None:
        """View > Theme: light, dark or the desktop's colours, now and next time."""
        self._settings.set_theme(choice)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.set_colours(apply_theme(app, choice))

    def set_colours(self, colours: Colours) -> None:
        """Give the app's own colours of a theme to every view that draws them."""
        self.workspace.colours = colours
        self.reader.set_colours(colours)
        self.timeline_model.set_colours(colours)
        self.inspector.set_colours(colours)
        colour_banner(self.read_only_banner, colours)
        style = self.style()
        for action, arrow in ((self.action_undo, style.StandardPixmap.SP_ArrowBack),
                              (self.action_redo, style.StandardPixmap.SP_ArrowForward)):
            action.setIcon(tinted(style.standardIcon(arrow), colours.text))
        self.server_label.setStyleSheet(f"QLabel {{ color: {colours.alarm_text}; "
                                        f"background: {colours.alarm}; padding: 0 6px; }}")
        if self.filtering.filter_bar is not None:
            self.filtering.filter_bar.colours = colours

    # -- misc -----------------------------------------------------------------------------
    def shortcuts_dialog(self) -> QDialog:
        """Help > Keyboard Shortcuts: built from the actions themselves, so it is never
        out of date."""
        from desktop_app.gui.dialogs import ShortcutsDialog

        return ShortcutsDialog(self.menuBar(), self)

    def _on_quick_guide(self) -> None:
        """Help > Quick Guide (F1): beside the window, not over it, to follow while working."""
        from desktop_app.gui.dialogs import show_guide

        show_guide(self)

    def _on_about(self) -> None:
        from desktop_app.gui.dialogs import show_about

        show_about(self, self.project.location if self.project else None)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.project is not None:
            event.acceptProposedAction()
            self.files.import_files(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.inspector.commit_notes()
        self._settings.save_window_state(self.saveGeometry(), self.splitter.saveState())
        self._settings.save_view_choices(self.chart_view.view_choices())
        self.remember_place()
        self._settings.sync()
        self.background.wait()
        self.live.stop()
        release_loaded(collect=False)  # this window's objects are collected as usual again
        if self.project is not None:
            path = self.project.path  # None: a team project, which has no snapshot
            large = self.timeline_model.total() > LARGE_TIMELINE
            snapshot = None if large or path is None else self._snapshot(path)
            self.project.close()  # checkpoints the WAL: the stamp is taken after that
            from dataclasses import replace

            if path is not None and snapshot is None:  # a large project opens through its
                view_cache_path(path).unlink(missing_ok=True)  # narrow rows instead
            elif path is not None and snapshot is not None:
                write_snapshot(view_cache_path(path),
                               replace(snapshot, stamp=project_stamp(path)))
        super().closeEvent(event)
