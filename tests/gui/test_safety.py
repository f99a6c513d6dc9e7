"""Backups from the GUI, rolling backups on open, and unexpected errors reported not fatal."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from desktop_app.gui.error_dialog import ExceptionReporter
from desktop_app.gui.settings import backup_folder


def test_file_back_up_project_writes_a_consistent_copy(window, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "copy.tldb"
    assert window.files.backup_project(target)
    con = sqlite3.connect(target)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 4
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert not window.files.backup_project(tmp_path / "missing" / "copy.tldb")
    assert "missing does not exist" in window.dialogs.errors[-1][1]
    assert not window.files.backup_project(window.project.path)  # never over the open project
    assert "open project" in window.dialogs.errors[-1][1]
    assert window.project.events.count() == 4


def test_opening_a_project_keeps_a_rolling_backup(window) -> None:  # noqa: ANN001
    copies = list(backup_folder(window.project.path).glob("*.tldb"))
    assert len(copies) == 1  # made when the window opened the project


def test_unexpected_errors_are_logged_and_reported(tmp_path: Path, caplog) -> None:  # noqa: ANN001
    shown = []
    reporter = ExceptionReporter(lambda: None, tmp_path / "app.log",
                                 show=lambda title, text: shown.append((title, text)))
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR):
            reporter(type(exc), exc, exc.__traceback__)
    assert reporter.reported == 1
    assert "RuntimeError: boom in a slot" in shown[0][1] and "app.log" in shown[0][1]
    assert "Traceback" in caplog.text and "boom in a slot" in caplog.text


def test_an_error_the_composition_root_can_explain_is_reported_in_its_words(
        tmp_path: Path, caplog) -> None:  # noqa: ANN001
    shown = []
    reporter = ExceptionReporter(
        lambda: None, tmp_path / "app.log", show=lambda title, text: shown.append((title, text)),
        diagnose=lambda exc: "p.tldb: a stored value is damaged: x" if isinstance(
            exc, ValueError) else None)
    for error in (ValueError("'oracle' is not a valid DateSource"), RuntimeError("a bug")):
        try:
            raise error
        except (ValueError, RuntimeError) as exc:
            with caplog.at_level(logging.ERROR):
                reporter(type(exc), exc, exc.__traceback__)
    assert shown[0] == ("Damaged project", "p.tldb: a stored value is damaged: x")
    assert shown[1][0] == "Unexpected error" and "RuntimeError: a bug" in shown[1][1]
    assert "'oracle' is not a valid DateSource" in caplog.text  # the traceback is logged


def test_no_shortcut_is_ambiguous_and_ctrl_q_quits(window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QKeySequence

    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            text = seq.toString(QKeySequence.SequenceFormat.PortableText)
            if text:
                owners.setdefault(text, []).append(action.objectName() or action.text())
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes, clashes
    assert "Ctrl+Q" in owners
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_the_first_window_fits_a_small_laptop_screen(window) -> None:  # noqa: ANN001
    from PySide6.QtCore import QSize

    from desktop_app.gui.main_window import first_size

    laptop = first_size(QSize(1366, 768 - 32))  # minus a desktop panel
    assert laptop.width() <= 1366 - 40 and laptop.height() <= 768 - 32 - 60
    assert first_size(QSize(2560, 1400)) == QSize(1400, 820)
    window.resize(laptop)  # everything still has room at that size
    assert window.minimumSizeHint().width() <= laptop.width()
    assert window.minimumSizeHint().height() <= laptop.height()


def test_help_lists_every_shortcut_from_the_actions_themselves(window) -> None:  # noqa: ANN001
    rows = dict(window.shortcuts_dialog().rows())
    assert rows["Edit › Create Event from Selection"] == "Ctrl+E"
    assert rows["Edit › Redo"] == "Ctrl+Shift+Z, Ctrl+Y"
    assert rows["File › Quit"] == "Ctrl+Q"
    assert "Help › Keyboard Shortcuts" in rows
    assert len(rows) >= 20


def test_the_export_menu_is_built_from_the_one_list_of_formats(window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMenu

    from desktop_app.core.exporters.formats import EXPORT_FORMATS

    menu = window.menuBar().findChild(QMenu, "menuExportAs")
    assert [a.text() for a in menu.actions()] == [f.menu for f in EXPORT_FORMATS if f.menu]
    assert list(window.user_actions.export_formats) == [f.key for f in EXPORT_FORMATS if f.menu]


def test_counts_read_as_english(window) -> None:  # noqa: ANN001
    """"4 events · 1 article", never "4 event(s)"; Qt's %n forms, English given by the app."""
    assert window.count_label.text() == "4 events · 1 article"
    assert window.tr("%n event(s) quote it", "", 1) == "1 event quotes it"
    assert window.tr("Tag %n Event(s)", "", 2) == "Tag 2 Events"
    assert window.tr("&File") == "&File"  # every other text untouched


def test_f1_opens_the_quick_guide_beside_the_window(window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QTextBrowser

    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(QDialog, "guideDialog")
    assert guide is not None and guide.isVisible() and not guide.isModal()
    text = guide.findChild(QTextBrowser, "guideText").toPlainText()
    assert "Ctrl+E" in text and "F8" in text and "Keyboard Shortcuts" in text
    guide.close()
    window.user_actions.quick_guide.trigger()  # again: the same window, brought forward
    assert window.findChildren(QDialog, "guideDialog") == [guide] and guide.isVisible()


def test_every_menu_shortcut_reaches_its_action(window, qtbot) -> None:  # noqa: ANN001
    """Each menu item's shortcut, pressed in the window, is delivered to that action (its
    signals are blocked, so nothing runs: no dialogs, no quitting)."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    reached: list[str] = []

    class Spy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Shortcut:
                # An ambiguous key reaches every owner and runs none of them.
                reached.append(watched.objectName() + (" (ambiguous)"
                                                        if event.isAmbiguous() else ""))
                return True  # taken here: the action does not run
            return False

    spy = Spy()
    actions = {a.objectName(): a for menu in window.menuBar().findChildren(QMenu)
               for a in menu.actions() if isinstance(a, QAction) and a.shortcuts()}
    assert len(actions) >= 20, sorted(actions)
    for action in actions.values():
        action.setEnabled(True)
        action.installEventFilter(spy)
    with qtbot.waitActive(window):
        window.activateWindow()
    missed = []
    for name, action in actions.items():
        for seq in action.shortcuts():
            combo = seq[0]
            reached.clear()
            window.timeline_table.setFocus()
            qtbot.keyClick(window.timeline_table, combo.key(), combo.keyboardModifiers())
            if reached != [name]:
                missed.append((name, seq.toString(), list(reached)))
    assert missed == []
    # A key taken by a widget of the window before the menu could have it fails the test.
    from PySide6.QtGui import QKeySequence, QShortcut

    thief = QShortcut(QKeySequence("Ctrl+E"), window.timeline_table)
    thief.setContext(Qt.ShortcutContext.WidgetShortcut)
    reached.clear()
    window.timeline_table.setFocus()
    qtbot.keyClick(window.timeline_table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert reached != ["actionCreateEvent"]


def test_toolbar_labels_are_short_and_tooltips_whole(window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QToolBar, QToolButton

    toolbar = window.findChild(QToolBar, "mainToolBar")
    buttons = {b.defaultAction().objectName(): b for b in toolbar.findChildren(QToolButton)
               if b.defaultAction() is not None}
    create = buttons["actionCreateEvent"]
    assert create.text() == "Create Event"
    assert create.toolTip().startswith("Create Event from Selection (Ctrl+E)")
    assert buttons["actionExportCsv"].text() == "Export CSV"
    assert all(len(b.text()) <= 12 for b in buttons.values()), [b.text() for b in
                                                                 buttons.values()]
    menu_texts = [a.text() for a in window.menuBar().actions()[1].menu().actions()]
    assert "&Create Event from Selection" in menu_texts  # the menu keeps the whole name



def _fill_the_disk(project) -> None:  # noqa: ANN001
    """From now on the disk this project is on is full: SQLite may not grow the file past
    its present size (as on a full disk, it answers SQLITE_FULL), and the room left inside
    it is taken first."""
    from sqlalchemy import event

    path = project.path
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]
    event.listen(project.db.engine, "connect",
                 lambda con, _record: con.execute(f"PRAGMA max_page_count = {pages}"))
    project.db.engine.dispose()  # the pooled connections: new ones get the limit
    filler = sqlite3.connect(path, isolation_level=None)
    filler.execute(f"PRAGMA max_page_count = {pages}")
    size = 4000
    while size:
        try:
            filler.execute("INSERT INTO change_log (client, payload, created_at, author) "
                           "VALUES ('filler', ?, '2021-01-01 00:00:00', '')", ("x" * size,))
        except sqlite3.OperationalError:
            size //= 2
    filler.close()


def test_a_full_disk_is_said_in_words_and_nothing_changes(window, qtbot) -> None:  # noqa: ANN001
    """Ctrl+E when the disk is full: one message naming the project and the cause, and the
    table and the file as they were (it was an internal error)."""
    from PySide6.QtCore import Qt

    from tests.gui.test_core_loop import select_text

    project = window.project
    _fill_the_disk(project)
    before = [window.timeline_model.record(r).id for r in range(window.timeline_model.rowCount())]
    select_text(window, "On Tuesday")
    qtbot.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(window.dialogs.errors) == 1
    title, message = window.dialogs.errors[0]
    assert title == "Cannot create event"
    assert message.startswith(f"{project.path}: the disk is full, so this change was not saved")
    assert [window.timeline_model.record(r).id
            for r in range(window.timeline_model.rowCount())] == before
    assert [e.id for e in project.events.list()] == sorted(before)
    assert sqlite3.connect(project.path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
