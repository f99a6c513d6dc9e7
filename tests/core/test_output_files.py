"""Exports and backups are never written over the open project, its side files, a backup or
anything that is not a regular file; links are written through; new files follow the umask."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from desktop_app.app import main
from desktop_app.core.errors import BackupError, ExportError
from desktop_app.core.exporters.formats import FORMATS
from desktop_app.core.project import open_project, seed_demo


@pytest.fixture
def project(sqlite_project):  # noqa: ANN001, ANN201
    """These are about a project file (its side files, its backups): SQLite only."""
    return sqlite_project


def _events(path: Path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return con.execute("SELECT id, title FROM events ORDER BY id").fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("fmt", ["csv", *FORMATS])
def test_no_export_format_writes_over_the_open_project(demo_project, fmt: str) -> None:  # noqa: ANN001
    path = demo_project.path
    before = path.read_bytes()
    for target in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with pytest.raises(ExportError, match="open project"):
            demo_project.exports.export(fmt, target, "t")
    assert path.read_bytes() == before
    assert len(demo_project.events.list()) == 4


def test_a_link_to_the_project_is_refused_too(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    link = tmp_path / "innocent.csv"
    link.symlink_to(demo_project.path)
    with pytest.raises(ExportError, match="open project"):
        demo_project.exports.export_csv(link)
    assert link.is_symlink() and len(demo_project.events.list()) == 4


def test_another_database_such_as_a_backup_is_never_replaced(demo_project,  # noqa: ANN001
                                                            tmp_path: Path) -> None:
    backup = demo_project.db.backup_to(tmp_path / "backup.tldb")
    before = backup.read_bytes()
    with pytest.raises(ExportError, match="is a database"):
        demo_project.exports.export("html", backup, "t")
    assert backup.read_bytes() == before and len(_events(backup)) == 4


def test_a_backup_is_never_written_over_the_project_itself(demo_project) -> None:  # noqa: ANN001
    with pytest.raises(BackupError, match="open project"):
        demo_project.db.backup_to(demo_project.path)
    assert len(demo_project.events.list()) == 4


def test_fifos_devices_and_folders_are_refused_at_once(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for target, reason in ((fifo, "not a regular file"), (Path("/dev/null"), "not a regular file"),
                           (tmp_path, "is a folder")):
        with pytest.raises(ExportError, match=reason):
            demo_project.exports.export_csv(target)
    assert Path("/dev/null").is_char_device()


def test_a_symlink_is_written_through_and_kept(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    demo_project.exports.export("md", link, "Linked")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("# Linked")


def test_a_link_to_a_pipe_is_refused_as_not_a_regular_file(demo_project,  # noqa: ANN001
                                                            tmp_path: Path) -> None:
    """/dev/stdout is a link to a pipe: it was followed to a name in /proc that does not
    exist ('cannot write in /proc/123/fd'); now it is said plainly."""
    from desktop_app.core.errors import ExportError

    read_end, write_end = os.pipe()
    try:
        link = tmp_path / "out.csv"  # as /dev/stdout is, when the output goes to a pipe
        link.symlink_to(f"/proc/self/fd/{write_end}")
        with pytest.raises(ExportError, match="is not a regular file"):
            demo_project.exports.export_csv(link)
    finally:
        os.close(read_end)
        os.close(write_end)
    dangling = tmp_path / "new.csv"  # a link to a file not yet there is written through
    dangling.symlink_to(tmp_path / "made.csv")
    demo_project.exports.export_csv(dangling)
    assert (tmp_path / "made.csv").read_text(encoding="utf-8-sig").startswith("event_id")


def test_exports_follow_the_umask_like_any_saved_file(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    old = os.umask(0o022)
    try:
        target = tmp_path / "report.html"
        demo_project.exports.export("html", target, "t")
        assert target.stat().st_mode & 0o777 == 0o644
        os.umask(0o077)
        private = tmp_path / "private.csv"
        demo_project.exports.export_csv(private)
        assert private.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_cli_export_over_the_project_exits_1_and_changes_nothing(tmp_path: Path,  # noqa: ANN001
                                                                 capsys) -> None:
    db = tmp_path / "p.tldb"
    project = open_project(db)
    seed_demo(project)
    project.close()
    before = _events(db)
    for args in (["export", "csv", str(db)], ["export-csv", str(db)],
                 ["export", "html", str(db)]):
        assert main(["--db", str(db), *args]) == 1
        err = capsys.readouterr().err
        assert str(db) in err and "open project" in err and "Traceback" not in err
    assert _events(db) == before
