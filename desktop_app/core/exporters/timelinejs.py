"""TimelineJS: the JSON document and the spreadsheet-template CSV, for web timelines."""

from __future__ import annotations

import html
from collections.abc import Iterable
from functools import partial
from typing import Any, TextIO

from desktop_app.core.eventdates import format_event_date
from desktop_app.core.exporters.common import ArticleInfo, event_span
from desktop_app.core.exporters.csv_export import write_csv
from desktop_app.core.records import EventRecord

SHEET_COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day",
                 "End Time", "Display Date", "Headline", "Text", "Media", "Media Credit",
                 "Media Caption", "Media Thumbnail", "Type", "Group", "Background")


_text_escape = partial(html.escape, quote=False)


def _date_parts(e: EventRecord) -> tuple[dict[str, int], dict[str, int] | None]:
    """Start and end filled only to the event's precision (TimelineJS shows what is given)."""
    first, last = event_span(e)
    p = e.date.precision
    if p == "day" and e.date.end is None:
        return {"year": first.year, "month": first.month, "day": first.day}, None
    if p == "month" and e.date.end is None:
        return {"year": first.year, "month": first.month}, None
    if p == "year" and e.date.end is None:
        return {"year": first.year}, None
    if p in ("year", "decade"):
        return {"year": first.year}, {"year": last.year}
    if p in ("month", "quarter"):
        return ({"year": first.year, "month": first.month},
                {"year": last.year, "month": last.month})
    return ({"year": first.year, "month": first.month, "day": first.day},
            {"year": last.year, "month": last.month, "day": last.day})


def _text(e: EventRecord, articles: dict[int, ArticleInfo]) -> str:
    parts = [f"<blockquote>{_text_escape(q.exact)}</blockquote>" for q in e.quotes]
    a = articles.get(e.article_id) if e.article_id is not None else None
    if a is not None:
        name = _text_escape(a.title + (f", {a.outlet}" if a.outlet else ""))
        parts.append(f'<p>Source: <a href="{html.escape(a.url)}">{name}</a></p>' if a.url
                     else f"<p>Source: {name}</p>")
    if e.notes:
        parts.append(f"<p>{_text_escape(e.notes)}</p>")
    return "".join(parts)


def timelinejs_document(events: Iterable[EventRecord], articles: dict[int, ArticleInfo],
                        title: str, group_by: str = "article") -> dict[str, Any]:
    """A TimelineJS JSON document: a title slide and one slide per event."""
    slides = []
    for e in events:
        start, end = _date_parts(e)
        slide: dict[str, Any] = {
            "unique_id": f"event-{e.id}",
            "start_date": start,
            "display_date": format_event_date(e.date),
            "text": {"headline": _text_escape(e.title), "text": _text(e, articles)},
        }
        if end is not None:
            slide["end_date"] = end
        group = (e.tags[0] if e.tags else "") if group_by == "tag" else e.article_title
        if group:
            slide["group"] = group
        slides.append(slide)
    return {"title": {"text": {"headline": _text_escape(title),
                               "text": f"<p>{len(slides)} events</p>"}},
            "events": slides}


def write_timelinejs_sheet(events: Iterable[EventRecord], articles: dict[int, ArticleInfo],
                           stream: TextIO, group_by: str = "article") -> int:
    """The TimelineJS Google-Sheets template columns, as CSV."""

    def rows():  # noqa: ANN202
        for e in events:
            start, end = _date_parts(e)
            end = end or {}
            group = (e.tags[0] if e.tags else "") if group_by == "tag" else e.article_title
            yield [str(start.get("year", "")), str(start.get("month", "")),
                   str(start.get("day", "")), "", str(end.get("year", "")),
                   str(end.get("month", "")), str(end.get("day", "")), "",
                   format_event_date(e.date), e.title, _text(e, articles), "", "", "", "", "",
                   group, ""]

    return write_csv(SHEET_COLUMNS, rows(), stream, bom=True)
