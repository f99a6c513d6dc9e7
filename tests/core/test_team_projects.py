"""Opening team projects on PostgreSQL: the same schema by the same migrations, clear refusals
that change nothing, one client upgrading while the others wait, and the CLI on a server."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from desktop_app.core.database import SCHEMA_HEAD
from desktop_app.core.edits import ArticleDraft, EventEdit
from desktop_app.core.errors import ProjectServerError
from desktop_app.core.locations import project_location
from desktop_app.core.project import open_project
from tests.conftest import REPO


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as con:
        return {r[0] for r in con.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}


def test_an_empty_database_becomes_a_project_with_the_same_schema(pg_url: str) -> None:
    project = open_project(pg_url)
    try:
        assert project.db.is_server and project.path is None
        assert project.name == project_location(pg_url).name
        with psycopg.connect(pg_url) as con:
            assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] \
                == SCHEMA_HEAD
    finally:
        project.close()
    assert {"articles", "events", "quotes", "tags", "change_log"} <= _tables(pg_url)


def test_a_database_that_is_not_a_project_is_refused_unchanged(pg_url: str) -> None:
    with psycopg.connect(pg_url) as con:
        con.execute("CREATE TABLE invoices (id int PRIMARY KEY, total numeric)")
        con.execute("INSERT INTO invoices VALUES (1, 9.5)")
    with pytest.raises(ProjectServerError, match="not a Timeline Annotator project"):
        open_project(pg_url)
    assert _tables(pg_url) == {"invoices"}


def test_a_newer_schema_is_refused(pg_url: str) -> None:
    open_project(pg_url).close()
    with psycopg.connect(pg_url) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(ProjectServerError, match="newer version"):
        open_project(pg_url)


def test_one_client_upgrades_while_the_others_wait(pg_url: str) -> None:
    from desktop_app.core.db_server import UPGRADE_LOCK, open_server_database

    told: list[str] = []
    opened: list[object] = []
    with psycopg.connect(pg_url, autocommit=True) as holder:  # "another client upgrading"
        holder.execute("SELECT pg_advisory_lock(%s)", (UPGRADE_LOCK,))
        waiter = threading.Thread(target=lambda: opened.append(
            open_server_database(project_location(pg_url), on_wait=told.append)))
        waiter.start()
        waiter.join(1.0)
        assert waiter.is_alive() and "another client is upgrading" in told[0]
        holder.execute("SELECT pg_advisory_unlock(%s)", (UPGRADE_LOCK,))
    waiter.join(10)
    assert opened and _tables(pg_url) >= {"articles", "events"}
    opened[0].close()


def test_ids_taken_in_bulk_come_from_the_sequence(project, tmp_path: Path) -> None:  # noqa: ANN001
    """A bulk import numbers its rows ahead (SQLite: past the largest id ever used;
    PostgreSQL: from the table's sequence); ids before and after never collide."""
    from desktop_app.core.importers.csv_import import read_timeline_csv

    article = project.articles.add(ArticleDraft(title="T", text="On Monday, a thing happened."))
    single = project.events.create_from_selection(article.id, 0, 27)
    csv = tmp_path / "new.csv"
    csv.write_text("date,title\n" + "".join(f"2021-07-0{i},e{i}\n" for i in range(1, 6)),
                   encoding="utf-8")
    project.csv.apply(project.csv.plan(read_timeline_csv(csv)))
    single_after = project.events.create_from_selection(article.id, 0, 27)
    ids = [e.id for e in project.events.list()]
    assert len(ids) == 7 == len(set(ids))
    assert single.id == min(ids) and single_after.id == max(ids)


def test_a_writer_takes_its_log_id_only_under_the_log_lock(pg_url: str) -> None:
    """Log ids must become visible in id order (a reader past id 11 never goes back for 10),
    so a writer waiting for the lock has not taken an id yet: the lock, the notification and
    the entry are one statement, and its id is taken after the lock."""
    from datetime import datetime

    from desktop_app.core.change_feed_pg import PostgresChangeLog

    project = open_project(pg_url)
    log = PostgresChangeLog()
    entry = {"client": "x", "payload": "{}", "created_at": datetime(2021, 7, 9), "author": ""}
    first, second = project.db.sessions(), project.db.sessions()
    log.write(first, entry)  # holds the lock until it commits
    done = threading.Event()

    def waiting_writer() -> None:
        log.write(second, entry)
        done.set()

    thread = threading.Thread(target=waiting_writer)
    thread.start()
    try:
        assert not done.wait(0.5)  # blocked on the lock
        with psycopg.connect(pg_url) as con:
            taken = con.execute("SELECT last_value FROM change_log_id_seq").fetchone()[0]
            newest_before = con.execute("SELECT coalesce(max(id), 0) FROM change_log") \
                .fetchone()[0]
        first.commit()
        assert done.wait(10)
        second.commit()
    finally:
        thread.join(10)
        first.close()
        second.close()
    with psycopg.connect(pg_url) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM change_log WHERE client = 'x' "
                                         "ORDER BY id")]
    assert newest_before < ids[0] and taken == ids[0]  # the waiting writer had no id yet
    assert ids == [ids[0], ids[0] + 1]
    project.close()


def _cli(*args: str, env_extra: dict[str, str] | None = None,
         tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(tmp), "XDG_CONFIG_HOME": str(tmp), **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], env=env, text=True,
                          capture_output=True, timeout=120)


def test_the_cli_works_on_a_team_project(pg_url: str, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Kabul. On Tuesday, the envoy arrived in Kabul.", encoding="utf-8")
    done = _cli("--db", pg_url, "import", str(article), "--published", "2021-07-09",
                tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    done = _cli("--db", pg_url, "add-event", "--article", "1", "--quote",
                "On Tuesday, the envoy arrived in Kabul.", tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "\t2021-07-06" in done.stdout or "Tue 6 Jul 2021" in done.stdout
    listed = _cli("--db", pg_url, "list", tmp=tmp_path)
    assert "2021-07-06" in listed.stdout and "envoy arrived" in listed.stdout


@pytest.mark.parametrize(("address", "words"), [
    ("postgresql://postgres@127.0.0.1:1/timeline", "cannot connect"),
    ("postgresql://127.0.0.1", "names no database"),
    ("mysql://host/db", "team projects are on PostgreSQL"),
])
def test_a_wrong_address_is_one_line_and_exit_1(address: str, words: str,
                                                tmp_path: Path) -> None:
    done = _cli("--db", address, "events", tmp=tmp_path)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and words in done.stderr and "Traceback" not in done.stderr


def test_a_password_is_never_printed(pg_url: str, tmp_path: Path) -> None:
    wrong = pg_url.replace("/ta_test_", "/missing_ta_test_", 1).replace(
        "postgres@", "postgres:hunter2@", 1)
    done = _cli("--db", wrong, "events", tmp=tmp_path)
    assert done.returncode == 1 and "does not exist" in done.stderr
    assert "hunter2" not in done.stderr


def test_a_throwaway_server_is_started_where_none_runs(tmp_path: Path) -> None:
    """What a bare machine does (scripts/setup.sh --test installs Debian's postgresql): the
    tests start a private server and a project works on it."""
    from tests.pg_server import fresh_database, throwaway_server

    with throwaway_server() as server, fresh_database(server) as url:
        project = open_project(url)
        try:
            article = project.articles.add(ArticleDraft(title="T", text="On Monday, it began."))
            project.events.create_from_quote_text(article.id, "On Monday, it began.")
            assert len(project.events.list()) == 1
        finally:
            project.close()


def _reopen(project, author: str):  # noqa: ANN001, ANN202
    return open_project(project.location, author=author)


def test_who_made_and_who_changed_each_event_is_kept(project, tmp_path: Path) -> None:  # noqa: ANN001
    from desktop_app.core.importers.csv_import import read_timeline_csv

    ana, ben = _reopen(project, "Ana\x07\n Silva"), _reopen(project, "Ben")  # one plain line
    try:
        article = ana.articles.add(ArticleDraft(title="T", text="On Monday, it began."))
        made = ana.events.create_from_quote_text(article.id, "On Monday, it began.")
        assert (made.created_by, made.updated_by, made.version) == ("Ana Silva", "Ana Silva", 1)
        assert made.quotes[0].created_by == "Ana Silva"
        edited = ben.events.edit(made.id, EventEdit(title="Renamed", tags=("army",)))
        assert (edited.created_by, edited.updated_by, edited.version) == ("Ana Silva", "Ben", 2)
        csv = tmp_path / "new.csv"
        csv.write_text("date,title\n2021-07-09,From a sheet\n", encoding="utf-8")
        ben.csv.apply(ben.csv.plan(read_timeline_csv(csv)))  # the bulk path
        sheet = next(e for e in ana.events.list() if e.title == "From a sheet")
        assert (sheet.created_by, sheet.updated_by, sheet.version) == ("Ben", "Ben", 1)
    finally:
        ana.close()
        ben.close()


def test_without_a_display_name_the_role_or_account_is_used(project) -> None:  # noqa: ANN001
    import getpass

    expected = "postgres" if project.db.is_server else getpass.getuser()
    assert project.author == expected


def test_an_edit_on_a_version_since_changed_is_refused_and_saves_nothing(project) -> None:  # noqa: ANN001
    from desktop_app.core.errors import EditConflictError

    ana, ben = _reopen(project, "Ana"), _reopen(project, "Ben")
    try:
        article = ana.articles.add(ArticleDraft(title="T", text="On Monday, it began."))
        shown = ana.events.create_from_quote_text(article.id, "On Monday, it began.")
        ben.events.edit(shown.id, EventEdit(title="Ben's title"))
        with pytest.raises(EditConflictError, match="changed by Ben") as refused:
            ana.events.edit(shown.id, EventEdit(title="Ana's title",
                                                expected_version=shown.version))
        assert refused.value.current.title == "Ben's title"
        assert ana.events.get(shown.id).title == "Ben's title"  # nothing overwritten
        kept = ana.events.edit(shown.id, EventEdit(title="Ana's title",  # "keep mine"
                                                   expected_version=refused.value.current.version))
        assert (kept.title, kept.version) == ("Ana's title", 3)
    finally:
        ana.close()
        ben.close()


def test_exports_and_filters_say_who_changed_what(project, tmp_path: Path) -> None:  # noqa: ANN001
    import csv

    from desktop_app.core.exporters.csv_export import CsvOptions
    from desktop_app.core.filters import EventFilter, parse_filter
    from desktop_app.core.importers.csv_import import read_timeline_csv

    ana, ben = _reopen(project, "Ana"), _reopen(project, "Ben")
    try:
        article = ana.articles.add(ArticleDraft(title="T", text="On Monday, it began. "
                                                "On Tuesday, it ended."))
        first = ana.events.create_from_quote_text(article.id, "On Monday, it began.")
        ana.events.create_from_quote_text(article.id, "On Tuesday, it ended.")
        ben.events.edit(first.id, EventEdit(notes="checked"))
        assert ana.index.people() == ["Ana", "Ben"]
        by_ben = [e.id for e in ana.events.list() if parse_filter(["by=ben"]).matches(e)]
        assert by_ben == [first.id]
        assert EventFilter.from_json(EventFilter(changed_by="Ben").to_json()).changed_by == "Ben"
        out = tmp_path / "t.csv"
        ana.exports.export_csv(out, CsvOptions(attribution=True))
        rows = list(csv.DictReader(out.open(encoding="utf-8-sig", newline="")))
        assert [(r["created_by"], r["updated_by"]) for r in rows] == [("Ana", "Ben"),
                                                                       ("Ana", "Ana")]
        assert rows[0]["updated_at"].endswith("Z")
        parsed = read_timeline_csv(out)  # the round trip treats them as read-only
        assert set(parsed.ignored_columns) >= {"created_by", "updated_by", "updated_at"}
        plain = tmp_path / "plain.csv"
        ana.exports.export_csv(plain)
        assert "created_by" not in plain.read_text(encoding="utf-8-sig").splitlines()[0]
    finally:
        ana.close()
        ben.close()


def test_team_init_grants_editors_and_readers(roles, pg_url: str, tmp_path: Path) -> None:  # noqa: ANN001
    from desktop_app.core.errors import TimelineError

    editor, reader = roles
    done = _cli("team", "init", pg_url, "--editors", editor, "--readers", reader, tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"editors: {editor}" in done.stderr and f"readers (read-only): {reader}" in done.stderr
    as_editor = open_project(pg_url.replace("postgres@", f"{editor}@", 1))
    try:
        assert not as_editor.read_only and as_editor.author == editor
        article = as_editor.articles.add(ArticleDraft(title="T", text="On Monday, it began."))
        as_editor.events.create_from_quote_text(article.id, "On Monday, it began.")
    finally:
        as_editor.close()
    reader_url = pg_url.replace("postgres@", f"{reader}@", 1)
    as_reader = open_project(reader_url)
    try:
        assert as_reader.read_only and "may only read" in as_reader.db.read_only_reason
        assert [e.created_by for e in as_reader.events.list()] == [editor]
        with pytest.raises(TimelineError, match="lacks a privilege"):
            as_reader.events.edit(1, EventEdit(title="Not allowed"))  # one clear message
    finally:
        as_reader.close()
    listed = _cli("--db", reader_url, "list", tmp=tmp_path)
    assert listed.returncode == 0 and "it began" in listed.stdout
    refused = _cli("--db", reader_url, "add-event", "--article", "1", "--quote",
                   "On Monday, it began.", tmp=tmp_path)
    assert refused.returncode == 1 and "may only read" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_server_address_from_its_parts() -> None:
    from desktop_app.core.locations import server_address

    assert server_address("db.example", 5433, "timeline", "ana", "p@ss/w", "require") == (
        "postgresql://ana:p%40ss%2Fw@db.example:5433/timeline?sslmode=require")
    socket = project_location(server_address("/run/postgresql", 5432, "timeline", "ana"))
    assert socket.url is not None and socket.url.database == "timeline"
    assert socket.url.query["host"] == "/run/postgresql"
    assert project_location("postgresql://ana:secret@h/db").remembered == "postgresql://ana@h/db"
    assert "secret" not in project_location("postgresql://ana:secret@h/db").shown


def test_the_project_activity_says_who_did_what_newest_first(project) -> None:  # noqa: ANN001
    ana, ben = _reopen(project, "Ana"), _reopen(project, "Ben")
    try:
        article = ana.articles.add(ArticleDraft(title="Talks", text="On Monday, it began."))
        made = ana.events.create_from_quote_text(article.id, "On Monday, it began.")
        ben.events.edit(made.id, EventEdit(title="Talks began"))
        ben.events.delete(made.id)
        activity = ana.activity.recent()
        assert [(a.author, a.summary) for a in activity[:4]] == [
            ("Ben", "deleted 1 event"),
            ("Ben", "changed 1 event"),  # its title is gone with it: counted, not named
            ("Ana", "created 1 event"),
            ("Ana", "imported “Talks”")]
        assert activity[0].when >= activity[3].when
        ben.events.restore(replace(made, title="Talks began"))  # an undo of the delete
        assert ana.activity.recent()[0].summary == "created “Talks began”"
    finally:
        ana.close()
        ben.close()
