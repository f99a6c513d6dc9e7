"""Finding a damaged stored value, so that a failure to read the project names the table,
the row and the column instead of ending in a traceback."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.orm import Base

_PARSERS: tuple[tuple[type, Callable[[str], Any]], ...] = (
    (DateTime, datetime.fromisoformat), (Date, date.fromisoformat))
MAX_REPORTED = 10


def damaged_values(sessions: sessionmaker[Session]) -> list[str]:
    """Every stored date or time that cannot be read back, as 'table row N, column C holds
    'value'' (the first few), by reading the raw text behind each such column."""
    found: list[str] = []
    with sessions() as s:
        conn = s.connection()
        for table in Base.metadata.sorted_tables:
            key = next(iter(table.primary_key.columns), None)
            for column in table.columns:
                parse = next((p for kind, p in _PARSERS if isinstance(column.type, kind)), None)
                if parse is None or key is None:
                    continue
                for row_id, value in conn.exec_driver_sql(
                        f'SELECT "{key.name}", "{column.name}" FROM {table.name} '
                        f'WHERE "{column.name}" IS NOT NULL'):
                    if not _readable(value, parse):
                        found.append(f"{table.name} row {row_id}, column {column.name} holds "
                                     f"{str(value)[:40]!r}")
                        if len(found) >= MAX_REPORTED:
                            return found
    return found


def _readable(value: object, parse: Callable[[str], Any]) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parse(value)
    except ValueError:
        return False
    return True
