"""Read a file the user gave to import: one routine for articles, CSV and annotation files,
so each refuses what cannot be read the same way (the CSV and annotation readers had waited
forever on a pipe while the article reader refused it)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from desktop_app.core.errors import ImportFileError
from desktop_app.core.limits import Limit, Limits


def read_input_file(path: Path, limit: Limit, limits: Limits) -> bytes:
    """The bytes of a regular file within a size limit, or ImportFileError naming the file
    and the problem. A FIFO, a device or a socket is refused before it is opened (opening a
    FIFO waits for a writer forever), and the read stops at the limit whatever size the file
    claims (/proc files, a link to /dev/zero)."""
    max_bytes = limits.bytes(limit)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ImportFileError(path, "is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise ImportFileError(path, "is not a regular file (a pipe, device or socket); "
                                        "save it to a file and import that")
        if info.st_size > max_bytes:
            raise ImportFileError(path, f"is too large ({info.st_size / 2**20:.1f} MB; "
                                        f"{limits.stated(limit)})")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            data = _read_at_most(fh, max_bytes + 1, info.st_size + 1)
    except FileNotFoundError as exc:
        raise ImportFileError(path, "does not exist") from exc
    except IsADirectoryError as exc:
        raise ImportFileError(path, "is a folder") from exc
    except OSError as exc:
        raise ImportFileError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:  # more than the file said it held
        raise ImportFileError(path, f"is too large (more than it said; {limits.stated(limit)})")
    return data


_CHUNK = 1 << 20


def _read_at_most(fh: BinaryIO, most: int, expected: int) -> bytes:
    """Up to ``most`` bytes, read in pieces: a read of ``most`` at once reserves that much
    memory first (a limit raised to its highest failed with a MemoryError on a small file).
    The first piece is the size the file states, so a regular file is read in one."""
    pieces = []
    left = most
    size = min(left, max(expected, 1))
    while left > 0:
        piece = fh.read(size)
        if not piece:
            break
        pieces.append(piece)
        left -= len(piece)
        size = min(left, _CHUNK)
    return b"".join(pieces)
