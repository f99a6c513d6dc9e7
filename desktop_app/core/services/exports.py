"""Exports written atomically (a failed export never leaves a half-written file behind) and
never over the open project."""

from __future__ import annotations

import json
from collections.abc import Callable
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
from desktop_app.core.services.events import EventService


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
        if fmt not in FORMATS:
            raise ExportError(path, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        events = self._events.list()
        if event_filter is not None and not event_filter.is_empty:
            events = [e for e in events if event_filter.matches(e)]
        articles = self.article_infos()
        if fmt == "timelinejs-csv":
            return self._write(path, lambda fh: write_timelinejs_sheet(events, articles, fh,
                                                                         group_by))
        if fmt == "ics":
            data = calendar_bytes(events, articles, title, self._uuid).decode("utf-8")
        elif fmt == "timelinejs":
            data = json.dumps(timelinejs_document(events, articles, title, group_by),
                              indent=2, ensure_ascii=False)
        elif fmt == "jsonld":
            data = json.dumps(annotation_page(events, articles, title, self._uuid), indent=2,
                              ensure_ascii=False)
        elif fmt == "md":
            data = markdown_report(events, articles, title)
        else:
            data = html_report(events, articles, title)
        self._write(path, lambda fh: fh.write(data))
        return len(events)

    def timeline_csv(self, stream: TextIO, bom: bool = False) -> int:
        """Write the timeline as CSV to an open text stream (the CLI's list)."""
        return write_events_csv(self._events.iter_timeline(), stream, self.article_infos(),
                                CsvOptions(bom=bom))
