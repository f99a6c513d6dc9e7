"""The main window: article list | article reader | timeline table over the inspector."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core.view_cache import FORMAT as SNAPSHOT_FORMAT
from desktop_app.core.view_cache import Snapshot, project_stamp, write_snapshot
from desktop_app.gui.access import apply_access, make_banner
from desktop_app.gui.actions import Actions, Need
from desktop_app.gui.analysis import AnalysisMixin
from desktop_app.gui.article_editing import ArticleEditingMixin
from desktop_app.gui.article_list import ArticleDelegate, ArticleListModel
from desktop_app.gui.background import Background
from desktop_app.gui.change_path import ChangePathMixin
from desktop_app.gui.chart_view import ChartViewMixin
from desktop_app.gui.coverage_panel import CoveragePanel
from desktop_app.gui.date_assist import DateAssistMixin
from desktop_app.gui.event_editing import EventEditingMixin
from desktop_app.gui.filtering import FilteringMixin
from desktop_app.gui.inspector import EventInspector
from desktop_app.gui.live_changes import LiveChanges
from desktop_app.gui.project_files import ProjectFilesMixin
from desktop_app.gui.reader import ArticleReader
from desktop_app.gui.selection import SelectionMixin
from desktop_app.gui.settings import PROJECT_SUFFIX, Settings, view_cache_path
from desktop_app.gui.timeline_model import TimelineModel

if TYPE_CHECKING:
    from desktop_app.core.project import Project

log = logging.getLogger(__name__)
ProjectOpener = Callable[[Path], "Project"]
LARGE_TIMELINE = 20_000  # events: no start-up snapshot (it would hold every full record)
WIDEST_DATE = "⚠ Wed 30 Sep 2021"  # longer forms (ranges, "assumed") show whole in the tooltip
_PROJECT_FILTER = f"Timeline Annotator projects (*{PROJECT_SUFFIX});;All files (*)"


def first_size(available: QSize) -> QSize:
    """The window's size on a first start: 1400x820, or less on a smaller screen (a 1366x768
    laptop keeps the status bar and the buttons on screen; the frame needs some room too)."""
    return QSize(min(1400, available.width() - 40), min(820, available.height() - 60))


class MainWindow(ChangePathMixin, SelectionMixin, AnalysisMixin, ArticleEditingMixin,
                 FilteringMixin, ChartViewMixin, EventEditingMixin, DateAssistMixin,
                 ProjectFilesMixin, QMainWindow):
    """Wires views to services; every data change goes through a service and an undo command.

    It can be shown before a project is loaded (``project=None``), so the window paints at
    once while the database layer is imported and the project opened.
    """

    projectLoaded = Signal()

    def __init__(self, project: Project | None, open_project: ProjectOpener, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setAccessibleName(APP_NAME)
        self.setAcceptDrops(True)
        self.resize(first_size(self.screen().availableGeometry().size()))
        self.project = project
        self._open_project = open_project
        self._settings = settings
        self._committing_before_switch = False
        self.background = Background(self)
        self.live = LiveChanges(self)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.actions = Actions(self)
        self._build_undo_actions()
        self._build_views()
        self._build_menus()
        self._connect_signals()
        self._restore_window_state()
        if project is not None:
            self.load_project(project)
        else:
            self.setWindowTitle(self.tr("Opening project… — %s") % APP_NAME)
            self._set_project_actions_enabled(False)
            self.statusBar().showMessage(self.tr("Opening project…"))

    # -- construction ---------------------------------------------------------------------
    def _build_undo_actions(self) -> None:
        self.action_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.action_undo.setObjectName("actionUndo")
        self.action_undo.setShortcuts(["Ctrl+Z"])
        self.action_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.action_redo.setObjectName("actionRedo")
        self.action_redo.setShortcuts(["Ctrl+Shift+Z", "Ctrl+Y"])
        # The toolbar shows a short label; the menu and the tooltip say what will be undone.
        self.action_undo.setIconText(self.tr("Undo"))
        self.action_redo.setIconText(self.tr("Redo"))
        self.undo_stack.undoTextChanged.connect(self._update_undo_tooltips)
        self.undo_stack.redoTextChanged.connect(self._update_undo_tooltips)
        style = self.style()
        self.action_undo.setIcon(style.standardIcon(style.StandardPixmap.SP_ArrowBack))
        self.action_redo.setIcon(style.standardIcon(style.StandardPixmap.SP_ArrowForward))
        self.addAction(self.action_undo)
        self.addAction(self.action_redo)

    def _update_undo_tooltips(self) -> None:
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.action_undo.setToolTip(self.tr("Undo %s") % undo if undo else self.tr("Undo"))
        self.action_redo.setToolTip(self.tr("Redo %s") % redo if redo else self.tr("Redo"))

    def _build_views(self) -> None:
        self.article_model = ArticleListModel(self)
        self.article_list = QListView(objectName="articleList")
        self.article_list.setAccessibleName("Articles")
        self.article_list.setModel(self.article_model)
        self.article_list.setItemDelegate(ArticleDelegate(self.article_list))
        self.article_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.article_list.setUniformItemSizes(True)

        self.reader = ArticleReader(self.actions.create_event, self._event_label)

        self.timeline_model = TimelineModel(self)
        self.timeline_table = QTableView(objectName="timelineTable")
        self.timeline_table.setAccessibleName("Timeline")
        self.timeline_table.setModel(self.timeline_model)
        self.timeline_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.timeline_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                            | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.timeline_table.verticalHeader().hide()
        # A header click sorts by that column (ties in timeline order); Date is the timeline's
        # own, precision-aware order, and where every project opens.
        self.timeline_table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.timeline_table.setSortingEnabled(True)
        self.timeline_table.verticalHeader().setDefaultSectionSize(  # dense: more events shown
            self.timeline_table.fontMetrics().height() + 8)
        self.timeline_table.setWordWrap(False)
        self.timeline_table.setAlternatingRowColors(True)
        th = self.timeline_table.horizontalHeader()
        # The date column is as wide as the widest date it can show, worked out once: sizing
        # it to its contents reads every row again at every change (24,000 calls a 1,000-row
        # import).
        th.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        th.resizeSection(0, self.timeline_table.fontMetrics().horizontalAdvance(
            WIDEST_DATE) + 16)
        th.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        th.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        th.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        th.resizeSection(2, 140)
        th.resizeSection(3, 80)

        self.inspector = EventInspector()

        right = QSplitter(Qt.Orientation.Vertical, objectName="rightSplitter")
        right.addWidget(self._build_timeline_area(self._build_timeline_tabs(self.timeline_table)))
        scroll = QScrollArea(objectName="inspectorScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.inspector)
        right.addWidget(scroll)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        self.coverage = CoveragePanel()
        left = QSplitter(Qt.Orientation.Vertical, objectName="leftSplitter")
        left.addWidget(self.article_list)
        left.addWidget(self.coverage)
        left.setStretchFactor(0, 2)
        left.setStretchFactor(1, 3)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(right)
        self.splitter.setSizes([280, 540, 580])
        left.setMinimumWidth(170)  # panes keep a readable width when docks open beside them
        self.reader.setMinimumWidth(300)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.read_only_banner = make_banner()
        column.addWidget(self.read_only_banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.server_label = QLabel(self.tr("Server unreachable, retrying"))
        self.server_label.setToolTip(self.tr(
            "The team project's server cannot be reached. What is shown is what was stored "
            "when it went away; edits are refused, never queued, until it is back."))
        self.server_label.setStyleSheet("QLabel { color: palette(bright-text); "
                                        "background: #B3261E; padding: 0 6px; }")
        self.server_label.hide()
        self.statusBar().addPermanentWidget(self.server_label)
        self.live.reachabilityChanged.connect(self._on_server_reachability)

    def _build_menus(self) -> None:
        self.recent_menu = self.actions.place(self, self.action_undo, self.action_redo)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _connect_signals(self) -> None:
        a = self.actions
        a.new_project.triggered.connect(self._on_new_project)
        a.open_project.triggered.connect(self._on_open_project)
        a.connect_team.triggered.connect(self._on_connect_team)
        a.your_name.triggered.connect(self._on_your_name)
        a.import_article.triggered.connect(self._on_import)
        a.paste_article.triggered.connect(self._on_paste)
        a.export_csv.triggered.connect(self._on_export_csv)
        a.backup_project.triggered.connect(self._on_backup_project)
        a.import_csv.triggered.connect(self._on_import_csv)
        a.import_folder.triggered.connect(self._on_import_folder)
        a.import_annotations.triggered.connect(self._on_import_annotations)
        for fmt, action in a.export_formats.items():
            action.triggered.connect(lambda _c=False, f=fmt: self._on_export_format(f))
        a.quit.triggered.connect(self.close)
        a.create_event.triggered.connect(self._on_create_event)
        a.delete_event.triggered.connect(self._on_delete_event)
        a.article_properties.triggered.connect(self._on_article_properties)
        a.about.triggered.connect(self._on_about)
        a.keyboard_shortcuts.triggered.connect(lambda: self.shortcuts_dialog().exec())
        a.suggest_events.triggered.connect(self._on_suggest_events)
        a.next_unused.triggered.connect(lambda: self.select_unused_passage(1))
        a.previous_unused.triggered.connect(lambda: self.select_unused_passage(-1))
        a.next_reading.triggered.connect(lambda: self.cycle_reading(1))
        a.previous_reading.triggered.connect(lambda: self.cycle_reading(-1))
        self.coverage.passageActivated.connect(self._on_passage_activated)
        self.article_list.selectionModel().currentRowChanged.connect(self._on_article_current)
        self.timeline_table.selectionModel().currentRowChanged.connect(self._on_event_current)
        self.timeline_model.editRequested.connect(self.request_edit)
        self.inspector.editRequested.connect(
            lambda event_id, field, text, version: self.request_edit(event_id, field, text,
                                                                     version))
        self.reader.highlightClicked.connect(self.select_event)
        self.undo_stack.indexChanged.connect(lambda _i: self._update_counts())
        self._connect_chart()
        self._restore_view_choices()
        self._connect_analysis()
        self._connect_article_editing()
        self._connect_filtering()

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
        if snapshot.events:
            self.inspector.show_event(snapshot.events[0])
        self._update_counts()

    def _snapshot(self, path: Path) -> Snapshot:
        return Snapshot(project_stamp(path), tuple(self.article_model.summaries()),
                        tuple(self.timeline_model.all_records()), self.reader.article_id,
                        self.reader.text(), tuple(self.reader.quotes()), SNAPSHOT_FORMAT)

    def _set_project_actions_enabled(self, enabled: bool) -> None:
        for need in (Need.PROJECT, Need.CHANGES):
            for action in self.actions.needs[need]:
                action.setEnabled(enabled)

    def _on_server_reachability(self, reachable: bool) -> None:
        self.server_label.setVisible(not reachable)
        if reachable:
            self.statusBar().showMessage(self.tr("Reconnected to the team project's server; "
                                                 "the views show what is stored"), 8000)

    def load_project(self, project: Project) -> None:
        """Show a project: its articles, the first article and the whole timeline."""
        self.project = project
        self._follow(project)
        self._set_project_actions_enabled(True)
        apply_access(self, project)  # a project this user may only read: no editing
        self.statusBar().clearMessage()
        self.undo_stack.clear()
        self.setWindowTitle(f"{project.name} — {APP_NAME}")
        self._settings.add_recent_project(project.location)
        # A start-up snapshot may already show an article: it was painted, never analysed, so
        # the reader forgets it and the live project shows (and analyses) it afresh.
        self.reader.show_article(None, "", [])
        self._refresh_articles()
        self.refresh_filter_choices()  # another project: other tags and saved filters
        self._ensure_chart().request_fit()
        self.reload_timeline()
        self._return_to_last_place(project)
        self._update_counts()
        self.projectLoaded.emit()

    def remember_place(self) -> None:
        """Keep where the user is in the open project, to return there next time."""
        if self.project is None:
            return
        current = self.current_event()
        self._settings.save_last_place(
            self.project.location, self.reader.article_id or 0,
            current.id if current is not None else 0, self.reader.verticalScrollBar().value())

    def _return_to_last_place(self, project: Project) -> None:
        """Show the article and event the user had open last time (else the first ones),
        the reader scrolled where it was."""
        article, event, scroll = self._settings.last_place(project.location)
        ids = [self.article_model.summary(r).id for r in range(self.article_model.rowCount())]
        if ids:
            self.select_article(article if article in ids else ids[0])
        else:
            self.reader.show_article(None, "", [])
        self.inspector.show_event(None)
        if self.timeline_model.rowCount():
            self.select_event(event if self.timeline_model.row_of(event) >= 0
                              else self.timeline_model.id_at(0))
            if article in ids and self.reader.article_id != article:
                self.select_article(article)  # the event's own article was shown instead
        if scroll and article in ids:
            self.reader.verticalScrollBar().setValue(scroll)

    def reload_timeline(self) -> None:
        """Read the whole timeline again (a project opened, many events changed at once):
        the narrow rows the table and the chart show; full records follow on demand."""
        p = self.project
        rows = p.index.rows(p.sources.conflicting_ids())
        self.refresh_chart(rows)  # the chart first: a large project's picture at once
        if self.chart is not None and self.chart.isVisible():
            self.chart.repaint()
        self.timeline_model.reset_rows(rows, p.events.get_many)
        self._filter_chart()  # now that the table holds the rows the filter keeps
        self._sync_chart_selection()

    # -- misc -----------------------------------------------------------------------------
    def show_error(self, title: str, message: str) -> None:
        """Tell the user what went wrong (tests replace this)."""
        log.warning("%s: %s", title, message)
        QMessageBox.warning(self, title, message)

    def shortcuts_dialog(self) -> QDialog:
        """Help > Keyboard Shortcuts: built from the actions themselves, so it is never
        out of date."""
        from desktop_app.gui.dialogs import ShortcutsDialog

        return ShortcutsDialog(self.menuBar(), self)

    def _on_about(self) -> None:
        from desktop_app.gui.dialogs import show_about

        show_about(self, self.project.location if self.project else None)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.inspector.commit_notes()
        self._settings.save_window_state(self.saveGeometry(), self.splitter.saveState())
        self._settings.save_view_choices(self._view_choices())
        self.remember_place()
        self._settings.sync()
        self.background.wait()
        self.live.stop()
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
