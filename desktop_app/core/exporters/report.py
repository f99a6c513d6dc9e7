"""Readable, printable chronologies: Markdown and HTML. Each quote is followed by its own
source, so a second outlet's words are never credited to the first."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.core.conflicts import has_conflict
from desktop_app.core.eventdates import format_event_date
from desktop_app.core.exporters.common import ArticleInfo, Source, sources_of
from desktop_app.core.exporters.escaping import html_link, html_text, markdown_link, markdown_text
from desktop_app.core.records import EventRecord

CONFLICT_NOTE = "The sources disagree on the date."


def markdown_report(events: Iterable[EventRecord], articles: dict[int, ArticleInfo],
                    title: str) -> str:
    """The chronology in Markdown: date, title, each quote with its source, tags, notes."""
    esc = markdown_text
    out = [f"# {esc(title)}", ""]
    for e in events:
        out += [f"## {esc(format_event_date(e.date))}: {esc(e.title)}", ""]
        for source in sources_of(e, articles):
            if source.quote is not None:
                out += ["> " + esc(line) + "  " for line in source.quote.exact.splitlines()]
                out += [""]
            cited = _markdown_source(source)
            if cited:
                out += [cited, ""]
        if has_conflict(e):
            out += [f"*{esc(CONFLICT_NOTE)}*", ""]
        if e.tags:
            out += ["Tags: " + esc(", ".join(e.tags)), ""]
        if e.notes:
            out += [esc(e.notes), ""]
    return "\n".join(out)


def _markdown_source(source: Source) -> str:
    a = source.article
    if a is None:
        return ""
    label = markdown_link(a.url, a.title) if a.url else markdown_text(a.title)
    detail = source.detail
    return f"Source: {label}" + (f" ({markdown_text(detail)})" if detail else "")


_STYLE = """body{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.5;
color:#222}h1{border-bottom:2px solid #1f4e79}.event{page-break-inside:avoid;margin:1.5em 0}
.date{font:bold .95em sans-serif;color:#1f4e79}blockquote{margin:.4em 0;padding-left:1em;
border-left:3px solid #ffc94d;font-style:italic}.source,.tags{font-size:.9em;color:#555}
.conflict{font-size:.9em;color:#9c2a00}@media print{a{color:inherit}}"""


def html_report(events: Iterable[EventRecord], articles: dict[int, ArticleInfo],
                title: str) -> str:
    """The chronology as a standalone, printable HTML page."""
    esc = html_text
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
           'style-src \'unsafe-inline\'">',
           f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>",
           f"<h1>{esc(title)}</h1>"]
    for e in events:
        out.append(f'<section class="event" id="event-{e.id}">')
        out.append(f'<div class="date">{esc(format_event_date(e.date))}</div>')
        out.append(f"<h2>{esc(e.title)}</h2>")
        for source in sources_of(e, articles):
            if source.quote is not None:
                out.append(f"<blockquote>{esc(source.quote.exact)}</blockquote>")
            a = source.article
            if a is not None:
                detail = f" ({esc(source.detail)})" if source.detail else ""
                out.append(f'<p class="source">Source: {html_link(a.url, a.title)}{detail}</p>')
        if has_conflict(e):
            out.append(f'<p class="conflict">{esc(CONFLICT_NOTE)}</p>')
        if e.tags:
            out.append(f'<p class="tags">Tags: {esc(", ".join(e.tags))}</p>')
        if e.notes:
            out.append(f"<p>{esc(e.notes)}</p>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out)
