"""Child process for the chart benchmark (a fresh process, so its memory figure is its own).

Usage: python chart_probe.py DB WIDTH HEIGHT
Prints one JSON object: milliseconds to open the project, load its events, build the lanes
and paint the first frame; then repaint times while zooming from all events to hours and
panning at each level; an empty chart's repaint as the baseline; and resident memory.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def main() -> int:
    from PySide6.QtGui import QColor, QFont, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.chart.items import LaneSet, entries_of_rows, span_of
    from desktop_app.core.chart.timescale import Viewport
    from desktop_app.core.project import open_project
    from desktop_app.gui.chart.painter import ChartPainter, ChartState

    app = QApplication(sys.argv[:1])  # noqa: F841 (fonts need it)
    # A project file, or a team project's address (a URL is not a path: '//' would go).
    db: Path | str = sys.argv[1] if "://" in sys.argv[1] else Path(sys.argv[1])
    width, height = int(sys.argv[2]), int(sys.argv[3])
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    painter = ChartPainter(QFont())
    state = ChartState()
    rss_before = _rss_mb()

    def frame(lanes, view) -> float:  # noqa: ANN001
        t = time.perf_counter()
        image.fill(QColor("#ffffff"))
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.paint(p, width, height, lanes, view, 0.0, state)
        p.end()
        return (time.perf_counter() - t) * 1000

    t0 = time.perf_counter()
    project = open_project(db)
    t_open = time.perf_counter()
    entries = entries_of_rows(project.index.rows())
    t_list = time.perf_counter()
    titles = {a.id: a.title for a in project.articles.list()}
    lane_set = LaneSet("article", lambda i: titles.get(i, ""))
    lane_set.reset(entries)
    lanes = lane_set.lanes
    t_lanes = time.perf_counter()
    first, last = span_of(lanes)
    view = Viewport.fit(first, last, width - painter.LANE_LABEL_WIDTH)
    first_frame = frame(lanes, view)
    t_frame = time.perf_counter()
    rss_after = _rss_mb()

    plot = width - painter.LANE_LABEL_WIDTH
    frames, empty = [], []
    v = view
    while v.days_per_px > 1 / 60:  # from all events down to hours
        frames.append(frame(lanes, v))
        for _ in range(3):
            v = v.panned(plot / 10)
            frames.append(frame(lanes, v))
        centre = (first + last) / 2
        v = Viewport(centre - v.days_per_px * plot / 2, v.days_per_px).zoomed(1.5, plot / 2)
    for _ in range(len(frames)):
        empty.append(frame([], view))
    project.close()
    window_chart_ms, window_ready_ms = _window_load(db)
    print(json.dumps({
        "window_chart_ms": window_chart_ms, "window_ready_ms": window_ready_ms,
        "window_rss_mb": _rss_mb(),
        "events": len(entries), "lanes": len(lanes),
        "open_ms": (t_open - t0) * 1000, "load_ms": (t_list - t_open) * 1000,
        "lanes_ms": (t_lanes - t_list) * 1000, "first_frame_ms": first_frame,
        "total_ms": (t_frame - t0) * 1000, "frames": frames, "empty": empty,
        "rss_mb": rss_after, "rss_growth_mb": rss_after - rss_before}))
    return 0


def _window_load(db: Path | str) -> tuple[float, float]:
    """The real window with its chart tab showing: milliseconds from opening the project to
    the chart's first paint, and to the whole window (table included) being ready."""
    import tempfile

    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.project import open_project
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.settings import Settings

    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    window = MainWindow(None, open_project, Settings(QSettings(str(ini),
                                                               QSettings.Format.IniFormat)))
    window.resize(1400, 820)
    window.show()
    window.timeline_tabs.setCurrentIndex(1)
    QApplication.processEvents()  # as in the app: the project loads after the first paint
    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    watcher = FirstPaint()
    t0 = time.perf_counter()
    project = open_project(db)
    window.chart_view.ensure_chart().installEventFilter(watcher)
    window.load_project(project)
    ready = time.perf_counter()
    project.close()
    return ((painted[0] if painted else ready) - t0) * 1000, (ready - t0) * 1000


if __name__ == "__main__":
    sys.exit(main())
