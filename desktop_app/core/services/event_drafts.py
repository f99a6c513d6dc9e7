"""The columns of new events and of edits, as plain values: what Ctrl+E proposes for a
passage and what an edit sets, written either into one ORM row (an edit in the window) or
into thousands of rows at once (an import), by the same rules."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from desktop_app.core.anchoring import Selector, make_selector
from desktop_app.core.clock import now
from desktop_app.core.dating import date_for_passage
from desktop_app.core.edits import EventEdit
from desktop_app.core.importers.decoding import normalise_newlines
from desktop_app.core.records import EventDate
from desktop_app.core.services.convert import date_columns, quote_date_columns
from desktop_app.core.titles import propose_title


def passage_columns(article_id: int, text: str, published: date | None, start: int,
                    end: int, stamp: datetime | None = None, dated: EventDate | None = None,
                    ) -> tuple[dict[str, Any], dict[str, Any]]:
    """An event for a passage (proposed title and date) and its quote, as column values;
    ``dated``: the passage's date as already worked out (an accepted suggestion's)."""
    sel = make_selector(text, start, end)
    d = dated or date_for_passage(text, sel.start, sel.end, published)
    stamp = stamp or now()
    event = {"title": propose_title(sel.exact, d.expression), "notes": "",
             "date_edited_by_user": False, "created_at": stamp, "updated_at": stamp,
             **date_columns(d)}
    return event, quote_columns_for(article_id, sel, d)


def quote_columns_for(article_id: int, sel: Selector, d: EventDate) -> dict[str, Any]:
    """A quote's columns: its passage, and the date the passage gives on its own."""
    return {"article_id": article_id, "start": sel.start, "end": sel.end, "exact": sel.exact,
            "prefix": sel.prefix, "suffix": sel.suffix, **quote_date_columns(d)}


def edited_columns(change: EventEdit, stamp: datetime | None = None) -> dict[str, Any]:
    """The columns an edit sets (tags aside: they are rows of their own). An empty title
    keeps the one there."""
    out: dict[str, Any] = {}
    if change.title is not None:
        title = normalise_newlines(change.title).strip()[:1000]
        if title:
            out["title"] = title
    if change.notes is not None:
        out["notes"] = normalise_newlines(change.notes)
    if change.date is not None:
        out.update(date_columns(change.date))
        out["date_edited_by_user"] = True
    if change.date_edited_by_user is not None:
        out["date_edited_by_user"] = change.date_edited_by_user
    out["updated_at"] = stamp or now()
    return out
