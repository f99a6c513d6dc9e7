"""The one change path in the window: every view follows committed change sets, the window's
own and those of other windows and processes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication

from desktop_app.core.change_set import ChangeSet, Origin
from desktop_app.core.records import EventRecord, QuoteRecord
from desktop_app.gui.chart_view import ChartView
from desktop_app.gui.date_assist import DateAssist
from desktop_app.gui.filtering import Filtering
from desktop_app.gui.live_changes import LiveChanges
from desktop_app.gui.selection import Selection
from desktop_app.gui.workspace import Component, Workspace

if TYPE_CHECKING:
    from desktop_app.core.project import Project

BULK_CHANGE = 100  # events changed at once: re-read the timeline instead of row by row


class ChangePath(Component):
    """Subscribes to the open project's change hub and brings every view up to date."""

    applied = Signal()  # a change set was applied: views that read on demand read again

    def __init__(self, ws: Workspace, selection: Selection, chart_view: ChartView,
                 date_assist: DateAssist, filtering: Filtering, live: LiveChanges) -> None:
        super().__init__(ws)
        self._selection = selection
        self._chart_view = chart_view
        self._date_assist = date_assist
        self._filtering = filtering
        self._live = live
        self._unsubscribe: Callable[[], None] | None = None

    def follow(self, project: Project) -> None:
        """Subscribe to a project's committed changes (and leave the previous project's)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._unsubscribe = project.changes.subscribe(self.apply_changes)
        project.changes.on_refusal(lambda reason: self._ws.dialogs.show_error(
            self.tr("Not undone"), reason))
        self._live.follow(project)  # and what other windows and processes commit

    def reload_timeline(self, changed: frozenset[int] | None = None) -> bool:
        """Read the timeline's rows again (a project opened, many events changed at once):
        the narrow rows the table and the chart show; full records follow on demand (those
        already read stay, but for the ``changed`` ids; None: a project opened). Where the
        changed events are at most half the timeline, only their rows are read. Returns
        whether any changed event quoted an article before or quotes one now."""
        p, model, chart = self._ws.project, self._v.timeline_model, self._chart_view
        if changed is not None and model.holds(p.events.get_many) \
                and len(changed) * 2 <= model.total():
            sourced = model.merge_rows(p.index.rows(changed), changed)
            chart.refresh(model.all_rows())
        else:
            sourced = changed is None or model.any_sourced(changed)
            rows = p.index.rows()
            chart.refresh(rows)  # the chart first: a large project's picture at once
            chart.repaint_now()
            model.reset_rows(rows, p.events.get_many, changed)
            sourced = sourced or model.any_sourced(changed or ())
        chart.follow_filter()  # now that the table holds the rows the filter keeps
        chart.sync_selection()
        return sourced

    def apply_changes(self, changes: ChangeSet) -> None:
        """Bring every view up to date with what was committed: the only way views change.

        The views read the current state of the ids named, so local and external change
        sets, single edits and batches of 100,000 take the same path.
        """
        if self._ws.current_project is None:
            return
        with self._v.reader.painting_once():
            self._apply(changes)
        self.applied.emit()

    def _apply(self, changes: ChangeSet) -> None:
        selection, reader, model = self._selection, self._v.reader, self._v.timeline_model
        bulk = changes.everything or len(changes.event_ids) > BULK_CHANGE
        # Articles' quotes and event counts change only with events that quote one, before
        # or after the change (not with an import of events without sources).
        if bulk:
            current = selection.current_event()
            sourced = self.reload_timeline(None if changes.everything else changes.event_ids)
            if changes.everything:
                self._show_open_article_again()
            elif reader.article_id is not None and sourced:
                # The text is the same: only its quotes.
                quotes = self._ws.project.events.quotes_in_article(reader.article_id)
                if quotes != reader.quotes():  # else nothing to repaint
                    reader.set_quotes(quotes)
            if current is not None and model.row_of(current.id) >= 0:
                # The selection stays where it was, without showing the event again (no
                # scroll of the reader, no flash); the inspector shows what changed in it.
                selection.keep_selected(current.id)
                if current.id in changes.event_ids:
                    self._v.inspector.show_event(model.find(current.id))
                self._chart_view.sync_selection()
        else:
            sourced = model.any_sourced(changes.event_ids)
            if changes.event_ids:
                self._apply_event_changes(changes.event_ids, changes.origin)
            sourced = sourced or model.any_sourced(changes.event_ids)
        if reader.article_id in changes.article_ids:
            self._show_open_article_again()  # its text, date or very existence changed
        if changes.everything or changes.article_ids or sourced:
            selection.refresh_articles()  # event counts, titles, dates
        if changes.tags_changed or changes.everything:
            self._chart_view.show_tag_colours(self._ws.actions.colour_by_tag.isChecked())
            self._filtering.refresh_choices()
        elif changes.filters_changed:
            self._filtering.refresh_choices()
        self._date_assist.refresh_coverage()
        selection.update_counts()
        if changes.origin is Origin.LOCAL and not bulk \
                and not selection.committing_before_switch:
            self._select_after(changes)  # an import of many keeps the selection where it was

    def _apply_event_changes(self, event_ids: frozenset[int], origin: Origin) -> None:
        v, chart = self._v, self._chart_view
        records = self._ws.project.events.get_many(set(event_ids))
        shown = v.inspector.record()
        table = v.timeline_table.selectionModel()
        table.blockSignals(True)  # rows move and vanish: the current one is settled after
        try:
            for event_id in sorted(event_ids):
                record = records.get(event_id)
                v.reader.remove_event(event_id)
                if record is None:
                    v.timeline_model.remove(event_id)
                    chart.event_removed(event_id)
                    continue
                v.timeline_model.replace(record)  # inserts it when it is new
                chart.event_changed(record)
                v.reader.add_quotes(self._quotes_shown(record))
        finally:
            table.blockSignals(False)
        v.timeline_table.viewport().update()
        if shown is None or shown.id not in event_ids:
            return
        if shown.id in records:
            if origin is Origin.EXTERNAL and self._editing_in_inspector():
                # The user is typing in this event's fields: what they type is never replaced
                # under their hands; their edit is saved when they leave the field.
                self._ws.say(self.tr("“%s” was changed in another window") % shown.title, 10000)
                return
            v.inspector.show_event(records[shown.id])
            return
        if origin is Origin.EXTERNAL:
            self._ws.say(self.tr("“%s” was deleted in another window") % shown.title, 10000)
        current = self._selection.current_event()  # the inspected event is gone: its successor
        if current is not None:
            self._selection.show_event(current)
        else:
            v.inspector.show_event(None)

    def _editing_in_inspector(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self._v.inspector.isAncestorOf(focus)

    def _show_open_article_again(self) -> None:
        article_id = self._v.reader.article_id
        if article_id is None:
            return
        articles = self._ws.project.articles
        if articles.exists(article_id):
            self._selection.show_article(article_id)
            return
        self._selection.clear_article()
        remaining = articles.list()
        if remaining:
            self._selection.select_article(remaining[0].id)

    def _select_after(self, changes: ChangeSet) -> None:
        """After the user's own action, show what it made or changed."""
        if changes.events_created:
            self._selection.select_event(max(changes.events_created))
        elif len(changes.events_updated) == 1:
            self._selection.select_event(next(iter(changes.events_updated)))

    def _quotes_shown(self, record: EventRecord) -> list[QuoteRecord]:
        """The event's quotes that the open article highlights."""
        return [q for q in record.quotes
                if q.article_id == self._v.reader.article_id and not q.orphaned]
