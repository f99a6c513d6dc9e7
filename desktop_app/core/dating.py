"""Date an event from a passage: the selection, then its sentence, then what came before, then
the publication date (assumed). The one date-resolution path of the app, used for new events and
when an article's publication date changes."""

from __future__ import annotations

import functools
import re
from datetime import date

from desktop_app.core.eventdates import from_expression
from desktop_app.core.records import EventDate, Precision
from desktop_app.core.temporal.context import sentence_bounds
from desktop_app.core.temporal.model import TemporalExpression

_WINDOW_BEFORE = 4000  # how far back narrative references ("the same day") are looked for
_WINDOW_AFTER = 600
_PREPOSITION = re.compile(r"(?:\b(?:on|in|at|by|during|since|until|from|over)\s+)$", re.I)


def _phrase(text: str, expr: TemporalExpression) -> str:
    """The expression as a reader sees it, with its preposition: 'On Monday'."""
    m = _PREPOSITION.search(text, max(0, expr.start - 8), expr.start)
    return text[m.start():expr.end] if m else expr.text


def _shifted(expr: TemporalExpression, offset: int) -> TemporalExpression:
    from dataclasses import replace

    return replace(expr, start=expr.start + offset, end=expr.end + offset)


def dated_expressions(text: str, start: int, end: int,
                      published: date | None) -> list[TemporalExpression]:
    """The dated expressions in a window around a passage, with offsets into the whole text."""
    from desktop_app.core.temporal.engine import find_expressions

    lo = max(0, start - _WINDOW_BEFORE)
    hi = min(len(text), end + _WINDOW_AFTER)
    found = find_expressions(text[lo:hi], published, mode="news" if published else "narrative")
    return [_shifted(e, lo) for e in found if e.earliest is not None]


def date_for_passage(text: str, start: int, end: int, published: date | None,
                     today: date | None = None) -> EventDate:
    """Resolve the date of the event a passage describes.

    Pure, so the last few answers are kept: Ctrl+E dates a passage and the inspector then
    asks for the same passage's readings at once.
    """
    return _date_for_passage(text, start, end, published, today or date.today())


@functools.lru_cache(maxsize=32)
def _date_for_passage(text: str, start: int, end: int, published: date | None,
                      today: date) -> EventDate:
    exprs = dated_expressions(text, start, end, published)
    inside = [e for e in exprs if e.start < end and e.end > start]
    if len(inside) > 1:  # a dateline ("LISBON, 3 March 2022 -") dates the story, not the event
        inside = [e for e in inside if not _is_dateline(text, e)] or inside
    if inside:
        return from_expression(inside[0], _phrase(text, inside[0]))
    s, e = sentence_bounds(text, start, end)
    in_sentence = [x for x in exprs if x.start >= s and x.end <= e]
    if in_sentence:
        nearest = min(in_sentence, key=lambda x: min(abs(x.start - end), abs(x.end - start)))
        found = from_expression(nearest, _phrase(text, nearest))
        return _with_rule(found, f"{found.rule} (from the passage's sentence)")
    before = [x for x in exprs if x.end <= start]
    if before:
        found = from_expression(before[-1], _phrase(text, before[-1]))
        return _with_rule(found, f"no date in the passage; the last date mentioned before it: "
                                 f"{found.rule}")
    anchor = published or today
    what = "the publication date" if published else "today (the article has no publication date)"
    return EventDate(start=anchor, precision=Precision.DAY, earliest=anchor, latest=anchor,
                     expression="", rule=f"assumed: no date in or before the passage, so {what}",
                     anchor=anchor, assumed=True)


_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Za-z .'()-]{1,40},[^\n]{0,25}$")
_AFTER_DATELINE = re.compile(r"\s*[-\u2013\u2014:(]")


def _is_dateline(text: str, expr: TemporalExpression) -> bool:
    """A date opening a line after a place name, followed by a dash or colon."""
    line_start = text.rfind("\n", 0, expr.start) + 1
    return bool(_DATELINE.match(text[line_start:expr.start])
                and _AFTER_DATELINE.match(text, expr.end))


def _with_rule(d: EventDate, rule: str) -> EventDate:
    from dataclasses import replace

    return replace(d, rule=rule)
