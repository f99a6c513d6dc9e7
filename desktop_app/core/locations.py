"""Where a project lives: an SQLite file on this computer, or a database on a PostgreSQL server
(a team project). Everything that names, lists or remembers a project goes through this, so a
password typed into a URL is never shown, logged or written to the settings.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.errors import ProjectFileError, ProjectServerError, os_reason

if TYPE_CHECKING:  # SQLAlchemy is imported when a server is used, not before the window paints
    from sqlalchemy.engine import URL

_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def is_server_address(text: str | Path) -> bool:
    """Whether a --db value names a database on a server (SCHEME://...) rather than a file."""
    return isinstance(text, str) and _ADDRESS.match(text) is not None


def unwritable_file(target: str | Path) -> bool:
    """A project file that exists and this user may not write: opened read-only (reading,
    searching, exporting) rather than refused."""
    try:
        return isinstance(target, Path) and target.is_file() and not os.access(target, os.W_OK)
    except OSError:  # a name too long, say: opening it says so
        return False


def db_argument(text: str) -> str | Path:
    """A --db value as given: a server address stays text, anything else is a file path."""
    return text if is_server_address(text) else Path(text)


@dataclass(frozen=True)
class ProjectLocation:
    """A project file (``path``) or a server database (``url``, with any password)."""

    path: Path | None = None
    url: URL | None = None

    @property
    def is_server(self) -> bool:
        return self.url is not None

    @property
    def name(self) -> str:
        """A short name for titles and file names: the file's stem, or the database name."""
        if self.path is not None:
            return self.path.stem
        assert self.url is not None
        return self.url.database or "team project"

    @property
    def shown(self) -> str:
        """How messages and Open Recent name it: the path, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        assert self.url is not None
        return self.url.render_as_string(hide_password=True).replace(
            "postgresql+psycopg://", "postgresql://", 1)

    @property
    def remembered(self) -> str:
        """What may be written to the settings: never a password (libpq's ~/.pgpass, a
        service file or the keyring hold those)."""
        if self.path is not None:
            return str(self.path)
        assert self.url is not None
        return self.url._replace(password=None).render_as_string(hide_password=False).replace(
            "postgresql+psycopg://", "postgresql://", 1)

    def __str__(self) -> str:
        return self.shown


def project_location(target: str | Path | ProjectLocation) -> ProjectLocation:
    """Read a --db value, an Open Recent entry or a path."""
    if isinstance(target, ProjectLocation):
        return target
    if not is_server_address(target):
        try:
            return ProjectLocation(path=Path(target).expanduser().resolve())
        except (OSError, RuntimeError) as exc:  # a name too long; a loop of links
            raise ProjectFileError(target, "cannot be used as a project file name "
                                           f"({os_reason(exc)})") from exc
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    text = str(target)
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise ProjectServerError(text, f"is not a database URL ({exc})") from None
    except ValueError:  # SQLAlchemy reads what follows the host's last ':' as a number
        raise ProjectServerError(text, "is not a database URL (its port is not a number)") \
            from None
    if url.get_backend_name() != "postgresql":
        raise ProjectServerError(text, "names a database this version cannot use; team "
                                       "projects are on PostgreSQL")
    url = url.set(drivername="postgresql+psycopg")
    if not url.database:
        raise ProjectServerError(
            ProjectLocation(url=url).shown,
            "names no database: add it after the server, as in postgresql://HOST/DATABASE")
    return ProjectLocation(url=url)


def server_address(host: str, port: int, database: str, user: str = "", password: str = "",
                   sslmode: str = "") -> str:
    """A team project's address from its parts (as the Connect dialog asks for them), with
    every part escaped as a URL needs; the password only when one was typed. A server given as
    a folder (``/run/postgresql``) is reached through its Unix socket there."""
    from sqlalchemy.engine import URL

    query = {"sslmode": sslmode} if sslmode else {}
    if host.startswith("/"):  # libpq reads a socket folder from the query, not the netloc
        query |= {"host": host, "port": str(port)}
        host, port = "", 0
    url = URL.create("postgresql", username=user or None, password=password or None,
                     host=host or None, port=port or None, database=database, query=query)
    return url.render_as_string(hide_password=False)
