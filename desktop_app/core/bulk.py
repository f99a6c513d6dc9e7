"""Writing many records at once: ids numbered ahead so rows go in with one statement per few
thousand, values in their stored forms."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Date, DateTime, func, insert, select, text
from sqlalchemy.orm import Session

# Records made and written at once within one transaction: the column values of 100,000 at
# once, with the records made as they went in, peaked at 620 MB (100,000 annotations).
PART = 10_000


def allocate_ids(s: Session, table: Any, count: int) -> list[int] | None:
    """``count`` new ids for rows of an AUTOINCREMENT table, numbered as the database would
    number them (past every id ever used), or None where this backend has no allocator here.

    SQLite: safe because services hold the write lock for their whole transaction (BEGIN
    IMMEDIATE), so nobody else can take these ids before the rows are in. PostgreSQL: taken
    from the table's own sequence, which never hands an id out twice.
    """
    dialect = s.get_bind().dialect.name
    if dialect == "postgresql":
        return sorted(s.execute(text(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
            {"table": table.name, "n": count}).scalars())
    if dialect != "sqlite":
        return None
    used = s.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :name"),
                     {"name": table.name}).scalar() or 0
    top = s.scalar(select(func.max(table.c.id))) or 0
    first = max(used, top) + 1
    return list(range(first, first + count))


def insert_rows(s: Session, table: Any, rows: list[dict[str, Any]],
                batch: int = 5_000) -> None:
    """Insert many rows of ``table`` (every row with the same keys), a batch per statement.

    On SQLite the values are written in SQLAlchemy's own storage forms by the driver's
    ``executemany`` directly: SQLAlchemy's per-value processing would be most of the time of a
    100,000-row import. Elsewhere the ordinary bulk insert.
    """
    if not rows:
        return
    if s.get_bind().dialect.name != "sqlite":
        for i in range(0, len(rows), batch):
            s.execute(insert(table), rows[i:i + batch])
        return
    names = list(rows[0])
    convert = [_sqlite_form(table.c[name].type) for name in names]
    listed = ", ".join('"' + name + '"' for name in names)
    sql = f"INSERT INTO {table.name} ({listed}) VALUES ({', '.join('?' for _ in names)})"
    # Column by column: a column's distinct values are converted once (a batch's timestamps
    # are one value; its dates a few hundred), and the rows are zipped back in C.
    columns = [_stored([row[name] for row in rows], c) for name, c in zip(names, convert,
                                                                        strict=True)]
    s.connection().exec_driver_sql(sql, list(zip(*columns, strict=True)))


def _stored(values: list[Any], convert: Any) -> list[Any]:
    """A column's values in their stored form (None stays None)."""
    if convert is None:
        return values
    forms = {v: convert(v) for v in set(values) if v is not None}
    forms[None] = None
    return [forms[v] for v in values]


def _sqlite_form(column_type: Any) -> Any:
    """How SQLAlchemy's SQLite dialect stores a value of this type (None: as it is)."""
    if isinstance(column_type, DateTime):
        return lambda v: v.isoformat(" ", "microseconds")
    if isinstance(column_type, Date):
        return lambda v: v.isoformat()
    if isinstance(column_type, Boolean):
        return int
    return None


def id_high_water(s: Session, table: Any) -> int:
    """The largest id this table has ever handed out (deleted rows included), so a copy of the
    project never hands it out again."""
    top = s.scalar(select(func.max(table.c.id))) or 0
    dialect = s.get_bind().dialect.name
    if dialect == "sqlite":
        used = s.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :name"),
                         {"name": table.name}).scalar() or 0
        return max(int(used), top)
    if dialect == "postgresql":
        used = s.execute(text(f"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "
                              f"{_sequence(s, table)}")).scalar() or 0
        return max(int(used), top)
    return top


def set_id_high_water(s: Session, table: Any, value: int) -> None:
    """Make the table's next id ``value + 1`` (after rows were copied in with their ids)."""
    if value <= 0:
        return
    dialect = s.get_bind().dialect.name
    if dialect == "sqlite":
        # Only AUTOINCREMENT tables keep a high-water mark; others number past their rows.
        if table.dialect_options["sqlite"].get("autoincrement"):
            s.execute(text("DELETE FROM sqlite_sequence WHERE name = :name"),
                      {"name": table.name})
            s.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES (:name, :seq)"),
                      {"name": table.name, "seq": value})
    elif dialect == "postgresql":
        s.execute(text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :value)"),
                  {"table": table.name, "value": value})


def _sequence(s: Session, table: Any) -> str:
    name = s.execute(text("SELECT pg_get_serial_sequence(:table, 'id')"),
                     {"table": table.name}).scalar()
    return str(name)
