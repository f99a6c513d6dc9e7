"""What every project database has, whichever backend holds it: the schema's revision, the
tables that make a database ours, the migrations, and the open database the services use.
``db`` opens project files (SQLite), ``db_server`` team projects (PostgreSQL).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.errors import BackupError, ExportError
from desktop_app.core.locations import ProjectLocation
from desktop_app.core.orm import Base
from desktop_app.core.output_files import replace_atomically
from desktop_app.core.wording import some_of

SCHEMA_HEAD = "0010"  # tests check this equals the newest Alembic revision
OUR_TABLES = frozenset({"articles", "events", "quotes", "tags", "event_tags"})


def missing_columns(columns_of: Callable[[str], set[str]]) -> list[str]:
    """The "table.column" names the models read that a project at the newest schema lacks
    (altered by hand or by another program): such a project is refused when it is opened,
    by name, instead of failing with an internal error at the first read of the column.
    ``columns_of(table)``: the columns the database has (none for a missing table)."""
    missing = []
    for table in Base.metadata.sorted_tables:
        found = columns_of(table.name)
        missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in found]
    return missing


def lacking(missing: list[str]) -> str:
    """How a refusal names the missing columns."""
    return (f"lacks columns this version reads ({some_of(missing)}): it was changed by "
            "another program; it was not opened, so nothing was written to it")
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


@dataclass
class ProjectDatabase:
    """An open project: where it is, its engine and session factory."""

    location: ProjectLocation
    engine: Engine
    sessions: sessionmaker[Session]
    # Only reading: a project file opened read-only, or a team project whose login may only
    # read (nothing is pruned, upgraded or written; the window disables editing).
    read_only: bool = False
    read_only_reason: str = ""

    @property
    def path(self) -> Path | None:
        """The project file (None for a team project on a server)."""
        return self.location.path

    @property
    def is_server(self) -> bool:
        return self.location.is_server

    def close(self) -> None:
        """Release the file (checkpointing the WAL) or the server connections."""
        self.engine.dispose()

    def backup_to(self, destination: Path | str) -> Path:
        """Write a consistent copy of the open project (SQLite online backup, safe while in
        use), atomically: the destination is replaced only when the copy is complete, and
        never when it is this project or one of its files."""
        destination = Path(destination)
        if self.path is None:
            raise BackupError(destination, "a team project is backed up by its server "
                                           "(pg_dump), not copied by the app")
        raw = self.engine.raw_connection()

        def copy(tmp: Path) -> None:
            target = sqlite3.connect(tmp)
            try:
                driver = raw.driver_connection
                assert isinstance(driver, sqlite3.Connection)
                driver.backup(target)
            finally:
                target.close()

        try:
            replace_atomically(destination, copy, [self.path], replaces_database=True)
        except ExportError as exc:
            raise BackupError(destination, exc.problem) from exc
        except sqlite3.Error as exc:
            raise BackupError(destination, f"could not be written ({exc})") from exc
        finally:
            raw.close()
        return destination



def run_migrations(conn: Connection) -> None:
    """Upgrade the schema to the head revision, inside the caller's transaction."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")

