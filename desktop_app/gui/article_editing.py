"""Editing articles: properties (re-dating what depends on the publication date), and deleting
an article with what happens to its events. Every change is an undo command; the views follow
it through the change hub."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from desktop_app.core.errors import TimelineError
from desktop_app.core.records import DateSource
from desktop_app.gui import analysis_commands as cmd
from desktop_app.gui.asking import ArticleDeletion
from desktop_app.gui.commands import EditArticleCommand
from desktop_app.gui.selection import Selection
from desktop_app.gui.workspace import Component, Workspace

if TYPE_CHECKING:  # the records of edits are imported when one is made, after the first paint
    from desktop_app.core.edits import ArticleMetadata


class ArticleEditing(Component):
    """Article > Properties and Delete Article."""

    def __init__(self, ws: Workspace, selection: Selection) -> None:
        super().__init__(ws)
        self._selection = selection
        ws.actions.article_properties.triggered.connect(self._on_article_properties)
        ws.actions.delete_article.triggered.connect(self._on_delete_article)

    # -- articles -------------------------------------------------------------------------
    def _on_article_properties(self) -> None:
        article_id = self._ws.views.reader.article_id
        if article_id is None:
            return
        article = self._ws.project.articles.get(article_id)
        meta = self._ws.dialogs.article_metadata(article)
        if meta is not None:
            self.edit_article(article.id, meta)

    def edit_article(self, article_id: int, meta: ArticleMetadata) -> None:
        """Change article metadata as an undoable command."""
        from desktop_app.core.edits import ArticleMetadata

        ws, project = self._ws, self._ws.project
        a = project.articles.get(article_id)
        before = ArticleMetadata(a.title, a.outlet, a.url, a.author, a.published,
                                 a.published_source)
        if meta.published == a.published and a.published_source is not DateSource.SUGGESTED:
            # The same day saved again is no edit; only a suggested one becomes confirmed.
            meta = replace(meta, published_source=a.published_source)
        if before == meta:
            return
        try:
            change = project.articles.update_metadata(article_id, meta)
        except TimelineError as exc:
            ws.dialogs.show_error(self.tr("Cannot change article"), str(exc))
            return
        ws.undo_stack.push(EditArticleCommand(project.articles, project.changes, article_id,
                                              before, meta))
        ws.say(self.tr("Article updated; %n event date(s) changed", "", change.redated_events),
               8000)

    def _on_delete_article(self) -> None:
        article_id = self._ws.views.reader.article_id
        if article_id is None:
            return
        choice = self._ws.dialogs.ask_article_deletion(
            self._ws.views.article_model.title_of(article_id),
            self._ws.project.removal.impact(article_id))
        if choice is not None:
            self.delete_article(article_id, keep_events=choice is ArticleDeletion.KEEP_SHARED)

    def delete_article(self, article_id: int, keep_events: bool) -> bool:
        """Delete an article and the events that go with it (undoable)."""
        ws, project = self._ws, self._ws.project
        try:
            removal = project.removal.remove([article_id], keep_events)
        except TimelineError as exc:
            ws.dialogs.show_error(self.tr("Cannot delete the article"), str(exc))
            return False
        title = removal.articles[0].title
        ws.undo_stack.push(cmd.RemoveArticlesCommand(project.removal, project.changes, removal,
                                                     keep_events,
                                                     f"Delete article “{title[:40]}”"))
        ws.say(self.tr("Article deleted with %n event(s)", "", len(removal.deleted_events)),
               8000)
        return True
