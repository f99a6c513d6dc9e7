"""What everyone on a project did lately, from the change log: who, when, and what changed,
newest first (History > Project Activity). The log keeps a day; so does this."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.change_set import ChangeSet
from desktop_app.core.orm import Article, ChangeLogEntry, Event
from desktop_app.core.wording import counted

NAMED = 3  # titles named in one line; the rest are counted


@dataclass(frozen=True)
class Activity:
    """One committed change set, as the History lists it."""

    when: datetime  # UTC
    author: str  # "" for changes logged before authors were (schema 0008 and older)
    summary: str  # 'created “Talks end”; changed 2 events'


class ActivityService:
    """The project's recent activity."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def recent(self, limit: int = 200) -> list[Activity]:
        """The newest ``limit`` change sets, newest first."""
        with self._sessions() as s:
            rows = s.execute(select(ChangeLogEntry.created_at, ChangeLogEntry.author,
                                    ChangeLogEntry.payload)
                             .order_by(ChangeLogEntry.id.desc()).limit(limit)).all()
            changes = [ChangeSet.from_payload(payload) for _when, _author, payload in rows]
            titles = _titles(s, Event, {i for c in changes for i in _named(c.event_ids)})
            articles = _titles(s, Article, {i for c in changes for i in _named(c.article_ids)})
        return [Activity(when, author, describe(c, titles, articles))
                for (when, author, _payload), c in zip(rows, changes, strict=True)]


def describe(c: ChangeSet, titles: dict[int, str], articles: dict[int, str]) -> str:
    """What a change set did, in words: events and articles by title where they still
    exist (deleted ones only counted)."""
    if c.everything:
        return "changed many events at once"
    parts = [_part(verb, ids, noun, names)
             for verb, ids, noun, names in (
                 ("created", c.events_created, "event", titles),
                 ("changed", c.events_updated, "event", titles),
                 ("deleted", c.events_deleted, "event", {}),
                 ("imported", c.articles_created, "article", articles),
                 ("changed", c.articles_updated, "article", articles),
                 ("deleted", c.articles_deleted, "article", {}))
             if ids]
    if c.tags_changed and not parts:
        parts.append("changed tags")
    if c.filters_changed:
        parts.append("changed saved filters")
    return "; ".join(parts) or "changed nothing visible"


def _part(verb: str, ids: frozenset[int], noun: str, names: dict[int, str]) -> str:
    known = [names[i] for i in _named(ids) if i in names]
    if len(ids) > NAMED or not known:
        return f"{verb} {counted(len(ids), noun)}"
    return f"{verb} " + ", ".join(f"“{_short(t)}”" for t in known)


def _named(ids: frozenset[int]) -> list[int]:
    return sorted(ids)[:NAMED] if len(ids) <= NAMED else []


def _short(title: str) -> str:
    return title if len(title) <= 60 else title[:59].rstrip() + "…"


def _titles(s: Session, table: type[Event] | type[Article], ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {i: t for i, t in s.execute(select(table.id, table.title)
                                       .where(table.id.in_(ids))).all()}
