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
    assert "2 quotes found again (1 approximately), 1 no longer found, kept as orphans: " \
           "'Refugees fled to the hills on Tuesday'" in text


def test_short_generic_titles_are_not_matched(project) -> None:  # noqa: ANN001
    from desktop_app.core.importers import draft_from_text

    project.articles.add(draft_from_text("Update\n\nOne thing happened on Monday."))
    result = project.articles.add_or_update(draft_from_text("Update\n\nAnother thing entirely."))
    assert not isinstance(result, Reimport) and len(project.articles.list()) == 2


def _draft(title: str, text: str, url: str = "", outlet: str = ""):  # noqa: ANN202
    from desktop_app.core.edits import ArticleDraft

    return ArticleDraft(title=title, text=text, url=url, outlet=outlet,
                        published=date(2021, 7, 9))


def test_a_shared_title_from_other_pages_is_a_new_article_every_time(project) -> None:  # noqa: ANN001
    """Press-release pages all titled alike are three articles, not three versions."""
    texts = [f"Release {n}: the council approved plan number {n} for district {n}. " * 5
             for n in (1, 2, 3)]
    made = [project.articles.add_or_update(_draft("Pressemitteilungen der Stadt", t,
                                                  f"https://city.example/press/{n}"))
            for n, t in enumerate(texts, 1)]
    assert not any(isinstance(m, Reimport) for m in made)
    assert sorted(a.title for a in project.articles.list()) == ["Pressemitteilungen der Stadt"] * 3
    assert {project.articles.get(m.id).text for m in made} == set(texts)


def test_a_newsletter_subject_without_urls_needs_half_the_text_the_same(project) -> None:  # noqa: ANN001
    subject = "Morning Briefing: the world today"
    day1 = " ".join(f"Story number {n} happened in city {n}." for n in range(1, 6))
    day2 = " ".join(f"Story number {n} happened in city {n}." for n in range(6, 11))
    first = project.articles.add_or_update(_draft(subject, day1, outlet="Daily Mail-out"))
    second = project.articles.add_or_update(_draft(subject, day2, outlet="Daily Mail-out"))
    assert not isinstance(second, Reimport) and second.id != first.id
    corrected = day1.replace("city 5.", "city 5, officials said.")
    third = project.articles.add_or_update(_draft(subject, corrected, outlet="Daily Mail-out"))
    assert isinstance(third, Reimport) and third.article.id == first.id
    other_outlet = project.articles.add_or_update(_draft(subject, corrected + " More.",
                                                         outlet="Another Wire"))
    assert not isinstance(other_outlet, Reimport)


def test_the_same_page_under_another_form_of_its_url_is_a_new_version(project) -> None:  # noqa: ANN001
    text = "On Monday, the ministry ordered 20,000 reservists mobilised. " * 3
    first = project.articles.add_or_update(_draft("Ministry orders reservists", text,
                                                  "http://www.news.example/a/story/"))
    again = project.articles.add_or_update(_draft(
        "Ministry orders reservists (updated)", text + " It was confirmed.",
        "https://news.example/a/story?utm_source=newsletter&fbclid=x#comments"))
    assert isinstance(again, Reimport) and again.article.id == first.id
    shouted = project.articles.add_or_update(_draft(
        "Ministry orders reservists", text + " Again.", "HTTPS://WWW.NEWS.EXAMPLE/a/story"))
    assert isinstance(shouted, Reimport) and shouted.article.id == first.id


def test_a_fuzzy_match_never_moves_a_quote_to_another_fact(project) -> None:  # noqa: ANN001
    old = ("Morning notes. Story number 1 happened in city 1 after a long dispute over the "
           "budget. Other news follows here.")
    new = ("Morning notes. Story number 3 happened in city 3 after a long dispute over the "
           "budget. Other news follows here.")
    article = project.articles.add(_draft("Morning Briefing: the world today", old,
                                          "https://mail.example/brief"))
    event = project.events.create_from_quote_text(
        article.id, "Story number 1 happened in city 1 after a long dispute over the budget")
    result = project.articles.add_or_update(_draft("Morning Briefing: the world today", new,
                                                   "https://mail.example/brief"))
    assert isinstance(result, Reimport) and result.fuzzy == 0
    assert [q.exact for q in result.orphaned] == [event.quotes[0].exact]
    assert project.events.get(event.id).quotes[0].orphaned


def test_canonical_urls() -> None:
    from desktop_app.core.urls import canonical_url

    same = ["https://www.example.org/news/a", "http://example.org/news/a/",
            "https://EXAMPLE.org/news/a#top", "https://example.org/news/a?utm_campaign=x&gclid=1",
            "example.org/news/a", "https://example.org:443/news/a"]
    assert len({canonical_url(u) for u in same}) == 1
    different = ["https://example.org/news/b", "https://example.org/news/a?id=2",
                 "https://other.org/news/a", "https://example.org/News/a"]
    assert len({canonical_url(u) for u in [same[0], *different]}) == 5
    assert canonical_url("") == ""


def test_the_window_sees_a_replacement_before_it_happens(project) -> None:  # noqa: ANN001
    """ask_later holds a changed version with the article it would replace; confirmed, it
    replaces it; declined, the article stays as it was and the summary says so."""
    from desktop_app.core.services.batch_import import replace_confirmed

    [first] = import_batch(project.articles, [V1]).imported
    before = project.articles.get(first.id)
    held = import_batch(project.articles, [V2], ask_later=True)
    [question] = held.replacing
    assert (question.path, question.replaces) == (V2, before)
    assert held.imported == () and held.updated == ()
    assert project.articles.get(first.id) == before  # nothing replaced yet
    declined = held.then(replace_confirmed(project.articles, [(question, False)]))
    assert declined.not_replaced == ((V2, before.title),) and declined.replacing == ()
    assert "1 changed version not imported, the articles kept as they were" in declined.text()
    assert project.articles.get(first.id) == before
    done = replace_confirmed(project.articles, [(question, True)])
    [(path, result)] = done.updated
    assert path == V2 and result.article.id == first.id
    assert project.articles.get(first.id).text != before.text
