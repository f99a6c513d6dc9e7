"""Rules for clock times, durations, sets and vague references (holidays: rules_holidays)."""

from __future__ import annotations

import re

from desktop_app.core.temporal import readings as rd
from desktop_app.core.temporal.calendar import fmt_day, shift
from desktop_app.core.temporal.context import preceding_word
from desktop_app.core.temporal.grammar import Context, Hit, rule
from desktop_app.core.temporal.lang.en.lexicon import (
    CLOCK_CUES,
    PARTS_OF_DAY,
    WEEKDAY_NAMES,
)
from desktop_app.core.temporal.lang.en.patterns import (
    CLOCK,
    DAYNUM,
    MON,
    NAME_AFTER,
    NUM,
    UNIT,
    WD,
    YEAR,
    month_number,
    number,
    unit_code,
    weekday_number,
)
from desktop_app.core.temporal.lang.en.rules_relative import at_granularity
from desktop_app.core.temporal.model import Reading


def _clock_value(m: re.Match[str] | _Renamed) -> str:
    if m["word"]:
        hour, minute = (0, 0) if m["word"].lower() == "midnight" else (12, 0)
    else:
        hour = int(m["h"] or m["h2"] or 0)  # the pattern always has one of them
        minute = int(m["mi"] or m["mi2"] or 0)
        ap = (m["ap"] or "").lower().replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
    return f"T{hour:02d}:{minute:02d}"


# After these, midnight with a day is that day's start ('shortly after midnight on Dec. 19').
_INTO_THE_DAY = ("after", "past", "since")
# The days a clock time may be said on by a word, from the publication date.
_DAY_WORD_STEPS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}


# The day a clock time is said on, as a date: 'Sunday November 3, 2013', 'Nov. 6' (tried
# before a weekday alone, which would take only 'Sunday').
_DATE_AFTER_CLOCK = (r"(?:" + WD.replace("wd>", "wd3>") + r",?\s+)?" + MON + r"\s+" + DAYNUM
                     + r"(?:\s*,?\s+" + YEAR + r")?")


@rule("clock-and-day", CLOCK + r"\s*,?\s+(?:on\s+)?(?:" + _DATE_AFTER_CLOCK + r"|" + WD
      + r"|(?P<dw>" + "|".join(_DAY_WORD_STEPS) + r"))"
      r"|" + WD.replace("wd>", "wd2>") + r"\s*,?\s+(?:at\s+)?" + CLOCK.replace("?P<", "?P<c_"),
      priority=13,
      cues=CLOCK_CUES,
      examples=(
          ("The blast came at 10:30 a.m. on Monday.", "2021-07-05T10:30"),
          ("The meeting is at 10 a.m. tomorrow.", "2021-07-10T10:00"),  # was 10 a.m. today
          ("Level 3 applies from midnight tomorrow.", "2021-07-10T24:00"),  # its end
          ("The deadline is midnight Friday.", "2021-07-09T24:00"),
          ("Shortly after midnight on July 7, he posted.", "2021-07-07T00:00"),
          # the date's year and weekday with it ('2am' had been the publication day's)
          ("He left shortly after 2am on Sunday November 3, 2013.", "2013-11-03T02:00"),
          ("He left at 2am on November 3, 2013.", "2013-11-03T02:00"),
      ))
def _clock_and_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """'10 p.m. Wednesday', '5 p.m. EST, Nov. 6', 'Friday at noon', '10 a.m. tomorrow': one
    TIME. Midnight said with a day is that day's end (TIMEX3's T24:00: 'by midnight Friday'),
    but after it, that day's start ('shortly after midnight on Dec. 19')."""
    if m["wd2"]:
        day_word, clock = m["wd2"], _clock_value(_Renamed(m, "c_"))
        midnight = (m["c_word"] or "").lower() == "midnight"
    else:
        day_word, clock = m["wd"], _clock_value(m)
        midnight = (m["word"] or "").lower() == "midnight"
    if midnight and preceding_word(ctx.text, m.start()) not in _INTO_THE_DAY:
        clock = "T24:00"
    if m["dw"]:
        anchor = ctx.anchor
        if anchor is None:
            return None
        day_reading = rd.day(shift(anchor, "D", _DAY_WORD_STEPS[m["dw"].lower()]),
                             f"{m['dw'].lower()}, from {ctx.anchor_label}, {fmt_day(anchor)}")
    elif day_word:
        from desktop_app.core.temporal.lang.en.rules_weekdays import resolve_weekday

        resolved = resolve_weekday(day_word, None, ctx)
        if resolved is None:
            return None
        day_reading = resolved[0]
    else:
        from desktop_app.core.temporal.lang.en.rules_absolute import _full_date

        hit = _full_date(m, ctx, int(m["y"]) if m["y"] else None, month_number(m["mon"]),
                         int(m["d"]))
        if hit is None:
            return None
        day_reading = hit.reading
    d = day_reading.earliest
    return Hit("TIME", Reading(day_reading.value + clock, "time", d, d,
                               f"{clock[1:]} on {day_reading.explanation}"))


class _Renamed:
    """Read a match's groups under a prefix, so one clock parser serves both orders."""

    def __init__(self, m: re.Match[str], prefix: str) -> None:
        self._m, self._prefix = m, prefix

    def __getitem__(self, name: str) -> str | None:
        return self._m[self._prefix + name]


_HIGH_BEFORE = re.compile(r"\bhigh\s+$", re.IGNORECASE)


@rule("clock", CLOCK, priority=14,
      cues=CLOCK_CUES,
      examples=(
          ("The vote closes at 8 p.m.", "2021-07-09T20:00"),
          ("He will appear before a judge at midday.", "2021-07-09T12:00"),
      ),
      misses=(
          "a picture of Gary Cooper from the film High Noon",  # a title, and the idiom
      ))
def _clock(m: re.Match[str], ctx: Context) -> Hit | None:
    if m["word"] and _HIGH_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start()):
        return None  # 'high noon': the decisive moment, no time of day
    return _at_clock(_clock_value(m), ctx, "clock time")


def _at_clock(clock: str, ctx: Context, what: str) -> Hit:
    """A time of day ('T04:00') on the day the text is about: the last day mentioned, else
    the publication date; a time on no known day without one."""
    anchor = ctx.ref_or_anchor
    if anchor is None:
        return Hit("TIME", Reading(f"XXXX-XX-XX{clock}", "time", None, None, what))
    return Hit("TIME", Reading(anchor.isoformat() + clock, "time", anchor, anchor,
                               f"{what} on {fmt_day(anchor)}"))


_HOUR_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve")
_HOUR = r"1[0-2]|0?[1-9]|" + "|".join(_HOUR_WORDS)
# The words before an hour said without a.m. or p.m. ('at 4 in the morning'): without one,
# '3 in the afternoon session' is a count.
_CLOCK_PREPOSITIONS = frozenset(("at", "by", "until", "till", "around", "about", "before",
                                 "after", "from", "to", "since", "past"))


@rule("hour-of-day", r"(?P<h>" + _HOUR + r")(?:\s+o'clock)?\s+(?:in\s+the\s+"
      r"(?P<pod>morning|afternoon|evening)|at\s+(?P<night>night))|(?P<h2>" + _HOUR
      + r")\s+o'clock", priority=14,
      cues=("morning", "afternoon", "evening", "night", "clock"),
      examples=(
          ("He will leave at 4 in the morning.", "2021-07-09T04:00"),
          ("The polls closed at eight in the evening.", "2021-07-09T20:00"),
          ("It began at 11 o'clock.", "2021-07-09T11:00"),
          ("The blast came at 12 at night.", "2021-07-09T00:00"),
      ),
      misses=(
          "She scored 3 in the afternoon session.",
      ))
def _hour_of_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """'at 4 in the morning', 'at ten o'clock': an hour on the day the text is about."""
    if preceding_word(ctx.text, m.start()) not in _CLOCK_PREPOSITIONS:
        return None
    word = (m["h"] or m["h2"]).lower()
    hour = int(word) if word.isdigit() else _HOUR_WORDS.index(word) + 1
    if m["pod"] == "morning" or m["night"] and hour == 12:
        hour %= 12
    elif m["pod"] or m["night"] and hour >= 6:  # '3 at night' is 3 a.m.
        hour = hour % 12 + 12
    return _at_clock(f"T{hour:02d}:00", ctx, f"{m.group(0)!r}: {hour:02d}:00")


_UNIT_VALUE = {"D": "D", "W": "W", "2W": "W", "M": "M", "Y": "Y", "10Y": "DE", "100Y": "CE",
               "Q": "Q", "H": "H", "MIN": "M"}


def duration_value(n: int, code: str) -> str:
    """TIMEX3 duration value: 'P2W', 'PT3H', 'PXY' for an unknown count."""
    count = "X" if n < 0 else str(n * (2 if code == "2W" else 1))
    if code in ("H", "MIN"):
        return f"PT{count}{_UNIT_VALUE[code]}"
    if code == "10Y":
        return f"P{count}0Y" if n >= 0 else "PXDE"
    if code == "100Y":
        return f"P{count}00Y" if n >= 0 else "PXCE"
    return f"P{count}{_UNIT_VALUE[code]}"


# Half a unit, written in the next smaller one: '2 1/2 years' is P2Y6M, 'five and a half
# hours' PT5H30M, 'a minute and a half' PT1M30S.
_HALF = {"Y": "6M", "M": "15D", "D": "T12H", "H": "30M", "MIN": "30S"}


@rule("duration", r"(?:the\s+)?(?:(?P<rel>past|last|next|coming|first|previous|final)\s+)?"
      + NUM + r"(?P<half>\s+1/2|\s*" + "\u00bd" + r"|\s+and\s+a\s+half)?[\s-]+"
      r"(?:(?:full|more|long|straight|consecutive)\s+)?" + UNIT + r"(?P<half2>\s+and\s+a\s+half)?"
      + r"(?:[\s-](?:long|old))?", priority=40, needs_anchor=False,
      cue_in="unit",
      examples=(
          ("The talks lasted three days.", "P3D"),
          ("over the past two weeks", "P2W"),
          ("The mission ends in two weeks.", "2021-W29"),  # when, in a clause about the future
          ("They will vote again in a month.", "2021-08"),
          ("His second letter in two weeks was published.", "P2W"),
          ("The troops will leave within a week.", "P1W"),
          ("Stocks close at their lowest level in six years.", "P6Y"),  # looked back over
      ),
      misses=(
          "a 24-year-old man",  # an age
          "free entry for 16\u201324 year-olds",
      ))
def _duration(m: re.Match[str], ctx: Context) -> Hit | None:
    if m.group(0).lower().endswith("old") or _AGE_AFTER.match(ctx.text, m.end()):
        return None  # an age ('a 6-year-old boy'), not a length of time
    n = number(m["n"])
    code = unit_code(m["unit"])
    value = duration_value(n, code)
    if (m["half"] or m["half2"]) and n >= 0 and code in _HALF:
        value += _HALF[code]
    rel = (m["rel"] or "").lower()
    anchor = ctx.anchor
    if rel in ("past", "last", "previous") and anchor is not None and n > 0:
        start = shift(anchor, code, -n) if code not in ("H", "MIN") else anchor
        why = f"the {n} {m['unit'].lower()} up to {ctx.anchor_label}, {fmt_day(anchor)}"
        return Hit("DURATION", Reading(value, "duration", start, anchor, why))
    if not rel and n > 0 and code in _AHEAD_UNITS and anchor is not None and ctx.future \
            and preceding_word(ctx.text, m.start()) == "in" \
            and not _SPAN_BACK.search(ctx.text, max(0, m.start() - 50), m.start()):
        # 'ends in two weeks', 'will vote again in a month': when, counted from publication
        # (not 'within a week', nor 'his second letter in two weeks', a length of time, nor
        # 'closes at its lowest level in six years', the years looked back over).
        why = (f"in {' '.join(m.group(0).split())!r}, counted from {ctx.anchor_label}, "
               f"{fmt_day(anchor)} (the clause is about the future)")
        return Hit("DATE", at_granularity(shift(anchor, code, n), code, why))
    return Hit("DURATION", Reading(value, "duration", None, None, "a length of time"))


_AHEAD_UNITS = ("D", "W", "M", "Y")
# A superlative before 'in': the span looked back over ('the lowest level in six years', 'the
# first time in a decade', 'its biggest loss in 20 years').
_SPAN_BACK = re.compile(r"\b(?:\w+est|first|most|least|best|worst|only)\b(?:\s+[\w-]+){0,3}"
                        r"\s+in\s+$", re.IGNORECASE)


_PLURAL_UNITS = ("days", "weeks", "months", "years", "decades", "centuries", "hours", "minutes")


@rule("plural-duration", r"(?P<prep>for|over|in|within)\s+(?P<x>(?:many\s+|several\s+)?"
      r"(?P<unit>" + "|".join(_PLURAL_UNITS) + "))", priority=41, needs_anchor=False,
      cue_in="unit",
      examples=(
          ("It lasted for years.", "PXY"),
      ))
def _plural_duration(m: re.Match[str], ctx: Context) -> Hit | None:
    return Hit("DURATION", Reading(duration_value(-1, unit_code(m["unit"])), "duration", None,
                                   None, "an unspecified length of time"))


_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "nightly": "P1D",
         "hourly": "PT1H"}


_DAY_NAMES = tuple(name.lower() for name in WEEKDAY_NAMES)
# 'on Tuesdays', 'Tuesday nights': every such day (or part of it).
_PLURAL_DAYS = ("(?P<wdp>" + "|".join(_DAY_NAMES) + r")(?:s(?:\s+(?P<podp>morning|afternoon|"
                r"evening|night)s?)?|\s+(?P<podq>morning|afternoon|evening|night)s)")


@rule("set", r"(?:every|each)\s+(?:(?P<wd2>" + WD[7:-1] + r")|(?P<unit>day|week|month|year|"
      r"morning|evening|night|quarter)|" + MON.replace("?P<mon>", "?P<mon2>") + ")"
      r"|(?P<adv>daily|weekly|monthly|yearly|nightly|hourly)"
      r"|(?P<n>once|twice|three\s+times)\s+a\s+(?P<per>day|week|month|year)|" + _PLURAL_DAYS,
      priority=15, needs_anchor=False,
      cues=("every", "each", "daily", "weekly", "monthly", "yearly", "nightly", "hourly", "once",
            "twice", "times", *(d + "s" for d in _DAY_NAMES), "mornings", "afternoons",
            "evenings", "nights"),
      examples=(
          ("They meet every Monday.", "XXXX-WXX-1"),
          ("The market opens on Saturdays.", "XXXX-WXX-6"),
      ),
      misses=(
          "Students joined Fridays for Future in Berlin.",  # a movement's name
      ))
def _set(m: re.Match[str], ctx: Context) -> Hit | None:
    if m["wdp"] and NAME_AFTER.match(ctx.text, m.end()) \
            and preceding_word(ctx.text, m.start()) not in ("on", "most", "all", "some"):
        return None  # 'joined Fridays for Future': a name ('on Fridays for Ramadan' is not)
    if m["wd2"] or m["wdp"]:
        value = f"XXXX-WXX-{weekday_number(m['wd2'] or m['wdp']) + 1}"
        part = m["podp"] or m["podq"]
        if part:
            value += "T" + PARTS_OF_DAY[part.lower()]
    elif m["mon2"]:
        value = f"XXXX-{month_number(m['mon2']):02d}"
    elif m["adv"]:
        value = _SETS[m["adv"].lower()]
    elif m["per"]:
        value = duration_value(1, unit_code(m["per"]))
    else:
        unit = m["unit"].lower()
        value = {"morning": "TMO", "evening": "TEV", "night": "TNI"}.get(
            unit, duration_value(1, unit_code(unit)))
    return Hit("SET", Reading(value, "set", None, None, "a recurring time"))


_VAGUE = {
    "PRESENT_REF": r"now|right\s+now|currently|nowadays|these\s+days|at\s+present|presently|"
                   r"at\s+the\s+moment|for\s+now|the\s+present|current|the\s+time\s+being",
    "PAST_REF": r"recently|lately|in\s+the\s+past|the\s+past|in\s+recent\s+times|"
                r"recent\s+(?:days|weeks|months|years)|before\s+now|to\s+date|recent",
    "FUTURE_REF": r"in\s+the\s+future|the\s+future|future|the\s+(?:near|long|short)\s+term|"
                  r"(?:in\s+the\s+|in\s+|for\s+)?coming\s+(?:days|weeks|months|quarters|years)"
                  r"|in\s+the\s+near\s+future|someday",
}
# 'in recent weeks' is an unspecified stretch of weeks up to now (TimeML: PXW).
_RECENT_STRETCH = r"in\s+recent\s+(?P<recent>days|weeks|months|years)"
_VAGUE_WORD = {k: re.compile(r"^(?:" + v + r")$", re.I) for k, v in _VAGUE.items()}


@rule("vague", _RECENT_STRETCH + "|" + "|".join(f"(?:{p})" for p in _VAGUE.values()),
      priority=45, needs_anchor=False,
      cues=("now", "currently", "nowadays", "days", "present", "presently", "moment", "current",
            "being", "recently", "lately", "past", "recent", "date", "future", "term", "coming",
            "someday"),
      examples=(
          ("Prices are high now.", "PRESENT_REF"),
          ("Sales rose in recent weeks.", "PXW"),
          ("To date, 40 people have died.", "PAST_REF"),
      ),
      misses=("Follow us to stay up to date on industry trends.",))  # current, no time
def _vague(m: re.Match[str], ctx: Context) -> Hit | None:
    if m["recent"]:
        unit = unit_code(m["recent"])
        return Hit("DURATION", Reading(f"PX{unit}", "duration", None, None,
                                       f"{m.group(0)!r}: an unspecified number of "
                                       f"{m['recent'].lower()} up to now"))
    word = " ".join(m.group(0).lower().split())
    after = ctx.text[m.end():m.end() + 20].lower()
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    if word == "to date" and before.split()[-1:] == ["up"]:
        return None  # 'up to date': current, an idiom of no time
    if word == "future" and _NEAR_FUTURE_BEFORE.search(before):
        pass  # 'the near future', 'the foreseeable future'
    elif word in ("current", "future", "recent", "the present") and \
            not _vague_ok(word, after):
        return None
    for value, pattern in _VAGUE_WORD.items():
        if pattern.match(word):
            return Hit("DATE", rd.vague(value, f"{word!r} is a vague reference ({value})"))
    return None


_WEAK_VAGUE = {
    "PRESENT_REF": r"current(?:ly)?|already|yet|this\s+(?:\w+\s+)?(?:moment|time)|the\s+moment|"
                   r"today|these\s+times|so\s+far|still|ongoing|at\s+present|nowadays",
    "PAST_REF": r"previously|earlier|once|formerly|the\s+time|then|past\s+(?:years|months|weeks|"
                r"decades)|recent(?:ly)?|the\s+last\s+(?:few|several)\s+(?:days|weeks|months|years)"
                r"|in\s+the\s+past|history|(?:at\s+)?one\s+point|(?:the\s+)?\w+\s+era|"
                r"(?:in\s+)?the\s+old\s+days",
    "FUTURE_REF": r"soon|future|eventually|shortly|later|a\s+later\s+date|as\s+soon\s+as\s+"
                  r"possible|(?:the\s+)?coming\s+(?:days|weeks|months|quarters|years)|one\s+day"
                  r"|from\s+time\s+to\s+time|someday|long[\s-]term|short[\s-]term|near[\s-]term",
}
_WEAK_VAGUE_WORD = {k: re.compile(r"^(?:" + v + r")$", re.I) for k, v in _WEAK_VAGUE.items()}


@rule("weak-vague", "|".join(f"(?:{p})" for p in _WEAK_VAGUE.values()), priority=60,
      needs_anchor=False, weak=True,
      examples=(
          ("currently", "PRESENT_REF"),
          ("previously", "PAST_REF"),
      ))
def _weak_vague(m: re.Match[str], ctx: Context) -> Hit | None:
    word = " ".join(m.group(0).lower().split())
    for value, pattern in _WEAK_VAGUE_WORD.items():
        if pattern.match(word):
            return Hit("DATE", rd.vague(value, f"{word!r} read as a vague reference ({value})"))
    return None


def _vague_ok(word: str, after: str) -> bool:
    """Adjectival 'current', 'recent', 'future' count only before words about time or events."""
    return bool(_ABOUT_TIME_AFTER.match(after))


_ABOUT_TIME_AFTER = re.compile(r"\s+(?:level|levels|quarter|year|month|week|period|season|"
                               r"session|crisis|situation|conditions?|rate|rates|price|prices|"
                               r"talks|policy|government|administration|plan|plans|"
                               r"generations?|events|developments|economic|fiscal|market|"
                               r"contract|term|system|trend|status|state|and|or|\.|,)")
_AGE_AFTER = re.compile(r"[\s-]+olds?\b")
_NEAR_FUTURE_BEFORE = re.compile(r"(?:the|near|foreseeable|distant)\s+$")
