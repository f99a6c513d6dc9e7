"""Two processes writing at once, and processes killed mid-work: nothing reported is lost."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop_app.core.project import open_project, seed_demo
from tests.conftest import REPO


def _demo_db(path: Path | str) -> int:
    project = open_project(path)
    article = seed_demo(project)
    project.close()
    return article.id


def _writer(db: Path | str, article_id: int, count: int, tag: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "tests.core.helpers.writer", str(db),
                             str(article_id), str(count), tag], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)


def _expected(lines: list[str]) -> dict[int, str | None]:
    """What the database must hold after these committed operations: id -> title or None.

    An operation announced as pending but not reported may or may not have committed when the
    process was killed: its event is left out of the check.
    """
    state: dict[int, str | None] = {}
    uncertain: set[int] = set()
    in_flight: int | None = None
    for line in lines:
        parts = line.rstrip("\n").split(" ", 2)
        if parts[0] == "lost":  # refused by the environment: it may or may not have committed
            if in_flight is not None:
                uncertain.add(in_flight)
            in_flight = None
            continue
        event_id = int(parts[1])
        if parts[0] == "pending":
            if in_flight is not None:  # the previous process died before confirming it
                uncertain.add(in_flight)
            in_flight = event_id
            continue
        if in_flight is not None and in_flight != event_id:
            uncertain.add(in_flight)
        in_flight = None
        uncertain.discard(event_id)  # confirmed again: certain
        state[event_id] = None if parts[0] == "deleted" else (parts[2] if len(parts) > 2 else "")
    if in_flight is not None:
        uncertain.add(in_flight)
    return {k: v for k, v in state.items() if k not in uncertain}


def _check(db: Path, expected: dict[int, str | None]) -> None:
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    titles = dict(con.execute("SELECT id, title FROM events"))
    con.close()
    for event_id, title in expected.items():
        if title is None:
            assert event_id not in titles, f"deleted event {event_id} came back"
        else:
            assert titles.get(event_id) == title, f"event {event_id}: {titles.get(event_id)!r}"


def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    db = tmp_path / "shared.tldb"
    article_id = _demo_db(db)
    writers = [_writer(db, article_id, 150, tag) for tag in ("alpha", "beta")]
    outputs = [w.communicate(timeout=300) for w in writers]
    for w, (_out, err) in zip(writers, outputs, strict=True):
        assert w.returncode == 0, err
        assert "locked" not in err
    lines = [line for out, _ in outputs for line in out.splitlines()]
    assert len([line for line in lines if not line.startswith("pending")]) == 300
    _check(db, _expected(lines))


def test_killed_writers_lose_nothing_they_reported(tmp_path: Path) -> None:
    """Each writer is killed after a random number of reported operations, not after a time:
    a busy machine slows the writers down but cannot change how much work is checked."""
    db = tmp_path / "crash.tldb"
    article_id = _demo_db(db)
    rng = random.Random(7)
    committed: list[str] = []
    for round_ in range(10):
        w = _writer(db, article_id, 100_000, f"round{round_}")
        kill_after = rng.randint(100, 200)  # reported operations before the kill
        assert w.stdout is not None
        reported = 0
        while reported < kill_after:
            line = w.stdout.readline()
            if not line:
                break
            committed.append(line)
            reported += not line.startswith("pending")
        os.kill(w.pid, signal.SIGKILL)  # the writer kept going: the kill lands anywhere
        committed.extend(w.stdout.readlines())  # the rest, from the same buffered stream
        w.wait()
        assert w.stderr is not None
        err = w.stderr.read()
        w.stderr.close()
        assert reported == kill_after, err  # the writer did not die on its own
        _check(db, _expected(committed))
        open_project(db).close()  # the project still opens
    done = [line for line in committed if not line.startswith("pending")]
    assert len(done) >= 1000, len(done)  # over a thousand edits across the kills


def test_a_project_locked_too_long_gives_a_clear_error(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import pytest

    from desktop_app.core import db as db_module
    from desktop_app.core.edits import EventEdit
    from desktop_app.core.errors import ProjectBusyError

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "busy.tldb"
    _demo_db(path)
    project = open_project(path)
    first = project.events.list()[0]
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(ProjectBusyError, match="locked for too long; nothing was changed"):
            project.events.edit(first.id, EventEdit(title="never written"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert project.events.get(first.id).title == first.title
    assert project.events.edit(first.id, EventEdit(title="now it works")).title == "now it works"
    project.close()


def test_a_team_project_survives_killed_clients_and_dropped_connections(pg_url: str) -> None:
    """20 times, a writer on a team project is killed, or the server drops its connection,
    after a random number of reported operations: everything reported is stored, every link
    between rows holds, and the writers carry on after a dropped connection."""
    import psycopg

    article_id = _demo_db(pg_url)
    name = pg_url.rsplit("/", 1)[1].split("?")[0]
    admin_url = pg_url.replace(f"/{name}", "/postgres", 1)
    rng = random.Random(11)
    committed: list[str] = []
    for round_ in range(20):
        w = _writer(pg_url, article_id, 100_000, f"round{round_}")
        assert w.stdout is not None
        kill_after, reported = rng.randint(20, 60), 0
        while reported < kill_after:
            line = w.stdout.readline()
            if not line:
                break
            committed.append(line)
            reported += not line.startswith(("pending", "lost"))
            if round_ % 2 and reported == kill_after // 2:  # the server drops the client
                with psycopg.connect(admin_url, autocommit=True) as admin:
                    admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                  "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
        os.kill(w.pid, signal.SIGKILL)
        committed.extend(w.stdout.readlines())
        w.wait()
        assert w.stderr is not None
        err = w.stderr.read()
        w.stderr.close()
        assert reported == kill_after, err  # neither kind of failure stopped the writer
        _check_server(pg_url, _expected(committed))
    open_project(pg_url).close()


def test_a_team_project_survives_its_server_crashing_and_restarting() -> None:
    """10 times, at a random moment during a writer's edits, the server stops at once (as a
    crash would) and starts again: every operation reported is stored, every link between
    rows holds, the writer is told of each refused one and carries on once it is back."""
    from tests.pg_server import fresh_database, private_server

    rng = random.Random(23)
    with private_server() as server, fresh_database(server.url) as url:
        article_id = _demo_db(url)
        w = _writer(url, article_id, 1_000_000, "restarts")
        assert w.stdout is not None
        committed: list[str] = []
        reported, restarts, lost = 0, 0, 0
        next_restart = rng.randint(10, 40)
        try:
            while restarts < 10 or reported < next_restart:  # and carries on after the last
                line = w.stdout.readline()
                assert line, "the writer stopped"
                committed.append(line)
                lost += line.startswith("lost")
                reported += not line.startswith(("pending", "lost"))
                if reported >= next_restart and restarts < 10:
                    server.restart()
                    restarts += 1
                    next_restart = reported + rng.randint(10, 40)
        finally:
            os.kill(w.pid, signal.SIGKILL)
            committed.extend(w.stdout.readlines())
            w.wait()
        assert lost >= 1  # the writer was told (a user would be), not kept waiting
        _check_server(url, _expected(committed))
        open_project(url).close()


def _check_server(url: str, expected: dict[int, str | None]) -> None:
    import psycopg

    with psycopg.connect(url) as con:
        titles = dict(con.execute("SELECT id, title FROM events").fetchall())
        orphans = con.execute("SELECT count(*) FROM quotes q LEFT JOIN events e "
                              "ON e.id = q.event_id WHERE e.id IS NULL").fetchone()[0]
    assert orphans == 0
    for event_id, title in expected.items():
        if title is None:
            assert event_id not in titles, f"deleted event {event_id} came back"
        else:
            assert titles.get(event_id) == title, f"event {event_id}: {titles.get(event_id)!r}"
