"""Holidays: the fixed ones and those a calendar rule moves (Easter, Thanksgiving), as days,
or as the weeks that hold them ('Easter week')."""

from __future__ import annotations

import re
from datetime import date

from desktop_app.core.temporal import readings as rd
from desktop_app.core.temporal.calendar import easter_sunday, fmt_day, nth_weekday
from desktop_app.core.temporal.grammar import Context, Hit, rule
from desktop_app.core.temporal.lang.en.lexicon import FIXED_HOLIDAYS
from desktop_app.core.temporal.lang.en.rules_absolute import closest_year

_MOVABLE = {
    "easter": lambda y: easter_sunday(y),
    "easter sunday": lambda y: easter_sunday(y),
    "good friday": lambda y: date.fromordinal(easter_sunday(y).toordinal() - 2),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "martin luther king day": lambda y: nth_weekday(y, 1, 0, 3),
    # the United States' general elections: the Tuesday after the first Monday in November
    "election day": lambda y: date.fromordinal(nth_weekday(y, 11, 0, 1).toordinal() + 1),
}
_HOLIDAY_NAMES = sorted(list(FIXED_HOLIDAYS) + list(_MOVABLE), key=len, reverse=True)


@rule("holiday", r"(?P<name>" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in
                                          _HOLIDAY_NAMES) + r")(?P<week>\s+week)?"
      r"(?:\s+(?P<y>(?:1[0-9]|20)\d{2}))?",
      priority=16,
      cues=("christmas", "easter", "thanksgiving", "halloween", "independence", "valentine",
            "patrick", "armistice", "veterans", "bastille", "memorial", "good", "labor", "new",
            "may", "luther", "boxing", "election"),
      examples=(
          ("Shops close on Christmas Day.", "2020-12-25"),
          ("Turnout will be high on Election Day.", "2021-11-02"),
          ("Protesters prayed as Easter week began.", "2021-W13"),  # the week holding it
      ),
      misses=(
          "The election day was quiet.",  # a common noun: any election's day
      ))
def _holiday(m: re.Match[str], ctx: Context) -> Hit | None:
    name = " ".join(m["name"].lower().split())
    if not m["name"][0].isupper():
        return None

    def on(y: int) -> date:
        if name in FIXED_HOLIDAYS:
            mon, dom = FIXED_HOLIDAYS[name]
            return date(y, mon, dom)
        return _MOVABLE[name](y)

    when = rd.week if m["week"] else rd.day  # 'Easter week': the week that holds it
    if m["y"]:
        return Hit("DATE", when(on(int(m["y"])), f"{name} of {m['y']}"), absolute=True)
    anchor = ctx.anchor
    if anchor is None:
        return None
    years = closest_year(anchor, on(anchor.year).month, on(anchor.year).day, ctx.future)
    options = [when(on(y), f"{name} nearest {ctx.anchor_label}, {fmt_day(anchor)}")
               for y in years]
    return Hit("DATE", options[0], tuple(options[1:]))
