"""What an extractor keeps of a page that is not the article (photo credits, teasers for other
articles, the list of links to other pages that closes it, a signature after the last
paragraph, date stamps) is left out of the imported text; the article's own lines, including
an address it cites and a chronology's first heading, stay."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.importers import read_article_file
from desktop_app.core.importers.boilerplate import (
    is_credit,
    stamp_days,
    without_boilerplate,
    without_stamps,
)

BODY = ("The cranes were lashed down before the gale reached the coast on Sunday night, but one "
        "of them was torn from its rails and struck the other two as it fell.\n"
        "Engineers from the manufacturer are expected on Wednesday. Until then ships bound "
        "for the port are sent to the neighbouring terminal.")
RELATED = ("Ferry timetable changes for the winter season on the northern routes",
           "A new pier opens in the old town after three years of building work")


def page(after: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n"))
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
            "<title>Harbour cranes stop after storm</title></head><body><main><article>"
            f"<h1>Harbour cranes stop after storm</h1><div>{paragraphs}{after}</div>"
            "</article></main></body></html>")


def links(*texts: str) -> str:
    """Other pages' headlines, a paragraph each, as blogs list them at an article's end."""
    return "".join(f'<p><a href="/more/{i}">{t}</a></p>' for i, t in enumerate(texts))


def test_the_list_of_related_articles_closing_a_page_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "cranes.html"
    path.write_text(page("<p><strong>Read more:</strong></p>" + links(*RELATED)), "utf-8")
    assert read_article_file(path).text == BODY


def test_a_link_in_the_articles_last_sentence_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "cranes.html"
    path.write_text(page('<p>The port\'s <a href="/n">notice</a> lists the diverted ships.'
                         "</p>"), "utf-8")
    assert read_article_file(path).text == BODY + "\nThe port's notice lists the diverted ships."


@pytest.mark.parametrize("address", ["https://port.example.org/notice",
                                     "www.port.example.org", "press@port.example.org"])
def test_an_address_the_article_cites_is_no_list_of_other_pages(address: str) -> None:
    text = f"{BODY}\nThe port's notice is online:\n{address}"
    assert without_boilerplate(text, lambda: frozenset({address})) == text


def test_a_text_that_is_mostly_links_is_kept_whole() -> None:
    text = "Sources\n" + "\n".join(f"Report number {i} on the harbour" for i in range(12))
    every = frozenset(text.split("\n")[1:])
    assert without_boilerplate(text, lambda: every) == text


def test_the_pages_links_are_read_only_where_the_last_line_could_be_one() -> None:
    def never() -> frozenset[str]:
        raise AssertionError("read")

    long_last = BODY + "\n" + "The harbour master said so. " * 10
    assert without_boilerplate(long_last, never) == long_last


@pytest.mark.parametrize("line", [
    "\u00a9 Oli Scarff/Getty Images",
    "Marco Odermatt, Ski-Star aus der Schweiz. \u00a9 AFP / MARCO BERTORELLO",
    "\u00a9 2020 \u00ae/TM General Mills All Rights Reserved",
    "Rubriklistenbild: \u00a9 KCNA/dpa",
])
def test_credit_lines_are_left_out(line: str) -> None:
    assert is_credit(line)
    assert without_boilerplate(f"{BODY}\n{line}\nThe port reopens on Friday, its owner "
                               "said, after a week of repairs to the rails.",
                               frozenset) == BODY + ("\nThe port reopens on Friday, its owner "
                                                     "said, after a week of repairs to the "
                                                     "rails.")


@pytest.mark.parametrize("line", [
    # a sentence that mentions the sign and goes on
    "The logo (\u00a9 1998) was dropped. The new owners chose a crane instead of a ship.",
    "No copyright sign at all, just a short line",
])
def test_sentences_are_not_credits(line: str) -> None:
    assert not is_credit(line)


@pytest.mark.parametrize("last,kept", [
    ("Read more:", False),  # announces what the extractor left out
    ("More from the coast", False),  # the heading of a list the extractor left out
    ("Quelle: kathpress", False),  # a source, a signature or a credit after the last paragraph
    ("Fotos: Berliner Feuerwehr", False),
    ("The port reopens on Friday.", True),  # a short last sentence
    ("- Repairs: two weeks", True),  # a list's last item
    ("| Total | 42 |", True),  # a table's last row
    ("2021: talks resume", True),  # a chronology's last entry
    ("\u2014 Dave (@davechannel) November 3, 2023", True),  # a quoted post's signature
])
def test_a_last_line_that_is_no_prose_is_left_out(last: str, kept: bool) -> None:
    text = f"{BODY}\n{last}"
    assert without_boilerplate(text, frozenset) == (text if kept else BODY)


STAMPED = ("Datum 25.01.2022\n" + BODY, "21. Jan 2022 // Dominik Ricker\n" + BODY,
           "Harbour report\n15.12.2020 – 14:49\n" + BODY)


@pytest.mark.parametrize("text", STAMPED)
def test_a_date_stamp_of_the_publication_day_at_the_start_is_left_out(text: str) -> None:
    day = min(d for line in text.split("\n")[:2] for d in stamp_days(line))
    assert without_stamps(text, {day}).endswith(BODY)
    assert "20" not in without_stamps(text, {day}).split("\n")[0]


def test_a_chronologys_first_heading_stays() -> None:
    text = "3 March 2020\n" + BODY  # another day than the publication's: what follows
    assert without_stamps(text, {date(2020, 3, 10)}) == text


@pytest.mark.parametrize("last,kept", [
    ("Letzte Änderung 14.02.2019", False),
    ("zuletzt überarbeitet am 29. Mai 2019", False),
    ("— Dave (@davechannel) November 3, 2023", True),  # a quoted tweet's signature
    ("- 14 February 2019: repairs end", True),  # a chronology's last item
    ("| 14.02.2019 | 42 |", True),  # a table's last row
    ("The port reopened on 14 February 2019 after the repairs were finished.", True),
])
def test_an_update_stamp_closing_the_text_is_left_out(last: str, kept: bool) -> None:
    text = f"{BODY}\n{last}"
    assert without_stamps(text, ()) == (text if kept else BODY)


def test_an_imported_pages_byline_date_is_shown_above_its_text_not_in_it(
        tmp_path: Path) -> None:
    path = tmp_path / "cranes.html"
    path.write_text(page("").replace(
        "<title>", '<meta property="article:published_time" content="2022-01-25T09:00:00+01:00">'
                   "<title>").replace("</h1>", '</h1><p class="date">Datum 25.01.2022</p>'),
        "utf-8")
    draft = read_article_file(path)
    assert draft.published == date(2022, 1, 25)
    assert draft.text == BODY


TEASED = "Harbour authority plans a second terminal for the container ships"


def test_a_teaser_for_another_article_between_paragraphs_is_left_out(tmp_path: Path) -> None:
    first, second = BODY.split("\n")
    path = tmp_path / "cranes.html"
    path.write_text(page("").replace(
        f"<p>{second}</p>", f'<p>Read more: <a href="/terminal">{TEASED}</a></p>'
                            f"<p>{second}</p>"), "utf-8")
    assert read_article_file(path).text == BODY


@pytest.mark.parametrize("line", [
    f"Lire aussi : {TEASED}",
    f">> Mehr lesen: {TEASED}",
    f"- RELATED: {TEASED}",
])
def test_teasers_are_told_by_their_form_in_any_language(line: str) -> None:
    first, second = BODY.split("\n")
    text = f"{first}\n{line}\n{second}"
    assert without_boilerplate(text, lambda: frozenset({TEASED})) == BODY


@pytest.mark.parametrize("line,links", [
    ("Talent agency: Saram Entertainment", {"Saram Entertainment"}),  # a fact, not a headline
    (f"Key, B. (2016): {TEASED}", {TEASED}),  # a reference the article cites
    ("Website: https://port.example.org/terminal", {"https://port.example.org/terminal"}),
    (f"The minister said: {TEASED}", set()),  # a quote, no link
])
def test_lines_of_that_form_that_are_the_articles_stay(line: str, links: set[str]) -> None:
    first, second = BODY.split("\n")
    text = f"{first}\n{line}\n{second}"
    assert without_boilerplate(text, lambda: frozenset(links)) == text

