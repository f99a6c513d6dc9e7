"""One selection across the article list, the reader, the table, the chart and the inspector:
selecting an article or an event anywhere shows it everywhere. A MainWindow mixin."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex

from desktop_app.core.eventdates import format_event_date
from desktop_app.core.records import EventRecord
from desktop_app.gui.article_list import ArticleIdRole
from desktop_app.gui.timeline_model import RecordRole


class SelectionMixin:
    """Needs from the window: project, article_list, article_model, timeline_table,
    timeline_model, reader, inspector, count_label, show_readings, analyse_current_article,
    chart_articles_changed, refresh_filter_choices."""

    def select_article(self, article_id: int) -> None:
        """Show an article in the reader and select it in the list."""
        row = self.article_model.row_of(article_id)
        if row < 0:
            return
        index = self.article_model.index(row, 0)
        if self.article_list.currentIndex().row() != row:
            self.article_list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        elif self.reader.article_id != article_id:
            self._show_article(article_id)

    def select_event(self, event_id: int) -> None:
        """Select an event in the table (which updates the inspector and the reader)."""
        row = self.timeline_model.row_of(event_id)
        if row < 0:
            return
        index = self.timeline_model.index(row, 0)
        self.timeline_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.timeline_table.scrollTo(index)
        if self.inspector.record() is None or self.inspector.record().id != event_id:
            self._show_event(self.timeline_model.record(row))  # no currentRowChanged came

    def current_event(self) -> EventRecord | None:
        """The event selected in the timeline."""
        index = self.timeline_table.currentIndex()
        return index.data(RecordRole) if index.isValid() else None

    def _on_article_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.project is not None:
            self._show_article(current.data(ArticleIdRole))

    def _on_event_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.project is not None:
            self._show_event(current.data(RecordRole))

    def _show_article(self, article_id: int) -> None:
        article = self.project.articles.get(article_id)
        self.reader.show_article(article.id, article.text,
                                 self.project.events.quotes_in_article(article.id))
        self.analyse_current_article(article.published)

    def _show_event(self, record: EventRecord) -> None:
        shown = self.inspector.record()
        if shown is not None and shown.id != record.id:
            # Notes typed for the previous event are saved without selecting it again.
            self._committing_before_switch = True
            try:
                self.inspector.commit_notes()
            finally:
                self._committing_before_switch = False
        if self.inspector.record() != record:
            self.inspector.show_event(record)
            self.show_readings(record)
        quote = next((q for q in record.quotes if not q.orphaned), None)
        if quote is not None and quote.article_id != self.reader.article_id:
            self.select_article(quote.article_id)
        self.reader.show_quote(record.id, quote)

    def _event_label(self, event_id: int) -> str:
        """What hovering a quote shows: its event's date and title."""
        row = self.timeline_model.row_of(event_id)
        if row < 0:
            return ""
        r = self.timeline_model.record(row)
        return f"{format_event_date(r.date)}: {r.title}"

    def _refresh_articles(self) -> None:
        """Re-read the article list (event counts change with every edit); the chart's lanes
        and the filter's choices follow only when articles themselves changed."""
        current = self.reader.article_id
        before = self._article_identities()
        self.article_list.selectionModel().blockSignals(True)
        self.article_model.reset(self.project.articles.list())
        row = self.article_model.row_of(current) if current is not None else -1
        if row >= 0:
            self.article_list.selectionModel().setCurrentIndex(
                self.article_model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self.article_list.selectionModel().blockSignals(False)
        if self._article_identities() != before:
            self.chart_articles_changed()
            self.refresh_filter_choices()

    def _article_identities(self) -> list[tuple]:
        """What the chart and the filter bar show of the articles: id, title, date."""
        return [(s.id, s.title, s.published) for s in self.article_model.summaries()]

    def _update_counts(self) -> None:
        n = self.timeline_model.rowCount()
        total = self.timeline_model.total()
        shown = self.tr("%n event(s)", "", n) if n == total else \
            self.tr("%1 of %2 events").replace("%1", f"{n:,}").replace("%2", f"{total:,}")
        self.count_label.setText(shown + " · "
                                 + self.tr("%n article(s)", "", self.article_model.rowCount()))
