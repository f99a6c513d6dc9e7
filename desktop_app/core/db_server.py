"""Open a team project: a database on a PostgreSQL server, through psycopg 3.

The same models, migrations and services as a project file; what differs is here: how the
server is reached (any libpq address: host, port, service name, ``~/.pgpass``, ``sslmode``),
how a database that is not ours is recognised without touching it, and how one client upgrades
the schema while the others wait for it (a server-wide advisory lock).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from desktop_app.core.database import (
    OUR_TABLES,
    SCHEMA_HEAD,
    ProjectDatabase,
    lacking,
    missing_columns,
    run_migrations,
)
from desktop_app.core.errors import ProjectServerError
from desktop_app.core.locations import ProjectLocation

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10
TEST_TIMEOUT_S = 5  # Test Connection answers sooner
MAINTENANCE_DATABASES = frozenset({"postgres", "template0", "template1"})
UPGRADE_LOCK = 0x54_4C_41  # advisory lock key ("TLA"): held by the client upgrading the schema


def open_server_database(location: ProjectLocation,
                         on_wait: Callable[[str], None] | None = None) -> ProjectDatabase:
    """Connect to a team project, creating its schema in an empty database and upgrading an
    older one; refuse a database that is not a project or is newer, changing nothing.

    ``on_wait`` is told when another client is upgrading the schema and this one waits.
    """
    engine = _engine(location, CONNECT_TIMEOUT_S)
    try:
        with engine.connect() as conn:
            revision = _existing_revision(conn, location)
            if revision is not None and revision > SCHEMA_HEAD:
                raise ProjectServerError(location.shown, f"was made by a newer version (schema "
                                         f"{revision}); please upgrade Timeline Annotator")
            writable = revision is None or bool(conn.scalar(text(
                "SELECT has_table_privilege('events', 'INSERT') AND has_table_privilege("
                "'events', 'UPDATE') AND has_table_privilege('change_log', 'INSERT')")))
            conn.rollback()
            if revision != SCHEMA_HEAD:
                if not writable:
                    raise ProjectServerError(location.shown, f"needs an upgrade from schema "
                                             f"{revision} to {SCHEMA_HEAD}, and this login may "
                                             "only read it: ask the project's owner to open it "
                                             "once with this version")
                _upgrade(conn, location, on_wait)
    except ProjectServerError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise ProjectServerError(location.shown, server_problem(exc)) from None
    login = engine.url.username or "default"
    reason = "" if writable else f"your login ({login}) may only read this team project"
    return ProjectDatabase(location, engine, sessionmaker(engine, expire_on_commit=False),
                           read_only=not writable, read_only_reason=reason)


def _engine(location: ProjectLocation, timeout_s: int) -> Engine:
    """An engine for the address (its own connect_timeout kept, else ``timeout_s``) whose
    connection failures become ProjectServerError in words."""
    assert location.url is not None
    url = location.url
    if "connect_timeout" not in url.query:
        url = url.update_query_dict({"connect_timeout": str(timeout_s)})
    engine = create_engine(url, pool_pre_ping=True)
    event.listen(engine, "handle_error", _connection_trouble(location))
    return engine


def _connection_trouble(location: ProjectLocation) -> Callable[[ExceptionContext], None]:
    """Losing the server mid-work is the environment, not a bug: say so in words (the next
    transaction reconnects by itself once the server is back; pool_pre_ping)."""

    def handle(context: ExceptionContext) -> None:
        error = context.original_exception
        if context.is_pre_ping:
            return  # a pooled connection found dead before use: the pool replaces it
        if context.connection is None:  # connecting failed: nothing was sent
            raise ProjectServerError(location.shown, _problem(error, connecting=True)) from error
        if getattr(error, "sqlstate", None) == "53100":  # disk full
            raise ProjectServerError(
                location.shown, "the server's disk is full, so this change was not saved "
                "(nothing of it was kept). Ask the server's administrator to free some "
                "space") from error
        if getattr(error, "sqlstate", None) == "42501":  # insufficient privilege
            raise ProjectServerError(
                location.shown, f"this login lacks a privilege for that ({_words(error)}); "
                "nothing was changed. Ask the team lead to grant it") from error
        if context.is_disconnect or _unreachable(error):
            raise ProjectServerError(
                location.shown, f"the server cannot be reached ({_words(error)}); this change "
                "was not confirmed. Try again when the server is back: the window then shows "
                "what is stored") from error

    return handle


def _unreachable(exc: BaseException) -> bool:
    """A failure of the connection itself: the client's own error, with no SQLSTATE from a
    server (deadlocks and serialisation failures carry one, and are retried or reported
    elsewhere)."""
    import psycopg

    return isinstance(exc, psycopg.OperationalError) and getattr(exc, "sqlstate", None) is None


def server_problem(exc: SQLAlchemyError) -> str:
    """What went wrong, in the server's own words, without SQLAlchemy's decoration."""
    return _problem(exc.orig if isinstance(exc, DBAPIError) and exc.orig else exc)


def _words(error: BaseException) -> str:
    return " ".join(str(error).split())


def _problem(error: BaseException, connecting: bool = False) -> str:
    words = _words(error)
    if connecting and "does not exist" in words and "database" in words:
        return (f"cannot connect ({words}); create the database first (createdb, or ask the "
                "server's administrator): a team project lives in a database of its own")
    if "password authentication failed" in words or "no password supplied" in words:
        return (f"the server refused the login ({words}); give the password in ~/.pgpass, "
                "a libpq service file or PGPASSWORD")
    if "permission denied" in words:
        return (f"this login lacks a privilege the project needs ({words}); ask the team lead "
                "to grant it")
    return f"cannot connect ({words})" if connecting else f"cannot be used ({words})"


def _existing_revision(conn: Connection, location: ProjectLocation) -> str | None:
    """The schema revision of a project database; None for an empty database."""
    tables = set(inspect(conn).get_table_names())
    if not tables:
        if conn.engine.url.database in MAINTENANCE_DATABASES:
            raise ProjectServerError(location.shown, "is the server's own maintenance database; "
                                     "nothing was created. Make a database for the project "
                                     "(createdb NAME) and connect to that")
        return None
    if "alembic_version" not in tables or not OUR_TABLES <= tables:
        raise ProjectServerError(location.shown, "holds tables but is not a Timeline Annotator "
                                                 "project; nothing was changed. Use an empty "
                                                 "database for a new team project")
    revision = conn.scalar(text("SELECT version_num FROM alembic_version"))
    if revision == SCHEMA_HEAD:
        found = inspect(conn)
        missing = missing_columns(lambda table: {
            c["name"] for c in found.get_columns(table)} if found.has_table(table) else set())
        if missing:
            raise ProjectServerError(location.shown, lacking(missing))
    return None if revision is None else str(revision)


def _upgrade(conn: Connection, location: ProjectLocation,
             on_wait: Callable[[str], None] | None) -> None:
    """Create or upgrade the schema in one transaction (PostgreSQL's DDL is transactional, so a
    failed upgrade leaves the database as it was), one client at a time."""
    if not conn.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": UPGRADE_LOCK}):
        message = f"{location.shown}: another client is upgrading this project; waiting for it"
        log.info(message)
        if on_wait is not None:
            on_wait(message)
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": UPGRADE_LOCK})
    conn.commit()
    try:
        with conn.begin():
            revision = _existing_revision(conn, location)  # the other client may have done it
            if revision != SCHEMA_HEAD:
                log.info("upgrading %s from schema %s to %s", location.shown, revision,
                         SCHEMA_HEAD)
                run_migrations(conn)
    finally:
        conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": UPGRADE_LOCK})
        conn.commit()


def describe_server_database(location: ProjectLocation) -> str:
    """What connecting to this address would find, without creating or changing anything
    (the Connect dialog's Test Connection)."""
    engine = _engine(location, TEST_TIMEOUT_S)
    try:
        with engine.connect() as conn:
            revision = _existing_revision(conn, location)
            if revision is None:
                return (f"{location.shown}: reachable; the database is empty: a new team "
                        "project will be created in it")
            events = conn.scalar(text("SELECT count(*) FROM events"))
            newer = " (made by a newer version: upgrade the app first)" \
                if revision > SCHEMA_HEAD else ""
            return (f"{location.shown}: reachable; a team project with {events} events, "
                    f"schema {revision}{newer}")
    except SQLAlchemyError as exc:
        raise ProjectServerError(location.shown, server_problem(exc)) from None
    finally:
        engine.dispose()
