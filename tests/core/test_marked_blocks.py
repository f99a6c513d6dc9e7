"""Blocks a page's own markup names as furniture (a newsletter box between two paragraphs, a
disclosure above the first, related articles' cards at the end) are left out of the imported
text, in any language; a block named so that holds the article, a name that only says what
a block has ("layout--sidebar") and the article's own short lines keep the article whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura.utils import load_html

from desktop_app.core.importers import read_article_file
from desktop_app.core.importers.boilerplate import without_boilerplate
from desktop_app.core.importers.marked_blocks import marked_blocks, names_furniture

FIRST = ("The cranes were lashed down before the gale reached the coast on Sunday night, but "
         "one of them was torn from its rails and struck the other two as it fell.")
SECOND = ("Engineers from the manufacturer are expected on Wednesday. Until then ships bound "
          "for the port are sent to the neighbouring terminal.")
BODY = f"{FIRST}\n{SECOND}"
NEWSLETTER = ('<div class="slice-container newsletter-inbodyContent">'
              '<h2 class="newsletter-form__header">Hafen Wochenblatt</h2>'
              '<p class="newsletter-form__strapline">Jede Woche das Neueste aus dem Hafen, '
              "ausgewählt von der Redaktion.</p></div>")
DISCLOSURE = ('<section class="editorial-disclosure"><p>Dieser Beitrag enthält Links zu '
              "Anbietern, von denen wir eine Provision erhalten.</p></section>")


def page(inside: str, wrapper: str = "layout layout--sidebar") -> str:
    return ('<!doctype html><html lang="de"><head><meta charset="utf-8">'
            "<title>Harbour cranes stop after storm</title></head><body><main><article>"
            f'<h1>Harbour cranes stop after storm</h1><div class="{wrapper}">{inside}</div>'
            "</article></main></body></html>")


def imported(tmp_path: Path, html: str) -> str:
    path = tmp_path / "cranes.html"
    path.write_text(html, "utf-8")
    return read_article_file(path).text


def test_a_newsletter_box_and_a_disclosure_inside_the_article_are_left_out(
        tmp_path: Path) -> None:
    html = page(f"{DISCLOSURE}<p>{FIRST}</p>{NEWSLETTER}<p>{SECOND}</p>")
    assert imported(tmp_path, html) == BODY


def test_a_block_named_as_furniture_that_holds_the_article_removes_nothing(
        tmp_path: Path) -> None:
    # Themes name the article's container after what sits beside it.
    html = page(f"<p>{FIRST}</p><p>{SECOND}</p>", wrapper="content has-sidebar sidebar")
    assert imported(tmp_path, html) == BODY


@pytest.mark.parametrize("name,furniture", [
    ("newsletter-form__header", True),
    ("relatedPost", True),
    ("vce-related-box", True),
    ("aawp-disclaimer", True),
    ("sd-social sd-sharing", True),
    ("layout layout--sidebar", False),  # a layout with a sidebar: a BEM modifier
    ("has-sidebar", False),  # a state
    ("commentary", False),  # a kind of article, not readers' comments
    ("platform-form-factor", True),  # "form", a whole word
    ("platformnews", False),
    ("caption", False),  # a picture's caption is the article's
])
def test_furniture_is_told_by_whole_words_of_a_class(name: str, furniture: bool) -> None:
    root = load_html(f'<html><body><div class="{name}">x</div></body></html>')
    assert names_furniture(next(root.iter("div"))) is furniture


def test_a_short_line_is_furniture_only_as_a_whole_element_of_the_block() -> None:
    html = ("<html><body><div class='related'><p>Our Friend the Harbour Master, a portrait "
            "of the man who has run the port for thirty years</p><p>More</p></div>"
            "<article><p>x</p></article></body></html>")
    blocks = marked_blocks(load_html(html))
    text = f"{FIRST}\nend\nMore\n{SECOND}"  # "end" is in "Friend", "More" is an element
    assert without_boilerplate(text, frozenset, furniture=lambda: blocks) \
        == f"{FIRST}\nend\n{SECOND}"


CARDS = ("NOTAS RELACIONADAS\n"
         "Hackers ofrecen descuento al Gobierno de Costa Rica\nJueves 21 abril, 2022\n"
         "Sin embargo, la ministra señaló ayer en conferencia de prensa que no pagarán.\n"
         "Grupo Conti asegura haber hackeado el Ministerio de Hacienda\nLunes 18 abril, 2022\n"
         "El ataque informático se habría realizado desde el domingo.")
HEADLINES = frozenset({"Hackers ofrecen descuento al Gobierno de Costa Rica",
                       "Grupo Conti asegura haber hackeado el Ministerio de Hacienda"})


def test_cards_of_other_articles_closing_the_text_are_left_out_with_their_heading() -> None:
    assert without_boilerplate(f"{BODY}\n{BODY}\n{CARDS}", lambda: HEADLINES) \
        == f"{BODY}\n{BODY}"


def test_a_paragraph_between_two_links_to_offers_is_no_card() -> None:
    offers = frozenset({"» Fußball-Downloads: Spielplan, Tabelle, Tippspiel",
                        "» Zum Angebot: die Bundesliga bei SKY TICKET"})
    text = (f"{BODY}\n» Fußball-Downloads: Spielplan, Tabelle, Tippspiel\n"
            "Gladbach zeigte in den vergangenen Spielen einige gute Leistungen.\n"
            "» Zum Angebot: die Bundesliga bei SKY TICKET\nAlternative: Radio und Ticker\n"
            "Zusammenfassungen gibt es beim Hörfunk.")
    assert "Gladbach zeigte" in without_boilerplate(text, lambda: offers)


def test_cards_with_their_date_above_the_headline_are_left_out() -> None:
    heads = ["Medienberichte: THW Kiel vor Verpflichtung eines Rückraum-Talents",
             "Waren uns bewusst, dass wir überraschen können: Drei Fragen an ... Dani Baijens",
             "ASV Hamm-Westfalen verpflichtet niederländischen Nationalspieler"]
    cards = "\n".join(f"{day}.01.2022 · Männer · HBL1\n{head}" for day, head in
                      zip(("31", "19", "16"), heads, strict=True))
    assert without_boilerplate(f"{BODY}\n{BODY}\n{cards}", lambda: frozenset(heads)) \
        == f"{BODY}\n{BODY}"  # the first date too, as the heading of the list


OTHERS = ("Nur schwacher Titelschutz für einen Buchtitel",
          "Duzen unter Parteifreunden ist keine Beleidigung",
          "Wann auch die Großeltern unterhaltspflichtig sind")


def test_a_list_of_links_to_other_articles_opening_the_text_is_left_out() -> None:
    items = "\n".join(f"- {other}" for other in OTHERS)
    assert without_boilerplate(f"{items}\n{BODY}", lambda: frozenset(OTHERS)) == BODY


def test_a_closing_list_whose_items_the_extractor_marked_is_left_out() -> None:
    items = "\n".join(f"- {other}" for other in OTHERS)
    assert without_boilerplate(f"{BODY}\nOtras noticias\n{items}",
                               lambda: frozenset(OTHERS)) == BODY


def test_headings_that_are_links_open_a_text_and_stay() -> None:
    # A README's headings are anchors to themselves; no list's items.
    text = f"Golem Python API\nWhat is Golem?\n{BODY}"
    assert without_boilerplate(text, lambda: frozenset({"Golem Python API",
                                                        "What is Golem?"})) == text
