"""Import W3C Web Annotations: each quote is found again in its article and becomes an event."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.anchoring import find_quote
from desktop_app.core.errors import DateParseError, ImportFileError, TimelineError
from desktop_app.core.eventdates import parse_iso, period
from desktop_app.core.exporters.annotations import IncomingAnnotation, read_annotations
from desktop_app.core.orm import Article
from desktop_app.core.records import EventDate, EventEdit, EventRecord
from desktop_app.core.services.events import EventService


@dataclass(frozen=True)
class AnnotationImportResult:
    """Events created, and why the other annotations were skipped."""

    created: tuple[EventRecord, ...]
    skipped: tuple[str, ...]


class AnnotationImportService:
    """JSON-LD in: the counterpart of the 'jsonld' export."""

    def __init__(self, sessions: sessionmaker[Session], events: EventService) -> None:
        self._sessions = sessions
        self._events = events

    def import_file(self, path: Path | str) -> AnnotationImportResult:
        """Create one event per annotation whose article and passage are found."""
        path = Path(path)
        try:
            doc = json.loads(path.read_text(encoding="utf-8-sig"))
        except FileNotFoundError as exc:
            raise ImportFileError(path, "does not exist") from exc
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ImportFileError(path, f"is not a JSON-LD annotation file ({exc})") from exc
        annotations, skipped = read_annotations(doc)
        if not annotations and not skipped:
            raise ImportFileError(path, "holds no annotations")
        sources = self._sources()
        created = []
        skipped = list(skipped)
        for n, a in enumerate(annotations, 1):
            try:
                created.append(self._one(a, sources))
            except TimelineError as exc:
                skipped.append(f"annotation {n} ({a.exact[:40]!r}): {exc}")
        return AnnotationImportResult(tuple(created), tuple(skipped))

    def _sources(self) -> dict[str, tuple[int, str]]:
        with self._sessions() as s:
            rows = s.execute(select(Article.id, Article.url, Article.sha256, Article.text)).all()
        out: dict[str, tuple[int, str]] = {}
        for article_id, url, digest, text in rows:
            out[f"urn:sha256:{digest}"] = (article_id, text)
            if url:
                out[url] = (article_id, text)
        return out

    def _one(self, a: IncomingAnnotation, sources: dict[str, tuple[int, str]]) -> EventRecord:
        if a.source not in sources:
            raise ImportFileError(a.source, "no article in this project has this source")
        article_id, text = sources[a.source]
        selector = find_quote(text, a.exact, a.prefix, a.suffix, hint=a.start)
        if selector is None:
            raise ImportFileError(a.source, "the quoted passage is not in the article")
        record = self._events.create_from_selection(article_id, selector.start, selector.end)
        change = EventEdit(title=a.title or None, notes=a.notes or None,
                           tags=a.tags or None, date=_date(a.date))
        return self._events.edit(record.id, change) if change != EventEdit() else record


def _date(value: str) -> EventDate | None:
    if not value:
        return None
    try:
        start, precision = parse_iso(value)
    except DateParseError:
        return None
    first, last = period(start, precision)
    return replace(EventDate(start, precision), earliest=first, latest=last,
                   rule="from the imported annotation")
