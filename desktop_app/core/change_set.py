"""What committed transactions changed, as ids: the record the change path carries.

Its own module, free of SQLAlchemy: the window's change path reads it, and the window must
paint before the database layer is imported.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum

log = logging.getLogger(__name__)
_EMPTY: frozenset[int] = frozenset()


class Origin(Enum):
    """Who made a change: this window's own actions, or someone else on the same project."""

    LOCAL = "local"
    EXTERNAL = "external"


@dataclass(frozen=True)
class ChangeSet:
    """Ids of what one or more committed transactions created, changed or deleted."""

    events_created: frozenset[int] = _EMPTY
    events_updated: frozenset[int] = _EMPTY
    events_deleted: frozenset[int] = _EMPTY
    articles_created: frozenset[int] = _EMPTY
    articles_updated: frozenset[int] = _EMPTY
    articles_deleted: frozenset[int] = _EMPTY
    tags_changed: bool = False
    filters_changed: bool = False
    everything: bool = False  # unknown extent (another program changed the file): re-read all
    origin: Origin = Origin.LOCAL

    @property
    def event_ids(self) -> frozenset[int]:
        """Every event whose state a view must look at again."""
        return self.events_created | self.events_updated | self.events_deleted

    @property
    def article_ids(self) -> frozenset[int]:
        """Every article whose state a view must look at again."""
        return self.articles_created | self.articles_updated | self.articles_deleted

    @property
    def is_empty(self) -> bool:
        return not (self.event_ids or self.article_ids or self.tags_changed
                    or self.filters_changed or self.everything)

    def to_payload(self) -> str:
        """The change set as the change log stores it (a huge one as 'everything')."""
        import json  # not before the window's first paint: only a change written needs it

        if self.everything or len(self.event_ids) + len(self.article_ids) > PAYLOAD_IDS:
            return json.dumps({"all": True})
        fields = {key: sorted(getattr(self, name)) for key, name in _PAYLOAD_FIELDS
                  if getattr(self, name)}
        flags = {"tags": self.tags_changed, "filters": self.filters_changed}
        return json.dumps({**fields, **{k: True for k, v in flags.items() if v}})

    @classmethod
    def from_payload(cls, payload: str, origin: Origin = Origin.EXTERNAL) -> ChangeSet:
        """A change set read back from the change log (an unreadable entry: everything)."""
        import json

        try:
            data = json.loads(payload)
            ids = {name: frozenset(int(i) for i in data.get(key, ()))
                   for key, name in _PAYLOAD_FIELDS}
            return cls(**ids, tags_changed=bool(data.get("tags")),
                       filters_changed=bool(data.get("filters")),
                       everything=bool(data.get("all")), origin=origin)
        except (ValueError, TypeError, AttributeError):
            log.warning("unreadable change log entry %r: re-reading everything", payload[:80])
            return cls(everything=True, origin=origin)

    def merged(self, other: ChangeSet) -> ChangeSet:
        """Both change sets as one (views read current state, so a union is exact)."""
        return ChangeSet(
            self.events_created | other.events_created,
            self.events_updated | other.events_updated,
            self.events_deleted | other.events_deleted,
            self.articles_created | other.articles_created,
            self.articles_updated | other.articles_updated,
            self.articles_deleted | other.articles_deleted,
            self.tags_changed or other.tags_changed,
            self.filters_changed or other.filters_changed,
            self.everything or other.everything,
            self.origin if self.origin == other.origin else Origin.EXTERNAL)


PAYLOAD_IDS = 20_000  # more ids than this are logged as "everything changed"
_PAYLOAD_FIELDS = (("ec", "events_created"), ("eu", "events_updated"), ("ed", "events_deleted"),
                   ("ac", "articles_created"), ("au", "articles_updated"),
                   ("ad", "articles_deleted"))
