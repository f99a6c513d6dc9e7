"""Project files: schema via Alembic, SQLite settings, and refusing files that are not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.database import MIGRATIONS_DIR, SCHEMA_HEAD
from desktop_app.core.db import open_database
from desktop_app.core.errors import ProjectFileError
from desktop_app.core.project import open_project


def test_schema_head_is_the_newest_alembic_revision() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(cfg).get_current_head() == SCHEMA_HEAD


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migrated_schema_matches_the_orm(tmp_path: Path, backend: str,
                                         request: pytest.FixtureRequest) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from desktop_app.core.orm import Base

    db = open_database(tmp_path / "p.tldb" if backend == "sqlite"
                       else request.getfixturevalue("pg_url"))

    def neutral(name: str | None, kind: str, _parent: object) -> bool:
        # The full-text indexes are not part of the neutral schema (core/search.py).
        return not ((kind == "table" and (name or "").startswith("articles_fts"))
                    or (kind == "column" and name == "search_vector")
                    or (kind == "index" and name == "articles_search_vector"))

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_name": neutral})
        diff = compare_metadata(ctx, Base.metadata)
    db.close()
    assert diff == []


def test_sqlite_settings(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.tldb")
    with db.engine.connect() as conn:
        pragmas = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                   for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")}
    db.close()
    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000,
                       "synchronous": 1}


def test_reopening_keeps_data(tmp_path: Path) -> None:
    from desktop_app.core.project import seed_demo

    p = open_project(tmp_path / "p.tldb")
    seed_demo(p)
    p.close()
    again = open_project(tmp_path / "p.tldb")
    assert len(again.events.list()) == 4
    again.close()


def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path: Path) -> None:
    p = tmp_path / "notes.tldb"
    p.write_bytes(b"my precious notes, not a database" * 10)
    before = p.read_bytes()
    with pytest.raises(ProjectFileError, match="not an SQLite database") as info:
        open_project(p)
    assert str(p) in str(info.value)
    assert p.read_bytes() == before


def test_an_sqlite_database_that_is_not_ours_is_refused_and_untouched(tmp_path: Path) -> None:
    p = tmp_path / "other.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE birds (name TEXT)")
    con.execute("INSERT INTO birds VALUES ('robin')")
    con.commit()
    con.close()
    before = p.read_bytes()
    with pytest.raises(ProjectFileError, match="not a Timeline Annotator project"):
        open_project(p)
    assert p.read_bytes() == before


def test_a_truncated_database_is_refused(tmp_path: Path) -> None:
    good = tmp_path / "good.tldb"
    open_project(good).close()
    bad = tmp_path / "bad.tldb"
    bad.write_bytes(good.read_bytes()[:1000])
    with pytest.raises(ProjectFileError):
        open_project(bad)


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "future.tldb"
    open_project(p).close()
    con = sqlite3.connect(p)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(ProjectFileError, match="newer version"):
        open_project(p)


def test_a_project_on_a_full_disk_is_refused_saying_so(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """On a disk with no room left SQLite cannot make a project's side files even to read
    it, and says only "disk I/O error" (seen on a full 2 MB file system)."""
    from desktop_app.core import db

    path = tmp_path / "full.tldb"
    open_project(path).close()
    before = path.read_bytes()

    def no_room(*_args: object, **_kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(db.sqlite3, "connect", no_room)
    monkeypatch.setattr(db, "_nearly_full", lambda _where: True)
    with pytest.raises(ProjectFileError, match=r"full.tldb: cannot be opened: the disk is full "
                                               r"\(a project needs room for its side files"):
        open_project(path)
    monkeypatch.setattr(db, "_nearly_full", lambda _where: False)
    with pytest.raises(ProjectFileError, match=r"cannot be opened as a project \(disk I/O"):
        open_project(path)
    assert path.read_bytes() == before


def test_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="folder"):
        open_project(tmp_path)
    with pytest.raises(ProjectFileError, match="does not exist"):
        open_project(tmp_path / "missing" / "p.tldb")


def test_stored_enums_pickle_by_value_on_every_python() -> None:
    """The window's start-up snapshot pickles records; an enum pickled through getattr (as
    Python 3.11.2 does by default) would be refused by its allow-list, losing the snapshot."""
    import pickle

    from desktop_app.core.records import DateSource, Precision

    for member in (Precision.MONTH, DateSource.DATELINE):
        data = pickle.dumps(member)
        assert b"getattr" not in data and pickle.loads(data) is member
