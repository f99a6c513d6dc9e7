"""Find a publication date in the first lines of a text (a dateline or 'Published:' line)."""

from __future__ import annotations

import functools
import re
from datetime import date

from desktop_app.core.edits import ArticleDraft

_HEAD_CHARS = 400
_HEAD_LINES = 6
_DATELINE_OFFSET = 30
# How far into a text the latest full date is looked for: an article's own day is written near
# its top; reading all of a long text (4 MB of dense dates) took 8 s at every import.
_GUESS_REACH = 50_000
_LAST_WORD = re.compile(r"([^\W\d_]+)\s+$")
_DATELINE_END = re.compile(r"\s*(?:[-\u2013\u2014:|(]|$)")
_PUBLISHED_LINE = re.compile(r"^\s*(?:published|posted|updated|date|dated)\s*[:\-]?\s*(.+)$",
                             re.IGNORECASE | re.MULTILINE)


def find_dateline(text: str) -> date | None:
    """A full date (day, month and year) in a dateline or 'Published:' line near the top.

    A dateline date sits near the start of one of the first lines ("LISBON, 3 March 2022 -");
    a date deep inside a sentence is what the article is about, not when it was published.
    """
    for m in _PUBLISHED_LINE.finditer(text[:2000]):
        d = _full_date(m.group(1))
        if d:
            return d
    return _dateline(text, None)


def _dateline(text: str, anchor: date | None) -> date | None:
    """A day near the start of one of the first lines; ``anchor`` resolves one written
    without its year ("NAIROBI, Aug 6 -": the last 6 August on or before it)."""
    from desktop_app.core.temporal.engine import find_expressions, writes_day_first

    lines = [ln for ln in text[:_HEAD_CHARS * 3].splitlines() if ln.strip()][:_HEAD_LINES]
    day_first = writes_day_first(text[:_GUESS_REACH])  # as the text writes its other dates
    for line in lines:
        for e in find_expressions(line, anchor, day_first=day_first):
            if e.granularity not in ("day", "time") or e.earliest is None:
                continue
            if anchor is not None and not any(ch.isdigit() for ch in e.text):
                continue  # a dateline writes its day of the month; 'on Monday' is no dateline
            # A dateline's day follows a place or nothing, never running words ("In the
            # Gazette of 17 August 2021 (Part I) the law was ...").
            before = _LAST_WORD.search(line, 0, e.start)
            near_start = e.start <= _DATELINE_OFFSET and not (
                before is not None and before[1][0].islower())
            marked = _DATELINE_END.match(line, e.end) is not None or len(line) <= 100
            if near_start and marked:
                return e.earliest
    return None


@functools.lru_cache(maxsize=4)
def latest_full_date(text: str) -> date | None:
    """The latest explicit full date in a text's first 50,000 characters: a best guess to
    pre-fill when asking the user (kept for the few texts of an import, which ask for it
    while reading the file and again while listing its candidates)."""
    from desktop_app.core.temporal.engine import find_expressions

    head = text[:_GUESS_REACH]
    dates = [e.earliest for e in find_expressions(head, None)
             if e.granularity == "day" and e.earliest is not None]
    return max(dates) if dates else None


def _full_date(text: str) -> date | None:
    from desktop_app.core.temporal.engine import find_expressions

    for e in find_expressions(text, None):
        if e.granularity in ("day", "time") and e.earliest is not None:
            return e.earliest
    return None


def date_candidates(text: str, guess: date | None, today: date | None = None,
                    others: tuple[tuple[date, str], ...] = (),
                    ) -> tuple[tuple[date, str], ...]:
    """The publication dates an article's file and text suggest, best first, each with where
    it came from (what the user is shown when asked): ``others`` are the days the file's
    own sources name; a dateline without its year is read as the last such day before
    ``today``."""
    today = today or date.today()
    found: dict[date, str] = {}
    for day, where in ((guess, "the best candidate"), *others,
                       (find_dateline(text), "a dateline in the text"),
                       (_dateline(text, today), "a dateline without a year, taken as the "
                                                "last such day"),
                       (latest_full_date(text), "the latest full date in the text")):
        if day is not None and day not in found:
            found[day] = where
    return tuple(found.items())


def candidates_of(draft: ArticleDraft) -> tuple[tuple[date, str], ...]:
    """The days to offer when a draft's publication date is asked, best first, with where
    each came from: its pre-filled day, the other days its file names, then its text's."""
    return date_candidates(draft.text, draft.published_guess, others=draft.published_others)


def asks_publication_day(draft: ArticleDraft) -> bool:
    """Whether the user is asked a draft's publication day: none was taken, and its file or
    text names some day to offer, or its text writes days only that day dates ('on
    Monday'). A file with neither (a home page, a product page) is imported undated
    instead: there is nothing to confirm and nothing waits for it; its header says it has
    none until the user gives one."""
    return draft.published is None and (bool(candidates_of(draft))
                                        or writes_relative_days(draft.text))


_ANY_DAY = date(2000, 6, 15)  # an anchor to see which of a text's dates would need one


def writes_relative_days(text: str) -> bool:
    """Whether the text writes a day relative to when it was written ('on Monday',
    'yesterday', 'Christmas'), which only its publication day can date."""
    from desktop_app.core.temporal.engine import find_expressions

    head = text[:_GUESS_REACH]
    absolute = {(e.start, e.end) for e in find_expressions(head, None)}
    return any(e.granularity == "day" and e.earliest is not None
               and (e.start, e.end) not in absolute for e in find_expressions(head, _ANY_DAY))
