"""Open a project file: check it is ours, migrate it, and hand out transactional sessions.

SQLite specifics (pragmas, the file header check) live here; a team project on a PostgreSQL
server is opened by ``db_server`` into the same ``ProjectDatabase``, for the same services.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import sessionmaker

from desktop_app.core.database import (
    OUR_TABLES,
    SCHEMA_HEAD,
    ProjectDatabase,
    lacking,
    missing_columns,
    run_migrations,
)
from desktop_app.core.errors import (
    ProjectBusyError,
    ProjectDamagedError,
    ProjectFileError,
    ProjectWriteError,
    os_reason,
)
from desktop_app.core.locations import ProjectLocation, project_location
from desktop_app.core.output_files import SQLITE_HEADER

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    """WAL for crash safety and concurrent readers; foreign keys on; wait, don't fail, on locks.

    The driver's own transaction handling is switched off so that _begin_immediate decides
    how transactions start.
    """
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


LOCK_RETRIES = 3


def _begin_immediate(conn: Connection) -> None:
    """Take the write lock when a transaction starts, so a second process waits for it (busy
    timeout, then a few retries) instead of failing when a read turns into a write; if the
    lock never comes, say so in words rather than with 'database is locked'."""
    for attempt in range(LOCK_RETRIES + 1):
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as exc:
            if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
                raise
            if attempt == LOCK_RETRIES:
                raise ProjectBusyError(
                    f"{conn.engine.url.database}: another program has kept this project "
                    "locked for too long; nothing was changed. Close the other program (or "
                    "window) that is writing to it, then try again.") from exc
            time.sleep(0.1 * (attempt + 1))


def _write_failure(context: ExceptionContext) -> None:
    """A full or failing disk is the environment, not a bug: say so in words (SQLite has
    rolled the transaction back, so nothing of the change was kept)."""
    error = context.original_exception
    if not isinstance(error, sqlite3.OperationalError):
        return
    words = str(error).lower()
    where = (context.engine.url.database if context.engine is not None else None) or "project"
    if _disk_is_full(error, where):
        raise ProjectWriteError(f"{where}: the disk is full, so this change was not saved "
                                "(nothing of it was kept). Free some space, then try "
                                "again") from error
    if "disk i/o error" in words:
        raise ProjectWriteError(f"{where}: the disk failed to write this change, so it was "
                                "not saved (nothing of it was kept). Check the disk, then "
                                "try again") from error


def _disk_is_full(error: BaseException, project: str) -> bool:
    """Whether SQLite's error means the disk holding a project is full: it says so, or it
    reports a failed write where (next to) no room is left."""
    words = str(error).lower()
    return "full" in words or ("disk i/o error" in words and _nearly_full(project))


def _nearly_full(project: str) -> bool:
    """Whether the disk holding a project has (next to) no room left: SQLite reports a write
    that found none as a failed write, not always as a full disk."""
    try:
        return shutil.disk_usage(Path(project).parent).free < 1024 * 1024
    except OSError:
        return False


def _open_read_only(path: Path) -> ProjectDatabase:
    if not path.is_file():
        raise ProjectFileError(path, "does not exist" if not path.exists()
                               else "is not a regular file; a project is a file")
    revision = _existing_revision(path, immutable=True)
    if revision != SCHEMA_HEAD:
        raise ProjectFileError(path, f"is read-only and of schema {revision}; this version "
                                     f"reads schema {SCHEMA_HEAD}: make a copy you can write "
                                     "to, and open that (it is upgraded)")
    # immutable: no lock and no -shm file (the folder may be read-only too).
    engine = create_engine(f"sqlite:///{path.as_uri()}?mode=ro&immutable=1&uri=true")
    event.listen(engine, "connect", _read_only_pragmas)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return ProjectDatabase(ProjectLocation(path=path), engine,
                           sessionmaker(engine, expire_on_commit=False), read_only=True,
                           read_only_reason="the file is read-only for you")


def _read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA query_only=ON")


def _check_file(path: Path) -> None:
    try:
        _check_existing(path)
    except OSError as exc:  # a name too long for this file system
        raise ProjectFileError(path, f"cannot be opened ({os_reason(exc)})") from exc


def _check_existing(path: Path) -> None:
    if not path.exists():
        return
    if path.is_dir():
        raise ProjectFileError(path, "is a folder, not a project file")
    if not path.is_file():
        raise ProjectFileError(path, "is not a regular file (a pipe, device or socket); a "
                                     "project is a file")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise ProjectFileError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if head and head != SQLITE_HEADER:
        raise ProjectFileError(path, "is not a Timeline Annotator project (not an SQLite database)")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise ProjectFileError(path, "is read-only (or its folder is): make a copy you can "
                                     "write to, or change its permissions, then open that")


def _existing_revision(path: Path, immutable: bool = False) -> str | None:
    """Look at an existing file read-only (so a foreign database is never modified);
    ``immutable``: without even SQLite's shared-memory side file (a read-only project)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro{'&immutable=1' if immutable else ''}",
                              uri=True)
        try:
            rows = con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            tables = {r[0] for r in rows}
            if not tables:
                return None
            if "alembic_version" not in tables or not OUR_TABLES <= tables:
                raise ProjectFileError(path, "is an SQLite database but not a Timeline Annotator"
                                             " project")
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            problems = [r[0] for r in con.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                first = problems[0].replace("*** in database main ***", "").strip()
                raise _damaged(path, first.replace("\n", "; "))
            revision = row[0] if row else None
            if revision == SCHEMA_HEAD:
                missing = missing_columns(lambda table: {
                    r[1] for r in con.execute("SELECT * FROM pragma_table_info(?)", (table,))})
                if missing:
                    raise ProjectFileError(path, lacking(missing))
            return revision
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc):
            raise _damaged(path, str(exc)) from exc
        if _disk_is_full(exc, str(path)):
            raise ProjectFileError(path, "cannot be opened: the disk is full (a project needs "
                                         "room for its side files even to be read). Free "
                                         "some space, then open it again") from exc
        raise ProjectFileError(path, f"cannot be opened as a project ({exc})") from exc
    except UnicodeDecodeError as exc:  # flipped bits in the names SQLite keeps as text
        raise _damaged(path, "its list of tables is not readable text") from exc


def _damaged(path: Path, problem: str) -> ProjectDamagedError:
    return ProjectDamagedError(path, f"is damaged ({problem}); it was not opened, so nothing "
                                     "was written to it")


def upgrade_backup_path(path: Path, revision: str) -> Path:
    """Where an upgrade keeps the project as it was: 'name.tldb.bak-0001'."""
    return path.with_name(f"{path.name}.bak-{revision}")


def _backup_before_upgrade(path: Path, revision: str) -> None:
    """Copy an older project before migrating it; refuse to upgrade without a copy."""
    target = upgrade_backup_path(path, revision)
    try:
        source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
    except (OSError, sqlite3.Error) as exc:
        raise ProjectFileError(path, f"needs an upgrade but no backup could be written to "
                                     f"{target} ({exc}); it was left untouched") from exc
    log.info("backed up %s to %s before upgrading from schema %s", path, target, revision)


def _upgrade(engine: Engine) -> None:
    with engine.connect() as conn:
        # Migrations that rebuild a table must not cascade its deletion to the rows that
        # refer to it: SQLite's own procedure switches foreign keys off outside the
        # transaction and checks them before committing.
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                run_migrations(conn)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError("upgrade", {}, Exception(
                        f"the upgrade would break {len(broken)} links between rows"))
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def open_database(target: Path | str | ProjectLocation, read_only: bool = False,
                  on_wait: Callable[[str], None] | None = None) -> ProjectDatabase:
    """Open or create a project (a file, or a database on a server), upgrading its schema;
    raise ProjectFileError (ProjectServerError) if unusable.

    ``read_only``: open an existing project file only to read it (listing, exporting a project
    on a read-only disk or shared read-only); nothing is created, upgraded or written.
    ``on_wait`` hears when another client is upgrading a team project and this one waits.
    """
    location = project_location(target)
    if location.path is None:
        from desktop_app.core.db_server import open_server_database

        return open_server_database(location, on_wait)
    path = location.path
    if read_only:
        return _open_read_only(path)
    _check_file(path)
    if not path.parent.exists():
        raise ProjectFileError(path, f"folder {path.parent} does not exist")
    revision = _existing_revision(path)
    if revision is not None and revision > SCHEMA_HEAD:
        raise ProjectFileError(path, f"was made by a newer version (schema {revision}); "
                                     "please upgrade Timeline Annotator")
    if revision is not None and revision < SCHEMA_HEAD:
        _backup_before_upgrade(path, revision)
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _begin_immediate)
    event.listen(engine, "handle_error", _write_failure)
    try:
        if revision != SCHEMA_HEAD:
            log.info("upgrading %s from schema %s to %s", path, revision, SCHEMA_HEAD)
            _upgrade(engine)
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        reason = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        raise ProjectFileError(path, f"cannot be opened as a project ({reason})") from exc
    return ProjectDatabase(location, engine, sessionmaker(engine, expire_on_commit=False))
