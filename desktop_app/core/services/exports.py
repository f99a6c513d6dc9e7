"""Exports written atomically (a failed export never leaves a half-written file behind) and
never over the open project."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.errors import ExportError
from desktop_app.core.exporters.annotations import annotation_page
from desktop_app.core.exporters.common import ArticleInfo
from desktop_app.core.exporters.csv_export import CsvOptions, write_events_csv
from desktop_app.core.exporters.formats import FORMATS
from desktop_app.core.exporters.icalendar_export import calendar_bytes
from desktop_app.core.exporters.report import html_report, markdown_report
from desktop_app.core.exporters.timelinejs import timelinejs_document, write_timelinejs_sheet
from desktop_app.core.filters import EventFilter
from desktop_app.core.orm import Article
from desktop_app.core.output_files import write_text_atomically
from desktop_app.core.records import EventRecord
from desktop_app.core.services.events import EventService


@dataclass(frozen=True)
class ExportJob:
    """What every writer of a format gets."""

    events: list[EventRecord]
    articles: dict[int, ArticleInfo]
    title: str
    group_by: str
    project_uuid: str


def _json(document: object) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False)


# The writer of each format of formats.EXPORT_FORMATS but CSV (written with its options by
# export_csv); each returns the number of characters written.
WRITERS: dict[str, Callable[[ExportJob, TextIO], int]] = {
    "timelinejs": lambda j, fh: fh.write(_json(timelinejs_document(
        j.events, j.articles, j.title, j.group_by))),
    "timelinejs-csv": lambda j, fh: write_timelinejs_sheet(j.events, j.articles, fh,
                                                           j.group_by),
    "ics": lambda j, fh: fh.write(calendar_bytes(j.events, j.articles, j.title,
                                                 j.project_uuid).decode("utf-8")),
    "jsonld": lambda j, fh: fh.write(_json(annotation_page(j.events, j.articles, j.title,
                                                           j.project_uuid))),
    "md": lambda j, fh: fh.write(markdown_report(j.events, j.articles, j.title)),
    "html": lambda j, fh: fh.write(html_report(j.events, j.articles, j.title)),
}


class ExportService:
    """Write the timeline to files."""

    def __init__(self, sessions: sessionmaker[Session], events: EventService,
                 project: Path | None = None, project_uuid: str = "") -> None:
        self._sessions = sessions
        self._events = events
        self._uuid = project_uuid
        self._protected = [project] if project is not None else []

    def _write(self, path: Path, write: Callable[[TextIO], int]) -> int:
        """Write an export atomically, never over the project or any other database."""
        return int(write_text_atomically(path, write, self._protected))

    def export_csv(self, path: Path | str, options: CsvOptions = CsvOptions(),  # noqa: B008
                   event_filter: EventFilter | None = None) -> int:
        """Write the timeline (or the events a filter keeps) as CSV; return how many."""
        path = Path(path)
        articles = self.article_infos()
        events = self._events.iter_timeline()
        if event_filter is not None and not event_filter.is_empty:
            events = (e for e in events if event_filter.matches(e))
        return self._write(path, lambda fh: write_events_csv(events, fh, articles, options))

    def article_infos(self) -> dict[int, ArticleInfo]:
        """Every article as exports cite it."""
        with self._sessions() as s:
            rows = s.execute(select(Article.id, Article.title, Article.outlet, Article.url,
                                    Article.published_on, Article.sha256))
            return {r[0]: ArticleInfo(*r) for r in rows}

    def export(self, fmt: str, path: Path | str, title: str,
               event_filter: EventFilter | None = None, group_by: str = "article",
               csv_options: CsvOptions = CsvOptions()) -> int:  # noqa: B008 (frozen)
        """Write the timeline in one of FORMATS to ``path`` (atomically); return the events."""
        path = Path(path)
        if fmt == "csv":
            return self.export_csv(path, csv_options, event_filter)
        writer = WRITERS.get(fmt)
        if writer is None:
            raise ExportError(path, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        events = self._events.list()
        if event_filter is not None and not event_filter.is_empty:
            events = [e for e in events if event_filter.matches(e)]
        job = ExportJob(events, self.article_infos(), title, group_by, self._uuid)
        self._write(path, lambda fh: writer(job, fh))
        return len(events)

    def timeline_csv(self, stream: TextIO, bom: bool = False) -> int:
        """Write the timeline as CSV to an open text stream (the CLI's list)."""
        return write_events_csv(self._events.iter_timeline(), stream, self.article_infos(),
                                CsvOptions(bom=bom))
