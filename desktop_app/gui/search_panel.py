"""Search across all articles (Ctrl+Shift+F): a query, the passages found, Enter opens one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.core.listings import SearchHit
from desktop_app.gui.props import made


class ResultList(QListWidget):
    """Enter opens the current result (itemActivated also fires on double-click)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.itemActivated.emit(self.currentItem())
        else:
            super().keyPressEvent(event)


class SearchPanel(QWidget):
    """Emits searchRequested(query); shows hits; emits passageChosen(hit)."""

    searchRequested = Signal(str)
    passageChosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.query = made(QLineEdit(), objectName="searchQuery")
        self.query.setPlaceholderText(self.tr('Search all articles: words, "a phrase"'))
        self.query.setClearButtonEnabled(True)
        self.results = made(ResultList(), objectName="searchResults")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.summary = made(QLabel(), objectName="searchSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.query.returnPressed.connect(lambda: self.searchRequested.emit(self.query.text()))
        self.results.itemActivated.connect(
            lambda item: self.passageChosen.emit(item.data(Qt.ItemDataRole.UserRole)))

    def show_hits(self, hits: list[SearchHit]) -> None:
        """List the passages found; the first is current, so Down/Enter reach it at once."""
        self.results.clear()
        for h in hits:
            item = QListWidgetItem(f"{h.article_title}\n{h.snippet}")
            item.setData(Qt.ItemDataRole.UserRole, h)
            item.setToolTip(h.snippet)
            self.results.addItem(item)
        articles = len({h.article_id for h in hits})
        self.summary.setText(self.tr("No passage found") if not hits else
                             self.tr("%n passage(s)", "", len(hits)) + " "
                             + self.tr("in %n article(s)", "", articles))
        if hits:
            self.results.setCurrentRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down and self.query.hasFocus() and self.results.count():
            self.results.setFocus()
        else:
            super().keyPressEvent(event)
