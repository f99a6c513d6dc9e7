"""Dated passages, coverage and suggestions (pure functions and the analysis service)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.passages import analyse_article, suggest_events

TEXT = ("The strike began on Monday. Unions met ministers on Tuesday. "
        "Talks were tense. Trains ran again on Thursday.")
FRI = date(2021, 7, 9)


def test_dated_passages_and_coverage() -> None:
    monday = TEXT.index("The strike")
    analysis = analyse_article(1, TEXT, FRI, [(monday, monday + 27)])
    assert [p.expression.value for p in analysis.passages] == [
        "2021-07-05", "2021-07-06", "2021-07-08"]
    assert [p.used for p in analysis.passages] == [True, False, False]
    assert analysis.used_count == 1
    p = analysis.passages[1]
    assert TEXT[p.sentence_start:p.sentence_end] == "Unions met ministers on Tuesday."
    again = analysis.with_quotes([])
    assert again.used_count == 0 and again.expressions == analysis.expressions


def test_suggestions_skip_used_sentences_and_date_like_ctrl_e() -> None:
    monday = TEXT.index("The strike")
    analysis = analyse_article(1, TEXT, FRI, [(monday, monday + 27)])
    suggestions = suggest_events(TEXT, FRI, list(analysis.passages), analysis.expressions)
    assert [(s.title, s.date.start) for s in suggestions] == [
        ("Unions met ministers on Tuesday", date(2021, 7, 6)),
        ("Trains ran again on Thursday", date(2021, 7, 8))]


def test_service_analysis_and_batch_creation(demo_project) -> None:  # noqa: ANN001
    article = demo_project.articles.list()[0]
    analysis = demo_project.analysis.analyse(article.id)
    assert analysis.used_count == 4 and len(analysis.passages) == 5
    suggestions = demo_project.analysis.suggestions(article.id)
    assert len(suggestions) == 1 and suggestions[0].date.start == date(2021, 7, 9)
    created = demo_project.events.create_many(article.id,
                                              [(s.start, s.end) for s in suggestions])
    assert [e.date.start for e in created] == [date(2021, 7, 9)]
    assert demo_project.analysis.suggestions(article.id) == []


def test_date_readings_put_the_rule_first(demo_project) -> None:  # noqa: ANN001
    monday = demo_project.events.list()[0]
    readings = demo_project.events.date_readings(monday)
    assert [r.start for r in readings] == [date(2021, 7, 5), date(2021, 6, 28), date(2021, 7, 12)]


def test_only_suggestions_dated_by_their_own_words_are_confident() -> None:
    from datetime import date

    from desktop_app.core.passages import EventSuggestion
    from desktop_app.core.records import EventDate, Precision

    own = EventDate(date(2021, 7, 5), Precision.DAY, expression="On Monday")
    assumed = EventDate(date(2021, 7, 9), Precision.DAY, rule="assumed: no date", assumed=True)
    assert EventSuggestion(0, 10, "t", own).confident
    assert not EventSuggestion(0, 10, "t", assumed).confident


def test_a_sentence_with_two_dates_is_listed_once_and_done_when_either_is_quoted() -> None:
    text = "Talks opened on Monday and closed on Wednesday. Trains ran again on Thursday."
    quoted = text.index("Talks opened on Monday")
    analysis = analyse_article(1, text, FRI, [(quoted, quoted + len("Talks opened on Monday"))])
    assert len(analysis.passages) == 3  # three dated expressions...
    first, second = analysis.sentences  # ...in two sentences
    assert [p.expression.value for p in first.passages] == ["2021-07-05", "2021-07-07"]
    assert first.used and not second.used and analysis.used_count == 1
    suggestions = suggest_events(text, FRI, list(analysis.passages), analysis.expressions)
    assert [s.start for s in suggestions] == [second.start]  # the done sentence is not offered


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 2_000), st.integers(1, 300)),
                max_size=12))
def test_quotes_coming_and_going_give_what_a_fresh_analysis_gives(steps) -> None:  # noqa: ANN001
    """Edits update the analysis for the quotes that came or went only; the result must be
    what analysing with the new quotes from scratch gives, passage by passage."""
    text = ("On Monday the talks began. Officials met again on Tuesday and on Wednesday. "
            "Nothing happened. By Friday, 9 July 2021, a deal was near; the vote is next week. "
            ) * 8
    quotes: list[tuple[int, int]] = []
    analysis = analyse_article(1, text, date(2021, 7, 9), quotes)
    for add, start, length in steps:
        if add or not quotes:
            quotes.append((start, min(len(text), start + length)))
        else:
            quotes.pop(start % len(quotes))
        analysis = analysis.with_quotes(list(quotes))
        fresh = analyse_article(1, text, date(2021, 7, 9), list(quotes))
        assert [p.used for p in analysis.passages] == [p.used for p in fresh.passages]
        assert analysis.sentences == fresh.sentences
        assert analysis.used_count == fresh.used_count


def test_suggest_on_a_long_article_dates_from_its_own_analysis_like_ctrl_e() -> None:
    """Suggest dates every sentence from the article's own analysis, analysing nothing again
    (each window of a long article had been analysed anew: a minute for 2 MB of dense
    dates), and each date is the one Ctrl+E gives the same sentence from its window."""
    from datetime import date

    from desktop_app.core import dating
    from desktop_app.core.passages import article_expressions, dated_passages, suggest_events

    text = ("On Monday the talks went on; on Tuesday they stalled. The same day the envoy "
            "left. ") * 3_000  # 255,000 characters
    published = date(2021, 7, 9)
    expressions = article_expressions(text, published)
    passages = dated_passages(text, expressions, [])
    dating._window_expressions.cache_clear()
    suggestions = suggest_events(text, published, passages, expressions)
    assert len(suggestions) == 6_000 and dating._window_expressions.cache_info().misses == 0
    for s in suggestions[::97]:
        ctrl_e = dating.date_for_passage(text, s.start, s.end, published)
        assert (s.date.start, s.date.precision, s.date.expression, s.date.reason) == (
            ctrl_e.start, ctrl_e.precision, ctrl_e.expression, ctrl_e.reason)


def test_a_sentence_of_nothing_but_dates_is_no_dated_passage() -> None:
    """Bylines, date stamps, headings, table rows and citations state nothing: Suggest, F8
    and the panel leave them out; a sentence in a script without case is kept."""
    text = ("Datum 25.01.2022\nDRUMMER OF THE YEAR 2021\n| Friend | 2000 |\n(Schrenker, 2020)\n"
            "Talks resumed on Monday.\nPutin quit Tuesday.\n会談は 2020-05-04 に行われた。\n"
            "Sunday.")
    analysis = analyse_article(1, text, FRI, [])
    assert [text[s.start:s.end] for s in analysis.sentences] == [
        "Talks resumed on Monday.", "Putin quit Tuesday.", "会談は 2020-05-04 に行われた。"]
