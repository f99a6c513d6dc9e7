"""Quote anchoring: selectors with context and finding a quote again."""

from __future__ import annotations

from desktop_app.core.anchoring import find_quote, make_selector


def test_selector_trims_and_keeps_32_chars_of_context() -> None:
    text = "x" * 40 + "  the quote  " + "y" * 40
    sel = make_selector(text, 40, 53)
    assert sel.exact == "the quote" and sel.start == 42
    assert sel.prefix == "x" * 30 + "  " and len(sel.suffix) == 32


def test_find_quote_prefers_matching_context() -> None:
    text = "Alpha said yes. Beta said yes. Gamma said yes."
    first = find_quote(text, "said yes")
    assert first is not None and first.start == text.index("said yes")
    beta = find_quote(text, "said yes", prefix="Beta ")
    assert beta is not None and text[beta.start - 5:beta.start] == "Beta "
    assert find_quote(text, "said no") is None
