"""File work of the main window: projects (new, open, recent, switch), importing articles
(files, paste, drag and drop) and exporting the timeline. A mixin of MainWindow."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from desktop_app.core.errors import DuplicateArticleError, TimelineError
from desktop_app.core.importers.dateline import date_candidates
from desktop_app.core.locations import db_argument
from desktop_app.core.records import ArticleDraft, DateSource
from desktop_app.gui.commands import CreateEventsCommand, ImportCsvCommand
from desktop_app.gui.settings import PROJECT_SUFFIX


def _file_filter() -> str:
    """From the importers' own list, so a new format appears in the dialog by itself
    (imported when the dialog opens, not before the window paints)."""
    from desktop_app.core.importers import SUPPORTED_SUFFIXES

    return f"Articles ({' '.join('*' + s for s in SUPPORTED_SUFFIXES)});;All files (*)"
_PROJECT_FILTER = f"Timeline Annotator projects (*{PROJECT_SUFFIX});;All files (*)"


class ProjectFilesMixin:
    """Needs from the window: project, _open_project, _settings, load_project, show_error,
    statusBar, select_article, _refresh_articles, _update_counts."""

    def switch_project(self, path: Path | str) -> bool:
        """Open another project (a file, or a team project's address) in this window; report
        and keep the current one on error."""
        try:
            project = self._open_project(path)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot open project"), str(exc))
            return False
        old = self.project
        self.remember_place()
        self.load_project(project)
        if old is not None:
            old.close()
        return True

    # -- articles -------------------------------------------------------------------------
    def _on_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import Articles"),
                                                self._settings.last_directory(), _file_filter())
        if paths:
            self._settings.set_last_directory(Path(paths[0]))
            self.import_files([Path(p) for p in paths])

    def _on_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import Folder"),
                                                  self._settings.last_directory())
        if folder:
            self._settings.set_last_directory(Path(folder))
            self.import_files([Path(folder)])

    def import_files(self, paths: list[Path]) -> list[int]:
        """Import files and folders: progress with Cancel, then one summary of any problems."""
        from desktop_app.core.services.batch_import import collect_files, import_batch

        files = collect_files(paths)
        dialog = QProgressDialog(self.tr("Importing articles…"), self.tr("Cancel"), 0,
                                 max(1, len(files)), self)
        dialog.setObjectName("importProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)

        def progress(done: int, total: int, path: Path) -> bool:
            dialog.setValue(done)
            dialog.setLabelText(self.tr("Importing %1 of %2: %3").replace("%1", str(done + 1))
                                .replace("%2", str(total)).replace("%3", path.name))
            QGuiApplication.processEvents()
            return not dialog.wasCanceled()

        def ask(draft, path: Path):  # noqa: ANN001, ANN202
            label = f"{path}\n({draft.published_doubt})" if draft.published_doubt else str(path)
            dialog.hide()  # a question is never under the progress window
            try:
                answer = self._ask_date_of(draft, label)
            finally:
                dialog.show()
            return answer if answer else False

        with self.project.changes.batch():  # the views follow once, after the last file
            summary = import_batch(self.project.articles, files, ask_date=ask,
                                   progress=progress,
                                   max_bytes=self._settings.import_limit_bytes())
        dialog.close()
        ids = [a.id for a in summary.imported]
        self._push_import(ids, [r for _path, r in summary.updated])
        if ids or summary.updated:
            self.select_article(ids[-1] if ids else summary.updated[-1][1].article.id)
        if summary.failed or summary.duplicates or summary.skipped or summary.cancelled or \
                summary.updated:
            self.show_error(self.tr("Some files were not imported"), summary.text())
        else:
            self.statusBar().showMessage(summary.text(), 5000)
        return ids

    def _on_paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.show_error(self.tr("Nothing to paste"), self.tr("The clipboard holds no text."))
            return
        errors: list[str] = []
        from desktop_app.core.importers import draft_from_text

        article_id = self._add_draft(draft_from_text(text), self.tr("the pasted text"), errors)
        if errors:
            self.show_error(self.tr("Cannot paste article"), "\n".join(errors))
        if article_id is not None:
            self._push_import([article_id], [])
            self.select_article(article_id)

    def _push_import(self, article_ids: list[int], updates: list) -> None:  # noqa: ANN001
        """One undo step for what an import did: new articles, and changed versions that
        replaced the text of articles already here (list of Reimport)."""
        from desktop_app.gui.analysis_commands import (
            ImportArticlesCommand,
            ReplaceArticleCommand,
        )

        if not article_ids and not updates:
            return
        n = len(article_ids) + len(updates)
        single = (self.project.articles.get(article_ids[0]).title if article_ids
                  else updates[0].article.title)
        self.undo_stack.beginMacro(f"Import {n} articles" if n > 1 else
                                   f"Import “{single[:40]}”")
        if article_ids:
            self.undo_stack.push(ImportArticlesCommand(self.project.removal, self.project.changes,
                                                       article_ids,
                                                       "Import"))
        for r in updates:
            after = self.project.removal.version(r.article.id)
            self.undo_stack.push(ReplaceArticleCommand(self.project.removal, self.project.changes,
                                                       r.previous,
                                                       after))
        self.undo_stack.endMacro()

    def _add_draft(self, draft: ArticleDraft, source: str, errors: list[str]) -> int | None:
        if draft.published is None:
            published = self._ask_date_of(draft, source)
            if published is None:
                errors.append(self.tr("%s: skipped (no publication date given)") % source)
                return None
            draft = ArticleDraft(**{**draft.__dict__, "published": published,
                                    "published_source": DateSource.USER})
        try:
            return self.project.articles.add(draft).id
        except DuplicateArticleError as exc:
            errors.append(f"{source}: {exc}")
            self.select_article(exc.existing_id)
        except TimelineError as exc:
            errors.append(f"{source}: {exc}")
        return None

    def _ask_date_of(self, draft: ArticleDraft, source: str) -> date | None:
        """Ask for a draft's publication date: its best candidate filled in, the others
        offered."""
        found = date_candidates(draft.text, draft.published_guess)
        return self.ask_publication_date(source, found[0][0] if found else date.today(), found)

    def ask_publication_date(self, source: str, guess: date,
                             candidates: tuple[tuple[date, str], ...] = ()) -> date | None:
        """Ask the user for a publication date (tests replace this)."""
        from desktop_app.gui.dialogs import PublicationDateDialog

        dialog = PublicationDateDialog(source, guess, self, candidates)
        return dialog.value() if dialog.exec() else None

    # -- files ----------------------------------------------------------------------------
    def _on_new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New Project"),
                                              self._settings.last_directory(), _PROJECT_FILTER)
        if path:
            p = Path(path)
            if not p.suffix:
                p = p.with_suffix(PROJECT_SUFFIX)
            if p.exists():
                self.show_error(self.tr("Cannot create project"),
                                self.tr("%s already exists; use Open Project to open it.") % p)
                return
            self.switch_project(p)

    def _on_open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Project"),
                                              self._settings.last_directory(), _PROJECT_FILTER)
        if path:
            self._settings.set_last_directory(Path(path))
            self.switch_project(Path(path))

    def _on_connect_team(self) -> None:
        from desktop_app.gui.team_dialog import ConnectDialog

        dialog = ConnectDialog(self)
        if dialog.exec():
            self.switch_project(dialog.address())

    def _on_your_name(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(
            self, self.tr("Your Name"), self.tr("The name your changes are shown under (blank: "
                                                "your login):"),
            text=self._settings.display_name() or self.project.author)
        if ok:
            self._settings.set_display_name(name)
            self.project.set_author(name)
            self.statusBar().showMessage(self.tr("Your changes are now made as %s")
                                         % self.project.author, 5000)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for entry in self._settings.recent_projects():
            action = self.recent_menu.addAction(entry)
            action.triggered.connect(lambda _c=False, e=entry: self.switch_project(
                db_argument(e)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No recent projects")).setEnabled(False)

    def _on_export_csv(self) -> None:
        from desktop_app.gui.dialogs import CsvOptionsDialog

        dialog = CsvOptionsDialog(self, self.active_filter())
        if not dialog.exec():
            return
        options, event_filter = dialog.choices()
        suggested = str(Path(self._settings.last_directory()) / f"{self.project.name}.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Timeline as CSV"), suggested,
                                              "CSV files (*.csv);;All files (*)")
        if path:
            self.export_csv(Path(path), options, event_filter)

    def export_csv(self, path: Path, options=None, event_filter=None) -> int | None:  # noqa: ANN001
        """Export the timeline (the events the filter bar keeps, unless a filter is given)
        to a CSV file and say how many events were written."""
        from desktop_app.core.exporters.csv_export import CsvOptions

        if event_filter is None:
            event_filter = self.active_filter()
        return self._run_export(path, lambda: self.project.exports.export_csv(
            path, options or CsvOptions(), event_filter))

    def _on_export_format(self, fmt: str) -> None:
        from desktop_app.core.exporters.formats import BY_KEY

        chosen = BY_KEY[fmt]
        suggested = str(Path(self._settings.last_directory())
                        / f"{self.project.name}{chosen.suffix}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Timeline"), suggested,
                                              chosen.file_filter)
        if path:
            self.export_format(fmt, Path(path))

    def export_format(self, fmt: str, path: Path) -> int | None:
        """Export the timeline in a format (TimelineJS, iCalendar, JSON-LD, reports)."""
        return self._run_export(path, lambda: self.project.exports.export(
            fmt, path, self.project.name, self.active_filter()))

    def _run_export(self, path: Path, export) -> int | None:  # noqa: ANN001 (() -> int)
        """Run an export; report a failure, or say how many events went where."""
        try:
            n = export()
        except TimelineError as exc:
            self.show_error(self.tr("Export failed"), str(exc))
            return None
        self._settings.set_last_directory(path)
        self.statusBar().showMessage(self.tr("Exported %n event(s) to ", "", n) + str(path), 8000)
        return n

    def _on_import_annotations(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import Annotations"),
                                              self._settings.last_directory(),
                                              "JSON-LD (*.jsonld *.json);;All files (*)")
        if path:
            self.import_annotations(Path(path))

    def import_annotations(self, path: Path) -> int:
        """Create events from a Web Annotation file, as one undoable step."""
        try:
            result = self.project.annotations.import_file(path)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot import annotations"), str(exc))
            return 0
        if result.created:
            self.undo_stack.push(CreateEventsCommand(
                self.project.events, self.project.changes, list(result.created),
                f"Import {len(result.created)} annotations"))
        if result.skipped:
            self.show_error(self.tr("Some annotations were not imported"),
                            "\n".join(result.skipped))
        self.statusBar().showMessage(self.tr("Imported %n annotation(s)", "",
                                             len(result.created)), 8000)
        return len(result.created)

    def _on_import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import Timeline CSV"),
                                              self._settings.last_directory(),
                                              "CSV files (*.csv *.tsv *.txt);;All files (*)")
        if path:
            self._settings.set_last_directory(Path(path))
            self.import_csv(Path(path))

    def import_csv(self, path: Path) -> bool:
        """Preview a CSV import, then apply it as one undoable step."""
        from desktop_app.core.importers.csv_import import read_timeline_csv

        try:
            plan = self.project.csv.plan(read_timeline_csv(path))
        except TimelineError as exc:
            self.show_error(self.tr("Cannot import CSV"), str(exc))
            return False
        if not self.confirm_csv_import(plan):
            return False
        result = self.project.csv.apply(plan)
        self.undo_stack.push(ImportCsvCommand(self.project.csv, self.project.changes, result))
        self.statusBar().showMessage(plan.summary(), 8000)
        return True

    def confirm_csv_import(self, plan) -> bool:  # noqa: ANN001 (CsvPlan)
        """Show the preview; True to go ahead (tests replace this)."""
        from desktop_app.gui.dialogs import CsvPreviewDialog

        return bool(CsvPreviewDialog(plan, self).exec())

    def _on_backup_project(self) -> None:
        stem = self.project.name
        suggested = str(Path(self._settings.last_directory())
                        / f"{stem}-backup-{date.today():%Y%m%d}{PROJECT_SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Back Up Project"), suggested,
                                              _PROJECT_FILTER)
        if path:
            self.backup_project(Path(path))

    def backup_project(self, path: Path) -> bool:
        """Write a consistent copy of the open project and say where."""
        try:
            self.project.db.backup_to(path)
        except TimelineError as exc:
            self.show_error(self.tr("Backup failed"), str(exc))
            return False
        self.statusBar().showMessage(self.tr("Backed up to %s") % path, 8000)
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

