"""What an exported chart carries around the picture, so it can go in front of an editor as it
is: a title, the dates and events it shows, a legend of its lanes (or tag colours) and a note
saying where the events come from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from desktop_app.core.chart.items import Lane
from desktop_app.core.chart.timescale import Viewport, to_date
from desktop_app.core.temporal.calendar import fmt_day
from desktop_app.gui.chart.painter import ChartState, palette_colour, tag_colour

PAD = 16.0
SWATCH = 10.0


@dataclass(frozen=True)
class Sheet:
    """The texts around an exported chart."""

    title: str
    subtitle: str  # "Mon 5 Jul 2021 – Thu 8 Jul 2021 · 4 events in 1 lane"
    legend: tuple[tuple[str, str], ...]  # (#rrggbb, label)
    note: str  # where the events come from


def make_sheet(title: str, lanes: list[Lane], view: Viewport, plot_width: float,
               state: ChartState, outlets: Iterable[str], today: date | None = None) -> Sheet:
    """The sheet for the events of ``lanes`` within the dates ``view`` shows."""
    first_day, last_day = view.start, view.start + view.days_per_px * plot_width
    items = [i for ln in lanes for i in ln.items
             if i.fade_after >= first_day and i.fade_before <= last_day]
    shown = {i.event_id for i in items}
    # The dates of the events shown (within the picture), not of the margins around them.
    low = max(min((i.start for i in items), default=first_day), first_day)
    high = min(max((i.end - 1 for i in items), default=last_day), last_day)
    start, end = to_date(low), to_date(max(high, low))
    lanes_text = f"{len(lanes)} lane{'s' if len(lanes) != 1 else ''}"
    subtitle = (f"{fmt_day(start)} – {fmt_day(end)} · {len(shown):,} "
                f"event{'s' if len(shown) != 1 else ''} in {lanes_text}")
    if state.colour_by_tag:
        names = sorted({t for ln in lanes for i in ln.items for t in state.tags_of(i.event_id)},
                       key=str.casefold)
        legend = tuple((tag_colour(n, state.tag_colours.get(n.casefold(), "")).name(), n)
                       for n in names)
    else:
        legend = tuple((palette_colour(ln.key).name(), ln.label) for ln in lanes)
    sources = sorted({o for o in outlets if o}, key=str.casefold)
    made = (today or date.today())
    note = ((f"Sources: {', '.join(sources)}. " if sources else "")
            + f"Made with Timeline Annotator on {fmt_day(made)}; each event is dated from "
              "its source's words and the publication date.")
    return Sheet(title, subtitle, legend, note)


class SheetPainter:
    """Lays out and paints the header above the chart and the legend and note below it."""

    def __init__(self, font: QFont, width: float) -> None:
        self.width = width
        self.title_font = QFont(font)
        self.title_font.setPointSizeF(font.pointSizeF() * 1.5)
        self.title_font.setBold(True)
        self.font = QFont(font)
        self.small = QFont(font)
        self.small.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        self._title = QFontMetricsF(self.title_font)
        self._text = QFontMetricsF(self.font)
        self._small = QFontMetricsF(self.small)

    def header_height(self) -> float:
        return PAD + self._title.height() + 4 + self._text.height() + PAD / 2

    def _legend_rows(self, legend: tuple[tuple[str, str], ...]) -> list[list[tuple[str, str]]]:
        rows: list[list[tuple[str, str]]] = [[]]
        x = PAD
        for colour, label in legend:
            w = SWATCH + 6 + min(self._text.horizontalAdvance(label), 320) + 18
            if rows[-1] and x + w > self.width - PAD:
                rows.append([])
                x = PAD
            rows[-1].append((colour, label))
            x += w
        return [r for r in rows if r]

    def _note_lines(self, note: str) -> int:
        rect = self._small.boundingRect(QRectF(0, 0, self.width - 2 * PAD, 10_000),
                                        int(Qt.TextFlag.TextWordWrap), note)
        return max(1, round(rect.height() / self._small.height()))

    def footer_height(self, sheet: Sheet) -> float:
        rows = len(self._legend_rows(sheet.legend))
        return (PAD / 2 + rows * (self._text.height() + 4) + 6
                + self._note_lines(sheet.note) * self._small.height() + PAD)

    def paint_header(self, p: QPainter, sheet: Sheet) -> None:
        p.fillRect(QRectF(0, 0, self.width, self.header_height()), QColor("#ffffff"))
        p.setPen(QColor("#1d2329"))
        p.setFont(self.title_font)
        title = self._title.elidedText(sheet.title, Qt.TextElideMode.ElideRight,
                                       self.width - 2 * PAD)
        p.drawText(QPointF(PAD, PAD + self._title.ascent()), title)
        p.setFont(self.font)
        p.setPen(QColor("#4a5058"))
        p.drawText(QPointF(PAD, PAD + self._title.height() + 4 + self._text.ascent()),
                   sheet.subtitle)

    def paint_footer(self, p: QPainter, sheet: Sheet, top: float) -> None:
        p.fillRect(QRectF(0, top, self.width, self.footer_height(sheet)), QColor("#ffffff"))
        y = top + PAD / 2
        p.setFont(self.font)
        for row in self._legend_rows(sheet.legend):
            x = PAD
            for colour, label in row:
                p.fillRect(QRectF(x, y + (self._text.height() - SWATCH) / 2, SWATCH, SWATCH),
                           QColor(colour))
                p.setPen(QColor("#1d2329"))
                text = self._text.elidedText(label, Qt.TextElideMode.ElideRight, 320)
                p.drawText(QPointF(x + SWATCH + 6, y + self._text.ascent()), text)
                x += SWATCH + 6 + self._text.horizontalAdvance(text) + 18
            y += self._text.height() + 4
        p.setFont(self.small)
        p.setPen(QColor("#6b7280"))
        p.drawText(QRectF(PAD, y + 6, self.width - 2 * PAD, 10_000),
                   int(Qt.TextFlag.TextWordWrap), sheet.note)
