"""Shared fixtures: an isolated Qt environment, temporary projects and the shared sample."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest

if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app's own folder (its log, which every command line writes, and the default project)
# belongs to the test run, not to the home of whoever runs the tests; so do its settings,
# which every command line reads (the limits): a user's raised limit must not change a test.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="timeline-annotator-tests-")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="timeline-annotator-settings-")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLE = SHARED / "samples" / "taliban-moscow-tajikistan.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_PUBLISHED = date(2021, 7, 9)
# The four passages of the reference article and the dates they must get.
SAMPLE_PASSAGES = (
    ("On Monday, Tajikistan President Emomali Rakhmon was the one who ordered the mobilization "
     "of the 20,000 military reservists", date(2021, 7, 5)),
    ("Russian military helicopters in Tajikistan shot air-to-surface missiles in a training "
     "exercise on Tuesday", date(2021, 7, 6)),
    ("On Wednesday, Russian President Vladimir Putin committed to providing support to "
     "Tajikistan authorities", date(2021, 7, 7)),
    ("A small portion of the Taliban group traveled to Moscow on Thursday to meet with a special "
     "envoy", date(2021, 7, 8)),
)


def content(record):  # noqa: ANN001, ANN201
    """An event record without what every change moves on (version, updated_at, updated_by):
    undo puts the content back, and is itself a new change."""
    from dataclasses import replace

    return replace(record, version=0, updated_at=None, updated_by="")


@pytest.fixture
def sample_text() -> str:
    """The reference article (skipped where ../shared is absent, as in a user's clone)."""
    if not SAMPLE.exists():
        pytest.skip("../shared/samples is not present")
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pg_server():  # noqa: ANN201
    """A PostgreSQL server the tests may create databases on: the one running here, or a
    throwaway one started for this run."""
    from tests.pg_server import running_server, throwaway_server

    url = running_server()
    if url is not None:
        yield url
        return
    with throwaway_server() as url:
        yield url


@pytest.fixture
def pg_url(pg_server: str):  # noqa: ANN201
    """The URL of a new, empty database for one test (a team project once opened)."""
    from tests.pg_server import fresh_database

    with fresh_database(pg_server) as url:
        yield url


@pytest.fixture
def roles(pg_server: str):  # noqa: ANN201
    """An editor's and a reader's login roles (dropped after the test's database)."""
    import uuid

    import psycopg

    tag = uuid.uuid4().hex[:8]
    names = (f"ta_editor_{tag}", f"ta_reader_{tag}")
    with psycopg.connect(pg_server, autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE ROLE "{name}" LOGIN')
    yield names
    with psycopg.connect(pg_server, autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP ROLE IF EXISTS "{name}"')


@pytest.fixture
def sqlite_project(tmp_path: Path):  # noqa: ANN201
    """An empty project in a temporary file (for what only a file has: its path, backups)."""
    from desktop_app.core.project import open_project

    p = open_project(tmp_path / "test.tldb")
    yield p
    p.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def project(request: pytest.FixtureRequest, tmp_path: Path):  # noqa: ANN201
    """An empty project: every test using it runs on a project file and on a team project
    on PostgreSQL, through the same services."""
    from desktop_app.core.project import open_project

    if request.param == "sqlite":
        p = open_project(tmp_path / "test.tldb")
    else:
        p = open_project(request.getfixturevalue("pg_url"))
    yield p
    p.close()


@pytest.fixture
def demo_project(project):  # noqa: ANN001, ANN201
    """A project holding the shipped demo article and its four events."""
    from desktop_app.core.project import seed_demo

    seed_demo(project)
    return project


def demo_changed_by_another_program(path: Path, *statements: str) -> Path:
    """A project file holding the demo, then changed behind the app's back by SQL (as
    another program, or a hand with a database tool, may change it)."""
    import sqlite3

    from desktop_app.core.project import open_project, seed_demo

    project = open_project(path)
    seed_demo(project)
    project.close()
    con = sqlite3.connect(path)
    with con:
        for statement in statements:
            con.execute(statement)
    con.close()
    return path
