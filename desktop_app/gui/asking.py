"""Every question the window asks the user, behind one interface.

The window's components never open a dialog themselves: they ask a ``Dialogs``, which the
composition root gives them. The application's is ``QtDialogs`` (real, modal dialogs); tests
give theirs, answering as a user would, or drive the real ones.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop_app.core.article_records import ArticleImpact, ArticleRecord
    from desktop_app.core.edits import ArticleMetadata
    from desktop_app.core.errors import EditConflictError
    from desktop_app.core.exporters.csv_export import CsvOptions
    from desktop_app.core.filters import EventFilter
    from desktop_app.core.listings import TagInfo
    from desktop_app.core.passages import EventSuggestion
    from desktop_app.core.records import EventRecord
    from desktop_app.core.services.batch_import import DateQuestion, ReplaceQuestion
    from desktop_app.core.services.csv_sync import CsvPlan

log = logging.getLogger(__name__)

class ArticleDeletion(Enum):
    """What deleting an article does to its events."""

    KEEP_SHARED = "keep"  # events with other sources stay
    DELETE_ALL = "delete"  # every event quoting it goes


@dataclass(frozen=True)
class ChartExportChoice:
    """Where and how to export the chart."""

    path: Path
    width: int
    visible_only: bool
    title: str


class Dialogs(Protocol):
    """The questions, one method each; None (or False, or empty) means the user cancelled."""

    def show_error(self, title: str, message: str) -> None: ...
    def keep_mine(self, what: str, conflict: EditConflictError, typed: str) -> bool: ...
    def ask_publication_date(self, source: str, guess: date,
                             candidates: tuple[tuple[date, str], ...] = ()) -> date | None: ...
    def ask_publication_dates(self, questions: list[DateQuestion]) -> list[date | None] | None:
        ...
    def confirm_replacements(self, questions: list[ReplaceQuestion]) -> list[bool]: ...
    def confirm_csv_import(self, plan: CsvPlan) -> bool: ...
    def choose_suggestions(self,
                           suggestions: list[EventSuggestion]) -> list[EventSuggestion]: ...
    def ask_article_deletion(self, title: str,
                             impact: ArticleImpact) -> ArticleDeletion | None: ...
    def ask_merge_winner(self, records: list[EventRecord], current: int) -> int | None: ...
    def article_metadata(self, article: ArticleRecord) -> ArticleMetadata | None: ...
    def csv_export_options(self, start: EventFilter | None
                           ) -> tuple[CsvOptions, EventFilter] | None: ...
    def tag_change(self, count: int, known: list[str]) -> tuple[str, str] | None: ...
    def tag_colours(self, tags: list[TagInfo],
                    choose: Callable[[str, str], object]) -> None: ...
    def chart_export(self, folder: str, width: int, title: str) -> ChartExportChoice | None: ...
    def team_address(self) -> str | None: ...
    def display_name(self, current: str) -> str | None: ...
    def popup(self, menu: QMenu, global_pos: QPoint) -> None: ...
    def open_files(self, title: str, folder: str, file_filter: str) -> list[Path]: ...
    def open_file(self, title: str, folder: str, file_filter: str) -> Path | None: ...
    def open_folder(self, title: str, folder: str) -> Path | None: ...
    def save_file(self, title: str, suggested: str, file_filter: str) -> Path | None: ...


class QtDialogs:
    """The real dialogs, modal over ``parent``. Each dialog module (and Qt's own dialog
    classes, whose enums PySide creates on import) is imported when first asked, not on the
    way to the window's first paint."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def _tr(self, text: str) -> str:
        return self._parent.tr(text)

    def show_error(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        log.warning("%s: %s", title, message)
        QMessageBox.warning(self._parent, title, message)

    def keep_mine(self, what: str, conflict: EditConflictError, typed: str) -> bool:
        from desktop_app.core.records import EditField
        from desktop_app.gui.conflict_dialog import ask_keep_mine
        from desktop_app.gui.inspector import field_text

        theirs = field_text(conflict.current, EditField(what)) if what in set(EditField) else ""
        return ask_keep_mine(self._parent, str(conflict), what, theirs, typed)

    def ask_publication_date(self, source: str, guess: date,
                             candidates: tuple[tuple[date, str], ...] = ()) -> date | None:
        from desktop_app.gui.publication_dates import PublicationDateDialog

        dialog = PublicationDateDialog(source, guess, self._parent, candidates)
        return dialog.value() if dialog.exec() else None

    def ask_publication_dates(self, questions: list[DateQuestion]) -> list[date | None] | None:
        from desktop_app.gui.publication_dates import PublicationDatesDialog

        dialog = PublicationDatesDialog(questions, self._parent)
        return dialog.answers() if dialog.exec() else None

    def confirm_replacements(self, questions: list[ReplaceQuestion]) -> list[bool]:
        from desktop_app.gui.publication_dates import ReplacementsDialog

        dialog = ReplacementsDialog(questions, self._parent)
        return dialog.answers() if dialog.exec() else [False] * len(questions)

    def confirm_csv_import(self, plan: CsvPlan) -> bool:
        from desktop_app.gui.csv_preview import CsvPreviewDialog

        return bool(CsvPreviewDialog(plan, self._parent).exec())

    def choose_suggestions(self, suggestions: list[EventSuggestion]) -> list[EventSuggestion]:
        from PySide6.QtWidgets import QDialog

        from desktop_app.gui.suggest_dialog import SuggestDialog

        dialog = SuggestDialog(suggestions, self._parent)
        return dialog.accepted_suggestions() if dialog.exec() == QDialog.DialogCode.Accepted \
            else []

    def ask_article_deletion(self, title: str, impact: ArticleImpact) -> ArticleDeletion | None:
        from desktop_app.gui.dialogs import ask_article_deletion

        return ask_article_deletion(self._parent, title, impact)

    def ask_merge_winner(self, records: list[EventRecord], current: int) -> int | None:
        from desktop_app.gui.analysis_dialogs import MergeDialog

        dialog = MergeDialog(records, current, self._parent)
        return dialog.winner() if dialog.exec() else None

    def article_metadata(self, article: ArticleRecord) -> ArticleMetadata | None:
        from desktop_app.gui.dialogs import ArticlePropertiesDialog

        dialog = ArticlePropertiesDialog(article, self._parent)
        return dialog.metadata() if dialog.exec() else None

    def csv_export_options(self, start: EventFilter | None
                           ) -> tuple[CsvOptions, EventFilter] | None:
        from desktop_app.gui.dialogs import CsvOptionsDialog

        dialog = CsvOptionsDialog(self._parent, start)
        return dialog.choices() if dialog.exec() else None

    def tag_change(self, count: int, known: list[str]) -> tuple[str, str] | None:
        from desktop_app.gui.analysis_dialogs import TagEventsDialog

        dialog = TagEventsDialog(count, known, self._parent)
        return dialog.change() if dialog.exec() else None

    def tag_colours(self, tags: list[TagInfo], choose: Callable[[str, str], object]) -> None:
        from desktop_app.gui.analysis_dialogs import TagColoursDialog

        TagColoursDialog(tags, choose, self._parent).exec()

    def chart_export(self, folder: str, width: int, title: str) -> ChartExportChoice | None:
        from desktop_app.gui.analysis_dialogs import ChartExportDialog

        dialog = ChartExportDialog(folder, width, self._parent, title=title)
        if not dialog.exec():
            return None
        path, width, visible_only = dialog.choice()
        return ChartExportChoice(path, width, visible_only, dialog.title())

    def team_address(self) -> str | None:
        from desktop_app.gui.team_dialog import ConnectDialog

        dialog = ConnectDialog(self._parent)
        return dialog.address() if dialog.exec() else None

    def display_name(self, current: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(
            self._parent, self._tr("Your Name"),
            self._tr("The name your changes are shown under (blank: your login):"),
            text=current)
        return name if ok else None

    def popup(self, menu: QMenu, global_pos: QPoint) -> None:
        menu.exec(global_pos)

    def open_files(self, title: str, folder: str, file_filter: str) -> list[Path]:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(self._parent, title, folder, file_filter)
        return [Path(p) for p in paths]

    def open_file(self, title: str, folder: str, file_filter: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self._parent, title, folder, file_filter)
        return Path(path) if path else None

    def open_folder(self, title: str, folder: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path = QFileDialog.getExistingDirectory(self._parent, title, folder)
        return Path(path) if path else None

    def save_file(self, title: str, suggested: str, file_filter: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self._parent, title, suggested, file_filter)
        return Path(path) if path else None
