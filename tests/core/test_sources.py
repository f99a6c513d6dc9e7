"""Multi-source events: another source, merging, disagreeing dates, deleting articles."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.conflicts import has_conflict
from desktop_app.core.edits import ArticleDraft, EventEdit
from desktop_app.core.errors import TimelineError

SECOND = ("Kabul, 10 July 2021. Officials said on Thursday that Taliban envoys were received in "
          "Moscow. On Tuesday, Russian helicopters fired missiles near the Afghan border.")


def second_article(project):  # noqa: ANN001, ANN201
    return project.articles.add(ArticleDraft(title="Second report", text=SECOND,
                                             outlet="Other", published=date(2021, 7, 10)))


def span(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


def test_another_source_is_added_with_its_own_date(demo_project) -> None:  # noqa: ANN001
    p = demo_project
    events = p.events.list()
    thursday = events[3]
    other = second_article(p)
    q = p.sources.add_quote(thursday.id, other.id,
                            *span(SECOND, "on Thursday that Taliban envoys were received"))
    after = p.events.get(thursday.id)
    assert [x.article_id for x in after.quotes] == [thursday.quotes[0].article_id, other.id]
    assert after.date == thursday.date  # the event keeps its date
    assert q.date_start == date(2021, 7, 8) and after.quotes[0].date_start == date(2021, 7, 8)
    assert not has_conflict(after)
    with pytest.raises(TimelineError, match="already a source"):
        p.sources.add_quote(thursday.id, other.id,
                            *span(SECOND, "on Thursday that Taliban envoys were received"))
    removed = p.sources.remove_quote(q.id)
    assert len(p.events.get(thursday.id).quotes) == 1
    p.sources.restore_quote(removed)
    assert p.events.get(thursday.id) == after


def test_sources_that_disagree_are_flagged(demo_project) -> None:  # noqa: ANN001
    p = demo_project
    monday = p.events.list()[0]
    other = second_article(p)
    p.sources.add_quote(monday.id, other.id,
                        *span(SECOND, "On Tuesday, Russian helicopters fired missiles"))
    record = p.events.get(monday.id)
    assert has_conflict(record)
    assert p.sources.conflicting_ids() == {monday.id}
    # The timeline's rows (the table and the chart) flag it, and only it.
    assert {r.id for r in p.index.rows() if r.conflict} == {monday.id}
    assert {r.id: r.source_count for r in p.index.rows()}[monday.id] == 2


def test_merge_keeps_every_quote_tag_and_note_and_undo_restores_ids(demo_project) -> None:  # noqa: ANN001
    p = demo_project
    a, b, c, _d = p.events.list()
    p.events.edit(a.id, EventEdit(tags=("army",), notes="first note"))
    p.events.edit(b.id, EventEdit(tags=("Russia", "army"), notes="second note"))
    before = {e.id: e for e in p.events.list()}
    result = p.sources.merge([a.id, b.id, c.id], keep_date_of=b.id)
    merged = result.after
    assert merged.id == b.id and merged.date == before[b.id].date
    assert sorted(q.id for q in merged.quotes) == sorted(
        q.id for e in (a, b, c) for q in e.quotes)
    assert merged.tags == ("army", "Russia")
    assert merged.notes == "second note\n\nfirst note"
    assert set(result.removed_ids) == {a.id, c.id}
    assert [e.id for e in p.events.list()] == [b.id, _d.id]
    assert has_conflict(merged)  # Monday, Tuesday and Wednesday sources
    p.sources.unmerge(result)
    assert {e.id: e for e in p.events.list()} == before
    with pytest.raises(TimelineError):
        p.sources.merge([a.id], keep_date_of=a.id)
    with pytest.raises(TimelineError):
        p.sources.merge([a.id, b.id], keep_date_of=c.id)


def test_deleting_an_article_deletes_or_keeps_events_and_undo_restores(demo_project) -> None:  # noqa: ANN001
    p = demo_project
    events = p.events.list()
    demo = events[0].quotes[0].article_id
    other = second_article(p)
    p.sources.add_quote(events[3].id, other.id,
                        *span(SECOND, "on Thursday that Taliban envoys were received"))
    before = {e.id: e for e in p.events.list()}
    impact = p.removal.impact(demo)
    assert (impact.only_here, impact.with_other_sources) == (3, 1)
    removal = p.removal.remove([demo], keep_events_with_other_sources=True)
    left = p.events.list()
    assert [e.id for e in left] == [events[3].id]
    assert [q.article_id for q in left[0].quotes] == [other.id]
    assert [a.id for a in p.articles.list()] == [other.id]
    assert removal.kept_event_ids == (events[3].id,)
    p.removal.restore(removal)
    assert {e.id: e for e in p.events.list()} == before
    assert p.articles.get(demo).text.startswith("A week of alarm")
    removal = p.removal.remove([demo], keep_events_with_other_sources=False)
    assert p.events.list() == []
    p.removal.restore(removal)
    assert {e.id: e for e in p.events.list()} == before
