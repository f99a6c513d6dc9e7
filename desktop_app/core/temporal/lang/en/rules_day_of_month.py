"""A day of the month written without its month ('on the 15th', 'until the 3rd'): a day of
the month the text has just named, else of the publication's month by the clause's tense."""

from __future__ import annotations

import re
from datetime import date
from typing import cast

from desktop_app.core.temporal import readings as rd
from desktop_app.core.temporal.calendar import days_in_month, fmt_day, month_name, shift
from desktop_app.core.temporal.context import preceding_word
from desktop_app.core.temporal.grammar import Context, Hit, rule
from desktop_app.core.temporal.lang.en.lexicon import ORDINAL_NUMBER, STEPS

# What may follow such a day: the end of a phrase or a word that opens the next one. Not a
# noun ('the 15th floor', 'the 20th anniversary', 'the 3rd round') nor 'of' ('the 15th of
# March' is a rule of its own; 'the 2nd of the five debates' is none).
_PHRASE_ENDS = (r"(?=\s*[.,;:!?)]|\s*$|\s+(?:and|or|to|through|until|till|at|when|in|as|but|"
                r"with|for|after|before|because|while)\b)")


# The words before it that make it a day ('on the 15th'; not 'in the 15th', a minute or a
# round, nor 'finished the 3rd', a place).
_PREPOSITIONS = ("on", "by", "until", "till", "since", "from", "before", "after", "through",
                 "to")


@rule("day-of-month", r"the\s+(?P<d>[1-3]?\d)(?P<suffix>st|nd|rd|th)"
      r"(?:\s+of\s+(?P<rel>this|next|last)\s+month\b|" + _PHRASE_ENDS + ")", priority=9,
      cues=(ORDINAL_NUMBER,),
      examples=(
          ("The strike began on the 2nd.", "2021-07-02"),  # the publication's month
          ("The vote is on the 15th.", "2021-07-15"),
          ("The strike began on the 20th.", "2021-06-20"),  # past: the month before
          ("The fund will close on the 5th.", "2021-08-05"),  # to come: the month after
          ("They met in March. On the 15th, they met again.", "2021-03-15"),
          ("Bids are due by the 20th of next month.", "2021-08-20"),
      ),
      misses=(
          "She lives on the 15th floor.",
          "They marked it on the 20th anniversary of the war.",
          "He fell in the 3rd round.",
          "It happened on the 2nd of the five days.",
          "on the 45th",
          "He finished the 3rd.",
      ))
def _day_of_month(m: re.Match[str], ctx: Context) -> Hit | None:
    day = int(m["d"])
    anchor = ctx.anchor
    if not 1 <= day <= 31 or anchor is None \
            or preceding_word(ctx.text, m.start()) not in _PREPOSITIONS:
        return None
    rel = (m["rel"] or "").lower()
    named = None if rel else ctx.named_nearby
    if named is not None and named.granularity in ("day", "month"):
        year, mon = cast(date, named.earliest).year, cast(date, named.earliest).month
        if day > days_in_month(year, mon):
            return None
        return Hit("DATE", rd.day(date(year, mon, day), f"the {day}{m['suffix']} of the "
                   f"month just named, {month_name(mon)} {year}"), derived=True)
    year, mon, why = anchor.year, anchor.month, "the month of"
    if rel:
        year, mon = _step(year, mon, STEPS[rel])
        if day > days_in_month(year, mon):
            return None
        return Hit("DATE", rd.day(date(year, mon, day), f"day {day} of {rel} month from "
                                  f"{ctx.anchor_label}, {fmt_day(anchor)}"))
    if ctx.future and day < anchor.day:
        year, mon, why = *_step(year, mon, 1), "the month after"
    elif ctx.past and day > anchor.day:
        year, mon, why = *_step(year, mon, -1), "the month before"
    if day > days_in_month(year, mon):
        return None
    return Hit("DATE", rd.day(date(year, mon, day), f"day {day} of {why} {ctx.anchor_label}, "
                              f"{fmt_day(anchor)}"),
               flags=("no month written: read as " + month_name(mon) + ", by the tense",))


def _step(year: int, mon: int, months: int) -> tuple[int, int]:
    """The year and month ``months`` from year-mon."""
    first = shift(date(year, mon, 1), "M", months)
    return first.year, first.month
