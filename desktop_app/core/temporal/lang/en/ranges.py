"""Ranges: 'from 5 to 8 July', 'between 12 and 14 July', '20-22 July', 'from March to May',
'Monday through Friday', '2014-19', and open ranges ('since March').

TIMEX3 writes a range as its two points; the engine finds the points first, and this pass
joins the ones the text links ('from X to Y') into one expression with both bounds. The
range keeps the points it was built from (``parts``), so what scores TIMEX3 points sees
exactly what it saw before. The pass only looks at a few characters around each expression
found, so it costs little beside the scan.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from desktop_app.core.temporal import readings as rd
from desktop_app.core.temporal.calendar import fmt_day, month_end, month_name
from desktop_app.core.temporal.lang.en.lexicon import (
    MONTHS,
    PLURALS_WITHOUT_S,
    RANGE_DASHES,
    RANGE_OPENERS,
    RANGE_TO_WORDS,
    WEEKDAYS,
)
from desktop_app.core.temporal.lang.en.patterns import CLOCK, FULL_MONTH, RESCHEDULED
from desktop_app.core.temporal.model import Reading, TemporalExpression, new_expression

_DASH = "[" + "".join(RANGE_DASHES) + "]"
_TO = "(?:" + "|".join(RANGE_TO_WORDS) + ")"
_CONNECTOR = rf"(?:{_DASH}|{_TO}\b|and\b)"
_OPENER = "(?:" + "|".join(o for o in RANGE_OPENERS if o != "since") + ")"
_ORD = r"(?:st|nd|rd|th)?"
# What may stand between the two points: a dash, 'to', 'through', 'until', or 'and'
# (after 'between' only).
_GAP = re.compile(rf"\s*(?P<c>{_CONNECTOR})\s*$", re.I)
_OPENED = re.compile(rf"(?:^|(?<=[^\w]))(?P<o>{_OPENER}|since)\s+$", re.I)
# '5-8 July', 'from 5 to 8 July', 'between 12 and 14 July': a day number before a date whose
# month (and year) it shares. The end's own day is in the date ('8 July') or, after a dash,
# in front of it when the engine could only take 'July 2021'.
_DAY_BEFORE = re.compile(rf"(?:(?P<o>{_OPENER})\s+)?(?<![\w.,/-])(?P<d1>[0-3]?\d){_ORD}\s*"
                         rf"(?P<c>{_CONNECTOR})\s*(?:(?P<d2>[0-3]?\d){_ORD}\.?\s+(?:of\s+)?)?$",
                         re.I)
# After a date, the same kind of point again: 'July 5-8', 'July 5 to 8, 2021', 'March to
# May', '2010 and 2015', '2014-19'. A number that counts something is no day or year.
_YEAR = r"(?:1[0-9]|20)\d\d"
_NO_COUNT = (r"(?![\w:/-]|[.,]\d|\s*(?:%|per\b|percent|[ap]\.?m\b|o'clock|[a-z]+s\b|"
             + "|".join(PLURALS_WITHOUT_S) + "))")
_DAY_AFTER = re.compile(rf"\s*(?P<c>{_CONNECTOR})\s*(?P<d>[0-3]?\d){_ORD}"
                        rf"(?:,?\s+(?P<y>{_YEAR}))?{_NO_COUNT}", re.I)
_MONTH_AFTER = re.compile(rf"\s*(?P<c>{_CONNECTOR})\s*(?P<m>{FULL_MONTH})\b"
                          rf"(?:\s+(?P<y>{_YEAR})(?![\w:/%-]|[.,]\d)|(?!\s+\d))", re.I)
_YEAR_AFTER = re.compile(rf"\s*(?P<c>{_CONNECTOR})\s*(?P<y>{_YEAR}|\d\d)(?![\w:/%-]|[.,]\d)",
                         re.I)
_RESCHEDULED = re.compile(RESCHEDULED + "$", re.I)
_LOOK = 48  # characters looked at before an expression
_DIGIT = re.compile(r"\d")
_AFTER_CUE = re.compile(rf" ?(?:{_DASH}|{_TO}\b|and\b)", re.I)  # what any end starts with
# How any end after an expression begins, and how anything before one that can start a range
# ends (its last character or two): cheap tests before the expressions above.
_STARTS_AFTER = (*RANGE_DASHES, *(w + " " for w in RANGE_TO_WORDS), "and ",
                 *(w.capitalize() + " " for w in RANGE_TO_WORDS))
_LAST_BEFORE = frozenset("0123456789." + "".join(RANGE_DASHES))
_ENDS_BEFORE = tuple({w[-2:] for w in (*RANGE_TO_WORDS, "and", "since")}
                     | {w[-2:].upper() for w in (*RANGE_TO_WORDS, "and", "since")}
                     | {"st", "nd", "rd", "th"})
# What any start ends with, just before the expression: a day number, a connector, 'since'.
_BEFORE_CUE = re.compile(rf"(?:\d{_ORD}\.?|{_DASH}|\b(?:{_TO}|and|since)) ?$", re.I)


def _is_point(e: TemporalExpression) -> bool:
    return e.earliest is not None and e.latest is not None and e.type in ("DATE", "TIME") \
        and e.granularity != "range" and not e.value.startswith(("P", "PRESENT", "PAST",
                                                                        "FUTURE"))


def _allowed(connector: str, opener: str | None) -> bool:
    """'and' joins only after 'between'; 'between' wants 'and'."""
    c, o = connector.lower(), (opener or "").lower()
    if c == "and":
        return o == "between"
    return o != "between"


def _rescheduled(text: str, opener_at: int) -> bool:
    """'moved the meeting from Monday to Friday' names two dates, not a stretch of time."""
    return bool(_RESCHEDULED.search(text, max(0, opener_at - 70), opener_at))


def _range(text: str, start: int, end: int, first: Reading, last: Reading, why: str,
           parts: tuple[TemporalExpression, ...], anchor: date | None,
           flags: tuple[str, ...] = ()) -> TemporalExpression | None:
    # The end must reach past the start: '22/11/2020 - 04:30' is a day and its time, and
    # 'since July' in July is no stretch of time yet; two times of one day, by the clock
    # ('from 10 a.m. to 6 p.m. Tuesday').
    if first.earliest is None or first.latest is None or last.latest is None \
            or last.earliest is None or last.earliest < first.earliest:
        return None
    if last.latest <= first.latest and not (first.granularity == last.granularity == "time"
                                            and last.value > first.value):
        return None
    return new_expression(start, end, text[start:end], "DATE", f"{first.value}/{last.value}",
                          "range", first.earliest, last.latest, anchor, why, (), flags,
                          (first, last), parts)


def _opener_before(text: str, at: int) -> tuple[str | None, int]:
    m = _OPENED.search(text, max(0, at - 12), at)
    return (m["o"], m.start("o")) if m else (None, at)


def _pair(text: str, a: TemporalExpression, b: TemporalExpression) -> TemporalExpression | None:
    """'from X to Y', 'X-Y', 'between X and Y', 'X through Y' where both are found points."""
    if b.start - a.end > 12 or not (_is_point(a) and _is_point(b)):
        return None
    gap = _GAP.match(text, a.end, b.start)
    if gap is None or gap.start("c") == a.end and gap["c"].isalpha():
        return None
    opener, at = _opener_before(text, a.start)
    if opener and opener.lower() == "since" or not _allowed(gap["c"], opener):
        return None
    if opener and _rescheduled(text, at):
        return None
    first, last = _in_the_year_of(a, b), _after_the_start(a, b)
    why = (f"a range: from “{a.text}” ({first.explanation}) to “{b.text}” "
           f"({last.explanation})")
    return _range(text, at, b.end, first, last, why, (a, b), a.anchor or b.anchor,
                  a.flags + b.flags)


# A time of day written alone ('10 a.m.', '14:30 GMT', 'noon'), with no day of its own.
_BARE_CLOCK = re.compile(CLOCK + "$", re.IGNORECASE)
# A year written, or said from the publication date ('July 23-August 8 next year').
_YEAR_WRITTEN = re.compile(r"\d{4}|'\d\d\b|\b(?:this|last|next)\s+year\b", re.I)


def _in_the_year_of(a: TemporalExpression, b: TemporalExpression) -> Reading:
    """The start of 'from 28 June to 3 July 2020', 'from March to May 2021', 'July 23-August
    8 next year': written without a year, it is in the end's (or the year before, 'from
    November to February 2021'); it had been read alone, in the publication date's year. A
    time of day alone ('from 10 a.m. to 6 p.m. Tuesday') is on the end's day."""
    first = a.reading()
    if a.granularity == "time" and b.earliest is not None and _BARE_CLOCK.match(a.text) \
            and b.granularity in ("time", "day"):
        # 'from 10 a.m. to 6 p.m. Tuesday, March 10': the start's time on the end's day
        day = b.earliest
        return Reading(day.isoformat() + a.value[a.value.index("T"):], "time", day, day,
                       f"{a.text} on {b.text}'s day, the range's end")
    if a.earliest is None or b.earliest is None or _YEAR_WRITTEN.search(a.text) \
            or not _YEAR_WRITTEN.search(b.text) or a.granularity not in ("day", "month"):
        return first
    return _in_year_of_end(a.earliest, a.granularity, b.earliest) or first


def _in_year_of_end(start: date, granularity: str, end: date) -> Reading | None:
    """A range's start written without its year ('day' or 'month'), in the year of its end,
    or the year before where it would then come after the end; None where it cannot be."""
    for year in (end.year, end.year - 1):
        day = _day(year, start.month, start.day if granularity == "day" else 1)
        if day is not None and day <= end:
            why = f"in {year}, the year of the range's end"
            return rd.day(day, why) if granularity == "day" else rd.month(year, day.month, why)
    return None


def _after_the_start(a: TemporalExpression, b: TemporalExpression) -> Reading:
    """The end of 'from Monday to Friday' (read alone, the Friday before the Monday) or of
    'from November to February' written without a year: the first such day or month after
    the start."""
    last = b.reading()
    if a.earliest is None or b.earliest is None or b.latest is None or b.latest > a.earliest \
            or _YEAR_WRITTEN.search(b.text) or _DIGIT.search(b.text) and b.granularity != "day":
        return last
    if b.text.lower().rstrip(".") in WEEKDAYS:
        weeks = (a.earliest - b.earliest).days // 7 + 1
        return rd.day(b.earliest + timedelta(weeks=weeks),
                      f"the first {b.text} after the range's start")
    if b.granularity == "day":
        next_year = _day(b.earliest.year + 1, b.earliest.month, b.earliest.day)
        return rd.day(next_year, "the first such day after the range's start") \
            if next_year else last
    if b.granularity == "month":
        return rd.month(b.earliest.year + 1, b.earliest.month,
                        "the first such month after the range's start")
    return last


def _start_day_before(text: str, e: TemporalExpression) -> TemporalExpression | None:
    """'5-8 July', 'from 5 to 8 July 2021', 'between 12 and 14 July': the first day borrows
    the month and year of the date after it."""
    if not text[e.start:e.start + 1].isalnum() or e.granularity not in ("day", "month") \
            or _DIGIT.search(text, max(0, e.start - 14), e.start) is None \
            or not _is_point(e) or e.earliest is None:
        return None
    m = _DAY_BEFORE.search(text, max(0, e.start - _LOOK), e.start)
    if m is None or not _allowed(m["c"], m["o"]):
        return None
    if m["d2"]:  # '5-8 July 2021' where the engine found 'July 2021'
        if e.granularity != "month" or not e.text[:1].isalpha():
            return None
        last_day = _day(e.earliest.year, e.earliest.month, int(m["d2"]))
        end_text = f"{m['d2']} {e.text}"
        end = rd.day(last_day, f"day {m['d2']} of {e.text} ({e.explanation})") if last_day else None
    else:
        if e.granularity != "day" or not e.text[:1].isdigit():
            return None
        last_day, end_text, end = e.earliest, e.text, e.reading()
    if last_day is None or end is None:
        return None
    first_day = _day(last_day.year, last_day.month, int(m["d1"]))
    if first_day is None or first_day >= last_day:
        return None
    if m["o"] and _rescheduled(text, m.start("o")):
        return None
    begin = rd.day(first_day, f"day {m['d1']} of the month and year of “{end_text}”")
    why = (f"a range from {fmt_day(first_day)} to {fmt_day(last_day)}: the start day "
           f"{m['d1']} takes its month and year from the end, “{end_text}” ({end.explanation})")
    start = m.start("o") if m["o"] else m.start("d1")
    return _range(text, start, e.end, begin, end, why, (e,), e.anchor, e.flags)


def _same_kind_after(text: str, e: TemporalExpression) -> TemporalExpression | None:
    """The end written as the same kind of point as the start, but shorter: 'July 5-8',
    'March to May', 'between 2010 and 2015', '2014-19'."""
    if e.granularity not in ("day", "month", "year") or not _is_point(e) or e.earliest is None:
        return None
    opener, at = _opener_before(text, e.start)
    if opener and opener.lower() == "since":
        return None
    y0, m0 = e.earliest.year, e.earliest.month
    first = e.reading()
    end: Reading | None = None
    matched: re.Match[str] | None = None
    if e.granularity == "day" and e.text[-1:].isdigit():
        matched = _DAY_AFTER.match(text, e.end)
        if matched:
            year = int(matched["y"]) if matched["y"] else y0
            last_day = _day(year, m0, int(matched["d"]))
            if last_day is None or last_day <= e.earliest and not matched["y"]:
                return None
            end = rd.day(last_day, f"day {matched['d']} of the month of “{e.text}”")
            if matched["y"]:  # 'July 5 to 8, 2020': the year after the range is the start's
                first_day = _day(year, m0, e.earliest.day)
                if first_day is None:
                    return None
                first = rd.day(first_day, f"“{e.text}” in {year}, the year after the range")
    elif e.granularity == "month" and e.text[:1].isalpha():
        matched = _MONTH_AFTER.match(text, e.end)
        if matched and matched["y"] and not _YEAR_WRITTEN.search(e.text):
            # 'July-August 2022': both in the year written after the second
            m1, year = MONTHS[matched["m"].lower()], int(matched["y"])
            end = rd.month(year, m1, f"{month_name(m1)} {year}")
            first = _in_year_of_end(e.earliest, "month", date(year, m1, 1)) or first
        elif matched and not matched["y"]:
            m1 = MONTHS[matched["m"].lower()]
            year = y0 if m1 > m0 else y0 + 1
            end = rd.month(year, m1, f"{month_name(m1)} after {month_name(m0)} {y0}")
    elif e.granularity == "year" and e.text.isdigit():
        matched = _YEAR_AFTER.match(text, e.end)
        if matched:
            raw = matched["y"]
            year = int(raw) if len(raw) == 4 else y0 // 100 * 100 + int(raw)
            if not y0 < year <= y0 + 100:
                return None
            end = rd.year(year, "the year that ends the range" if len(raw) == 4
                          else f"'{raw}' as the last two digits of a year after {y0}")
    if matched is None or end is None:
        return None
    return _finish(text, e, matched, at, opener, first, end)


def _finish(text: str, e: TemporalExpression, matched: re.Match[str], at: int,
            opener: str | None, first: Reading, end: Reading) -> TemporalExpression | None:
    if not _allowed(matched["c"], opener) or matched.start("c") == e.end and matched["c"].isalpha():
        return None
    if opener and _rescheduled(text, at):
        return None
    end_text = text[matched.end("c"):matched.end()].strip()
    why = (f"a range: from “{e.text}” ({first.explanation}) to “{end_text}” "
           f"({end.explanation})")
    return _range(text, at, matched.end(), first, end, why, (e,), e.anchor, e.flags)


def _since(text: str, e: TemporalExpression) -> TemporalExpression | None:
    """'since March': open at the end, which is the publication date (the text's now)."""
    if text.find("ince", max(0, e.start - 7), e.start) == -1 or not _is_point(e) \
            or e.anchor is None or e.earliest is None or e.earliest > e.anchor:
        return None
    opener, at = _opener_before(text, e.start)
    if not opener or opener.lower() != "since" or e.granularity == "time":
        return None
    now = rd.day(e.anchor, "the publication date: the range is still open")
    why = (f"an open range: from “{e.text}” ({e.explanation}) until the publication date, "
           f"{fmt_day(e.anchor)}")
    return _range(text, at, e.end, e.reading(), now, why, (e,), e.anchor, e.flags)


def _day(year: int, month: int, day: int) -> date | None:
    if not 1 <= day <= month_end(year, month).day:
        return None
    return date(year, month, day)


def join_ranges(text: str, found: list[TemporalExpression]) -> list[TemporalExpression]:
    """The expressions with the ranges the text makes of them joined, in text order.

    Most expressions have nothing after them that could end a range and no day number or
    'since' before them: two cheap tests settle those."""
    out: list[TemporalExpression] = []
    i, n = 0, len(found)
    after_cue = _AFTER_CUE.match
    while i < n:
        e = found[i]
        joined = None
        k = e.end + 1 if text[e.end:e.end + 1] == " " else e.end
        if text.startswith(_STARTS_AFTER, k) and after_cue(text, e.end) is not None:
            if i + 1 < n:
                joined = _pair(text, e, found[i + 1])
            if joined is None:
                joined = _same_kind_after(text, e)
        j = e.start - 1 if text[e.start - 1:e.start] == " " else e.start
        if joined is None and j > 0 and (text[j - 1] in _LAST_BEFORE
                                         or text.endswith(_ENDS_BEFORE, max(0, j - 2), j)) \
                and _BEFORE_CUE.search(text, max(0, e.start - 7), e.start) is not None:
            joined = _start_day_before(text, e) or _since(text, e)
        covered = i + 1  # a range may take in what follows ('July 5 to 8, 2020')
        while joined is not None and covered < n and found[covered].start < joined.end:
            covered += 1
        if joined is not None and joined.start >= (out[-1].end if out else 0) \
                and (covered == i + 1 or found[covered - 1].end <= joined.end):
            out.append(joined)
            i = covered
        else:
            if text.endswith(" and ", 0, e.start) and (before := _day_and(text, e)) is not None \
                    and before.start >= (out[-1].end if out else 0):
                out.append(before)  # 'on 24 and 25 April'
            out.append(e)
            i += 1
            if text.startswith(" and ", e.end) and (both := _and_day(text, e)) is not None:
                while i < n and found[i].start < both[1].end:  # 'July 5 and 8, 2020'
                    i += 1
                out[-1:] = both
    return out


_DAY_AND = re.compile(rf"(?<![\w.,/-])(?P<d>[0-3]?\d){_ORD} and $")


def _day_and(text: str, e: TemporalExpression) -> TemporalExpression | None:
    """'on 24 and 25 April': the first day, a point of its own in the month and year of the
    date after it."""
    if e.granularity != "day" or not e.text[:1].isdigit() or e.earliest is None \
            or not _is_point(e):
        return None
    matched = _DAY_AND.search(text, max(0, e.start - 10), e.start)
    if matched is None or _opener_before(text, matched.start())[0] is not None:
        return None  # 'between 12 and 14 July' is a range
    day = _day(e.earliest.year, e.earliest.month, int(matched["d"]))
    if day is None or day >= e.earliest:
        return None
    why = f"day {matched['d']} of the month and year of “{e.text}”, which follows after 'and'"
    start, end = matched.start(), matched.end() - len(" and ")
    return new_expression(start, end, text[start:end], "DATE", day.isoformat(), "day", day,
                          day, e.anchor, why, (), e.flags)


def _and_day(text: str, e: TemporalExpression,
             ) -> tuple[TemporalExpression, TemporalExpression] | None:
    """'on April 24 and 25', 'on July 5 and 8, 2020': the first day, in the year written
    after both, and the second, a point of its own in the same month (two days, not the
    stretch between them, which 'between' or 'to' would make)."""
    if e.granularity != "day" or not e.text[-1:].isdigit() or e.earliest is None \
            or not _is_point(e):
        return None
    matched = _DAY_AFTER.match(text, e.end)
    if matched is None or matched["c"].lower() != "and":
        return None
    year = int(matched["y"]) if matched["y"] else e.earliest.year
    first, day = _day(year, e.earliest.month, e.earliest.day), \
        _day(year, e.earliest.month, int(matched["d"]))
    if first is None or day is None or day <= first:
        return None
    if matched["y"]:
        e = new_expression(e.start, e.end, e.text, "DATE", first.isoformat(), "day", first,
                           first, e.anchor, f"“{e.text}” in {year}, the year written after "
                           f"both days", (), e.flags)
    start = matched.start("d")
    why = f"day {matched['d']} of the month of “{e.text}”, which it follows after 'and'"
    return e, new_expression(start, matched.end(), text[start:matched.end()], "DATE",
                             day.isoformat(), "day", day, day, e.anchor, why, (), e.flags)
