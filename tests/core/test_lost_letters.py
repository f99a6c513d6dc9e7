"""Letters a publisher's page lost (U+FFFD in its text) put back where the page spells the
word whole, and only there."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.importers.html import draft_from_html
from desktop_app.core.importers.repair import with_lost_letters_restored

_PAGE = """<html><head><title>Vaccines in January</title>
<meta name="description" content="Pedro S&#225;nchez says a plan will start.">
</head><body><article><h1>Vaccines in January</h1>
<p>MADRID -- Spanish Prime Minister Pedro S\ufffdnchez says a national vaccination plan will
be launched in January, at 13,000 locations across the country.</p>
<p>S\ufffdnchez said a very substantial part of the population can be vaccinated in the first
half of next year, and further details will be announced on Tuesday by the ministry.</p>
<p>The ministry's caf\ufffd in Madrid will stay closed while the plan is prepared, it said in
a statement to reporters gathered outside the building on Monday morning.</p>
</article></body></html>"""


def test_a_word_the_page_spells_whole_is_mended_in_the_imported_text() -> None:
    draft = draft_from_html(_PAGE, Path("vaccines.html"))
    assert "Pedro Sánchez says" in draft.text and "\nSánchez said" in draft.text
    assert "caf\ufffd" in draft.text  # spelled nowhere whole: left as the page has it


def test_only_one_spelling_mends_a_word() -> None:
    page = "<p>Muller</p><p>Müller</p>"
    assert with_lost_letters_restored("Herr M\ufffdller", page) == "Herr M\ufffdller"
    assert with_lost_letters_restored("Herr M\ufffdller", "<p>M&uuml;ller</p>") == "Herr Müller"
    assert with_lost_letters_restored("a\ufffd b", "<p>ab ac</p>") == "a\ufffd b"  # too short
    assert with_lost_letters_restored("plain text", "<p>x</p>") == "plain text"
