"""Rolling backups of a project: a copy on every open, keeping the newest few.

Only a project that passed SQLite's consistency check on opening is ever copied (a damaged one
is not opened), so the copies kept are all good ones and a damaged project can never push the
last good copy out.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop_app.core.database import ProjectDatabase

DEFAULT_KEEP = 5


def rolling_backup(db: ProjectDatabase, folder: Path, keep: int = DEFAULT_KEEP,
                   now: datetime | None = None) -> Path | None:
    """Copy the project into ``folder`` and delete all but the ``keep`` newest copies of it
    (a project file's; a team project is backed up by its server)."""
    project = db.path
    if keep <= 0 or project is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = db.backup_to(folder / f"{project.stem}-{stamp}{project.suffix}")
    for old in _copies(folder, project)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def _copies(folder: Path, project: Path) -> list[Path]:
    """The rolling copies of ``project`` in ``folder``, oldest first (the names sort by time)."""
    return sorted(folder.glob(f"{project.stem}-*{project.suffix}"))


def newest_backup(folder: Path, project: Path) -> Path | None:
    """The newest rolling copy of ``project``, to offer when the project itself is damaged."""
    copies = _copies(folder, project) if folder.is_dir() else []
    return copies[-1] if copies else None
