"""The filter bar over the timeline (Ctrl+F): text, tags, articles, date range, conflicting
dates; saved by name. It only builds an EventFilter; the window applies it to the table, the
chart and the exports."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import TimelineError
from desktop_app.core.filters import EventFilter, parse_filter
from desktop_app.core.tags import parse_tags
from desktop_app.gui.props import made
from desktop_app.gui.theme import LIGHT


class FilterBar(QWidget):
    """Emits filterChanged(EventFilter) as the user types (after a short pause)."""

    filterChanged = Signal(object)
    saveRequested = Signal(str)
    loadRequested = Signal(str)
    deleteRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = LIGHT  # the window's theme (a warning's colour)
        self.setObjectName("filterBar")
        self.text = made(QLineEdit(), objectName="filterText")
        self.text.setPlaceholderText(self.tr("Filter: words in titles, notes, quotes"))
        self.text.setClearButtonEnabled(True)
        self.tags = made(QLineEdit(), objectName="filterTags")
        self.tags.setPlaceholderText(self.tr("tags"))
        self.tags.setMinimumWidth(60)
        self.article = made(QToolButton(), objectName="filterArticles")
        self.article.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.article.setToolTip(self.tr("Only events quoting these articles"))
        self.article.setMenu(QMenu(self.article))
        self._article_actions: dict[int, QAction] = {}
        self.date_from = made(QLineEdit(), objectName="filterFrom")
        self.date_from.setPlaceholderText(self.tr("from"))
        self.date_to = made(QLineEdit(), objectName="filterTo")
        self.date_to.setPlaceholderText(self.tr("to"))
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(100)
            edit.setToolTip(self.tr("2021, 2021-07 or 2021-07-05"))
        self.conflicts = made(QCheckBox(self.tr("Conflicting dates")), objectName="filterConflicts")
        self.changed_by = made(QComboBox(), objectName="filterChangedBy")
        self.changed_by.setToolTip(self.tr("Only events made or last changed by this person"))
        self.saved = made(QComboBox(), objectName="savedFilters")
        self.saved.setToolTip(self.tr("Saved filters"))
        self.saved.setMinimumContentsLength(10)
        self.saved.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        style = self.style()
        save = made(QToolButton(), text=self.tr("Save…"), objectName="saveFilter")
        save.setToolTip(self.tr("Save this filter by name"))
        delete = made(QToolButton(), objectName="deleteFilter")
        delete.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        delete.setToolTip(self.tr("Delete the chosen saved filter"))
        close = made(QToolButton(), objectName="closeFilter")
        close.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton))
        close.setToolTip(self.tr("Clear the filter and hide the bar (Esc)"))
        self.status = made(QLabel(), objectName="filterStatus")
        self.error = ""
        # Two rows, so the bar fits beside the reader on a laptop screen.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(4, 2, 4, 2)
        rows.setSpacing(2)
        first, second = QHBoxLayout(), QHBoxLayout()
        top: tuple[QWidget, ...] = (self.text, self.tags, self.article, close)
        for w in top:
            first.addWidget(w)
        first.setStretch(0, 3)
        first.setStretch(1, 1)
        first.setStretch(2, 1)
        left: tuple[QWidget, ...] = (QLabel(self.tr("Dates:")), self.date_from, self.date_to,
                                     self.conflicts, self.changed_by, self.status)
        for w in left:
            second.addWidget(w)
        second.addStretch(1)
        right: tuple[QWidget, ...] = (self.saved, save, delete)
        for w in right:
            second.addWidget(w)
        rows.addLayout(first)
        rows.addLayout(second)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self._emit)
        for edit in (self.text, self.tags, self.date_from, self.date_to):
            edit.textChanged.connect(lambda _t: self._timer.start())
            edit.returnPressed.connect(self._emit)
        self.conflicts.toggled.connect(lambda _c: self._emit())
        self.changed_by.activated.connect(lambda _i: self._emit())
        self.saved.activated.connect(self._on_saved_chosen)
        save.clicked.connect(self._on_save)
        delete.clicked.connect(self._on_delete)
        close.clicked.connect(self.close_bar)

    def _on_delete(self) -> None:
        if self.saved.currentIndex() > 0:  # the first entry is the "saved filters" prompt
            self.deleteRequested.emit(self.saved.currentText())
        self.set_articles([])
        self.set_saved([])
        self.set_people([])

    # -- choices from the window ----------------------------------------------------------
    def set_people(self, names: list[str]) -> None:
        """Who has made or changed events (the chosen one stays chosen); hidden when only one
        person works on the project."""
        chosen = self.changed_by.currentData() or ""
        self.changed_by.clear()
        self.changed_by.addItem(self.tr("Anyone"), "")
        for name in names:
            self.changed_by.addItem(self.tr("Changed by %s") % name, name)
        self.changed_by.setCurrentIndex(max(self.changed_by.findData(chosen), 0))
        self.changed_by.setVisible(len(names) > 1 or bool(chosen))

    def set_articles(self, articles: list[tuple[int, str]]) -> None:
        """The articles to choose from (id, title); those chosen stay chosen."""
        chosen = self.chosen_articles()
        menu = self.article.menu()
        menu.clear()
        self._article_actions = {}
        for article_id, title in articles:
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(article_id in chosen)
            action.toggled.connect(lambda _on: self._articles_changed())
            self._article_actions[article_id] = action
        if articles:
            menu.addSeparator()
            menu.addAction(self.tr("All articles"), self._clear_articles)
        self._label_articles()

    def chosen_articles(self) -> tuple[int, ...]:
        """Ids of the articles ticked (none: every article)."""
        return tuple(i for i, a in self._article_actions.items() if a.isChecked())

    def choose_articles(self, ids: tuple[int, ...]) -> None:
        """Tick exactly these articles."""
        self._tick_articles(ids)
        self._articles_changed()

    def _tick_articles(self, ids: tuple[int, ...]) -> None:
        """Tick exactly these articles without each tick filtering again."""
        for article_id, action in self._article_actions.items():
            action.blockSignals(True)
            action.setChecked(article_id in ids)
            action.blockSignals(False)

    def _clear_articles(self) -> None:
        self.choose_articles(())

    def _articles_changed(self) -> None:
        self._label_articles()
        self._emit()

    def _label_articles(self) -> None:
        n = len(self.chosen_articles())
        self.article.setText(self.tr("All articles") if n == 0 else
                             self.tr("%n article(s)", "", n))

    def set_tags(self, names: list[str]) -> None:
        """Tag names to complete."""
        completer = QCompleter(names, self.tags)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)

    def set_saved(self, names: list[str]) -> None:
        """Saved filter names."""
        self.saved.blockSignals(True)
        self.saved.clear()
        self.saved.addItem(self.tr("Saved filters…"))
        self.saved.addItems(names)
        self.saved.blockSignals(False)

    # -- the filter -----------------------------------------------------------------------
    def current(self) -> EventFilter:
        """The filter the fields describe (dates that do not parse are left out and shown)."""
        specs = []
        for key, edit in (("from", self.date_from), ("to", self.date_to)):
            if edit.text().strip():
                specs.append(f"{key}={edit.text().strip()}")
        self.error = ""
        try:
            dates = parse_filter(specs)
        except TimelineError as exc:
            self.error = str(exc)
            dates = EventFilter()
        return EventFilter(self.text.text().strip(), parse_tags(self.tags.text()),
                           self.chosen_articles(), dates.date_from,
                           dates.date_to, self.conflicts.isChecked(),
                           self.changed_by.currentData() or "")

    def show_filter(self, f: EventFilter) -> None:
        """Fill the fields from a filter (a saved one)."""
        for w in (self.text, self.tags, self.date_from, self.date_to, self.conflicts):
            w.blockSignals(True)
        self.text.setText(f.text)
        self.tags.setText(", ".join(f.tags))
        self.date_from.setText(f.date_from.isoformat() if f.date_from else "")
        self.date_to.setText(f.date_to.isoformat() if f.date_to else "")
        self._tick_articles(f.article_ids)
        self._label_articles()
        self.conflicts.setChecked(f.conflicts_only)
        if f.changed_by and self.changed_by.findData(f.changed_by) < 0:
            self.changed_by.addItem(self.tr("Changed by %s") % f.changed_by, f.changed_by)
        self.changed_by.setCurrentIndex(max(self.changed_by.findData(f.changed_by), 0))
        for w in (self.text, self.tags, self.date_from, self.date_to, self.conflicts):
            w.blockSignals(False)
        self._emit()

    def show_counts(self, shown: int, total: int) -> None:
        """Say how many events the filter keeps (or what is wrong with it)."""
        if self.error:
            self.status.setText(f"⚠ {self.error}")
            self.status.setStyleSheet(f"color: {self.colours.conflict};")
        else:
            self.status.setText(self.tr("%1 of %2").replace("%1", f"{shown:,}")
                                .replace("%2", f"{total:,}"))
            self.status.setStyleSheet("")

    def open_bar(self) -> None:
        """Show the bar and put the cursor in the text field."""
        self.show()
        self.text.setFocus()
        self.text.selectAll()

    def close_bar(self) -> None:
        """Clear every field and hide the bar."""
        self.show_filter(EventFilter())
        self.hide()

    def _emit(self) -> None:
        self._timer.stop()
        self.filterChanged.emit(self.current())

    def _on_save(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save Filter"), self.tr("Name:"))
        if ok and name.strip():
            self.saveRequested.emit(name.strip())

    def _on_saved_chosen(self, index: int) -> None:
        if index > 0:
            self.loadRequested.emit(self.saved.itemText(index))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
