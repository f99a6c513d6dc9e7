"""Rules for expressions resolved against an anchor: 'last week', 'two years ago', 'this
summer' (weekdays and day words: rules_weekdays; the date the story is at, 'that day', 'the
day before': rules_story)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import cast

from desktop_app.core.temporal import readings as rd
from desktop_app.core.temporal.calendar import (
    fmt_day,
    season_of,
    shift,
)
from desktop_app.core.temporal.grammar import Context, Hit, rule
from desktop_app.core.temporal.lang.en.lexicon import (
    SEASON_CUES,
    SEASONS,
    STEPS,
    UNIT_CUES,
)
from desktop_app.core.temporal.lang.en.patterns import (
    NUM,
    UNIT,
    number,
    unit_code,
)
from desktop_app.core.temporal.model import Reading, new_reading


def at_granularity(d: date, code: str, why: str) -> Reading:
    if code in ("D", "H", "MIN"):
        return rd.day(d, why)
    if code in ("W", "2W"):
        return rd.week(d, why)
    if code == "M":
        return rd.month(d.year, d.month, why)
    if code == "Q":
        return rd.quarter(d.year, (d.month + 2) // 3, why)
    if code == "10Y":
        return rd.decade(d.year // 10 * 10, why)
    if code == "100Y":
        return rd.century(d.year // 100, why)
    return rd.year(d.year, why)


@rule("ago", NUM + r"[\s-]+" + UNIT + r"(?P<approx>\s+or\s+(?:so|two|three|more))?"
      r"\s+(?P<dir>ago|earlier|later|from\s+now|hence|previously|before\s+that|after\s+that)",
      priority=7,
      cues=("ago", "earlier", "later", "now", "hence", "previously", "before",
            "after"), cue_in="dir",
      also=UNIT_CUES,
      examples=(
          ("He left two weeks ago.", "2021-W25"),
          ("It happened three days ago.", "2021-07-06"),
          ("Sales fell a week or so ago.", "2021-W26"),  # about: the nearer count
          ("The plant closed a month or two ago.", "2021-06"),
          ("Obama won the county in 2008. It backed Romney four years later.", "2012"),
          # a count said vaguely: before or after now by the tense of its clause
          ("He died a few years later.", "PAST_REF"),
          ("The plant will open a few years later.", "FUTURE_REF"),
          ("It happened a few weeks ago.", "PAST_REF"),
      ))
def _ago(m: re.Match[str], ctx: Context) -> Hit | None:
    direction = " ".join(m["dir"].lower().split())
    deictic = direction in ("ago", "from now", "hence")
    anchor = ctx.anchor if deictic else ctx.ref_or_anchor
    flags: tuple[str, ...] = ()
    named = ctx.last_reading
    if not deictic and named is not None and named.earliest is not None \
            and ctx.year_written_last is not None:
        # counted from the story's time, not from now: the last date named with its year, of
        # any length ('won in 2008 ... four years later': 2012; not a count, 'a year ago')
        anchor = named.earliest
        if _FINENESS.get(named.granularity, 0) > _FINENESS.get(unit_code(m["unit"]), 0):
            flags = (f"counted from {named.value}, which does not name its day",)
    elif not deictic and named is None and ctx.last is None:
        flags = ("no date named before it: counted from the publication date",)
    if anchor is None:
        return None
    n = number(m["n"])
    sign = 1 if direction in ("later", "after that", "from now", "hence") else -1
    if n < 0:
        # The tense of its clause turns it: 'a few years later' is past where the clause
        # tells of the past ('he died a few years later'), 'a few days earlier' to come
        # where it tells of the future.
        turned = not deictic and (ctx.past if sign > 0 else ctx.future)
        told = (" than a moment told of in the past" if sign > 0 else " than a moment to come"
                ) if turned else ""
        return Hit("DATE", rd.vague("PAST_REF" if (sign < 0) != turned else "FUTURE_REF",
                                    f"an unspecified time {direction}{told}"))
    code = unit_code(m["unit"])
    quarter = _quarter_a_year_apart(ctx, code, n, sign)
    if quarter is not None:
        return Hit("DATE", quarter, derived=True)
    target = shift(anchor, code, sign * n)
    source = ctx.anchor_label if deictic or anchor == ctx.anchor else "the last date mentioned"
    about = "about " if m["approx"] else ""
    why = f"{about}{m['n']} {m['unit']} {direction} {source}, {fmt_day(anchor)}"
    return Hit("DATE", at_granularity(target, code, why), flags=flags)


# How coarse a granularity or unit is: a count in a finer unit than the date it counts from
# ('two weeks later' after '2008') cannot name its week.
_FINENESS = {"day": 1, "D": 1, "time": 1, "week": 2, "W": 2, "weekend": 2, "month": 3, "M": 3,
             "quarter": 4, "Q": 4, "season": 4, "half": 5, "year": 6, "Y": 6, "decade": 7,
             "10Y": 7, "century": 8, "100Y": 8}


def story_quarter(ctx: Context) -> Reading | None:
    """The quarter a (financial) story is about: the last quarter mentioned, else the last
    completed quarter before the publication date."""
    last = ctx.last_reading
    if last is not None and last.granularity == "quarter":
        return last
    anchor = ctx.anchor
    if anchor is None:
        return None
    q = (anchor.month - 1) // 3  # 0-based quarter of the anchor; the one before it is done
    y, q = (anchor.year - 1, 4) if q == 0 else (anchor.year, q)
    return rd.quarter(y, q, f"the last quarter completed before {ctx.anchor_label}, "
                            f"{fmt_day(anchor)}")


def _quarter_a_year_apart(ctx: Context, code: str, n: int, sign: int) -> Reading | None:
    """'a year earlier' right after a quarter was mentioned means that quarter a year before
    (financial news: 'third-quarter profit rose from a year earlier')."""
    last = ctx.last_reading
    if code != "Y" or n != 1 or sign > 0 or last is None or last.granularity != "quarter":
        return None
    y, q = int(last.value[:4]), int(last.value[-1])
    return rd.quarter(y - 1, q, f"the quarter a year before the one last mentioned, {last.value}")


@rule("year-ago", r"(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:year[\s-]+ago|"
      r"year[\s-]+earlier|year[\s-]+before|last\s+year's)"
      r"(?:\s+(?P<what>quarter|period|level|levels|results|figures|month))?", priority=7,
      cues=("year",),
      examples=(
          ("Sales rose from year-ago levels.", "2020"),
      ))
def _year_ago(m: re.Match[str], ctx: Context) -> Hit | None:
    what = (m["what"] or "").lower()
    if what in ("quarter", "period"):
        story = story_quarter(ctx)
        if story is not None:
            y, q = int(story.value[:4]), int(story.value[-1])
            return Hit("DATE", rd.quarter(y - 1, q, f"a year before {story.value}"),
                       derived=True)
    quarter = _quarter_a_year_apart(ctx, "Y", 1, -1)
    if quarter is not None:
        return Hit("DATE", quarter, derived=True)
    last = ctx.last_reading
    said = m.group().lower()
    if last is not None and last.granularity == "year" and not what \
            and re.search(r"year\s+(?:before|earlier)", said):
        # 'In 2019 he won. The year before, he lost.': 'before' and 'earlier' count from the
        # year last mentioned ('ago' from now; 'year-earlier results' from the story's time).
        y = int(last.value[:4]) - 1
        return Hit("DATE", rd.year(y, f"the year before {last.value}, the year last mentioned"),
                   derived=True)
    anchor = ctx.ref_or_anchor
    if anchor is None:
        return None
    return Hit("DATE", rd.year(anchor.year - 1, f"the year before {fmt_day(anchor)}"),
               derived=True)


# The period the story is about, a year before ('sales rose in February from the same period
# last year'): what follows 'the same ...' and names the year back.
_A_YEAR_BACK = (r"(?:last\s+year|the\s+(?:previous|prior|preceding)\s+year|the\s+year\s+before|"
                r"(?:a|one)\s+year\s+(?:ago|earlier|before|prior))")
# Which granularities of the period last named each word may refer back to.
_SAME_WHAT = {"day": ("day",), "week": ("week",), "month": ("month",),
              "quarter": ("quarter",), "season": ("season",),
              "period": ("day", "week", "month", "quarter", "half", "season")}


@rule("same-period-a-year-back", r"the\s+(?:(?:same|corresponding|comparable)\s+)?"
      r"(?P<what>day|week|month|quarter|season|period)\s+(?:of\s+)?" + _A_YEAR_BACK,
      priority=6, cues=("year",),
      examples=(
          ("Sales fell in January, compared to the same month a year ago.", "2020-01"),
          ("Sales rose in February from the same period last year.", "2020-02"),
          ("Profit rose in the second quarter from the same quarter a year earlier.",
           "2020-Q2"),
          # 'the same' left out, as often in results ('$10 million in the quarter a year ago')
          ("Profit rose in the third quarter from $8 million in the quarter a year ago.",
           "2020-Q3"),
          ("Sales rose in March from the month a year earlier.", "2020-03"),
      ),
      misses=("He left the company a year ago.",))
def _same_period_a_year_back(m: re.Match[str], ctx: Context) -> Hit | None:
    what = m["what"].lower()
    last, flags = ctx.last_reading, cast(tuple[str, ...], ())
    if last is None or last.earliest is None or last.granularity not in _SAME_WHAT[what]:
        last = _period_of_the_story(ctx, what)
        if last is None:
            return None
        flags = (f"no {what} named before it: read as {last.explanation}",)
    back = _a_year_before(last, f"{last.value}, a year before")
    return Hit("DATE", back, flags=flags, derived=True) if back is not None else None


def _period_of_the_story(ctx: Context, what: str) -> Reading | None:
    """Where no such period was named: the quarter the story is about ('year-ago period'
    reads so too), or the publication's day, week, month or season."""
    anchor = ctx.anchor
    if what in ("quarter", "period") or anchor is None:
        return story_quarter(ctx)
    why = f"the {what} of {ctx.anchor_label}"
    if what == "season":
        return rd.season(*season_of(anchor), why)
    return at_granularity(anchor, what[0].upper(), why)


def _a_year_before(reading: Reading, why: str) -> Reading | None:
    """The same period of the year before: the same day, week, month, quarter, half, season."""
    first = cast(date, reading.earliest)
    earlier = shift(first, "Y", -1)
    y = int(reading.value[:4]) - 1
    if reading.granularity == "quarter":
        return rd.quarter(y, int(reading.value[-1]), why)
    if reading.granularity == "half":
        return rd.half(y, int(reading.value[-1]), why)
    if reading.granularity == "season":
        return rd.season(y, reading.value[5:], why)
    if reading.granularity in ("day", "week", "month"):
        return at_granularity(earlier, reading.granularity[0].upper(), why)
    return None


@rule("year-end", r"(?:(?P<which>this|last|next)\s+)?(?:year[\s-]+end|year's\s+end)"
      r"(?:\s+(?P<y>(?:1[0-9]|20)\d{2}))?", priority=6,
      cues=("end",),  # rarer than 'year' in news: fewer places to try
      examples=(
          ("Results are due at year-end.", "2021"),
          ("The deal should close by year end 2022.", "2022"),
          ("Stocks were sold before last year-end.", "2020"),
          ("Prices usually rise toward the year's end.", "2021"),
      ),
      misses=(
          "The fiscal year ended in June.",
          "A year ending in loss.",
      ))
def _year_end(m: re.Match[str], ctx: Context) -> Hit | None:
    if m["y"]:
        y, why = int(m["y"]), "the end of the year named"
    else:
        anchor = ctx.anchor
        if anchor is None:
            return None
        step = STEPS.get((m["which"] or "").lower(), 0)
        y = anchor.year + step
        why = f"the end of the year of {ctx.anchor_label}, {fmt_day(anchor)}" if not step \
            else f"the end of the year {'before' if step < 0 else 'after'} that of " \
                 f"{ctx.anchor_label}, {fmt_day(anchor)}"
    # The year's value (TIMEX3 writes its end as a modifier), bounded by its last month.
    return Hit("DATE", new_reading(str(y), "year", date(y, 12, 1), date(y, 12, 31),
                                   f"{why}: its last month"))


# The granularities of a date that "the month", "the year" may refer back to.
NAMED_GRANULARITIES = {"month": ("month", "day", "time"),
                       "year": ("year", "half", "quarter", "season", "month", "week", "day",
                                "time")}

_RELATIONS = ("last", "next", "this", "coming", "past", "previous", "current", "following",
              "same", "recent", "upcoming")
_PERIODS = ("week", "weekend", "month", "year", "quarter", "decade", "century", "fall", "spring",
            "summer", "autumn", "winter")


@rule("relative-period", r"(?:(?P<pre>earlier|later)\s+)?(?:the\s+)?(?P<rel>"
      + "|".join(_RELATIONS) + r")\s+(?:fiscal\s+)?(?P<unit>" + "|".join(_PERIODS) + ")",
      priority=9, cue_in="unit", also=_RELATIONS,
      examples=(
          ("Talks resumed last week.", "2021-W26"),
          ("It opens next month.", "2021-08"),
          ("It was released in April 2005, the same month as Git.", "2005-04"),
          ("Sales fell in 2019 and rose the following year.", "2020"),
      ))
def _relative_period(m: re.Match[str], ctx: Context) -> Hit | None:
    rel = m["rel"].lower()
    unit = m["unit"].lower()
    anchor = ctx.ref_or_anchor if rel in ("following", "same") else ctx.anchor
    label = f"{ctx.anchor_label}, {fmt_day(anchor)}" if anchor else ""
    last = ctx.last_reading
    if rel in ("following", "same") and last is not None and last.earliest is not None \
            and last.granularity in NAMED_GRANULARITIES.get(unit, ()):
        # 'in April 2005 (the same month that ...)': the month last named, though no day was
        anchor, label = last.earliest, f"the last date mentioned, {last.value}"
    if anchor is None:
        return None
    step = {"last": -1, "past": -1, "previous": -1, "recent": -1, "next": 1, "coming": 1,
            "following": 1, "upcoming": 1}.get(rel, 0)
    why = f"{m.group(0).lower()!r} relative to {label}"
    if unit in SEASONS:
        if rel in ("this", "current"):
            return Hit("DATE", _this_season(anchor, SEASONS[unit], why))
        return Hit("DATE", _season_near(anchor, SEASONS[unit], step, ctx.future, why))
    if unit == "weekend":
        return Hit("DATE", rd.weekend(anchor + timedelta(weeks=step), why))
    code = unit_code(unit)
    if unit == "quarter" and rel in ("this", "current") and last is not None \
            and last.granularity == "quarter":
        return Hit("DATE", last)  # 'this quarter' while a quarter is being discussed
    reading = at_granularity(shift(anchor, code, step), code, why)
    pre = (m["pre"] or "").lower()
    if pre and reading.earliest and reading.latest and step == 0:
        if pre == "earlier":
            reading = Reading(reading.value, reading.granularity, reading.earliest,
                              min(anchor, reading.latest), why + ": from its start to the anchor")
        else:
            reading = Reading(reading.value, reading.granularity,
                              max(anchor, cast(date, reading.earliest)),
                              reading.latest, why + ": from the anchor to its end")
    return Hit("DATE", reading)


@rule("season", r"(?:(?P<prep>in|during|since|until|by|through|over|this|last|next)\s+)?"
      r"(?:(?P<the>the)\s+)?(?:(?P<mod>early|late|mid)[\s-]*)?(?P<season>spring|summer|autumn|fall|"
      r"winter)(?:\s+(?:of\s+)?(?P<y>(?:1[0-9]|20)\d{2}))?", priority=12,
      cues=SEASON_CUES,
      examples=(
          ("It opens this summer.", "2021-SU"),
          ("Talks stalled last winter.", "2020-WI"),
          ("It rained in the fall of 2019.", "2019-FA"),
          # a future told of a past moment: the nearest, here the spring just past
          ("The meeting was originally scheduled to take place in the spring but was "
           "delayed.", "2021-SP"),
          ("The meeting will take place in the spring.", "2022-SP"),
      ),
      misses=(
          "after the fall of Rome",
          "Spring water is cheap.",
          "the summer of love",  # a season named by what follows, not the nearest one
          "the winter of nineteen ninety-four",
          "medals at the Summer Olympics",  # a name
          "a ball at the Winter Palace",
      ))
def _season(m: re.Match[str], ctx: Context) -> Hit | None:
    code = SEASONS[m["season"].lower()]
    if m["y"]:
        return Hit("DATE", rd.narrow(rd.season(int(m["y"]), code, "explicit season"), m["mod"]))
    if not (m["prep"] or m["the"]):
        return None  # a bare 'fall' or 'spring' is too often a verb or a noun
    if m["season"][0].isupper() and _CAPITALISED_AFTER.match(ctx.text, m.end()) \
            and not ctx.text.isupper():
        return None  # 'the Summer Olympics', 'the Winter Palace': a name
    if OF_WHAT.match(ctx.text, m.end()):
        # 'the fall of Rome' (a collapse, no autumn), 'the summer of love', 'the winter of
        # nineteen ninety-four': which season is said by what follows, not by the anchor.
        return None
    anchor = ctx.anchor
    if anchor is None:
        return None
    prep = (m["prep"] or "").lower()
    if prep == "this":
        why = f"the {m['season'].lower()} of the year of {ctx.anchor_label}, {fmt_day(anchor)}"
        return Hit("DATE", rd.narrow(_this_season(anchor, code, why), m["mod"]))
    step = STEPS.get(prep, 0)
    why = f"the {m['season'].lower()} nearest {ctx.anchor_label}, {fmt_day(anchor)}"
    if step == 0 and ctx.future and ctx.reported_future:
        # 'was scheduled to take place in the spring': a future told of a past moment
        return Hit("DATE", rd.narrow(_season_nearest(anchor, code, why), m["mod"]))
    return Hit("DATE", rd.narrow(_season_near(anchor, code, step, ctx.future, why), m["mod"]))


_SEASON_ORDER = ("SP", "SU", "FA", "WI")
_CAPITALISED_AFTER = re.compile(r" [A-Z]")
# 'the day of the attack', 'the summer of 1969': which one, is said by what follows.
OF_WHAT = re.compile(r"\s+of\b")


def _this_season(anchor: date, code: str, why: str) -> Reading:
    """'this summer' is this year's, whether past or to come; in January and February 'this
    winter' is the one under way, which began the December before."""
    year = anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year
    return rd.season(year, code, why)


def _seasons_counted(anchor: date, code: str) -> tuple[int, int]:
    """The anchor's season and the season 'code' of its year, as counts of seasons."""
    year, current = season_of(anchor)
    return year * 4 + _SEASON_ORDER.index(current), year * 4 + _SEASON_ORDER.index(code)


def _season_nearest(anchor: date, code: str, why: str) -> Reading:
    """The season 'code' nearest the anchor, on either side (the later where both are as
    near: the season two ahead or two back)."""
    now, target = _seasons_counted(anchor, code)
    target = min((target - 4, target, target + 4), key=lambda t: (abs(t - now), -t))
    return rd.season(target // 4, _SEASON_ORDER[target % 4], why + ", either side: a future "
                     "told of a past moment may have come already")


def _season_near(anchor: date, code: str, step: int, future: bool, why: str) -> Reading:
    """The season 'code' nearest the anchor: strictly before/after with a step, else by tense."""
    now, target = _seasons_counted(anchor, code)
    if step < 0 or (step == 0 and not future):
        while target > now or (step < 0 and target == now):
            target -= 4
    else:
        while target < now or (step > 0 and target == now):
            target += 4
    return rd.season(target // 4, _SEASON_ORDER[target % 4], why)
