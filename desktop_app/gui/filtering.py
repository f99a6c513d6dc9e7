"""Finding things: the filter bar (the table, the chart and the exports show the events it
keeps; filters are saved by name in the project) and full-text search across articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QVBoxLayout

from desktop_app.core.errors import TimelineError
from desktop_app.gui.chart_view import ChartView
from desktop_app.gui.selection import Selection
from desktop_app.gui.workspace import Component, Workspace

if TYPE_CHECKING:  # built on first use: not imported on the way to the first paint
    from desktop_app.core.filters import EventFilter
    from desktop_app.core.listings import SearchHit
    from desktop_app.gui.filter_bar import FilterBar
    from desktop_app.gui.search_panel import SearchPanel


BUSY_FILTER = 20_000  # events: filtering this many shows a busy cursor


class Filtering(Component):
    """The filter bar and the search panel, each built on first use."""

    def __init__(self, ws: Workspace, selection: Selection, chart_view: ChartView) -> None:
        super().__init__(ws)
        self._selection = selection
        self._chart_view = chart_view
        self.filter_bar: FilterBar | None = None
        self.search_panel: SearchPanel | None = None
        self.search_dock: QDockWidget | None = None
        ws.actions.search_articles.triggered.connect(self.open_search)
        ws.actions.find_events.triggered.connect(self.open_filter_bar)
        selection.articlesChanged.connect(self.refresh_choices)

    def open_filter_bar(self) -> None:
        """Show the filter bar (Ctrl+F) with up-to-date choices."""
        self._ensure_filter_bar().open_bar()
        self.refresh_choices()

    def _ensure_filter_bar(self) -> FilterBar:
        if self.filter_bar is None:
            from desktop_app.gui.filter_bar import FilterBar

            bar = FilterBar()
            bar.colours = self._ws.colours
            layout = self._v.timeline_area.layout()
            assert isinstance(layout, QVBoxLayout)  # the window's column over the tabs
            layout.insertWidget(0, bar)
            bar.filterChanged.connect(self.apply_filter)
            bar.saveRequested.connect(self.save_filter)
            bar.loadRequested.connect(self.load_filter)
            bar.deleteRequested.connect(self.delete_filter)
            self.filter_bar = bar
        return self.filter_bar

    def open_search(self) -> None:
        """Show the search panel with the cursor in its query field."""
        if self.search_panel is None or self.search_dock is None:
            from desktop_app.gui.search_panel import SearchPanel

            host = self._ws.host
            self.search_panel = SearchPanel()
            self.search_dock = QDockWidget(self.tr("Search Articles"), host)
            self.search_dock.setObjectName("searchDock")
            self.search_dock.setWidget(self.search_panel)
            host.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.search_dock)
            self.search_panel.searchRequested.connect(self.run_search)
            self.search_panel.passageChosen.connect(self.open_passage)
            self.search_dock.show()
            host.resizeDocks([self.search_dock], [280], Qt.Orientation.Horizontal)
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.query.setFocus()
        self.search_panel.query.selectAll()

    def run_search(self, query: str) -> list[SearchHit]:
        """Search every article; list the passages found."""
        try:
            hits = self._ws.project.search.search(query)
        except TimelineError as exc:
            self._ws.dialogs.show_error(self.tr("Cannot search"), str(exc))
            return []
        if self.search_panel is not None:
            self.search_panel.show_hits(hits)
        return hits

    def open_passage(self, hit: SearchHit) -> None:
        """Show a found passage selected in the reader, ready for Ctrl+E."""
        reader = self._v.reader
        if hit.article_id != reader.article_id:
            self._selection.select_article(hit.article_id)
        reader.select_range(hit.start, hit.end)
        reader.centerCursor()
        reader.setFocus()

    def active_filter(self) -> EventFilter | None:
        """The filter the bar applies (None when it keeps everything)."""
        bar = self.filter_bar
        f = bar.current() if bar is not None and bar.isVisible() else None
        return None if f is None or f.is_empty else f

    def apply_filter(self, event_filter: EventFilter | None) -> None:
        """Show only the events a filter keeps, in the table and the chart."""
        model = self._v.timeline_model
        current = self._selection.current_event()
        busy = model.total() > BUSY_FILTER
        if busy:  # the first filter of a large project reads every full record
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            model.set_filter(event_filter)
            self._chart_view.follow_filter()
        finally:
            if busy:
                QApplication.restoreOverrideCursor()
        if self.filter_bar is not None:
            self.filter_bar.show_counts(model.rowCount(), model.total())
        if current is not None and model.row_of(current.id) >= 0:
            self._selection.select_event(current.id)
        self._selection.update_counts()

    def refresh_choices(self) -> None:
        """Articles, tags and saved filters to choose from (kept current while the bar is
        shown; refreshed when it opens)."""
        project, bar = self._ws.current_project, self.filter_bar
        if project is None or bar is None or not bar.isVisible():
            return
        bar.set_articles([(a.id, a.title) for a in self._v.article_model.summaries()])
        bar.set_tags([t.name for t in project.tags.list()])
        bar.set_saved(project.filters.names())
        bar.set_people(project.index.people())

    def save_filter(self, name: str) -> None:
        """Save the bar's filter under a name."""
        filters = self._ws.project.filters
        try:
            filters.save(name, self._ensure_filter_bar().current())
        except TimelineError as exc:
            self._ws.dialogs.show_error(self.tr("Cannot save the filter"), str(exc))
            return
        self._ensure_filter_bar().set_saved(filters.names())
        self._ws.say(self.tr("Filter saved as “%s”") % name)

    def load_filter(self, name: str) -> None:
        """Show a saved filter in the bar and apply it."""
        try:
            f = self._ws.project.filters.load(name)
        except TimelineError as exc:
            self._ws.dialogs.show_error(self.tr("Cannot load the filter"), str(exc))
            return
        self.open_filter_bar()
        self._ensure_filter_bar().show_filter(f)

    def delete_filter(self, name: str) -> None:
        """Forget a saved filter."""
        filters = self._ws.project.filters
        filters.delete(name)
        self._ensure_filter_bar().set_saved(filters.names())
