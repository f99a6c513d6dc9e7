"""Ranges: both bounds found, both explained, and TIMEX3's points kept beside them."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.dating import date_for_passage
from desktop_app.core.eventdates import format_event_date
from desktop_app.core.records import Precision
from desktop_app.core.temporal import find_expressions

FRI = date(2021, 7, 9)


@pytest.mark.parametrize("text,span,value", [
    ("The festival runs from 5 to 8 July.", "from 5 to 8 July", "2021-07-05/2021-07-08"),
    ("Talks were held between 12 and 14 July.", "between 12 and 14 July",
     "2021-07-12/2021-07-14"),
    ("The summit, 20\u201322 July, was tense.", "20\u201322 July", "2021-07-20/2021-07-22"),
    ("Exercises on 5-8 July 2021 in the south.", "5-8 July 2021", "2021-07-05/2021-07-08"),
    ("The drills ran July 5-8.", "July 5-8", "2021-07-05/2021-07-08"),
    ("The drills ran July 5 to 8, 2020, near the border.", "July 5 to 8, 2020",
     "2020-07-05/2020-07-08"),
    ("He worked there from 28 June to 3 July.", "from 28 June to 3 July",
     "2021-06-28/2021-07-03"),
    ("From June 28 to July 3 the roads closed.", "From June 28 to July 3",
     "2021-06-28/2021-07-03"),
    ("It ran from 1 December 2020 to 3 January 2021.", "from 1 December 2020 to 3 January 2021",
     "2020-12-01/2021-01-03"),
    ("Rain fell from March to May.", "from March to May", "2021-03/2021-05"),
    ("The shop is open Monday through Friday.", "Monday through Friday",
     "2021-07-05/2021-07-09"),
    ("The war lasted from 2014 to 2019.", "from 2014 to 2019", "2014/2019"),
    ("Between 2010 and 2015 sales grew.", "Between 2010 and 2015", "2010/2015"),
    ("A plaque reads Steve Jobs 1955-2011.", "1955-2011", "1955/2011"),
    ("The 2014-19 plan failed.", "2014-19", "2014/2019"),
    ("Since March, prices have risen.", "Since March", "2021-03/2021-07-09"),
    # A start without its year is in the end's year (it took the publication date's).
    ("It ran from 28 June to 3 July 2020.", "from 28 June to 3 July 2020",
     "2020-06-28/2020-07-03"),
    ("Rain fell from March to May 2019.", "from March to May 2019", "2019-03/2019-05"),
    ("It snowed from November to February 2019.", "from November to February 2019",
     "2018-11/2019-02"),
    ("Games are due in July-August 2022, organisers said.", "July-August 2022",
     "2022-07/2022-08"),
    # A hyphen between a day and the next month joins them ('August 8' had been lost); a
    # year said after the end is the start's too.
    ("The Games run July 23-August 8.", "July 23-August 8", "2021-07-23/2021-08-08"),
    ("The Games will take place on July 23-August 8 next year.",
     "July 23-August 8 next year", "2022-07-23/2022-08-08"),
    ("They ran from July 23 to August 8 last year.", "from July 23 to August 8 last year",
     "2020-07-23/2020-08-08"),
    # Two times of one day; a time alone at the start is on the end's day (it had been the
    # publication day's, and the end before it).
    ("Polls are open from 7 a.m. to 8 p.m.", "from 7 a.m. to 8 p.m.",
     "2021-07-09T07:00/2021-07-09T20:00"),
    ("It was exposed from 10 a.m. to 6 p.m. Tuesday, July 6.",
     "from 10 a.m. to 6 p.m. Tuesday, July 6", "2021-07-06T10:00/2021-07-06T18:00"),
    # An end without its year or date is the first such after the start.
    ("The shop is open from Monday to Friday.", "from Monday to Friday",
     "2021-07-05/2021-07-09"),
    ("The road is closed from Friday to Monday.", "from Friday to Monday",
     "2021-07-09/2021-07-12"),
    ("The holiday ran from 28 December to 3 January.", "from 28 December to 3 January",
     "2020-12-28/2021-01-03"),
])
def test_a_range_is_one_expression_with_both_bounds(text: str, span: str, value: str) -> None:
    found = [e for e in find_expressions(text, FRI) if e.bounds]
    assert [(e.text, e.value) for e in found] == [(span, value)]
    first, last = found[0].bounds or ()
    assert found[0].earliest == first.earliest and found[0].latest == last.latest


@pytest.mark.parametrize("text,points", [
    # A date moved is two dates, not a stretch of time.
    ("The vote was postponed from Monday to Friday.", ["Monday", "Friday"]),
    ("They moved the launch from March to May 2022.", ["March", "May 2022"]),
    # 'and' joins only after 'between'; a reversed pair is no range.
    ("Officials met in March and May.", ["March"]),
    ("It was founded in 2019 and 2014 was worse.", ["2019", "2014"]),
    ("from 2019 to 2014", ["2019", "2014"]),
    # Numbers after a date that are no day of it.
    ("Turnout on July 5 was 3-8 percent lower.", ["July 5"]),
    ("On July 5 - 8 people were hurt.", ["July 5"]),
    # A day and its time; a range not yet begun.
    ("Published 22/11/2020 - 04:30 in Rio.", ["22/11/2020", "04:30"]),
    ("Since July, prices rose.", ["July"]),
    # After a hyphen only a word may begin a date, after a number: no year in a phone number.
    ("Call 1-800-555-2020 now.", ["now"]),
    ("In mid-August they met.", ["mid-August"]),
])
def test_near_misses_stay_points(text: str, points: list[str]) -> None:
    found = find_expressions(text, FRI)
    assert not [e.text for e in found if e.bounds]
    assert [e.text for e in found] == points


@pytest.mark.parametrize("text,points", [
    ("The summit was held on April 24 and 25.", [("April 24", "2021-04-24"),
                                                 ("25", "2021-04-25")]),
    ("They met on 24 and 25 April.", [("24", "2021-04-24"), ("25 April", "2021-04-25")]),
    ("Votes on July 5 and 8, 2020 were close.", [("July 5", "2020-07-05"),
                                                 ("8, 2020", "2020-07-08")]),
    # Numbers after 'and' that count something; 'between' makes a range.
    ("On April 24 and 25 people were hurt.", [("April 24", "2021-04-24")]),
    ("Talks were held between 12 and 14 July.", [("between 12 and 14 July",
                                                   "2021-07-12/2021-07-14")]),
])
def test_days_joined_by_and_are_each_a_day(text: str, points: list[tuple[str, str]]) -> None:
    """'on April 24 and 25' names two days of one month: the second is dated too."""
    assert [(e.text, e.value) for e in find_expressions(text, FRI)] == points


def test_a_range_keeps_the_points_timex3_would_mark() -> None:
    (found,) = find_expressions("He worked there from 28 June to 3 July.", FRI)
    assert [(p.text, p.value) for p in found.parts] == [("28 June", "2021-06-28"),
                                                       ("3 July", "2021-07-03")]


def test_the_explanation_says_how_both_ends_were_found() -> None:
    (found,) = find_expressions("The festival runs from 5 to 8 July.", FRI)
    assert "start day 5 takes its month and year from the end" in found.explanation
    assert "July 8 nearest to the publication date" in found.explanation
    (since,) = find_expressions("Since March, prices have risen.", FRI)
    assert "latest March not after the publication date" in since.explanation
    assert "until the publication date, Fri 9 Jul 2021" in since.explanation


@pytest.mark.parametrize("text,precision,start,end,shown", [
    ("The festival runs from 5 to 8 July.", Precision.DAY, date(2021, 7, 5), date(2021, 7, 8),
     "Mon 5 Jul 2021 – Thu 8 Jul 2021"),
    ("Rain fell from March to May.", Precision.MONTH, date(2021, 3, 1), date(2021, 5, 1),
     "March 2021 – May 2021"),
    # The coarser end decides: a month and a day make a range of months.
    ("Since March, prices have risen.", Precision.MONTH, date(2021, 3, 1), date(2021, 7, 1),
     "March 2021 – July 2021"),
    ("The war lasted from 2014 to 2019.", Precision.YEAR, date(2014, 1, 1), date(2019, 1, 1),
     "2014 – 2019"),
])
def test_a_passage_with_a_range_dates_a_range_event(text: str, precision: Precision,
                                                   start: date, end: date, shown: str) -> None:
    d = date_for_passage(text, 0, len(text), FRI)
    assert (d.precision, d.start, d.end) == (precision, start, end)
    assert format_event_date(d) == shown
    assert d.rule.startswith(("a range", "an open range"))


def test_days_of_the_month_without_it_make_a_range_of_the_month_just_named() -> None:
    (e,) = find_expressions("In March the port closed from the 5th to the 8th.", FRI)[1:]
    assert (e.text, e.value) == ("from the 5th to the 8th", "2021-03-05/2021-03-08")
    (alone,) = find_expressions("The port closed from the 5th to the 8th.", FRI)
    assert alone.value == "2021-07-05/2021-07-08"
    assert not alone.sure and "no month written" in alone.flags[0]  # the month is a guess
