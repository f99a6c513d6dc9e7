"""Plain text and Markdown articles (also text pasted into the app)."""

from __future__ import annotations

import re

from desktop_app.core.edits import ArticleDraft
from desktop_app.core.importers.dateline import find_dateline, latest_full_date
from desktop_app.core.importers.decoding import normalise_newlines
from desktop_app.core.records import DateSource

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def draft_from_text(text: str, markdown: bool = False, fallback_title: str = "Pasted text",
                    title: str | None = None) -> ArticleDraft:
    """A draft from text: title from the first line, date from front matter or a dateline."""
    text = normalise_newlines(text).strip("\n")
    meta: dict[str, str] = {}
    if markdown:
        fm = _FRONT_MATTER.match(text)
        if fm:
            for line in fm.group(1).splitlines():
                key, _, value = line.partition(":")
                meta[key.strip().lower()] = value.strip().strip("'\"")
            text = text[fm.end():].lstrip("\n")
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    guessed_title = (meta.get("title") or first.lstrip("#").strip() or fallback_title)[:200]
    published, source = None, DateSource.UNKNOWN
    if meta.get("date"):
        published = find_dateline(meta["date"])
        source = DateSource.METADATA if published else DateSource.UNKNOWN
    if published is None:
        published = find_dateline(text)
        source = DateSource.DATELINE if published else DateSource.UNKNOWN
    return ArticleDraft(title=title or guessed_title, text=text, outlet=meta.get("outlet", ""),
                        url=meta.get("url", ""), author=meta.get("author", ""),
                        published=published, published_source=source,
                        published_guess=published or latest_full_date(text))
