"""Draw a chart frame with QPainter: axis, lane labels, markers, bars, labels and clusters.

The same code paints the widget and the PNG, SVG and PDF exports, so an export looks like
the screen. Geometry comes from ``desktop_app.core.chart``; this module only draws it.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

from desktop_app.core.chart.frame import LaneFrame, Mark, layout_lane
from desktop_app.core.chart.items import PERIOD, POINT, Lane
from desktop_app.core.chart.timescale import Axis, Viewport, axis, context_label

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
           "#e377c2", "#7f7f7f", "#bcbd22")
CONFLICT = QColor("#c62828")
SELECTED = QColor("#ffb300")
LEADER = QColor("#b6bcc4")  # the thin line from a marker to its label moved away


def palette_colour(key: str) -> QColor:
    """A stable colour for a lane or tag without a colour of its own."""
    return QColor(PALETTE[zlib.crc32(key.encode()) % len(PALETTE)])


def tag_colour(name: str, chosen: str = "") -> QColor:
    """A tag's colour: the one chosen for it, else that of its lane (lanes by tag)."""
    return QColor(chosen) if chosen else palette_colour("tag:" + name.casefold())


@dataclass
class ChartState:
    """What the picture depends on besides the lanes and the viewport."""

    selected: set[int] = field(default_factory=set)
    hovered: int | None = None
    colour_by_tag: bool = False
    tag_colours: dict[str, str] = field(default_factory=dict)  # casefolded name -> #rrggbb
    tags_of: Callable[[int], tuple[str, ...]] = lambda _event_id: ()
    published: dict[str, float] = field(default_factory=dict)  # lane key -> day number
    show_published: bool = True


@dataclass(frozen=True)
class PaintedLane:
    """Where a lane was drawn (for hit testing): its top, height and layout."""

    lane: Lane
    top: float
    frame: LaneFrame


class ChartPainter:
    """Paints frames; measures label widths once per title."""

    AXIS_HEIGHT = 46.0
    LANE_LABEL_WIDTH = 170.0
    LABEL_ROWS = 3

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.small = QFont(font)
        self.small.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        self.metrics = QFontMetricsF(self.font)
        self.small_metrics = QFontMetricsF(self.small)
        self.row_height = self.metrics.height() + 2
        self.marker_band = 20.0
        self._widths: dict[str, float] = {}

    @property
    def lane_height(self) -> float:
        """Height of one lane: marker band plus label rows."""
        return self.marker_band + self.LABEL_ROWS * self.row_height + 6

    def content_height(self, lanes: list[Lane]) -> float:
        """Height of every lane stacked under the axis."""
        return self.AXIS_HEIGHT + len(lanes) * self.lane_height

    def lane_name_lines(self, name: str, width: float) -> list[str]:
        """A lane's name in at most two lines of ``width``: wrapped at words, the second
        line elided only when the name is longer still."""
        words, first = name.split(), ""
        while words and self.metrics.horizontalAdvance((first + " " + words[0]).strip()) \
                <= width:
            first = (first + " " + words.pop(0)).strip()
        if not first:  # one word wider than the column
            return [self.metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)]
        if not words:
            return [first]
        return [first, self.metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight,
                                               width)]

    def measure(self, text: str) -> float:
        """Width of a label (cached: titles repeat from frame to frame)."""
        w = self._widths.get(text)
        if w is None:
            if len(self._widths) > 50_000:
                self._widths.clear()
            w = self._widths[text] = self.metrics.horizontalAdvance(text)
        return w

    # -- a whole frame --------------------------------------------------------------------
    def paint(self, p: QPainter, width: float, height: float, lanes: list[Lane],
              view: Viewport, scroll_y: float, state: ChartState) -> list[PaintedLane]:
        """Paint everything; return the lanes drawn with their layouts."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        plot_w = max(width - self.LANE_LABEL_WIDTH, 10.0)
        p.fillRect(QRectF(0, 0, width, height), QColor("#ffffff"))
        ax = axis(view, plot_w)
        self._grid(p, ax, height, view)
        painted: list[PaintedLane] = []
        first = int(max(scroll_y, 0) // self.lane_height)
        p.setFont(self.font)
        for index in range(first, len(lanes)):
            top = self.AXIS_HEIGHT + index * self.lane_height - scroll_y
            if top > height:
                break
            lane = lanes[index]
            frame = layout_lane(lane, view, plot_w, self.measure, self.LABEL_ROWS)
            self._lane(p, lane, index, top, plot_w, frame, view, state)
            painted.append(PaintedLane(lane, top, frame))
        self._axis(p, ax, width, view, plot_w)
        self._lane_labels(p, painted, height)
        if not lanes:
            p.setPen(QColor("#777777"))
            p.drawText(QRectF(self.LANE_LABEL_WIDTH, self.AXIS_HEIGHT, plot_w,
                              height - self.AXIS_HEIGHT), Qt.AlignmentFlag.AlignCenter,
                       "No events to show")
        return painted

    # -- parts ----------------------------------------------------------------------------
    def _grid(self, p: QPainter, ax: Axis, height: float, view: Viewport) -> None:
        """Vertical lines under the lanes: faint at each tick, darker at each context tick."""
        left = self.LANE_LABEL_WIDTH
        for ticks, colour in ((ax.minor, "#eceef1"), (ax.major, "#d5d9de")):
            p.setPen(QPen(QColor(colour), 1))
            for t in ticks:
                x = left + view.x(t.day)
                if x >= left:
                    p.drawLine(QPointF(x, self.AXIS_HEIGHT), QPointF(x, height))

    def _axis(self, p: QPainter, ax: Axis, width: float, view: Viewport,
              plot_w: float) -> None:
        left = self.LANE_LABEL_WIDTH
        p.fillRect(QRectF(0, 0, width, self.AXIS_HEIGHT), QColor("#f4f5f7"))
        p.setPen(QPen(QColor("#c8ccd2"), 1))
        p.drawLine(QPointF(0, self.AXIS_HEIGHT), QPointF(width, self.AXIS_HEIGHT))
        p.setFont(self.small)
        for t in ax.minor:
            x = left + view.x(t.day)
            if x < left:
                continue
            p.setPen(QPen(QColor("#9aa1a9"), 1))
            p.drawLine(QPointF(x, self.AXIS_HEIGHT - 6), QPointF(x, self.AXIS_HEIGHT))
            p.setPen(QColor("#4a5058"))
            p.drawText(QPointF(x + 3, self.AXIS_HEIGHT - 8), t.label)
        p.setFont(self.font)
        last_right = left
        pinned = context_label(view, plot_w)
        majors = [(x, t.label) for t in ax.major if (x := left + view.x(t.day)) >= left]
        if not majors or majors[0][0] > left + self.metrics.horizontalAdvance(pinned) + 16:
            majors.insert(0, (left, pinned))
        for x, label in majors:
            p.setPen(QPen(QColor("#b7bdc5"), 1))
            p.drawLine(QPointF(x, 4), QPointF(x, self.AXIS_HEIGHT))
            if x + 4 >= last_right:
                p.setPen(QColor("#1d2329"))
                p.drawText(QPointF(x + 4, 17), label)
                last_right = x + 4 + self.metrics.horizontalAdvance(label) + 12

    def _lane_labels(self, p: QPainter, painted: list[PaintedLane], height: float) -> None:
        w = self.LANE_LABEL_WIDTH
        p.fillRect(QRectF(0, self.AXIS_HEIGHT, w, height - self.AXIS_HEIGHT), QColor("#f8f9fa"))
        p.setPen(QPen(QColor("#c8ccd2"), 1))
        p.drawLine(QPointF(w, 0), QPointF(w, height))
        p.setFont(self.font)
        for pl in painted:
            top = max(pl.top, self.AXIS_HEIGHT)
            if pl.top + self.lane_height <= self.AXIS_HEIGHT:
                continue
            p.fillRect(QRectF(0, top + 6, 4, 16), palette_colour(pl.lane.key))
            p.setPen(QColor("#1d2329"))
            lines = self.lane_name_lines(pl.lane.label, w - 16)
            for k, line in enumerate(lines):
                p.drawText(QPointF(10, top + 18 + k * self.metrics.height()), line)
            p.setPen(QColor("#6b7280"))
            p.setFont(self.small)
            p.drawText(QPointF(10, top + 20 + (len(lines) - 1) * self.metrics.height()
                               + self.small_metrics.height()),
                       f"{len(pl.lane.items):,} event{'s' if len(pl.lane.items) != 1 else ''}")
            p.setFont(self.font)
        p.fillRect(QRectF(0, 0, w, self.AXIS_HEIGHT), QColor("#f4f5f7"))

    def _lane(self, p: QPainter, lane: Lane, index: int, top: float, plot_w: float,
              frame: LaneFrame, view: Viewport, state: ChartState) -> None:
        left = self.LANE_LABEL_WIDTH
        if index % 2:
            p.fillRect(QRectF(left, top, plot_w, self.lane_height), QColor("#fafbfc"))
        p.setPen(QPen(QColor("#eceef1"), 1))
        p.drawLine(QPointF(left, top + self.lane_height), QPointF(left + plot_w,
                                                                  top + self.lane_height))
        p.save()
        p.setClipRect(QRectF(left, top, plot_w, self.lane_height))
        p.translate(left, top)
        base = palette_colour(lane.key)
        if state.show_published and lane.key in state.published:
            self._publication(p, view.x(state.published[lane.key]))
        self._periods(p, frame, base, state)
        for m in frame.marks:
            self._mark(p, m, self._colour(m, base, state), state)
        most = max((c.count for c in frame.clusters), default=1)
        for c in frame.clusters:
            self._cluster(p, c.x0, c.x1, c.count, most, base)
        p.setFont(self.font)
        p.setPen(QPen(LEADER, 1))
        for marker_x, lb in frame.leaders():  # labels moved from their markers
            to_x = lb.x - 2 if lb.x >= marker_x else lb.x + lb.width + 2
            label_mid = self.marker_band + lb.row * self.row_height + self.row_height / 2 - 1
            p.drawLine(QPointF(marker_x, self.marker_band / 2 + 8), QPointF(marker_x, label_mid))
            p.drawLine(QPointF(marker_x, label_mid), QPointF(to_x, label_mid))
        for lb in frame.labels:
            y = self.marker_band + (lb.row + 1) * self.row_height - 4
            selected = lb.event_id in state.selected
            p.setPen(QColor("#000000") if selected else QColor("#2b3137"))
            text = self.metrics.elidedText(lb.text, Qt.TextElideMode.ElideRight, lb.width)
            if selected:
                p.fillRect(QRectF(lb.x - 2, y - self.metrics.ascent() - 1,
                                  self.metrics.horizontalAdvance(text) + 4,
                                  self.metrics.height() + 1), QColor(255, 179, 0, 70))
            p.drawText(QPointF(lb.x, y), text)
        p.restore()

    def _colour(self, m: Mark, base: QColor, state: ChartState) -> QColor:
        if state.colour_by_tag:
            tags = state.tags_of(m.item.event_id)
            if not tags:
                return QColor("#8a9099")
            return tag_colour(tags[0], state.tag_colours.get(tags[0].casefold(), ""))
        return base

    def _mark(self, p: QPainter, m: Mark, colour: QColor, state: ChartState) -> None:
        mid = self.marker_band / 2 + 2
        selected = m.item.event_id in state.selected
        hovered = m.item.event_id == state.hovered
        if m.fx0 < m.x0 - 1:
            self._fade(p, m.fx0, m.x0, mid, colour, towards_left=True)
        if m.fx1 > m.x1 + 1:
            self._fade(p, m.x1, m.fx1, mid, colour, towards_left=False)
        if m.item.kind == POINT:
            if m.x1 - m.x0 >= 14:  # zoomed in: the day the event fills, faintly
                band = QColor(colour)
                band.setAlpha(35)
                p.fillRect(QRectF(m.x0 + 1, mid - 7, m.x1 - m.x0 - 2, 14), band)
            r = 6.0 if selected or hovered else 4.5
            path = QPainterPath()
            c = m.centre
            path.moveTo(c, mid - r)
            path.lineTo(c + r, mid)
            path.lineTo(c, mid + r)
            path.lineTo(c - r, mid)
            path.closeSubpath()
            p.fillPath(path, colour)
            if selected or m.item.conflict:
                p.setPen(QPen(SELECTED if selected else CONFLICT, 2))
                p.drawPath(path)
        else:
            rect = QRectF(m.x0, mid - 5, max(m.x1 - m.x0, 2.0), 10)
            if m.item.kind != PERIOD:  # periods are drawn together, see _periods
                solid = QColor(colour)
                solid.setAlpha(200)
                p.fillRect(rect, solid)
            if selected or hovered or m.item.conflict:
                p.setPen(QPen(SELECTED if selected else CONFLICT if m.item.conflict else colour,
                              2))
                p.drawRect(rect)
        if m.item.conflict:  # a "!" just after the marker or the bar
            p.setPen(CONFLICT)
            p.setFont(self.small)
            after = m.centre + 8 if m.item.kind == POINT else m.x1 + 2
            p.drawText(QPointF(after, mid - 3), "!")
            p.setFont(self.font)

    def _periods(self, p: QPainter, frame: LaneFrame, base: QColor, state: ChartState) -> None:
        """Month- and year-precision events as one faint band where they overlap, so a
        hundred events "in 2006" do not stack into a solid bar."""
        mid = self.marker_band / 2 + 2
        spans: dict[str, list[list[float]]] = {}
        for m in frame.marks:
            if m.item.kind != PERIOD:
                continue
            colour = self._colour(m, base, state).name()
            merged = spans.setdefault(colour, [])
            merged.append([m.x0, m.x1])
        for colour, intervals in spans.items():
            intervals.sort()
            joined: list[list[float]] = []
            for a, b in intervals:
                if joined and a <= joined[-1][1]:
                    joined[-1][1] = max(joined[-1][1], b)
                else:
                    joined.append([a, b])
            faint = QColor(colour)
            faint.setAlpha(60)
            for a, b in joined:
                p.fillRect(QRectF(a, mid - 5, max(b - a, 2.0), 10), faint)

    @staticmethod
    def _fade(p: QPainter, x0: float, x1: float, mid: float, colour: QColor,
              towards_left: bool) -> None:
        grad = QLinearGradient(x0, 0, x1, 0)
        solid, clear = QColor(colour), QColor(colour)
        solid.setAlpha(110)
        clear.setAlpha(0)
        grad.setColorAt(0, clear if towards_left else solid)
        grad.setColorAt(1, solid if towards_left else clear)
        p.fillRect(QRectF(x0, mid - 3, x1 - x0, 6), QBrush(grad))

    def _cluster(self, p: QPainter, x0: float, x1: float, count: int, most: int,
                 colour: QColor) -> None:
        """A column whose height shows how many events start there, with the count on it."""
        top = self.marker_band / 2 - 6
        full = self.lane_height - top - 6
        h = 16 + (full - 16) * count / max(most, 1)
        fill = QColor(colour)
        fill.setAlpha(min(70 + count * 3, 220))
        rect = QRectF(x0 + 1, top, x1 - x0 - 2, h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(rect, 4, 4)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QColor("#ffffff") if fill.alpha() > 150 else QColor("#1d2329"))
        p.setFont(self.small)
        text = f"{count:,}" if count < 1000 else f"{count / 1000:.0f}k"
        p.drawText(QRectF(x0, top, x1 - x0, 16), Qt.AlignmentFlag.AlignCenter, text)
        p.setFont(self.font)

    def _publication(self, p: QPainter, x: float) -> None:
        pen = QPen(QColor("#5c6bc0"), 1, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(QPointF(x, 0), QPointF(x, self.lane_height))
        path = QPainterPath()
        path.moveTo(x - 5, 0)
        path.lineTo(x + 5, 0)
        path.lineTo(x, 7)
        path.closeSubpath()
        p.fillPath(path, QColor("#5c6bc0"))
