"""Days counted from a date the text names are that day ('the day before last Tuesday', 'two
days after Christmas'); 'the day before the vote' names no date, and is not read as the day
the story is at (it was the publication day, as if written there)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.dating import date_for_passage
from desktop_app.core.temporal import find_expressions

FRI = date(2021, 7, 9)


@pytest.mark.parametrize("text,span,day,parts", [
    ("The talks broke down the day before last Tuesday.", "the day before last Tuesday",
     date(2021, 7, 5), ["last Tuesday"]),
    ("They met the day before Tuesday's vote.", "the day before Tuesday", date(2021, 7, 5),
     ["Tuesday"]),
    ("Two days after Christmas, the vote came.", "Two days after Christmas",
     date(2020, 12, 27), ["Two days", "Christmas"]),
    ("A week after 5 March, the talks ended.", "A week after 5 March", date(2021, 3, 12),
     ["A week", "5 March"]),
    ("Three weeks after July 4, 2020, it fell.", "Three weeks after July 4, 2020",
     date(2020, 7, 25), ["Three weeks", "July 4, 2020"]),
])
def test_days_counted_from_a_date_are_that_day(text: str, span: str, day: date,
                                               parts: list[str]) -> None:
    found = find_expressions(text, FRI)
    assert [(e.text, e.earliest, e.latest) for e in found] == [(span, day, day)]
    assert [p.text for p in found[0].parts] == parts  # what TIMEX3 marks
    assert "before" in found[0].explanation or "after" in found[0].explanation


@pytest.mark.parametrize("text,left", [
    ("in the days after Christmas", ["Christmas"]),  # no count of days
    ("two week after Christmas", ["two week", "Christmas"]),  # a count at odds with its unit
    ("the week before Christmas", ["Christmas"]),  # a stretch of days, not one
])
def test_only_a_count_of_days_or_weeks_moves_a_day(text: str, left: list[str]) -> None:
    assert [e.text for e in find_expressions(text, FRI)] == left


@pytest.mark.parametrize("text", [
    "The opposition met the day before the vote.",
    "Prices rose in the week before the election.",
    "He left the month before the merger.",
    "He resigned the day after taking office.",
])
def test_a_unit_counted_from_no_date_is_no_date(text: str) -> None:
    assert find_expressions(text, FRI) == []
    # Ctrl+E: the publication day, said to be assumed (no longer taken as written)
    assert date_for_passage(text, 0, len(text), FRI).assumed


@pytest.mark.parametrize("text,story_day", [
    # apposed to a date: says which day that was
    ("He was last seen on 3 July, the day before authorities issued a warrant.", "3 July"),
    # 'in the day': within the day the story is at
    ("On Tuesday stocks fell 3 percent later in the day before rallying.", "Tuesday"),
])
def test_the_day_the_story_is_at_stays(text: str, story_day: str) -> None:
    found = {e.text: e.earliest for e in find_expressions(text, FRI)}
    assert found["the day"] == found[story_day] is not None
