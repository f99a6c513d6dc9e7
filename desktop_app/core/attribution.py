"""Who changed what: every row a session writes is stamped with the name its client works
under, the time and a new version, in one place (an ORM hook) rather than in each service.

The name is a display name set once (the GUI's preferences, the CLI's ``--author``), else the
database role on a server, else the account on this computer. Bulk statements, which the hook
does not see, take it from ``author_of``.
"""

from __future__ import annotations

import getpass
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.clock import now
from desktop_app.core.orm import Attributed
from desktop_app.core.plain_text import one_line

_AUTHOR = "author"
_BUMPED = "versions_bumped"  # rows given a new version in this transaction (once each)
MAX_NAME = 100


def default_author(sessions: sessionmaker[Session], on_server: bool) -> str:
    """The database role on a server, else this computer's account name."""
    if on_server:
        with sessions() as s:
            return str(s.execute(text("SELECT current_user")).scalar() or "")
    return login_name()


def login_name() -> str:
    """This computer's account name ("" when the uid has none, in a container say)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def attribute(sessions: sessionmaker[Session], author: str) -> None:
    """Stamp what the project's sessions create and change with ``author`` and the time."""
    rename(sessions, author)
    event.listen(sessions, "before_flush", _stamp)
    for ended in ("after_commit", "after_soft_rollback"):
        event.listen(sessions, ended, lambda s, *_: s.info.pop(_BUMPED, None))


def rename(sessions: sessionmaker[Session], author: str) -> str:
    """Make the sessions' changes under another name from now on; return it as stored."""
    name = one_line(author)[:MAX_NAME]  # no line break or terminal escape in a name
    sessions.configure(info={_AUTHOR: name})
    return name


def author_of(session: Session) -> str:
    """The name the session's changes are made under."""
    return str(session.info.get(_AUTHOR, ""))


def _stamp(session: Session, _context: object, _instances: object) -> None:
    author = author_of(session)
    stamp = now()
    for obj in session.new:
        if isinstance(obj, Attributed):
            obj.created_by = obj.created_by or author  # a restored row keeps its maker
            obj.updated_by = author
            for name in ("created_at", "updated_at"):
                if name in _table(obj).c and getattr(obj, name, None) is None:
                    setattr(obj, name, stamp)
    bumped = session.info.setdefault(_BUMPED, set())
    for obj in session.dirty:
        if isinstance(obj, Attributed) and session.is_modified(obj, include_collections=False):
            obj.updated_by = author
            if (key := (_table(obj).name, getattr(obj, "id", None))) not in bumped:
                bumped.add(key)
                obj.version = (obj.version or 0) + 1
            if "updated_at" in _table(obj).c:
                setattr(obj, "updated_at", stamp)  # noqa: B010 (not every model has the column)


def _table(obj: Attributed) -> Any:
    """The row's table (the mixin itself has none)."""
    return getattr(obj, "__table__")  # noqa: B009
