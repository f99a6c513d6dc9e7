"""Which events the filter bar shows and exports include: plain data, plain matching."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from desktop_app.core.conflicts import has_conflict
from desktop_app.core.errors import DateParseError, TimelineError
from desktop_app.core.eventdates import parse_iso, period
from desktop_app.core.records import EventRecord


class FilterError(TimelineError):
    """A filter was written wrongly."""


@dataclass(frozen=True)
class EventFilter:
    """All conditions must hold; empty conditions match everything."""

    text: str = ""
    tags: tuple[str, ...] = ()
    article_ids: tuple[int, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    conflicts_only: bool = False
    changed_by: str = ""  # who made or last changed the event (a team member's name)

    def matches(self, e: EventRecord) -> bool:
        """Whether an event passes the filter."""
        if self.conflicts_only and not has_conflict(e):
            return False
        if self.changed_by and self.changed_by.casefold() not in (
                e.created_by.casefold(), e.updated_by.casefold()):
            return False
        if self.text:
            needle = self.text.casefold()
            hay = [e.title, e.notes, *(q.exact for q in e.quotes)]
            if not any(needle in h.casefold() for h in hay):
                return False
        if self.tags and not {t.casefold() for t in self.tags} & {t.casefold() for t in e.tags}:
            return False
        if self.article_ids and not {q.article_id for q in e.quotes} & set(self.article_ids):
            return False
        first, last = period(e.date.start, e.date.precision)
        last = max(last, e.date.end or last)
        if self.date_from and last < self.date_from:
            return False
        return not (self.date_to and first > self.date_to)

    @property
    def is_empty(self) -> bool:
        """True when it matches every event."""
        return self == EventFilter()

    def to_json(self) -> str:
        """The filter as JSON (saved filters)."""
        return json.dumps({"text": self.text, "tags": list(self.tags),
                           "articles": list(self.article_ids),
                           "from": self.date_from.isoformat() if self.date_from else None,
                           "to": self.date_to.isoformat() if self.date_to else None,
                           "conflicts": self.conflicts_only, "by": self.changed_by})

    @staticmethod
    def from_json(text: str) -> EventFilter:
        """A filter saved with to_json (unknown keys ignored, bad values refused)."""
        try:
            d = json.loads(text)
            return EventFilter(str(d.get("text", "")), tuple(str(t) for t in d.get("tags", ())),
                               tuple(int(a) for a in d.get("articles", ())),
                               date.fromisoformat(d["from"]) if d.get("from") else None,
                               date.fromisoformat(d["to"]) if d.get("to") else None,
                               bool(d.get("conflicts", False)), str(d.get("by", "")))
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            raise FilterError(f"saved filter is damaged: {exc}") from exc


def parse_filter(specs: list[str]) -> EventFilter:
    """Filters written as KEY=VALUE: text=, tag= (repeatable), article=ID, from=, to=,
    conflicts=yes, by=NAME (made or last changed by)."""
    text, tags, articles, by = "", [], [], ""
    date_from = date_to = None
    conflicts = False
    for spec in specs:
        key, sep, value = spec.partition("=")
        key = key.strip().lower()
        if not sep or not value.strip():
            raise FilterError(f"filter {spec!r} is not KEY=VALUE (text, tag, article, from, to)")
        value = value.strip()
        try:
            if key == "text":
                text = value
            elif key == "tag":
                tags.append(value)
            elif key == "article":
                if not value.isascii() or not value.isdigit():
                    raise FilterError(f"filter {spec!r}: an article is named by its number "
                                      "(see the 'articles' command)")
                articles.append(int(value))
            elif key == "from":
                date_from = parse_iso(value)[0]
            elif key == "to":
                start, precision = parse_iso(value)
                date_to = period(start, precision)[1]
            elif key == "conflicts":
                conflicts = value.lower() in ("yes", "true", "1")
            elif key == "by":
                by = " ".join(value.split())
            else:
                raise FilterError(f"unknown filter {key!r}; use text, tag, article, from, to, "
                                  "conflicts, by")
        except (ValueError, DateParseError) as exc:
            raise FilterError(f"filter {spec!r}: {exc}") from exc
    return EventFilter(text, tuple(tags), tuple(articles), date_from, date_to, conflicts, by)
