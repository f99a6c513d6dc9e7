"""File work: projects (new, open, recent, switch), importing articles (files, paste, drag and
drop), timelines and annotations, and exporting the timeline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QProgressDialog

from desktop_app.core.errors import DuplicateArticleError, TimelineError
from desktop_app.core.locations import db_argument
from desktop_app.core.records import DateSource
from desktop_app.gui.commands import CreateEventsCommand, ImportCsvCommand
from desktop_app.gui.filtering import Filtering
from desktop_app.gui.selection import Selection
from desktop_app.gui.settings import PROJECT_SUFFIX
from desktop_app.gui.workspace import Component, Workspace

if TYPE_CHECKING:
    from desktop_app.core.edits import ArticleDraft
    from desktop_app.core.exporters.csv_export import CsvOptions
    from desktop_app.core.filters import EventFilter
    from desktop_app.core.project import Project
    from desktop_app.core.services.articles import Reimport

ProjectOpener = Callable[[Path | str], "Project"]


def _file_filter() -> str:
    """From the importers' own list, so a new format appears in the dialog by itself
    (imported when the dialog opens, not before the window paints)."""
    from desktop_app.core.importers import SUPPORTED_SUFFIXES

    return f"Articles ({' '.join('*' + s for s in SUPPORTED_SUFFIXES)});;All files (*)"
_PROJECT_FILTER = f"Timeline Annotator projects (*{PROJECT_SUFFIX});;All files (*)"


class ProjectFiles(Component):
    """File menu work: projects, importing articles, timelines and annotations, exports."""

    def __init__(self, ws: Workspace, selection: Selection, filtering: Filtering,
                 open_project: ProjectOpener, show_project: Callable[[Project], None],
                 recent_menu: QMenu) -> None:
        super().__init__(ws)
        self._selection = selection
        self._filtering = filtering
        self._open_project = open_project
        self._show_project = show_project  # the window shows it and closes the old one
        self._recent_menu = recent_menu
        a = ws.actions
        a.new_project.triggered.connect(self._on_new_project)
        a.open_project.triggered.connect(self._on_open_project)
        a.connect_team.triggered.connect(self._on_connect_team)
        a.your_name.triggered.connect(self._on_your_name)
        a.import_article.triggered.connect(self._on_import)
        a.paste_article.triggered.connect(self._on_paste)
        a.export_csv.triggered.connect(self._on_export_csv)
        a.backup_project.triggered.connect(self._on_backup_project)
        a.import_csv.triggered.connect(self._on_import_csv)
        a.import_folder.triggered.connect(self._on_import_folder)
        a.import_annotations.triggered.connect(self._on_import_annotations)
        for fmt, action in a.export_formats.items():
            action.triggered.connect(lambda _c=False, f=fmt: self._on_export_format(f))
        recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def switch_project(self, path: Path | str) -> bool:
        """Open another project (a file, or a team project's address) in this window; report
        and keep the current one on error."""
        try:
            project = self._open_project(path)
        except TimelineError as exc:
            self._ws.dialogs.show_error(self.tr("Cannot open project"), str(exc))
            return False
        previous = self._ws.current_project
        try:
            self._show_project(project)
        except Exception as exc:
            damage = project.damage_behind(exc)  # a stored value another program wrote?
            if damage is None:
                raise
            if previous is not None:
                self._show_project(previous)  # shown again; the damaged one is closed
            else:
                project.close()
            self._ws.dialogs.show_error(self.tr("Cannot open project"), damage)
            return False
        return True

    # -- articles -------------------------------------------------------------------------
    def _on_import(self) -> None:
        settings = self._ws.settings
        paths = self._ws.dialogs.open_files(self.tr("Import Articles"),
                                            settings.last_directory(), _file_filter())
        if paths:
            settings.set_last_directory(paths[0])
            self.import_files(paths)

    def _on_import_folder(self) -> None:
        settings = self._ws.settings
        folder = self._ws.dialogs.open_folder(self.tr("Import Folder"),
                                              settings.last_directory())
        if folder:
            settings.set_last_directory(folder)
            self.import_files([folder])

    def import_files(self, paths: list[Path]) -> list[int]:
        """Import files and folders: progress with Cancel, then one summary of any problems."""
        from desktop_app.core.services.batch_import import (
            DateAnswer,
            DateQuestion,
            collect_files,
            import_answered,
            import_batch,
            replace_confirmed,
        )

        ws, project = self._ws, self._ws.project
        files = collect_files(paths)
        dialog = QProgressDialog(self.tr("Importing articles…"), self.tr("Cancel"), 0,
                                 max(1, len(files)), ws.host)
        dialog.setObjectName("importProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)

        def progress(done: int, total: int, path: Path) -> bool:
            dialog.setValue(done)
            dialog.setLabelText(self.tr("Importing %1 of %2: %3").replace("%1", str(done + 1))
                                .replace("%2", str(total)).replace("%3", path.name))
            QGuiApplication.processEvents()
            return not dialog.wasCanceled()

        with project.changes.batch():  # the views follow once, after the last file
            summary = import_batch(project.articles, files, ask_later=True, progress=progress,
                                   limits=ws.settings.limits())
        dialog.close()
        replacing = list(summary.replacing)
        if summary.waiting:  # every file in doubt at once, not one dialog per file
            questions = list(summary.waiting)
            days = ws.dialogs.ask_publication_dates(questions)
            answered: list[tuple[DateQuestion, DateAnswer | None | bool]] = (
                [(q, False) for q in questions] if days is None  # Cancel: none of them
                else [(q, DateAnswer(day) if day else None)
                      for q, day in zip(questions, days, strict=True)])
            with project.changes.batch():
                summary = summary.then(import_answered(project.articles, answered))
            replacing += summary.replacing
        if replacing:  # what would be replaced is shown before it happens
            keep = ws.dialogs.confirm_replacements(replacing)
            with project.changes.batch():
                summary = summary.then(replace_confirmed(project.articles,
                                                         zip(replacing, keep, strict=True)))
        ids = [a.id for a in summary.imported]
        self._push_import(ids, [r for _path, r in summary.updated])
        if ids or summary.updated:
            self._selection.select_article(ids[-1] if ids else
                                           summary.updated[-1][1].article.id)
        if summary.failed or summary.duplicates or summary.skipped or summary.cancelled or \
                summary.updated or summary.not_replaced:
            ws.dialogs.show_error(self.tr("Some files were not imported"), summary.text())
        else:
            ws.say(summary.text())
        return ids

    def _on_paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self._ws.dialogs.show_error(self.tr("Nothing to paste"),
                                        self.tr("The clipboard holds no text."))
            return
        errors: list[str] = []
        from desktop_app.core.importers import draft_from_pasted

        try:
            draft = draft_from_pasted(text, self._ws.settings.limits())
        except TimelineError as exc:
            self._ws.dialogs.show_error(self.tr("Cannot paste article"), str(exc))
            return
        article_id = self._add_draft(draft, self.tr("the pasted text"), errors)
        if errors:
            self._ws.dialogs.show_error(self.tr("Cannot paste article"), "\n".join(errors))
        if article_id is not None:
            self._push_import([article_id], [])
            self._selection.select_article(article_id)

    def _push_import(self, article_ids: list[int], updates: list[Reimport]) -> None:
        """One undo step for what an import did: new articles, and changed versions that
        replaced the text of articles already here (list of Reimport)."""
        from desktop_app.gui.analysis_commands import (
            ImportArticlesCommand,
            ReplaceArticleCommand,
        )

        if not article_ids and not updates:
            return
        project, stack = self._ws.project, self._ws.undo_stack
        n = len(article_ids) + len(updates)
        single = (project.articles.get(article_ids[0]).title if article_ids
                  else updates[0].article.title)
        stack.beginMacro(f"Import {n} articles" if n > 1 else f"Import “{single[:40]}”")
        if article_ids:
            stack.push(ImportArticlesCommand(project.removal, project.changes, article_ids,
                                             "Import"))
        for r in updates:
            if r.previous is None:
                continue  # nothing to put back: not undoable, and never reported as such
            after = project.removal.version(r.article.id)
            stack.push(ReplaceArticleCommand(project.removal, project.changes, r.previous,
                                             after))
        stack.endMacro()

    def _add_draft(self, draft: ArticleDraft, source: str, errors: list[str]) -> int | None:
        from desktop_app.core.importers.dateline import asks_publication_day

        if asks_publication_day(draft):  # a text naming no day is added undated, as files are
            published = self._ask_date_of(draft, source)
            if published is None:
                errors.append(self.tr("%s: skipped (no publication date given)") % source)
                return None
            draft = replace(draft, published=published, published_source=DateSource.USER)
        try:
            return self._ws.project.articles.add(draft).id
        except DuplicateArticleError as exc:
            errors.append(f"{source}: {exc}")
            self._selection.select_article(exc.existing_id)
        except TimelineError as exc:
            errors.append(f"{source}: {exc}")
        return None

    def _ask_date_of(self, draft: ArticleDraft, source: str) -> date | None:
        """Ask for a pasted or dropped text's publication date: its best candidate filled
        in, the others offered."""
        from desktop_app.core.importers.dateline import candidates_of  # not before first paint

        found = candidates_of(draft)
        return self._ws.dialogs.ask_publication_date(source, found[0][0] if found
                                                     else date.today(), found)

    def _on_new_project(self) -> None:
        p = self._ws.dialogs.save_file(self.tr("New Project"), self._ws.settings.last_directory(),
                                       _PROJECT_FILTER)
        if p:
            if not p.suffix:
                p = p.with_suffix(PROJECT_SUFFIX)
            if p.exists():
                self._ws.dialogs.show_error(
                    self.tr("Cannot create project"),
                    self.tr("%s already exists; use Open Project to open it.") % p)
                return
            self.switch_project(p)

    def _on_open_project(self) -> None:
        path = self._ws.dialogs.open_file(self.tr("Open Project"),
                                          self._ws.settings.last_directory(), _PROJECT_FILTER)
        if path:
            self._ws.settings.set_last_directory(path)
            self.switch_project(path)

    def _on_connect_team(self) -> None:
        address = self._ws.dialogs.team_address()
        if address:
            self.switch_project(address)

    def _on_your_name(self) -> None:
        ws, project = self._ws, self._ws.project
        name = ws.dialogs.display_name(ws.settings.display_name() or project.author)
        if name is not None:
            ws.settings.set_display_name(name)
            project.set_author(name)
            ws.say(self.tr("Your changes are now made as %s") % project.author)

    def _fill_recent_menu(self) -> None:
        menu = self._recent_menu
        menu.clear()
        for entry in self._ws.settings.recent_projects():
            action = menu.addAction(entry)
            action.triggered.connect(lambda _c=False, e=entry: self.switch_project(
                db_argument(e)))
        if menu.isEmpty():
            menu.addAction(self.tr("No recent projects")).setEnabled(False)

    def _on_export_csv(self) -> None:
        ws = self._ws
        chosen = ws.dialogs.csv_export_options(self._filtering.active_filter())
        if chosen is None:
            return
        options, event_filter = chosen
        suggested = str(Path(ws.settings.last_directory()) / f"{ws.project.name}.csv")
        path = ws.dialogs.save_file(self.tr("Export Timeline as CSV"), suggested,
                                    "CSV files (*.csv);;All files (*)")
        if path:
            self.export_csv(path, options, event_filter)

    def export_csv(self, path: Path, options: CsvOptions | None = None,
                   event_filter: EventFilter | None = None) -> int | None:
        """Export the timeline (the events the filter bar keeps, unless a filter is given)
        to a CSV file and say how many events were written."""
        from desktop_app.core.exporters.csv_export import CsvOptions

        chosen = event_filter if event_filter is not None else self._filtering.active_filter()
        return self._run_export(path, lambda: self._ws.project.exports.export_csv(
            path, options or CsvOptions(), chosen))

    def _on_export_format(self, fmt: str) -> None:
        from desktop_app.core.exporters.formats import BY_KEY

        ws, chosen = self._ws, BY_KEY[fmt]
        suggested = str(Path(ws.settings.last_directory()) / f"{ws.project.name}{chosen.suffix}")
        path = ws.dialogs.save_file(self.tr("Export Timeline"), suggested, chosen.file_filter)
        if path:
            self.export_format(fmt, path)

    def export_format(self, fmt: str, path: Path) -> int | None:
        """Export the timeline in a format (TimelineJS, iCalendar, JSON-LD, reports)."""
        project = self._ws.project
        return self._run_export(path, lambda: project.exports.export(
            fmt, path, project.name, self._filtering.active_filter()))

    def _run_export(self, path: Path, export: Callable[[], int]) -> int | None:
        """Run an export; report a failure, or say how many events went where."""
        try:
            n = export()
        except TimelineError as exc:
            self._ws.dialogs.show_error(self.tr("Export failed"), str(exc))
            return None
        self._ws.settings.set_last_directory(path)
        self._ws.say(self.tr("Exported %n event(s) to ", "", n) + str(path), 8000)
        return n

    def _on_import_annotations(self) -> None:
        path = self._ws.dialogs.open_file(self.tr("Import Annotations"),
                                          self._ws.settings.last_directory(),
                                          "JSON-LD (*.jsonld *.json);;All files (*)")
        if path:
            self.import_annotations(path)

    def import_annotations(self, path: Path) -> int:
        """Create events from a Web Annotation file, as one undoable step."""
        ws, project = self._ws, self._ws.project
        try:
            result = project.annotations.import_file(path, ws.settings.limits())
        except TimelineError as exc:
            ws.dialogs.show_error(self.tr("Cannot import annotations"), str(exc))
            return 0
        if result.created:
            ws.undo_stack.push(CreateEventsCommand(
                project.events, project.changes, list(result.created),
                f"Import {len(result.created)} annotations"))
        if result.skipped:
            ws.dialogs.show_error(self.tr("Some annotations were not imported"),
                                  "\n".join(result.skipped))
        ws.say(self.tr("Imported %n annotation(s)", "", len(result.created)), 8000)
        return len(result.created)

    def _on_import_csv(self) -> None:
        path = self._ws.dialogs.open_file(self.tr("Import Timeline CSV"),
                                          self._ws.settings.last_directory(),
                                          "CSV files (*.csv *.tsv *.txt);;All files (*)")
        if path:
            self._ws.settings.set_last_directory(path)
            self.import_csv(path)

    def import_csv(self, path: Path) -> bool:
        """Preview a CSV import, then apply it as one undoable step."""
        from desktop_app.core.importers.csv_import import read_timeline_csv

        ws, project = self._ws, self._ws.project
        try:
            plan = project.csv.plan(read_timeline_csv(path, ws.settings.limits()))
        except TimelineError as exc:
            ws.dialogs.show_error(self.tr("Cannot import CSV"), str(exc))
            return False
        if not ws.dialogs.confirm_csv_import(plan):
            return False
        result = project.csv.apply(plan)
        ws.undo_stack.push(ImportCsvCommand(project.csv, project.changes, result))
        ws.say(plan.outcome(), 8000)
        return True

    def _on_backup_project(self) -> None:
        ws = self._ws
        suggested = str(Path(ws.settings.last_directory())
                        / f"{ws.project.name}-backup-{date.today():%Y%m%d}{PROJECT_SUFFIX}")
        path = ws.dialogs.save_file(self.tr("Back Up Project"), suggested, _PROJECT_FILTER)
        if path:
            self.backup_project(path)

    def backup_project(self, path: Path) -> bool:
        """Write a consistent copy of the open project and say where."""
        try:
            self._ws.project.db.backup_to(path)
        except TimelineError as exc:
            self._ws.dialogs.show_error(self.tr("Backup failed"), str(exc))
            return False
        self._ws.say(self.tr("Backed up to %s") % path, 8000)
        return True
