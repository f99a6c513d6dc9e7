"""One frame of one lane: where each visible item, label and cluster goes, in pixels.

Labels are placed without overlap: on the first free row (stack); failing that, the label
ahead is shortened to make room (elide); items still without a label keep their marker. When
a lane holds more items than can be told apart (more than one per few pixels), it is drawn as
clusters with counts instead, so a frame costs the same for 100 events or 100,000.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.core.chart.items import POINT, ChartItem, Lane
from desktop_app.core.chart.timescale import Viewport

LABEL_GAP = 8.0
MIN_LABEL = 36.0
MAX_LABEL = 260.0


@dataclass(frozen=True)
class Mark:
    """An item's geometry: its marker or bar [x0, x1] and the vague ends [fx0, fx1]."""

    item: ChartItem
    x0: float
    x1: float
    fx0: float
    fx1: float

    @property
    def centre(self) -> float:
        """Where a point marker sits (the middle of its day)."""
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Label:
    """A title drawn from x, at most ``width`` pixels wide (elided by the renderer), on a row."""

    event_id: int
    text: str
    x: float
    width: float
    row: int


@dataclass(frozen=True)
class Cluster:
    """Items too dense to draw one by one: how many start in [x0, x1), and which days."""

    x0: float
    x1: float
    count: int
    first: float
    last: float


@dataclass(frozen=True)
class LaneFrame:
    """Everything drawn in one lane for one viewport."""

    marks: tuple[Mark, ...]
    labels: tuple[Label, ...]
    clusters: tuple[Cluster, ...]

    def mark_at(self, x: float, tolerance: float = 4.0) -> Mark | None:
        """The mark under a pixel column (the nearest point marker wins over a bar)."""
        best, best_distance = None, tolerance + 1
        for m in self.marks:
            if m.item.kind == POINT or m.x1 - m.x0 < 2 * tolerance:  # a marker at the centre
                distance = abs(m.centre - x)
            elif m.x0 <= x <= m.x1:
                distance = tolerance  # inside a bar: anything closer is preferred
            else:
                continue
            if distance <= tolerance and distance < best_distance:
                best, best_distance = m, distance
        return best

    def label_at(self, x: float, row: int) -> Label | None:
        """The label drawn at a pixel column on a row."""
        return next((lb for lb in self.labels if lb.row == row and lb.x <= x <= lb.x + lb.width),
                    None)

    def leaders(self) -> list[tuple[float, Label]]:
        """The labels moved away from their markers (to a lower row, or to the left of the
        marker), each with its marker's x: a thin line joins the two, so a label is never
        read as another event's."""
        centres = {m.item.event_id: (m.centre if m.item.kind == POINT else m.x0)
                   for m in self.marks}
        return [(centres[lb.event_id], lb) for lb in self.labels
                if lb.event_id in centres and (lb.row > 0 or lb.x < centres[lb.event_id])]

    def cluster_at(self, x: float) -> Cluster | None:
        """The cluster under a pixel column."""
        return next((c for c in self.clusters if c.x0 <= x < c.x1), None)


def layout_lane(lane: Lane, view: Viewport, width: float, measure: Callable[[str], float],
                rows: int = 3, dense_px: float = 4.0, cluster_px: float = 28.0) -> LaneFrame:
    """Lay out the lane's items visible in a chart ``width`` pixels wide."""
    first, last = view.start, view.end(width)
    if lane.count_between(first - lane.longest, last) > width / dense_px:
        return LaneFrame((), (), _clusters(lane, view, width, cluster_px))
    items = lane.visible(first, last)
    marks = tuple(_mark(i, view) for i in items)
    return LaneFrame(marks, _labels(marks, width, measure, rows), ())


def _mark(item: ChartItem, view: Viewport) -> Mark:
    x0, x1 = view.x(item.start), view.x(item.end)
    return Mark(item, x0, max(x1, x0 + 1), view.x(item.fade_before), view.x(item.fade_after))


def _clusters(lane: Lane, view: Viewport, width: float, cluster_px: float) -> tuple[Cluster, ...]:
    out = []
    x = 0.0
    while x < width:
        a, b = view.day(x), view.day(x + cluster_px)
        n = lane.count_between(a, b)
        if n:
            out.append(Cluster(x, x + cluster_px, n, a, b))
        x += cluster_px
    return tuple(out)


def _labels(marks: tuple[Mark, ...], width: float, measure: Callable[[str], float],
            rows: int) -> tuple[Label, ...]:
    """Greedy left-to-right: first free row, else shorten the label ahead, else no label. A
    label with no room before the right edge goes to the left of its marker when a row is
    free there, so the last events of a chart keep their whole titles."""
    last: list[tuple[float, float, int] | None] = [None] * rows  # per row: x, width, index
    labels: list[Label] = []
    for m in marks:
        x = max(m.centre + 6 if m.item.kind == POINT else m.x0 + 3, 2.0)
        if x > width:
            break
        full = min(measure(m.item.title) + 2, MAX_LABEL)
        if full > width - x:  # cut by the right edge: try the free space on the left
            left_x = (m.centre - 6 if m.item.kind == POINT else m.x0 - 3) - full
            row = next((r for r, prev in enumerate(last) if left_x >= 2 and (
                prev is None or prev[0] + prev[1] + LABEL_GAP <= left_x)), None)
            if row is not None:
                last[row] = (left_x, full, len(labels))
                labels.append(Label(m.item.event_id, m.item.title, left_x, full, row))
                continue
        want = min(full, width - x)
        row = next((r for r, prev in enumerate(last)
                    if prev is None or prev[0] + prev[1] + LABEL_GAP <= x), None)
        if row is None:  # elide: the row whose last label can shrink the most
            row, (prev_x, _prev_width, at) = min(
                ((r, prev) for r, prev in enumerate(last) if prev is not None),
                key=lambda held: held[1][0])
            room = x - LABEL_GAP - prev_x
            if room < MIN_LABEL:
                continue
            previous = labels[at]
            labels[at] = Label(previous.event_id, previous.text, previous.x, room, row)
        if want < MIN_LABEL and want < measure(m.item.title):
            continue
        last[row] = (x, want, len(labels))
        labels.append(Label(m.item.event_id, m.item.title, x, want, row))
    return tuple(labels)
