"""English pattern building blocks (month and weekday names, day numbers, units, modifiers)
and the words behind them, shared by the English rules."""

from __future__ import annotations

import functools
import re

from desktop_app.core.temporal.calendar import month_name
from desktop_app.core.temporal.lang.en.lexicon import (
    MONTHS,
    NUMBERS,
    RESCHEDULING_VERBS,
    WEEKDAYS,
)
from desktop_app.core.temporal.word_trie import word_trie

MON = (r"(?P<mon>january|february|march|april|may|june|july|august|september|october|"
       r"november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?:\.|(?=\s+\d)))"
       r"(?![a-z])")
WD = (r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
      r"mon\.|tues?\.|wed\.|thu(?:rs?)?\.|fri\.|sat\.|sun\.)")
FULL_MONTH = "|".join(month_name(i).lower() for i in range(1, 13))  # january|...|december
# A verb that moves a date and what follows it in its sentence ('postponed the vote ', 'moved
# the meeting from'): what comes next names the day moved to, or moved from.
RESCHEDULED = r"\b(?:" + "|".join(RESCHEDULING_VERBS) + r")\w*\b[^.;:!?]{0,60}"
# 'of' or 'for' and a capitalised word after a month or weekday make it part of a name ('the
# March for Life', 'Fridays for Future'), where nothing else says it is a date.
NAME_AFTER = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]")
DAYNUM = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
# A time of day: '10:30 a.m.', '14:30 GMT', 'noon'.
CLOCK = (r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm)"
         r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)|(?P<word>noon|midday|midnight))"
         r"(?:\s+(?P<tz>GMT|UTC|EDT|EST|CET|PDT|PST|CST|CDT|local\s+time))?")
YEAR = r"(?P<y>(?:1[0-9]|20)\d{2})(?!\d|[,.]\d)"  # not 2082.1
# A count: no part of a larger number ('2,500 years ago' is no '500 years ago', '1.5 years'
# no '5 years').
NUM = (r"(?P<n>(?<!\d[,.])\d{1,3}(?![,.]\d)|"
       + word_trie(k for k in NUMBERS if NUMBERS[k] != -2) + r")")
UNIT = r"(?P<unit>day|week|fortnight|month|year|decade|centur(?:y|ie)|hour|minute)s?"
MOD = (r"(?P<mod>early|mid|late|the\s+(?:end|beginning|start|middle)\s+of|"
       r"the\s+(?:first|second)\s+half\s+of)")


def number(word: str) -> int:
    """A count written in digits or words; -1 for vague counts such as 'several'."""
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    return NUMBERS.get(w, -1)


@functools.lru_cache(maxsize=512)
def unit_code(word: str) -> str:
    """Normalise a unit word ('weeks', 'centuries') to its code (W, 100Y...); the same few
    words come back again and again."""
    w = word.lower()
    for prefix, code in (("day", "D"), ("fortnight", "2W"), ("week", "W"), ("month", "M"),
                         ("year", "Y"), ("decade", "10Y"), ("centur", "100Y"), ("hour", "H"),
                         ("minute", "MIN"), ("quarter", "Q")):
        if w.startswith(prefix):
            return code
    return "D"


def month_number(word: str) -> int:
    """Month number from a name or abbreviation ('Sept.' -> 9)."""
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    """Weekday number (Monday=0) from a name or abbreviation."""
    return WEEKDAYS[word.lower().rstrip(".")]
