"""Date an event from a passage: the selection, then its sentence, then what came before, then
the publication date (assumed). The one date-resolution path of the app, used for new events and
when an article's publication date changes."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from datetime import date

from desktop_app.core.eventdates import from_expression, reworded
from desktop_app.core.records import EventDate, Precision
from desktop_app.core.temporal.context import SentenceMarks, sentence_bounds
from desktop_app.core.temporal.lang.en.lexicon import TIME_PREPOSITIONS
from desktop_app.core.temporal.model import TemporalExpression

_WINDOW_BEFORE = 4000  # how far back narrative references ("the same day") are looked for
_WINDOW_AFTER = 600
# An article up to this long is analysed whole, once for all its passages (Ctrl+E, imports
# of annotations, re-dating after a new publication date), the same analysis the reader
# underlines. A longer one in stretches starting and ending on a grid, so that passages near
# each other share one analysis and none waits for a whole book.
_WHOLE = 30_000
_GRID = 10_000
_PREPOSITION = re.compile(r"(?:\b(?:" + "|".join(TIME_PREPOSITIONS) + r")\s+)$", re.I)


def _phrase(text: str, expr: TemporalExpression) -> str:
    """The expression as a reader sees it, with its preposition: 'On Monday'."""
    m = _PREPOSITION.search(text, max(0, expr.start - 8), expr.start)
    return text[m.start():expr.end] if m else expr.text


def _shifted(expr: TemporalExpression, offset: int) -> TemporalExpression:
    # Most callers date from a whole-text analysis (offset 0): a copy each there made a
    # quarter of a million copies for Suggest on 2 MB.
    if not offset:
        return expr
    from dataclasses import replace

    return replace(expr, start=expr.start + offset, end=expr.end + offset)


def _window(length: int, start: int, end: int) -> tuple[int, int]:
    """The stretch of text analysed for a passage: the whole article, or at least 4,000
    characters before the passage and 600 after, widened to the grid."""
    if length <= _WHOLE:
        return 0, length
    lo = max(0, start - _WINDOW_BEFORE) // _GRID * _GRID
    hi = min(length, -(-(end + _WINDOW_AFTER) // _GRID) * _GRID)
    return lo, hi


@functools.lru_cache(maxsize=16)
def _window_expressions(text: str, lo: int, hi: int,
                        published: date | None) -> tuple[TemporalExpression, ...]:
    """The dated expressions of text[lo:hi], with offsets into that stretch.

    A few are kept: passages are dated in text order (Suggest, imports, re-dating), so the
    windows around the next passage are the last ones analysed; keeping a thousand held every
    window of a book-length article at once (420 MB for Suggest on 0.5 MB of dense dates,
    186 MB now, with the same analyses made)."""
    from desktop_app.core.temporal.engine import find_expressions, writes_day_first

    # The order of slashed dates is the whole article's, as its analysis takes it.
    found = find_expressions(text[lo:hi], published, mode="news" if published else "narrative",
                             day_first=writes_day_first(text))
    return tuple(e for e in found if e.earliest is not None)


def dated_expressions(text: str, start: int, end: int,
                      published: date | None) -> list[TemporalExpression]:
    """The dated expressions in a window around a passage, with offsets into the whole text."""
    lo, hi = _window(len(text), start, end)
    return [_shifted(e, lo) for e in _window_expressions(text, lo, hi, published)]


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
    lo, hi = _window(len(text), start, end)
    return _date_among(text, start, end, published, today,
                       _window_expressions(text, lo, hi, published), lo)


class ArticleDating:
    """Dates passage after passage of one article from the expressions of its own analysis
    (Suggest: every dated sentence of it). Each passage takes the same steps as
    ``date_for_passage``, among the expressions around it found by bisection instead of in a
    stretch analysed again: a long article's windows overlap, so dating all its sentences
    analysed each character three times (a minute for 2 MB of dense dates)."""

    def __init__(self, text: str, published: date | None,
                 expressions: Sequence[TemporalExpression]) -> None:
        self._text, self._published = text, published
        self._dated = sorted((e for e in expressions if e.earliest is not None),
                             key=lambda e: (e.start, e.end))
        self._starts = [e.start for e in self._dated]
        self._longest = max((e.end - e.start for e in self._dated), default=0)
        self._marks = SentenceMarks(text)

    def date(self, start: int, end: int, today: date | None = None) -> EventDate:
        s, e = self._marks.bounds(start, end)
        first = bisect.bisect_left(self._starts, min(s, start) - self._longest)
        last = bisect.bisect_left(self._starts, max(e, end))
        before = first - 1  # the last date mentioned before the passage, if none is near
        while before >= 0 and self._dated[before].end > start:
            before -= 1
        near = ([self._dated[before]] if before >= 0 else []) + self._dated[first:last]
        return _date_among(self._text, start, end, self._published, today or date.today(),
                           near, 0, self._marks)


def _date_among(text: str, start: int, end: int, published: date | None, today: date,
                window: Sequence[TemporalExpression], lo: int,
                marks: SentenceMarks | None = None) -> EventDate:
    """A passage's date from the dated expressions of a stretch of the text starting at
    ``lo`` (their offsets are into that stretch), in text order."""
    # Offsets into the window: only the expression chosen is moved into the whole text.
    w_start, w_end = start - lo, end - lo
    inside = [_shifted(e, lo) for e in window if e.start < w_end and e.end > w_start]
    if len(inside) > 1:  # a dateline ("LISBON, 3 March 2022 -") dates the story, not the event
        inside = [e for e in inside if not _is_dateline(text, e)] or inside
    if inside:
        return from_expression(inside[0], _phrase(text, inside[0]))
    s, e = marks.bounds(start, end) if marks else sentence_bounds(text, start, end)
    in_sentence = [_shifted(x, lo) for x in window if x.start >= s - lo and x.end <= e - lo]
    if in_sentence:
        nearest = min(in_sentence, key=lambda x: min(abs(x.start - end), abs(x.end - start)))
        found = from_expression(nearest, _phrase(text, nearest))
        return reworded(found, f"{found.reason} (from the passage's sentence)")
    before = [x for x in window if x.end <= w_start]
    if before:
        last = _shifted(before[-1], lo)
        found = from_expression(last, _phrase(text, last))
        return reworded(found, f"no date in the passage; the last date mentioned before it: "
                               f"{found.reason}")
    anchor = published or today
    what = "the publication date" if published else "today (the article has no publication date)"
    return EventDate(start=anchor, precision=Precision.DAY, earliest=anchor, latest=anchor,
                     expression="", rule=f"assumed: no date in or before the passage, so {what}",
                     anchor=anchor, assumed=True)


_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Za-z .'()-]{1,40},[^\n]{0,25}$")
_AFTER_DATELINE = re.compile(r"\s*[-\u2013\u2014:(]")


_DATELINE_REACH = 80  # past its indentation, the longest line start _DATELINE can match


def _is_dateline(text: str, expr: TemporalExpression) -> bool:
    """A date opening a line after a place name, followed by a dash or colon."""
    # Only the few characters a dateline can have are looked back at, and its indentation:
    # looking for the line's start through a long text without line breaks made dating all
    # its sentences quadratic.
    lo = max(0, expr.start - _DATELINE_REACH)
    line_start = text.rfind("\n", lo, expr.start) + 1
    if line_start == 0 and lo > 0:
        while lo > 0 and text[lo - 1] in " \t":
            lo -= 1
        if lo > 0 and text[lo - 1] != "\n":
            return False  # the line began further back than any dateline reaches
        line_start = lo
    return bool(_DATELINE.match(text[line_start:expr.start])
                and _AFTER_DATELINE.match(text, expr.end))

