"""The one change path in the window: every view follows committed change sets, the
window's own and those of other windows and processes. A MainWindow mixin."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from desktop_app.core.changes import ChangeSet, Origin
from desktop_app.core.records import EventRecord

if TYPE_CHECKING:
    from desktop_app.core.project import Project

BULK_CHANGE = 100  # events changed at once: re-read the timeline instead of row by row


class ChangePathMixin:
    """Needs from the window: project, live, timeline_model, timeline_table, chart, reader,
    inspector, statusBar, current_event, select_event, select_article, reload_timeline,
    _show_article, _show_event, _refresh_articles, tags_changed, refresh_filter_choices,
    refresh_coverage, analyse_current_article, chart_event_changed, _update_counts,
    _committing_before_switch."""

    _unsubscribe: Callable[[], None] | None = None

    def _follow(self, project: Project) -> None:
        """Subscribe to a project's committed changes (and leave the previous project's)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._unsubscribe = project.changes.subscribe(self.apply_changes)
        project.changes.on_refusal(lambda reason: self.show_error(self.tr("Not undone"),
                                                                  reason))
        self.live.follow(project)  # and what other windows and processes commit

    def apply_changes(self, changes: ChangeSet) -> None:
        """Bring every view up to date with what was committed: the only way views change.

        The views read the current state of the ids named, so local and external change
        sets, single edits and batches of 100,000 take the same path.
        """
        p = self.project
        if p is None:
            return
        if changes.everything or len(changes.event_ids) > BULK_CHANGE:
            current = self.current_event()
            self.reload_timeline()
            self._show_open_article_again()
            if current is not None and self.timeline_model.row_of(current.id) >= 0:
                self.select_event(current.id)  # the selection stays where it was
        elif changes.event_ids:
            self._apply_event_changes(changes.event_ids, changes.origin)
        if self.reader.article_id in changes.article_ids:
            self._show_open_article_again()  # its text, date or very existence changed
        if changes.event_ids or changes.article_ids or changes.everything:
            self._refresh_articles()  # event counts, titles, dates
        if changes.tags_changed or changes.everything:
            self.tags_changed()  # the chart's colours and the filter's choices
        elif changes.filters_changed:
            self.refresh_filter_choices()
        self.refresh_coverage()
        self._update_counts()
        if changes.origin is Origin.LOCAL and not self._committing_before_switch:
            self._select_after(changes)

    def _apply_event_changes(self, event_ids: frozenset[int], origin: Origin) -> None:
        records = self.project.events.get_many(event_ids)
        shown = self.inspector.record()
        table = self.timeline_table.selectionModel()
        table.blockSignals(True)  # rows move and vanish: the current one is settled after
        try:
            for event_id in sorted(event_ids):
                record = records.get(event_id)
                self.reader.remove_event(event_id)
                if record is None:
                    self.timeline_model.remove(event_id)
                    if self.chart is not None:
                        self.chart.remove(event_id)
                    continue
                self.timeline_model.replace(record)  # inserts it when it is new
                self.chart_event_changed(record)
                self.reader.add_quotes(self._quotes_shown(record))
        finally:
            table.blockSignals(False)
        self.timeline_table.viewport().update()
        if shown is None or shown.id not in event_ids:
            return
        if shown.id in records:
            if origin is Origin.EXTERNAL and self._editing_in_inspector():
                # The user is typing in this event's fields: what they type is never replaced
                # under their hands; their edit is saved when they leave the field.
                self.statusBar().showMessage(self.tr("“%s” was changed in another window")
                                             % shown.title, 10000)
                return
            self.inspector.show_event(records[shown.id])
            return
        if origin is Origin.EXTERNAL:
            self.statusBar().showMessage(self.tr("“%s” was deleted in another window")
                                         % shown.title, 10000)
        current = self.current_event()  # the inspected event is gone: show its successor
        if current is not None:
            self._show_event(current)
        else:
            self.inspector.show_event(None)

    def _editing_in_inspector(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.inspector.isAncestorOf(focus)

    def _show_open_article_again(self) -> None:
        article_id = self.reader.article_id
        if article_id is None:
            return
        if self.project.articles.exists(article_id):
            self._show_article(article_id)
            return
        self.reader.show_article(None, "", [])
        self.analyse_current_article(None)
        remaining = self.project.articles.list()
        if remaining:
            self.select_article(remaining[0].id)

    def _select_after(self, changes: ChangeSet) -> None:
        """After the user's own action, show what it made or changed."""
        if changes.events_created:
            self.select_event(max(changes.events_created))
        elif len(changes.events_updated) == 1:
            self.select_event(next(iter(changes.events_updated)))

    def _quotes_shown(self, record: EventRecord) -> list:
        """The event's quotes that the open article highlights."""
        return [q for q in record.quotes
                if q.article_id == self.reader.article_id and not q.orphaned]

