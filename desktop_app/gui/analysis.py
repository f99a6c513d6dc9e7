"""The analyst's editing power in the main window: more sources per event, merging, tagging
many events, tag colours, the undo history. A MainWindow mixin; every
change is a service call pushed as an undo command."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QUndoView

from desktop_app.core.errors import TimelineError
from desktop_app.core.records import ArticleSummary, QuoteRecord
from desktop_app.core.tags import parse_tags
from desktop_app.gui import analysis_commands as cmd


class AnalysisMixin:
    """Needs from the window: project, actions, reader, inspector, timeline_model, chart,
    undo_stack, statusBar, show_error, select_event, selected_event_ids, current_event,
    refresh_filter_choices. The views follow its changes through the change hub."""

    def _connect_analysis(self) -> None:
        a = self.actions
        a.add_source.triggered.connect(self._on_add_source)
        a.merge_events.triggered.connect(self._on_merge_events)
        a.tag_events.triggered.connect(self._on_tag_events)
        a.tag_colours.triggered.connect(self._on_tag_colours)
        self.inspector.sourceActivated.connect(self.show_source)
        self.inspector.removeSourceRequested.connect(self.remove_source)
        self.inspector.article_title = self._article_title
        self.inspector.article_summary = self._article_summary
        self.history = QUndoView(self.undo_stack, objectName="historyView")
        self.history.setEmptyLabel(self.tr("<project opened>"))
        self.history_dock = QDockWidget(self.tr("History"), self, objectName="historyDock")
        self.history_dock.setWidget(self.history)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        a.show_history.toggled.connect(self._show_history)
        self.history_dock.visibilityChanged.connect(a.show_history.setChecked)

    def _show_history(self, on: bool) -> None:
        self.history_dock.setVisible(on)
        if on:
            self.resizeDocks([self.history_dock], [230], Qt.Orientation.Horizontal)

    def _article_summary(self, article_id: int) -> ArticleSummary | None:
        row = self.article_model.row_of(article_id)
        return self.article_model.summary(row) if row >= 0 else None

    def _article_title(self, article_id: int) -> str:
        row = self.article_model.row_of(article_id)
        return self.article_model.summary(row).title if row >= 0 else f"Article {article_id}"

    # -- sources --------------------------------------------------------------------------
    def _on_add_source(self) -> None:
        event, selection = self.current_event(), self.reader.selection_range()
        if event is None or selection is None or self.reader.article_id is None:
            self.statusBar().showMessage(self.tr("Select an event, then a passage in an "
                                                 "article, and press Ctrl+Shift+E"), 6000)
            return
        self.add_source(event.id, self.reader.article_id, *selection)

    def add_source(self, event_id: int, article_id: int, start: int, end: int) -> bool:
        """Add a passage as another source of an event (undoable)."""
        try:
            quote = self.project.sources.add_quote(event_id, article_id, start, end)
            record = self.project.events.get(event_id)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot add the source"), str(exc))
            return False
        self.undo_stack.push(cmd.AddSourceCommand(self.project.sources, self.project.changes,
                                                  quote, record.title))
        self.statusBar().showMessage(self.tr("The event now has %n source(s)", "",
                                             len(record.quotes)), 6000)
        return True

    def remove_source(self, quote_id: int) -> None:
        """Remove one source of the inspected event (undoable)."""
        try:
            quote = self.project.sources.remove_quote(quote_id)
            record = self.project.events.get(quote.event_id)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot remove the source"), str(exc))
            return
        self.undo_stack.push(cmd.RemoveSourceCommand(self.project.sources, self.project.changes,
                                                     quote, record.title))

    def show_source(self, quote: QuoteRecord) -> None:
        """Open a source's article at its passage."""
        if quote.orphaned:
            self.statusBar().showMessage(self.tr("This passage is no longer in the article"),
                                         6000)
            return
        if quote.article_id != self.reader.article_id:
            self.select_article(quote.article_id)
        self.reader.show_quote(quote.event_id, quote)

    # -- merge ----------------------------------------------------------------------------
    def _on_merge_events(self) -> None:
        ids = self.selected_event_ids()
        if len(ids) < 2:
            self.statusBar().showMessage(self.tr("Select two or more events to merge "
                                                 "(Ctrl+click in the table or the chart)"), 6000)
            return
        records = [self.timeline_model.record(self.timeline_model.row_of(i)) for i in ids]
        current = self.current_event()
        winner = current.id if current is not None and current.id in ids else ids[0]
        if len({(r.date.start, r.date.precision, r.date.end) for r in records}) > 1:
            winner = self.ask_merge_winner(records, winner)
            if winner is None:
                return
        self.merge_events(ids, winner)

    def ask_merge_winner(self, records, current: int) -> int | None:  # noqa: ANN001
        """Which event's date wins (tests replace this)."""
        from desktop_app.gui.analysis_dialogs import MergeDialog

        dialog = MergeDialog(records, current, self)
        return dialog.winner() if dialog.exec() else None

    def merge_events(self, ids: list[int], keep_date_of: int) -> bool:
        """Merge events into one (undoable)."""
        try:
            result = self.project.sources.merge(ids, keep_date_of)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot merge"), str(exc))
            return False
        self.undo_stack.push(cmd.MergeEventsCommand(self.project.sources, self.project.changes,
                                                    result))
        self.select_event(result.after.id)
        self.statusBar().showMessage(self.tr("Merged %n events", "", len(ids)), 6000)
        return True

    # -- tags -----------------------------------------------------------------------------
    def _on_tag_events(self) -> None:
        ids = self.selected_event_ids()
        if not ids:
            return
        from desktop_app.gui.analysis_dialogs import TagEventsDialog

        known = [t.name for t in self.project.tags.list()]
        dialog = TagEventsDialog(len(ids), known, self)
        if dialog.exec():
            add, remove = dialog.change()
            self.tag_events(ids, parse_tags(add), parse_tags(remove))

    def tag_events(self, ids: list[int], add: tuple[str, ...], remove: tuple[str, ...]) -> int:
        """Add and remove tags on several events as one undoable step; return how many
        events changed."""
        try:
            before, after = self.project.tags.tag_events(ids, add, remove)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot tag events"), str(exc))
            return 0
        if not after:
            return 0
        self.undo_stack.push(cmd.EditEventsCommand(self.project.events, self.project.changes,
                                                   before, after, f"Tag {len(after)} events"))
        return len(after)

    def _on_tag_colours(self) -> None:
        from desktop_app.gui.analysis_dialogs import TagColoursDialog

        TagColoursDialog(self.project.tags.list(), self.set_tag_colour, self).exec()

    def set_tag_colour(self, name: str, colour: str) -> bool:
        """Choose a tag's colour (undoable); the chart shows it when colouring by tag."""
        try:
            before = self.project.tags.set_colour(name, colour)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot colour the tag"), str(exc))
            return False
        self.undo_stack.push(cmd.TagColourCommand(self.project.tags, self.project.changes, name,
                                                  before, colour))
        return True

    def tags_changed(self) -> None:
        """Tag names or colours changed: the chart's colours follow."""
        if self.chart is not None:
            self.chart.set_colour_by_tag(self.actions.colour_by_tag.isChecked(),
                                         self.project.tags.colours())
        self.refresh_filter_choices()
