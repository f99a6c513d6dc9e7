"""Calendar arithmetic on plain dates (python-dateutil shifts by months and years)."""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from desktop_app.core.temporal.lang.en.lexicon import SEASON_MONTHS, WEEKDAY_NAMES

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAY_ABBR = tuple(name[:3] for name in WEEKDAY_NAMES)  # Mon, Tue...
_MONTH_FULL = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


@functools.lru_cache(maxsize=4096)
def fmt_day(d: date) -> str:
    """Short human form used in explanations: 'Fri 9 Jul 2021' (cached: every weekday and
    every date without a year words its anchor and its alternatives with it)."""
    return f"{WEEKDAY_ABBR[d.weekday()]} {d.day} {MONTH_ABBR[d.month - 1]} {d.year}"


def month_name(month: int) -> str:
    """Full English month name."""
    return _MONTH_FULL[month - 1]


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def isleap(year: int) -> bool:
    """calendar.isleap, without importing the calendar module (and locale) before the
    window's first paint: the timeline's date column needs this module."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """calendar.monthrange(year, month)[1], without working out the month's first weekday."""
    return 29 if month == 2 and isleap(year) else _DAYS_IN_MONTH[month - 1]


def month_end(year: int, month: int) -> date:
    """Last day of a month."""
    return date(year, month, days_in_month(year, month))


def week_start(d: date) -> date:
    """Monday of the ISO week holding ``d``."""
    return d - timedelta(days=d.weekday())


def week_value(d: date) -> str:
    """TIMEX3 ISO week value such as '2021-W27'."""
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    """First and last day of a calendar quarter."""
    return date(year, 3 * quarter - 2, 1), month_end(year, 3 * quarter)


def season_bounds(year: int, code: str) -> tuple[date, date]:
    """Meteorological season bounds; winter runs from December of ``year`` into February."""
    first, last = SEASON_MONTHS[code]
    if code == "WI":
        return date(year, 12, 1), month_end(year + 1, 2)
    return date(year, first, 1), month_end(year, last)


def season_of(d: date) -> tuple[int, str]:
    """The (year, season code) holding a date; January and February belong to last year's winter."""
    if d.month in (12, 1, 2):
        return (d.year if d.month == 12 else d.year - 1), "WI"
    return d.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")


def weekday_on_or_before(anchor: date, weekday: int) -> date:
    """Latest given weekday on or before the anchor."""
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_on_or_after(anchor: date, weekday: int) -> date:
    """Earliest given weekday on or after the anchor."""
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


_MONTHS_IN = {"M": 1, "Q": 3, "Y": 12, "10Y": 120, "100Y": 1200}


def shift(anchor: date, unit: str, amount: int) -> date:
    """Move a date by whole calendar units (D, W, M, Y, Q, 10Y, 100Y)."""
    if unit == "D":
        return anchor + timedelta(days=amount)
    if unit == "W":
        return anchor + timedelta(weeks=amount)
    if unit == "2W":
        return anchor + timedelta(weeks=2 * amount)
    if unit in _MONTHS_IN:
        return add_months(anchor, _MONTHS_IN[unit] * amount)
    return anchor


def add_months(d: date, months: int) -> date:
    """d moved by whole months as dateutil's relativedelta moves it (the day kept, or the
    month's last day if that month is shorter), without building a relativedelta per shift,
    which took four times as long; a test holds the two equal."""
    years, month0 = divmod(d.month - 1 + months, 12)
    year, month = d.year + years, month0 + 1
    return d.replace(year=year, month=month, day=min(d.day, days_in_month(year, month)))


def easter_sunday(year: int) -> date:
    """Western Easter Sunday."""
    from dateutil.easter import easter

    return easter(year)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (or, with n=-1, last) given weekday of a month, e.g. Thanksgiving."""
    if n > 0:
        return weekday_on_or_after(date(year, month, 1), weekday) + timedelta(weeks=n - 1)
    return weekday_on_or_before(month_end(year, month), weekday)


@functools.cache
def _value_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Compiled on first use (start-up only formats dates)."""
    return (
        (re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$"), "day"),
        (re.compile(r"^(\d{4})-W(\d{2})(-WE)?$"), "week"),
        (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
        (re.compile(r"^(\d{4})-H([12])$"), "half"),
        (re.compile(r"^(\d{4})-(SP|SU|FA|WI)$"), "season"),
        (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
        (re.compile(r"^(\d{4})$"), "year"),
        (re.compile(r"^(\d{3})$"), "decade"),
        (re.compile(r"^(\d{2})$"), "century"),
    )


def value_bounds(value: str) -> tuple[date, date] | None:
    """The calendar interval a TIMEX3 date value denotes, or None for non-calendar values."""
    for pattern, kind in _value_patterns():
        m = pattern.match(value)
        if not m:
            continue
        try:
            y = int(m.group(1))
            if kind == "day":
                d = date(y, int(m.group(2)), int(m.group(3)))
                return d, d
            if kind == "week":
                start = date.fromisocalendar(y, int(m.group(2)), 1)
                if m.group(3):
                    return start + timedelta(days=5), start + timedelta(days=6)
                return start, start + timedelta(days=6)
            if kind == "quarter":
                return quarter_bounds(y, int(m.group(2)))
            if kind == "half":
                h = int(m.group(2))
                return date(y, 6 * h - 5, 1), month_end(y, 6 * h)
            if kind == "season":
                return season_bounds(y, m.group(2))
            if kind == "month":
                mo = int(m.group(2))
                return date(y, mo, 1), month_end(y, mo)
            if kind == "year":
                return date(max(y, 1), 1, 1), date(y, 12, 31)
            if kind == "decade":
                return date(max(y * 10, 1), 1, 1), date(y * 10 + 9, 12, 31)
            if kind == "century":
                return date(max(y * 100, 1), 1, 1), date(y * 100 + 99, 12, 31)
        except ValueError:
            return None
    return None
