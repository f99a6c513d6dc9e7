"""GUI fixtures: the real main window on a temporary project, with isolated settings."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def settings(tmp_path: Path, qapp):  # noqa: ANN001, ANN201
    from PySide6.QtCore import QSettings, QStandardPaths

    from desktop_app.gui.settings import Settings

    QStandardPaths.setTestModeEnabled(True)
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(tmp_path: Path, qtbot, settings):  # noqa: ANN001, ANN201
    """Build the real main window; its questions are answered by the test (tests/answers.py):
    errors and edit conflicts are recorded (keep mine), anything else unexpected fails."""
    from desktop_app.app import build_main_window
    from tests.answers import Answers

    def make(name: str = "gui.tldb", demo: bool = True, db: str | None = None):  # noqa: ANN202
        """``db``: a team project's address instead of a file in tmp_path."""
        window = build_main_window(db or tmp_path / name, settings, seed_demo_if_new=demo,
                                   dialogs=Answers())
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    return make


@pytest.fixture
def window(make_window):  # noqa: ANN001, ANN201
    return make_window()
