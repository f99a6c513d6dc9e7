"""How sure the engine is of each date, and why: carried to the event's date, stored with
its explanation, and what decides whether Suggest ticks a proposal."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.dating import date_for_passage
from desktop_app.core.passages import article_expressions, dated_passages, suggest_events
from desktop_app.core.temporal import find_expressions

FRI = date(2021, 7, 9)


@pytest.mark.parametrize("text,anchor,mode,doubt", [
    ("It happened on 04/05/2021.", FRI, "news",
     "read month first; Tue 4 May 2021 if the numbers are the other way round"),
    ("In August, talks begin.", FRI, "news",
     "no year given: the August eleven months back is the other reading"),
    ("He said in March that the ban would last until September.", date(2021, 11, 12), "news",
     "a future told in the past: the month may lie on either side of the publication date"),
    ("On 3 March 2020 he left. On Monday he came back.", None, "narrative",
     "counted from the last date mentioned, Tue 3 Mar 2020: the text has no publication date "
     "to count from"),
    ("The talks ended on July 12.", FRI, "news",
     "after the publication date in a clause not about the future"),
])
def test_an_unsure_reading_says_why(text: str, anchor: date | None, mode: str,
                                    doubt: str) -> None:
    unsure = [e for e in find_expressions(text, anchor, mode=mode) if not e.sure]
    assert [e.flags for e in unsure] == [(doubt,)]


@pytest.mark.parametrize("text", [
    "They met on Monday.", "It happened on 25/05/2021.", "It happened on 5 July 2021.",
    "Rain fell in March.", "The ban will last until September.",
])
def test_a_plain_reading_is_sure(text: str) -> None:
    assert all(e.sure for e in find_expressions(text, FRI))


def test_the_event_date_keeps_the_doubt_in_its_explanation() -> None:
    text = "It happened on 04/05/2021. Officials confirmed it later."
    d = date_for_passage(text, 0, 26, FRI)
    assert d.start == date(2021, 4, 5)
    assert d.doubts == ("read month first; Tue 4 May 2021 if the numbers are the other way "
                        "round",)
    assert d.reason == "explicit date"
    assert d.rule == f"explicit date — unsure: {d.doubts[0]}"
    # Dated from the sentence: the reason grows, the doubt stays.
    later = date_for_passage(text, 27, len(text), FRI)
    assert later.doubts == d.doubts and "last date mentioned before it" in later.reason
    assert date_for_passage("They met on Monday.", 0, 19, FRI).doubts == ()


def test_suggest_leaves_unsure_proposals_unticked() -> None:
    text = "The deal was signed on 04/05/2021. The talks ended on 5 July 2021."
    expressions = article_expressions(text, FRI)
    passages = dated_passages(text, expressions, [])
    confident = {s.date.start: s.confident
                 for s in suggest_events(text, FRI, passages, expressions)}
    assert confident == {date(2021, 4, 5): False, date(2021, 7, 5): True}
