"""The chart widget: zoom with Ctrl+wheel and +/-, pan by dragging and scrolling, click to
select, double-click to edit, hover for title, date and quote."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRect, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QScrollBar, QSizePolicy, QToolTip, QWidget

from desktop_app.core.chart.items import (
    POINT,
    ChartEntry,
    Lane,
    LaneSet,
    article_lane,
    lane_article,
    span_of,
)
from desktop_app.core.chart.timescale import Viewport
from desktop_app.core.records import LaneMode
from desktop_app.gui.chart.painter import ChartPainter, ChartState, PaintedLane

ZOOM_STEP = 1.25


class TimelineChart(QWidget):
    """Draws lanes of events over a time axis; selection is owned by the window."""

    eventClicked = Signal(int, bool)  # event id, extend the selection (Ctrl)
    editRequested = Signal(int)
    deleteRequested = Signal()
    contextMenuRequested = Signal(object, object)  # event id or None, global QPoint
    stepRequested = Signal(int)  # select the next (+1) or previous (-1) event
    viewChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineChart")
        self.setAccessibleName("Timeline chart")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)
        self.painter = ChartPainter(self.font())
        self.state = ChartState()
        self.data = LaneSet()
        self.state.tags_of = self._tags_of
        self.view = Viewport(738000.0, 1.0)
        self.describe: Callable[[int], str] = str  # the hover text of an event (set by the window)
        self._scroll_y = 0.0
        self._painted: list[PaintedLane] = []
        self._press: QPointF | None = None
        self._dragged = False
        self._needs_fit = True
        self.scrollbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.scrollbar.valueChanged.connect(self._on_scrollbar)
        self.scrollbar.hide()

    # -- data -----------------------------------------------------------------------------
    def set_entries(self, entries: Iterable[ChartEntry], article_label: Callable[[int], str],
                    published: dict[int, float]) -> None:
        """Show a whole project's events (lanes rebuilt; the view is kept)."""
        self.data = LaneSet(self.data.mode, article_label)
        self.data.reset(entries)
        self._set_published_days(published)
        self._changed()

    def set_published(self, published: dict[int, float], article_label: Callable[[int], str]
                      ) -> None:
        """Articles changed: their publication markers and lane labels."""
        self._set_published_days(published)
        self.data.article_label = article_label
        for lane in self.data.lanes:
            if (article_id := lane_article(lane.key)) is not None:
                lane.label = article_label(article_id)
        self.update()

    def _set_published_days(self, published: dict[int, float]) -> None:
        self.state.published = {article_lane(i): day for i, day in published.items()}

    def upsert(self, entry: ChartEntry, shown: bool = True) -> None:
        """One event added or changed (``shown``: the filter keeps it)."""
        self.data.upsert(entry, shown)
        self._changed()

    def remove(self, event_id: int) -> None:
        """One event gone."""
        self.data.remove(event_id)
        self._changed()

    def set_visible(self, ids: set[int] | None) -> None:
        """Show only these events (the filter), or every one (None)."""
        self.data.set_visible(ids)
        self._changed()

    @property
    def lanes(self) -> list[Lane]:
        """The lanes drawn, in order."""
        return self.data.lanes

    @property
    def lane_mode(self) -> LaneMode:
        """Lanes by article, by tag, or one lane."""
        return self.data.mode

    def set_lane_mode(self, mode: LaneMode) -> None:
        """Put the events in lanes by article, by tag, or in one lane."""
        self.data.set_mode(mode)
        self._changed()

    def set_colour_by_tag(self, on: bool, tag_colours: dict[str, str] | None = None) -> None:
        """Colour events by their first tag instead of by lane."""
        self.state.colour_by_tag = on
        if tag_colours is not None:
            self.state.tag_colours = {k.casefold(): v for k, v in tag_colours.items()}
        self.update()

    def set_show_published(self, on: bool) -> None:
        """Show each article's publication date as a marker in its lane."""
        self.state.show_published = on
        self.update()

    def set_selection(self, ids: Iterable[int]) -> None:
        """Highlight these events (the window's selection)."""
        selected = set(ids)
        if selected != self.state.selected:
            self.state.selected = selected
            self.update()

    def _tags_of(self, event_id: int) -> tuple[str, ...]:
        entry = self.data.entry(event_id)
        return entry.tags if entry is not None else ()

    def _changed(self) -> None:
        if self._needs_fit and self.lanes and self.width() > self.painter.LANE_LABEL_WIDTH:
            self.fit_all()
        self._update_scrollbar()
        self.update()

    # -- view -----------------------------------------------------------------------------
    @property
    def plot_width(self) -> float:
        """Width of the time axis in pixels."""
        return max(self.width() - self.painter.LANE_LABEL_WIDTH - self._bar_width(), 10.0)

    def request_fit(self) -> None:
        """Fit every event at the next change or resize (a newly opened project)."""
        self._needs_fit = True

    def set_view(self, view: Viewport) -> None:
        """Show another stretch of time."""
        self.view = view
        self._needs_fit = False
        self.viewChanged.emit()
        self.update()

    def fit_all(self) -> None:
        """Zoom to show every event (and the publication markers of their lanes)."""
        span = span_of(self.lanes)
        if span is None:
            return
        if self.state.show_published:
            days = [d for ln in self.lanes if (d := self.state.published.get(ln.key))]
            span = (min([span[0], *days]), max([span[1], *(d + 0.5 for d in days)]))
        self.set_view(Viewport.fit(span[0], span[1], self.plot_width))

    def fit_selection(self) -> None:
        """Zoom to the selected events (all when none is selected)."""
        span = span_of(self.lanes, self.state.selected) if self.state.selected else None
        if span is None:
            self.fit_all()
            return
        self.set_view(Viewport.fit(span[0], max(span[1], span[0] + 7), self.plot_width))

    def zoom(self, factor: float, around_x: float | None = None) -> None:
        """Zoom in (factor > 1) or out around a pixel column of the plot (centre by default)."""
        x = self.plot_width / 2 if around_x is None else around_x
        self.set_view(self.view.zoomed(factor, x))

    def pan(self, dx: float) -> None:
        """Move by dx pixels; positive shows later dates."""
        self.set_view(self.view.panned(dx))

    def scroll_lanes(self, dy: float) -> None:
        """Scroll the lanes vertically by dy pixels."""
        self.scrollbar.setValue(int(self._scroll_y + dy))

    def ensure_visible(self, event_id: int) -> None:
        """Scroll and pan so an event is in view (after selecting it in another view)."""
        place = self.data.place_of(event_id)
        if place is None:
            return
        index, item = place
        centre = (item.start + item.end) / 2
        if not 20 <= self.view.x(centre) <= self.plot_width - 20:
            self.set_view(Viewport(centre - self.view.days_per_px * self.plot_width / 2,
                                   self.view.days_per_px))
        top = index * self.painter.lane_height
        visible_h = self.height() - self.painter.AXIS_HEIGHT
        if top < self._scroll_y or top + self.painter.lane_height > self._scroll_y + visible_h:
            self.scrollbar.setValue(int(top))

    def _plot_x(self, pos: QPointF) -> float:
        return pos.x() - self.painter.LANE_LABEL_WIDTH

    def _bar_width(self) -> int:
        return self.scrollbar.sizeHint().width() if self.scrollbar.isVisible() else 0

    def _update_scrollbar(self) -> None:
        overflow = self.painter.content_height(self.lanes) - self.height()
        self.scrollbar.setVisible(overflow > 0)
        self.scrollbar.setRange(0, max(int(overflow), 0))
        self.scrollbar.setPageStep(max(self.height() - int(self.painter.AXIS_HEIGHT), 1))
        self.scrollbar.setSingleStep(int(self.painter.lane_height / 2))
        w = self.scrollbar.sizeHint().width()
        self.scrollbar.setGeometry(QRect(self.width() - w, int(self.painter.AXIS_HEIGHT), w,
                                         self.height() - int(self.painter.AXIS_HEIGHT)))
        self._scroll_y = float(self.scrollbar.value())

    def _on_scrollbar(self, value: int) -> None:
        self._scroll_y = float(value)
        self.update()

    # -- hit testing ----------------------------------------------------------------------
    def event_at(self, pos: QPointF) -> int | None:
        """The event under a point of the widget, if any."""
        x = self._plot_x(pos)
        if x < 0:
            return None
        for pl in self._painted:
            y = pos.y() - pl.top
            if not 0 <= y < self.painter.lane_height:
                continue
            if y < self.painter.marker_band + 2:
                mark = pl.frame.mark_at(x)
                return mark.item.event_id if mark else None
            row = int((y - self.painter.marker_band) // self.painter.row_height)
            label = pl.frame.label_at(x, row)
            return label.event_id if label else None
        return None

    def point_of(self, event_id: int) -> QPointF | None:
        """Where an event's marker is drawn (for tests and keyboard users)."""
        for pl in self._painted:
            for m in pl.frame.marks:
                if m.item.event_id == event_id:
                    x = m.centre if m.item.kind == POINT else (max(m.x0, 0) + min(m.x1, 200)) / 2
                    return QPointF(self.painter.LANE_LABEL_WIDTH + x,
                                   pl.top + self.painter.marker_band / 2 + 2)
        return None

    # -- Qt events ------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        self._painted = self.painter.paint(p, self.width() - self._bar_width(), self.height(),
                                           self.lanes, self.view, self._scroll_y, self.state)
        p.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_scrollbar()
        if self._needs_fit and self.lanes:
            self.fit_all()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = delta.y() / 120 if delta.y() else delta.x() / 120
            self.zoom(ZOOM_STEP ** steps, self._plot_x(event.position()))
        elif delta.x() or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.pan(-(delta.x() or delta.y()) / 2)
        elif self.scrollbar.isVisible():
            self.scroll_lanes(-delta.y() / 2)
        else:
            self.pan(-delta.y() / 2)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.stepRequested.emit(1 if key == Qt.Key.Key_Right else -1)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Left:
            self.pan(-self.plot_width / 8)
        elif key == Qt.Key.Key_Right:
            self.pan(self.plot_width / 8)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteRequested.emit()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._dragged = event.position(), False
            self.setFocus(Qt.FocusReason.MouseFocusReason)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            dx, dy = pos.x() - self._press.x(), pos.y() - self._press.y()
            if self._dragged or abs(dx) + abs(dy) > 4:
                self._dragged = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.pan(-dx)
                if dy and self.scrollbar.isVisible():
                    self.scroll_lanes(-dy)
                self._press = pos
            return
        hovered = self.event_at(pos)
        if hovered != self.state.hovered:
            self.state.hovered = hovered
            self.update()
            if hovered is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPosition().toPoint(), self.describe(hovered), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        self.unsetCursor()
        if not self._dragged:
            self._click(event.position(), bool(event.modifiers()
                                               & Qt.KeyboardModifier.ControlModifier))
        self._press = None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        self.contextMenuRequested.emit(self.event_at(QPointF(event.pos())), event.globalPos())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.event_at(event.position())
        if hit is not None:
            self.editRequested.emit(hit)

    def _click(self, pos: QPointF, extend: bool) -> None:
        hit = self.event_at(pos)
        if hit is not None:
            self.eventClicked.emit(hit, extend)
            return
        x = self._plot_x(pos)
        for pl in self._painted:
            if 0 <= pos.y() - pl.top < self.painter.lane_height:
                cluster = pl.frame.cluster_at(x)
                if cluster is not None:  # zoom into a cluster until it falls apart
                    self.set_view(Viewport.fit(cluster.first, cluster.last, self.plot_width))
