"""The window paints the project as last shown while the live project opens."""

from __future__ import annotations

import pickle
from pathlib import Path

from desktop_app.core.view_cache import project_stamp, read_snapshot
from desktop_app.gui.settings import view_cache_path


def test_next_start_paints_the_snapshot_then_the_live_project(make_window, qtbot,  # noqa: ANN001
                                                              settings, tmp_path: Path) -> None:
    from desktop_app.app import launch

    first = make_window("cached.tldb")
    path = first.project.path
    titles = [first.timeline_model.record(r).title for r in range(4)]
    first.close()
    assert read_snapshot(view_cache_path(path), project_stamp(path)) is not None
    window = launch(path, settings, seed_demo_if_new=False, files=[])
    qtbot.addWidget(window)
    assert window.project is None  # not loaded yet, but the content is there to paint
    assert [window.timeline_model.record(r).title for r in range(4)] == titles
    assert window.reader.quote_count() == 4 and "Taliban" in window.reader.toPlainText()
    with qtbot.waitSignal(window.projectLoaded, timeout=5000):
        pass
    assert window.project is not None and window.timeline_model.rowCount() == 4


def test_a_changed_project_does_not_use_the_snapshot(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    from desktop_app.core.project import open_project

    first = make_window("changed.tldb")
    path = first.project.path
    first.close()
    other = open_project(path)  # another program edits the project meanwhile
    other.events.delete(other.events.list()[0].id)
    other.close()
    assert read_snapshot(view_cache_path(path), project_stamp(path)) is None


def test_a_tampered_cache_cannot_run_code(tmp_path: Path) -> None:
    class Evil:
        def __reduce__(self):  # noqa: ANN204
            return (print, ("pwned",))

    cache = tmp_path / "evil.pickle"
    cache.write_bytes(pickle.dumps(Evil()))
    assert read_snapshot(cache, ()) is None


def test_a_snapshot_from_an_older_version_is_ignored(make_window) -> None:  # noqa: ANN001
    """Records change shape between versions: a snapshot written by an older one (no format
    number, or another) is not shown; the live project is."""
    from dataclasses import replace

    from desktop_app.core.view_cache import FORMAT, write_snapshot

    first = make_window("versions.tldb")
    path = first.project.path
    first.close()
    cache = view_cache_path(path)
    snapshot = read_snapshot(cache, project_stamp(path))
    assert snapshot is not None and snapshot.format == FORMAT
    for old in (0, FORMAT - 1):
        write_snapshot(cache, replace(snapshot, format=old))
        assert read_snapshot(cache, project_stamp(path)) is None
