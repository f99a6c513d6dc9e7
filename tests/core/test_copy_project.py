"""copy-project: a project moves between a file and a server, either way, losing nothing:
every export format is the same before and after, ids stay and are never reused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.core.copy_project import copy_project
from desktop_app.core.edits import ArticleDraft, EventEdit
from desktop_app.core.errors import TimelineError
from desktop_app.core.exporters.formats import FORMATS
from desktop_app.core.project import open_project, seed_demo


def _rich(project) -> None:  # noqa: ANN001
    """The demo, plus a second source, tags with colours, a saved filter, a deleted event
    (its id must never come back) and a change by someone else."""
    from desktop_app.core.filters import EventFilter

    seed_demo(project)
    events = project.events.list()
    project.events.edit(events[0].id, EventEdit(tags=("army", "border"), notes="two\nlines"))
    project.tags.set_colour("army", "#AA0000")
    other = project.articles.add(ArticleDraft(title="Second outlet", text="Elsewhere. "
                                              + events[1].quotes[0].exact + ".",
                                              url="https://second.example/story"))
    project.sources.add_quote(events[1].id, other.id, len("Elsewhere. "),
                              len("Elsewhere. ") + len(events[1].quotes[0].exact))
    project.filters.save("army only", EventFilter(tags=("army",)))
    doomed = project.events.create_from_quote_text(other.id, events[1].quotes[0].exact)
    project.events.delete(doomed.id)


def _exports(project, folder: Path) -> dict[str, bytes]:  # noqa: ANN001
    folder.mkdir()
    out = {}
    for fmt in FORMATS:
        path = folder / f"t.{fmt}"
        project.exports.export(fmt, path, "Timeline")
        out[fmt] = path.read_bytes()
    return out


@pytest.mark.parametrize("direction", ["file to server", "server to file"])
def test_a_copy_loses_nothing(direction: str, pg_url: str, tmp_path: Path) -> None:
    file = tmp_path / "p.tldb"
    source, destination = (file, pg_url) if direction == "file to server" else (pg_url, file)
    project = open_project(source, author="Ana")
    _rich(project)
    before = _exports(project, tmp_path / "before")
    records, uuid = project.events.list(), project.uuid
    project.close()
    seen: list[tuple[str, int, int]] = []
    counts = copy_project(source, destination, lambda *p: seen.append(p))
    assert counts["events"] == 4 and counts["articles"] == 2 and counts["quotes"] == 5
    assert ("events", 4, 4) in seen
    copied = open_project(destination, author="Ben")
    try:
        assert copied.uuid == uuid  # the same project, moved: ICS UIDs and ids stay
        assert _exports(copied, tmp_path / "after") == before
        assert copied.events.list() == records  # attribution and versions included
        assert copied.filters.names() == ["army only"]
        assert copied.tags.colours() == {"army": "#aa0000"}
        fresh = copied.events.create_from_quote_text(1, records[0].quotes[0].exact)
        assert fresh.id > max(r.id for r in records) + 1  # the deleted event's id stays unused
    finally:
        copied.close()


def test_a_copy_never_goes_into_a_project_that_holds_data(pg_url: str, tmp_path: Path) -> None:
    source = tmp_path / "a.tldb"
    project = open_project(source)
    seed_demo(project)
    project.close()
    existing = open_project(pg_url)
    seed_demo(existing)
    existing.close()
    with pytest.raises(TimelineError, match="already holds a project"):
        copy_project(source, pg_url)
    target = open_project(pg_url)
    try:
        assert len(target.events.list()) == 4  # untouched
    finally:
        target.close()


def test_the_cli_copies_with_progress(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    source, destination = tmp_path / "a.tldb", tmp_path / "b.tldb"
    project = open_project(source)
    seed_demo(project)
    project.close()
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "desktop_app", "copy-project", str(source),
                           str(destination)], env=env, text=True, capture_output=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "copying events: 4 of 4 rows" in done.stderr and "copied 1 articles" in done.stderr
    again = subprocess.run([sys.executable, "-m", "desktop_app", "copy-project", str(source),
                            str(destination)], env=env, text=True, capture_output=True,
                           timeout=120)
    assert again.returncode == 1 and "already holds a project" in again.stderr
    assert json.loads(json.dumps(again.stderr.count("\n"))) == 1


def test_a_copy_the_disk_cannot_take_leaves_no_file(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A full disk can fail the new project while it is being made (its schema): the half-
    made file went unremoved."""
    import desktop_app.core.copy_project as copying
    from desktop_app.core.errors import ProjectWriteError

    source = tmp_path / "src.tldb"
    seed_demo(project := open_project(source))
    project.close()
    real = copying.open_database
    target = tmp_path / "copy.tldb"

    def half_made(where):  # noqa: ANN001, ANN202
        if getattr(where, "path", None) == target:
            target.write_bytes(b"SQLite format 3\x00")
            raise ProjectWriteError(f"{target}: the disk is full")
        return real(where)

    monkeypatch.setattr(copying, "open_database", half_made)
    with pytest.raises(ProjectWriteError):
        copy_project(source, target)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("copy")] == []
