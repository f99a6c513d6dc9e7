"""TimelineJS: the JSON document and the spreadsheet-template CSV, for web timelines.

TimelineJS inserts headline, text, group and display date into the page as HTML, so every one
of them is HTML-escaped text here (escaping.html_text), in the JSON and in the sheet alike;
the group and the display date it decodes once first, so those are escaped twice
(escaping.decoded_html_text), as a test in headless Chromium with TimelineJS itself showed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from desktop_app.core.conflicts import has_conflict
from desktop_app.core.eventdates import format_event_date
from desktop_app.core.exporters.common import ArticleInfo, event_span, sources_of
from desktop_app.core.exporters.csv_export import looks_like_formula, write_csv
from desktop_app.core.exporters.escaping import decoded_html_text, html_link, html_text
from desktop_app.core.records import EventRecord

SHEET_COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day",
                 "End Time", "Display Date", "Headline", "Text", "Media", "Media Credit",
                 "Media Caption", "Media Thumbnail", "Type", "Group", "Background")


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
    parts = []
    for source in sources_of(e, articles):
        if source.quote is not None:
            parts.append(f"<blockquote>{html_text(source.quote.exact)}</blockquote>")
        a = source.article
        if a is not None:
            name = a.title + (f", {a.outlet}" if a.outlet else "")
            parts.append(f"<p>Source: {html_link(a.url, name)}</p>")
    if has_conflict(e):
        parts.append("<p><em>The sources disagree on the date.</em></p>")
    if e.notes:
        parts.append(f"<p>{html_text(e.notes)}</p>")
    return "".join(parts)


def _group(e: EventRecord, group_by: str) -> str:
    return decoded_html_text((e.tags[0] if e.tags else "") if group_by == "tag"
                             else e.article_title)


def timelinejs_document(events: Iterable[EventRecord], articles: dict[int, ArticleInfo],
                        title: str, group_by: str = "article") -> dict[str, Any]:
    """A TimelineJS JSON document: a title slide and one slide per event."""
    slides = []
    for e in events:
        start, end = _date_parts(e)
        slide: dict[str, Any] = {
            "unique_id": f"event-{e.id}",
            "start_date": start,
            "display_date": decoded_html_text(format_event_date(e.date)),
            "text": {"headline": html_text(e.title), "text": _text(e, articles)},
        }
        if end is not None:
            slide["end_date"] = end
        group = _group(e, group_by)
        if group:
            slide["group"] = group
        slides.append(slide)
    return {"title": {"text": {"headline": html_text(title),
                               "text": f"<p>{len(slides)} events</p>"}},
            "events": slides}


def write_timelinejs_sheet(events: Iterable[EventRecord], articles: dict[int, ArticleInfo],
                           stream: TextIO, group_by: str = "article") -> int:
    """The TimelineJS Google-Sheets template columns, as CSV. The cells are HTML, so a cell a
    spreadsheet would run as a formula starts with a character reference instead of the
    apostrophe guard, which TimelineJS would show."""

    def rows() -> Iterator[list[str]]:
        for e in events:
            start, end = _date_parts(e)
            end = end or {}
            yield [str(start.get("year", "")), str(start.get("month", "")),
                   str(start.get("day", "")), "", str(end.get("year", "")),
                   str(end.get("month", "")), str(end.get("day", "")), "",
                   *(_html_cell(c) for c in (decoded_html_text(format_event_date(e.date)),
                                             html_text(e.title), _text(e, articles))),
                   "", "", "", "", "", _html_cell(_group(e, group_by)), ""]

    return write_csv(SHEET_COLUMNS, rows(), stream, bom=True, neutralise_formulas=False)


def _html_cell(cell: str) -> str:
    if looks_like_formula(cell):  # in HTML, leading blanks show as nothing anyway
        return f"&#{ord(cell[0])};{cell[1:]}"
    return cell
