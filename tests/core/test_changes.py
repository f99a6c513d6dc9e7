"""The one change path: every committed service call publishes one change set naming what it
changed; a failed one publishes nothing and changes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.change_set import ChangeSet, Origin
from desktop_app.core.edits import ArticleMetadata, EventEdit
from desktop_app.core.exporters.csv_export import CsvOptions
from desktop_app.core.importers.csv_import import read_timeline_csv


@pytest.fixture
def heard(demo_project):  # noqa: ANN001, ANN201
    sets: list[ChangeSet] = []
    demo_project.changes.subscribe(sets.append)
    return sets


def test_each_service_call_publishes_one_change_set(demo_project, heard) -> None:  # noqa: ANN001
    p = demo_project
    article = p.articles.list()[0]
    first = p.events.list()[0]
    created = p.events.create_from_selection(article.id, 0, 30)
    p.events.edit(first.id, EventEdit(title="Edited"))
    p.tags.tag_events([first.id], ("army",), ())
    deleted = p.events.delete(created.id)
    p.events.restore(deleted)
    assert [(c.events_created, c.events_updated, c.events_deleted, c.tags_changed)
            for c in heard] == [
        ({created.id}, set(), set(), False),
        (set(), {first.id}, set(), False),
        (set(), {first.id}, set(), True),  # a new tag: the filter's choices follow
        (set(), set(), {created.id}, False),
        ({created.id}, set(), set(), False)]
    assert all(c.origin is Origin.LOCAL for c in heard)


def test_a_publication_date_change_names_the_article_and_the_redated_events(  # noqa: ANN001
        demo_project, heard) -> None:
    a = demo_project.articles.get(demo_project.articles.list()[0].id)
    demo_project.articles.update_metadata(a.id, ArticleMetadata(
        a.title, a.outlet, a.url, a.author, date(2021, 7, 16)))
    [change] = heard
    assert change.articles_updated == {a.id}
    assert change.events_updated == {e.id for e in demo_project.events.list()}


def test_a_csv_import_of_1000_rows_is_one_change_set_and_one_transaction(  # noqa: ANN001
        demo_project, heard, tmp_path: Path) -> None:
    out = tmp_path / "new.csv"
    lines = ["date,title"] + [f"2021-07-{1 + i % 28:02d},Event {i}" for i in range(1000)]
    out.write_text("\n".join(lines), encoding="utf-8")
    result = demo_project.csv.apply(demo_project.csv.plan(read_timeline_csv(out)))
    [change] = heard
    assert change.events_created == {r.id for r in result.created} and len(result.created) == 1000
    heard.clear()
    demo_project.csv.undo(result)
    demo_project.csv.redo(result)
    assert [len(c.events_deleted) for c in heard] == [1000, 0]
    assert len(heard[1].events_created) == 1000


def test_a_failure_part_way_leaves_the_project_as_it_was_and_says_nothing(  # noqa: ANN001
        demo_project, heard, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "edit.csv"
    demo_project.exports.export_csv(out, CsvOptions())
    text = out.read_text(encoding="utf-8-sig").replace("Tajikistan's president", "Edited")
    out.write_text(text + ",2021-07-20,,day,A new event" + "," * 10 + "\r\n",
                   encoding="utf-8")
    plan = demo_project.csv.plan(read_timeline_csv(out))
    assert len(plan.creates) == 1 and len(plan.updates) >= 1
    before = [(e.id, e.title) for e in demo_project.events.list()]
    real = demo_project.events.edit_in

    def failing(s, event_id, change):  # noqa: ANN001, ANN202
        real(s, event_id, change)
        raise OSError("disk full")

    monkeypatch.setattr(demo_project.events, "edit_in", failing)
    with pytest.raises(OSError):
        demo_project.csv.apply(plan)
    assert [(e.id, e.title) for e in demo_project.events.list()] == before
    assert heard == []


def test_a_change_set_is_heard_once_its_connection_is_given_back(  # noqa: ANN001
        demo_project, tmp_path: Path) -> None:
    """The views read what changed as they hear of it: through the connection the change
    was committed on, not a second one opened for them (a team project's server counts
    every window's connections)."""
    from sqlalchemy import event

    engine = demo_project.db.engine
    demo_project.index.rows()  # the pool holds a connection, idle
    opened: list[object] = []
    event.listen(engine, "connect", lambda conn, _record: opened.append(conn))
    held_when_heard: list[int] = []
    rows_read: list[int] = []

    def read_at_once(change: ChangeSet) -> None:
        held_when_heard.append(engine.pool.checkedout())
        rows_read.append(len(demo_project.index.rows(change.events_created)))

    demo_project.changes.subscribe(read_at_once)
    out = tmp_path / "new.csv"
    out.write_text("date,title\n2021-07-01,One\n2021-07-02,Two\n", encoding="utf-8")
    demo_project.csv.apply(demo_project.csv.plan(read_timeline_csv(out)))
    assert rows_read == [2]
    assert held_when_heard == [0]
    assert opened == []


def test_a_batch_publishes_once(demo_project, heard) -> None:  # noqa: ANN001
    events = demo_project.events.list()
    with demo_project.changes.batch():
        for e in events:
            demo_project.events.edit(e.id, EventEdit(notes="batched"))
        assert heard == []
    [change] = heard
    assert change.events_updated == {e.id for e in events}


def _heard(feed):  # noqa: ANN001, ANN202
    """What the feed hears within 2 s (a notification from the server takes a moment)."""
    import time

    deadline = time.monotonic() + 2
    while (heard := feed.poll()) is None and time.monotonic() < deadline:
        time.sleep(0.01)
    return heard


def test_another_client_hears_what_one_commits_and_not_its_own(demo_project) -> None:  # noqa: ANN001
    from desktop_app.core.project import open_project

    other = open_project(demo_project.location)
    feed = other.feed()
    try:
        assert feed.poll() is None
        first = demo_project.events.list()[0]
        demo_project.events.edit(first.id, EventEdit(title="From the first window"))
        created = demo_project.events.create_from_selection(1, 0, 30)
        heard = _heard(feed)
        assert heard is not None and heard.origin is Origin.EXTERNAL
        assert heard.events_updated == {first.id} and heard.events_created == {created.id}
        assert feed.poll() is None  # nothing new
        other.events.edit(first.id, EventEdit(notes="its own edit"))
        assert _heard(feed) is None  # a client never hears itself
    finally:
        feed.close()
        other.close()


def test_a_client_that_missed_pruned_entries_rereads_everything(demo_project) -> None:  # noqa: ANN001
    from datetime import timedelta

    from desktop_app.core.change_feed import prune_change_log
    from desktop_app.core.project import open_project

    other = open_project(demo_project.location)
    feed = other.feed()
    try:
        demo_project.events.edit(1, EventEdit(notes="seen by nobody"))
        prune_change_log(demo_project.db.sessions, keep=timedelta(seconds=-1))
        demo_project.events.edit(2, EventEdit(notes="after the prune"))
        heard = _heard(feed)
        assert heard is not None and heard.everything
    finally:
        feed.close()
        other.close()


def test_change_sets_survive_the_log(tmp_path: Path) -> None:
    change = ChangeSet(frozenset({1, 2}), frozenset({3}), frozenset(), frozenset({9}),
                       tags_changed=True)
    back = ChangeSet.from_payload(change.to_payload())
    assert back == ChangeSet(frozenset({1, 2}), frozenset({3}), frozenset(), frozenset({9}),
                             tags_changed=True, origin=Origin.EXTERNAL)
    assert ChangeSet.from_payload("not json").everything
    huge = ChangeSet(events_created=frozenset(range(30_000)))
    assert ChangeSet.from_payload(huge.to_payload()).everything
