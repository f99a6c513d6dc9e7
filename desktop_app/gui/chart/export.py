"""Write the chart to PNG, SVG (QSvgGenerator) or PDF (QPdfWriter) at a chosen width."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
)
from PySide6.QtSvg import QSvgGenerator

from desktop_app.core.chart.items import Lane, span_of
from desktop_app.core.chart.timescale import Viewport
from desktop_app.core.errors import ExportError, TimelineError
from desktop_app.core.output_files import replace_atomically
from desktop_app.gui.chart.painter import ChartPainter, ChartState
from desktop_app.gui.chart.sheet import Sheet, SheetPainter

CHART_FORMATS = ("png", "svg", "pdf")
MAX_WIDTH = 20_000
PNG_SCALE = 2  # device pixels per chart pixel in a PNG: crisp when printed or on 2x screens
MAX_PNG_BYTES = 512 * 1024 * 1024  # a larger picture is drawn at 1x instead


class ChartExportError(TimelineError):
    """The chart could not be written."""


def export_view(view: Viewport | None, lanes: list[Lane], plot_width: float,
                new_width: float, label_width: float) -> Viewport:
    """The viewport for an export ``new_width`` wide: the same stretch of time as ``view``
    (the visible range) or, when ``view`` is None, every event."""
    new_plot = max(new_width - label_width, 10.0)
    if view is None:
        span = span_of(lanes) or (738000.0, 738365.0)
        return Viewport.fit(span[0], span[1], new_plot)
    return Viewport(view.start, view.days_per_px * plot_width / new_plot)


def export_chart(path: Path, lanes: list[Lane], view: Viewport, state: ChartState,
                 width: int, font: QFont, height: int | None = None,
                 protected: Iterable[Path] = (), sheet: Sheet | None = None) -> Path:
    """Render every lane at ``width`` pixels (height: all lanes, unless given), with the
    ``sheet``'s title above and legend and note below; PNG at twice the pixels (print and
    high-density screens), SVG and PDF as vectors; written atomically and never over the
    ``protected`` project."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in CHART_FORMATS:
        raise ChartExportError(f"{path.name}: unknown chart format; use .png, .svg or .pdf")
    if not 200 <= width <= MAX_WIDTH:
        raise ChartExportError(f"chart width must be between 200 and {MAX_WIDTH} pixels")
    painter = ChartPainter(font)
    chart_h = height or int(min(painter.content_height(lanes) + 8, 30_000))
    around = SheetPainter(font, width) if sheet is not None else None
    top = around.header_height() if around is not None else 0.0
    h = chart_h + (int(top + around.footer_height(sheet)) if around and sheet else 0)
    quiet = replace(state, selected=set(), hovered=None)
    layout = _Layout(painter, width, chart_h, top, lanes, view, quiet, around, sheet)

    def render(tmp: Path) -> None:
        # Qt's writers drop write errors (a full disk gave a truncated PDF and "wrote a
        # chart"): they paint into memory, and the file is written here, where an error is
        # seen and the export fails whole.
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if fmt == "png":
            scale = PNG_SCALE if width * h * PNG_SCALE ** 2 * 4 <= MAX_PNG_BYTES else 1
            image = QImage(QSize(width * scale, h * scale), QImage.Format.Format_ARGB32)
            image.setDevicePixelRatio(scale)
            image.fill(QColor("#ffffff"))
            _paint(image, layout, path)
            writer = QImageWriter(buffer, QByteArray(b"png"))
            if not writer.write(image):
                raise ChartExportError(f"{path}: could not make the PNG image "
                                       f"({writer.errorString()})")
            data = bytes(buffer.data().data())
        elif fmt == "svg":
            gen = QSvgGenerator()
            gen.setOutputDevice(buffer)
            gen.setSize(QSize(width, h))
            gen.setResolution(96)
            gen.setViewBox(QRectF(0, 0, width, h))
            gen.setTitle(sheet.title if sheet else "Timeline")
            gen.setDescription(sheet.note if sheet else "Timeline chart by Timeline Annotator")
            _paint(gen, layout, path)
            del gen  # the document is complete when its generator goes
            data = _with_font_fallbacks(bytes(buffer.data().data()).decode("utf-8")).encode()
        else:
            pdf = QPdfWriter(buffer)
            pdf.setResolution(96)
            pdf.setPageSize(QPageSize(QSizeF(width * 72 / 96, h * 72 / 96),
                                      QPageSize.Unit.Point, "Timeline"))
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
            pdf.setTitle(sheet.title if sheet else "Timeline")
            _paint(pdf, layout, path)
            del pdf  # the PDF is finished when its writer goes
            data = bytes(buffer.data().data())
        if not data:
            raise ChartExportError(f"{path}: the chart came out empty")
        tmp.write_bytes(data)  # OSError (a full disk): the export fails, the file stays

    try:
        replace_atomically(path, render, protected, suffix=f".{fmt}")
    except ExportError as exc:
        raise ChartExportError(str(exc)) from exc
    return path


FONT_FALLBACKS = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif"
_FONT_FAMILY = re.compile(r'font-family="([^"]*)"')


def _with_font_fallbacks(svg: str) -> str:
    """Qt writes the font's own family ('Sans Serif', a name browsers do not know): add real
    families and the generic one after it, so every viewer draws the labels alike."""
    return _FONT_FAMILY.sub(lambda m: f'font-family="{m.group(1)}, {FONT_FALLBACKS}"', svg)


@dataclass(frozen=True)
class _Layout:
    """Everything one export paints, and where."""

    chart: ChartPainter
    width: int
    chart_height: int
    chart_top: float
    lanes: list[Lane]
    view: Viewport
    state: ChartState
    around: SheetPainter | None
    sheet: Sheet | None


def _paint(device: QPaintDevice, layout: _Layout, path: Path) -> None:
    p = QPainter()
    if not p.begin(device):
        raise ChartExportError(f"{path}: cannot write there (is the folder writable?)")
    try:
        if layout.around is not None and layout.sheet is not None:
            layout.around.paint_header(p, layout.sheet)
        p.save()
        p.translate(0, layout.chart_top)
        p.setClipRect(QRectF(0, 0, layout.width, layout.chart_height))
        layout.chart.paint(p, layout.width, layout.chart_height, layout.lanes, layout.view,
                           0.0, layout.state)
        p.restore()
        if layout.around is not None and layout.sheet is not None:
            layout.around.paint_footer(p, layout.sheet, layout.chart_top + layout.chart_height)
    finally:
        p.end()
