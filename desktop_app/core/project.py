"""An open project: the database and the services over it, built once and passed around."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop_app.core.article_records import ArticleRecord
from desktop_app.core.attribution import attribute, default_author, rename
from desktop_app.core.change_feed import ChangeFeed, SqliteChangeFeed, prune_change_log
from desktop_app.core.changes import ChangeHub, track
from desktop_app.core.database import ProjectDatabase
from desktop_app.core.db import open_database
from desktop_app.core.edits import ArticleDraft
from desktop_app.core.integrity import damage_stated, damaged_values
from desktop_app.core.locations import ProjectLocation
from desktop_app.core.orm import ProjectInfo
from desktop_app.core.records import DateSource
from desktop_app.core.resources import resource_path
from desktop_app.core.search import ArticleSearch, make_search
from desktop_app.core.services.activity import ActivityService
from desktop_app.core.services.analysis import AnalysisService
from desktop_app.core.services.annotation_import import AnnotationImportService
from desktop_app.core.services.article_removal import ArticleRemovalService
from desktop_app.core.services.articles import ArticleService
from desktop_app.core.services.csv_sync import CsvSyncService
from desktop_app.core.services.events import EventService
from desktop_app.core.services.exports import ExportService
from desktop_app.core.services.saved_filters import SavedFilterService
from desktop_app.core.services.sources import SourceService
from desktop_app.core.services.tags import TagService
from desktop_app.core.services.timeline_index import TimelineIndexService


@dataclass
class Project:
    """The services of one open project file."""

    db: ProjectDatabase
    articles: ArticleService
    events: EventService
    exports: ExportService
    analysis: AnalysisService
    csv: CsvSyncService
    annotations: AnnotationImportService
    tags: TagService
    index: TimelineIndexService
    sources: SourceService
    removal: ArticleRemovalService
    filters: SavedFilterService
    search: ArticleSearch
    activity: ActivityService
    changes: ChangeHub
    client: str  # this open project's name in the change log (one per process and open)
    uuid: str  # the project's own identity, made once (exports' stable, unique ids)
    author: str = ""  # the name this client's changes are made under

    @property
    def path(self) -> Path | None:
        """The project file (None for a team project on a server)."""
        return self.db.path

    @property
    def location(self) -> ProjectLocation:
        return self.db.location

    @property
    def read_only(self) -> bool:
        """Whether this client may only read the project (see ``read_only_reason``)."""
        return self.db.read_only

    @property
    def name(self) -> str:
        """The project's short name: its file's stem or its database's name."""
        return self.db.location.name

    def feed(self) -> ChangeFeed:
        """Follow what other windows and processes commit to this project."""
        if self.db.location.url is not None:
            from desktop_app.core.change_feed_pg import PostgresChangeFeed

            return PostgresChangeFeed(self.db.location.url, self.client)
        assert self.path is not None
        return SqliteChangeFeed(self.path, self.client)

    def set_author(self, name: str) -> None:
        """Make this client's next changes under ``name`` (blank: the role or account)."""
        self.author = rename(self.db.sessions, name) if name.strip() else rename(
            self.db.sessions, default_author(self.db.sessions, self.db.is_server))

    def damage(self) -> str | None:
        """What is damaged, where stored values cannot be read back (another program's
        writing), named by table, row and column; None where none is. Asked when reading
        the project failed, to say why."""
        damaged = damaged_values(self.db.sessions)
        return damage_stated(self.location, damaged) if damaged else None

    def damage_behind(self, failure: BaseException) -> str | None:
        """The damage that explains a failure to read the project (see damage): a stored
        value another program wrote fails as a ValueError or a TypeError; None for any other
        failure (a bug), or where nothing is damaged."""
        return self.damage() if isinstance(failure, (ValueError, TypeError)) else None

    def close(self) -> None:
        """Release the database file."""
        self.db.close()


def open_project(target: Path | str | ProjectLocation, read_only: bool = False,
                 author: str = "", on_wait: Callable[[str], None] | None = None) -> Project:
    """Open (creating if needed) a project file or team project and build its services
    (``read_only``: an existing project file, only to read and export; ``author``: the name
    changes are made under, by default the database role or this computer's account)."""
    db = open_database(target, read_only, on_wait)
    author = " ".join(author.split()) or default_author(db.sessions, db.is_server)
    attribute(db.sessions, author)
    read_only = db.read_only
    changes = ChangeHub()
    client = str(uuid.uuid4())
    identity = _project_uuid(db)
    if not read_only:
        prune_change_log(db.sessions)
    log = None
    if db.is_server:
        from desktop_app.core.change_feed_pg import PostgresChangeLog

        log = PostgresChangeLog()
    track(db.sessions, changes, client, log)
    events = EventService(db.sessions)
    return Project(db, ArticleService(db.sessions), events,
                   ExportService(db.sessions, events, db.path, identity),
                   AnalysisService(db.sessions, events), CsvSyncService(db.sessions, events),
                   AnnotationImportService(db.sessions, events), TagService(db.sessions, events),
                   TimelineIndexService(db.sessions), SourceService(db.sessions, events),
                   ArticleRemovalService(db.sessions, events), SavedFilterService(db.sessions),
                   make_search(db.sessions, db.engine.dialect.name),
                   ActivityService(db.sessions), changes, client, identity, author)


def _project_uuid(db: ProjectDatabase) -> str:
    with db.sessions() as s:
        return s.get_one(ProjectInfo, "uuid").value


def seed_demo(project: Project) -> ArticleRecord:
    """Add the demo article written by us, with its four events, through the normal services."""
    data = json.loads(resource_path("demo", "demo-project.json").read_text(encoding="utf-8"))
    article = project.articles.add(ArticleDraft(
        title=data["title"], text="\n\n".join(data["paragraphs"]), outlet=data["outlet"],
        url=data["url"], author=data["author"], published=date.fromisoformat(data["published"]),
        published_source=DateSource.METADATA))
    for quote in data["quotes"]:
        project.events.create_from_quote_text(article.id, quote)
    return article
