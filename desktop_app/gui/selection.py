"""One selection across the article list, the reader, the table, the chart and the inspector:
selecting an article or an event anywhere shows it everywhere.

The table's selection model is the shared selection; this component moves it, and tells the
others what is shown (signals), so none of them needs to know who listens.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal

from desktop_app.core.records import EventRecord
from desktop_app.gui.article_list import ArticleIdRole
from desktop_app.gui.timeline_model import RecordRole
from desktop_app.gui.workspace import Component, Workspace

_SELECT_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect \
    | QItemSelectionModel.SelectionFlag.Rows


class Selection(Component):
    """Which article and event are shown, and the events selected."""

    articleShown = Signal(object)  # noqa: N815 - the article's publication date (or None)
    eventShown = Signal(object)  # noqa: N815 - the EventRecord now in the inspector
    articlesChanged = Signal()  # noqa: N815 - article titles, dates, or the set of articles

    def __init__(self, ws: Workspace) -> None:
        super().__init__(ws)
        self.committing_before_switch = False  # notes saved on leaving an event: not "new"
        v = self._v
        v.article_list.selectionModel().currentRowChanged.connect(self._on_article_current)
        v.timeline_table.selectionModel().currentRowChanged.connect(self._on_event_current)

    def select_article(self, article_id: int) -> None:
        """Show an article in the reader and select it in the list."""
        v = self._v
        row = v.article_model.row_of(article_id)
        if row < 0:
            return
        if v.article_list.currentIndex().row() != row:
            v.article_list.selectionModel().setCurrentIndex(v.article_model.index(row, 0),
                                                            _SELECT_ROW)
        elif v.reader.article_id != article_id:
            self.show_article(article_id)

    def select_event(self, event_id: int) -> None:
        """Select an event in the table (which updates the inspector and the reader)."""
        v = self._v
        row = v.timeline_model.row_of(event_id)
        if row < 0:
            return
        index = v.timeline_model.index(row, 0)
        v.timeline_table.selectionModel().setCurrentIndex(index, _SELECT_ROW)
        v.timeline_table.scrollTo(index)
        shown = v.inspector.record()
        if shown is None or shown.id != event_id:
            self.show_event(v.timeline_model.record(row))  # no currentRowChanged came

    def keep_selected(self, event_id: int) -> None:
        """Select an event's row again after the rows were read anew, quietly: the reader
        and the inspector already show it."""
        v = self._v
        row = v.timeline_model.row_of(event_id)
        if row < 0:
            return
        model = v.timeline_table.selectionModel()
        model.blockSignals(True)
        try:
            model.setCurrentIndex(v.timeline_model.index(row, 0), _SELECT_ROW)
        finally:
            model.blockSignals(False)
        v.timeline_table.viewport().update()

    def current_event(self) -> EventRecord | None:
        """The event selected in the timeline."""
        index = self._v.timeline_table.currentIndex()
        record: EventRecord | None = index.data(RecordRole) if index.isValid() else None
        return record

    def selected_event_ids(self) -> list[int]:
        """Events selected in the table (the one selection shared by every view)."""
        v = self._v
        rows = sorted({i.row() for i in v.timeline_table.selectionModel().selectedRows()})
        return [v.timeline_model.id_at(r) for r in rows]

    def _on_article_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self._ws.current_project is not None:
            self.show_article(current.data(ArticleIdRole))

    def _on_event_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self._ws.current_project is not None:
            self.show_event(current.data(RecordRole))

    def show_article(self, article_id: int) -> None:
        """Show an article's text and quotes in the reader (without selecting it)."""
        project = self._ws.project
        article = project.articles.get(article_id)
        self._v.reader.show_article(article.id, article.text,
                                    project.events.quotes_in_article(article.id))
        self._v.article_header.show_article(article)
        self.articleShown.emit(article.published)

    def clear_article(self) -> None:
        """Show no article (the last one went)."""
        self._v.reader.show_article(None, "", [])
        self._v.article_header.show_article(None)
        self.articleShown.emit(None)

    def show_event(self, record: EventRecord) -> None:
        """Show an event in the inspector and its passage in the reader."""
        inspector, reader = self._v.inspector, self._v.reader
        shown = inspector.record()
        if shown is not None and shown.id != record.id:
            # Notes typed for the previous event are saved without selecting it again.
            self.committing_before_switch = True
            try:
                inspector.commit_notes()
            finally:
                self.committing_before_switch = False
        if inspector.record() != record:
            inspector.show_event(record)
            self.eventShown.emit(record)
        quote = next((q for q in record.quotes if not q.orphaned), None)
        if quote is not None and quote.article_id != reader.article_id:
            self.select_article(quote.article_id)
        reader.show_quote(record.id, quote)

    def refresh_articles(self) -> None:
        """Re-read the article list (event counts change with every edit); says
        ``articlesChanged`` only when articles themselves changed."""
        v = self._v
        current = v.reader.article_id
        before = self._article_identities()
        v.article_list.selectionModel().blockSignals(True)
        if v.article_model.update(self._ws.project.articles.list()):
            row = v.article_model.row_of(current) if current is not None else -1
            if row >= 0:
                v.article_list.selectionModel().setCurrentIndex(v.article_model.index(row, 0),
                                                                _SELECT_ROW)
        v.article_list.selectionModel().blockSignals(False)
        if self._article_identities() != before:
            self.articlesChanged.emit()

    def _article_identities(self) -> list[tuple[int, str, date | None]]:
        """What the chart and the filter bar show of the articles: id, title, date."""
        return [(s.id, s.title, s.published) for s in self._v.article_model.summaries()]

    def update_counts(self) -> None:
        """The status bar's count of events shown and articles."""
        v = self._v
        n = v.timeline_model.rowCount()
        total = v.timeline_model.total()
        shown = self.tr("%n event(s)", "", n) if n == total else \
            self.tr("%1 of %2 events").replace("%1", f"{n:,}").replace("%2", f"{total:,}")
        v.count_label.setText(shown + " · "
                              + self.tr("%n article(s)", "", v.article_model.rowCount()))
