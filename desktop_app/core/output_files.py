"""Files the app writes for the user (exports, charts, backup copies): one routine that decides
whether a path may be written and replaces it atomically.

An export is never a database, so whatever it is asked to write over, the open project, its
WAL/SHM/journal, a backup or any other SQLite file is refused before a byte is written; an
output is always a regular file (a FIFO, a device or a folder is refused rather than blocked on
or turned into a file); a symlink is written through to its target instead of being replaced;
and the new file gets the user's umask like any other saved file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO, TypeVar

from desktop_app.core.errors import ExportError, os_reason

T = TypeVar("T")
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def project_files(project: Path) -> list[Path]:
    """The project file and the files SQLite keeps beside it while it is open."""
    return [project.with_name(project.name + side) for side in SQLITE_SIDE_FILES]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def output_target(path: Path | str, protected: Iterable[Path] = (),
                  replaces_database: bool = False) -> Path:
    """The real path to write for ``path``, or ExportError saying why it must not be written.

    ``protected`` are files that must never be replaced (the open project; its side files are
    added here). Only a backup copy, itself a database, may replace one (``replaces_database``).
    """
    path = Path(path)
    try:
        target = path.resolve() if path.is_symlink() else path  # write through a link, keep it
    except (OSError, RuntimeError) as exc:  # a name too long; a loop of links (RuntimeError)
        raise ExportError(path, f"cannot be used as a file name ({os_reason(exc)})") from exc
    guarded = [p for project in protected for p in project_files(Path(project))]
    if any(_same_file(target, p) for p in guarded):
        raise ExportError(path, "is the open project (or one of its files); choose another name")
    try:
        info = path.stat()  # through any link: /dev/stdout is a link to a pipe
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise ExportError(path, f"cannot be checked ({exc.strerror or exc})") from exc
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise ExportError(path, f"is {kind}; only regular files are written: choose a "
                                    "file name")
        if not replaces_database and _is_database(target):
            raise ExportError(path, "is a database (a project or a backup of one); an export "
                                    "never replaces one: choose another name")
    if not target.parent.is_dir():
        raise ExportError(path, f"folder {target.parent} does not exist")
    return target


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def replace_atomically(path: Path | str, produce: Callable[[Path], T],
                       protected: Iterable[Path] = (), suffix: str = ".part",
                       replaces_database: bool = False) -> T:
    """Let ``produce`` write a temporary file beside ``path``, then put it in place at once.

    A failure leaves ``path`` as it was and no temporary file behind. ``suffix`` lets writers
    that choose their format by the file name (Qt's image writers) see the right one.
    """
    target = output_target(path, protected, replaces_database)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name[:80]}.", suffix=suffix,
                                        dir=target.parent)
    except OSError as exc:
        raise ExportError(path, f"cannot write in {target.parent} ({exc.strerror or exc})") \
            from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        result = produce(tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
        return result
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(path, f"could not be written ({exc.strerror or exc})") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path | str, write: Callable[[TextIO], T],
                          protected: Iterable[Path] = ()) -> T:
    """``replace_atomically`` for a UTF-8 text file written through ``write(stream)``."""

    def produce(tmp: Path) -> T:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            return write(fh)

    return replace_atomically(path, produce, protected)
