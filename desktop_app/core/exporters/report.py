"""Readable, printable chronologies: Markdown and HTML."""

from __future__ import annotations

import html
from collections.abc import Iterable
from functools import partial

from desktop_app.core.eventdates import format_event_date
from desktop_app.core.exporters.common import ArticleInfo
from desktop_app.core.records import EventRecord

_text_escape = partial(html.escape, quote=False)


def _source(a: ArticleInfo | None) -> tuple[str, str, str]:
    if a is None:
        return "", "", ""
    published = a.published.strftime("%-d %B %Y") if a.published else ""
    return a.title, ", ".join(x for x in (a.outlet, published) if x), a.url


def markdown_report(events: Iterable[EventRecord], articles: dict[int, ArticleInfo],
                    title: str) -> str:
    """The chronology in Markdown: date, title, quotes, source, notes."""
    out = [f"# {title}", ""]
    for e in events:
        out += [f"## {format_event_date(e.date)}: {e.title}", ""]
        for q in e.quotes:
            out += ["> " + line for line in q.exact.splitlines()] + [""]
        name, detail, url = _source(articles.get(e.article_id) if e.article_id else None)
        if name:
            label = f"[{name}]({url})" if url else name
            out += [f"Source: {label}" + (f" ({detail})" if detail else ""), ""]
        if e.tags:
            out += ["Tags: " + ", ".join(e.tags), ""]
        if e.notes:
            out += [e.notes, ""]
    return "\n".join(out)


_STYLE = """body{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.5;
color:#222}h1{border-bottom:2px solid #1f4e79}.event{page-break-inside:avoid;margin:1.5em 0}
.date{font:bold .95em sans-serif;color:#1f4e79}blockquote{margin:.4em 0;padding-left:1em;
border-left:3px solid #ffc94d;font-style:italic}.source,.tags{font-size:.9em;color:#555}
@media print{a{color:inherit}}"""


def html_report(events: Iterable[EventRecord], articles: dict[int, ArticleInfo],
                title: str) -> str:
    """The chronology as a standalone, printable HTML page."""
    esc = _text_escape
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>",
           f"<h1>{esc(title)}</h1>"]
    for e in events:
        out.append(f'<section class="event" id="event-{e.id}">')
        out.append(f'<div class="date">{esc(format_event_date(e.date))}</div>')
        out.append(f"<h2>{esc(e.title)}</h2>")
        out += [f"<blockquote>{esc(q.exact)}</blockquote>" for q in e.quotes]
        name, detail, url = _source(articles.get(e.article_id) if e.article_id else None)
        if name:
            link = f'<a href="{html.escape(url)}">{esc(name)}</a>' if url else esc(name)
            out.append(f'<p class="source">Source: {link}'
                       + (f" ({esc(detail)})" if detail else "") + "</p>")
        if e.tags:
            out.append(f'<p class="tags">Tags: {esc(", ".join(e.tags))}</p>')
        if e.notes:
            out.append(f"<p>{esc(e.notes)}</p>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out)
