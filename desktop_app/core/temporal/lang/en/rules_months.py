"""The rule for a month named without a day: 'in March', 'next May', 'early September'
(the year by the tense of its clause, a year written before it, or the publication date)."""

from __future__ import annotations

import re
from datetime import date

from desktop_app.core.temporal import readings as rd
from desktop_app.core.temporal.calendar import fmt_day, month_name
from desktop_app.core.temporal.context import has_past_form, preceding_word
from desktop_app.core.temporal.grammar import Context, Hit, rule
from desktop_app.core.temporal.lang.en.lexicon import UP_TO_WORDS
from desktop_app.core.temporal.lang.en.patterns import MOD, MON, NAME_AFTER, month_number

# 'May' is a month after these words ('in May', 'early May'); else the verb ('you may go').
_MAY_AS_MONTH_AFTER = re.compile(r"\b(in|since|until|by|of|from|through|during|early|late|mid)"
                                 r"\s+$")


@rule("month", r"(?:(?P<rel>last|next|this|coming|past|previous)\s+)?(?:" + MOD + r"[\s-]*)?"
      + MON, priority=20,
      cue_in="mon",
      examples=(
          ("The strike began in March.", "2021-03"),
          ("Talks will resume next May.", "2022-05"),
          ("Two helicopters crashed last June.", "2021-06"),  # doubted: or June 2020
          ("In September, the council will vote.", "2021-09"),  # the main clause's tense
          ("In September, it announced plans to buy the unit.", "2020-09"),
          ("The bank has extended the loans through January.", "2022-01"),  # present perfect
          ("The hearing was delayed until May.", "2022-05"),  # the month put off to
          # a limit in reported speech: the nearest ('could' as 'would')
          ("The department said in March it could not answer until June.", "2021-06"),
          ("The department said in March it could not answer until September.", "2021-09"),
          ("The agency said it could not answer until June.", "2021-06"),
          ("The law takes effect in January.", "2022-01"),  # a scheduled start, in the present
          ("The law took effect in January.", "2021-01"),
          ("Parliament reconvenes in September.", "2021-09"),
          ("In 2019 the firm opened a store in March.", "2019-03"),  # that year's March
          # no tense: the nearer one, three months on rather than nine back
          ("Delegates can attend the summit in October.", "2021-10"),
          ("The transaction should be completed in October.", "2021-10"),  # no perfect
          ("The stock has fluctuated, rising to a high from a low in October.", "2020-10"),
      ),
      misses=(
          "You may go.",
          "We march on.",
          "in January nineteen ninety-seven",  # that year's January, not this year's
          "thousands joined the annual March for Life",  # the name of a march
          "at the head of the March of the Combatant Mothers",
          "at the head of the ``March of the Combatant Mothers,''",  # quoted as well
          "they joined the “March for Our Lives” on Saturday",
      ))
def _month(m: re.Match[str], ctx: Context) -> Hit | None:
    word = m["mon"]
    if not word[0].isupper() and not ctx.text.isupper():
        return None  # 'may', 'march' as ordinary words
    if NAME_AFTER.match(ctx.text, m.end()) and _ARTICLE_BEFORE.search(
            ctx.text, max(0, m.start() - 30), m.start()):
        return None  # 'the March for Life', 'the March of Dimes': a name, no month
    if _SPELLED_YEAR_AFTER.match(ctx.text, m.end()):
        return None  # its year is written in words, read as the year alone
    if word.lower() == "may" and not (m["rel"] or m["mod"]):
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        if not _MAY_AS_MONTH_AFTER.search(before):
            return None
    anchor = ctx.anchor
    if anchor is None:
        return None
    mon = month_number(word)
    rel = (m["rel"] or "").lower()
    this_year = anchor.year
    doubts: tuple[str, ...] = ()
    if rel in ("last", "past", "previous"):
        y = this_year if mon < anchor.month else this_year - 1
        why = f"latest {month_name(mon)} strictly before {ctx.anchor_label}"
        if mon == (anchor.month - 2) % 12 + 1:  # the month just past, which 'last month' names
            doubts = (f"{month_name(mon)} was last month: “{m.group()}” may mean the "
                      f"{month_name(mon)} a year before",)
    elif rel in ("next", "coming"):
        y = this_year if mon > anchor.month else this_year + 1
        why = f"first {month_name(mon)} strictly after {ctx.anchor_label}"
    elif rel == "this":
        y, why = this_year, f"{month_name(mon)} of the year of {ctx.anchor_label}"
    elif not ctx.future and (named := _year_named_in_clause(ctx)) is not None:
        y, why = named, f"{month_name(mon)} of {named}, the year written before it"
        return Hit("DATE", rd.narrow(rd.month(y, mon, why), m["mod"]), derived=True)
    else:
        y, why, doubts = _bare_month_year(ctx, anchor, mon, preceding_word(ctx.text,
                                                                            m.start()))
    why += f", {fmt_day(anchor)}"
    best = rd.narrow(rd.month(y, mon, why), m["mod"])
    other_year = y - 1 if y >= this_year or rel in ("last", "past", "previous") else y + 1
    alt = rd.month(other_year, mon, f"{month_name(mon)} {other_year}")
    return Hit("DATE", best, (alt,), doubts)


# A month word after an article and before a name's 'of' or 'for' (NAME_AFTER) names
# something ('the annual March for Life', in quotes or not); 'in March of the following year'
# is a month.
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z]+\s+)?[`'\"“‘]*$", re.IGNORECASE)


def _year_named_in_clause(ctx: Context) -> int | None:
    """The year written in digits earlier in the clause, which a month without its own is in
    ('In 2019 the firm opened a store in March'), else None. Not a year counted ('a year
    ago'), nor one of another clause ('since its launch in 2003 and that as of February')."""
    last = ctx.last_reading
    if last is None or last.granularity != "year" or ctx.last_end < ctx.clause[0]:
        return None
    return ctx.year_written_last


_SPELLED_YEAR_AFTER = re.compile(r"\s*,?\s+(?:of\s+)?(?:nineteen|two\s+thousand)\b",
                                 re.IGNORECASE)


def _bare_month_year(ctx: Context, anchor: date, mon: int, before: str
                     ) -> tuple[int, str, tuple[str, ...]]:
    """The year of a month named without one, by the tense of its clause and the word before
    it ('since', 'by'), with the explanation and any reason to doubt it."""
    this_year = anchor.year
    if ctx.future and before != "since" and ctx.reported_future \
            or before in UP_TO_WORDS and ctx.reported_limit:
        nearest = min((this_year - 1, this_year, this_year + 1),
                      key=lambda y: (abs((y - this_year) * 12 + mon - anchor.month), -y))
        return nearest, (f"the {month_name(mon)} nearest {ctx.anchor_label}: a future told "
                         "in the past ('said ... would') may have come already"), (
            "a future told in the past: the month may lie on either side of the publication "
            "date",)
    if ctx.future and before != "since" or (
            before in UP_TO_WORDS and not ctx.past):
        y = this_year if mon >= anchor.month else this_year + 1
        return y, (f"next {month_name(mon)} on or after {ctx.anchor_label} (about the "
                   "future)"), ()
    if mon == anchor.month % 12 + 1 and before != "since":
        y = this_year if mon > anchor.month else this_year + 1
        return y, (f"the coming {month_name(mon)}: the month right after {ctx.anchor_label} "
                   "rather than one eleven months back"), (
            f"no year given: the {month_name(mon)} eleven months back is the other reading",)
    if before != "since" and _ahead(anchor, mon) < _behind(anchor, mon) \
            and not has_past_form(ctx.low, *ctx.sentence):
        # no tense either way: the nearer ('the summit in April', in December)
        y = this_year if mon > anchor.month else this_year + 1
        return y, (f"the {month_name(mon)} nearest {ctx.anchor_label}: no verb in its sentence "
                   "tells of the past"), (f"no tense: the {month_name(mon)} before "
                                      f"{ctx.anchor_label} is the other reading",)
    y = this_year if mon <= anchor.month else this_year - 1
    return y, f"latest {month_name(mon)} not after {ctx.anchor_label}", ()


def _ahead(anchor: date, mon: int) -> int:
    """Months from the anchor's month to the next ``mon`` after it (1-12)."""
    return (mon - anchor.month - 1) % 12 + 1


def _behind(anchor: date, mon: int) -> int:
    """Months from the latest ``mon`` not after the anchor's month to it (0-11)."""
    return (anchor.month - mon) % 12
