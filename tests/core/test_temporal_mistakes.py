"""Confident mistakes an analyst notices at once, each fixed at its cause, with the near
misses that the fix must leave alone."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.temporal import find_expressions

FRI = date(2021, 7, 9)
NOV = date(2021, 11, 12)


def found(text: str, anchor: date = FRI) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in find_expressions(text, anchor)]


@pytest.mark.parametrize("text,expected", [
    # A weekday in a name has a date the text does not give.
    ("Super Tuesday is near.", [("Super Tuesday", "XXXX-XX-XX")]),
    ("Shops braced for Black Friday crowds.", [("Black Friday", "XXXX-XX-XX")]),
    # 'This', 'Today' with a capital after a capitalised word: a title.
    ("He spoke on CBS This Morning about it.", []),
    ("I read it in USA Today.", []),
    # A quotation holding only a capitalised time phrase (and more capitalised words): the
    # title of a show or a work.
    ('Baker said on ABC News\' "This Week," that the request stood.', []),
    ("Gonzalez said on CBS's ''60 Minutes.'' The boy stayed.", []),
    ('He spoke on "This Week With David Brinkley" on Sunday.', [("Sunday", "2021-07-04")]),
    # ... and what the fixes must leave alone.
    ("On Tuesday the vote was held.", [("Tuesday", "2021-07-06")]),
    ("President Biden Tuesday signed the bill.", [("Tuesday", "2021-07-06")]),
    ("Losses came from Hugo. Last year they were lower.", [("Last year", "2020")]),
    ("This week the talks resumed.", [("This week", "2021-W27")]),
    ("Officials in Kabul Today said...", []),  # a capitalised 'Today' mid-sentence is a title
    ('"Next Tuesday," he said, "we vote."', [("Next Tuesday", "2021-07-13")]),
    ('He said: "Last week we won."', [("Last week", "2021-W26")]),
])
def test_names_and_titles_are_no_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_named_day_is_no_calendar_date() -> None:
    (day,) = find_expressions("Super Tuesday is near.", FRI)
    assert day.earliest is None and "names a day" in day.explanation


def test_a_century_named_by_its_first_year() -> None:
    (e,) = find_expressions("Trade grew in the 1800s.", FRI)
    assert (e.value, e.earliest, e.latest) == ("18", date(1800, 1, 1), date(1899, 12, 31))
    assert [a.value for a in e.alternatives] == ["180"]  # the decade, the other reading
    assert found("in the 1990s") == [("the 1990s", "199")]
    assert found("in the 2000s") == [("the 2000s", "200")]  # the decade, as people mean it


def test_the_year_before_counts_from_the_year_last_mentioned() -> None:
    assert found("In 2019 he won. The year before, he lost.") == [("2019", "2019"),
                                                                  ("The year before", "2018")]
    assert found("Sales fell from a year ago.") == [("a year ago", "2020")]


def test_a_bare_year_before_a_verb_is_a_year() -> None:
    text = ("The last surviving member of the team which first conquered Everest in 1953 "
            "has died.")
    assert found(text) == [("1953", "1953")]
    assert found("It was founded in 2019 and 2014 was worse.") == [("2019", "2019"),
                                                                    ("2014", "2014")]
    # A count is still a count.
    assert found("The company cut 1500 jobs.") == []


def test_a_forecast_points_forward_and_reported_future_to_the_nearest() -> None:
    assert found("Analysts said prices will climb back up on Thursday.", NOV) == [
        ("Thursday", "2021-11-18")]
    # 'would' after 'said' is the future of a past moment: the September nearest the
    # publication date, not the next one.
    assert found("He said in March that the ban would last until September.", NOV) == [
        ("March", "2021-03"), ("September", "2021-09")]
    assert found("The ban will last until September.", NOV) == [("September", "2022-09")]


def test_a_byline_time_is_not_merged_with_the_next_paragraph() -> None:
    assert found("By Jane Doe, 10:32 AM\nOn Thursday, the ministry said.", NOV) == [
        ("10:32 AM", "2021-11-12T10:32"), ("Thursday", "2021-11-11")]
    # A date wrapped inside its sentence is still one date.
    assert found("The talks ended on 5\nJuly 2021 in Geneva.") == [("5\nJuly 2021",
                                                                   "2021-07-05")]


def test_a_day_the_calendar_has_not_is_no_date_and_is_logged(caplog) -> None:  # noqa: ANN001
    import logging

    with caplog.at_level(logging.DEBUG, logger="desktop_app.core.temporal.engine"):
        assert found("It was due on 31 February 2021.") == []
    assert any("is no calendar date" in r.getMessage() and "31 February 2021" in r.getMessage()
               for r in caplog.records)


def test_a_fault_in_a_rule_is_not_swallowed(monkeypatch) -> None:  # noqa: ANN001
    from dataclasses import replace

    from desktop_app.core.temporal import engine, grammar

    def broken(m, ctx):  # noqa: ANN001, ANN202
        raise KeyError("a rule's own fault")

    rules = [replace(r, handler=broken) if r.name == "weekday" else r for r in grammar.RULES]
    monkeypatch.setattr(engine, "RULES", rules)
    engine._cue_index.cache_clear()
    try:
        with pytest.raises(KeyError):
            engine.find_expressions("They met on Monday.", FRI)
    finally:
        engine._cue_index.cache_clear()


@pytest.mark.parametrize("text,expected", [
    # 'The day before' was read as 'the day': the very day it steps back from.
    ("He arrived on Monday. The day before, he had called.",
     [("Monday", "2021-07-05"), ("The day before", "2021-07-04")]),
    ("It was signed in March. The month before, talks stalled.",
     [("March", "2021-03"), ("The month before", "2021-02")]),
    ("Sales rose in 2019, up from the year previous.", [("2019", "2019"), ("the year previous",
                                                                           "2018")]),
    ("The week after, markets fell.", [("The week after", "2021-W28")]),
    # ... and what it must leave alone.
    ("He left the day before yesterday.", [("the day before yesterday", "2021-07-07")]),
])
def test_a_unit_before_or_after_steps_from_the_story_date(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_unit_before_an_event_the_text_names_is_no_step() -> None:
    """'the week before the vote' steps from the vote, whose date the phrase does not give."""
    assert all(not t.lower().endswith("before") for t, _v in
               found("In the week before the vote, he called."))


def test_the_month_or_year_named_earlier_in_the_sentence() -> None:
    """'the month', 'the year' after a month or year of the same sentence are that one, not
    the publication date's."""
    march = date(2020, 3, 2)
    assert found("Erdogan demanded in early February that Syrian forces withdraw by the end "
                 "of the month.", march) == [("early February", "2020-02"),
                                             ("the end of the month", "2020-02")]
    assert found("Sales fell in 2019, the worst result of the year.") == [("2019", "2019"),
                                                                        ("the year", "2019")]
    # In the next sentence it is the publication date's, as before.
    assert found("Sales fell in 2019. Profits for the year rose.") == [("2019", "2019"),
                                                                     ("the year", "2021")]


def test_an_award_of_the_year_is_no_date() -> None:
    assert found("She was named Player of the Year.") == []
    assert found("SONG OF THE YEAR - Lady Antebellum") == []
    assert found("Stocks Fall at the End of the Year") == [("the End of the Year", "2021")]


def test_the_same_or_following_month_or_year_counts_from_the_last_one_named() -> None:
    """A month or year named without a day is what 'the same month' or 'the following year'
    refer to (they counted from the last full day, or the publication date)."""
    assert found("Mercurial was first released in April 2005 (the same month that Git was "
                 "released).", date(2020, 1, 13)) == [("April 2005", "2005-04"),
                                                      ("the same month", "2005-04")]
    assert found("In 1998 Apple introduced the iMac, in 2001 the iPod and the following year "
                 "Mac OS X.") == [("1998", "1998"), ("2001", "2001"),
                                  ("the following year", "2002")]


def test_after_or_before_a_noun_phrase_keeps_the_clause_and_its_tense() -> None:
    """'after a meeting on Friday' is a phrase of the clause that 'would' is in (it was cut
    off as a clause of its own, without a word of the future, and dated to the Friday past);
    'after he met them' still opens a clause."""
    wed = date(2023, 11, 8)
    assert found("He said details would be made public after a meeting on Friday.", wed) == [
        ("Friday", "2023-11-10")]
    assert found("He left after he met them on Friday.", wed) == [("Friday", "2023-11-03")]


def test_a_week_said_by_its_end_and_a_movement_named_after_a_weekday() -> None:
    assert found("Cases rose by six percent in the week to 28 September.",
                 date(2020, 10, 6)) == [("28 September", "2020-09-28")]  # not the
    # publication week
    assert found("Profit for the week ending Friday rose.") == [("Friday", "2021-07-09")]
    assert found("Thousands joined Fridays for Future in Berlin.") == []
    assert found("The shop closes on Fridays for Ramadan.") == [("Fridays", "XXXX-WXX-5")]


def test_slashed_dates_follow_the_order_the_text_writes_them_in() -> None:
    """A text that writes '13/02/2022' writes its dates day first: its '04/03/2022' is 4
    March (it was read as 3 April, the American order, whatever the text showed)."""
    assert found("The order of 13/02/2022 was renewed on 04/03/2022.", date(2022, 6, 1)) == [
        ("13/02/2022", "2022-02-13"), ("04/03/2022", "2022-03-04")]
    # A text that shows the American order, or none, keeps month first.
    assert found("Filed 04/03/2022 and amended 02/13/2022.", date(2022, 6, 1)) == [
        ("04/03/2022", "2022-04-03"), ("02/13/2022", "2022-02-13")]
    assert found("It began on 04/03/2022.", date(2022, 6, 1)) == [("04/03/2022", "2022-04-03")]


def test_a_month_after_a_year_written_in_its_clause_is_in_that_year() -> None:
    assert found("In 2019 the firm opened a store in March.") == [("2019", "2019"),
                                                                 ("March", "2019-03")]
    assert found("In 2019 prices rose from March to May.") == [
        ("2019", "2019"), ("from March to May", "2019-03/2019-05")]
    # Not a year of another clause, nor a counted one, nor for a clause about the future.
    assert found("Sales fell in 2019. In March they rose.") == [("2019", "2019"),
                                                               ("March", "2021-03")]
    assert found("Songs were sold since its launch in 2003 and that as of February, it led.",
                 date(2008, 4, 9)) == [("2003", "2003"), ("February", "2008-02")]
    assert found("In 2019 he joined and plans to leave in March.") == [("2019", "2019"),
                                                                      ("March", "2022-03")]


def test_a_weekday_after_an_indefinite_article() -> None:
    """'a Wednesday' is some Wednesday: the nearest is taken, and said to be unsure; beside a
    date it is that date's weekday ('on Dec. 18, a Wednesday' was the Wednesday before
    publication)."""
    (some,) = find_expressions("It happened on a Wednesday.", FRI)
    assert some.value == "2021-07-07" and not some.sure
    assert "does not say which Wednesday" in some.flags[0]
    assert found("He was told on Dec. 18, a Wednesday, that he had won.",
                 date(2019, 12, 30)) == [("Dec. 18", "2019-12-18"), ("Wednesday", "2019-12-18")]


@pytest.mark.parametrize("text,expected", [
    # A meeting told in the present is one to come (it was the Monday past).
    ("The council meets on Monday.", [("Monday", "2021-07-12")]),
    ("The two sides reconvene on Tuesday.", [("Tuesday", "2021-07-13")]),
    ("From Monday, shops reopen.", [("Monday", "2021-07-12")]),
    ("Shops reopened on Monday.", [("Monday", "2021-07-05")]),
    # ... and what it must leave alone: the past, a noun.
    ("The panel met on Monday.", [("Monday", "2021-07-05")]),
    ("His resume lists a job he held in June.", [("June", "2021-06")]),
])
def test_a_meeting_told_in_the_present_is_to_come(text: str,
                                                  expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # 'in two weeks' in a clause about the future: when (it was a length of time, and Ctrl+E
    # took the publication day)
    ("The mission ends in two weeks.", [("two weeks", "2021-W29")]),
    ("They will vote again in a month.", [("a month", "2021-08")]),
    ("Results are due in 10 days.", [("10 days", "2021-07-19")]),
    # ... a length of time still: the past, 'within', a superlative's span looked back over
    ("His second letter in two weeks was published.", [("two weeks", "P2W")]),
    ("The troops will leave within a week.", [("a week", "P1W")]),
    ("Stocks close at their lowest level in six years.", [("six years", "P6Y")]),
])
def test_in_so_many_weeks_ahead_is_when(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # Told that day, with no object between ('was told Wednesday'): the day it was said (it
    # was the Wednesday after a Tuesday's publication: 'told' cuts the clause, and the day
    # after publication in a clause without a past verb is tomorrow).
    ("Sununu was told Wednesday by Bush's son that he had to go.", [("Wednesday",
                                                                      "2021-06-30")]),
    ("The minister told reporters Wednesday he would stay.", [("Wednesday", "2021-06-30")]),
    # ... and what it must leave alone: a day to come after the publication day.
    ("The board meets Wednesday.", [("Wednesday", "2021-07-07")]),
])
def test_the_day_one_was_told_is_past(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, date(2021, 7, 6)) == expected


@pytest.mark.parametrize("text,expected", [
    # The day of a thing a reported future acts on: the nearest (it was the next one, after
    # the ruling had been made).
    ("The relatives said they would appeal Wednesday's ruling.", [("Wednesday", "2021-07-07")]),
    ("He said he would attend Sunday's rally.", [("Sunday", "2021-07-11")]),
    # ... and what it must leave alone: the day the future itself is on.
    ("He said the court would rule on Wednesday.", [("Wednesday", "2021-07-14")]),
    ("The court will rule on Wednesday.", [("Wednesday", "2021-07-14")]),
])
def test_a_day_a_reported_future_acts_on_is_the_nearest(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # A deadline extended to a day is a day to come, as one put off to (it was the day past).
    ("The agency extended its deadline until 9 a.m. Tuesday.", [("9 a.m. Tuesday",
                                                                 "2021-07-13T09:00")]),
    ("The ceasefire was extended until Sunday.", [("Sunday", "2021-07-11")]),
    # ... and what it must leave alone: a past that lasted to a day.
    ("The talks lasted until Sunday.", [("Sunday", "2021-07-04")]),
])
def test_a_day_extended_to_is_to_come(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_the_same_period_a_year_back_is_the_period_named_a_year_before() -> None:
    # It was the period named, or 'last year' alone: the whole year, not the month compared.
    assert found("Sales fell 35% in January, compared to the same month a year ago.",
                 date(2009, 2, 3)) == [("January", "2009-01"),
                                       ("the same month a year ago", "2008-01")]
    assert found("Sales rose in February compared to the same period last year.",
                 date(2010, 3, 3))[-1] == ("the same period last year", "2009-02")
    # None named before it: the publication's week, or the story's quarter, a year back, as
    # a guess.
    (week,) = find_expressions("Sales beat the same week last year.", date(2010, 3, 3))
    assert week.value == "2009-W09" and not week.sure
    (period,) = find_expressions("Profit fell from the same period last year.", FRI)
    assert period.value == "2020-Q2" and not period.sure


def test_then_and_that_time_are_the_date_just_named() -> None:
    (day, then) = find_expressions("The rights ended on Nov. 3. Until then, they held.", NOV)
    assert (then.text, then.value, then.sure) == ("then", "2021-11-03", True)
    (day, time) = find_expressions("It will be done by June 10. If not by that time, it lapses.",
                                   FRI)
    assert (time.text, time.value, time.sure) == ("that time", "2021-06-10", False)  # a guess
    assert found("Back then, prices were lower. By then, nobody knew.") == []


def test_a_count_is_no_part_of_a_larger_number() -> None:
    # '2,500 years ago' had been 500 years ago (1523), '10,000 Hours' no hours at all (PT0H).
    assert found("It began around 2,500 years ago.", NOV) == []
    assert found("Song of the Year: 10,000 Hours", NOV) == []
    assert found("It lasted 1.5 years. It took 25 years.", NOV) == [("25 years", "P25Y")]


def test_later_counts_from_the_year_last_written() -> None:
    # It had counted from publication: 'four years later' was 2025, four years from 2021.
    assert found("Obama won the county in 2008. It backed Romney four years later.",
                 NOV) == [("2008", "2008"), ("four years later", "2012")]
    # ... not from a count ('a year ago' ... 'a year earlier' stays the year before now)
    assert found("Net fell from a year ago, and sales from a year earlier.", NOV) == [
        ("a year ago", "2020"), ("a year earlier", "2020")]
    (alone,) = find_expressions("The publisher cancelled it a week later.", NOV)
    assert not alone.sure  # no date named before it: the publication date, doubted


def test_last_and_the_month_just_past_is_doubted() -> None:
    # 'last February' in March: February just past, or February a year before (the corpora
    # read it both ways); the other reading is offered, and the month left unticked.
    (feb,) = find_expressions("Two helicopters crashed last February.", date(1998, 3, 1))
    assert (feb.value, [a.value for a in feb.alternatives], feb.sure) == ("1998-02",
                                                                         ["1997-02"], False)
    (dec,) = find_expressions("Sales rose last December.", date(1998, 1, 10))
    assert (dec.value, [a.value for a in dec.alternatives], dec.sure) == ("1997-12",
                                                                         ["1996-12"], False)
    (may,) = find_expressions("Sales rose last May.", date(1998, 1, 10))
    assert (may.value, may.sure) == ("1997-05", True)


WED = date(2023, 11, 8)


@pytest.mark.parametrize("text,expected", [
    # Most published text writes a typographic apostrophe: its words of tense are the same.
    ("He won’t attend the meeting on Monday.", [("Monday", "2023-11-13")]),
    ("He won't attend the meeting on Monday.", [("Monday", "2023-11-13")]),
    # A contraction of 'will' is a word of the future, joined to its word.
    ("She’ll attend the meeting on Monday.", [("Monday", "2023-11-13")]),
    ("We'll see on Monday.", [("Monday", "2023-11-13")]),
    ("She attended the meeting on Monday.", [("Monday", "2023-11-06")]),
    ("Ill health forced him out on Monday.", [("Monday", "2023-11-06")]),
])
def test_words_of_tense_with_a_typographic_apostrophe(text: str,
                                                      expected: list[tuple[str, str]]) -> None:
    assert found(text, WED) == expected


def test_a_limit_in_reported_speech_with_could_is_the_nearest_month() -> None:
    # Told in June, read in November: the September just past, not next year's.
    text = ("The trust sent 28 questions to the department in June. The department, however, "
            "said it couldn’t answer anything until September.")
    assert found(text, date(2023, 11, 7)) == [("June", "2023-06"), ("September", "2023-09")]
    # Not told of a past moment: to come.
    assert found("The road is closed until September.", date(2023, 11, 7)) \
        == [("September", "2024-09")]


@pytest.mark.parametrize("text,expected", [
    # A passive infinitive of a verb of saying is the day it will be said, to come.
    ("Further details will be announced on Tuesday.", [("Tuesday", "2020-11-24")]),
    ("The report is to be released Friday.", [("Friday", "2020-11-27")]),
    # ... and the day something was said stays past.
    ("Details were announced on Tuesday.", [("Tuesday", "2020-11-17")]),
    ("The ministry said on Wednesday it would publish the data.", [("Wednesday", "2020-11-18")]),
])
def test_the_day_a_thing_will_be_said_is_to_come(text: str,
                                                 expected: list[tuple[str, str]]) -> None:
    assert found(text, date(2020, 11, 23)) == expected


def test_past_forms_the_ed_pattern_misses_tell_of_the_past() -> None:
    # 'died' is too short for the pattern that reads verbs in -ed: 'He died in March', read
    # in January, had been the March to come (no past in its sentence).
    assert found("He died in March.", date(2020, 1, 28)) == [("March", "2019-03")]
    assert found("The firm sued in March.", date(2020, 1, 28)) == [("March", "2019-03")]
    # ... and irregular past forms: 'upheld', 'heard', 'withdrew'
    assert found("The court upheld the ruling in March.", date(2020, 1, 28)) \
        == [("March", "2019-03")]
    assert found("Shops stay shut during Lent in March.", date(2020, 1, 28)) \
        == [("March", "2020-03")]  # 'Lent' is no verb
    assert found("He died a few years later.", date(2020, 1, 28)) \
        == [("a few years later", "PAST_REF")]


@pytest.mark.parametrize("text,expected", [
    # An arrangement in the progressive is to come, as the present of a scheduled verb is.
    ("Shops are reopening on Monday.", [("Monday", "2023-11-06")]),
    ("The council is meeting on Monday.", [("Monday", "2023-11-06")]),
    ("The council meets on Monday.", [("Monday", "2023-11-06")]),
    ("Officials are investigating the crash on Monday.", [("Monday", "2023-10-30")]),
])
def test_an_arrangement_in_the_progressive_is_to_come(text: str,
                                                      expected: list[tuple[str, str]]) -> None:
    assert found(text, date(2023, 11, 2)) == expected
