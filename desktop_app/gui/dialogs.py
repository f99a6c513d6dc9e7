"""Small dialogs: article properties, CSV options, deleting an article, About, the keyboard
shortcuts."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.article_records import ArticleImpact, ArticleRecord
from desktop_app.core.edits import ArticleMetadata
from desktop_app.core.locations import ProjectLocation
from desktop_app.core.records import DateSource
from desktop_app.gui.asking import ArticleDeletion
from desktop_app.gui.props import made

if TYPE_CHECKING:
    from desktop_app.core.exporters.csv_export import CsvOptions
    from desktop_app.core.filters import EventFilter


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    return edit


def _locale_day(d: date) -> str:
    """A day as the user's locale writes it (short format)."""
    from PySide6.QtCore import QLocale

    return QLocale().toString(QDate(d.year, d.month, d.day), QLocale.FormatType.ShortFormat)


def _ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _to_date(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


class ArticlePropertiesDialog(QDialog):
    """Edit title, outlet, URL, author and publication date."""

    def __init__(self, article: ArticleRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articlePropertiesDialog")
        self.setWindowTitle(self.tr("Article Properties"))
        self.resize(520, 0)
        self.title_edit = made(QLineEdit(article.title), objectName="propTitle")
        self.outlet_edit = made(QLineEdit(article.outlet), objectName="propOutlet")
        self.url_edit = made(QLineEdit(article.url), objectName="propUrl")
        self.author_edit = made(QLineEdit(article.author), objectName="propAuthor")
        self.date_edit = _date_edit(article.published or date.today())
        self.date_edit.setObjectName("propPublished")
        self.known = made(QCheckBox(self.tr("Publication date known")), objectName="propDateKnown")
        self.known.setChecked(article.published is not None)
        self.date_edit.setEnabled(article.published is not None)
        self.known.toggled.connect(self.date_edit.setEnabled)
        source = {DateSource.METADATA: "from the file's metadata",
                  DateSource.DATELINE: "printed with the article (a dateline, or the day "
                                       "beside the headline)",
                  DateSource.USER: "entered by you",
                  DateSource.SUGGESTED: "suggested by the importer, not confirmed"}.get(
                      article.published_source,
                                                         "unknown source")
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Outlet:"), self.outlet_edit)
        form.addRow(self.tr("&URL:"), self.url_edit)
        form.addRow(self.tr("&Author:"), self.author_edit)
        form.addRow(self.tr("&Published:"), self.date_edit)
        form.addRow("", self.known)
        # Under the form, not in it: a form row does not grow for a wrapped line, and cut it.
        note = made(QLabel(self.tr("Date source: %s. Changing it re-dates the events whose "
                                   "dates were derived from it (not those you dated by "
                                   "hand).") % source), wordWrap=True, objectName="propNote")
        buttons = _ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def metadata(self) -> ArticleMetadata:
        """The edited values."""
        return ArticleMetadata(self.title_edit.text().strip(), self.outlet_edit.text().strip(),
                               self.url_edit.text().strip(), self.author_edit.text().strip(),
                               _to_date(self.date_edit) if self.known.isChecked() else None)


class CsvOptionsDialog(QDialog):
    """Export Timeline as CSV: which events, delimiter, BOM, date style, formula guard."""

    def __init__(self, parent: QWidget | None = None,
                 start_filter: EventFilter | None = None) -> None:
        super().__init__(parent)
        from desktop_app.core.filters import EventFilter

        self._filter = start_filter or EventFilter()  # the filter bar's, when it is open
        self.setObjectName("csvOptionsDialog")
        self.setWindowTitle(self.tr("Export Timeline as CSV"))
        self.text = made(QLineEdit(), objectName="csvFilterText",
                         placeholderText=self.tr("words in title, notes or quotes"))
        self.tags = made(QLineEdit(), objectName="csvFilterTags",
                         placeholderText=self.tr("any of these"))
        self.text.setText(self._filter.text)
        self.tags.setText(", ".join(self._filter.tags))
        self.delimiter = made(QComboBox(), objectName="csvDelimiter")
        for label, value in ((self.tr("Comma"), ","), (self.tr("Semicolon"), ";"),
                             (self.tr("Tab"), "\t")):
            self.delimiter.addItem(label, value)
        self.date_style = made(QComboBox(), objectName="csvDateStyle")
        self.date_style.addItem(self.tr("ISO 8601 (2021-07-05, 2021-07)"), "iso")
        self.date_style.addItem(self.tr("As shown (Mon 5 Jul 2021)"), "display")
        self.date_style.addItem(self.tr("Your locale (%s)") % _locale_day(date(2021, 7, 5)),
                                "locale")
        from desktop_app.core.exporters.csv_export import SourceLayout

        self.sources = made(QComboBox(), objectName="csvSources")
        self.sources.addItem(self.tr("All, one per line in each cell"), SourceLayout.ALL_IN_CELLS)
        self.sources.addItem(self.tr("One row per source"), SourceLayout.ROW_PER_SOURCE)
        self.sources.addItem(self.tr("The first only"), SourceLayout.FIRST_ONLY)
        self.bom = made(QCheckBox(self.tr("Byte-order mark (Excel reads UTF-8 correctly)")),
                        objectName="csvBom", checked=True)
        self.guard = made(QCheckBox(self.tr("Protect against spreadsheet formulas")),
                          objectName="csvGuard", checked=True)
        self.attribution = made(
            QCheckBox(self.tr("Who made and last changed each event, and when")),
            objectName="csvAttribution")
        form = QFormLayout()
        form.addRow(self.tr("Only events with:"), self.text)
        form.addRow(self.tr("Tags:"), self.tags)
        form.addRow(self.tr("&Delimiter:"), self.delimiter)
        form.addRow(self.tr("Dates:"), self.date_style)
        form.addRow(self.tr("&Sources:"), self.sources)
        form.addRow("", self.bom)
        form.addRow("", self.guard)
        form.addRow("", self.attribution)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_ok_cancel(self))

    def choices(self) -> tuple[CsvOptions, EventFilter]:
        """The options and the filter chosen."""
        from dataclasses import replace

        from desktop_app.core.exporters.csv_export import CsvOptions
        from desktop_app.core.tags import parse_tags

        return (CsvOptions(self.delimiter.currentData(), self.bom.isChecked(),
                           self.date_style.currentData(), self.guard.isChecked(), _locale_day,
                           self.sources.currentData(), self.attribution.isChecked()),
                replace(self._filter, text=self.text.text().strip(),
                        tags=parse_tags(self.tags.text())))


def show_about(parent: QWidget, project: ProjectLocation | None) -> None:
    """Help > About: versions of the app and what it runs on."""
    import html
    import sqlite3
    import sys

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QMessageBox

    from desktop_app import APP_NAME, __version__
    from desktop_app.core.database import SCHEMA_HEAD
    from desktop_app.core.importers import SUPPORTED_SUFFIXES

    QMessageBox.about(parent, parent.tr("About %s") % APP_NAME, (
        f"<b>{APP_NAME}</b> {__version__}<br>Read articles, select passages, build a dated,"
        f" source-anchored timeline.<br><br>Qt {qVersion()} · PySide6 {pyside_version} · "
        f"SQLite {sqlite3.sqlite_version} · Python {sys.version.split()[0]}<br>"
        f"Project: {html.escape(str(project or '(none)'))} (schema {SCHEMA_HEAD})<br>"
        f"Imports: {', '.join(SUPPORTED_SUFFIXES)}"))


class ShortcutsDialog(QDialog):
    """Every action that has a shortcut, under the menu that holds it."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.tree = made(QTreeWidget(), objectName="shortcutsTree")
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        for menu_action in menu_bar.actions():
            menu = menu_action.menu()
            if not isinstance(menu, QMenu):
                continue
            for action in _actions_in(menu):
                keys = [k.toString(QKeySequence.SequenceFormat.NativeText)
                        for k in action.shortcuts() if not _media_key(k)]
                if keys:
                    QTreeWidgetItem(self.tree, [
                        f"{menu_action.text().replace('&', '')} › "
                        f"{action.text().replace('&', '')}", ", ".join(keys)])
        self.tree.resizeColumnToContents(0)
        self.resize(min(760, self.tree.columnWidth(0) + 260), 520)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        """What the dialog lists (for tests)."""
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [(item.text(0), item.text(1)) for item in items if item is not None]


def _media_key(sequence: QKeySequence) -> bool:
    """A platform's extra binding to a multimedia-keyboard key ('New', 'Exit', 'Find'): real
    but not worth listing among the keys people press."""
    from PySide6.QtCore import Qt

    if sequence.count() == 0:
        return False
    first = sequence[0]  # type: ignore[index]  # PySide6's stubs lack QKeySequence[i]
    return bool(first.key().value >= Qt.Key.Key_Back.value)


def _actions_in(menu: QMenu) -> list[QAction]:
    """A menu's actions, those of its submenus included."""
    out: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        out += _actions_in(sub) if isinstance(sub, QMenu) else [action]
    return out


def ask_article_deletion(parent: QWidget, title: str,
                         impact: ArticleImpact) -> ArticleDeletion | None:
    """Delete an article: keep its events that have other sources, delete them all, or not."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.tr("Delete Article"),
                      parent.tr("Delete “%s”?") % title, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # titles are data, never markup
    quoting = impact.only_here + impact.with_other_sources
    box.setInformativeText(
        parent.tr("%n event(s) quote it", "", quoting)
        + (parent.tr("; %n of them also have other sources.", "", impact.with_other_sources)
           if impact.with_other_sources else ".")
        + " " + parent.tr("You can undo this with Ctrl+Z."))
    keep = box.addButton(parent.tr("Delete Article, &Keep Events with Other Sources"),
                         QMessageBox.ButtonRole.AcceptRole) \
        if impact.with_other_sources else None
    delete = box.addButton(parent.tr("Delete Article and &Its %n Event(s)", "", quoting)
                           if quoting else parent.tr("&Delete Article"),
                           QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if keep is not None and clicked is keep:
        return ArticleDeletion.KEEP_SHARED
    return ArticleDeletion.DELETE_ALL if clicked is delete else None


def show_guide(parent: QWidget) -> QDialog:
    """The quick guide in a window of its own (shown once; F1 again brings it forward)."""
    from PySide6.QtWidgets import QTextBrowser

    from desktop_app.core.resources import resource_path

    dialog = parent.findChild(QDialog, "guideDialog")
    if dialog is None:
        dialog = made(QDialog(parent), objectName="guideDialog")
        dialog.setWindowTitle(parent.tr("Quick Guide"))
        browser = made(QTextBrowser(), objectName="guideText")
        browser.setHtml(resource_path("guide.html").read_text(encoding="utf-8"))
        browser.setOpenLinks(False)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.close)
        layout.addWidget(buttons)
        dialog.resize(560, 640)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
