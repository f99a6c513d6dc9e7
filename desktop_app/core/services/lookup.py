"""Fetch a row by id or raise the core's NotFoundError (one wording for every service)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.interfaces import ORMOption

from desktop_app.core.errors import NotFoundError

T = TypeVar("T")


def require(s: Session, model: type[T], ident: int, for_update: bool = False,
            options: Sequence[ORMOption] = ()) -> T:
    """The row of ``model`` with this id; NotFoundError('event 7 does not exist') if none.
    ``for_update``: lock it until the transaction ends (on a server, so a colleague's
    concurrent edit waits instead of being lost; SQLite's write lock already does that).
    ``options``: how to load it (an article's text with it, where it is needed at once)."""
    # An id no database integer can hold names nothing (and would fail as a parameter).
    in_range = -(2 ** 63) <= ident < 2 ** 63
    row = s.get(model, ident, with_for_update=for_update or None,
                options=options) if in_range else None
    if row is None:
        raise NotFoundError(f"{model.__name__.lower()} {ident} does not exist")
    return row
