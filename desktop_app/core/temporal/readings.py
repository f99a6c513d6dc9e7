"""Constructors for Readings at each granularity, so every rule words its values the same way."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.core.temporal.calendar import (
    month_end,
    quarter_bounds,
    season_bounds,
    week_start,
    week_value,
)
from desktop_app.core.temporal.model import Reading, new_reading


def day(d: date, why: str) -> Reading:
    """A single day."""
    return new_reading(d.isoformat(), "day", d, d, why)


def week(d: date, why: str) -> Reading:
    """The ISO week holding ``d``."""
    start = week_start(d)
    return new_reading(week_value(d), "week", start, start + timedelta(days=6), why)


def weekend(d: date, why: str) -> Reading:
    """The Saturday and Sunday of the ISO week holding ``d``."""
    sat = week_start(d) + timedelta(days=5)
    return new_reading(week_value(d) + "-WE", "weekend", sat, sat + timedelta(days=1), why)


def month(year: int, mon: int, why: str) -> Reading:
    """A calendar month."""
    return new_reading(f"{year:04d}-{mon:02d}", "month", date(year, mon, 1),
                       month_end(year, mon), why)


def quarter(year: int, q: int, why: str) -> Reading:
    """A calendar quarter."""
    first, last = quarter_bounds(year, q)
    return new_reading(f"{year:04d}-Q{q}", "quarter", first, last, why)


def half(year: int, h: int, why: str) -> Reading:
    """A half year."""
    first = date(year, 6 * h - 5, 1)
    return new_reading(f"{year:04d}-H{h}", "half", first, month_end(year, 6 * h), why)


def season(year: int, code: str, why: str) -> Reading:
    """A meteorological season."""
    first, last = season_bounds(year, code)
    return new_reading(f"{year:04d}-{code}", "season", first, last, why)


def year(y: int, why: str) -> Reading:
    """A calendar year."""
    return new_reading(f"{y:04d}", "year", date(y, 1, 1), date(y, 12, 31), why)


def decade(first_year: int, why: str) -> Reading:
    """A decade given its first year (1990 -> '199')."""
    return new_reading(f"{first_year // 10:03d}", "decade", date(max(first_year, 1), 1, 1),
                   date(first_year + 9, 12, 31), why)


def century(index: int, why: str) -> Reading:
    """A century by its TIMEX3 two-digit value (19 for the 1900s, the 20th century)."""
    return new_reading(f"{index:02d}", "century", date(max(index * 100, 1), 1, 1),
                   date(index * 100 + 99, 12, 31), why)


def vague(value: str, why: str) -> Reading:
    """PRESENT_REF, PAST_REF or FUTURE_REF: no calendar bounds."""
    return new_reading(value, "ref", None, None, why)


def narrow(reading: Reading, mod: str | None) -> Reading:
    """Narrow bounds for 'early', 'mid' and 'late' (thirds of the period); the value stays."""
    if not mod or reading.earliest is None or reading.latest is None:
        return reading
    m = " ".join(mod.lower().split())
    span = (reading.latest - reading.earliest).days + 1
    third = max(span // 3, 1)
    first, last = reading.earliest, reading.latest
    if m in ("early", "the beginning of", "the start of", "the first half of"):
        last = first + timedelta(days=(third if "half" not in m else span // 2) - 1)
    elif m in ("mid", "the middle of"):
        first, last = first + timedelta(days=third), last - timedelta(days=third)
    elif m in ("late", "the end of", "the second half of"):
        first = last - timedelta(days=(third if "half" not in m else span // 2) - 1)
    return new_reading(reading.value, reading.granularity, first, last,
                   f"{reading.explanation} ({m})")
