"""Day numbers to pixels and back, zooming around a point, and ticks that adapt to the zoom."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from desktop_app.core.temporal.calendar import MONTH_ABBR, WEEKDAY_ABBR, fmt_day

FIRST_DAY = float(date(1, 1, 1).toordinal())
LAST_DAY = float(date(9999, 12, 31).toordinal())
MIN_DAYS_PER_PX = 1 / (24 * 80)  # zoomed in fully, an hour is 80 px wide
MAX_DAYS_PER_PX = 3660.0  # ten centuries per 100 px


def day_number(d: date) -> float:
    """A date's position on the axis (its first instant)."""
    return float(d.toordinal())


def to_date(day: float) -> date:
    """The calendar day holding a position (clamped to the years 1..9999)."""
    return date.fromordinal(int(min(max(math.floor(day), FIRST_DAY), LAST_DAY)))


@dataclass(frozen=True)
class Viewport:
    """Which stretch of time the chart shows: the day at the left edge and the zoom."""

    start: float
    days_per_px: float

    def x(self, day: float) -> float:
        """Pixel column of a day number."""
        return (day - self.start) / self.days_per_px

    def day(self, x: float) -> float:
        """Day number under a pixel column."""
        return self.start + x * self.days_per_px

    def end(self, width: float) -> float:
        """Day number at the right edge of a chart ``width`` pixels wide."""
        return self.day(width)

    def zoomed(self, factor: float, around_x: float) -> Viewport:
        """Zoom in (factor > 1) or out, keeping the day under ``around_x`` where it is."""
        dpp = min(max(self.days_per_px / factor, MIN_DAYS_PER_PX), MAX_DAYS_PER_PX)
        pivot = self.day(around_x)
        return Viewport(_clamp_start(pivot - around_x * dpp), dpp)

    def panned(self, dx_px: float) -> Viewport:
        """Move the view by ``dx_px`` pixels (positive shows later dates)."""
        return Viewport(_clamp_start(self.start + dx_px * self.days_per_px), self.days_per_px)

    @staticmethod
    def fit(first: float, last: float, width: float, margin_px: float = 40) -> Viewport:
        """A view showing [first, last) across ``width`` pixels with a margin on both sides."""
        span = max(last - first, 1.0)
        usable = max(width - 2 * margin_px, 10.0)
        dpp = min(max(span / usable, MIN_DAYS_PER_PX), MAX_DAYS_PER_PX)
        centre = (first + last) / 2
        return Viewport(_clamp_start(centre - dpp * width / 2), dpp)


def _clamp_start(start: float) -> float:
    return min(max(start, FIRST_DAY - 366), LAST_DAY)


@dataclass(frozen=True)
class Tick:
    """A line on the axis with its label."""

    day: float
    label: str


@dataclass(frozen=True)
class Axis:
    """Minor ticks carry the unit the zoom shows; major ticks the context (month, year, day)."""

    unit: str
    minor: tuple[Tick, ...]
    major: tuple[Tick, ...]


# (unit, step, approximate length in days), finest first.
_STEPS: tuple[tuple[str, int, float], ...] = (
    ("hour", 1, 1 / 24), ("hour", 3, 3 / 24), ("hour", 6, 6 / 24), ("hour", 12, 0.5),
    ("day", 1, 1.0), ("day", 2, 2.0), ("week", 1, 7.0), ("month", 1, 30.44),
    ("month", 3, 91.3), ("month", 6, 182.6), ("year", 1, 365.25), ("year", 2, 730.5),
    ("year", 5, 1826.0), ("year", 10, 3652.5), ("year", 20, 7305.0), ("year", 50, 18262.0),
    ("year", 100, 36525.0), ("year", 200, 73050.0), ("year", 500, 182625.0),
    ("year", 1000, 365250.0),
)


def axis(view: Viewport, width: float, min_px: float = 64) -> Axis:
    """Ticks for a chart ``width`` pixels wide: the finest step at least ``min_px`` apart."""
    unit, step = _step(view, min_px)
    first, last = max(view.start, FIRST_DAY), min(view.end(width), LAST_DAY + 1)
    minor = tuple(Tick(d, _label(unit, step, d)) for d in _boundaries(unit, step, first, last))
    context = _context_of(unit, step)
    major = tuple(Tick(d, _context_label(context[0], context[1], d))
                  for d in _boundaries(context[0], context[1], first, last))
    return Axis(unit, minor, major)


def context_label(view: Viewport, width: float, min_px: float = 64) -> str:
    """The context of the left edge (shown pinned there when no major tick is near)."""
    unit, step = _step(view, min_px)
    context = _context_of(unit, step)
    return _context_label(context[0], context[1], max(view.start, FIRST_DAY))


def _step(view: Viewport, min_px: float) -> tuple[str, int]:
    unit, step, _ = next((s for s in _STEPS if s[2] / view.days_per_px >= min_px), _STEPS[-1])
    return unit, step


def _context_of(unit: str, step: int) -> tuple[str, int]:
    """The coarser unit that names where the ticks are (years: decades, then centuries)."""
    return {"hour": ("day", 1), "day": ("month", 1), "week": ("month", 1),
            "month": ("year", 1)}.get(unit, ("year", 100 if step >= 10 else 10))


def _boundaries(unit: str, step: int, first: float, last: float) -> list[float]:
    """Day numbers of every ``step``-``unit`` boundary in [first, last]."""
    out: list[float] = []
    if unit == "hour":
        h = math.floor(first * 24 / step) * step
        while h / 24 <= last:
            out.append(h / 24)
            h += step
        return out
    d = to_date(first)
    if unit == "day":
        o = d.toordinal() - d.toordinal() % step
        while o <= last:
            out.append(float(o))
            o += step
        return out
    if unit == "week":
        o = d.toordinal() - d.weekday()
        while o <= last:
            out.append(float(o))
            o += 7
        return out
    if unit == "month":
        y, m = d.year, d.month - (d.month - 1) % step
        while True:
            o = date(y, m, 1).toordinal()
            if o > last:
                return out
            out.append(float(o))
            m += step
            if m > 12:
                y, m = y + 1, m - 12
            if y > 9999:
                return out
    y = max(d.year - d.year % step, 1)
    while y <= 9999:
        o = date(y, 1, 1).toordinal()
        if o > last:
            break
        out.append(float(o))
        y += step
    return out


def _label(unit: str, step: int, day: float) -> str:
    d = to_date(day)
    if unit == "hour":
        return f"{round((day - math.floor(day)) * 24) % 24:02d}:00"
    if unit == "day":
        return f"{WEEKDAY_ABBR[d.weekday()]} {d.day}"
    if unit == "week":
        return f"{d.day} {MONTH_ABBR[d.month - 1]}"
    if unit == "month":
        return MONTH_ABBR[d.month - 1]
    return str(d.year) if step < 10 else f"{d.year}s"


def _context_label(unit: str, step: int, day: float) -> str:
    d = to_date(day)
    if unit == "day":
        return fmt_day(d)
    if unit == "month":
        return f"{MONTH_ABBR[d.month - 1]} {d.year}"
    if step >= 100:
        return f"{d.year - d.year % 100}s" if d.year >= 100 else "1st century"
    return str(d.year) if step == 1 else f"{d.year - d.year % step}s"
