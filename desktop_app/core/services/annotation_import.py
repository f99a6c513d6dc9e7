"""Import W3C Web Annotations (and Hypothesis's forms of them): each annotation whose
document is in the project becomes one event, its passages that event's sources."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.anchoring import Selector, find_quote, make_selector
from desktop_app.core.clock import now
from desktop_app.core.dating import date_for_passage
from desktop_app.core.edits import EventEdit
from desktop_app.core.errors import DateParseError, ImportFileError, TimelineError
from desktop_app.core.eventdates import parse_iso, period
from desktop_app.core.exporters.annotations import IncomingAnnotation, read_annotations
from desktop_app.core.gc_pause import gc_paused
from desktop_app.core.input_files import read_input_file
from desktop_app.core.limits import DEFAULT_LIMITS, Limit, Limits
from desktop_app.core.orm import Article
from desktop_app.core.records import EventDate, EventRecord
from desktop_app.core.services.convert import date_columns
from desktop_app.core.services.event_drafts import (
    edited_columns,
    passage_columns,
    quote_columns_for,
)
from desktop_app.core.services.events import EventService
from desktop_app.core.urls import canonical_url


@dataclass(frozen=True)
class AnnotationImportResult:
    """Events created, and why the other annotations were skipped."""

    created: tuple[EventRecord, ...]
    skipped: tuple[str, ...]


@dataclass(frozen=True)
class _Source:
    article_id: int
    text: str


@dataclass(frozen=True)
class _Resolved:
    """An annotation placed in the project: its passages, or only its article."""

    annotation: IncomingAnnotation
    passages: tuple[tuple[int, Selector], ...]  # (article id, passage)
    article_id: int | None


class AnnotationImportService:
    """JSON-LD in: the counterpart of the 'jsonld' export."""

    def __init__(self, sessions: sessionmaker[Session], events: EventService) -> None:
        self._sessions = sessions
        self._events = events

    @gc_paused()  # thousands of annotations, passages and records, no cycles among them
    def import_file(self, path: Path | str,
                    limits: Limits = DEFAULT_LIMITS) -> AnnotationImportResult:
        """Create one event per usable annotation, all in one transaction; every annotation
        that cannot be used is a line of the report with its reason."""
        path = Path(path)
        annotations, skipped = read_annotations(_read_json(path, limits), limits)
        if not annotations and not skipped:
            raise ImportFileError(path, "holds no annotations")
        sources = self._sources()
        resolved = []
        for n, a in enumerate(annotations, 1):
            try:
                resolved.append(_resolve(a, sources))
            except TimelineError as exc:
                skipped.append(f"annotation {n} ({a.label}): {exc}")
        return AnnotationImportResult(self._create(resolved), tuple(skipped))

    def _sources(self) -> dict[str, _Source]:
        """Every article by each address an annotation may use for it."""
        with self._sessions() as s:
            rows = s.execute(select(Article.id, Article.url, Article.sha256, Article.text)).all()
        out: dict[str, _Source] = {}
        for article_id, url, digest, text in rows:
            source = _Source(article_id, text)
            out[f"urn:sha256:{digest}"] = source
            if url:
                out[url] = source
                out[canonical_url(url)] = source
        return out

    def _create(self, resolved: list[_Resolved]) -> tuple[EventRecord, ...]:
        """Every event written in one transaction, as column values, with a few statements
        (an ORM row per event and per quote took most of the time of a 10,000-annotation
        import), in parts within it (``EventService.insert_in_parts``)."""
        if not resolved:
            return ()
        with self._sessions.begin() as s:
            rows_read = s.execute(
                select(Article.id, Article.text, Article.published_on)
                .where(Article.id.in_({i for r in resolved for i, _ in r.passages}))).all()
            texts = {article_id: text for article_id, text, _ in rows_read}
            published = {article_id: day for article_id, _, day in rows_read}
            stamp = now()
            return tuple(self._events.insert_in_parts(
                s, resolved, lambda part: _columns(part, texts, published, stamp), stamp))


def _columns(part: Sequence[_Resolved], texts: dict[int, str], published: dict[int, date | None],
             stamp: datetime) -> tuple[list[dict[str, Any]], list[tuple[str, ...]],
                                       list[list[dict[str, Any]]]]:
    """Annotations' events, tags and quotes as column values, in the file's order. Their
    passages are dated article by article, in text order (each article's analysis is then
    made once and used for all its passages)."""
    order = sorted(range(len(part)), key=lambda k: _place(part[k]))
    drafts = {k: _draft(part[k], texts, published, stamp) for k in order}
    rows, tags, quotes = [], [], []
    for k, r in enumerate(part):
        columns, quote_rows = drafts[k]
        a = r.annotation
        change = EventEdit(title=a.title or None, notes=a.notes or None, date=_date(a.date))
        rows.append({**columns, **edited_columns(change, stamp)}
                    if change != EventEdit() else columns)
        tags.append(a.tags or ())
        quotes.append(quote_rows)
    return rows, tags, quotes


def _draft(r: _Resolved, texts: dict[int, str], published: dict[int, date | None],
           stamp: datetime) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """An annotation's event and quotes as column values: the first passage proposes the
    title and date, as Ctrl+E would; further sources are each dated by their own passage."""
    if not r.passages:  # the document only: an event without a quote, dated by the body
        event_date = _date(r.annotation.date)
        assert event_date is not None  # _resolve refuses such annotations without a date
        return {"title": r.annotation.title or "Annotation", "notes": "",
                "date_edited_by_user": True, "created_at": stamp, "updated_at": stamp,
                **date_columns(event_date)}, []
    (first_id, first), *others = r.passages
    columns, quote = passage_columns(first_id, texts[first_id], published[first_id],
                                     first.start, first.end, stamp)
    quote_rows = [quote]
    for article_id, sel in others:
        text = texts[article_id]
        quote_rows.append(quote_columns_for(
            article_id, sel, date_for_passage(text, sel.start, sel.end, published[article_id])))
    return columns, quote_rows


def _place(r: _Resolved) -> tuple[int, int]:
    """Where an annotation's first passage is: (article id, offset); (0, 0) for none."""
    return (r.passages[0][0], r.passages[0][1].start) if r.passages else (0, 0)


# Objects and lists a file may hold per annotation the limit allows: a Hypothesis API row,
# the most nested form, has about 17 (target, selectors, document, links, permissions...);
# 25 for each of 100,000 is at most ~400 MB parsed, whatever the shape.
CONTAINERS_PER_ANNOTATION = 25


def _read_json(path: Path, limits: Limits) -> object:
    # The bytes are let go once decoded, before the parse: a 100 MB file peaked at 460 MB.
    text = _json_text(read_input_file(path, Limit.ANNOTATION_MEGABYTES, limits), path)
    # Each object or list parsed costs ~60-200 bytes, whatever few bytes it is written in:
    # 60 MB of '[],' took 1.5 GB. Braces counted in C (those in strings too: an upper bound).
    containers = text.count("{") + text.count("[")
    if containers > CONTAINERS_PER_ANNOTATION * limits[Limit.ANNOTATIONS]:
        raise ImportFileError(path, f"holds {containers:,} JSON objects and lists, more than "
                                    f"{CONTAINERS_PER_ANNOTATION} for each annotation allowed "
                                    f"({limits.stated(Limit.ANNOTATIONS)}); split the file")
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise ImportFileError(path, "is nested too deeply to be an annotation file") from exc
    except ValueError as exc:  # not JSON
        raise ImportFileError(path, f"is not a JSON-LD annotation file ({exc})") from exc


def _json_text(data: bytes, path: Path) -> str:
    """UTF-8, or UTF-16/32 as JSON allows them (a byte-order mark, or the zero bytes of its
    first character): the json module's own detection, strictly decoded."""
    try:
        return data.decode(json.detect_encoding(data))
    except UnicodeDecodeError as exc:
        raise ImportFileError(path, "is not a JSON-LD annotation file (not UTF-8 text, nor "
                                    f"UTF-16 or UTF-32: {exc.reason} at byte {exc.start:,})"
                              ) from exc


def _find_source(address: str, sources: dict[str, _Source]) -> _Source | None:
    return sources.get(address) or sources.get(canonical_url(address)) if address else None


def _resolve(a: IncomingAnnotation, sources: dict[str, _Source]) -> _Resolved:
    """Find each passage in its article (by address; else by the text itself)."""
    passages: list[tuple[int, Selector]] = []
    article_id = None
    for t in a.targets:
        source = _find_source(t.source, sources)
        if t.exact:
            candidates = [source] if source else _by_text(t.exact, sources)
            found = [(c, sel) for c in candidates if (sel := find_quote(
                c.text, t.exact, t.prefix, t.suffix, hint=t.start)) is not None]
            if not found:
                raise ImportFileError(t.source or "the annotation",
                                      "no article in this project has this source or holds "
                                      "the quoted passage"
                                      if source is None else
                                      "the quoted passage is not in the article")
            passages.append((found[0][0].article_id, found[0][1]))
        elif source is not None and t.start is not None and t.end is not None \
                and 0 <= t.start < t.end <= len(source.text):
            passages.append((source.article_id, make_selector(source.text, t.start, t.end)))
        elif source is not None:
            article_id = article_id or source.article_id
    free_standing = a.targets[0].source.startswith("urn:uuid:")  # an event's own identity:
    if not passages and article_id is None and not free_standing:  # no source at all
        raise ImportFileError(a.targets[0].source or "the annotation",
                              "no article in this project has this source")
    if not passages and _date(a.date) is None:
        raise ImportFileError(a.targets[0].source, "it names no passage and no date")
    return _Resolved(a, tuple(passages), article_id)


def _by_text(exact: str, sources: dict[str, _Source]) -> list[_Source]:
    """Articles that hold a passage, for annotations whose address is unknown here."""
    unique = {s.article_id: s for s in sources.values()}
    return [s for s in unique.values() if exact[:200] in s.text][:1]


def _date(value: str) -> EventDate | None:
    """A date or an ISO 8601 interval ('2021-07-05/2021-07-08') from an annotation body."""
    if not value:
        return None
    first_text, _, last_text = value.partition("/")
    try:
        start, precision = parse_iso(first_text.strip())
        end = parse_iso(last_text.strip())[0] if last_text.strip() else None
    except DateParseError:
        return None
    first, last = period(start, precision)
    if end is not None and end >= start:
        last = period(end, precision)[1]
    else:
        end = None
    return replace(EventDate(start, precision), end=end, earliest=first, latest=last,
                   rule="from the imported annotation")
