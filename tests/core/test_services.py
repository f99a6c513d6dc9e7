"""Services: events from selections, edits, delete/restore, re-dating, errors leave no trace."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.edits import ArticleDraft, ArticleMetadata, EventEdit
from desktop_app.core.errors import (
    DuplicateArticleError,
    InvalidSelectionError,
    NotFoundError,
    QuoteNotFoundError,
)
from desktop_app.core.eventdates import parse_date_text
from tests.conftest import SAMPLE_PASSAGES, SAMPLE_PUBLISHED


def add_sample(project, text: str):  # noqa: ANN001, ANN201
    return project.articles.add(ArticleDraft(title="Sample", text=text,
                                             published=SAMPLE_PUBLISHED))


def test_demo_project_has_four_dated_events(demo_project) -> None:  # noqa: ANN001
    events = demo_project.events.list()
    assert [e.date.start for e in events] == [date(2021, 7, d) for d in (5, 6, 7, 8)]
    assert all(e.quotes and e.quotes[0].exact.startswith("On ") for e in events)
    [summary] = demo_project.articles.list()
    assert summary.event_count == 4 and summary.published == date(2021, 7, 9)


def test_create_from_selection_stores_quote_with_context(project, sample_text) -> None:  # noqa: ANN001
    a = add_sample(project, sample_text)
    passage, expected = SAMPLE_PASSAGES[0]
    start = sample_text.index(passage)
    e = project.events.create_from_selection(a.id, start - 1, start + len(passage))
    q = e.quotes[0]
    assert e.date.start == expected and e.date.expression == "On Monday"
    assert (q.start, q.end, q.exact) == (start, start + len(passage), passage)
    assert sample_text[start - 32:start] == q.prefix
    assert sample_text[q.end:q.end + 32] == q.suffix
    assert project.events.get(e.id) == e


def test_timeline_is_chronological_with_stable_ties(project, sample_text) -> None:  # noqa: ANN001
    a = add_sample(project, sample_text)
    for passage, _ in reversed(SAMPLE_PASSAGES):
        project.events.create_from_quote_text(a.id, passage)
    second = "On the same day, Putin committed to providing support"
    project.events.create_from_quote_text(a.id, second)
    dates = [e.date.start for e in project.events.list()]
    assert dates == sorted(dates)
    monday = [e for e in project.events.list() if e.date.start == date(2021, 7, 5)]
    assert [e.quotes[0].start for e in monday] == sorted(e.quotes[0].start for e in monday)


def test_edit_marks_date_as_edited_and_delete_restore_keeps_ids(demo_project) -> None:  # noqa: ANN001
    events = demo_project.events
    e = events.list()[0]
    new_date = parse_date_text("5 July 2020", None)
    edited = events.edit(e.id, EventEdit(title="Mobilisation", date=new_date,
                                         tags=("army", "Tajikistan", "army")))
    assert edited.title == "Mobilisation" and edited.date.start == date(2020, 7, 5)
    assert edited.date_edited_by_user and edited.tags == ("army", "Tajikistan")
    snapshot = events.delete(e.id)
    with pytest.raises(NotFoundError):
        events.get(e.id)
    restored = events.restore(snapshot)
    assert restored == snapshot
    assert events.write_state(e) == events.get(e.id) and events.get(e.id).title == e.title


def test_what_a_change_returns_is_what_a_fresh_read_gives(demo_project) -> None:  # noqa: ANN001
    """Records returned by creating and editing are made from what the session wrote, not
    read back: they must equal the stored rows to the microsecond and the character (undo
    and the version check compare them), with quotes, tags and article titles."""
    events = demo_project.events
    article = demo_project.articles.list()[0]
    made = events.create_from_selection(article.id, 0, 40)
    assert made == events.get(made.id) and made.article_title == article.title
    edited = events.edit(made.id, EventEdit(
        title="  A title  with  room ", notes="Line one\nLine two ",
        date=parse_date_text("between 5 and 8 July 2021", None), tags=("Army", "border")))
    assert edited == events.get(made.id)
    assert edited.version == made.version + 1 and edited.date.end == date(2021, 7, 8)
    assert events.write_state(made, expected=edited) == events.get(made.id)
    untagged = events.edit(made.id, EventEdit(tags=()))
    assert untagged == events.get(made.id) and untagged.tags == ()


def test_changing_the_publication_date_redates_all_but_hand_edited(demo_project) -> None:  # noqa: ANN001
    articles, events = demo_project.articles, demo_project.events
    first, second, *_ = events.list()
    events.edit(first.id, EventEdit(date=parse_date_text("2021-07-01", None)))
    a = articles.get(second.article_id)
    change = articles.update_metadata(a.id, ArticleMetadata(a.title, a.outlet, a.url, a.author,
                                                            date(2021, 7, 16)))
    assert change.redated_events == 3
    by_id = {e.id: e.date.start for e in events.list()}
    assert by_id[first.id] == date(2021, 7, 1)  # kept: edited by hand
    assert by_id[second.id] == date(2021, 7, 13)  # Tuesday before Fri 16 Jul


def test_duplicate_article_is_refused(project) -> None:  # noqa: ANN001
    project.articles.add(ArticleDraft(title="A", text="Same text.", published=None))
    with pytest.raises(DuplicateArticleError):
        project.articles.add(ArticleDraft(title="B", text="Same text.", published=None))
    assert len(project.articles.list()) == 1


def test_bad_selections_and_quotes_change_nothing(demo_project) -> None:  # noqa: ANN001
    a = demo_project.articles.list()[0]
    before = demo_project.events.list()
    with pytest.raises(InvalidSelectionError):
        demo_project.events.create_from_selection(a.id, 5, 5)
    with pytest.raises(InvalidSelectionError):
        demo_project.events.create_from_selection(a.id, 0, 10**7)
    with pytest.raises(QuoteNotFoundError):
        demo_project.events.create_from_quote_text(a.id, "words that are not there")
    with pytest.raises(NotFoundError):
        demo_project.events.create_from_selection(999, 0, 3)
    assert demo_project.events.list() == before


def test_typed_dates(demo_project) -> None:  # noqa: ANN001
    e = demo_project.events.list()[0]
    assert demo_project.events.parse_date(e.id, "last Monday").start == date(2021, 7, 5)
    assert demo_project.events.parse_date(e.id, "5 July 2021").start == date(2021, 7, 5)
    d = demo_project.events.parse_date(e.id, "2021-07")
    assert (d.start, d.precision) == (date(2021, 7, 1), "month")
    assert demo_project.events.parse_date(e.id, "2021").precision == "year"
