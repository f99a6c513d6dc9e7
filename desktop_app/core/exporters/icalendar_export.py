"""iCalendar: all-day events for days, spans for coarser dates, the quote in the description."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from icalendar import Calendar, Event

from desktop_app.core.exporters.common import ArticleInfo, day_after, event_span
from desktop_app.core.records import EventRecord


def calendar_bytes(events: Iterable[EventRecord], articles: dict[int, ArticleInfo],
                   title: str) -> bytes:
    """The timeline as an .ics calendar."""
    cal = Calendar()
    cal.add("prodid", "-//Timeline Annotator//timeline-annotator//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", title)
    stamp = datetime.now(UTC)
    for e in events:
        first, last = event_span(e)
        item = Event()
        item.add("uid", f"event-{e.id}@timeline-annotator")
        item.add("dtstamp", stamp)
        item.add("summary", e.title)
        item.add("dtstart", first)
        item.add("dtend", day_after(last))
        lines = [f"“{q.exact}”" for q in e.quotes]
        a = articles.get(e.article_id) if e.article_id is not None else None
        if a is not None:
            lines.append(f"Source: {a.title}" + (f", {a.outlet}" if a.outlet else "")
                         + (f" ({a.published.isoformat()})" if a.published else ""))
            if a.url:
                item.add("url", a.url)
        if e.notes:
            lines.append(e.notes)
        if lines:
            item.add("description", "\n\n".join(lines))
        if e.tags:
            item.add("categories", list(e.tags))
        cal.add_component(item)
    return cal.to_ical()
