"""Rules for the date the story is at: 'that day', 'the same month', 'the month', 'the day
before', 'the third straight day' (the last date mentioned, else the publication date)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from desktop_app.core.temporal import readings as rd
from desktop_app.core.temporal.calendar import fmt_day, shift
from desktop_app.core.temporal.context import preceding_word
from desktop_app.core.temporal.grammar import Context, Hit, rule
from desktop_app.core.temporal.lang.en.lexicon import DAY_NAMES, PARTS_OF_DAY, PERIOD_PARTS
from desktop_app.core.temporal.lang.en.offsets import MEASURED_FROM
from desktop_app.core.temporal.lang.en.patterns import unit_code
from desktop_app.core.temporal.lang.en.rules_relative import (
    NAMED_GRANULARITIES,
    OF_WHAT,
    at_granularity,
    story_quarter,
)
from desktop_app.core.temporal.lang.en.rules_weekdays import with_part_of_day
from desktop_app.core.temporal.model import Reading

# 'the week to 28 September', 'the week ending Friday': the date after it says which (a quarter
# or year 'ended June 30' is the one reported, read as such); 'a high for the year of $42'.
_ENDING_AT = re.compile(r"\s+(?:to|ending|ended|through)\s")
# 'the day before the vote', 'the week after Christmas': counted from what follows, which is
# no date ('the vote'), or a date the offsets pass counts from ('the day before Tuesday').
_MEASURED = re.compile(MEASURED_FROM, re.IGNORECASE)
_IN_THE = re.compile(r"\b(?:in|of|during)\s+$", re.IGNORECASE)
_APPOSED = re.compile(r"\s*,\s*$")
# ... or after 'and', or after an apposed weekday ('Dec. 18, a Wednesday and the day ...')
_AND_APPOSED = re.compile(r"\s*(?:,\s*(?:an?\s+\w+\s*)?)?(?:,?\s*and)?\s*$")
_OF_PRICE = re.compile(r"\s+of\s+[$€£¥]")

_STORY_UNITS = ("day", "week", "month", "quarter", "year", "morning", "evening", "night")
# 'the same day that', 'the same day when', 'the same day as': what follows says which day.
_SAME_AS_WHAT = re.compile(r"\s+(?:that|when|as)\b", re.IGNORECASE)


@rule("anaphoric", r"(?:(?P<pre>earlier|later)\s+)?(?:(?P<same>the\s+same|that(?:\s+same)?|"
      r"the\s+following|the\s+next|the\s+previous)\s+)"
      r"(?P<unit>" + "|".join(_STORY_UNITS) + ")", priority=11,
      cue_in="unit", also=("same", "that", "following", "next", "previous"),
      examples=(
          ("On 3 March 2020 he left. He returned the next day.", "2020-03-04"),
          ("He resigned on March 3, the same day that the Pope visited.", "2021-03-03"),
      ),
      misses=(
          # the day of what follows, which the text does not date
          "The editor went up to the tower, which was the same day that the Pope visited.",
      ))
def _anaphoric(m: re.Match[str], ctx: Context) -> Hit | None:
    last = ctx.last_reading
    unit_word = m["unit"].lower()
    if unit_word == "day" and _SAME_AS_WHAT.match(ctx.text, m.end()) \
            and m["same"].lower().startswith("the same") \
            and not _apposed(ctx, m.start(), _AND_APPOSED):
        return None  # 'the same day that the Pope visited': the day of what follows
    if unit_word == "quarter":
        quarter = story_quarter(ctx)
        return Hit("DATE", quarter, derived=True) if quarter else None
    if unit_word in ("month", "year") and last is not None and last.earliest is not None \
            and " ".join(m["same"].lower().split()) in ("that", "the same", "that same"):
        why = f"{m.group(0).lower()!r} refers back to {last.value}"
        if unit_word == "year":
            return Hit("DATE", rd.year(last.earliest.year, why))
        if last.granularity in ("day", "time", "week", "month"):
            return Hit("DATE", rd.month(last.earliest.year, last.earliest.month, why))
    which = " ".join(m["same"].lower().split())
    step = {"the following": 1, "the next": 1, "the previous": -1}.get(which, 0)
    if step and unit_word in ("month", "year", "week") and last is not None \
            and last.earliest is not None:
        code = unit_code(unit_word)
        why = f"{m.group(0).lower()!r}: one {unit_word} from {last.value}"
        return Hit("DATE", at_granularity(shift(last.earliest, code, step), code, why))
    anchor = ctx.ref_or_anchor
    if anchor is None:
        return None
    unit = m["unit"].lower()
    step = {"the following": 1, "the next": 1, "the previous": -1}.get(which, 0)
    label = "the last date mentioned" if ctx.last else ctx.anchor_label
    why = f"{m.group(0).lower()!r} refers back to {label}, {fmt_day(anchor)}"
    if unit in PARTS_OF_DAY:
        typ, reading = with_part_of_day(rd.day(anchor + timedelta(days=step), why), unit)
        return Hit(typ, reading)
    code = unit_code(unit)
    return Hit("DATE", at_granularity(shift(anchor, code, step), code, why))


_ENDED = re.compile(r"\s+end(?:ed|ing)\b", re.IGNORECASE)


def _apposed(ctx: Context, at: int, joined: re.Pattern[str] = _APPOSED) -> bool:
    """Whether the expression at ``at`` follows the last date after a comma: 'last seen Nov.
    3, the day before ...' says which day Nov. 3 was, it does not count from it."""
    return ctx.last_reading is not None and ctx.last_end >= 0 \
        and joined.fullmatch(ctx.text, ctx.last_end, at) is not None


_OF_BEFORE = re.compile(r"(?P<part>\w+)\s+[Oo][Ff]\s+$")
_THE_UNITS = ("day", "week", "month", "quarter", "year", "period")


@rule("the-unit", r"(?:(?P<part>late\s+in|early\s+in|the\s+start\s+of|the\s+end\s+of)\s+)?"
      r"the\s+(?:(?P<latest>latest|most\s+recent|current)\s+)?(?:(?:full|fiscal|entire|whole)"
      r"[\s-]+)?(?P<unit>" + "|".join(_THE_UNITS) + ")"
      # 'The day before, he had called.', 'up from the year previous': a step from the date
      # the story is at, where nothing follows ('the week before the vote' is no date).
      r"(?:\s+(?P<dir>before|earlier|prior|previous|after|later)"
      "(?=\\s*(?:[,.;:!?)\"'”’]|$)))?", priority=30,
      cue_in="unit",
      examples=(
          ("Sales for the year rose.", "2021"),
          ("It was signed in March. The month before, talks stalled.", "2021-02"),
          ("He arrived on Monday. The day before, he had called.", "2021-07-04"),
          ("Sales rose from the year prior.", "2020"),
          ("In early February he demanded a withdrawal by the end of the month.", "2021-02"),
          ("Sales fell in 2019, the worst result of the year.", "2019"),
          ("It lost money in the fourth quarter of 2019 and for the entire year.", "2019"),
          ("He left on July 7, a Wednesday and the day the House voted.", "2021-07-07"),
      ),
      misses=(
          # which day or year is said by what follows, not by the date the story is at
          "He was calm on the day of the attack.",
          "It was the year of the vote.",
          "Cases rose by six percent in the week to 28 September.",
          "She was named Player of the Year.",  # an award
          "They met the day before the vote.",  # counted from no date
          "ENTERTAINER OF THE YEAR - Luke Bryan",
          "Recalling the day Farrow learned of the affair, he wept.",  # an event's day
          "He said that on the day in question, he was home.",
      ))
def _the_unit(m: re.Match[str], ctx: Context) -> Hit | None:
    """'the day', 'the quarter': the period of the date the story is at (the last one
    mentioned, else the publication date); a bare 'the quarter' in financial news is the
    quarter just reported."""
    unit = m["unit"].lower()
    if m["unit"][0].isupper() and (of := _OF_BEFORE.search(
            ctx.text, max(0, m.start() - 24), m.start())) is not None \
            and of["part"].lower() not in PERIOD_PARTS:
        return None  # 'Player of the Year', 'SONG OF THE YEAR': an award's name (not 'the
        # End of the Year' of a headline)
    if unit in ("day", "week", "month") and not m["dir"] and _ENDING_AT.match(ctx.text, m.end()):
        return None  # 'the week to 28 September': the date after it says which
    if unit == "day" and not (m["dir"] or m["part"]) and _said_by_what_follows(ctx, m.end()) \
            and not _apposed(ctx, m.start(), _AND_APPOSED):
        return None  # 'the day Farrow learned of it', 'on the day in question': an event's
        # (but 'on Dec. 18, a Wednesday and the day the House voted': Dec. 18)
    if not (m["dir"] or m["part"]) and _MEASURED.match(ctx.text, m.end()) \
            and not (unit == "day" and _IN_THE.search(ctx.text, max(0, m.start() - 12),
                                                      m.start())) \
            and not _apposed(ctx, m.start()):
        return None  # 'the day before the vote': not the day the story is at (but 'later
        # in the day before returning', and 'Nov. 3, the day before the raid': Nov. 3)
    if not m["dir"] and OF_WHAT.match(ctx.text, m.end()) \
            and not _OF_PRICE.match(ctx.text, m.end()):
        return None  # 'the day of the attack', 'the year of the vote' (not 'a high for the
        # year of $42'): which day or year is said by what follows
    if unit == "period":
        if not m["latest"]:
            return None
        unit = "quarter"  # 'the latest period' of a company report
    if unit == "quarter":
        if m["latest"]:  # the last completed quarter, even right after an upcoming one
            quarter = story_quarter(replace(ctx, last_reading=None))
            return Hit("DATE", quarter) if quarter else None
        quarter = story_quarter(ctx)
        return Hit("DATE", quarter) if quarter else None
    if m["dir"] and unit in ("day", "week", "month", "year"):
        return _unit_apart(m, ctx, unit, 1 if m["dir"].lower() in ("after", "later") else -1)
    if unit == "year" and _ENDED.match(ctx.text, m.end()):  # 'the year ended March 31'
        return Hit("DURATION", Reading("P1Y", "duration", None, None,
                                       "a (fiscal) year: the twelve months up to the date given"))
    named = _named_in_sentence(ctx, unit) if not m["latest"] else None
    if named is not None:  # 'in early February ... by the end of the month': February's
        return Hit("DATE", named, derived=True)
    anchor = ctx.ref_or_anchor
    if anchor is None:
        return None
    why = f"{m.group(0).lower()!r}: the {unit} of {fmt_day(anchor)}"
    if unit == "year" and m["latest"] in ("latest", "most recent"):
        return Hit("DATE", rd.year(anchor.year - 1, "the last completed year"))
    return Hit("DATE", at_granularity(anchor, unit_code(unit), why))




# What opens a clause or phrase that says which day is meant ('the day Farrow learned of the
# affair', 'the day that', 'the day in question', 'the day the vote took place').
_WHICH_DAY_AFTER = re.compile(r"\s+(?:(?:that|when|in\s+question|he|she|they|we|i|it|you|his|"
                              r"her|their|our|its|the|a|an)\b|(?P<name>[A-Z][\w'’]*))")


def _said_by_what_follows(ctx: Context, at: int) -> bool:
    """Whether what follows 'the day' at ``at`` says which day it is: a clause or 'in
    question'; not a weekday or month ('during the day Friday')."""
    m = _WHICH_DAY_AFTER.match(ctx.text, at)
    return m is not None and not (m["name"] and m["name"].lower().rstrip(".") in DAY_NAMES)


def _named_in_sentence(ctx: Context, unit: str) -> Reading | None:
    """The month or year of a date named earlier in the same sentence, which 'the month' or
    'the year' then refers to ('demanded in early February that troops withdraw by the end
    of the month'), else None."""
    last = ctx.last_reading
    if unit not in NAMED_GRANULARITIES or last is None or last.earliest is None \
            or last.granularity not in NAMED_GRANULARITIES[unit] \
            or ctx.last_end < ctx.sentence[0]:
        return None
    why = f"the {unit} of {last.value}, named earlier in the sentence"
    return at_granularity(last.earliest, unit_code(unit), why)


def _unit_apart(m: re.Match[str], ctx: Context, unit: str, step: int) -> Hit | None:
    """'the month before': one unit from the last date mentioned, else from the anchor."""
    code, last = unit_code(unit), ctx.last_reading
    said = "after" if step > 0 else "before"
    if last is not None and last.earliest is not None:
        why = f"{m.group(0).lower()!r}: one {unit} {said} {last.value}, the last date mentioned"
        return Hit("DATE", at_granularity(shift(last.earliest, code, step), code, why),
                   derived=True)
    anchor = ctx.anchor
    if anchor is None:
        return None
    why = f"{m.group(0).lower()!r}: one {unit} {said} {ctx.anchor_label}, {fmt_day(anchor)}"
    return Hit("DATE", at_granularity(shift(anchor, code, step), code, why))


@rule("story-day", r"(?:the\s+)?(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
      r"tenth|\d+(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?)?day", priority=61,
      weak=True,
      examples=(
          ("the third straight day", "2021-07-09"),
      ))
def _story_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """A span known to be a date that just says 'the second day' or 'day': the day the story
    is at (the last day mentioned, else the publication date)."""
    anchor = ctx.ref_or_anchor
    if anchor is None:
        return None
    return Hit("DATE", rd.day(anchor, f"the day the story is at, {fmt_day(anchor)}"))


# The words before 'then' or 'that time' that make it the date just named ('until then',
# 'since then', 'by that time'; not 'back then', 'and then', 'that time of year').
_THEN_AFTER = ("until", "till", "by", "since", "before", "from", "at")


@rule("then", r"then|that\s+(?:time|point|date)(?!\s+of\b)", priority=40,
      cues=("then", "time", "point", "date"),  # not "that", in every other sentence
      examples=(
          ("It will be finalized by June 10. If no price is agreed on by that time, it lapses.",
           "2021-06-10"),
          ("The rights will end on Nov. 30. Until then, the stock stays convertible.",
           "2021-11-30"),
          # an open range from it, as 'since March 2015' is
          ("He was arrested in March 2015. Since then, he has been in jail.", "2015-03"),
      ),
      misses=(
          "Back then, prices were lower.",
          "He paused, and then left.",
          "By then, nobody knew.",  # no date named before it
      ))
def _then(m: re.Match[str], ctx: Context) -> Hit | None:
    named = ctx.named_nearby
    if named is None or preceding_word(ctx.text, m.start()) not in _THEN_AFTER:
        return None
    # 'that time' may be the time of an event told about, not of the date last written ('said
    # Sunday it was looking into whether it was active in the area at that time'): a guess
    flags = () if m.group().lower() == "then" else ("the time referred to may be another",)
    return Hit("DATE", replace(named, explanation=f"the date just named, {named.value}"),
               flags=flags, derived=True)
