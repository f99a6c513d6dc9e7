"""Article > Suggest events: review proposed events; Enter accepts, Delete rejects."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.eventdates import format_event_date
from desktop_app.core.passages import EventSuggestion
from desktop_app.gui.props import made

SuggestionRole = Qt.ItemDataRole.UserRole + 1


class SuggestDialog(QDialog):
    """Candidates one per line; the accepted ones are created in one undoable step."""

    def __init__(self, suggestions: list[EventSuggestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestDialog")
        self.setWindowTitle(self.tr("Suggested events"))
        self.resize(760, 440)
        help_text = QLabel(self.tr("One suggestion per sentence with a date that is not on the "
                                   "timeline yet; those dated by their own words are ticked. "
                                   "Enter accepts, Delete rejects, Space toggles."),
                           wordWrap=True)
        self.list = made(QListWidget(), objectName="suggestionList")
        self.list.setWordWrap(True)
        for s in suggestions:
            doubt = "" if s.confident else self.tr("  (uncertain: %s)") % s.date.rule
            item = QListWidgetItem(f"{format_event_date(s.date)} — {s.title}{doubt}")
            item.setData(SuggestionRole, s)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.confident  # confident ones ticked
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.installEventFilter(self)
        self.list.itemChanged.connect(lambda _item: self._update_button())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_all = QPushButton(self.tr("Accept &all"))
        self.accept_all.clicked.connect(self._on_accept_all)
        self.create_button = made(QPushButton(), objectName="createSuggested")
        self.create_button.setAutoDefault(False)
        buttons.addButton(self.accept_all, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_button()

    def accepted_suggestions(self) -> list[EventSuggestion]:
        """The candidates the user accepted, in text order."""
        out = [self.list.item(i).data(SuggestionRole) for i in range(self.list.count())
               if self.list.item(i).checkState() == Qt.CheckState.Checked]
        return sorted(out, key=lambda s: s.start)

    def _update_button(self) -> None:
        n = len(self.accepted_suggestions())
        self.create_button.setText(self.tr("&Create %n event(s)", "", n))
        self.create_button.setEnabled(n > 0)

    def _on_accept_all(self) -> None:
        # One count at the end, not one per row: each count reads every row (25,000 rows
        # ticked one by one had counted 25,000 times, minutes of a frozen window).
        self.list.blockSignals(True)
        try:
            for i in range(self.list.count()):
                self.list.item(i).setCheckState(Qt.CheckState.Checked)
        finally:
            self.list.blockSignals(False)
        self._update_button()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.list and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            item = self.list.currentItem()
            if item is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item.setCheckState(Qt.CheckState.Checked)
                self.list.setCurrentRow(min(self.list.row(item) + 1, self.list.count() - 1))
                return True
            if item is not None and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.list.takeItem(self.list.row(item))
                self._update_button()
                return True
        return super().eventFilter(watched, event)
