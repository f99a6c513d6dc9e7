"""Upgrading old project files (with a backup first) and backing up open projects."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from desktop_app.core import db as db_module
from desktop_app.core.backups import rolling_backup
from desktop_app.core.database import MIGRATIONS_DIR, SCHEMA_HEAD
from desktop_app.core.db import upgrade_backup_path
from desktop_app.core.errors import ProjectFileError
from desktop_app.core.project import open_project
from tests.conftest import FIXTURES


@pytest.fixture
def project(sqlite_project):  # noqa: ANN001, ANN201
    """These are about a project file (its side files, its backups): SQLite only."""
    return sqlite_project

KEPT = sorted((FIXTURES / "projects").glob("schema-*.tldb"))


def _revision(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def test_a_project_is_kept_for_every_released_schema() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    revisions = {r.revision for r in ScriptDirectory.from_config(cfg).walk_revisions()}
    kept = {p.stem.removeprefix("schema-") for p in KEPT}
    assert kept == revisions - {SCHEMA_HEAD}, "keep a project file made by each older schema"


@pytest.mark.parametrize("kept", KEPT, ids=lambda p: p.name)
def test_old_projects_upgrade_with_a_backup_and_no_data_lost(kept: Path, tmp_path: Path) -> None:
    path = tmp_path / kept.name
    shutil.copy(kept, path)
    old = _revision(path)
    project = open_project(path)
    events = project.events.list()
    assert [e.date.start.isoformat() for e in events] == [
        "2021-07-05", "2021-07-06", "2021-07-07", "2021-07-08"]
    assert events[0].notes == "kept across upgrades" and events[0].tags == ("army", "border")
    assert all(e.quotes and e.quotes[0].exact.startswith("On ") for e in events)
    assert len(project.articles.list()) == 1
    project.close()
    assert _revision(path) == SCHEMA_HEAD
    backup = upgrade_backup_path(path, old)
    assert _revision(backup) == old
    assert sqlite3.connect(backup).execute("SELECT count(*) FROM events").fetchone()[0] == 4


def test_a_failed_upgrade_leaves_the_project_as_it_was(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.tldb"
    shutil.copy(KEPT[0], path)
    before = path.read_bytes()

    def broken(_engine) -> None:  # noqa: ANN001
        raise OperationalError("ALTER TABLE", {}, Exception("disk I/O error"))

    monkeypatch.setattr(db_module, "_upgrade", broken)
    with pytest.raises(ProjectFileError, match="disk I/O error"):
        open_project(path)
    assert _revision(path) == _revision(KEPT[0])
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 4
    con.close()
    assert len(path.read_bytes()) == len(before)


def test_backup_while_open_is_consistent(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    target = demo_project.db.backup_to(tmp_path / "copy.tldb")
    copy = open_project(target)
    assert [e.title for e in copy.events.list()] == [e.title for e in demo_project.events.list()]
    copy.close()


def test_rolling_backups_keep_the_newest(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "backups"
    start = datetime(2026, 1, 1, 12, 0, 0)
    made = [rolling_backup(demo_project.db, folder, keep=3, now=start + timedelta(minutes=i))
            for i in range(5)]
    left = sorted(folder.iterdir())
    assert left == sorted(made[-3:])
    assert rolling_backup(demo_project.db, folder, keep=0) is None


def test_a_backup_to_an_impossible_place_is_a_clear_error(demo_project,  # noqa: ANN001
                                                        tmp_path: Path) -> None:
    from desktop_app.core.errors import BackupError

    with pytest.raises(BackupError, match="no-such-folder does not exist"):
        demo_project.db.backup_to(tmp_path / "no-such-folder" / "copy.tldb")


def _damage(path: Path, page: int, offset: int) -> bytes:
    """Flip four bytes of one page of a project (a bad sector, a bad copy)."""
    data = bytearray(path.read_bytes())
    for k in range(4):
        data[(page - 1) * 4096 + offset + k] ^= 0xFF
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize("offset", [3, 5, 9])
def test_a_damaged_project_is_refused_and_left_untouched(tmp_path: Path, offset: int) -> None:
    import sqlite3

    from desktop_app.core.errors import ProjectDamagedError
    from desktop_app.core.project import open_project, seed_demo

    db = tmp_path / "p.tldb"
    project = open_project(db)
    seed_demo(project)
    project.close()
    con = sqlite3.connect(db)
    [(events_page,)] = con.execute("SELECT rootpage FROM sqlite_master WHERE name='events'")
    con.close()
    damaged = _damage(db, events_page, offset)
    with pytest.raises(ProjectDamagedError, match="is damaged .*nothing was written to it"):
        open_project(db)
    assert db.read_bytes() == damaged
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # nothing waits to be written either


def test_a_damaged_project_names_the_newest_good_backup_and_keeps_them_all(
        tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import desktop_app.app as app
    from desktop_app.core.errors import ProjectDamagedError
    from desktop_app.gui import settings

    monkeypatch.setattr(settings, "data_dir", lambda: tmp_path / "data")
    db = tmp_path / "p.tldb"
    for _ in range(3):  # three good opens, three good backups
        project = app._open_or_create(db, seed_demo_if_new=True)
        project.close()
    folder = settings.backup_folder(db)
    backups = sorted(folder.iterdir())
    assert len(backups) == 3
    _damage(db, 6, 5)
    for _ in range(6):  # more opens than backups kept: none may replace a good one
        with pytest.raises(ProjectDamagedError) as caught:
            app._open_project(db)
        assert f"The newest good backup is {backups[-1]}" in str(caught.value)
    assert sorted(folder.iterdir()) == backups
    restored = app._open_project(backups[-1])
    assert len(restored.events.list()) == 4
    restored.close()


def test_ids_of_deleted_events_and_quotes_are_never_given_again(tmp_path: Path) -> None:
    """An id in an exported CSV or annotation names one event forever."""
    from desktop_app.core.project import open_project, seed_demo

    path = tmp_path / "old.tldb"
    shutil.copy(FIXTURES / "projects" / "schema-0004.tldb", path)
    project = open_project(path)  # upgraded: the tables are rebuilt
    events = project.events.list()
    newest = max(events, key=lambda e: e.id)
    project.events.delete(newest.id)
    article = project.articles.list()[0]
    again = project.events.create_from_selection(article.id, 0, 20)
    assert again.id > newest.id and again.quotes[0].id > newest.quotes[0].id
    assert events[0].tags == ("army", "border") and len(project.events.list()) == 4
    project.close()
    fresh = open_project(tmp_path / "new.tldb")
    seed_demo(fresh)
    last = max(e.id for e in fresh.events.list())
    fresh.events.delete(last)
    assert fresh.events.create_from_selection(1, 0, 20).id == last + 1
    fresh.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 0  # a plain connection
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
