"""Editing articles in the main window: properties (re-dating what depends on the publication
date), deleting an article with what happens to its events, and reloading after changes to
many things at once. A MainWindow mixin; every change is an undo command."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop_app.core.errors import TimelineError
from desktop_app.core.records import ArticleImpact
from desktop_app.gui import analysis_commands as cmd
from desktop_app.gui.commands import EditArticleCommand

KEEP, DELETE = "keep", "delete"


class ArticleEditingMixin:
    """Needs from the window: project, actions, reader, inspector, article_model,
    timeline_model, coverage, undo_stack, statusBar, show_error, select_article,
    _show_article, _article_title. The views follow its changes through the change hub."""

    def _connect_article_editing(self) -> None:
        self.actions.delete_article.triggered.connect(self._on_delete_article)

    # -- articles -------------------------------------------------------------------------
    def _on_article_properties(self) -> None:
        if self.reader.article_id is None:
            return
        article = self.project.articles.get(self.reader.article_id)
        from desktop_app.gui.dialogs import ArticlePropertiesDialog

        dialog = ArticlePropertiesDialog(article, self)
        if dialog.exec():
            self.edit_article(article.id, dialog.metadata())

    def edit_article(self, article_id: int, meta) -> None:  # noqa: ANN001 (ArticleMetadata)
        """Change article metadata as an undoable command."""
        from desktop_app.core.records import ArticleMetadata

        a = self.project.articles.get(article_id)
        before = ArticleMetadata(a.title, a.outlet, a.url, a.author, a.published)
        if before == meta:
            return
        try:
            change = self.project.articles.update_metadata(article_id, meta)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot change article"), str(exc))
            return
        self.undo_stack.push(EditArticleCommand(self.project.articles, self.project.changes,
                                                article_id, before, meta))
        self.statusBar().showMessage(self.tr("Article updated; %n event date(s) changed", "",
                                             change.redated_events), 8000)

    def _on_delete_article(self) -> None:
        if self.reader.article_id is None:
            return
        article_id = self.reader.article_id
        choice = self.ask_article_deletion(self._article_title(article_id),
                                           self.project.removal.impact(article_id))
        if choice is not None:
            self.delete_article(article_id, keep_events=choice == KEEP)

    def ask_article_deletion(self, title: str, impact: ArticleImpact) -> str | None:
        """KEEP (events with other sources stay), DELETE (all its events go) or None (tests
        replace this)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete Article"),
                          self.tr("Delete “%s”?") % title, parent=self)
        quoting = impact.only_here + impact.with_other_sources
        box.setInformativeText(
            self.tr("%n event(s) quote it", "", quoting)
            + (self.tr("; %n of them also have other sources.", "", impact.with_other_sources)
               if impact.with_other_sources else ".")
            + " " + self.tr("You can undo this with Ctrl+Z."))
        keep = box.addButton(self.tr("Delete Article, &Keep Events with Other Sources"),
                             QMessageBox.ButtonRole.AcceptRole) \
            if impact.with_other_sources else None
        delete = box.addButton(self.tr("Delete Article and &Its %n Event(s)", "", quoting)
                               if quoting else self.tr("&Delete Article"),
                               QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return KEEP if clicked is keep and keep is not None else DELETE if clicked is delete \
            else None

    def delete_article(self, article_id: int, keep_events: bool) -> bool:
        """Delete an article and the events that go with it (undoable)."""
        try:
            removal = self.project.removal.remove([article_id], keep_events)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot delete the article"), str(exc))
            return False
        title = removal.articles[0].title
        self.undo_stack.push(cmd.RemoveArticlesCommand(self.project.removal,
                                                       self.project.changes, removal,
                                                       keep_events,
                                                       f"Delete article “{title[:40]}”"))
        self.statusBar().showMessage(self.tr("Article deleted with %n event(s)", "",
                                             len(removal.deleted_events)), 8000)
        return True
