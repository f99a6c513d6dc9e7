"""The analyst's editing power: more sources per event, merging, tagging
many events, tag colours. Every change is a service call pushed as an undo
command; the views follow it through the change hub."""

from __future__ import annotations

from desktop_app.core.errors import TimelineError
from desktop_app.core.records import EventRecord, QuoteRecord
from desktop_app.core.tags import parse_tags
from desktop_app.gui import analysis_commands as cmd
from desktop_app.gui.selection import Selection
from desktop_app.gui.workspace import Component, Workspace


class Analysis(Component):
    """More sources per event, merging, tags and their colours, and the History dock."""

    def __init__(self, ws: Workspace, selection: Selection) -> None:
        super().__init__(ws)
        self._selection = selection
        a = ws.actions
        a.add_source.triggered.connect(self._on_add_source)
        a.merge_events.triggered.connect(self._on_merge_events)
        a.tag_events.triggered.connect(self._on_tag_events)
        a.tag_colours.triggered.connect(self._on_tag_colours)
        self._v.inspector.sourceActivated.connect(self.show_source)
        self._v.inspector.removeSourceRequested.connect(self.remove_source)

    # -- sources --------------------------------------------------------------------------
    def _on_add_source(self) -> None:
        reader = self._v.reader
        event, selection = self._selection.current_event(), reader.selection_range()
        if event is None or selection is None or reader.article_id is None:
            self._ws.say(self.tr("Select an event, then a passage in an article, and press "
                                 "Ctrl+Shift+E"), 6000)
            return
        self.add_source(event.id, reader.article_id, *selection)

    def add_source(self, event_id: int, article_id: int, start: int, end: int) -> bool:
        """Add a passage as another source of an event (undoable)."""
        ws, project = self._ws, self._ws.project
        try:
            quote = project.sources.add_quote(event_id, article_id, start, end)
            record = project.events.get(event_id)
        except TimelineError as exc:
            ws.dialogs.show_error(self.tr("Cannot add the source"), str(exc))
            return False
        ws.undo_stack.push(cmd.AddSourceCommand(project.sources, project.changes, quote,
                                                record.title))
        ws.say(self.tr("The event now has %n source(s)", "", len(record.quotes)), 6000)
        return True

    def remove_source(self, quote_id: int) -> None:
        """Remove one source of the inspected event (undoable)."""
        ws, project = self._ws, self._ws.project
        try:
            quote = project.sources.remove_quote(quote_id)
            record = project.events.get(quote.event_id)
        except TimelineError as exc:
            ws.dialogs.show_error(self.tr("Cannot remove the source"), str(exc))
            return
        ws.undo_stack.push(cmd.RemoveSourceCommand(project.sources, project.changes, quote,
                                                   record.title))

    def show_source(self, quote: QuoteRecord) -> None:
        """Open a source's article at its passage."""
        if quote.orphaned:
            self._ws.say(self.tr("This passage is no longer in the article"), 6000)
            return
        if quote.article_id != self._v.reader.article_id:
            self._selection.select_article(quote.article_id)
        self._v.reader.show_quote(quote.event_id, quote)

    # -- merge ----------------------------------------------------------------------------
    def _on_merge_events(self) -> None:
        ids = self._selection.selected_event_ids()
        if len(ids) < 2:
            self._ws.say(self.tr("Select two or more events to merge (Ctrl+click in the table "
                                 "or the chart)"), 6000)
            return
        model = self._v.timeline_model
        records: list[EventRecord] = [model.record(model.row_of(i)) for i in ids]
        current = self._selection.current_event()
        first = current.id if current is not None and current.id in ids else ids[0]
        winner: int | None = first
        if len({(r.date.start, r.date.precision, r.date.end) for r in records}) > 1:
            winner = self._ws.dialogs.ask_merge_winner(records, first)  # whose date stays
        if winner is not None:
            self.merge_events(ids, winner)

    def merge_events(self, ids: list[int], keep_date_of: int) -> bool:
        """Merge events into one (undoable)."""
        ws, project = self._ws, self._ws.project
        try:
            result = project.sources.merge(ids, keep_date_of)
        except TimelineError as exc:
            ws.dialogs.show_error(self.tr("Cannot merge"), str(exc))
            return False
        ws.undo_stack.push(cmd.MergeEventsCommand(project.sources, project.changes, result))
        self._selection.select_event(result.after.id)
        ws.say(self.tr("Merged %n events", "", len(ids)), 6000)
        return True

    # -- tags -----------------------------------------------------------------------------
    def _on_tag_events(self) -> None:
        ids = self._selection.selected_event_ids()
        if not ids:
            return
        known = [t.name for t in self._ws.project.tags.list()]
        change = self._ws.dialogs.tag_change(len(ids), known)
        if change is not None:
            add, remove = change
            self.tag_events(ids, parse_tags(add), parse_tags(remove))

    def tag_events(self, ids: list[int], add: tuple[str, ...], remove: tuple[str, ...]) -> int:
        """Add and remove tags on several events as one undoable step; return how many
        events changed."""
        ws, project = self._ws, self._ws.project
        try:
            before, after = project.tags.tag_events(ids, add, remove)
        except TimelineError as exc:
            ws.dialogs.show_error(self.tr("Cannot tag events"), str(exc))
            return 0
        if not after:
            return 0
        ws.undo_stack.push(cmd.EditEventsCommand(project.events, project.changes, before, after,
                                                 f"Tag {len(after)} events"))
        return len(after)

    def _on_tag_colours(self) -> None:
        self._ws.dialogs.tag_colours(self._ws.project.tags.list(), self.set_tag_colour)

    def set_tag_colour(self, name: str, colour: str) -> bool:
        """Choose a tag's colour (undoable); the chart shows it when colouring by tag."""
        ws, project = self._ws, self._ws.project
        try:
            before = project.tags.set_colour(name, colour)
        except TimelineError as exc:
            ws.dialogs.show_error(self.tr("Cannot colour the tag"), str(exc))
            return False
        ws.undo_stack.push(cmd.TagColourCommand(project.tags, project.changes, name, before,
                                                colour))
        return True
