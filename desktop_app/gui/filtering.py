"""Finding things: the filter bar (the table, the chart and the exports show the events it
keeps; filters are saved by name in the project) and full-text search across articles.
A MainWindow mixin."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QVBoxLayout, QWidget

from desktop_app.core.errors import TimelineError
from desktop_app.core.records import SearchHit

if TYPE_CHECKING:  # built on first use: not imported on the way to the first paint
    from desktop_app.core.filters import EventFilter
    from desktop_app.gui.filter_bar import FilterBar
    from desktop_app.gui.search_panel import SearchPanel


BUSY_FILTER = 20_000  # events: filtering this many shows a busy cursor


class FilteringMixin:
    """Needs from the window: project, actions, timeline_model, article_model, chart,
    statusBar, show_error, _filter_chart, _update_counts."""

    filter_bar: FilterBar | None = None
    search_panel: SearchPanel | None = None

    def _build_timeline_area(self, tabs: QWidget) -> QWidget:
        """Room for the filter bar (built on first use) over the table and chart tabs."""
        area = QWidget(objectName="timelineArea")
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(tabs, 1)
        self._timeline_area = area
        return area

    def _connect_filtering(self) -> None:
        self.actions.search_articles.triggered.connect(self.open_search)
        self.actions.find_events.triggered.connect(self.open_filter_bar)

    def open_filter_bar(self) -> None:
        """Show the filter bar (Ctrl+F) with up-to-date choices."""
        self._ensure_filter_bar().open_bar()
        self.refresh_filter_choices()

    def _ensure_filter_bar(self) -> FilterBar:
        if self.filter_bar is None:
            from desktop_app.gui.filter_bar import FilterBar

            bar = FilterBar()
            self._timeline_area.layout().insertWidget(0, bar)
            bar.filterChanged.connect(self.apply_filter)
            bar.saveRequested.connect(self.save_filter)
            bar.loadRequested.connect(self.load_filter)
            bar.deleteRequested.connect(self.delete_filter)
            self.filter_bar = bar
        return self.filter_bar

    def open_search(self) -> None:
        """Show the search panel with the cursor in its query field."""
        if self.search_panel is None:
            from desktop_app.gui.search_panel import SearchPanel

            self.search_panel = SearchPanel()
            self.search_dock = QDockWidget(self.tr("Search Articles"), self,
                                           objectName="searchDock")
            self.search_dock.setWidget(self.search_panel)
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.search_dock)
            self.search_panel.searchRequested.connect(self.run_search)
            self.search_panel.passageChosen.connect(self.open_passage)
            self.search_dock.show()
            self.resizeDocks([self.search_dock], [280], Qt.Orientation.Horizontal)
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.query.setFocus()
        self.search_panel.query.selectAll()

    def run_search(self, query: str) -> list[SearchHit]:
        """Search every article; list the passages found."""
        try:
            hits = self.project.search.search(query)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot search"), str(exc))
            return []
        self.search_panel.show_hits(hits)
        return hits

    def open_passage(self, hit: SearchHit) -> None:
        """Show a found passage selected in the reader, ready for Ctrl+E."""
        if hit.article_id != self.reader.article_id:
            self.select_article(hit.article_id)
        self.reader.select_range(hit.start, hit.end)
        self.reader.centerCursor()
        self.reader.setFocus()

    def active_filter(self) -> EventFilter | None:
        """The filter the bar applies (None when it keeps everything)."""
        bar = self.filter_bar
        f = bar.current() if bar is not None and bar.isVisible() else None
        return None if f is None or f.is_empty else f

    def apply_filter(self, event_filter: EventFilter | None) -> None:
        """Show only the events a filter keeps, in the table and the chart."""
        current = self.current_event()
        busy = self.timeline_model.total() > BUSY_FILTER
        if busy:  # the first filter of a large project reads every full record
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.timeline_model.set_filter(event_filter)
            self._filter_chart()
        finally:
            if busy:
                QApplication.restoreOverrideCursor()
        if self.filter_bar is not None:
            self.filter_bar.show_counts(self.timeline_model.rowCount(),
                                        self.timeline_model.total())
        if current is not None and self.timeline_model.row_of(current.id) >= 0:
            self.select_event(current.id)
        self._update_counts()

    def refresh_filter_choices(self) -> None:
        """Articles, tags and saved filters to choose from (kept current while the bar is
        shown; refreshed when it opens)."""
        if self.project is None or self.filter_bar is None or not self.filter_bar.isVisible():
            return
        self.filter_bar.set_articles([(a.id, a.title) for a in self.article_model.summaries()])
        self.filter_bar.set_tags([t.name for t in self.project.tags.list()])
        self.filter_bar.set_saved(self.project.filters.names())
        self.filter_bar.set_people(self.project.index.people())

    def save_filter(self, name: str) -> None:
        """Save the bar's filter under a name."""
        try:
            self.project.filters.save(name, self._ensure_filter_bar().current())
        except TimelineError as exc:
            self.show_error(self.tr("Cannot save the filter"), str(exc))
            return
        self._ensure_filter_bar().set_saved(self.project.filters.names())
        self.statusBar().showMessage(self.tr("Filter saved as “%s”") % name, 5000)

    def load_filter(self, name: str) -> None:
        """Show a saved filter in the bar and apply it."""
        try:
            f = self.project.filters.load(name)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot load the filter"), str(exc))
            return
        self.open_filter_bar()
        self.filter_bar.show_filter(f)

    def delete_filter(self, name: str) -> None:
        """Forget a saved filter."""
        self.project.filters.delete(name)
        self._ensure_filter_bar().set_saved(self.project.filters.names())
