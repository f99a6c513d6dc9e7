"""Days counted from a date the text names: 'the day before last Tuesday', 'two days after
Christmas', 'a week after 5 March', 'the day before Tuesday's vote'.

The engine finds the date; this pass reads the count and the direction written just before
it and moves the day by them, as one expression whose ``parts`` are the expressions it was
made of (what TIMEX3 marks). Only a day is moved, by days or whole weeks: 'the week before
Christmas' is a stretch of days, not one, and 'the month after the vote' has no date to
count from. 'the day before the vote' names no date at all (rules_story leaves it undated).
"""

from __future__ import annotations

import re
from datetime import timedelta

from desktop_app.core.temporal import readings as rd
from desktop_app.core.temporal.calendar import fmt_day
from desktop_app.core.temporal.lang.en.lexicon import NUMBERS
from desktop_app.core.temporal.model import TemporalExpression, new_expression

# A count of days or weeks is said in words up to twelve or in digits.
_COUNTS = {w: n for w, n in NUMBERS.items() if 0 < n <= 12 and " " not in w}
_COUNT = "|".join(sorted((*_COUNTS, "the"), key=len, reverse=True))
MEASURED_FROM = r"\s+(?:before|after|prior\s+to|following)\s+"
_OFFSET = re.compile(rf"(?<![\w-])(?P<count>{_COUNT}|\d{{1,3}})\s+(?P<unit>days?|weeks?)"
                     rf"(?P<dir>{MEASURED_FROM})$", re.IGNORECASE)
_LOOK = 40  # characters before a date that can hold its count and direction
_DAYS = {"day": 1, "week": 7}


def _offset_before(text: str, e: TemporalExpression) -> tuple[re.Match[str], int] | None:
    """'two days after ' just before a day the engine found, and the days it moves that
    day by (-2 for 'two days before'), where the count agrees with its unit ('the day', 'a
    week', 'three weeks'; not 'the days', 'two week', nor 'the week', seven days)."""
    if e.granularity != "day" or e.earliest is None or e.type != "DATE":
        return None
    m = _OFFSET.search(text, max(0, e.start - _LOOK), e.start)
    if m is None:
        return None
    count, unit = m["count"].lower(), m["unit"].lower()
    if count == "the":
        if unit != "day":
            return None  # 'the week before': seven days, not one
        n = 1
    else:
        n = int(count) if count.isdigit() else _COUNTS[count]
        if n == 0 or unit.endswith("s") != (n > 1):
            return None
    sign = -1 if m["dir"].split()[0].lower() in ("before", "prior") else 1
    return m, sign * n * _DAYS[unit.rstrip("s")]


def join_offsets(text: str, found: list[TemporalExpression]) -> list[TemporalExpression]:
    """The expressions with the days counted from a date joined into one, in text order;
    an expression inside the count ('two days' read as a duration) goes into its parts."""
    out: list[TemporalExpression] = []
    for e in found:
        offset = _offset_before(text, e)
        if offset is None:
            out.append(e)
            continue
        m, days = offset
        swallowed = []
        while out and out[-1].end > m.start():
            if out[-1].start < m.start():  # an expression that starts before the count
                break
            swallowed.append(out.pop())
        if out and out[-1].end > m.start():
            out.extend(reversed(swallowed))
            out.append(e)
            continue
        assert e.earliest is not None  # _offset_before took days only
        day = e.earliest + timedelta(days=days)
        why = (f"{text[m.start():e.start].strip()!r} {e.text!r}: {abs(days)} day"
               f"{'s' if abs(days) > 1 else ''} {'before' if days < 0 else 'after'} "
               f"{fmt_day(e.earliest)} ({e.explanation})")
        reading = rd.day(day, why)
        out.append(new_expression(
            m.start(), e.end, text[m.start():e.end], "DATE", reading.value, "day", day, day,
            e.anchor, why, (), e.flags, None, (*reversed(swallowed), *(e.parts or (e,)))))
    return out
