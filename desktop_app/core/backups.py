"""Rolling backups of a project: a copy on every open, keeping the newest few."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop_app.core.db import ProjectDatabase

DEFAULT_KEEP = 5


def rolling_backup(db: ProjectDatabase, folder: Path, keep: int = DEFAULT_KEEP,
                   now: datetime | None = None) -> Path | None:
    """Copy the project into ``folder`` and delete all but the ``keep`` newest copies of it."""
    if keep <= 0:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = db.backup_to(folder / f"{db.path.stem}-{stamp}{db.path.suffix}")
    copies = sorted(folder.glob(f"{db.path.stem}-*{db.path.suffix}"))
    for old in copies[:-keep]:
        old.unlink(missing_ok=True)
    return target
