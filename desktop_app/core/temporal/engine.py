"""Find temporal expressions in a text and resolve them, in one left-to-right pass."""

from __future__ import annotations

import bisect
import functools
import logging
import re
from datetime import date
from operator import itemgetter

# Importing the rule modules registers their rules.
import desktop_app.core.temporal.lang.en.rules  # noqa: F401  (registers the English rules)
from desktop_app.core.gc_pause import gc_paused
from desktop_app.core.temporal.calendar import fmt_day
from desktop_app.core.temporal.context import (
    SentenceMarks,
    in_a_title,
    in_quoted_title,
    lowered,
    named_day_start,
    word_before,
)
from desktop_app.core.temporal.grammar import RULES, WEAK_RULES, Context
from desktop_app.core.temporal.lang.en.lexicon import MONTHS, WEEKDAYS
from desktop_app.core.temporal.lang.en.offsets import join_offsets
from desktop_app.core.temporal.lang.en.ranges import join_ranges
from desktop_app.core.temporal.model import TemporalExpression, new_expression
from desktop_app.core.temporal.scan import Candidate, CueIndex, find_candidates, scan_whole

MODES = ("news", "narrative")
_log = logging.getLogger(__name__)


@functools.cache
def _cue_index() -> CueIndex:
    return CueIndex(RULES)


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Keep non-overlapping matches: longest first, then the rule with the lower priority.

    Matches compete only with those they overlap, so the choice is made separately within
    each run of overlapping matches: the same result as one choice over the whole text, in
    time and memory that grow linearly with the text (a dense 16 MB text no longer takes
    minutes).
    """
    chosen: list[Candidate] = []
    group: list[int] = []
    group_end = -1
    for i in sorted(range(len(cands)), key=lambda i: cands[i][0]):
        start, end = cands[i][0], cands[i][1]
        if group and start >= group_end:
            chosen += _select_overlapping(cands, group)
            group = []
        group_end = end if not group else max(group_end, end)
        group.append(i)
    if group:
        chosen += _select_overlapping(cands, group)
    chosen.sort(key=itemgetter(0))
    return chosen


def _select_overlapping(cands: list[Candidate], group: list[int]) -> list[Candidate]:
    """The choice within one run of overlapping matches: longest first, then priority, then
    place; ties keep the scan's order."""
    if len(group) == 1:
        return [cands[group[0]]]
    starts: list[int] = []
    ends: list[int] = []
    chosen = []
    for i in sorted(group, key=lambda i: (cands[i][0] - cands[i][1], cands[i][2].priority,
                                          cands[i][0], i)):
        c = cands[i]
        at = bisect.bisect_left(starts, c[0])
        if at > 0 and ends[at - 1] > c[0]:
            continue
        if at < len(starts) and starts[at] < c[1]:
            continue
        starts.insert(at, c[0])
        ends.insert(at, c[1])
        chosen.append(c)
    return chosen


def find_expressions(text: str, anchor: date | None, mode: str = "news",
                     day_first: bool | None = None) -> list[TemporalExpression]:
    """Every temporal expression in ``text``, resolved against ``anchor`` (the publication date).

    In narrative mode (no reliable publication date) relative expressions are resolved against
    the last absolute date mentioned before them instead. Ranges ('from 5 to 8 July') come as
    one expression with both bounds; its ``parts`` are the points TIMEX3 would mark.
    ``day_first``: how the text writes dates with slashes; None: as its own dates show
    (``writes_day_first``).
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    if day_first is None:
        day_first = writes_day_first(text)
    # The matches, readings and expressions hold no cycles; the collector's passes over all
    # of them made a long text's analysis slower per character the longer it was (17 % of 4
    # MB of dense dates).
    with gc_paused():
        points = _resolve_all(text, _select(_within_lines(
            text, find_candidates(text, _cue_index()))), anchor, mode, day_first)
        return join_offsets(text, join_ranges(text, points))


# A date with slashes ('13/02/2022' can be read only day first, '02/13/2022' only month first).
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")


def writes_day_first(text: str) -> bool:
    """Whether the text writes its dates with slashes day first: some of them can only be
    read that way ('13/02/2022') and none can only be read month first. A British or an
    Indian story's '04/02/2022' is then 4 February, as its other dates show."""
    if "/" not in text:
        return False
    day_first = month_first = False
    for m in _SLASHED.finditer(text):
        a, b = int(m[1]), int(m[2])
        day_first |= 12 < a <= 31 and 1 <= b <= 12
        month_first |= 12 < b <= 31 and 1 <= a <= 12
    return day_first and not month_first


def normalise_span(text: str, start: int, end: int, anchor: date | None, mode: str = "news",
                   day_first: bool | None = None) -> TemporalExpression | None:
    """Resolve text[start:end], known to be a time expression, in the context of the text.

    Only matches inside the span compete for it, weak cues ('soon', 'current') included;
    matches elsewhere still set the narrative context, as in find_expressions.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    if day_first is None:
        day_first = writes_day_first(text)
    outside = [c for c in _within_lines(text, find_candidates(text, _cue_index()))
               if c[1] <= start or c[0] >= end]
    within: list[TemporalExpression] = []
    # Strong and weak rules first; if the rule that claimed the span declined it (a restricted
    # 'current'), the weak cues alone.
    for rules in (RULES + WEAK_RULES, WEAK_RULES):
        inside = scan_whole(text, rules, start, end)
        found = _resolve_all(text, _select(outside + inside), anchor, mode, day_first)
        within = [e for e in found if start <= e.start and e.end <= end]
        if within:
            break
    if not within:
        return None
    return max(within, key=lambda e: (e.end - e.start, e.earliest is not None))


_QUOTE_ENDS = frozenset('"\u201c`\'')  # the last character of an opening quotation mark


def _resolve_all(text: str, chosen: list[Candidate],
                 anchor: date | None, mode: str, day_first: bool) -> list[TemporalExpression]:
    out: list[TemporalExpression] = []
    ref: date | None = None
    last: date | None = None
    last_reading = None
    last_end = -1
    low = lowered(text)
    marks = SentenceMarks(text)
    for start, end, r, m in chosen:
        if r.needs_anchor and anchor is None and ref is None:
            continue
        named = -1
        if start and text[start - 1] in _QUOTE_ENDS and in_quoted_title(text, start, end):
            continue
        if text[start].isupper():  # names and titles: capitals after a capitalised word
            word = word_before(text, start)
            if word[:1].isupper():
                if in_a_title(text, start, end, word):
                    continue
                named = named_day_start(text, start, end, word)
        if named >= 0 and (not out or out[-1].end <= named):
            # 'Super Tuesday': a time expression whose date the text does not give.
            out.append(new_expression(
                named, end, text[named:end], "DATE", "XXXX-XX-XX", "ref", None, None, None,
                f"“{text[named:end]}” names a day; the text does not say which", (), ()))
            continue
        if m is None:  # the cue scan matched the lower-cased text: the same match on the text
            m = r.pattern.match(text, start)
            if m is None or m.end() != end:  # never: lower-casing keeps a pattern's meaning
                continue  # (the scan tests hold it for every candidate)
        ctx = Context(text, low, anchor, ref, last, last_reading, mode, day_first, start, end,
                      marks, last_end)
        try:
            hit = r.handler(m, ctx)
        except (ValueError, OverflowError) as no_date:
            # A day the calendar has not ('31 February', a year past 9999): no date. Any other
            # exception is a fault of the rule and reaches the caller.
            _log.debug("rule %s: %r is no calendar date (%s)", r.name, m.group(), no_date)
            hit = None
        if hit is None:
            continue
        reading = hit.reading
        flags = hit.flags
        if (mode == "narrative" or anchor is None) and r.needs_anchor \
                and ctx.anchor is not None and ctx.anchor_label == "the last date mentioned":
            flags = (*flags, f"counted from the last date mentioned, {fmt_day(ctx.anchor)}: "
                             "the text has no publication date to count from")
        if (anchor is not None and reading.earliest is not None and reading.earliest > anchor
                and hit.type in ("DATE", "TIME") and mode == "news"
                and reading.granularity in ("day", "time", "week", "weekend")
                and not ctx.future):  # the tense test last: it is the dear one
            flags = (*flags, "after the publication date in a clause not about the future")
        # start, end, text, type, value, granularity, earliest, latest, anchor, explanation,
        # alternatives, flags
        out.append(new_expression(
            start, end, text[start:end], hit.type, reading.value, reading.granularity,
            reading.earliest, reading.latest, ctx.anchor if r.needs_anchor else None,
            reading.explanation, hit.alternatives, tuple(flags)))
        if reading.earliest is not None and hit.type in ("DATE", "TIME") and not hit.derived:
            last_reading, last_end = reading, end
        if reading.earliest is not None and reading.granularity in ("day", "time"):
            last = reading.earliest
            if hit.absolute:
                ref = reading.earliest
    return out


def _line_break_at(text: str, start: int, end: int) -> int:
    """Where a match runs on into a new line that starts a new sentence, else -1: a byline's
    time and the next paragraph's 'On Thursday' ('10:32 AM\\nOn Thursday') are two
    expressions; a date wrapped inside its sentence ('on 5\\nJuly') is one."""
    at = text.find("\n", start, end)
    while at != -1:
        rest = text[at:end].lstrip()
        word = rest.split(None, 1)[0].lower().rstrip(".,") if rest else ""
        if rest[:1].isupper() and word not in MONTHS and word not in WEEKDAYS:
            return at
        at = text.find("\n", at + 1, end)
    return -1


def _within_lines(text: str, cands: list[Candidate]) -> list[Candidate]:
    """The candidates, each cut before a line break that starts a new sentence (or dropped
    where its rule cannot match the shorter text)."""
    out = []
    for c in cands:
        cut = _line_break_at(text, c[0], c[1]) if text.find("\n", c[0], c[1]) != -1 else -1
        if cut == -1:
            out.append(c)
            continue
        while cut > c[0] and text[cut - 1].isspace():
            cut -= 1
        m = c[2].pattern.match(text, c[0], cut)
        if m is not None and m.end() > m.start():
            out.append((m.start(), m.end(), c[2], m))
    return out


def resolve_span(text: str, start: int, end: int, anchor: date | None, mode: str = "news",
                 day_first: bool = False) -> TemporalExpression | None:
    """The expression a selection [start, end) contains or overlaps; dated ones preferred.

    The whole text is scanned so that narrative anchors ("the same day") see what came before.
    """
    best: TemporalExpression | None = None
    for expr in find_expressions(text, anchor, mode, day_first):
        if expr.start >= end:
            break
        if expr.end <= start:
            continue
        if best is None or (expr.earliest is not None and best.earliest is None):
            best = expr
    return best
