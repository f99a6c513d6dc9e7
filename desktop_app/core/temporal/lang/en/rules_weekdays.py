"""Rules for weekdays and the words for days around the publication date: 'on Monday',
'Tuesday night', 'yesterday', 'over the weekend'."""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from desktop_app.core.temporal import readings as rd
from desktop_app.core.temporal.calendar import (
    fmt_day,
    week_start,
    weekday_on_or_after,
    weekday_on_or_before,
)
from desktop_app.core.temporal.context import preceding_word
from desktop_app.core.temporal.grammar import Context, Hit, rule
from desktop_app.core.temporal.lang.en.lexicon import PARTS_OF_DAY, UP_TO_WORDS, WEEKDAY_NAMES
from desktop_app.core.temporal.lang.en.patterns import WD, weekday_number
from desktop_app.core.temporal.model import Reading


def with_part_of_day(reading: Reading, part: str | None) -> tuple[str, Reading]:
    """'Monday night' is a TIME whose value carries the part of day (2021-07-05TNI)."""
    if not part:
        return "DATE", reading
    code = PARTS_OF_DAY[part.lower()]
    return "TIME", Reading(f"{reading.value}T{code}", "time", reading.earliest, reading.latest,
                           reading.explanation)


@rule("weekday", r"(?:(?P<over>overnight)\s+)?(?:(?P<rel>last|next|this|coming|past|previous|"
      r"(?<=the )following|early|late|earlier|later)\s+)?" + WD
      + r"(?:\s+(?P<pod>morning|afternoon|evening|night))?", priority=10,
      cue_in="wd",
      examples=(
          ("They met on Monday.", "2021-07-05"),
          ("They will meet on Tuesday.", "2021-07-13"),
          # The day after publication: set before the main clause, the tense is that one's.
          ("On Saturday, the council met.", "2021-07-03"),
          ("On Saturday, the league plans to show an ad made last week.", "2021-07-10"),
          ("On Tuesday, the council will meet.", "2021-07-13"),
          ("On Tuesday, the council is expected to vote.", "2021-07-13"),
          ("On Tuesday, officials were expected to vote.", "2021-07-06"),
          ("Saturday night, police said three men were held.", "2021-07-03TNI"),
          ("From Saturday, masks are required.", "2021-07-10"),  # a passive, no past
          ("On Saturday, the rebels fled the city.", "2021-07-03"),  # a past with no -ed
          ("The vote was postponed until Monday.", "2021-07-12"),  # the day put off to
          ("The lease expires on Monday.", "2021-07-12"),  # a scheduled end, in the present
          # set before the main clause, but leading up to it: not that clause's time
          ("Ahead of Saturday's vote, campaigners rallied.", "2021-07-10"),
          ("The festival runs until Sunday.", "2021-07-11"),  # the end of what lasts
          ("The festival ran until Sunday.", "2021-07-04"),
          ("Until Monday, the border stays closed.", "2021-07-12"),  # 'closed': no past here
          ("The border stayed closed until Monday.", "2021-07-05"),
          # a state reaching to now: its end is to come
          ("The government has kept all markets closed until Monday.", "2021-07-12"),
          ("The markets had been closed until Monday.", "2021-07-05"),
          # the day something was said, whatever the words said speak of
          ("The ministry said Wednesday it would publish the figures.", "2021-07-07"),
          ("He told reporters Thursday he would run.", "2021-07-08"),
          ("He said the vote on Tuesday would be close.", "2021-07-13"),
          ("A report released Wednesday shows prices will rise.", "2021-07-07"),
          ("The report, due out on Monday, shows a rise.", "2021-07-12"),
          ("Voters go to the polls on Sunday.", "2021-07-11"),
          ("The festival ends on Wednesday.", "2021-07-14"),
          ("He was told on July 7, a Wednesday, that he had won.", "2021-07-07"),
          # counted from the day the story is at, as 'the previous Friday' is
          ("On 3 March he arrived. He left the following Monday.", "2021-03-08"),
          ("Following Monday's vote, protests began.", "2021-07-05"),  # a preposition
          ("Shelling continued overnight Sunday.", "2021-07-04TNI"),  # Sunday's night
          ("Earlier Sunday, police and protesters clashed.", "2021-07-04"),  # earlier that day
      ),
      misses=(
          "Super Tuesday is near.",
      ))
def _weekday(m: re.Match[str], ctx: Context) -> Hit | None:
    some = not m["rel"] and _INDEFINITE_BEFORE.search(
        ctx.text, max(0, m.start() - 4), m.start()) is not None \
        and _NO_NOUN_AFTER.match(ctx.text, m.end()) is not None  # not 'a Wednesday event'
    if some and (named := _day_just_named(m, ctx)) is not None:
        return named
    resolved = resolve_weekday(m["wd"], m["rel"], ctx)
    if resolved is None:
        return None
    best, alts = resolved
    typ, best = with_part_of_day(best, m["pod"] or ("night" if m["over"] else None))
    doubts = (f"“a {m['wd']}”: the text does not say which {m['wd']}; the nearest is "
              "taken",) if some else ()
    return Hit(typ, best, alts, doubts)


_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
# What may follow 'a Wednesday' that is some Wednesday (or the date before it): not a noun
# it qualifies ('a Wednesday media event' is a particular Wednesday's).
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;:!?)\u2013\u2014-]|$)|\s+(?:and|or|but|in|of|when|that|"
                            r"at|on|to|with|for|before|after|so|as)\b")
_APPOSITION = re.compile(r"\s*(?:,|\()\s*(?:a|an)\s+$", re.IGNORECASE)


def _day_just_named(m: re.Match[str], ctx: Context) -> Hit | None:
    """'on Dec. 18, a Wednesday': the day just named, where it is that weekday."""
    wd = weekday_number(m["wd"])
    last = ctx.last_reading
    if last is None or last.granularity not in ("day", "time") or last.earliest is None \
            or last.earliest.weekday() != wd \
            or _APPOSITION.match(ctx.text, ctx.last_end, m.start()) is None:
        return None
    day = rd.day(last.earliest, f"the day just named, {fmt_day(last.earliest)}, which was a "
                                f"{WEEKDAY_NAMES[wd]}")
    return Hit(*with_part_of_day(day, m["pod"]), derived=True)


def resolve_weekday(word: str, rel_word: str | None,
                    ctx: Context) -> tuple[Reading, tuple[Reading, ...]] | None:
    """The day a weekday name means, by the news rules, with the other readings."""
    rel = (rel_word or "").lower()
    # 'the previous Friday' looks back from the day the story is at, not from publication;
    # 'the following Monday' forward from it.
    news_anchor = ctx.anchor
    anchor = ctx.ref_or_anchor if rel in ("previous", "following") else news_anchor
    if anchor is None:
        return None
    wd = weekday_number(word)
    source = "the last day mentioned" if anchor != news_anchor else ctx.anchor_label
    if rel in ("last", "past", "previous"):
        way = "before"
    elif rel in ("next", "coming", "following"):
        way = "after"
    elif rel == "this":
        way = "this week"
    elif ctx.future and ctx.text.startswith("'s", ctx.end) and ctx.reported_future:
        # the day of a thing the reported future acts on ('said they would appeal
        # Wednesday's ruling'): it may have come already
        way = "nearest"
    elif ctx.future and preceding_word(ctx.text, ctx.start) != "since" or (
            preceding_word(ctx.text, ctx.start) in UP_TO_WORDS
            and (not ctx.past or ctx.reaches_now)):
        way = "future"  # or the end of what lasts ('the festival runs until Sunday')
    elif weekday_on_or_after(anchor, wd) == anchor + timedelta(days=1) and not ctx.past \
            and preceding_word(ctx.text, ctx.start) != "since":
        way = "tomorrow"
    else:
        way = "on or before"
    return _weekday_readings(wd, anchor, source, way)


@functools.lru_cache(maxsize=512)
def _weekday_readings(wd: int, anchor: date, source: str,
                      way: str) -> tuple[Reading, tuple[Reading, ...]]:
    """A weekday's readings from an anchor, the way the clause asks for: the same few for
    every mention in an article, so made once and shared (they are immutable)."""
    name = WEEKDAY_NAMES[wd]
    on_before = weekday_on_or_before(anchor, wd)
    on_after = weekday_on_or_after(anchor, wd)
    label = f"{source}, {fmt_day(anchor)}"
    if way == "before":
        d = anchor - timedelta(days=(anchor.weekday() - wd - 1) % 7 + 1)
        why = f"latest {name} strictly before {label}"
    elif way == "after":
        d = anchor + timedelta(days=(wd - anchor.weekday() - 1) % 7 + 1)
        why = f"first {name} strictly after {label}"
    elif way == "this week":
        d = week_start(anchor) + timedelta(days=wd)
        why = f"the {name} of the week of {label}"
    elif way == "future":
        d, why = on_after, f"first {name} on or after {label} (the clause is about the future)"
    elif way == "nearest":
        d = min(on_before, on_after, key=lambda day: abs((day - anchor).days))
        why = (f"the {name} nearest {label}: the day of a thing a future told in the past "
               "('said ... would') acts on may have come already")
    elif way == "tomorrow":
        d, why = on_after, (f"the {name} right after {label}: tomorrow, as the clause has no "
                            "past-tense verb")
    else:
        d, why = on_before, f"latest {name} on or before {label}"
    best = rd.day(d, why)
    alts = []
    for other, text in ((on_before - timedelta(days=7) if on_before == d else on_before,
                         f"the {name} before"),
                        (on_after + timedelta(days=7) if on_after == d else on_after,
                         f"the {name} after")):
        if other != d:
            alts.append(rd.day(other, f"{text} {fmt_day(anchor)}"))
    return best, tuple(alts)


_WEEKDAY_AFTER = re.compile(r"\s+(?:" + "|".join(WEEKDAY_NAMES) + r")\b", re.IGNORECASE)
_DAY_WORDS = {
    "today": (0, None), "tonight": (0, "night"), "yesterday": (-1, None), "tomorrow": (1, None),
    "the day before yesterday": (-2, None), "the day after tomorrow": (2, None),
    "last night": (-1, "night"), "this morning": (0, "morning"), "this afternoon": (0, "afternoon"),
    "this evening": (0, "evening"), "earlier today": (0, None), "later today": (0, None),
    "yesterday morning": (-1, "morning"), "yesterday afternoon": (-1, "afternoon"),
    "yesterday evening": (-1, "evening"), "tomorrow morning": (1, "morning"),
    "tomorrow night": (1, "night"), "overnight": (0, "night"),
}


@rule("day-word", "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _DAY_WORDS),
                                  key=len, reverse=True)), priority=8,
      cues=("today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening",
            "overnight"),
      examples=(
          ("The strike ended yesterday.", "2021-07-08"),
          ("Talks resume tomorrow morning.", "2021-07-10TMO"),
      ),
      misses=(
          "I read it in USA Today.",
      ))
def _day_word(m: re.Match[str], ctx: Context) -> Hit | None:
    anchor = ctx.anchor
    if anchor is None:
        return None
    key = " ".join(m.group(0).lower().split())
    if key == "overnight" and _WEEKDAY_AFTER.match(ctx.text, m.end()):
        return None  # 'overnight Sunday': Sunday's night (the weekday rule), not tonight
    offset, part = _DAY_WORDS[key]
    d = anchor + timedelta(days=offset)
    why = f"{key!r} counted from {ctx.anchor_label}, {fmt_day(anchor)}"
    typ, reading = with_part_of_day(rd.day(d, why), part)
    return Hit(typ, reading)


@rule("the-weekend", r"(?:over\s+)?the\s+weekend", priority=13,
      cues=("weekend",),
      examples=(
          ("Talks continued over the weekend.", "2021-W26-WE"),
      ))
def _weekend(m: re.Match[str], ctx: Context) -> Hit | None:
    anchor = ctx.anchor
    if anchor is None:
        return None
    base = anchor if anchor.weekday() >= 5 or ctx.future else anchor - timedelta(weeks=1)
    return Hit("DATE", rd.weekend(base, f"the weekend nearest {ctx.anchor_label}"))
