"""Saved web pages: trafilatura extracts the main text and metadata; nothing is fetched."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from desktop_app.core.errors import ImportFileError
from desktop_app.core.importers.dateline import find_dateline, latest_full_date
from desktop_app.core.importers.decoding import normalise_newlines
from desktop_app.core.importers.local_day import local_day
from desktop_app.core.importers.shown_date import shown_beside_article
from desktop_app.core.records import ArticleDraft, DateSource


def _htmldate(html: str) -> date | None:
    """htmldate's reading of the page's own date markup (never its URL or the network)."""
    try:
        from htmldate import find_date

        found = find_date(html, extensive_search=False, original_date=True)
        return date.fromisoformat(found) if found else None
    except Exception:  # noqa: BLE001 - a fallback: any failure means 'no date found'
        return None


def draft_from_html(html: str, path: Path) -> ArticleDraft:
    """A draft from an HTML page (scripts, iframes and images are never loaded)."""
    import trafilatura

    doc: Any  # trafilatura's Document (or, in older versions, a dict)
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_images=False,
            include_tables=True, include_links=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken pages
        raise ImportFileError(path, f"could not be read as a web page ({exc})") from exc
    if isinstance(doc, dict):  # the older form of the result (as_dict); read it the same way
        doc = SimpleNamespace(**{k: doc.get(k) for k in
                                 ("text", "title", "date", "url", "sitename", "author")})
    if doc is None or not (doc.text or "").strip():
        raise ImportFileError(path, "contains no article text that could be extracted")
    text = normalise_newlines(str(doc.text)).strip()
    title = (doc.title or "").strip()
    if title and text.startswith(title):
        text = text[len(title):].lstrip("\n")
    published: date | None = None
    source = DateSource.UNKNOWN
    if doc.date:
        try:
            published, source = date.fromisoformat(doc.date[:10]), DateSource.METADATA
        except ValueError:
            published = None
    if published is None:
        published = _htmldate(html)
        source = DateSource.METADATA if published else DateSource.UNKNOWN
    if published is not None:
        published = local_day(html, published)
    dateline = find_dateline(text)
    if published is None:
        published = dateline
        source = DateSource.DATELINE if published else DateSource.UNKNOWN
    address = url_date(doc.url or "")
    doubt = _disagreement(published, {"its dateline": dateline, "its address": address})
    if not doubt and source is DateSource.METADATA and published not in (dateline, address):
        doubt = _unshown(html, published, title, text)
    return ArticleDraft(title=title or path.stem, text=text, outlet=doc.sitename or "",
                        url=doc.url or "", author=doc.author or "",
                        published=None if doubt else published, published_source=source,
                        published_guess=published or latest_full_date(text),
                        published_doubt=doubt)


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?!\d)")


def url_date(url: str) -> date | None:
    """A day in a page's address ('/2021/07/05/...'), which publishers set at publication."""
    m = _URL_DATE.search(url)
    try:
        return date(int(m[1]), int(m[2]), int(m[3])) if m else None
    except ValueError:
        return None


def _unshown(html: str, day: date | None, title: str, text: str) -> str:
    """Why the metadata's day must be asked: the page does not show it beside the article."""
    from trafilatura.utils import load_html

    root = load_html(html)
    if day is None or root is None or shown_beside_article(root, day, title, text) is not False:
        return ""
    return (f"the page's metadata says {day.isoformat()}, but the page does not show that "
            "day beside the article")


def _disagreement(chosen: date | None, others: dict[str, date | None]) -> str:
    """Why the date must be asked: another of the page's own sources names another day."""
    if chosen is None:
        return ""
    against = [f"{where} says {other.isoformat()}" for where, other in others.items()
               if other is not None and other != chosen]
    if not against:
        return ""
    return f"the page's metadata says {chosen.isoformat()}, but " + " and ".join(against)
