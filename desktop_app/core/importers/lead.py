"""A page's lead (its standfirst): the paragraph a news page shows between the headline and
the text, in bigger type, and also gives as the page's description. Extractors often take
it for a teaser and leave it out, though it is the article's first paragraph: on the shared
real pages 76 of 649 lost it (the main-text fragments others marked found 94.3 % -> 96.1 %,
no page leaking more boilerplate)."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from typing import Any

from desktop_app.core.importers.shown_date import where_text_starts
from desktop_app.core.plain_text import collapsed

# [^<>]: a tag ends before the next one begins, so a page of unclosed '<meta' is read once
# (with [^>] each of 30,000 was read to the end of the page: 37 s).
_DESCRIPTION = re.compile(r"<meta\s[^<>]*?(?:property|name)\s*=\s*[\"'](?:og:description|"
                          r"description|twitter:description)[\"'][^<>]*>", re.IGNORECASE)
_CONTENT = re.compile(r"content\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)
_META_REACH = 200_000  # the head of the page, where meta elements stand
_DESCRIPTIONS = 3  # description, og:description, twitter:description; more are no help
MIN_LEAD = 80  # shorter descriptions are slogans and keywords, not a paragraph
_KEY = 60  # characters compared to find a paragraph
_MAX_LEAD = 2_000  # longer is a container holding more than the lead
# Between the lead and the text there may be a picture's caption, a byline and a date.
_GAP = 400
_CUT_MARKS = ("...", "\u2026", "[\u2026]", "[...]")  # a description cut short
_SENTENCE_ENDS = (".", "!", "?", "\"", "\u201c", "\u201d", "\u00bb", "\u00ab")
# Elements a lead is written in; inline elements inside one are climbed out of.
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "li", "section", "header", "article",
                     "td", "blockquote", "figcaption"})


def descriptions(html: str) -> list[str]:
    """The page's descriptions (description, og:description, twitter:description), each
    once, in the order written."""
    found: list[str] = []
    for tag in _DESCRIPTION.finditer(html, 0, _META_REACH):
        content = _CONTENT.search(tag.group(0))
        if content:
            text = collapsed(html_lib.unescape(content.group(1) or content.group(2) or ""))
            if text and text not in found:
                found.append(text)
    return found


def with_lead(html: str, text: str, page_text: Callable[[], str]) -> str:
    """``text`` with the page's lead before it, where the page shows its description just
    above the text and the text does not hold it. ``page_text()``: the page's visible text
    (see shown_date.visible_text), asked for only where a description could be the lead."""
    folded_text = collapsed(text).casefold()
    page = folded_page = ""
    starts = -1
    for description in descriptions(html)[:_DESCRIPTIONS]:
        key = description.casefold()[:_KEY]
        if len(description) < MIN_LEAD or key in folded_text:
            continue
        if not page:
            page = page_text()
            folded_page, starts = page.lower(), where_text_starts(page, text)
        if starts < 0:  # the text is not found on the page: nothing stands above it
            return text
        at = folded_page.find(description.lower()[:_KEY],
                              max(0, starts - 3 * len(description) - _GAP), starts)
        if at < 0:
            continue
        lead = _shown_paragraph(html, description)
        # A block holding the text's beginning too is the article, not its lead.
        if lead is not None and lead.casefold()[:_KEY] not in folded_text \
                and folded_text[:_KEY] not in lead.casefold():
            return lead + "\n" + text
    return text


def _shown_paragraph(html: str, description: str) -> str | None:
    """The paragraph as the page shows it that starts with the description: the innermost
    block holding it, up to the description's end where that ends a sentence (the block may
    hold a photo credit after it), else whole (a description may be cut short: '...')."""
    from trafilatura.utils import load_html

    root = load_html(html)
    if root is None:
        return None
    key = description.casefold()[:_KEY]
    whole = description.endswith(_SENTENCE_ENDS) and not description.endswith(_CUT_MARKS)
    start = key[:20]
    for element in root.iter():
        if not isinstance(element.tag, str) or not (element.text or "").strip().casefold() \
                .startswith(start):
            continue
        block: Any = element
        while block is not None and block.tag not in _BLOCKS:
            block = block.getparent()
        if block is None:
            continue
        shown = collapsed(block.text_content())
        if whole and shown.startswith(description):
            return description
        # A paragraph of its own (not the headline the description starts with), which the
        # description may give cut short or reworded at its end.
        if shown.casefold().startswith(key) and MIN_LEAD <= len(shown) <= _MAX_LEAD:
            return shown
    return None

