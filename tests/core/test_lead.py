"""A page's lead paragraph (its standfirst, also its description) is the article's first
paragraph, though extractors drop it as a teaser; what merely repeats the description
elsewhere on the page is not taken."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.importers import read_article_file
from desktop_app.core.importers.html import _page_text
from desktop_app.core.importers.lead import with_lead

LEAD = ("Storm damage halted the harbour's three container cranes on Monday, and the port "
        "authority expects repairs to take at least a fortnight.")
BODY = ("The cranes were lashed down before the gale reached the coast on Sunday night, but one "
        "of them was torn from its rails and struck the other two as it fell.\n"
        "Engineers from the manufacturer are expected on Wednesday. Until then ships bound "
        "for the port are sent to the neighbouring terminal.")


def page(description: str = LEAD, lead: str = f'<p class="article-teaser lead">{LEAD}</p>',
         footer: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n"))
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>Harbour cranes stop after storm | Coast Herald</title>"
            f'<meta name="description" content="{description}"></head><body>'
            f'<nav><a href="/">Home</a></nav><main><article><h1>Harbour cranes stop after '
            f'storm</h1>{lead}<figure><img src="x.jpg"><figcaption>Photo: Coast Herald'
            f'</figcaption></figure><div class="article-body">{paragraphs}</div></article>'
            f"</main><footer>{footer}Coast Herald, all rights reserved</footer></body></html>")


def led(html: str, text: str = BODY) -> str:
    return with_lead(html, text, lambda: _page_text(html))


def test_the_lead_an_extractor_drops_opens_the_imported_text(tmp_path: Path) -> None:
    path = tmp_path / "cranes.html"
    path.write_text(page(), "utf-8")
    draft = read_article_file(path)
    assert draft.text.startswith(LEAD + "\nThe cranes were lashed down")
    assert draft.text.count(LEAD) == 1


def test_a_lead_cut_short_in_the_description_is_taken_as_shown() -> None:
    cut = LEAD[:90] + "\u2026"
    assert led(page(description=cut)) == LEAD + "\n" + BODY


def test_a_photo_credit_in_the_leads_block_stays_out() -> None:
    html = page(lead=f'<div class="intro"><span>{LEAD}</span> <small>Photo: A. Nyman</small>'
                     "</div>")
    assert led(html) == LEAD + "\n" + BODY


@pytest.mark.parametrize("html,text", [
    (page(lead=""), BODY),  # the page does not show it: only metadata
    (page(lead="", footer=f"<p>{LEAD}</p>"), BODY),  # shown after the text: a teaser list
    (page(description="Cranes stop after a storm.", lead="<p>Cranes stop after a storm.</p>"),
     BODY),  # too short to be a paragraph
    (page(), LEAD + "\n" + BODY),  # the text holds it already
    # A description that starts with the headline: the headline is no lead, nor is the
    # article around it.
    (page(description="Harbour cranes stop after storm, a report by the Coast Herald's "
                      "correspondent on the coast.", lead=""), BODY),
    (page(description="Harbour cranes stop after storm. The cranes were lashed down before "
                      "the gale reached the coast.", lead=""), BODY),
])
def test_what_is_no_missing_lead_leaves_the_text_alone(html: str, text: str) -> None:
    assert led(html, text) == text
