"""A project this user may only read (a read-only file, a team project's reader login): the
window opens it, lets them read, search, filter and export, disables every action that would
change it, and says why in a banner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QLabel

from desktop_app.gui.actions import Need
from desktop_app.gui.props import made
from desktop_app.gui.theme import LIGHT, Colours

if TYPE_CHECKING:
    from desktop_app.core.project import Project
    from desktop_app.gui.main_window import MainWindow


def editing_actions(window: MainWindow) -> list[QAction]:
    """Every action that changes the project (the actions' own table, and undo/redo)."""
    return [*window.user_actions.needs[Need.CHANGES], window.action_undo, window.action_redo]


def _can(action: QAction, window: MainWindow) -> bool:
    """Whether an editing action has something to do: undo and redo only with a step to
    undo or redo (their stack says so; the others are always ready)."""
    if action is window.action_undo:
        return window.undo_stack.canUndo()
    if action is window.action_redo:
        return window.undo_stack.canRedo()
    return True


def make_banner() -> QLabel:
    banner = made(QLabel(), objectName="readOnlyBanner", wordWrap=True)
    colour_banner(banner, LIGHT)
    banner.hide()
    return banner


def colour_banner(banner: QLabel, colours: Colours) -> None:
    banner.setStyleSheet(f"QLabel {{ background: {colours.banner}; "
                         f"color: {colours.banner_text}; padding: 4px 8px; }}")


def apply_access(window: MainWindow, project: Project) -> None:
    """Enable or disable editing for the project just loaded."""
    read_only = project.read_only
    for action in editing_actions(window):
        action.setEnabled(not read_only and _can(action, window))
    window.timeline_table.setEditTriggers(
        QAbstractItemView.EditTrigger.NoEditTriggers if read_only else
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    window.inspector.set_read_only(read_only)
    window.read_only_banner.setText(window.tr(
        "Read-only: %s. You can read, search, filter and export; changes are disabled.")
        % project.db.read_only_reason if read_only else "")
    window.read_only_banner.setVisible(read_only)
