"""What the chart draws for an event (marker, faint period bar, solid range, vague ends), and
the lanes that hold them."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from desktop_app.core.chart.timescale import day_number
from desktop_app.core.eventdates import period
from desktop_app.core.gc_pause import gc_paused
from desktop_app.core.records import (
    ArticleSummary,
    EventRecord,
    LaneMode,
    Precision,
    TimelineRow,
)
from desktop_app.core.timeline_rows import timeline_row

LANE_MODES = tuple(LaneMode)
POINT, PERIOD, RANGE = "point", "period", "range"


class ChartItem(NamedTuple):
    """One event as drawn: [start, end) in day numbers, with vague bounds beyond them.

    A tuple rather than a dataclass: 100,000 of them are built when a large project opens.
    """

    event_id: int
    start: float
    end: float
    kind: str  # POINT (a day), PERIOD (a month, a year...: faint), RANGE (start to end: solid)
    fade_before: float  # the earliest possible day, when vaguer than start
    fade_after: float  # the day after the latest possible one, when vaguer than end
    title: str
    conflict: bool


class ChartEntry(NamedTuple):
    """An item with what decides its lanes: its first source's article, and its tags."""

    item: ChartItem
    article_id: int | None
    tags: tuple[str, ...]


def chart_item(event_id: int, title: str, start: date, precision: Precision, end: date | None,
               earliest: date | None, latest: date | None, conflict: bool = False) -> ChartItem:
    """How an event is drawn, from its date and precision (the one place that decides it)."""
    if precision == Precision.DAY:
        first = last = start
    else:
        first, last = period(start, precision)
    if end is not None and end > last:
        kind, last = RANGE, period(end, precision)[1]
    else:
        kind = POINT if precision == Precision.DAY else PERIOD
    a, b = float(first.toordinal()), float(last.toordinal() + 1)
    before = float(earliest.toordinal()) if earliest is not None and earliest < first else a
    after = float(latest.toordinal() + 1) if latest is not None and latest > last else b
    return ChartItem(event_id, a, b, kind, before, after, title, conflict)


def entries_of_rows(rows: Iterable[TimelineRow]) -> list[ChartEntry]:
    """Chart entries for many rows (a project opening: 100,000 small tuples, no cycles)."""
    with gc_paused():
        return [entry_of_row(r) for r in rows]


def entry_of_row(r: TimelineRow) -> ChartEntry:
    """The chart entry of a timeline row (the table and the chart read the same rows)."""
    return ChartEntry(chart_item(r.id, r.title, r.start, r.precision, r.end, r.earliest,
                                 r.latest, r.conflict), r.article_id, r.tags)


def _sort_key(item: ChartItem) -> tuple[float, float, int]:
    return (item.fade_before, item.start, item.event_id)


@dataclass
class Lane:
    """A row of the chart: its items sorted by where they begin, for bisecting."""

    key: str
    label: str
    items: list[ChartItem] = field(default_factory=list)
    starts: list[float] = field(default_factory=list)
    longest: float = 1.0  # the longest item (with fades): how far back a visible one can start

    def seal(self) -> None:
        """Sort the items and index them (after filling)."""
        self.items.sort(key=_sort_key)
        self.starts = [i.fade_before for i in self.items]
        self.longest = max((i.fade_after - i.fade_before for i in self.items), default=1.0)

    def add(self, item: ChartItem) -> None:
        """Insert one item in order (an edit: no re-sort of 100,000 items)."""
        window = self._window(item)
        keys = [_sort_key(i) for i in self.items[window]]
        at = window.start + bisect.bisect_left(keys, _sort_key(item))
        self.items.insert(at, item)
        self.starts.insert(at, item.fade_before)
        self.longest = max(self.longest, item.fade_after - item.fade_before)

    def discard(self, item: ChartItem) -> None:
        """Remove one item (looked for among those starting where it starts)."""
        window = self._window(item)
        for at in range(window.start, window.stop):
            if self.items[at].event_id == item.event_id:
                del self.items[at]
                del self.starts[at]
                return

    def _window(self, item: ChartItem) -> slice:
        return slice(bisect.bisect_left(self.starts, item.fade_before),
                     bisect.bisect_right(self.starts, item.fade_before))

    def visible(self, first: float, last: float) -> Sequence[ChartItem]:
        """Items overlapping [first, last], in start order."""
        lo = bisect.bisect_left(self.starts, first - self.longest)
        hi = bisect.bisect_right(self.starts, last)
        return [i for i in self.items[lo:hi] if i.fade_after >= first]

    def count_between(self, first: float, last: float) -> int:
        """How many items start in [first, last) (cheap: two bisections)."""
        return (bisect.bisect_left(self.starts, last)
                - bisect.bisect_left(self.starts, first))


_ARTICLE_LANE = "article:"


def article_lane(article_id: int | None) -> str:
    """The key of an article's lane ("article:none" for events without a source)."""
    return _ARTICLE_LANE + ("none" if article_id is None else str(article_id))


def lane_article(key: str) -> int | None:
    """The article a lane key stands for (None for any other lane)."""
    rest = key.removeprefix(_ARTICLE_LANE)
    return int(rest) if rest != key and rest.isdigit() else None


def article_facts(articles: Iterable[ArticleSummary]
                  ) -> tuple[Callable[[int], str], dict[int, float]]:
    """Lane labels (article titles) and each article's publication marker (the middle of its
    publication day), for the chart."""
    titles, published = {}, {}
    for a in articles:
        titles[a.id] = a.title
        if a.published is not None:
            published[a.id] = day_number(a.published) + 0.5
    return (lambda i: titles.get(i, f"Article {i}")), published


def lane_keys(entry: ChartEntry, mode: LaneMode) -> list[tuple[str, str | None]]:
    """The lanes of an entry as (key, tag or None): its first source's article, each of its
    tags, or the single lane."""
    if mode == LaneMode.SINGLE:
        return [("all", None)]
    if mode == LaneMode.TAG:
        return [("tag:" + t.casefold(), t) for t in entry.tags] or [("tag:", "")]
    return [(article_lane(entry.article_id), None)]


class LaneSet:
    """The chart's lanes over a set of entries, kept up to date one event at a time."""

    def __init__(self, mode: LaneMode | str = LaneMode.ARTICLE,
                 article_label: Callable[[int], str] = lambda i: f"Article {i}") -> None:
        self.mode = _check_mode(mode)
        self.article_label = article_label
        self._entries: dict[int, ChartEntry] = {}
        self._visible: set[int] | None = None
        self._lanes: dict[str, Lane] = {}
        self._ordered: list[Lane] | None = None

    def reset(self, entries: Iterable[ChartEntry]) -> None:
        """Show these entries (all at once: a project opened, a reload)."""
        with gc_paused():
            self._entries = {e.item.event_id: e for e in entries}
        self._rebuild()

    def set_mode(self, mode: LaneMode | str) -> None:
        """Lanes by article, tag, or one single lane."""
        self.mode = _check_mode(mode)
        self._rebuild()

    @property
    def filtered(self) -> bool:
        """Whether a filter hides some events."""
        return self._visible is not None

    def set_visible(self, ids: set[int] | None) -> None:
        """Show only these events (a filter), or all of them (None)."""
        self._visible = ids
        self._rebuild()

    def size(self) -> int:
        """How many events the chart knows (shown or filtered out)."""
        return len(self._entries)

    def entry(self, event_id: int) -> ChartEntry | None:
        """The entry of an event."""
        return self._entries.get(event_id)

    def place_of(self, event_id: int) -> tuple[int, ChartItem] | None:
        """The index of the (first) lane drawing an event, and its item; None if not drawn."""
        entry = self._entries.get(event_id)
        if entry is None or (self._visible is not None and event_id not in self._visible):
            return None
        key = lane_keys(entry, self.mode)[0][0]
        index = next((i for i, lane in enumerate(self.lanes) if lane.key == key), None)
        return None if index is None else (index, entry.item)

    def upsert(self, entry: ChartEntry, shown: bool = True) -> None:
        """Add or replace one event's entry; ``shown``: whether the filter (if any) keeps it."""
        event_id = entry.item.event_id
        self.remove(event_id)
        self._entries[event_id] = entry
        if self._visible is not None:
            if shown:
                self._visible.add(event_id)
            else:
                self._visible.discard(event_id)
        if self._visible is None or event_id in self._visible:
            for key, tag in lane_keys(entry, self.mode):
                self._lane(key, entry, tag).add(entry.item)
            self._ordered = None

    def remove(self, event_id: int) -> None:
        """Take one event off the chart."""
        old = self._entries.pop(event_id, None)
        if old is None:
            return
        for key, _tag in lane_keys(old, self.mode):
            lane = self._lanes.get(key)
            if lane is not None:
                lane.discard(old.item)
                if not lane.items:
                    del self._lanes[key]
        self._ordered = None

    @property
    def lanes(self) -> list[Lane]:
        """Lanes ordered by their first item, then label."""
        if self._ordered is None:
            self._ordered = sorted(self._lanes.values(),
                                   key=lambda ln: (ln.starts[0] if ln.starts else 0.0,
                                                   ln.label.casefold()))
        return self._ordered

    def _shown(self) -> Iterable[ChartEntry]:
        if self._visible is None:
            return self._entries.values()
        return (e for i, e in self._entries.items() if i in self._visible)

    def _lane(self, key: str, entry: ChartEntry, tag: str | None) -> Lane:
        lane = self._lanes.get(key)
        if lane is None:
            if tag is not None:
                label = tag or "Untagged"
            elif key == "all":
                label = "All events"
            elif entry.article_id is None:
                label = "No source"
            else:
                label = self.article_label(entry.article_id)
            lane = self._lanes[key] = Lane(key, label)
        return lane

    def _rebuild(self) -> None:
        self._lanes = {}
        with gc_paused():
            for entry in self._shown():
                for key, tag in lane_keys(entry, self.mode):
                    lane = self._lanes.get(key) or self._lane(key, entry, tag)
                    lane.items.append(entry.item)
            for lane in self._lanes.values():
                lane.seal()
        self._ordered = None


def _check_mode(mode: LaneMode | str) -> LaneMode:
    try:
        return LaneMode(mode)
    except ValueError:
        raise ValueError(f"unknown lane mode {mode!r}; use one of {', '.join(LANE_MODES)}") \
            from None


def build_lanes(records: Iterable[EventRecord], mode: LaneMode | str,
                article_label: Callable[[int], str]) -> list[Lane]:
    """Lanes for a list of records (exports and tests; the window keeps a LaneSet)."""
    lanes = LaneSet(mode, article_label)
    lanes.reset(entry_of_row(timeline_row(r)) for r in records)
    return lanes.lanes


def span_of(lanes: Iterable[Lane], ids: set[int] | None = None) -> tuple[float, float] | None:
    """First and last day covered by the items (only those in ``ids`` when given)."""
    first = last = None
    for ln in lanes:
        for i in ln.items:
            if ids is not None and i.event_id not in ids:
                continue
            first = i.fade_before if first is None else min(first, i.fade_before)
            last = i.fade_after if last is None else max(last, i.fade_after)
    return None if first is None or last is None else (first, last)
