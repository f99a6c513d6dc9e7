"""What the chart draws for an event (marker, faint period bar, solid range, vague ends), and
the lanes that hold them."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from desktop_app.core.eventdates import period
from desktop_app.core.records import EventRecord

LANE_MODES = ("article", "tag", "single")
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


def chart_item(r: EventRecord, conflict: bool = False) -> ChartItem:
    """How an event is drawn, from its date and precision."""
    d = r.date
    first, last = period(d.start, d.precision)
    if d.end is not None and d.end > last:
        kind, last = RANGE, period(d.end, d.precision)[1]
    else:
        kind = POINT if d.precision == "day" else PERIOD
    start, end = float(first.toordinal()), float(last.toordinal() + 1)
    before = float(d.earliest.toordinal()) if d.earliest and d.earliest < first else start
    after = float(d.latest.toordinal() + 1) if d.latest and d.latest > last else end
    return ChartItem(r.id, start, end, kind, before, after, r.title, conflict)


@dataclass
class Lane:
    """A row of the chart: its items sorted by start, for bisecting the visible ones."""

    key: str
    label: str
    items: list[ChartItem] = field(default_factory=list)
    starts: list[float] = field(default_factory=list)
    longest: float = 1.0  # the longest item (with fades): how far back a visible one can start

    def seal(self) -> None:
        """Sort the items and index them (after filling)."""
        self.items.sort(key=lambda i: (i.fade_before, i.start, i.event_id))
        self.starts = [i.fade_before for i in self.items]
        self.longest = max((i.fade_after - i.fade_before for i in self.items), default=1.0)

    def visible(self, first: float, last: float) -> Sequence[ChartItem]:
        """Items overlapping [first, last], in start order."""
        lo = bisect.bisect_left(self.starts, first - self.longest)
        hi = bisect.bisect_right(self.starts, last)
        return [i for i in self.items[lo:hi] if i.fade_after >= first]

    def count_between(self, first: float, last: float) -> int:
        """How many items start in [first, last) (cheap: two bisections)."""
        return (bisect.bisect_left(self.starts, last)
                - bisect.bisect_left(self.starts, first))


def build_lanes(records: Iterable[EventRecord], mode: str,
                article_label: Callable[[int], str], conflicts: Callable[[EventRecord], bool]
                = lambda _r: False) -> list[Lane]:
    """Lanes by article (each event in its first source's lane), by tag (an event in each of
    its tags' lanes) or a single lane; ordered by first event, then label."""
    if mode not in LANE_MODES:
        raise ValueError(f"unknown lane mode {mode!r}; use one of {', '.join(LANE_MODES)}")
    lanes: dict[str, Lane] = {}

    def lane(key: str, label: str) -> Lane:
        found = lanes.get(key)
        if found is None:
            found = lanes[key] = Lane(key, label)
        return found

    for r in records:
        item = chart_item(r, conflicts(r))
        if mode == "single":
            lane("all", "All events").items.append(item)
        elif mode == "tag":
            for tag in r.tags or ("",):
                lane("tag:" + tag.casefold(), tag or "Untagged").items.append(item)
        elif r.article_id is None:
            lane("article:none", "No source").items.append(item)
        else:
            key = f"article:{r.article_id}"
            found = lanes.get(key) or lane(key, article_label(r.article_id))
            found.items.append(item)
    for each in lanes.values():
        each.seal()
    return sorted(lanes.values(), key=lambda ln: (ln.starts[0] if ln.starts else 0.0,
                                                  ln.label.casefold()))


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
