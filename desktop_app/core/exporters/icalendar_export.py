"""iCalendar: all-day events for days, spans for coarser dates, the quote in the description."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date

from icalendar import Calendar, Event

from desktop_app.core.conflicts import has_conflict
from desktop_app.core.exporters.common import ArticleInfo, day_after, event_span, sources_of
from desktop_app.core.records import EventRecord

MAX_DAY = date.max  # an event ending on 9999-12-31 has no day after: it gets no DTEND


def calendar_bytes(events: Iterable[EventRecord], articles: dict[int, ArticleInfo],
                   title: str, project_uuid: str) -> bytes:
    """The timeline as an .ics calendar; UIDs are unique to the project and stable."""
    cal = Calendar()
    cal.add("prodid", "-//Timeline Annotator//timeline-annotator//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", title)
    for e in events:
        first, last = event_span(e)
        item = Event()
        item.add("uid", f"event-{e.id}-{project_uuid}@timeline-annotator")
        # Without a METHOD, DTSTAMP is the entry's last change (RFC 5545 3.8.7.2): exporting
        # again gives the same file, and a calendar sees which entries changed.
        item.add("dtstamp", e.updated_at.replace(tzinfo=UTC))
        item.add("last-modified", e.updated_at.replace(tzinfo=UTC))
        item.add("summary", e.title)
        item.add("dtstart", first)
        if last < MAX_DAY:
            item.add("dtend", day_after(last))
        lines = []
        sources = sources_of(e, articles)
        for source in sources:  # each quote with its own source
            if source.quote is not None:
                lines.append(f"“{source.quote.exact}”")
            a = source.article
            if a is not None:
                lines.append(f"Source: {a.title}" + (f", {a.outlet}" if a.outlet else "")
                             + (f" ({a.published.isoformat()})" if a.published else "")
                             + (f" {a.url}" if a.url else ""))
        urls = [s.article.url for s in sources if s.article is not None and s.article.url]
        if urls:
            item.add("url", urls[0])
        if has_conflict(e):
            lines.append("The sources disagree on the date.")
        if e.notes:
            lines.append(e.notes)
        if lines:
            item.add("description", "\n\n".join(lines))
        if e.tags:
            item.add("categories", list(e.tags))
        cal.add_component(item)
    return bytes(cal.to_ical())
