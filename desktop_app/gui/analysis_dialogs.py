"""Dialogs of the chart and the analysis features: export the chart, merge, tags."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.eventdates import format_event_date
from desktop_app.core.listings import TagInfo
from desktop_app.core.records import EventRecord
from desktop_app.gui.chart.export import MAX_WIDTH
from desktop_app.gui.chart.painter import tag_colour
from desktop_app.gui.commands import short_label
from desktop_app.gui.props import made


class ChartExportDialog(QDialog):
    """Where to save the chart, how wide, and which range."""

    def __init__(self, folder: str, current_width: int, parent: QWidget | None = None,
                 title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Chart"))
        self.title_edit = made(QLineEdit(title), objectName="chartTitle")
        self.title_edit.setPlaceholderText(self.tr("shown above the chart"))
        self.setObjectName("chartExportDialog")
        self.path_edit = made(QLineEdit(str(Path(folder or Path.home()) / "timeline.png")),
                              objectName="chartPath")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.width_spin = made(QSpinBox(), objectName="chartWidth")
        self.width_spin.setRange(200, MAX_WIDTH)
        self.width_spin.setSuffix(" px")
        self.width_spin.setValue(max(current_width, 1600))
        self.range_combo = made(QComboBox(), objectName="chartRange")
        self.range_combo.addItems([self.tr("Visible range"), self.tr("All events")])
        form = QFormLayout()
        form.addRow(self.tr("&File (.png, .svg, .pdf):"), row)
        form.addRow(self.tr("&Width:"), self.width_spin)
        form.addRow(self.tr("&Range:"), self.range_combo)
        form.addRow(self.tr("&Title:"), self.title_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Chart"), self.path_edit.text(),
            "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)")
        if path:
            self.path_edit.setText(path)

    def choice(self) -> tuple[Path, int, bool]:
        """The file, the width in pixels, and whether only the visible range is wanted."""
        path = Path(self.path_edit.text().strip())
        if not path.suffix:
            path = path.with_suffix(".png")
        return path, self.width_spin.value(), self.range_combo.currentIndex() == 0

    def title(self) -> str:
        """The title above the chart."""
        return " ".join(self.title_edit.text().split())


class MergeDialog(QDialog):
    """Merging events whose dates differ: which date wins."""

    def __init__(self, records: list[EventRecord], current: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge %n Events", "", len(records)))
        self.setObjectName("mergeDialog")
        self._records = records
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The events give different dates. Keep the date of:")))
        self.choices = QButtonGroup(self)
        for i, r in enumerate(records):
            button = QRadioButton(f"{format_event_date(r.date)} — {short_label(r.title, 70)}")
            button.setChecked(r.id == current)
            self.choices.addButton(button, i)
            layout.addWidget(button)
        layout.addWidget(QLabel(self.tr("Every source, tag and note is kept.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def winner(self) -> int:
        """The id of the event whose date is kept."""
        return self._records[max(self.choices.checkedId(), 0)].id


class TagEventsDialog(QDialog):
    """Tags to add to, and to remove from, every selected event."""

    def __init__(self, count: int, known: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tag %n Event(s)", "", count))
        self.add_edit = made(QLineEdit(), objectName="tagsToAdd")
        self.remove_edit = made(QLineEdit(), objectName="tagsToRemove")
        for edit in (self.add_edit, self.remove_edit):
            edit.setPlaceholderText(self.tr("comma-separated"))
            completer = QCompleter(known, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            edit.setCompleter(completer)
        form = QFormLayout(self)
        form.addRow(self.tr("&Add tags:"), self.add_edit)
        form.addRow(self.tr("&Remove tags:"), self.remove_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def change(self) -> tuple[str, str]:
        """The tags to add and to remove, as typed."""
        return self.add_edit.text(), self.remove_edit.text()


class TagColoursDialog(QDialog):
    """Every tag with its colour; clicking a colour changes it at once (undoable)."""

    def __init__(self, tags: list[TagInfo], choose: Callable[[str, str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tag Colours"))
        self.setObjectName("tagColoursDialog")
        self._choose = choose
        layout = QVBoxLayout(self)
        if not tags:
            layout.addWidget(QLabel(self.tr("No tags yet: tag events in the inspector or with "
                                            "Edit > Tag Selected Events.")))
        grid = QFormLayout()
        for t in tags:
            button = QPushButton(t.colour or self.tr("automatic"))
            button.setObjectName(f"tagColour:{t.name}")
            colour = tag_colour(t.name, t.colour).name()
            button.setStyleSheet(f"background: {colour}; color: white;")
            button.clicked.connect(lambda _c=False, n=t.name, b=button: self._pick(n, b))
            grid.addRow(f"{t.name} ({t.events})", button)
        layout.addLayout(grid)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def _pick(self, name: str, button: QPushButton) -> None:
        colour = QColorDialog.getColor(parent=self, title=self.tr("Colour of “%s”") % name)
        if colour.isValid():
            self._choose(name, colour.name())
            button.setText(colour.name())
            button.setStyleSheet(f"background: {colour.name()}; color: white;")
