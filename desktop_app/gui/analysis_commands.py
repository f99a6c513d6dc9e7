"""Undo commands of the analysis features: sources, merges, many events at once, tag colours,
article deletion and import. As in commands.py, the first redo() is skipped: the window has
already done the work when it pushes the command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from desktop_app.core.records import EventRecord, QuoteRecord
from desktop_app.gui.commands import AppliedCommand, TimelineView, short_label

if TYPE_CHECKING:
    from desktop_app.core.records import ArticleVersion
    from desktop_app.core.services.article_removal import ArticleRemoval, ArticleRemovalService
    from desktop_app.core.services.events import EventService
    from desktop_app.core.services.sources import MergeResult, SourceService
    from desktop_app.core.services.tags import TagService


class ProjectView(TimelineView, Protocol):
    """What commands that change many things at once tell the window."""

    def reload_all(self) -> None: ...
    def tags_changed(self) -> None: ...


class AddSourceCommand(AppliedCommand):
    """A passage added as another source of an event."""

    def __init__(self, sources: SourceService, events: EventService, view: TimelineView,
                 quote: QuoteRecord, title: str) -> None:
        super().__init__(f"Add source to “{short_label(title)}”")
        self._sources, self._events, self._view, self._quote = sources, events, view, quote

    def do(self) -> None:
        self._sources.restore_quote(self._quote)
        self._view.event_changed(self._events.get(self._quote.event_id))

    def undo(self) -> None:
        self._sources.remove_quote(self._quote.id)
        self._view.event_changed(self._events.get(self._quote.event_id))


class RemoveSourceCommand(AddSourceCommand):
    """A source removed from an event (the inverse of adding it)."""

    def __init__(self, sources: SourceService, events: EventService, view: TimelineView,
                 quote: QuoteRecord, title: str) -> None:
        super().__init__(sources, events, view, quote, title)
        self.setText(f"Remove source from “{short_label(title)}”")

    def do(self) -> None:
        AddSourceCommand.undo(self)

    def undo(self) -> None:
        AddSourceCommand.do(self)


class MergeEventsCommand(AppliedCommand):
    """Events merged into one; undo brings every one of them back with its ids."""

    def __init__(self, sources: SourceService, view: TimelineView, result: MergeResult) -> None:
        super().__init__(f"Merge {len(result.before)} events")
        self._sources, self._view, self._result = sources, view, result

    def do(self) -> None:
        self._result = self._sources.merge([r.id for r in self._result.before],
                                           self._result.after.id)
        for event_id in self._result.removed_ids:
            self._view.event_removed(event_id)
        self._view.event_changed(self._result.after)

    def undo(self) -> None:
        restored = self._sources.unmerge(self._result)
        for r in restored:
            if r.id == self._result.after.id:
                self._view.event_changed(r)
            else:
                self._view.event_added(r)


class EditEventsCommand(AppliedCommand):
    """One change to several events (tagging a selection), as records before and after."""

    def __init__(self, events: EventService, view: TimelineView, before: list[EventRecord],
                 after: list[EventRecord], label: str) -> None:
        super().__init__(label)
        self._events, self._view, self._before, self._after = events, view, before, after

    def do(self) -> None:
        for r in self._after:
            self._view.event_changed(self._events.write_state(r))

    def undo(self) -> None:
        for r in self._before:
            self._view.event_changed(self._events.write_state(r))


class TagColourCommand(AppliedCommand):
    """A tag's colour chosen."""

    def __init__(self, tags: TagService, view: ProjectView, name: str, before: str,
                 after: str) -> None:
        super().__init__(f"Colour tag “{short_label(name)}”")
        self._tags, self._view, self._name = tags, view, name
        self._before, self._after = before, after

    def do(self) -> None:
        self._tags.set_colour(self._name, self._after)
        self._view.tags_changed()

    def undo(self) -> None:
        self._tags.set_colour(self._name, self._before)
        self._view.tags_changed()


class RemoveArticlesCommand(AppliedCommand):
    """Articles deleted (with the events that go with them) or an import undone."""

    def __init__(self, removal: ArticleRemovalService, view: ProjectView,
                 done: ArticleRemoval, keep_events: bool, label: str) -> None:
        super().__init__(label)
        self._service, self._view, self._done, self._keep = removal, view, done, keep_events

    def do(self) -> None:
        self._done = self._service.remove([a.id for a in self._done.articles], self._keep)
        self._view.reload_all()

    def undo(self) -> None:
        self._service.restore(self._done)
        self._view.reload_all()


class ImportArticlesCommand(RemoveArticlesCommand):
    """Articles imported: undo removes them, redo brings them back with the same ids."""

    def __init__(self, removal: ArticleRemovalService, view: ProjectView, article_ids: list[int],
                 label: str) -> None:
        from desktop_app.core.services.article_removal import ArticleRemoval

        super().__init__(removal, view, ArticleRemoval((), (), ()), False, label)
        self._ids = article_ids

    def do(self) -> None:
        RemoveArticlesCommand.undo(self)

    def undo(self) -> None:
        self._done = self._service.remove(self._ids, False)
        self._view.reload_all()


class ReplaceArticleCommand(AppliedCommand):
    """A changed version of an article imported over the old one: undo puts back the old
    text, metadata, quote positions and dates; redo the new ones."""

    def __init__(self, removal: ArticleRemovalService, view: ProjectView,
                 before: ArticleVersion, after: ArticleVersion) -> None:
        super().__init__(f"Update “{short_label(after.article.title)}” from a new version")
        self._service, self._view, self._before, self._after = removal, view, before, after

    def do(self) -> None:
        self._service.restore_version(self._after)
        self._view.reload_all()

    def undo(self) -> None:
        self._service.restore_version(self._before)
        self._view.reload_all()
