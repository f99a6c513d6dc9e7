"""The core loop through the real window: select, Ctrl+E, edit, delete, undo, redo, export."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QToolBar, QToolTip

from desktop_app.core.edits import ArticleDraft
from desktop_app.gui.timeline_model import ARTICLE, DATE, TAGS, TITLE
from tests.conftest import SAMPLE_PASSAGES, SAMPLE_PUBLISHED, content


def select_text(window, passage: str) -> None:  # noqa: ANN001
    """Select a passage in the reader with a real QTextCursor."""
    reader = window.reader
    start = reader.toPlainText().index(passage)
    cursor = reader.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(passage), QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    reader.setFocus()


def press(qtbot, widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    qtbot.keyClick(widget, key, modifiers)


def table_dates(window) -> list[str]:  # noqa: ANN001
    m = window.timeline_model
    return [m.index(r, DATE).data() for r in range(m.rowCount())]


def test_first_launch_shows_the_demo_with_four_dated_events(window) -> None:  # noqa: ANN001
    assert window.objectName() == "MainWindow"
    assert table_dates(window) == ["Mon 5 Jul 2021", "Tue 6 Jul 2021", "Wed 7 Jul 2021",
                                   "Thu 8 Jul 2021"]
    assert window.article_model.rowCount() == 1
    assert "Taliban" in window.reader.toPlainText()
    assert window.reader.quote_count() == 4  # every quote highlighted
    first_quote = window.timeline_model.record(0).quotes[0]
    event_line, date_line = window.reader.label_at(first_quote.start + 3).split("\n")
    assert event_line == "Mon 5 Jul 2021: " + window.timeline_model.record(0).title
    assert date_line == ("“Monday” = 2021-07-05: latest Monday on or before the publication "
                         "date, Fri 9 Jul 2021")
    assert window.reader.expression_count() >= 5  # every date in the article is underlined
    assert window.inspector.explanation.text().startswith("'On Monday' -> Mon 5 Jul 2021")
    for name in ("articleList", "articleView", "timelineTable", "eventInspector"):
        assert window.findChild(object, name) is not None, name


def test_models_pass_the_qt_model_tester(window) -> None:  # noqa: ANN001
    QAbstractItemModelTester(window.timeline_model,
                             QAbstractItemModelTester.FailureReportingMode.Fatal)
    QAbstractItemModelTester(window.article_model,
                             QAbstractItemModelTester.FailureReportingMode.Fatal)
    window.timeline_model.reset(window.project.events.list())


def test_reference_article_with_ctrl_e(make_window, qtbot, sample_text) -> None:  # noqa: ANN001
    window = make_window(demo=False)
    article = window.project.articles.add(ArticleDraft(title="Reference", text=sample_text,
                                                       published=SAMPLE_PUBLISHED))
    window.selection.refresh_articles()
    window.selection.select_article(article.id)
    for passage, _expected in SAMPLE_PASSAGES:
        select_text(window, passage)
        press(qtbot, window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert table_dates(window) == ["Mon 5 Jul 2021", "Tue 6 Jul 2021", "Wed 7 Jul 2021",
                                   "Thu 8 Jul 2021"]
    stored = {e.quotes[0].exact: e.date.start for e in window.project.events.list()}
    assert stored == {p: d for p, d in SAMPLE_PASSAGES}
    # The last one created is selected and explained in the inspector.
    assert window.selection.current_event().date.start == date(2021, 7, 8)
    assert window.inspector.explanation.text() == (
        "'on Thursday' -> Thu 8 Jul 2021: latest Thursday on or before the publication date, "
        "Fri 9 Jul 2021")


def test_create_undo_redo_keeps_the_same_id(window, qtbot) -> None:  # noqa: ANN001
    passage = "Russian officials remain uneasy."
    select_text(window, passage)
    press(qtbot, window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    created = window.selection.current_event()
    assert created.quotes[0].exact == passage and window.timeline_model.rowCount() == 5
    assert created.date.start == date(2021, 7, 8)  # last date mentioned before it
    assert window.action_undo.text() == f"&Undo Create event “{passage[:-1]}”" or \
        window.action_undo.text().startswith("&Undo Create event")
    press(qtbot, window.timeline_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.timeline_model.rowCount() == 4 and window.reader.quote_count() == 4
    assert created.id not in {e.id for e in window.project.events.list()}
    press(qtbot, window.timeline_table, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    again = window.project.events.get(created.id)
    assert again.quotes == created.quotes and window.timeline_model.rowCount() == 5
    assert window.reader.quote_count() == 5


def test_delete_and_undo_restore_same_event_and_quote(window, qtbot) -> None:  # noqa: ANN001
    window.selection.select_event(window.timeline_model.record(1).id)
    victim = window.selection.current_event()
    window.timeline_table.setFocus()
    press(qtbot, window.timeline_table, Qt.Key.Key_Delete)
    assert window.timeline_model.row_of(victim.id) == -1
    assert victim.id not in {e.id for e in window.project.events.list()}
    assert window.article_model.summary(0).event_count == 3
    window.action_undo.trigger()
    restored = window.project.events.get(victim.id)
    assert restored == victim and window.timeline_model.row_of(victim.id) == 1
    assert window.article_model.summary(0).event_count == 4


def test_inline_edits_are_committed_and_undoable(window) -> None:  # noqa: ANN001
    model = window.timeline_model
    first = model.record(0)
    assert model.setData(model.index(0, TITLE), "Reservists mobilised")
    assert window.project.events.get(first.id).title == "Reservists mobilised"
    assert model.setData(model.index(0, TAGS), "military, Tajikistan")
    assert window.project.events.get(first.id).tags == ("military", "Tajikistan")
    row = model.row_of(first.id)
    assert model.setData(model.index(row, DATE), "2021-07-10")
    moved = window.project.events.get(first.id)
    assert moved.date.start == date(2021, 7, 10) and moved.date_edited_by_user
    assert model.row_of(first.id) == 3  # re-sorted to the end
    window.action_undo.trigger()
    window.action_undo.trigger()
    window.action_undo.trigger()
    back = window.project.events.get(first.id)
    assert content(back) == content(first) and model.row_of(first.id) == 0


def test_inspector_accepts_typed_dates_and_precision(window, qtbot) -> None:  # noqa: ANN001
    first = window.timeline_model.record(0)
    window.selection.select_event(first.id)
    edit = window.inspector.date_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "last Monday")
    press(qtbot, edit, Qt.Key.Key_Return)
    assert window.project.events.get(first.id).date.start == date(2021, 7, 5)
    edit.selectAll()
    qtbot.keyClicks(edit, "5 June 2021")
    press(qtbot, edit, Qt.Key.Key_Return)
    assert window.project.events.get(first.id).date.start == date(2021, 6, 5)
    window.editing.request_edit(first.id, "precision", "month")
    e = window.project.events.get(first.id)
    assert (e.date.start, e.date.precision) == (date(2021, 6, 1), "month")
    assert window.timeline_model.index(0, DATE).data() == "June 2021"
    edit.selectAll()
    qtbot.keyClicks(edit, "not a date at all")
    press(qtbot, edit, Qt.Key.Key_Return)
    assert not window.inspector.date_error.isHidden()
    assert window.project.events.get(first.id).date.precision == "month"


def test_notes_commit_on_focus_change(window, qtbot) -> None:  # noqa: ANN001
    first = window.timeline_model.record(0)
    window.selection.select_event(first.id)
    window.inspector.notes_edit.setFocus()
    qtbot.keyClicks(window.inspector.notes_edit, "Check against Reuters")
    window.inspector.title_edit.setFocus()
    assert window.project.events.get(first.id).notes == "Check against Reuters"


def test_notes_are_kept_when_switching_events_by_keyboard(window, qtbot) -> None:  # noqa: ANN001
    first, second = window.timeline_model.record(0), window.timeline_model.record(1)
    window.selection.select_event(first.id)
    window.inspector.notes_edit.setPlainText("typed, not yet committed")
    window.selection.select_event(second.id)
    assert window.selection.current_event().id == second.id
    assert window.inspector.record().id == second.id
    assert window.project.events.get(first.id).notes == "typed, not yet committed"
    window.action_undo.trigger()
    assert window.project.events.get(first.id).notes == ""


def test_selecting_an_event_shows_and_flashes_its_quote(window) -> None:  # noqa: ANN001
    third = window.timeline_model.record(2)
    window.selection.select_event(third.id)
    cursor = window.reader.textCursor()
    assert cursor.position() == third.quotes[0].start
    assert window.reader.flashing()


def test_clicking_a_highlight_selects_its_event(window, qtbot) -> None:  # noqa: ANN001
    fourth = window.timeline_model.record(3)
    window.selection.select_event(window.timeline_model.record(0).id)
    reader = window.reader
    cursor = QTextCursor(reader.document())
    cursor.setPosition(fourth.quotes[0].start + 5)
    rect = reader.cursorRect(cursor)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selection.current_event().id == fourth.id
    assert reader.label_at(fourth.quotes[0].start + 5).startswith("Thu 8 Jul 2021")


def test_hovering_a_highlight_shows_its_event_as_a_tooltip(window, qtbot) -> None:  # noqa: ANN001
    fourth = window.timeline_model.record(3)
    reader = window.reader
    cursor = QTextCursor(reader.document())
    cursor.setPosition(fourth.quotes[0].start + 5)
    pos = reader.cursorRect(cursor).center()
    viewport = reader.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos,
                                                viewport.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith("Thu 8 Jul 2021")
    QToolTip.hideText()


def test_export_csv_writes_the_table(window, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "timeline.csv"
    assert window.files.export_csv(out) == 4
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["date"] for r in rows] == ["2021-07-05", "2021-07-06", "2021-07-07", "2021-07-08"]
    assert window.user_actions.export_csv.shortcut().toString() == "Ctrl+Shift+S"
    assert window.files.export_csv(tmp_path / "missing-dir" / "x.csv") is None
    assert window.dialogs.errors and "does not exist" in window.dialogs.errors[-1][1]


def test_shortcuts_are_the_documented_ones(window) -> None:  # noqa: ANN001
    shortcuts = {a.objectName(): a.shortcut().toString()
                 for a in window.user_actions.__dict__.values() if hasattr(a, "objectName")}
    assert shortcuts["actionCreateEvent"] == "Ctrl+E"
    assert shortcuts["actionImportArticle"] == "Ctrl+O"
    assert shortcuts["actionPasteArticle"] == "Ctrl+Shift+V"
    assert shortcuts["actionDeleteEvent"] == "Del"
    assert window.action_undo.objectName() == "actionUndo"
    assert window.action_redo.shortcuts()[0].toString() == "Ctrl+Shift+Z"


def test_switching_articles_drops_a_pending_flash(window, qtbot) -> None:  # noqa: ANN001
    window.selection.select_event(window.timeline_model.record(3).id)
    assert window.reader.flashing()
    window.files.import_files([Path(__file__).parents[1] / "fixtures" / "dateline.txt"])
    assert not window.reader.flashing()
    with qtbot.captureExceptions() as exceptions:
        qtbot.wait(1000)  # the flash timer would have fired on the new, shorter text
    assert exceptions == []


def test_menus_hold_the_actions(window) -> None:  # noqa: ANN001
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["&File", "&Edit", "&View", "&Article", "&Help"]
    file_names = [a.objectName() for a in menus["&File"].actions()]
    assert {"actionImportArticle", "actionPasteArticle", "actionExportCsv",
            "actionNewProject", "actionOpenProject"} <= set(file_names)
    edit_names = [a.objectName() for a in menus["&Edit"].actions()]
    assert edit_names[:2] == ["actionUndo", "actionRedo"]
    assert "actionCreateEvent" in edit_names and "actionDeleteEvent" in edit_names
    toolbar = window.findChild(QToolBar, "mainToolBar")
    assert window.user_actions.create_event in toolbar.actions()


def test_an_unknown_edit_field_is_refused_not_saved_as_notes(window) -> None:  # noqa: ANN001
    import pytest

    event = window.timeline_model.record(0)
    with pytest.raises(ValueError):
        window.editing.request_edit(event.id, "colour", "red")
    assert window.project.events.get(event.id).notes == event.notes


def test_the_toolbar_says_undo_and_the_tooltip_says_what(window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QToolBar, QToolButton

    window.editing.request_edit(window.timeline_model.id_at(0), "title",
                                "A much longer title than fits")
    assert window.action_undo.iconText() == "Undo"
    assert window.action_undo.toolTip().startswith("Undo Edit title of")
    toolbar = window.findChild(QToolBar)
    buttons = [b for b in toolbar.findChildren(QToolButton)
               if b.defaultAction() is window.action_undo]
    assert buttons and buttons[0].text() == "Undo"


def test_ctrl_z_in_a_field_undoes_the_app_and_esc_reverts_a_field(window, qtbot) -> None:  # noqa: ANN001
    """Ctrl+Z with the cursor in an inspector field that has nothing of its own to undo
    reaches the app's undo stack; Esc puts back what is stored and drops a complaint."""
    first = window.timeline_model.id_at(0)
    window.selection.select_event(first)
    stored = window.project.events.get(first).title
    with qtbot.waitActive(window):
        window.activateWindow()
    field = window.inspector.title_edit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, "Renamed in the inspector")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.project.events.get(first).title == "Renamed in the inspector"
    assert field.hasFocus() and not field.isUndoAvailable()  # the stored value was shown again
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.events.get(first).title == stored  # the app's undo ran
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert window.project.events.get(first).title == "Renamed in the inspector"  # and redo
    date_field = window.inspector.date_edit
    date_field.setFocus()
    qtbot.waitUntil(date_field.hasFocus)
    before = date_field.text()
    date_field.selectAll()
    qtbot.keyClicks(date_field, "not a date at all")
    qtbot.keyClick(date_field, Qt.Key.Key_Return)
    assert window.inspector.date_error.isVisible()
    qtbot.keyClick(date_field, Qt.Key.Key_Escape)
    assert date_field.text() == before and not window.inspector.date_error.isVisible()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, " typed")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # its own step
    assert window.project.events.get(first).title == "Renamed in the inspector"


def test_a_header_click_sorts_the_table_and_the_selection_stays(window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import QPoint

    model, table = window.timeline_model, window.timeline_table
    chronological = [model.id_at(r) for r in range(model.rowCount())]
    window.selection.select_event(chronological[2])
    header = table.horizontalHeader()

    def click(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))

    click(TITLE)
    titles = [model.record(r).title for r in range(model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)
    assert window.selection.current_event().id == chronological[2]  # the same event stays selected
    click(TITLE)  # again: descending
    assert [model.record(r).title for r in range(model.rowCount())] == titles[::-1]
    new = window.project.events.create_from_selection(1, 0, 20)  # arrives through the hub
    shown = [model.record(r).title for r in range(model.rowCount())]
    assert shown == sorted(shown, key=str.casefold, reverse=True) and new.title in shown
    click(DATE)  # back to the timeline's own order
    dates = [model.record(r).sort_key for r in range(model.rowCount())]
    assert dates == sorted(dates)


def test_cells_show_their_whole_text_in_tooltips(window) -> None:  # noqa: ANN001
    model = window.timeline_model
    record = model.record(0)
    tip = model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(record.title + "\n\n“") and record.quotes[0].exact in tip
    assert model.index(0, ARTICLE).data(Qt.ItemDataRole.ToolTipRole) == record.article_title
    assert model.index(0, TAGS).data(Qt.ItemDataRole.ToolTipRole) is None  # no tags: no tip


def test_optional_columns_are_chosen_on_the_header_and_kept_per_project(make_window,  # noqa: ANN001
                                                                        qtbot) -> None:
    """Right-click a header: Sources, Precision, Notes and Changed can be shown (and Article
    or Tags hidden); they show each event's values, sort, and are kept for the project."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    from desktop_app.gui.timeline_model import CHANGED, NOTES, PRECISION, SOURCES

    def right_click_and_choose(window, name: str) -> list[str]:  # noqa: ANN001
        offered = []

        def popup(menu, _pos) -> None:  # noqa: ANN001
            offered.extend(a.text() for a in menu.actions())
            next(a for a in menu.actions() if a.text() == name).trigger()

        window.dialogs.popup = popup
        header = window.timeline_table.horizontalHeader()
        QApplication.sendEvent(header.viewport(), QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, QPoint(20, 5), header.viewport().mapToGlobal(
                QPoint(20, 5))))
        return offered

    window = make_window()
    header = window.timeline_table.horizontalHeader()
    assert all(header.isSectionHidden(c) for c in (SOURCES, PRECISION, NOTES, CHANGED))
    offered = right_click_and_choose(window, "Sources")
    assert offered == ["Article", "Tags", "Sources", "Precision", "Notes", "Changed"]
    for name in ("Notes", "Changed", "Tags"):
        right_click_and_choose(window, name)  # Tags was shown: now hidden
    model = window.timeline_model
    first = model.record(0)
    window.editing.request_edit(first.id, "notes", "Checked with\nReuters")
    text = window.reader.toPlainText()
    tuesday = text.index("On Tuesday")
    assert window.analysis.add_source(first.id, window.reader.article_id, tuesday,
                                      tuesday + 40)
    assert [model.index(r, SOURCES).data() for r in range(4)] == ["2", "1", "1", "1"]
    assert model.index(0, NOTES).data() == "Checked with Reuters"
    assert model.index(0, NOTES).data(Qt.ItemDataRole.ToolTipRole) == "Checked with\nReuters"
    author = window.project.author
    assert model.index(0, CHANGED).data().startswith(f"{author}, ")
    assert "changed" in model.index(0, CHANGED).data(Qt.ItemDataRole.ToolTipRole)
    header.setSortIndicator(SOURCES, Qt.SortOrder.DescendingOrder)
    assert model.record(0).id == first.id
    assert not header.isSectionHidden(SOURCES) and header.isSectionHidden(3)  # Tags hidden
    window.close()
    again = make_window()
    header = again.timeline_table.horizontalHeader()
    assert [header.isSectionHidden(c) for c in range(8)] == [
        False, False, False, True, False, True, False, False]
