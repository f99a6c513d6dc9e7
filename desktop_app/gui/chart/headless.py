"""Render the chart to a file without a window (the CLI's export-chart)."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from desktop_app.core.chart.items import article_facts, article_lane, build_lanes
from desktop_app.core.chart.timescale import Viewport, day_number
from desktop_app.core.records import ArticleSummary, EventRecord, LaneMode


def render_chart_file(out: Path, records: list[EventRecord], articles: list[ArticleSummary],
                      width: int, lane_mode: LaneMode, first: date | None, last: date | None,
                      colours: dict[str, str], protected: Path | None = None,
                      title: str = "Timeline") -> int:
    """Write the chart of ``records`` to PNG/SVG/PDF; return how many events it holds."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFont, QGuiApplication

    from desktop_app.gui.chart.export import export_chart, export_view
    from desktop_app.gui.chart.painter import ChartPainter, ChartState
    from desktop_app.gui.chart.sheet import make_sheet

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    article_label, published = article_facts(articles)
    tags = {r.id: r.tags for r in records}
    state = ChartState(colour_by_tag=bool(colours),
                       tag_colours={k.casefold(): v for k, v in colours.items()},
                       tags_of=lambda i: tags.get(i, ()),
                       published={article_lane(i): day for i, day in published.items()})
    lanes = build_lanes(records, lane_mode, article_label)
    font = QFont()
    label_w = ChartPainter(font).LANE_LABEL_WIDTH
    if first or last:
        span = export_view(None, lanes, 1, width, label_w)
        a = day_number(first) if first else span.start
        b = day_number(last) + 1 if last else span.end(width - label_w)
        view = Viewport.fit(a, b, width - label_w, margin_px=0)
    else:
        view = export_view(None, lanes, 1, width, label_w)
    outlets = {a.id: a.outlet or a.title for a in articles}
    quoted = {q.article_id for r in records if _overlaps(r, first, last) for q in r.quotes}
    sheet = make_sheet(title, lanes, view, width - label_w, state,
                       (outlets[i] for i in quoted if i in outlets))
    export_chart(out, lanes, view, state, width, font,
                 protected=[protected] if protected else [], sheet=sheet)
    return sum(1 for r in records if _overlaps(r, first, last))


def _overlaps(record: EventRecord, first: date | None, last: date | None) -> bool:
    """Whether an event lies (partly) within the days drawn: what the chart shows of it."""
    start = record.date.earliest or record.date.start
    end = record.date.latest or record.date.end or record.date.start
    return (first is None or end >= first) and (last is None or start <= last)
