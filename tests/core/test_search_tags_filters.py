"""Full-text search (FTS5 and the plain scan), tags on many events, colours, saved filters."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.edits import ArticleDraft, EventEdit
from desktop_app.core.errors import TimelineError
from desktop_app.core.filters import EventFilter, FilterError, parse_filter
from desktop_app.core.search import Fts5Search, ScanSearch, TsvectorSearch, terms

OTHER = "Kabul, 10 July 2021. Officials in Kabul said the Kremlin's envoy met them on Friday."


def test_query_terms() -> None:
    assert terms('Kremlin "special envoy" Moscow.') == ["Kremlin", "special envoy", "Moscow"]
    assert terms("   ") == []


@pytest.mark.parametrize("engine", ["the project's own", ScanSearch])
def test_search_finds_passages_in_every_article(demo_project, engine) -> None:  # noqa: ANN001
    p = demo_project
    other = p.articles.add(ArticleDraft(title="Kabul report", text=OTHER,
                                        published=date(2021, 7, 10)))
    search = p.search if isinstance(engine, str) else engine(p.db.sessions)
    demo_id = next(a.id for a in p.articles.list() if a.id != other.id)
    hits = search.search("kremlin")
    assert {h.article_id for h in hits} == {other.id, demo_id}
    for h in hits:
        body = p.articles.get(h.article_id).text
        assert body[h.start:h.end].casefold() == "kremlin"
        assert "Kremlin" in h.snippet
    phrase = search.search('"special envoy" Moscow')
    assert len(phrase) == 1
    demo = p.articles.get(phrase[0].article_id)
    assert demo.text[phrase[0].start:phrase[0].end] == "special envoy"
    assert search.search("Kremlin Beijing") == []  # every term must be there
    assert search.search("zeppelin") == []
    assert search.search('" OR ( NEAR') == []  # FTS syntax in a query is quoted, never raises
    assert search.search("'&|!:*") == []
    prefix = search.search("mobili* Tajik*")  # a final * makes a prefix
    assert [p.articles.get(h.article_id).text[h.start:h.end] for h in prefix] == ["mobilised"]


def test_the_index_follows_deletion_and_undo(demo_project) -> None:  # noqa: ANN001
    p = demo_project
    # This SQLite has FTS5, and PostgreSQL its tsvector: the index is used.
    assert isinstance(p.search, TsvectorSearch if p.db.is_server else Fts5Search)
    other = p.articles.add(ArticleDraft(title="Kabul report", text=OTHER,
                                        published=date(2021, 7, 10)))
    assert {h.article_id for h in p.search.search("Kabul")} == {other.id}
    removal = p.removal.remove([other.id])
    assert p.search.search("Kabul") == []
    p.removal.restore(removal)
    assert {h.article_id for h in p.search.search("Kabul")} == {other.id}


def test_tag_many_events_and_colours(demo_project) -> None:  # noqa: ANN001
    p = demo_project
    ids = [e.id for e in p.events.list()]
    p.events.edit(ids[0], EventEdit(tags=("army",)))
    before, after = p.tags.tag_events(ids[:3], ("Russia", "Army"), ())
    assert [r.id for r in after] == ids[:3]
    assert [r.tags for r in after] == [("army", "Russia"), ("army", "Russia"),
                                       ("army", "Russia")]  # the existing tag's spelling
    assert before[0].tags == ("army",)
    before, after = p.tags.tag_events(ids, (), ("russia",))
    assert len(after) == 3 and all("Russia" not in r.tags for r in after)
    assert p.tags.tag_events(ids, (), ("nothing",)) == ([], [])
    assert p.tags.set_colour("army", "#AA0000") == ""
    assert p.tags.colours() == {"army": "#aa0000"}
    with pytest.raises(TimelineError):
        p.tags.set_colour("army", "red; drop table")
    with pytest.raises(TimelineError):
        p.tags.set_colour("no such tag", "#000000")


def test_saved_filters_round_trip(project) -> None:  # noqa: ANN001
    f = EventFilter("missiles", ("army",), (1,), date(2021, 7, 1), date(2021, 7, 31), True)
    project.filters.save("  July   army ", f)
    assert project.filters.names() == ["July army"]
    assert project.filters.load("July army") == f
    project.filters.save("July army", EventFilter("x"))
    assert project.filters.load("July army") == EventFilter("x")
    project.filters.delete("July army")
    assert project.filters.names() == []
    with pytest.raises(TimelineError):
        project.filters.load("July army")
    with pytest.raises(FilterError):
        EventFilter.from_json('{"from": "not a date"}')
    assert parse_filter(["conflicts=yes"]).conflicts_only


def test_without_the_index_search_scans(sqlite_project) -> None:  # noqa: ANN001
    """An SQLite built without FTS5 has no index: the project still opens and search works."""
    from sqlalchemy import text

    from desktop_app.core.project import seed_demo
    from desktop_app.core.search import make_search

    demo_project = sqlite_project
    seed_demo(demo_project)
    with demo_project.db.sessions.begin() as s:
        for name in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            s.execute(text(f"DROP TRIGGER {name}"))
        s.execute(text("DROP TABLE articles_fts"))
    search = make_search(demo_project.db.sessions, "sqlite")
    assert isinstance(search, ScanSearch)
    assert [h.article_title[:7] for h in search.search("Kremlin")] == ["Taliban"]
