"""Rules for the calendar's longer stretches: decades, centuries, quarters and halves."""

from __future__ import annotations

import re

from desktop_app.core.temporal import readings as rd
from desktop_app.core.temporal.calendar import fmt_day
from desktop_app.core.temporal.grammar import Context, Hit, rule
from desktop_app.core.temporal.lang.en.lexicon import DECADE_NUMBER, STEPS, YEAR_NUMBER
from desktop_app.core.temporal.lang.en.patterns import YEAR

_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
          "final": 4}

_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}


@rule("decade-word", r"the\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dw>" + "|".join(_DECADE_WORDS)
      + r")", priority=5,
      cues=tuple(_DECADE_WORDS),
      examples=(
          ("It was built in the sixties.", "196"),
      ))
def _decade_word(m: re.Match[str], ctx: Context) -> Hit | None:
    anchor_year = ctx.anchor.year if ctx.anchor else 1999
    first = anchor_year // 100 * 100 + _DECADE_WORDS[m["dw"].lower()]
    if first > anchor_year + 10:  # 'the nineties' written in 2021 are the 1990s
        first -= 100
    return Hit("DATE", rd.narrow(rd.decade(first, "a decade named in words"), m["mod"]))


@rule("decade", r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<dec>1[0-9]\d|20\d)0'?s"
      r"|'(?P<d2>\d)0s|(?<=the\s)(?P<d3>[2-9])0s|(?:(?<=and\s)|(?<=or\s)|(?<=,\s))(?P<d4>[2-9])0s)",
      priority=5, needs_anchor=False,
      cues=(YEAR_NUMBER, DECADE_NUMBER),
      examples=(
          ("Prices rose in the 1990s.", "199"),
          ("a hit of the '80s", "198"),
          ("Trade grew in the 1800s.", "18"),
          ("the boxy cars of the 70s and 80s", "198"),  # the second of two (the first apart)
      ),
      misses=(
          "He is in his 80s.",
          "Both are in their 70s and 80s.",
      ))
def _decade(m: re.Match[str], ctx: Context) -> Hit | None:
    if m["d4"] and not _DECADE_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start()):
        return None  # '80s' alone is an age; after 'the 70s and' it is the next decade
    if m["dec"]:
        first = int(m["dec"]) * 10
        if first % 100 == 0 and first < 2000:
            # 'the 1800s' is the century 1800-1899; the decade 1800-1809 the other reading
            # ('the 2000s' is the decade: the century has its own name, 'the 21st century').
            century = rd.narrow(rd.century(first // 100, "a century named by its first year"),
                                m["mod"])
            return Hit("DATE", century, (rd.decade(first, "the decade"),))
    else:
        d2 = int(m["d2"] or m["d3"] or m["d4"]) * 10
        first = (1900 if d2 >= 30 else 2000) + d2
    return Hit("DATE", rd.narrow(rd.decade(first, "explicit decade"), m["mod"]))


# Decades just before another joined to them ('the 70s and', "the 1950s, 60s, '70s or").
_A_DECADE = r"'?(?:1[0-9]|20)?\d0'?s"
_DECADE_BEFORE = re.compile(rf"(?:\bthe\s+|')(?:{_A_DECADE}\s*,\s*)*{_A_DECADE}"
                            r"\s*(?:,|,?\s*(?:and|or))\s+$", re.IGNORECASE)


_SPELLED_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                     "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                     "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                     "twentieth", "twenty-first")


def _ordinal_suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


# The centuries of the common era, in digits and in words ('the 11th century', 'the
# twelfth century'), longest first so 'twenty-first' is not read as 'twenty'.
_CENTURY_ORD = {**{f"{n}{_ordinal_suffix(n)}": n for n in range(1, 22)},
                **{word: n for n, word in enumerate(_SPELLED_ORDINALS, 1)}}


@rule("century", r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<ord>" +
      "|".join(sorted(_CENTURY_ORD, key=len, reverse=True)) + r")[\s-]+century",
      priority=5, needs_anchor=False,
      cues=("century",),
      examples=(
          ("It dates from the 19th century.", "18"),
          ("They restored the fabled 11th century temple.", "10"),
          ("a twelfth-century abbey", "11"),
      ))
def _century(m: re.Match[str], ctx: Context) -> Hit | None:
    n = _CENTURY_ORD[m["ord"].lower()]
    return Hit("DATE", rd.narrow(rd.century(n - 1, "explicit century"), m["mod"]))


@rule("quarter", r"(?:the\s+)?(?:(?P<ago>(?:comparable\s+)?year[\s-]+(?:ago|earlier))\s+)?"
      r"(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+"
      r"(?:fiscal[\s-]+)?(?P<quarter>quarter)(?:\s+of\s+(?:(?:fiscal\s+)?" + YEAR
      + r"|(?P<rel>last|this|next)\s+year))?",
      priority=6,
      cue_in="quarter",
      examples=(
          ("Profit rose in the first quarter.", "2021-Q1"),
      ))
def _quarter(m: re.Match[str], ctx: Context) -> Hit | None:
    q = _ORD_Q[m["ord"].lower()]
    anchor = ctx.anchor
    if m["y"]:
        return Hit("DATE", rd.quarter(int(m["y"]), q, "explicit quarter"), absolute=True)
    if anchor is None:
        return None
    y = anchor.year + STEPS.get((m["rel"] or "").lower(), 0)
    if not m["rel"]:
        # The latest such quarter that has begun; in a clause about the future, the next one
        # if that quarter is long over ('expects to report a third-quarter loss' is still the
        # quarter just ended).
        if 3 * q - 2 > anchor.month:
            y -= 1
        if (anchor.year - y) * 12 + anchor.month - 3 * q > 3 and ctx.future:
            y += 1
    why = f"latest such quarter relative to {ctx.anchor_label}, {fmt_day(anchor)}"
    if m["ago"]:
        return Hit("DATE", rd.quarter(y - 1, q, f"the year-ago {q}. quarter"), derived=True)
    return Hit("DATE", rd.quarter(y, q, why), (rd.quarter(y - 1, q, "a year earlier"),))


@rule("year-quarter", r"the\s+" + YEAR + r"(?:\s+(?P<ord>first|second|third|fourth|1st|2nd|3rd|"
      r"4th))?(?:[\s-]+fiscal)?[\s-]+(?P<what>quarter|period)", priority=6,
      cues=("quarter", "period"),
      also=(YEAR_NUMBER,),
      examples=(
          ("the 2020 fourth quarter", "2020-Q4"),
      ))
def _year_quarter(m: re.Match[str], ctx: Context) -> Hit | None:
    """'the 1988 second quarter'; 'the 1988 period' is the quarter under discussion, in 1988."""
    y = int(m["y"])
    if m["ord"]:
        return Hit("DATE", rd.quarter(y, _ORD_Q[m["ord"].lower()], "explicit quarter"))
    last = ctx.last_reading
    if last is not None and last.granularity == "quarter":
        q = int(last.value[-1])
        return Hit("DATE", rd.quarter(y, q, f"the quarter under discussion, {last.value}, in {y}"),
                   derived=True)
    return Hit("DATE", rd.year(y, "explicit year"), derived=True)


@rule("q-number", r"Q(?P<q>[1-4])(?:\s+|/|-)?(?:" + YEAR + r")?", priority=6,
      cues=("q1", "q2", "q3", "q4"),
      examples=(
          ("Sales in Q3 2020 fell.", "2020-Q3"),
      ))
def _q_number(m: re.Match[str], ctx: Context) -> Hit | None:
    if m["y"]:
        return Hit("DATE", rd.quarter(int(m["y"]), int(m["q"]), "explicit quarter"), absolute=True)
    if ctx.anchor is None:
        return None
    return Hit("DATE", rd.quarter(ctx.anchor.year, int(m["q"]), "quarter of the anchor's year"))


@rule("half", r"(?:the\s+)?(?P<ord>first|second|last)\s+half(?:\s+of\s+(?:" + YEAR
      + r"|(?P<rel>last|this|next)\s+year))?", priority=6,
      cues=("half",),
      examples=(
          ("Sales grew in the first half of 2020.", "2020-H1"),
      ),
      misses=(
          "She was a second-half substitute.",
      ))
def _half(m: re.Match[str], ctx: Context) -> Hit | None:
    h = 1 if m["ord"].lower() == "first" else 2
    if m["ord"].lower() == "last" and not (m["y"] or m["rel"]):
        return None  # 'the last half' alone is a duration, not a half year
    if m["y"]:
        return Hit("DATE", rd.half(int(m["y"]), h, "explicit half year"), absolute=True)
    if ctx.anchor is None:
        return None
    y = ctx.anchor.year + STEPS.get((m["rel"] or "").lower(), 0)
    return Hit("DATE", rd.half(y, h, f"half of the year of {ctx.anchor_label}"))
