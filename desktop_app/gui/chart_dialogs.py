"""Dialogs of the chart and the analysis features: export the chart, pick the winning date."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.chart.export import MAX_WIDTH


class ChartExportDialog(QDialog):
    """Where to save the chart, how wide, and which range."""

    def __init__(self, folder: str, current_width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Chart"))
        self.setObjectName("chartExportDialog")
        self.path_edit = QLineEdit(str(Path(folder or Path.home()) / "timeline.png"),
                                   objectName="chartPath")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.width_spin = QSpinBox(objectName="chartWidth")
        self.width_spin.setRange(200, MAX_WIDTH)
        self.width_spin.setSuffix(" px")
        self.width_spin.setValue(max(current_width, 1600))
        self.range_combo = QComboBox(objectName="chartRange")
        self.range_combo.addItems([self.tr("Visible range"), self.tr("All events")])
        form = QFormLayout()
        form.addRow(self.tr("&File (.png, .svg, .pdf):"), row)
        form.addRow(self.tr("&Width:"), self.width_spin)
        form.addRow(self.tr("&Range:"), self.range_combo)
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
