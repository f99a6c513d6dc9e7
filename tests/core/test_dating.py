"""Dating a passage: selection, sentence, previous date, publication date (assumed)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.dating import date_for_passage
from desktop_app.core.eventdates import explain, format_event_date, iso_at_precision
from desktop_app.core.titles import propose_title
from tests.conftest import SAMPLE_PASSAGES, SAMPLE_PUBLISHED

FRI = date(2021, 7, 9)


def span(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


def test_reference_article_passages_get_their_dates(sample_text: str) -> None:
    for passage, expected in SAMPLE_PASSAGES:
        d = date_for_passage(sample_text, *span(sample_text, passage), SAMPLE_PUBLISHED)
        assert (d.start, d.precision, d.assumed) == (expected, "day", False), passage


def test_explanation_reads_like_the_spec(sample_text: str) -> None:
    d = date_for_passage(sample_text, *span(sample_text, SAMPLE_PASSAGES[0][0]),
                         SAMPLE_PUBLISHED)
    assert explain(d) == ("'On Monday' -> Mon 5 Jul 2021: latest Monday on or before the "
                          "publication date, Fri 9 Jul 2021")


def test_falls_back_to_the_sentence_then_the_previous_date_then_the_publication_date() -> None:
    text = ("On Tuesday, the army crossed the river and it took the town. "
            "Refugees fled. Nobody knows why.")
    d = date_for_passage(text, *span(text, "it took the town"), FRI)
    assert d.start == date(2021, 7, 6) and "sentence" in d.rule
    d = date_for_passage(text, *span(text, "Refugees fled."), FRI)
    assert d.start == date(2021, 7, 6) and "last date mentioned before" in d.rule
    d = date_for_passage("Refugees fled. Nobody knows why.", 0, 14, FRI)
    assert (d.start, d.assumed) == (FRI, True)
    assert "assumed" in d.rule


def test_vague_references_do_not_date_an_event() -> None:
    text = "The situation is now tense."
    d = date_for_passage(text, 0, len(text), FRI)
    assert d.assumed and d.start == FRI


def test_display_and_iso_at_each_precision() -> None:
    from desktop_app.core.records import EventDate

    d = date(2021, 7, 5)
    cases = {"day": ("Mon 5 Jul 2021", "2021-07-05"), "month": ("July 2021", "2021-07"),
             "year": ("2021", "2021"), "week": ("Week 27, 2021", "2021-W27"),
             "quarter": ("Q3 2021", "2021-Q3"), "decade": ("2020s", "202X")}
    for precision, (shown, iso) in cases.items():
        assert format_event_date(EventDate(d, precision)) == shown
        assert iso_at_precision(d, precision) == iso


def test_titles_drop_the_date_phrase_and_attribution_and_are_stored_whole() -> None:
    assert propose_title("On Monday, the army crossed the river, Reuters reported.",
                         "On Monday") == "The army crossed the river"
    long = ("On Wednesday, Russian President Vladimir Putin committed to providing support to "
            "Tajikistan authorities to help them bolster their defenses in the border area.")
    title = propose_title(long, "On Wednesday")
    assert title == ("Russian President Vladimir Putin committed to providing support to "
                     "Tajikistan authorities to help them bolster their defenses in the border "
                     "area")  # whole: a title is data, the views elide it
    endless = propose_title("The talks " + "went on and on " * 30, "")
    assert len(endless) <= 200 and "…" not in endless and endless.endswith("on")


@pytest.mark.parametrize(("sentence", "expression", "title"), [
    # a phrase that only says when: dropped
    ("Last week, talks resumed in Doha.", "Last week", "Talks resumed in Doha"),
    ("In the fall the virus resurged.", "In the fall", "The virus resurged"),
    ("Last week the army crossed the river.", "Last week", "The army crossed the river"),
    ("Yesterday we’re told the port reopened.", "Yesterday", "We’re told the port reopened"),
    # a date that is part of the clause: kept, or the title loses its subject or a word
    ("Saturday’s peak demand reached 44,947 megawatts.", "Saturday",
     "Saturday’s peak demand reached 44,947 megawatts"),
    ("This year's Derby will have a new gate.", "This year",
     "This year's Derby will have a new gate"),
    ("Wednesday is a monumental day for the tenants.", "Wednesday",
     "Wednesday is a monumental day for the tenants"),
    ("2020 is not 2014, however.", "2020", "2020 is not 2014, however"),
    ("August der Starke wollte das Lager eröffnen.", "August",
     "August der Starke wollte das Lager eröffnen"),
    ("1000 Euro Kredit - Sofortzusage.", "1000", "1000 Euro Kredit - Sofortzusage"),
    ("Halloween-Party auf dem Sportplatz.", "Halloween", "Halloween-Party auf dem Sportplatz"),
])
def test_a_title_drops_its_date_phrase_only_where_the_phrase_only_says_when(
        sentence: str, expression: str, title: str) -> None:
    assert propose_title(sentence, expression) == title


def test_a_title_cut_from_a_quotation_closes_it() -> None:
    assert propose_title('"This is a rapidly changing situation, and we are monitoring it,"'
                         " he said.") == '"This is a rapidly changing situation, and we are ' \
        'monitoring it"'
    assert propose_title("“At the very early stages of our new relationship, which was hard,”"
                         " she said.") == "“At the very early stages of our new relationship”"
    assert propose_title("„The old bridge is open, which matters“") == "„The old bridge is open“"
    assert propose_title('He said "no" to the plan.') == 'He said "no" to the plan'


def test_a_dateline_does_not_date_the_event_in_its_sentence() -> None:
    text = "Harbour strike ends\n\nLISBON, 3 March 2022 - Dock workers returned on Wednesday."
    start = text.index("LISBON")
    d = date_for_passage(text, start, len(text), date(2022, 3, 3))
    assert d.start == date(2022, 3, 2) and d.expression == "on Wednesday"
    assert propose_title(text[start:], d.expression) == "Dock workers returned on Wednesday"
    # However deep the line is indented (only the dateline's own characters are bounded).
    indented = text.replace("\n\nLISBON", "\n\n" + " " * 120 + "LISBON")
    start = indented.index("LISBON")
    assert date_for_passage(indented, start, len(indented), date(2022, 3, 3)).expression \
        == "on Wednesday"
    # A long line before it is no dateline's line: the date there dates the passage.
    run_on = "x" * 200 + " " + text[text.index("LISBON"):]
    start = run_on.index("LISBON")
    assert date_for_passage(run_on, start, len(run_on), date(2022, 3, 3)).expression \
        == "3 March 2022"


def test_a_passage_far_from_the_texts_other_dates_takes_their_order() -> None:
    """Ctrl+E reads a window around the passage; the order of slashed dates is the whole
    article's (its analysis and the event must agree)."""
    text = ("The council met on 13/02/2022 to set the budget. " + "Filler sentence here. " * 3000
            + "The budget was passed on 04/03/2022 after a long debate.")
    start = text.index("The budget was passed")
    d = date_for_passage(text, start, len(text), date(2022, 6, 1))
    assert d.start == date(2022, 3, 4)
