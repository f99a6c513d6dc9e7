"""The parts of a page its own markup names as furniture: a block whose class or id says it is
a newsletter box, a list of related articles, a disclaimer, a sharing bar, a sidebar, a
footer ("newsletter-form__header", "vce-related-box", "relatedPost", "editorial-disclosure").

Extractors leave some of these in the article's text where they sit inside its body (a
newsletter sign-up between two paragraphs, a disclosure above the first). Their words differ
in every language, but sites name their blocks in the markup's own vocabulary, which is
English in any language's pages; the names are those page-cleaning tools such as
Readability look for, less those that also name an article's own parts ("caption",
"teaser", "widget", "comment": a picture's caption is the article's, a "comment" is an
opinion piece as often as readers' comments).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from desktop_app.core.plain_text import collapsed

# Whole words of a class or id (split at punctuation and camelCase), singular or plural.
_FURNITURE = frozenset({
    "newsletter", "subscribe", "subscription", "signup", "promo", "related", "recommended",
    "disclaimer", "disclosure", "affiliate", "sponsored", "advert", "advertisement",
    "share", "sharing", "social", "breadcrumb", "cta", "sidebar", "footer", "form", "popup",
    "banner", "cookie", "consent", "paywall", "donate", "donation", "outbrain", "taboola",
})
_WORDS = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")
# A name that says what a block has or how it looks, not what it is: a BEM modifier
# ("layout--sidebar": a layout with a sidebar) or a state ("has-sidebar", "no-banner").
_MODIFIER = re.compile(r"--.*|^(?:has|no|with|without|is|show|hide)[-_].*", re.IGNORECASE)
_WRAPPER = 0.5  # a marked block this large a part of the article holds it: not furniture
_PART_OF_BLOCK = 40  # a line this long is furniture when inside a block's text; a shorter
# one only when it is the whole text of some element of the block ("end" is in "Friend")


class MarkedBlock(NamedTuple):
    """A block named as furniture: its text, and the texts of its elements."""

    text: str
    parts: frozenset[str]


def names_furniture(element: Any) -> bool:
    """Whether an (lxml) element's class or id names it as page furniture."""
    for names in (element.get("class"), element.get("id")):
        for name in (names or "").split():
            for word in _WORDS.split(_MODIFIER.sub("", name)):
                word = word.lower()
                if word in _FURNITURE or (word.endswith("s") and word[:-1] in _FURNITURE):
                    return True
    return False


def marked_blocks(root: Any) -> tuple[MarkedBlock, ...]:
    """A parsed page's blocks its markup names as furniture, nested ones too: an outer one
    may prove to be a wrapper around the article."""
    blocks: dict[str, MarkedBlock] = {}
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag not in ("html", "body") \
                and names_furniture(element):
            text = collapsed(element.text_content())
            if text and text not in blocks:
                blocks[text] = MarkedBlock(text, frozenset(
                    part for inner in element.iter() if isinstance(inner.tag, str)
                    and (part := collapsed(inner.text_content()))))
    return tuple(blocks.values())



def furniture_lines(lines: list[str], blocks: tuple[MarkedBlock, ...]) -> set[int]:
    """Which of an article's ``lines`` are text of one of the page's marked ``blocks``; a
    block that is half the article's length or more is a wrapper around it, whatever its
    name, and removes nothing."""
    length = sum(len(line) + 1 for line in lines)
    small = [block for block in blocks if len(block.text) < _WRAPPER * length]
    if not small:
        return set()
    texts = "\n".join(block.text for block in small)
    parts = frozenset().union(*(block.parts for block in small))
    return {i for i, line in enumerate(lines) if (one := collapsed(line)) and (
        one in parts or (len(one) >= _PART_OF_BLOCK and one in texts))}
