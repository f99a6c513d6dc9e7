"""Pages and texts that give no publication day in their metadata: what the byline, a
"Published on" line, the rest of the page and the text's own dates make of them, and when
the user is asked at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.importers import read_article_file
from desktop_app.core.importers.dateline import (
    asks_publication_day,
    find_dateline,
    writes_relative_days,
)
from desktop_app.core.importers.shown_date import surroundings
from desktop_app.core.records import DateSource
from desktop_app.core.services.batch_import import import_batch

BODY = ("<p>The harbour board met the growers and the hauliers to agree on the new loading "
        "rules for the season, which had been argued over for most of the winter.</p>"
        "<p>Both sides said the rules were a fair start and would be looked at again once "
        "the first ships had been loaded under them.</p>")


def page(tmp_path: Path, before: str = "", after: str = "", elsewhere: str = "",
         markup: str = "", name: str = "p.html",
         title: str = "New loading rules agreed") -> Path:
    """A saved page without date metadata; ``before``/``after`` the article's text,
    ``elsewhere`` in the site's footer, far below it, ``markup`` in an HTML comment."""
    links = "".join(f'<li><a href="/s{n}">Section {n}</a></li>' for n in range(60))
    html = (f"<html><head><title>{title}</title></head><body>{markup}"
            f"<nav><ul>{links}</ul></nav><article><h1>{title}</h1>"
            f"{before}{BODY}{after}</article><footer><ul>{links}</ul>{elsewhere}</footer>"
            "</body></html>")
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def test_a_page_that_names_no_day_is_imported_undated_without_a_question(
        project, tmp_path: Path) -> None:  # noqa: ANN001
    path = page(tmp_path)
    draft = read_article_file(path)
    assert (draft.published, draft.published_guess, draft.published_others) == (None, None, ())
    assert not asks_publication_day(draft)
    summary = import_batch(project.articles, [path], ask_later=True)
    assert summary.waiting == () and summary.undated == (path,)
    [article] = project.articles.list()
    assert (article.title, article.published) == ("New loading rules agreed", None)
    assert f"1 article without a publication date (Article > Properties sets one): {path}" \
        in summary.text()


def test_a_summary_names_the_first_ten_undated_files(project, tmp_path: Path) -> None:  # noqa: ANN001
    paths = [page(tmp_path, name=f"p{n:02d}.html", title=f"Loading rules, part {n}",
                  before=f"<p>This is part {n} of the series on the harbour's rules.</p>")
             for n in range(12)]
    summary = import_batch(project.articles, paths, ask_later=True)
    assert len(summary.undated) == 12
    line = next(ln for ln in summary.text().splitlines() if "without a publication" in ln)
    assert line.endswith(f"{paths[9]} and 2 more") and str(paths[10]) not in line


def test_a_day_the_page_writes_away_from_the_article_is_offered_not_taken(
        tmp_path: Path) -> None:
    draft = read_article_file(page(tmp_path, elsewhere="<p>Newsletter of 14.03.2021</p>"))
    assert draft.published is None and asks_publication_day(draft)
    assert draft.published_others == (
        (date(2021, 3, 14), "the page's text, away from the article"),)
    assert draft.published_doubt == ("the page gives no publication date; it writes "
                                     "2021-03-14 away from the article")


def test_a_day_only_the_markup_holds_is_offered_but_not_a_month_alone(tmp_path: Path) -> None:
    hidden = read_article_file(page(tmp_path, markup="<!-- built 2019-07-23 11:02 -->"))
    assert asks_publication_day(hidden) and hidden.published_others == (
        (date(2019, 7, 23), "the page's markup, not shown to readers"),)
    assert hidden.published_doubt == ("the page gives no publication date; its markup holds "
                                      "2019-07-23, not shown to readers")
    # A copyright year, which htmldate reads as 1 January: nothing to offer.
    year = read_article_file(page(tmp_path, markup="<footer>© 2019 Harbour Board</footer>"))
    assert not asks_publication_day(year)


def test_the_page_shows_its_day_by_the_headline(tmp_path: Path) -> None:
    byline = "<table><tr><td>26 | 01 | 2022</td><td>News</td></tr></table>"
    draft = read_article_file(page(tmp_path, before=byline))
    assert (draft.published, draft.published_source) == (date(2022, 1, 26), DateSource.DATELINE)


TEXT = "The board met the growers to agree on the new loading rules for the coming season."
PAGE = ("Home News Sport New loading rules agreed " + TEXT
        + " {after} Contact Imprint Newsletter")


@pytest.mark.parametrize("after,day", [
    ("Posted on Saturday, 3 December 2011 in News.", date(2011, 12, 3)),  # its one day
    ("Older: 3 December 2011. Older: 5 November 2011.", None),  # a list of other things
    ("Posted 12/03/2011.", None),  # 12 March or 3 December
])
def test_a_published_on_line_below_the_text_is_its_day(after: str, day: date | None) -> None:
    around = surroundings(PAGE.format(after=after), "New loading rules agreed", TEXT)
    assert around is not None and around.day_after_text() == day


def test_below_the_text_is_only_where_its_end_was_found() -> None:
    # Only the headline is found on the page (the extractor's text reads otherwise): what
    # follows it is not a line below the text.
    page_text = "New loading rules agreed The board agreed on 3 May 2011 to new rules. Contact"
    around = surroundings(page_text, "New loading rules agreed", TEXT)
    assert around is not None and not around.end_found and around.day_after_text() is None


def test_a_text_that_writes_days_relative_to_its_own_is_asked(project, tmp_path: Path) -> None:  # noqa: ANN001
    relative = tmp_path / "talks.txt"
    relative.write_text("Talks\n\nThe talks resumed on Monday after a pause.")
    plain = tmp_path / "recipe.txt"
    plain.write_text("Bread\n\nMix the flour and the water, and leave the dough overnight.")
    assert writes_relative_days(relative.read_text())
    assert not writes_relative_days(plain.read_text())
    summary = import_batch(project.articles, [relative, plain], ask_later=True)
    assert [q.path for q in summary.waiting] == [relative]
    assert [a.path for a in summary.imported] == [plain] and summary.undated == (plain,)


@pytest.mark.parametrize("text,day", [
    ("LISBON, 3 March 2022 - Markets fell.", date(2022, 3, 3)),
    ("March 3, 2022 | Harbour desk\nMarkets fell.", date(2022, 3, 3)),
    # The day a sentence is about, however near the start: no dateline.
    ("In the Federal Gazette of 17 August 2021 (Part I) the law was published.", None),
    ("As of 17 August 2021 (Part I) the law applies.", None),
])
def test_a_dateline_follows_a_place_or_nothing_never_running_words(text: str,
                                                                   day: date | None) -> None:
    assert find_dateline(text) == day
