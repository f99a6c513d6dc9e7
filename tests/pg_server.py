"""A PostgreSQL server for the tests: the one running here (development machines and CI have
one), or a throwaway one started from Debian's postgresql package (``scripts/setup.sh --test``
installs it), so team-project tests run on a bare machine too.

Each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

ENV = "TIMELINE_TEST_PG"  # a server URL to use instead (its database is the admin one)
CANDIDATES = ("postgresql://postgres@127.0.0.1:5432/postgres",
              "postgresql://postgres@/postgres?host=/var/run/postgresql")


def _usable(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=3, autocommit=True) as con:
            row = con.execute("SELECT rolcreatedb OR rolsuper FROM pg_roles "
                              "WHERE rolname = current_user").fetchone()
            return bool(row and row[0])
    except psycopg.Error:
        return False


def running_server() -> str | None:
    """The URL of a server here on which the tests may create databases, if one runs."""
    for url in ([os.environ[ENV]] if os.environ.get(ENV) else []) + list(CANDIDATES):
        if _usable(url):
            return url
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class PrivateServer:
    """A server of the test's own: its address, and a way to crash and restart it."""

    url: str
    _pg_ctl: list[str]

    def restart(self) -> None:
        """Stop the server at once, as a crash or a kill would (no clean shutdown: it
        recovers from its write-ahead log), and start it again."""
        subprocess.run([*self._pg_ctl, "-m", "immediate", "-w", "restart"], check=True,
                       capture_output=True)


@contextmanager
def private_server() -> Iterator[PrivateServer]:
    """Start a private server (Unix socket only) in a temporary folder; stop and delete it."""
    initdb = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not initdb:
        raise RuntimeError("no PostgreSQL server runs here and none is installed: run "
                           "scripts/setup.sh --test (it installs Debian's postgresql)")
    bin_dir = Path(initdb[-1]).parent
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="ta-pg-"))
    if os.geteuid() == 0:  # the server refuses to run as root: run it as 'postgres'
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, "postgres")
    data, port = folder / "data", _free_port()
    pg_ctl = [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"),
              "-o", f"-k {folder} -c listen_addresses='' -p {port} -c fsync=off"]
    try:
        subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust",
                        "-U", "postgres", "--no-sync"], check=True, capture_output=True)
        subprocess.run([*pg_ctl, "-w", "start"], check=True, capture_output=True)
        yield PrivateServer(f"postgresql://postgres@/postgres?host={folder}&port={port}",
                            pg_ctl)
    finally:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def throwaway_server() -> Iterator[str]:
    """A private server's address, for tests that only need a server."""
    with private_server() as server:
        yield server.url


@contextmanager
def fresh_database(server: str) -> Iterator[str]:
    """A new empty database on ``server``; its URL, for the app (dropped afterwards)."""
    name = f"ta_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _with_database(server, name)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _with_database(server: str, name: str) -> str:
    head, sep, query = server.partition("?")
    base = head.rsplit("/", 1)[0]
    return f"{base}/{name}{sep}{query}"
