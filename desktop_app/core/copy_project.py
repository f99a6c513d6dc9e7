"""Move a project between a file and a server (either way, or file to file): every row with
its id, so quotes, anchors, tags, filters, attribution and the project's identity survive,
and ids never used before stay unused.

The copy goes into a new file or an empty database, in one transaction: a failure leaves no
half-copied project (a new file is removed again).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Table, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from desktop_app.core.bulk import id_high_water, insert_rows, set_id_high_water
from desktop_app.core.database import ProjectDatabase
from desktop_app.core.db import open_database
from desktop_app.core.errors import (
    ProjectFileError,
    ProjectServerError,
    TimelineError,
    os_reason,
)
from desktop_app.core.gc_pause import gc_paused
from desktop_app.core.locations import ProjectLocation, project_location
from desktop_app.core.orm import Article, Base, Event, ProjectInfo
from desktop_app.core.output_files import project_files

BATCH = 5_000
# What a project is; the change log is each copy's own history and is not copied.
SKIPPED = frozenset({"change_log"})
Progress = Callable[[str, int, int], None]  # table, rows copied so far, rows in the table


def copy_project(source: str | Path | ProjectLocation, destination: str | Path | ProjectLocation,
                 progress: Progress | None = None) -> dict[str, int]:
    """Copy every row of ``source`` into a new project at ``destination``; rows per table."""
    src_at, dst_at = project_location(source), project_location(destination)
    if src_at == dst_at:
        raise ProjectFileError(src_at.shown, "is both the source and the destination")
    try:
        if src_at.path is not None and not src_at.path.is_file():
            raise ProjectFileError(src_at.path, "does not exist")
        made_file = dst_at.path is not None and not dst_at.path.exists()
    except OSError as exc:  # a name too long for this file system
        raise ProjectFileError(exc.filename or dst_at.shown,
                               f"cannot be used as a project file ({os_reason(exc)})") from exc
    src = open_database(src_at)
    dst = None
    try:
        dst = open_database(dst_at)  # a full disk can fail it half-made, too
        return _copy(src, dst, progress)
    except (TimelineError, SQLAlchemyError) as exc:
        if dst is not None:
            dst.close()
        if made_file and dst_at.path is not None:
            for leftover in project_files(dst_at.path):  # the file and its side files
                leftover.unlink(missing_ok=True)
        if isinstance(exc, TimelineError):
            raise
        raise _failed(dst_at, str(getattr(exc, "orig", exc) or exc)) from exc
    finally:
        src.close()
        if dst is not None:
            dst.close()


def _failed(where: ProjectLocation, problem: str) -> TimelineError:
    text = f"the copy failed ({' '.join(problem.split())}); nothing was copied"
    return (ProjectServerError(where.shown, text) if where.is_server
            else ProjectFileError(where.shown, text))


def _copy(src: ProjectDatabase, dst: ProjectDatabase,
          progress: Progress | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    with src.sessions() as read, dst.sessions.begin() as write, gc_paused():
        held = sum(write.scalar(select(func.count()).select_from(t)) or 0
                   for t in (Article.__table__, Event.__table__))
        if held:
            raise _failed(dst.location, f"it already holds a project ({held} articles and "
                                        "events); copy into a new file or an empty database")
        write.query(ProjectInfo).delete()  # the copy keeps the source's identity
        for table in Base.metadata.sorted_tables:
            if table.name in SKIPPED:
                continue
            counts[table.name] = _copy_table(read, write, table, progress)
            if "id" in table.c and table.c.id.primary_key:
                set_id_high_water(write, table, id_high_water(read, table))
    return counts


def _copy_table(read: Session, write: Session, table: Table, progress: Progress | None) -> int:
    total = read.scalar(select(func.count()).select_from(table)) or 0
    done = 0
    order = list(table.primary_key.columns)
    result = read.execute(select(table).order_by(*order)).mappings()
    for batch in result.partitions(BATCH):
        insert_rows(write, table, [dict(row) for row in batch])
        done += len(batch)
        if progress is not None:
            progress(table.name, done, total)
    if progress is not None and total == 0:
        progress(table.name, 0, 0)
    return done
