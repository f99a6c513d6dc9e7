"""Re-importing a changed article: the text is replaced, quotes are found again or orphaned."""

from __future__ import annotations

from datetime import date

from desktop_app.core.importers import read_article_file
from desktop_app.core.services.articles import Reimport
from desktop_app.core.services.batch_import import import_batch
from tests.conftest import FIXTURES

V1, V2 = FIXTURES / "reimport" / "v1.txt", FIXTURES / "reimport" / "v2.txt"
QUOTES = ("The army crossed the river on Monday at dawn",  # inside the edit: found approximately
          "Refugees fled to the hills on Tuesday",  # deleted: orphaned
          "Talks began on Thursday in Geneva")  # after the edit, moved: found exactly


def test_changed_version_reanchors_every_quote(project) -> None:  # noqa: ANN001
    article = project.articles.add(read_article_file(V1))
    events = [project.events.create_from_quote_text(article.id, q) for q in QUOTES]
    assert [e.date.start for e in events] == [date(2021, 7, 5), date(2021, 7, 6),
                                              date(2021, 7, 8)]
    result = project.articles.add_or_update(read_article_file(V2))
    assert isinstance(result, Reimport) and result.article.id == article.id
    assert (result.exact, result.fuzzy) == (1, 1)
    assert [q.exact for q in result.orphaned] == [QUOTES[1]]
    text = project.articles.get(article.id).text
    army, refugees, talks = (project.events.get(e.id) for e in events)
    q = army.quotes[0]
    assert text[q.start:q.end] == q.exact and "wide river" in q.exact and not q.orphaned
    assert refugees.quotes[0].orphaned and refugees.quotes[0].exact == QUOTES[1]
    assert refugees.date.start == date(2021, 7, 6)  # kept, with its date and text
    t = talks.quotes[0]
    assert text[t.start:t.end] == QUOTES[2] and t.start > text.index("Update:")
    assert len(project.articles.list()) == 1  # replaced, not duplicated
    assert [qq.exact for qq in project.events.quotes_in_article(article.id)] == [
        q.exact, t.exact]  # orphans are not highlighted


def test_batch_summary_lists_orphans(project) -> None:  # noqa: ANN001
    import_batch(project.articles, [V1])
    article_id = project.articles.list()[0].id
    for quote in QUOTES:
        project.events.create_from_quote_text(article_id, quote)
    summary = import_batch(project.articles, [V2])
    assert summary.imported == () and len(summary.updated) == 1
    text = summary.text()
    assert "a changed version of 'Border crisis deepens in the north'" in text
    assert "2 quote(s) found again (1 approximately), 1 no longer found, kept as orphans: " \
           "'Refugees fled to the hills on Tuesday'" in text


def test_short_generic_titles_are_not_matched(project) -> None:  # noqa: ANN001
    from desktop_app.core.importers import draft_from_text

    project.articles.add(draft_from_text("Update\n\nOne thing happened on Monday."))
    result = project.articles.add_or_update(draft_from_text("Update\n\nAnother thing entirely."))
    assert not isinstance(result, Reimport) and len(project.articles.list()) == 2
