"""Views follow committed changes through the one change path: the user's own, large imports
as one update, and changes made by someone else on the same project."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.core.change_set import ChangeSet, Origin
from desktop_app.core.edits import ArticleMetadata, EventEdit
from desktop_app.core.importers.csv_import import read_timeline_csv
from desktop_app.core.project import open_project
from desktop_app.core.records import EventDate, Precision
from desktop_app.gui.timeline_model import TAGS


def _coverage_items(window) -> list[str]:  # noqa: ANN001
    return window.coverage.labels()


def test_a_1000_row_import_reaches_the_views_once(window, tmp_path: Path,  # noqa: ANN001
                                                  monkeypatch) -> None:
    out = tmp_path / "many.csv"
    rows = ["date,title"] + [f"2021-06-{1 + i % 28:02d},Imported {i}" for i in range(1000)]
    out.write_text("\n".join(rows), encoding="utf-8")
    window.dialogs.confirm_csv_import = lambda plan: True
    applied, listed = [], []
    real_apply, real_list = window.change_path.apply_changes, window.project.articles.list
    monkeypatch.setattr(window.change_path, "apply_changes",
                        lambda c: applied.append(c) or real_apply(c))
    window.change_path.follow(window.project)  # subscribe the counting wrapper instead
    monkeypatch.setattr(window.project.articles, "list",
                        lambda: listed.append(1) or real_list())
    assert window.files.import_csv(out)
    assert len(applied) == 1 and len(applied[0].events_created) == 1000
    assert listed == []  # events that quote no article change no article's count
    assert window.timeline_model.rowCount() == 1004
    window.action_undo.trigger()
    assert window.timeline_model.rowCount() == 4 and len(applied) == 2
    window.action_redo.trigger()
    assert window.timeline_model.rowCount() == 1004 and len(applied) == 3


def _event_counts(window) -> list[int]:  # noqa: ANN001
    return [a.event_count for a in window.article_model.summaries()]


def test_article_counts_follow_sourced_events_gone_in_a_large_change(window) -> None:  # noqa: ANN001
    """A large change set (re-read as a whole) that deletes events quoting an article: its
    count follows, though the deleted events are no longer there to be looked at."""
    assert _event_counts(window) == [4]
    other = open_project(window.project.path)
    try:
        for e in other.events.list():
            other.events.delete(e.id)
    finally:
        other.close()
    window.project.changes.publish(ChangeSet(events_deleted=frozenset(range(1, 300)),
                                             origin=Origin.EXTERNAL))
    assert window.timeline_model.total() == 0
    assert _event_counts(window) == [0]
    window.project.events.create_from_selection(window.project.articles.list()[0].id, 0, 40)
    assert _event_counts(window) == [1]


def test_a_new_event_updates_its_article_count_in_place(window) -> None:  # noqa: ANN001
    """The article list is not rebuilt for a count: no reset, the selection stays."""
    resets = []
    window.article_model.modelReset.connect(lambda: resets.append(1))
    selected = window.article_list.currentIndex().row()
    window.project.events.create_from_selection(window.project.articles.list()[0].id, 0, 40)
    assert _event_counts(window) == [5] and resets == []
    assert window.article_list.currentIndex().row() == selected == 0


def test_a_new_publication_date_redates_the_panel_and_underlines(window) -> None:  # noqa: ANN001
    assert _coverage_items(window)[0].startswith("✓ Mon 5 Jul 2021")
    a = window.project.articles.get(window.reader.article_id)
    window.article_editing.edit_article(a.id, ArticleMetadata(a.title, a.outlet, a.url,
                                                              a.author, date(2021, 7, 16)))
    assert _coverage_items(window)[0].startswith("✓ Mon 12 Jul 2021")
    monday = window.reader.text().index("On Monday")
    assert window.reader.expression_at(monday + 3).value == "2021-07-12"  # the hover text
    assert window.timeline_model.record(0).date.start == date(2021, 7, 12)
    window.action_undo.trigger()
    assert _coverage_items(window)[0].startswith("✓ Mon 5 Jul 2021")


def test_changes_made_by_someone_else_show_and_the_selection_stays(window) -> None:  # noqa: ANN001
    """Another window or process edits the same file; its change set arrives from outside."""
    window.selection.select_event(window.timeline_model.id_at(2))
    selected = window.selection.current_event().id
    other = open_project(window.project.path)
    try:
        first, second = other.events.list()[:2]
        other.events.edit(first.id, EventEdit(title="Renamed by a colleague"))
        other.events.delete(second.id)
        article = other.articles.list()[0]
        created = other.events.create_from_selection(article.id, 0, 40)
    finally:
        other.close()
    window.project.changes.publish(ChangeSet(
        events_created=frozenset({created.id}), events_updated=frozenset({first.id}),
        events_deleted=frozenset({second.id}), origin=Origin.EXTERNAL))
    titles = {window.timeline_model.record(r).id: window.timeline_model.record(r).title
              for r in range(window.timeline_model.rowCount())}
    assert titles[first.id] == "Renamed by a colleague"
    assert second.id not in titles and created.id in titles
    assert window.selection.current_event().id == selected  # not moved to what the other made
    assert window.count_label.text().startswith("4 event")


def test_two_windows_on_one_project_follow_each_other_live(make_window, qtbot) -> None:  # noqa: ANN001
    import time

    first = make_window("shared.tldb")
    second = make_window("shared.tldb")  # the same file, a second window
    event_id = first.timeline_model.id_at(0)
    second.selection.select_event(second.timeline_model.id_at(2))
    kept = second.selection.current_event().id
    t0 = time.monotonic()
    first.editing.request_edit(event_id, "title", "Edited in the first window")
    qtbot.waitUntil(lambda: second.project.events is not None and any(
        second.timeline_model.record(r).title == "Edited in the first window"
        for r in range(second.timeline_model.rowCount())), timeout=1000)
    assert time.monotonic() - t0 < 1.0
    assert second.selection.current_event().id == kept  # the other window's selection stays put
    second.selection.select_event(event_id)
    first.selection.select_event(event_id)
    first.user_actions.delete_event.trigger()
    qtbot.waitUntil(lambda: second.timeline_model.row_of(event_id) < 0, timeout=1000)
    assert "deleted in another window" in second.statusBar().currentMessage()
    assert second.inspector.record() is None or second.inspector.record().id != event_id


def test_an_import_by_another_process_appears_without_reopening(window, qtbot,  # noqa: ANN001
                                                                tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    article = tmp_path / "other.txt"
    article.write_text("Elsewhere. On Tuesday, a second team filed this report.", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    db = str(window.project.path)
    subprocess.run([sys.executable, "-m", "desktop_app", "--db", db, "import", str(article),
                    "--published", "2021-07-09"], env=env, check=True, timeout=60)
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2, timeout=2000)
    subprocess.run([sys.executable, "-m", "desktop_app", "--db", db, "add-event", "--article",
                    "2", "--quote", "On Tuesday, a second team filed this report."],
                   env=env, check=True, timeout=60)
    qtbot.waitUntil(lambda: window.timeline_model.rowCount() == 5, timeout=2000)
    assert window.count_label.text().startswith("5 event")


def test_what_the_user_is_typing_is_never_replaced_by_another_windows_change(  # noqa: ANN001
        make_window, qtbot) -> None:
    first = make_window("typing.tldb")
    second = make_window("typing.tldb")
    event_id = second.timeline_model.id_at(0)
    second.selection.select_event(event_id)
    with qtbot.waitActive(second):
        second.activateWindow()
    second.inspector.notes_edit.setFocus()
    qtbot.keyClicks(second.inspector.notes_edit, "my unsaved note")
    first.editing.request_edit(event_id, "title", "Retitled in the first window")
    qtbot.waitUntil(lambda: "changed in another window" in second.statusBar().currentMessage(),
                    timeout=2000)
    assert second.inspector.notes_edit.toPlainText() == "my unsaved note"
    second.inspector.commit_notes()  # leaving the field saves it, on top of the other change
    stored = second.project.events.get(event_id)
    assert stored.notes == "my unsaved note" and stored.title == "Retitled in the first window"
    assert second.dialogs.conflicts == []  # another field changed: no question, both kept


def test_a_hidden_chart_catches_up_when_shown(window, tmp_path: Path) -> None:  # noqa: ANN001
    """A change of thousands of events while the table is shown does not redraw the chart
    then; showing the chart tab draws what the table holds."""
    from desktop_app.gui.chart.widget import TimelineChart

    chart = window.chart_view.ensure_chart()
    window.timeline_tabs.setCurrentIndex(0)  # the table
    out = tmp_path / "many.csv"
    out.write_text("date,title\n" + "".join(f"2020-03-{1 + i % 28:02d},Early {i}\n"
                                            for i in range(300)), encoding="utf-8")
    window.dialogs.confirm_csv_import = lambda plan: True
    assert window.files.import_csv(out)
    drawn = window.findChild(TimelineChart)
    assert drawn is chart and drawn.data.size() == 4  # hidden: not redrawn yet
    window.timeline_tabs.setCurrentWidget(window.workspace.views.chart_slot)
    assert drawn.data.size() == 304
    assert window.timeline_model.total() == 304
    window.action_undo.trigger()  # shown: follows at once
    assert drawn.data.size() == 4


def test_an_import_of_many_keeps_the_selection_without_jumping(window, tmp_path: Path,  # noqa: ANN001
                                                               qtbot) -> None:
    """After a CSV import of hundreds of events the selected event stays selected, and the
    reader neither scrolls nor flashes its quote again."""
    second = window.timeline_model.record(1)
    window.selection.select_event(second.id)
    qtbot.waitUntil(lambda: not window.reader.flashing(), timeout=3000)
    scroll = window.reader.verticalScrollBar().value()
    out = tmp_path / "many.csv"
    out.write_text("date,title\n" + "".join(f"2019-05-{1 + i % 28:02d},Earlier {i}\n"
                                            for i in range(300)), encoding="utf-8")
    window.dialogs.confirm_csv_import = lambda plan: True
    assert window.files.import_csv(out)
    assert window.selection.current_event().id == second.id
    assert window.inspector.record().id == second.id
    assert not window.reader.flashing()
    assert window.reader.verticalScrollBar().value() == scroll


def test_a_large_change_in_a_larger_timeline_reads_only_its_own_rows(
        window, tmp_path: Path, monkeypatch, qtbot) -> None:  # noqa: ANN001
    """Another process creates, edits and deletes a few hundred events of a timeline of a
    thousand: the window reads the rows of those events alone, and shows what a fresh
    read of the whole timeline shows, in the same order, the selection where it was."""
    out = tmp_path / "many.csv"
    out.write_text("date,title\n" + "".join(f"2021-{1 + i % 12:02d}-{1 + i % 28:02d},Event {i}\n"
                                            for i in range(1000)), encoding="utf-8")
    window.dialogs.confirm_csv_import = lambda plan: True
    assert window.files.import_csv(out)
    selected = window.timeline_model.id_at(500)
    window.selection.select_event(selected)
    window.table_columns.set_shown("Article", False)  # room for the tags to grow into
    qtbot.wait(50)  # the columns fitted to the import
    tags_width = window.timeline_table.horizontalHeader().sectionSize(TAGS)
    other = open_project(window.project.path)  # no events are handled until the publish
    try:
        events = sorted(other.events.list(), key=lambda e: e.id)
        edited = [e.id for e in events[10:130] if e.id != selected]
        for event_id in edited:  # new titles, and dates that move them in the timeline
            other.events.edit(event_id, EventEdit(title=f"Edited {event_id}", date=EventDate(
                date(2019, 1, 1 + event_id % 28), Precision.DAY)))
        deleted = [e.id for e in events[200:260]]
        for event_id in deleted:
            other.events.delete(event_id)
        more = tmp_path / "more.csv"
        wide = "convoys at the border crossing"
        more.write_text("date,title,tags\n" + "".join(
            f"2022-01-{1 + i % 28:02d},New {i},{wide if i == 7 else ''}\n"
            for i in range(150)), encoding="utf-8")
        created = [e.id for e in other.csv.apply(other.csv.plan(read_timeline_csv(more))).created]
    finally:
        other.close()
    read = []
    real_rows = window.project.index.rows
    monkeypatch.setattr(window.project.index, "rows",
                        lambda ids=None: read.append(ids) or real_rows(ids))
    window.project.changes.publish(ChangeSet(
        events_created=frozenset(created), events_updated=frozenset(edited),
        events_deleted=frozenset(deleted), origin=Origin.EXTERNAL))
    assert read == [frozenset(created) | frozenset(edited) | frozenset(deleted)]
    model = window.timeline_model
    expected = sorted(real_rows(), key=lambda r: r.sort_key)
    assert [model.id_at(r) for r in range(model.rowCount())] == [r.id for r in expected]
    assert model.all_rows() == expected
    assert model.find(edited[0]).title == f"Edited {edited[0]}"
    assert model.find(deleted[0]) is None and model.row_of(created[-1]) >= 0
    assert window.selection.current_event().id == selected
    qtbot.waitUntil(lambda: window.timeline_table.horizontalHeader().sectionSize(TAGS)
                    > tags_width)  # a new row's tags are wider: the column fits them
