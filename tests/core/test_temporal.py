"""The temporal engine: families of expressions, news-mode rules, tense, boundaries."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.temporal import find_expressions, resolve_span

FRI = date(2021, 7, 9)  # a Friday


def one(text: str, anchor: date | None = FRI, **kw) -> tuple[str, str, str]:
    found = find_expressions(text, anchor, **kw)
    assert found, f"nothing found in {text!r}"
    e = found[0]
    return e.text, e.type, e.value


@pytest.mark.parametrize("text,value", [
    ("They met on Monday.", "2021-07-05"),
    ("They met on Friday.", "2021-07-09"),  # the publication day itself
    ("They met last Friday.", "2021-07-02"),  # strictly before
    ("They will meet next Friday.", "2021-07-16"),  # strictly after
    ("They met last Tuesday.", "2021-07-06"),
    ("The envoy will meet them on Tuesday.", "2021-07-13"),  # future tense rolls forward
    ("The talks are scheduled for Monday.", "2021-07-12"),
    ("He said on Monday that talks will resume.", "2021-07-05"),  # 'will' is in another clause
    ("This Wednesday was quiet.", "2021-07-07"),
])
def test_weekdays_follow_news_rules(text: str, value: str) -> None:
    assert one(text)[2] == value


def test_weekday_explanation_names_rule_and_anchor() -> None:
    e = find_expressions("On Monday, troops moved.", FRI)[0]
    assert e.text == "Monday"
    assert e.explanation == "latest Monday on or before the publication date, Fri 9 Jul 2021"
    assert e.anchor == FRI
    assert {a.value for a in e.alternatives} == {"2021-06-28", "2021-07-12"}


@pytest.mark.parametrize("text,value,granularity", [
    ("It happened on July 6, 2021.", "2021-07-06", "day"),
    ("It happened on 6 July 2021.", "2021-07-06", "day"),
    ("It happened on Jul. 6.", "2021-07-06", "day"),
    ("It happened on 2021-07-06.", "2021-07-06", "day"),
    ("It happened on 07/06/2021.", "2021-07-06", "day"),
    ("It happened in July 2021.", "2021-07", "month"),
    ("It happened in 2019.", "2019", "year"),
    ("It happened in the 1990s.", "199", "decade"),
    ("It happened in the late 1980s.", "198", "decade"),
    ("Results for Q3 2020 were weak.", "2020-Q3", "quarter"),
    ("Profit rose in the third quarter.", "2021-Q3", "quarter"),
    ("It happened on Christmas Day 2019.", "2019-12-25", "day"),
])
def test_absolute_forms(text: str, value: str, granularity: str) -> None:
    e = find_expressions(text, FRI)[0]
    assert (e.value, e.granularity) == (value, granularity)


def test_day_first_setting_reads_numeric_dates_the_european_way() -> None:
    e = find_expressions("Signed 07/06/2021.", FRI, day_first=True)[0]
    assert e.value == "2021-06-07"


@pytest.mark.parametrize("text,value", [
    ("It rained yesterday.", "2021-07-08"),
    ("It will rain tomorrow.", "2021-07-10"),
    ("It rains today.", "2021-07-09"),
    ("It happened two days ago.", "2021-07-07"),
    ("It happened three weeks ago.", "2021-W24"),
    ("It happened last week.", "2021-W26"),
    ("It happens this month.", "2021-07"),
    ("It will happen next year.", "2022"),
    ("It happened last year.", "2020"),
    ("It happened last spring.", "2021-SP"),
    ("It happens now.", "PRESENT_REF"),
    ("It happened recently.", "PAST_REF"),
    ("It may happen in the future.", "FUTURE_REF"),
])
def test_relative_and_vague(text: str, value: str) -> None:
    assert one(text)[2] == value


def test_earlier_this_week_is_an_interval_up_to_the_anchor() -> None:
    e = find_expressions("Soldiers fled earlier this week.", FRI)[0]
    assert e.text == "earlier this week"
    assert (e.earliest, e.latest) == (date(2021, 7, 5), FRI)


def test_a_month_without_year_is_the_latest_not_after_the_anchor() -> None:
    assert one("The deal was signed in September.")[2] == "2020-09"
    assert one("The deal was signed in June.")[2] == "2021-06"
    assert one("The deal will be signed in September.")[2] == "2021-09"


def test_last_december_in_january_is_the_previous_year() -> None:
    assert one("It happened last December.", date(2022, 1, 10))[2] == "2021-12"
    assert one("It happened on Dec. 30.", date(2022, 1, 3))[2] == "2021-12-30"


def test_leap_years() -> None:
    assert one("It happened on Feb. 29.", date(2024, 3, 10))[2] == "2024-02-29"
    assert one("It happened a year ago.", date(2024, 2, 29))[2] == "2023"
    assert one("It happened one day ago.", date(2024, 3, 1))[2] == "2024-02-29"


def test_time_duration_and_set_types() -> None:
    assert one("They met Monday night.")[1:] == ("TIME", "2021-07-05TNI")
    assert one("The meeting is at 10 a.m.")[1:] == ("TIME", "2021-07-09T10:00")
    assert one("They stayed for two weeks.")[1:] == ("DURATION", "P2W")
    assert one("They meet every Monday.")[1:] == ("SET", "XXXX-WXX-1")


def test_inconsistencies_are_flagged() -> None:
    e = find_expressions("The vote was on Monday, July 6, 2021.", FRI)[0]
    assert e.value == "2021-07-06"
    assert any("weekday mismatch" in f for f in e.flags)


def test_narrative_anaphora_follows_the_last_date_mentioned() -> None:
    text = "On Monday, the army moved. On the same day, the envoy left."
    found = find_expressions(text, FRI)
    assert [e.value for e in found] == ["2021-07-05", "2021-07-05"]


def test_narrative_mode_anchors_on_the_last_absolute_date() -> None:
    text = "The treaty was signed on March 3, 1990. Two days later the troops left on Monday."
    found = find_expressions(text, None, mode="narrative")
    assert found[1].value == "1990-03-05"


def test_without_an_anchor_only_absolute_dates_resolve() -> None:
    assert [e.value for e in find_expressions("On Monday, on 5 May 2020.", None)] == [
        "2020-05-05"]


def test_resolve_span_finds_the_expression_a_selection_overlaps() -> None:
    text = "Nothing here. Troops moved on Tuesday to the border."
    e = resolve_span(text, text.index("Troops"), len(text), FRI)
    assert e is not None and e.value == "2021-07-06"
    assert resolve_span(text, 0, 12, FRI) is None


def test_reference_article_dates(sample_text: str) -> None:
    from tests.conftest import SAMPLE_PASSAGES, SAMPLE_PUBLISHED

    for passage, expected in SAMPLE_PASSAGES:
        start = sample_text.index(passage)
        e = resolve_span(sample_text, start, start + len(passage), SAMPLE_PUBLISHED)
        assert e is not None and e.earliest == expected, passage


_TOKENS = ["Monday", "July", "2021", "last", "next", "ago", "two", "weeks", "Feb.", "29",
           "1990s", "Q3", "the", "same", "day", "earlier", "this", "week", "will", ",", ".",
           "2021-07-06", "07/06/2021", "spring", "fiscal", "1998", "at", "10", "a.m.", "\n"]
_TEXTS = st.one_of(st.lists(st.sampled_from(_TOKENS), max_size=14).map(" ".join),
                   st.text(max_size=60))


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31)),
       st.sampled_from(["news", "narrative"]))
def test_resolution_never_raises_and_bounds_are_ordered(text: str, anchor: date,
                                                         mode: str) -> None:
    for e in find_expressions(text, anchor, mode=mode):
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == e.text
        if e.earliest is not None and e.latest is not None:
            assert e.earliest <= e.latest


OCT_26_1989 = date(1989, 10, 26)  # a Thursday


@pytest.mark.parametrize("text,value", [
    ("Third-quarter profit rose 5%, compared with a year earlier.", "1988-Q3"),
    ("Profit rose in the latest quarter.", "1989-Q3"),
    ("Sales fell in the year-ago third quarter.", "1988-Q3"),
    ("Third-quarter sales rose from the year-ago quarter.", "1988-Q3"),
    ("It expects to report a third-quarter loss.", "1989-Q3"),
    ("The plant closed in the 1988 second quarter.", "1988-Q2"),
    ("The fund was set up in the nineties.", "199"),
    ("It was founded in nineteen ninety-six.", "1996"),
    ("We are ready for the year two thousand.", "2000"),
    ("The company changed its fiscal year in the last half of 1988.", "1988-H2"),
    ("Sales in January this year were weak.", "1989-01"),
    ("The deal was signed on Oct. 23:", "1989-10-23"),
    ("Results for the full year were weak.", "1989"),
])
def test_financial_and_written_forms(text: str, value: str) -> None:
    found = [e for e in find_expressions(text, OCT_26_1989) if e.earliest is not None]
    assert found and found[-1].value == value, [(e.text, e.value) for e in found]


def test_last_and_next_with_a_month_and_day() -> None:
    assert one("Slepian was shot last Oct. 23 at his home.", date(1999, 4, 19))[2] == "1998-10-23"
    assert one("The trial opens next Oct. 23.", date(1999, 4, 19))[2] == "1999-10-23"


def test_month_rules_since_deadlines_and_next_month() -> None:
    # An open range: from March to the publication date.
    assert one("The carrier has been on patrol since March.", OCT_26_1989)[2] \
        == "1989-03/1989-10-26"
    assert one("The loan must be repaid by February.", OCT_26_1989)[2] == "1990-02"
    assert one("The vote is set for November.", OCT_26_1989)[2] == "1989-11"
    assert one("The merger closed in November.", OCT_26_1989)[2] == "1989-11"  # next month
    assert one("The merger closed in December.", OCT_26_1989)[2] == "1988-12"


def test_a_weekday_naming_tomorrow() -> None:
    assert one("The summit opens Friday in Geneva.", OCT_26_1989)[2] == "1989-10-27"
    assert one("The summit opened Friday in Geneva.", OCT_26_1989)[2] == "1989-10-20"


def test_clock_times_joined_to_a_day() -> None:
    assert one("Polls close at 10 p.m. Wednesday.", OCT_26_1989)[1:] == (
        "TIME", "1989-10-25T22:00")
    assert one("The deadline is 5 p.m. EST, Nov. 6.", OCT_26_1989)[2] == "1989-11-06T17:00"


def test_spans_before_an_event_are_durations_and_sentences_end_after_quotes() -> None:
    assert one("He resigned two years after the war.", OCT_26_1989)[1:] == ("DURATION", "P2Y")
    text = "``The sector is going to suffer in the spring.'' Rates fell in December."
    assert find_expressions(text, date(1998, 2, 6))[-1].value == "1997-12"


def test_anaphora_follows_the_story() -> None:
    text = ("The quake struck on Oct. 17. Later that month, aid arrived. "
            "The following month it rained.")
    assert [e.value for e in find_expressions(text, OCT_26_1989)] == [
        "1989-10-17", "1989-10", "1989-11"]
    text = "Shares fell on Monday. Trading was thin for the day."
    assert find_expressions(text, OCT_26_1989)[-1].value == "1989-10-23"


def test_normalise_span_reads_weak_cues_only_inside_a_known_span() -> None:
    from desktop_app.core.temporal import normalise_span

    text = "Prices will rise soon, analysts said, citing current conditions."
    assert "soon" not in [e.text for e in find_expressions(text, OCT_26_1989)]
    i = text.index("soon")
    assert normalise_span(text, i, i + 4, OCT_26_1989).value == "FUTURE_REF"
    j = text.index("Prices")
    assert normalise_span(text, j, j + 6, OCT_26_1989) is None


@pytest.mark.parametrize("text,expected", [
    ("Net income for the year ended March 31 rose.", ("the year", "DURATION", "P1Y")),
    ("It expects a loss in the fiscal year ending June 30.",
     ("the fiscal year", "DURATION", "P1Y")),
    ("Officials have met often in recent weeks.", ("in recent weeks", "DURATION", "PXW")),
    ("Kidnappings have grown in recent years.", ("in recent years", "DURATION", "PXY")),
    ("The economy will slow in coming months.", ("in coming months", "DATE", "FUTURE_REF")),
    ("It bodes ill for coming quarters.", ("for coming quarters", "DATE", "FUTURE_REF")),
    ("Prices rose in recent times.", ("in recent times", "DATE", "PAST_REF")),
])
def test_periods_named_by_their_length(text: str, expected: tuple[str, str, str]) -> None:
    """'The year ended March 31' is twelve months, not the calendar year; 'in recent weeks'
    an unspecified number of weeks up to now."""
    assert one(text, OCT_26_1989) == expected


@pytest.mark.parametrize("text,expected", [
    ("The project took 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M")),
    ("The talks lasted five and a half hours.", ("five and a half hours", "DURATION", "PT5H30M")),
    ("It ran for a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S")),
    ("The festival is held each July.", ("each July", "SET", "XXXX-07")),
    ("Flights leave on Tuesday nights.", ("Tuesday nights", "SET", "XXXX-WXX-2TNI")),
    ("The shop closes on Sundays.", ("Sundays", "SET", "XXXX-WXX-7")),
    ("Protests are planned this summer.", ("this summer", "DATE", "1989-SU")),
    ("Talks that are supposed to conclude by May.", ("May", "DATE", "1990-05")),
])
def test_halves_recurrences_this_season_and_obligations(text: str,
                                                        expected: tuple[str, str, str]) -> None:
    assert one(text, OCT_26_1989) == expected


def test_this_winter_in_january_is_the_winter_under_way() -> None:
    assert one("It has been cold this winter.", date(1998, 1, 20))[2] == "1997-WI"


def test_a_decimal_is_not_a_year() -> None:
    assert find_expressions("The index closed at 2082.1 points.", OCT_26_1989) == []


def test_the_previous_weekday_looks_back_from_the_day_the_story_is_at() -> None:
    text = "Shares fell on Tuesday, Oct. 17. They had risen the previous Friday."
    found = find_expressions(text, OCT_26_1989)
    assert [e.value for e in found] == ["1989-10-17", "1989-10-13"]
    assert "the last day mentioned" in found[-1].explanation


def test_the_engine_builds_expressions_equal_to_those_of_the_constructor() -> None:
    from dataclasses import replace

    from desktop_app.core.temporal.model import TemporalExpression, new_expression

    found = find_expressions("On Monday, the president ordered reservists mobilised.",
                             date(2021, 7, 9))[0]
    values = [getattr(found, f) for f in TemporalExpression.__dataclass_fields__]
    made = TemporalExpression(*values)
    assert found == made and hash(found) == hash(made) and repr(found) == repr(made)
    assert replace(found, start=1).start == 1 and found.start != 1
    with pytest.raises(AttributeError):
        found.value = "2021"  # type: ignore[misc]  # still frozen
    assert new_expression(*values) == found
    # Slotted (a third of the memory): every field set, and nothing else can be.
    assert TemporalExpression.__slots__ == tuple(TemporalExpression.__dataclass_fields__)
    assert not hasattr(found, "__dict__")
    assert [getattr(new_expression(*values), f) for f in TemporalExpression.__slots__] == values


def test_readings_built_fast_are_the_dataclass_itself() -> None:
    from dataclasses import fields

    from desktop_app.core.temporal.model import Reading, new_reading

    made = new_reading("2021-07-05", "day", date(2021, 7, 5), date(2021, 7, 5), "why")
    assert made == Reading("2021-07-05", "day", date(2021, 7, 5), date(2021, 7, 5), "why")
    assert Reading.__slots__ == tuple(f.name for f in fields(Reading))
    assert [getattr(made, f.name) for f in fields(Reading)] == [
        "2021-07-05", "day", date(2021, 7, 5), date(2021, 7, 5), "why"]
    with pytest.raises(AttributeError):
        made.value = "x"  # type: ignore[misc]


@settings(max_examples=500, deadline=None)
@given(st.dates(), st.integers(-2400, 2400))
def test_months_are_added_as_relativedelta_adds_them(d: date, months: int) -> None:
    from dateutil.relativedelta import relativedelta

    from desktop_app.core.temporal.calendar import add_months

    def outcome(add):  # noqa: ANN001, ANN202
        try:
            return add()
        except (ValueError, OverflowError) as error:
            return type(error)

    expected = outcome(lambda: d + relativedelta(months=months))
    assert outcome(lambda: add_months(d, months)) == expected


def test_days_in_month_are_the_calendar_modules() -> None:
    from calendar import monthrange

    from desktop_app.core.temporal.calendar import days_in_month

    for year in (1900, 1999, 2000, 2020, 2021, 2100, 2400):
        for month in range(1, 13):
            assert days_in_month(year, month) == monthrange(year, month)[1], (year, month)


@pytest.mark.parametrize(("text", "value"), [
    ("Veröffentlichung: 04.02.2022", "2022-02-04"),  # dots: day first, wherever written
    ("am 8.5.12 um", "2012-05-08"),
    ("Stand 10.11.2021", "2021-11-10"),
    ("on 04/02/2022 it", "2022-04-02"),  # slashes follow the text's convention (US here)
    ("Am 24. April 2020 wurde", "2020-04-24"),  # the ordinal dot
])
def test_european_numeric_and_ordinal_dates(text: str, value: str) -> None:
    [e] = find_expressions(text, date(2022, 5, 1))
    assert e.value == value
