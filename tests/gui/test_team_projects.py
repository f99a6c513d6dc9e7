"""Team projects on PostgreSQL through the real window: two windows (two clients of the
server) follow each other live; the window names the project and remembers it without a
password; losing the server is said, and the window resumes when it is back."""

from __future__ import annotations

import time

import pytest

from desktop_app.core.project import open_project, seed_demo
from tests.gui.test_core_loop import select_text


@pytest.fixture
def team_url(pg_url: str) -> str:
    """A team project holding the demo article and its four events."""
    project = open_project(pg_url)
    try:
        seed_demo(project)
    finally:
        project.close()
    return pg_url


def test_two_windows_on_a_team_project_follow_each_other_live(make_window, qtbot,  # noqa: ANN001
                                                               team_url: str) -> None:
    first = make_window(db=team_url)
    second = make_window(db=team_url)
    assert first.timeline_model.rowCount() == second.timeline_model.rowCount() == 4
    event_id = first.timeline_model.id_at(0)
    second.selection.select_event(second.timeline_model.id_at(2))
    kept = second.selection.current_event().id
    t0 = time.monotonic()
    first.editing.request_edit(event_id, "title", "Edited by a colleague")
    qtbot.waitUntil(lambda: any(
        second.timeline_model.record(r).title == "Edited by a colleague"
        for r in range(second.timeline_model.rowCount())), timeout=1000)
    assert time.monotonic() - t0 < 1.0
    assert second.selection.current_event().id == kept  # the selection stays put
    second.selection.select_event(event_id)
    first.selection.select_event(event_id)
    first.user_actions.delete_event.trigger()
    qtbot.waitUntil(lambda: second.timeline_model.row_of(event_id) < 0, timeout=1000)
    assert "deleted in another window" in second.statusBar().currentMessage()
    assert first.dialogs.errors == [] and second.dialogs.errors == []


def test_the_window_names_a_team_project_and_remembers_it_without_its_password(
        make_window, settings, team_url: str) -> None:  # noqa: ANN001
    from desktop_app.core.locations import project_location

    with_password = team_url.replace("postgres@", "postgres:s3cret@", 1)
    window = make_window(db=with_password)  # trust authentication ignores the password
    name = project_location(team_url).name
    assert window.windowTitle().startswith(f"{name} — ")
    assert project_location(settings.recent_projects()[0]) == project_location(team_url)
    assert not any("s3cret" in entry for entry in settings.recent_projects())


def test_a_lost_server_is_said_and_the_window_resumes(make_window, qtbot,  # noqa: ANN001
                                                      team_url: str) -> None:
    import psycopg

    window = make_window(db=team_url)
    name = window.project.location.url.database
    with psycopg.connect(team_url.replace(f"/{name}", "/postgres", 1), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
    qtbot.waitUntil(lambda: window.server_label.isVisible(), timeout=2000)
    qtbot.waitUntil(lambda: not window.server_label.isVisible(), timeout=3000)  # reconnected
    assert "Reconnected" in window.statusBar().currentMessage()
    event_id = window.timeline_model.id_at(0)
    window.editing.request_edit(event_id, "title", "After the reconnection")  # the pool reconnects
    assert window.project.events.get(event_id).title == "After the reconnection"
    assert window.dialogs.errors == []


def test_an_edit_meeting_a_colleagues_change_asks_and_overwrites_nothing_unseen(
        make_window, qtbot, team_url: str) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    from desktop_app.core.edits import EventEdit

    window = make_window(db=team_url)
    asked: list[tuple[str, str]] = []
    answer = [False]

    def keep_mine(what, conflict, typed):  # noqa: ANN001, ANN202
        asked.append((conflict.current.title, typed))
        return answer[0]

    window.dialogs.keep_mine = keep_mine
    event_id = window.timeline_model.id_at(0)
    window.selection.select_event(event_id)
    field = window.inspector.title_edit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)

    def colleague_renames(title: str) -> None:
        colleague = open_project(team_url, author="Ben")
        try:
            colleague.events.edit(event_id, EventEdit(title=title))
        finally:
            colleague.close()
        # The change arrives while the user types: their field is left alone.
        qtbot.waitUntil(lambda: window.timeline_model.record(
            window.timeline_model.row_of(event_id)).title == title, timeout=2000)

    colleague_renames("Ben's title")
    field.selectAll()
    qtbot.keyClicks(field, "My title")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    # Saving asks, showing both values; taking theirs saves nothing.
    assert asked == [("Ben's title", "My title")]
    assert window.project.events.get(event_id).title == "Ben's title"
    assert window.inspector.title_edit.text() == "Ben's title"
    assert "by Ben" in window.inspector.provenance.text()
    # Again, and this time keep mine: the user's value is saved over theirs, knowingly.
    answer[0] = True
    colleague_renames("Ben's second title")
    field.selectAll()
    qtbot.keyClicks(field, "Mine after all")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert asked[1] == ("Ben's second title", "Mine after all")
    assert window.project.events.get(event_id).title == "Mine after all"


def test_a_reader_login_opens_the_project_read_only(make_window, roles, team_url: str,  # noqa: ANN001
                                                    qtbot, tmp_path) -> None:
    from PySide6.QtCore import Qt

    from desktop_app.core.team import init_team_project

    _editor, reader = roles
    init_team_project(team_url, [], [reader])
    window = make_window(db=team_url.replace("postgres@", f"{reader}@", 1))
    assert window.project.read_only
    assert window.read_only_banner.isVisible()
    assert "may only read" in window.read_only_banner.text()
    assert not window.user_actions.create_event.isEnabled()
    assert not window.user_actions.import_article.isEnabled()
    actions = window.user_actions
    assert actions.export_csv.isEnabled() and actions.find_events.isEnabled()
    assert window.inspector.title_edit.isReadOnly()
    select_text(window, window.reader.toPlainText()[:40])
    qtbot.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.timeline_model.rowCount() == 4 and window.dialogs.errors == []
    out = tmp_path / "out.csv"
    window.project.exports.export_csv(out)
    assert out.read_text(encoding="utf-8-sig").count("\n") >= 5


def test_undo_of_an_edit_a_colleague_has_since_changed_is_refused(make_window,  # noqa: ANN001
                                                                 team_url: str) -> None:
    from desktop_app.core.edits import EventEdit

    window = make_window(db=team_url)
    event_id = window.timeline_model.id_at(0)
    window.editing.request_edit(event_id, "title", "My title")
    colleague = open_project(team_url, author="Ben")
    try:
        colleague.events.edit(event_id, EventEdit(title="Ben built on it"))
    finally:
        colleague.close()
    window.action_undo.trigger()
    assert window.project.events.get(event_id).title == "Ben built on it"  # not undone
    assert window.dialogs.errors and "Cannot undo" in window.dialogs.errors[-1][1]
    assert "changed by Ben" in window.dialogs.errors[-1][1]
    assert window.undo_stack.count() == 0  # the refused step left the history
    window.editing.request_edit(event_id, "title", "Mine again")
    window.action_undo.trigger()  # nobody changed it since: undo works as ever
    assert window.project.events.get(event_id).title == "Ben built on it"


def test_the_connect_dialog_tests_then_connects(make_window, team_url: str, settings) -> None:  # noqa: ANN001
    from sqlalchemy.engine import make_url

    from desktop_app.gui.team_dialog import ConnectDialog

    window = make_window()  # a project file first
    url = make_url(team_url)
    dialog = ConnectDialog(window)
    dialog.host.setText(url.host or str(url.query["host"]))
    dialog.port.setValue(url.port or int(url.query.get("port", 5432)))
    dialog.user.setText(url.username or "")
    dialog.database.setText("no_such_database_here")
    assert not dialog.test_connection()
    assert "does not exist" in dialog.status.text()
    dialog.database.setText(url.database or "")
    assert dialog.test_connection()
    assert "a team project with 4 events" in dialog.status.text()
    dialog.password.setText("typed only for now")
    assert window.files.switch_project(dialog.address())
    assert window.project.db.is_server and window.timeline_model.rowCount() == 4
    assert not any("typed only" in entry for entry in settings.recent_projects())
