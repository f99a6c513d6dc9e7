"""The real start-up path: window first, project after the first paint; whole-process smoke."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, demo_changed_by_another_program


def test_launch_paints_then_loads_the_demo_and_imports_files(qtbot, settings,  # noqa: ANN001
                                                            tmp_path: Path) -> None:
    from desktop_app.app import launch

    db = tmp_path / "first-run.tldb"
    window = launch(db, settings, seed_demo_if_new=True, files=[FIXTURES / "dateline.txt"])
    qtbot.addWidget(window)
    assert window.project is None and not window.user_actions.create_event.isEnabled()
    with qtbot.waitSignal(window.projectLoaded, timeout=5000):
        pass
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2, timeout=5000)
    assert window.timeline_model.rowCount() == 4 and window.user_actions.create_event.isEnabled()
    assert window.project.path == db.resolve()


def test_the_program_starts_and_exits_cleanly(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONPATH": str(REPO)}
    shot = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--quit-after", "1.5",
                             "--screenshot", str(shot)], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000  # a real picture of the window
    created = sorted(p.relative_to(tmp_path / "data") for p in (tmp_path / "data").rglob("*.tldb"))
    assert [p.name for p in created if "backups" not in p.parts] == ["My timeline.tldb"]
    assert len([p for p in created if "backups" in p.parts]) == 1  # the rolling backup
    logs = list((tmp_path / "data").rglob("timeline-annotator.log"))
    assert len(logs) == 1 and "upgrading" in logs[0].read_text()  # new file: schema created


@pytest.mark.parametrize("content", [b"definitely not a database" * 10])
def test_a_bad_project_on_the_command_line_exits_with_status_1(tmp_path: Path,
                                                             content: bytes) -> None:
    bad = tmp_path / "bad.tldb"
    bad.write_bytes(content)
    result = _main_answering_boxes(["--db", str(bad)], tmp_path)
    assert result.returncode == 1, result.stderr
    assert f"{bad}" in result.stderr and "not an SQLite database" in result.stderr
    assert bad.read_bytes() == content


@pytest.mark.parametrize(("change", "named", "status"), [
    # The timeline cannot be shown: the project is refused.
    ("UPDATE events SET precision = 'fortnight' WHERE id = 2",
     "events row 2, column precision holds 'fortnight'", 1),
    # Only the article cannot be shown: the window stays, saying why (the excepthook's
    # diagnosis), and the rest of the project can be worked on or copied out.
    ("UPDATE articles SET published_source = 'oracle' WHERE id = 1",
     "articles row 1, column published_source holds 'oracle'", 0),
])
def test_a_project_with_a_damaged_value_is_named_at_launch(tmp_path: Path, change: str,
                                                           named: str, status: int) -> None:
    """Both opened as an empty or half-shown window after an "unexpected error"."""
    bad = demo_changed_by_another_program(tmp_path / "bad-value.tldb", change)
    result = _main_answering_boxes(["--db", str(bad), "--quit-after", "3"], tmp_path)
    assert result.returncode == status, result.stderr
    assert f"error: {bad}: a stored value is damaged: {named}" in result.stderr
    assert "unexpected error" not in result.stderr


def test_every_launch_shows_the_same_working_window_as_the_first(qtbot, settings,  # noqa: ANN001
                                                                 tmp_path: Path) -> None:
    """The second launch paints the snapshot of the first, then loads the live project: the
    article it opens must be analysed (underlines, the dated-passages panel, F8) all the same."""
    from PySide6.QtCore import Qt

    from desktop_app.app import launch

    db = tmp_path / "twice.tldb"
    seen = []
    for launch_no in (1, 2):
        window = launch(db, settings, seed_demo_if_new=True, files=[])
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.projectLoaded, timeout=10000):
            pass
        with qtbot.waitActive(window):
            window.activateWindow()
        assert window.reader.article_id is not None, launch_no
        # Nothing done yet in this window: nothing to undo or redo (the second launch had
        # both enabled, by the project's access check).
        assert not window.action_undo.isEnabled(), launch_no
        assert not window.action_redo.isEnabled(), launch_no
        underlines = window.reader.expression_count()
        summary = window.coverage.summary.text()
        assert underlines >= 5, (launch_no, underlines)
        assert summary.startswith("4 of 5 dated passages are on the timeline"), (launch_no, summary)
        window.reader.setFocus()
        qtbot.keyClick(window.reader, Qt.Key.Key_F8)
        selected = window.reader.selection_range()
        assert selected is not None, launch_no
        seen.append((underlines, summary, selected))
        window.close()
    assert seen[0] == seen[1]


def test_reopening_returns_to_the_article_and_event_last_shown(make_window, qtbot,  # noqa: ANN001
                                                                tmp_path) -> None:
    from desktop_app.core.edits import ArticleDraft

    first = make_window("place.tldb")
    other = first.project.articles.add(ArticleDraft(
        title="Second report", text="Kabul. On Friday, the envoy left. " * 40))
    event = first.project.events.create_from_quote_text(other.id, "On Friday, the envoy left.")
    first.selection.select_event(event.id)
    first.selection.select_article(other.id)
    first.close()
    second = make_window("place.tldb")
    assert second.reader.article_id == other.id
    assert second.selection.current_event().id == event.id


def test_a_loaded_project_is_left_out_of_full_collections(window) -> None:  # noqa: ANN001
    """A full collection with 100,000 events loaded took about 250 ms at a moment of the
    collector's choosing; the loaded timeline is frozen out of them while the project is
    open, and given back when the window closes."""
    import gc

    rows = window.timeline_model._all  # the loaded rows, as the project opened
    assert gc.get_freeze_count() > 0
    assert not any(o is rows for o in gc.get_objects())  # not scanned by any collection
    window.close()
    assert gc.get_freeze_count() == 0


def _main_answering_boxes(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """The whole program in its own process, offscreen; a modal error box cannot be answered
    there, so a timer closes every one it finds."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONPATH": str(REPO),
           "QT_QPA_PLATFORM": "offscreen"}
    code = ("import sys; from PySide6.QtCore import QTimer; from PySide6.QtWidgets import "
            "QApplication, QMessageBox\n"
            "def close_boxes():\n"
            "    for w in QApplication.topLevelWidgets():\n"
            "        if isinstance(w, QMessageBox): w.done(0)\n"
            "t = QTimer(); t.timeout.connect(close_boxes)\n"
            "import desktop_app.app as a\n"
            "QApplication.instance() or QApplication(sys.argv[:1]); t.start(200)\n"
            f"sys.exit(a.main({args!r}))\n")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=60)
