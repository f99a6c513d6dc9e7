"""The analyst's editing power through the real window: another source by Ctrl+Shift+E,
merge, conflict flags, tags on many events, tag colours, deleting articles, filters, search,
History, and undo/redo round trips compared with the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDockWidget

from desktop_app.core.edits import ArticleDraft
from desktop_app.gui.asking import ArticleDeletion
from desktop_app.gui.timeline_model import DATE
from tests.gui.test_core_loop import select_text

SECOND = ("Kabul, 10 July 2021. Officials said on Thursday that Taliban envoys were received in "
          "Moscow by the Kremlin. On Tuesday, Russian helicopters fired missiles near the Afghan "
          "border.")


def add_second_article(window) -> int:  # noqa: ANN001
    article = window.project.articles.add(ArticleDraft(
        title="Second report", text=SECOND, outlet="Other", published=date(2021, 7, 10)))
    window.selection.refresh_articles()
    return article.id


def db_state(window) -> dict:  # noqa: ANN001
    """Everything the database holds about events, to compare after undo/redo."""
    return {e.id: e for e in window.project.events.list()}


def model_state(window) -> dict:  # noqa: ANN001
    """The table's events; the chart must show exactly these too (one lane per article)."""
    records = {r.id: r for r in window.timeline_model.all_records()}
    drawn = sorted(i.event_id for lane in window.chart_view.chart.lanes for i in lane.items)
    assert drawn == sorted(records), "the chart and the table disagree"
    for event_id, r in records.items():
        assert window.chart_view.chart.data.entry(event_id).item.title == r.title
    return records


def select_rows(window, rows: list[int]) -> None:  # noqa: ANN001
    sm = window.timeline_table.selectionModel()
    sm.clearSelection()
    for row in rows:
        sm.select(window.timeline_model.index(row, 0),
                  QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    sm.setCurrentIndex(window.timeline_model.index(rows[0], 0),
                       QItemSelectionModel.SelectionFlag.NoUpdate)


def press_in_reader(window, qtbot, key, modifiers) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.reader, key, modifiers)


def test_ctrl_shift_e_adds_another_source_listed_in_the_inspector(window, qtbot) -> None:  # noqa: ANN001
    thursday = window.timeline_model.record(3)
    other = add_second_article(window)
    window.selection.select_event(thursday.id)
    window.selection.select_article(other)
    select_text(window, "on Thursday that Taliban envoys were received in Moscow")
    press_in_reader(window, qtbot, Qt.Key.Key_E,
                    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    record = window.project.events.get(thursday.id)
    assert [q.article_id for q in record.quotes] == [thursday.quotes[0].article_id, other]
    assert window.reader.quote_count() == 1  # highlighted in the second article too
    sources = window.inspector.sources
    assert sources.count() == 2 and "Second report" in sources.item(1).text()
    assert "Thu 8 Jul 2021" in sources.item(1).text()
    sources.itemActivated.emit(sources.item(0))  # jumps back to the first article's passage
    assert window.reader.article_id == thursday.quotes[0].article_id
    assert window.reader.flashing()
    assert window.undo_stack.undoText().startswith("Add source")
    window.undo_stack.undo()
    assert len(window.project.events.get(thursday.id).quotes) == 1
    assert model_state(window) == db_state(window)
    window.undo_stack.redo()
    assert window.project.events.get(thursday.id) == record
    assert model_state(window) == db_state(window)
    window.selection.select_event(thursday.id)
    window.inspector.sources.setCurrentRow(1)
    window.inspector.remove_source.click()
    assert len(window.project.events.get(thursday.id).quotes) == 1
    window.undo_stack.undo()
    assert window.project.events.get(thursday.id) == record


def test_merge_with_a_date_choice_flags_the_conflict_and_undoes(window, qtbot) -> None:  # noqa: ANN001
    QAbstractItemModelTester(window.timeline_model,
                             QAbstractItemModelTester.FailureReportingMode.Fatal)
    before = db_state(window)
    first, second = window.timeline_model.record(0), window.timeline_model.record(1)
    select_rows(window, [0, 1])
    asked = []
    window.dialogs.ask_merge_winner = lambda records, current: asked.append(
        [r.id for r in records]) or second.id
    window.user_actions.merge_events.trigger()
    assert asked == [[first.id, second.id]]
    assert window.timeline_model.rowCount() == 3
    merged = window.project.events.get(second.id)
    assert merged.date == second.date and len(merged.quotes) == 2
    row = window.timeline_model.row_of(second.id)
    assert window.timeline_model.index(row, DATE).data().startswith("⚠ ")
    entry = window.chart_view.chart.data.entry(second.id)
    assert entry.item.conflict and window.chart_view.chart.data.entry(first.id) is None
    window.selection.select_event(second.id)  # the inspector says who says what
    note = window.inspector.conflict_note
    assert note.isVisible() and note.text().splitlines() == [
        "The sources disagree on the date:",
        "Timeline Annotator demo: Mon 5 Jul 2021, from “On Monday”, published Fri 9 Jul 2021",
        "Timeline Annotator demo: Tue 6 Jul 2021, from “On Tuesday”, published Fri 9 Jul 2021"]
    assert window.undo_stack.undoText() == "Merge 2 events"
    window.undo_stack.undo()
    assert db_state(window) == before and model_state(window) == before
    assert not window.chart_view.chart.data.entry(second.id).item.conflict
    window.undo_stack.redo()
    assert model_state(window) == db_state(window) and len(db_state(window)) == 3


def test_tag_many_and_colour_by_tag(window) -> None:  # noqa: ANN001
    ids = [window.timeline_model.record(r).id for r in range(3)]
    select_rows(window, [0, 1, 2])
    assert window.selection.selected_event_ids() == ids
    assert window.analysis.tag_events(window.selection.selected_event_ids(), ("army",), ()) == 3
    assert [window.project.events.get(i).tags for i in ids] == [("army",)] * 3
    assert window.undo_stack.undoText() == "Tag 3 events"
    assert window.analysis.set_tag_colour("army", "#123456")
    window.user_actions.colour_by_tag.setChecked(True)
    assert window.chart_view.chart.state.colour_by_tag
    assert window.chart_view.chart.state.tag_colours == {"army": "#123456"}
    assert window.chart_view.chart.state.tags_of(ids[0]) == ("army",)
    window.undo_stack.undo()  # the colour
    assert window.chart_view.chart.state.tag_colours == {}
    window.undo_stack.undo()  # the tags
    assert [window.project.events.get(i).tags for i in ids] == [(), (), ()]
    assert model_state(window) == db_state(window)


def test_deleting_an_article_asks_and_undo_restores_everything(window) -> None:  # noqa: ANN001
    before_events = db_state(window)
    demo = window.reader.article_id
    other = add_second_article(window)
    thursday = window.timeline_model.record(3)
    assert window.analysis.add_source(thursday.id, other, *_span("on Thursday that Taliban envoys"))
    before_events = db_state(window)
    window.selection.select_article(demo)
    asked = []
    window.dialogs.ask_article_deletion = lambda title, impact: asked.append(
        (title, impact.only_here, impact.with_other_sources)) or ArticleDeletion.KEEP_SHARED
    window.user_actions.delete_article.trigger()
    assert asked and asked[0][1:] == (3, 1)
    assert [r.id for r in window.timeline_model.all_records()] == [thursday.id]
    assert window.article_model.rowCount() == 1 and window.reader.article_id == other
    window.undo_stack.undo()
    assert db_state(window) == before_events and model_state(window) == before_events
    assert window.article_model.rowCount() == 2
    window.selection.select_article(demo)
    window.dialogs.ask_article_deletion = lambda title, impact: ArticleDeletion.DELETE_ALL
    window.user_actions.delete_article.trigger()
    assert window.timeline_model.total() == 0
    window.undo_stack.undo()
    assert db_state(window) == before_events


def _span(passage: str) -> tuple[int, int]:
    start = SECOND.index(passage)
    return start, start + len(passage)


def test_import_is_undoable(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    window = make_window(demo=False)
    f = tmp_path / "a.txt"
    f.write_text("Kabul, 10 July 2021. On Monday the border was closed.", encoding="utf-8")
    [article_id] = window.files.import_files([f])
    title = window.project.articles.get(article_id).title
    assert window.undo_stack.undoText() == f"Import “{title[:40]}”"
    window.undo_stack.undo()
    assert window.project.articles.list() == [] and window.article_model.rowCount() == 0
    window.undo_stack.redo()
    assert [a.id for a in window.project.articles.list()] == [article_id]


def test_filter_bar_filters_table_chart_and_exports(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    QAbstractItemModelTester(window.timeline_model,
                             QAbstractItemModelTester.FailureReportingMode.Fatal)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.timeline_table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.filtering.filter_bar
    assert bar.isVisible() and bar.text.hasFocus()
    qtbot.keyClicks(bar.text, "helicopters")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert window.timeline_model.rowCount() == 1
    assert "helicopters" in window.timeline_model.record(0).quotes[0].exact
    assert sum(len(ln.items) for ln in window.chart_view.chart.lanes) == 1
    assert bar.status.text() == "1 of 4"
    out = tmp_path / "f.csv"
    assert window.files.export_csv(out) == 1  # exports honour the filter
    assert window.files.export_format("md", tmp_path / "f.md") == 1
    assert window.chart_view.export_chart(tmp_path / "f.svg", 800, visible_only=False)
    assert "helicopters" in (tmp_path / "f.md").read_text(encoding="utf-8")
    window.filtering.save_filter("Helicopters")
    bar.text.clear()
    bar.date_from.setText("2021-07-07")
    qtbot.keyClick(bar.date_from, Qt.Key.Key_Return)
    assert window.timeline_model.rowCount() == 2
    bar.conflicts.setChecked(True)
    assert window.timeline_model.rowCount() == 0
    bar.conflicts.setChecked(False)
    bar.date_from.setText("not a date")
    qtbot.keyClick(bar.date_from, Qt.Key.Key_Return)
    assert bar.status.text().startswith("⚠") and window.timeline_model.rowCount() == 4
    window.filtering.load_filter("Helicopters")
    assert bar.text.text() == "helicopters" and window.timeline_model.rowCount() == 1
    # an event edited while the filter hides it stays hidden, in the table and the chart
    monday = window.project.events.list()[0]
    window.editing.request_edit(monday.id, "title", "Reservists called up")
    assert window.timeline_model.row_of(monday.id) == -1
    assert sum(len(ln.items) for ln in window.chart_view.chart.lanes) == 1
    assert window.timeline_model.find(monday.id).title == "Reservists called up"
    qtbot.keyClick(bar, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.timeline_model.rowCount() == 4
    assert sum(len(ln.items) for ln in window.chart_view.chart.lanes) == 4
    assert model_state(window) == db_state(window)


def test_search_all_articles_and_open_the_passage(window, qtbot) -> None:  # noqa: ANN001
    other = add_second_article(window)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.reader, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dock = window.findChild(QDockWidget, "searchDock")
    assert dock.isVisible() and window.filtering.search_panel.query.hasFocus()
    qtbot.keyClicks(window.filtering.search_panel.query, "Kremlin")
    qtbot.keyClick(window.filtering.search_panel.query, Qt.Key.Key_Return)
    results = window.filtering.search_panel.results
    assert results.count() == 2
    titles = {results.item(i).data(Qt.ItemDataRole.UserRole).article_id for i in range(2)}
    assert other in titles
    results.setFocus()
    results.setCurrentRow([results.item(i).data(Qt.ItemDataRole.UserRole).article_id
                           for i in range(2)].index(other))
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert window.reader.article_id == other
    assert window.reader.textCursor().selectedText() == "Kremlin"
    assert window.reader.hasFocus()  # ready for Ctrl+E
    select_text(window, "On Tuesday, Russian helicopters fired missiles near the Afghan border")
    qtbot.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.selection.current_event().date.start == date(2021, 7, 6)


def test_history_panel_lists_every_change_with_its_label(window, qtbot) -> None:  # noqa: ANN001
    first = window.timeline_model.record(0)
    window.editing.request_edit(first.id, "title", "Reservists mobilised")
    select_rows(window, [1, 2])
    window.analysis.tag_events(window.selection.selected_event_ids(), ("army",), ())
    window.user_actions.show_history.trigger()
    dock = window.findChild(QDockWidget, "historyDock")
    assert dock.isVisible()
    stack = window.undo_stack
    assert stack.undoLimit() == 0  # unlimited
    labels = [stack.text(i) for i in range(stack.count())]
    assert labels == ["Edit title of “Reservists mobilised”", "Tag 2 events"]
    history = window.history.steps
    history.setCurrentIndex(history.model().index(0, 0))  # back to the start
    assert stack.index() == 0
    assert window.project.events.get(first.id).title == first.title
    assert model_state(window) == db_state(window)


def test_project_activity_says_who_did_what_and_follows_other_windows(make_window,  # noqa: ANN001
                                                                     qtbot) -> None:
    """History > Project Activity lists everyone's changes, newest first, by name; another
    window's edit appears there without reopening."""
    first, second = make_window(), make_window()
    second.project.set_author("Ben")
    first.user_actions.show_history.trigger()
    first.history.tabs.setCurrentIndex(1)
    event = first.timeline_model.record(0)
    second.editing.request_edit(event.id, "title", "Reservists mobilised")
    activity = first.history.activity

    def newest() -> str:
        return activity.item(0).text() if activity.count() else ""

    qtbot.waitUntil(lambda: newest().endswith("Ben: changed “Reservists mobilised”"),
                    timeout=3000)
    first.editing.request_edit(event.id, "tags", "army")
    assert newest().endswith(f"{first.project.author}: changed “Reservists mobilised”")
    assert first.history.activity.count() >= 3  # the demo's own changes, then these two


def test_filter_by_several_articles(window, qtbot) -> None:  # noqa: ANN001
    demo = window.reader.article_id
    other = add_second_article(window)
    window.selection.select_article(other)
    select_text(window, "On Tuesday, Russian helicopters fired missiles near the Afghan border")
    window.user_actions.create_event.trigger()
    window.user_actions.find_events.trigger()
    bar = window.filtering.filter_bar
    assert bar.article.text() == "All articles"
    bar.choose_articles((other,))
    assert window.timeline_model.rowCount() == 1 and bar.article.text() == "1 article"
    bar.choose_articles((other, demo))
    assert window.timeline_model.rowCount() == 5
    window.filtering.save_filter("Both")
    bar.choose_articles(())
    assert window.timeline_model.rowCount() == 5
    window.filtering.load_filter("Both")
    assert set(bar.chosen_articles()) == {demo, other}
    bar.choose_articles((demo,))
    assert window.timeline_model.rowCount() == 4
    assert sum(len(ln.items) for ln in window.chart_view.chart.lanes) == 4
