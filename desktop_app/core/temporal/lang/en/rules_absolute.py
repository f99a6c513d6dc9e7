"""Rules for expressions that name the calendar: full dates, months with their years, years
(a month alone: rules_months; decades, centuries, quarters and halves: rules_periods)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import cast

from desktop_app.core.temporal import readings as rd
from desktop_app.core.temporal.calendar import days_in_month, fmt_day, month_name
from desktop_app.core.temporal.context import preceding_word
from desktop_app.core.temporal.grammar import Context, Hit, rule
from desktop_app.core.temporal.lang.en.lexicon import (
    CLIPPED_YEAR_AFTER,
    CLIPPED_YEAR_NUMBER,
    IDENTIFIER_ABBREVIATIONS,
    IDENTIFIER_NOUNS,
    ISO_NUMBER,
    MONTH_CUES,
    NOT_PLURAL_NOUNS,
    PLURALS_WITHOUT_S,
    QUANTITY_SUFFIXES,
    SEPARATED_NUMBER,
    STEPS,
    WEEKDAY_NAMES,
    YEAR_NUMBER,
    YEAR_PREPOSITIONS,
)
from desktop_app.core.temporal.lang.en.patterns import (
    DAYNUM,
    FULL_MONTH,
    MOD,
    MON,
    WD,
    YEAR,
    month_number,
    weekday_number,
)
from desktop_app.core.temporal.model import Reading


def closest_year(anchor: date, mon: int, dom: int, future: bool) -> list[int]:
    """Candidate years for a day without a year, best first: nearest the anchor, tense-biased."""
    return closest_years(anchor, mon, dom)[future]


def closest_years(anchor: date, mon: int, dom: int) -> tuple[list[int], list[int]]:
    """closest_year for a clause about the past and for one about the future."""
    past, future = [], []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if not 1 <= y <= 9999 or dom > days_in_month(y, mon):  # 29 February in 2021
            continue
        delta = (date(y, mon, dom) - anchor).days
        past.append((abs(delta) * (2 if delta > 0 else 1), y))
        future.append((abs(delta) * (2 if delta < 0 else 1), y))
    return [y for _, y in sorted(past)], [y for _, y in sorted(future)]


def _weekday_check(m: re.Match[str], d: date) -> tuple[str, ...]:
    """Flag 'Monday, July 6, 2021' when July 6 is a Tuesday."""
    wd = m["wd"] if "wd" in m.re.groupindex else None
    if wd and weekday_number(wd) != d.weekday():
        return (f"weekday mismatch: {fmt_day(d)} is a {WEEKDAY_NAMES[d.weekday()]}, "
                f"not a {WEEKDAY_NAMES[weekday_number(wd)]}",)
    return ()


def _full_date(m: re.Match[str], ctx: Context, y: int | None, mon: int, dom: int) -> Hit | None:
    if y is not None:
        d = date(y, mon, dom)  # '31 February 2021' raises: the engine logs it as no date
        return Hit("DATE", rd.day(d, "explicit date"), flags=_weekday_check(m, d), absolute=True)
    anchor = ctx.anchor
    if anchor is None:
        return None
    years, later = closest_years(anchor, mon, dom)
    if years != later and ctx.future:  # the tense is asked only when it changes the order
        years = later
    if not years:
        return None
    why = f"{month_name(mon)} {dom} nearest to {ctx.anchor_label}, {fmt_day(anchor)}"
    readings = [rd.day(date(yy, mon, dom), why) for yy in years]
    best = readings[0]
    return Hit("DATE", best, tuple(readings[1:]), _weekday_check(m, best.earliest or anchor),
               absolute=True)


@rule("iso-date", r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:T(?P<t>\d{2}:\d{2}))?",
      priority=1, needs_anchor=False,
      cues=(ISO_NUMBER,),
      examples=(
          ("The file is dated 2021-07-05.", "2021-07-05"),
          ("Posted 2021-07-05T14:30 UTC", "2021-07-05T14:30"),
      ))
def _iso(m: re.Match[str], ctx: Context) -> Hit | None:
    hit = _full_date(m, ctx, int(m["y"]), int(m["m"]), int(m["d"]))
    if hit and m["t"] and hit.reading.earliest:
        r = hit.reading
        return Hit("TIME", Reading(f"{r.value}T{m['t']}", "time", r.earliest, r.latest,
                                   "explicit date and time"), absolute=True)
    return hit


@rule("iso-month", r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])(?![\d-])", priority=2, needs_anchor=False,
      cues=(ISO_NUMBER,),
      examples=(
          ("Figures for 2021-06 are due.", "2021-06"),
      ))
def _iso_month(m: re.Match[str], ctx: Context) -> Hit | None:
    return Hit("DATE", rd.month(int(m["y"]), int(m["m"]), "explicit month"), absolute=True)


@rule("numeric-date", r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})",
      priority=2, needs_anchor=False,
      cues=(SEPARATED_NUMBER,),
      examples=(
          ("Signed on 25/05/2021 in Bern.", "2021-05-25"),
          ("Am 04.02.2022 begann es.", "2022-02-04"),
          ("Call 101 quoting log 3697 2/7/21.", "2021-07-02"),  # February is far, 2 July near
          ("It was filed on 6/7/2021.", "2021-06-07"),  # both near: month first
      ),
      misses=(
          "a 24/7 service",
          "The 3.5.1 release",
      ))
def _numeric(m: re.Match[str], ctx: Context) -> Hit | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 1900 if y >= 50 else 2000
    # Dotted dates are day first wherever they are written (German, Russian, Scandinavian...
    # '04.02.2022' is 4 February); slashes follow the text's convention.
    day_first = ctx.day_first or m["sep"] == "." or (
        a != b and a <= 12 and b <= 12 and _only_day_first_is_near(ctx.anchor, y, a, b))
    mon, dom = (b, a) if day_first else (a, b)
    if mon > 12 and dom <= 12:
        mon, dom = dom, mon
    hit = _full_date(m, ctx, y, mon, dom)
    if hit is None or m["sep"] != "/" or a == b or a > 12 or b > 12:
        return hit
    # '04/05/2021': both ways round are dates, and slashes are written both ways.
    other = rd.day(date(y, dom, mon), "the same numbers read the other way round")
    order = "day first" if day_first else "month first"
    return hit._replace(alternatives=(other, *hit.alternatives), flags=(
        *hit.flags, f"read {order}; {fmt_day(other.earliest or date.min)} if the numbers are "
                    "the other way round"))


# A date read month first that lies this far from the publication date, where the same
# numbers read day first lie near it ('quoting log 3697 2/11/23' in a story of 3 November
# 2023 on a British site): news writes of recent days, so the near reading is taken.
_FAR, _NEAR = timedelta(days=90), timedelta(days=31)


def _only_day_first_is_near(anchor: date | None, y: int, a: int, b: int) -> bool:
    if anchor is None:
        return False
    try:
        month_first, day_first = date(y, a, b), date(y, b, a)
    except ValueError:
        return False
    return abs(month_first - anchor) > _FAR and abs(day_first - anchor) <= _NEAR


# The year after a day, written or said from the anchor ('July 23 next year', '5 March last
# year'; not 'last year's').
_ITS_YEAR = (r"(?:\s*,?\s+" + YEAR + r"|\s+(?:of\s+)?(?P<ry>this|last|next)\s+year(?!'s|\w))?")


def _day_in_its_year(m: re.Match[str], ctx: Context, mon: int, dom: int) -> Hit | None:
    """A day with its year, written ('July 5, 2021') or said from the anchor ('July 23 next
    year'); without one, the nearest (see _full_date)."""
    if not m["ry"]:
        return _full_date(m, ctx, int(m["y"]) if m["y"] else None, mon, dom)
    if ctx.anchor is None:
        return None
    said = m["ry"].lower()
    d = date(ctx.anchor.year + STEPS[said], mon, dom)
    return Hit("DATE", rd.day(d, f"{month_name(mon)} {dom} of {said} year, {ctx.anchor_label} "
                                 f"being {fmt_day(ctx.anchor)}"), flags=_weekday_check(m, d))


@rule("month-day-year", r"(?:(?P<rel>last|next|this)\s+)?(?:" + WD + r",?\s+)?(?:the\s+)?" + MON
      + r"\s+" + DAYNUM + _ITS_YEAR, priority=3, needs_anchor=False,
      cue_in="mon", after_a_number=True,  # 'July 23-August 8'
      examples=(
          ("On July 5, 2021, they met.", "2021-07-05"),
          ("They met on July 5.", "2021-07-05"),
          ("The Games will take place on July 23 next year.", "2022-07-23"),
          ("The final was played on March 3 last year.", "2020-03-03"),
      ))
def _month_day(m: re.Match[str], ctx: Context) -> Hit | None:
    if m["mon"].lower() == "may" and not m["mon"][0].isupper():
        return None
    hit = _day_in_its_year(m, ctx, month_number(m["mon"]), int(m["d"]))
    rel = (m["rel"] or "").lower()
    if hit is None or not rel or m["y"] or m["ry"] or ctx.anchor is None:
        return hit
    options = [hit.reading, *hit.alternatives]  # 'last Oct. 23': before the anchor; 'next': after
    want = [o for o in options if o.earliest is not None
            and ((o.earliest < ctx.anchor) if rel == "last" else (o.earliest > ctx.anchor)
                 if rel == "next" else True)]
    if want:
        best = max(want, key=lambda o: cast(date, o.earliest)) if rel == "last" else min(
            want, key=lambda o: cast(date, o.earliest))
        return Hit("DATE", best, tuple(o for o in options if o is not best), hit.flags,
                   absolute=True)
    return hit


@rule("week-of", r"the\s+week\s+of\s+(?:" + MON + r"\s+" + DAYNUM + r"|(?P<d1>[0-3]?\d)"
      r"(?:st|nd|rd|th)?\s+(?P<mon1>" + FULL_MONTH + r"))(?:\s*,?\s+" + YEAR + r")?", priority=2,
      needs_anchor=False,
      cues=("week",), also=MONTH_CUES,
      examples=(
          ("Hearings are set for the week of March 6, 2000.", "2000-W10"),
          ("They meet in the week of 6 March 2000.", "2000-W10"),
      ))
def _week_of(m: re.Match[str], ctx: Context) -> Hit | None:
    """The week holding the day named ('the week of March 6'), which also says its year."""
    mon, dom = (month_number(m["mon"]), int(m["d"])) if m["mon"] else (
        month_number(m["mon1"]), int(m["d1"]))
    day = _full_date(m, ctx, int(m["y"]) if m["y"] else None, mon, dom)
    if day is None or day.reading.earliest is None:
        return None
    weeks = [rd.week(r.earliest, f"the week of {r.value} ({r.explanation})")
             for r in (day.reading, *day.alternatives) if r.earliest is not None]
    return Hit("DATE", weeks[0], tuple(weeks[1:]), day.flags, absolute=True)


# '24. April 2020': the ordinal dot of German and Scandinavian dates.
@rule("day-month-year", r"(?:" + WD + r",?\s+)?(?:the\s+)?" + DAYNUM + r"\.?\s+(?:of\s+)?" + MON
      + _ITS_YEAR, priority=3, needs_anchor=False,
      cue_in="mon",
      examples=(
          ("They met on 5 July 2021.", "2021-07-05"),
          ("Am 24. April 2020 endete es.", "2020-04-24"),
          ("The talks began on 5 March last year.", "2020-03-05"),
      ),
      misses=(
          "5 may be enough",
      ))
def _day_month(m: re.Match[str], ctx: Context) -> Hit | None:
    if m["mon"].lower() == "may" and not m["mon"][0].isupper():
        return None
    return _day_in_its_year(m, ctx, month_number(m["mon"]), int(m["d"]))


@rule("month-year", r"(?:" + MOD + r"[\s-]*)?" + MON + r"\s*,?\s+(?:of\s+)?" + YEAR, priority=4,
      needs_anchor=False,
      cue_in="mon",
      also=(YEAR_NUMBER,),
      examples=(
          ("It opened in March 2019.", "2019-03"),
          ("Prices fell in early June 2020.", "2020-06"),
      ))
def _month_year(m: re.Match[str], ctx: Context) -> Hit | None:
    mon = month_number(m["mon"])
    return Hit("DATE", rd.narrow(rd.month(int(m["y"]), mon, "explicit month"), m["mod"]),
               absolute=True)


@rule("month-relative-year", MON + r"\s+(?:of\s+)?(?P<rel>this|last|next)\s+year", priority=4,
      cue_in="mon",
      also=("year",),
      examples=(
          ("It opens in March of next year.", "2022-03"),
      ))
def _month_relative_year(m: re.Match[str], ctx: Context) -> Hit | None:
    if ctx.anchor is None:
        return None
    y = ctx.anchor.year + STEPS[m["rel"].lower()]
    mon = month_number(m["mon"])
    return Hit("DATE", rd.month(y, mon, f"{month_name(mon)} of {m['rel'].lower()} year"))


# Patterns the handlers try, compiled once (a cold first pass would compile them mid-way).
# "Flight 1549", "Resolution 1973", "No. 1984": a number that names something, not a year.
_IDENTIFIER_BEFORE = re.compile(
    r"(?<![\w.])(?:(?:" + "|".join(IDENTIFIER_NOUNS) + r")\s+|(?:"
    + "|".join(IDENTIFIER_ABBREVIATIONS) + r")\.\s*)$", re.IGNORECASE)
# "1500 km", "2048 MB", "a 2080 Ti", "bits = 1024": a quantity, a model or a value.
_QUANTITY_AFTER = re.compile(r"\s?(?:" + "|".join(QUANTITY_SUFFIXES) + r")(?![\w])")
_VALUE_BEFORE = re.compile(r"=\s*$")
_COUNT_NOT_YEAR = re.compile(r"\s*(?:%|percent|per cent|"
                             + "|".join(PLURALS_WITHOUT_S) + r"\b|hours\b|(?!(?:"
                             + "|".join(NOT_PLURAL_NOUNS) + r")\b)[a-z]+s\b(?!\s+(?:and|to)))",
                             re.I)


@rule("year", r"(?:" + MOD + r"[\s-]*)?(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?" + YEAR,
      priority=30, needs_anchor=False,
      cues=(YEAR_NUMBER, "fy", "fiscal"), cue_in="y",
      examples=(
          ("The bridge opened in 1998.", "1998"),
          ("Revenue for fiscal 2020 rose.", "2020"),
          ("A climber who reached the top in 1953 has died.", "1953"),
      ),
      misses=(
          "He cut 1500 jobs.",
          "It cost $2020.",
          "Flight 1549 landed on the river.",
          "The council passed Resolution 1973.",
          "He lives at No. 1984 Main Street.",
          "It beats the RTX 2080 Ti by 30%.",
          "The road is 1500 km long.",
          "Set default_bits = 1024 first.",
      ))
def _year(m: re.Match[str], ctx: Context) -> Hit | None:
    y = int(m["y"])
    after = ctx.text[m.end():m.end() + 12]
    if _COUNT_NOT_YEAR.match(after) and not m["fiscal"] and not m["mod"] \
            and preceding_word(ctx.text, m.start()) not in YEAR_PREPOSITIONS:
        return None
    if m.start() > 0 and ctx.text[m.start() - 1] in "$£€#" \
            or _IDENTIFIER_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()) \
            or _VALUE_BEFORE.search(ctx.text, max(0, m.start() - 3), m.start()) \
            or _QUANTITY_AFTER.match(ctx.text, m.end()):
        return None
    why = "fiscal year" if m["fiscal"] else "explicit year"
    return Hit("DATE", rd.narrow(rd.year(y, why), m["mod"]), absolute=True)


@rule("clipped-year", r"['‘’](?P<yy>\d\d)(?!['’%]|[.,]\d)", priority=30,
      cues=(CLIPPED_YEAR_NUMBER,),
      examples=(
          ("Nikkei at lowest level since '82", "1982"),
          ("the class of ’99", "1999"),
          ("Sales will peak by '25, it said.", "2025"),  # to come
      ),
      misses=(
          "He said 'ok '82 times.",
          "a 6'10 centre",
          "in '82' bars",
      ))
def _clipped_year(m: re.Match[str], ctx: Context) -> Hit | None:
    anchor = ctx.anchor
    if anchor is None or preceding_word(ctx.text, m.start()) not in CLIPPED_YEAR_AFTER:
        return None
    y = anchor.year // 100 * 100 + int(m["yy"])
    reach = 10 if ctx.future else 0  # a year to come only in a clause about the future
    if y > anchor.year + reach:
        y -= 100
    why = (f"the last year ending in {m['yy']} up to {'ten years after ' if reach else ''}"
           f"{ctx.anchor_label}, {fmt_day(anchor)}")
    return Hit("DATE", rd.year(y, why), absolute=True)


_TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9}


@rule("spelled-year", r"nineteen[\s-]+(?P<tens>" + "|".join(_TENS) + r")(?:[\s-]+(?P<unit>"
      + "|".join(_UNITS) + r"))?|(?:the\s+year\s+)?two\s+thousand(?:\s+and\s+(?P<u2>"
      + "|".join(_UNITS) + r"))?", priority=5, needs_anchor=False,
      cues=("nineteen", "thousand"),
      examples=(
          ("It ended in nineteen ninety-eight.", "1998"),
      ))
def _spelled_year(m: re.Match[str], ctx: Context) -> Hit | None:
    if m["tens"]:
        y = 1900 + _TENS[m["tens"].lower()] + (_UNITS[m["unit"].lower()] if m["unit"] else 0)
    else:
        y = 2000 + (_UNITS[m["u2"].lower()] if m["u2"] else 0)
    return Hit("DATE", rd.year(y, "a year written in words"), absolute=True)
