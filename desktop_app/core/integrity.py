"""Finding a damaged stored value, so that a failure to read the project names the table,
the row and the column instead of ending in a traceback."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import Boolean, Column, Date, DateTime, Integer
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.orm import Base

MAX_REPORTED = 10


def damaged_values(sessions: sessionmaker[Session]) -> list[str]:
    """Every stored value that cannot be read back, as 'table row N, column C holds
    'value'' (the first few), by reading the raw value behind each column that holds a
    date or time, a whole number, a truth value or one of a closed set (SQLite keeps
    whatever another program wrote into any column)."""
    found: list[str] = []
    with sessions() as s:
        conn = s.connection()
        for table in Base.metadata.sorted_tables:
            key = next(iter(table.primary_key.columns), None)
            for column in table.columns:
                readable = _test_for(column)
                if readable is None or key is None:
                    continue
                for row_id, value in conn.exec_driver_sql(
                        f'SELECT "{key.name}", "{column.name}" FROM {table.name} '
                        f'WHERE "{column.name}" IS NOT NULL'):
                    if not readable(value):
                        found.append(f"{table.name} row {row_id}, column {column.name} holds "
                                     f"{str(value)[:40]!r}")
                        if len(found) >= MAX_REPORTED:
                            return found
    return found


def damage_stated(where: object, damaged: list[str]) -> str:
    """How a refusal to read a project with damaged values says so."""
    return (f"{where}: a stored value is damaged: {'; '.join(damaged)}. Restore a backup, or "
            "correct the value with a database tool")


def _test_for(column: Column[object]) -> Callable[[object], bool] | None:
    """How to tell a readable value of this column (None: any value is)."""
    choices = column.info.get("one_of")
    if choices is not None:
        return lambda value: value in choices
    if isinstance(column.type, DateTime):
        return lambda value: isinstance(value, datetime) or _parses(value, datetime)
    if isinstance(column.type, Date):
        return lambda value: isinstance(value, date) or _parses(value, date)
    if isinstance(column.type, Boolean):
        return lambda value: value in (0, 1)  # True and False too (PostgreSQL's)
    if isinstance(column.type, Integer):
        return lambda value: isinstance(value, int)
    return None


def _parses(value: object, kind: type[date]) -> bool:
    """Whether stored text reads as a date or a time (as SQLite keeps them)."""
    if not isinstance(value, str):
        return False
    try:
        kind.fromisoformat(value)
    except ValueError:
        return False
    return True
