"""Undo commands of the analysis features: sources, merges, many events at once, tag colours,
article deletion and import. As in commands.py, the first redo() is skipped (the window has
already done the work when it pushes the command) and no command touches a view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.core.records import EventRecord, QuoteRecord
from desktop_app.gui.commands import AppliedCommand, short_label

if TYPE_CHECKING:
    from desktop_app.core.article_records import ArticleVersion
    from desktop_app.core.changes import ChangeHub
    from desktop_app.core.services.article_removal import ArticleRemoval, ArticleRemovalService
    from desktop_app.core.services.events import EventService
    from desktop_app.core.services.sources import MergeResult, SourceService
    from desktop_app.core.services.tags import TagService


class AddSourceCommand(AppliedCommand):
    """A passage added as another source of an event."""

    def __init__(self, sources: SourceService, changes: ChangeHub, quote: QuoteRecord,
                 title: str) -> None:
        super().__init__(f"Add source to “{short_label(title)}”", changes)
        self._sources, self._quote = sources, quote

    def do(self) -> None:
        self._sources.restore_quote(self._quote)

    def revert(self) -> None:
        self._sources.remove_quote(self._quote.id)


class RemoveSourceCommand(AddSourceCommand):
    """A source removed from an event (the inverse of adding it)."""

    def __init__(self, sources: SourceService, changes: ChangeHub, quote: QuoteRecord,
                 title: str) -> None:
        super().__init__(sources, changes, quote, title)
        self.setText(f"Remove source from “{short_label(title)}”")

    def do(self) -> None:
        AddSourceCommand.revert(self)

    def revert(self) -> None:
        AddSourceCommand.do(self)


class MergeEventsCommand(AppliedCommand):
    """Events merged into one; undo brings every one of them back with its ids."""

    def __init__(self, sources: SourceService, changes: ChangeHub, result: MergeResult) -> None:
        super().__init__(f"Merge {len(result.before)} events", changes)
        self._sources, self._result = sources, result

    def do(self) -> None:
        self._result = self._sources.merge([r.id for r in self._result.before],
                                           self._result.after.id)

    def revert(self) -> None:
        self._sources.unmerge(self._result)


class EditEventsCommand(AppliedCommand):
    """One change to several events (tagging a selection), as records before and after."""

    def __init__(self, events: EventService, changes: ChangeHub, before: list[EventRecord],
                 after: list[EventRecord], label: str) -> None:
        super().__init__(label, changes)
        self._events, self._before, self._after = events, before, after

    def do(self) -> None:
        for r in self._after:
            self._events.write_state(r)

    def revert(self) -> None:
        for r in self._before:
            self._events.write_state(r)


class TagColourCommand(AppliedCommand):
    """A tag's colour chosen."""

    def __init__(self, tags: TagService, changes: ChangeHub, name: str, before: str,
                 after: str) -> None:
        super().__init__(f"Colour tag “{short_label(name)}”", changes)
        self._tags, self._name = tags, name
        self._before, self._after = before, after

    def do(self) -> None:
        self._tags.set_colour(self._name, self._after)

    def revert(self) -> None:
        self._tags.set_colour(self._name, self._before)


class RemoveArticlesCommand(AppliedCommand):
    """Articles deleted (with the events that go with them) or an import undone."""

    def __init__(self, removal: ArticleRemovalService, changes: ChangeHub,
                 done: ArticleRemoval, keep_events: bool, label: str) -> None:
        super().__init__(label, changes)
        self._service, self._done, self._keep = removal, done, keep_events

    def do(self) -> None:
        self._done = self._service.remove([a.id for a in self._done.articles], self._keep)

    def revert(self) -> None:
        self._service.restore(self._done)


class ImportArticlesCommand(RemoveArticlesCommand):
    """Articles imported: undo removes them, redo brings them back with the same ids."""

    def __init__(self, removal: ArticleRemovalService, changes: ChangeHub,
                 article_ids: list[int], label: str) -> None:
        from desktop_app.core.services.article_removal import ArticleRemoval

        super().__init__(removal, changes, ArticleRemoval((), (), ()), False, label)
        self._ids = article_ids

    def do(self) -> None:
        RemoveArticlesCommand.revert(self)

    def revert(self) -> None:
        self._done = self._service.remove(self._ids, False)


class ReplaceArticleCommand(AppliedCommand):
    """A changed version of an article imported over the old one: undo puts back the old
    text, metadata, quote positions and dates; redo the new ones."""

    def __init__(self, removal: ArticleRemovalService, changes: ChangeHub,
                 before: ArticleVersion, after: ArticleVersion) -> None:
        super().__init__(f"Update “{short_label(after.article.title)}” from a new version",
                         changes)
        self._service, self._before, self._after = removal, before, after

    def do(self) -> None:
        self._service.restore_version(self._after)

    def revert(self) -> None:
        self._service.restore_version(self._before)
