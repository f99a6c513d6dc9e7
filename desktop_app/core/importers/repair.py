"""Letters a publisher's own page lost, put back where the page itself spells the word.

Some pages carry U+FFFD, the replacement character, in their article text: the publisher's
system lost a letter before the page was served ("Pedro S\ufffdnchez"), while the same page's
description or headline still has the word whole ("S&#225;nchez"). A word so damaged cannot be
found by a search for it; it is mended only where every whole spelling of it in the page agrees
on the letters lost, and left as it is otherwise.
"""

from __future__ import annotations

import html as html_entities
import re

_LOST = "\ufffd"
_DAMAGED_WORD = re.compile(r"\w*\ufffd[\w\ufffd]*")
_KNOWN_LETTERS = 3  # a word needs this many letters besides the lost ones to be looked for


def with_lost_letters_restored(text: str, page: str) -> str:
    """``text`` with each word holding a replacement character spelled as ``page`` (the
    page's markup, whose attributes and entities count) spells it, where it does so one way."""
    if _LOST not in text:
        return text
    whole = html_entities.unescape(page)
    return _DAMAGED_WORD.sub(lambda m: _spelled_in(m.group(), whole), text)


def _spelled_in(word: str, whole: str) -> str:
    if len(word) - word.count(_LOST) < _KNOWN_LETTERS:
        return word
    pattern = re.compile(r"(?<!\w)" + "".join(r"\w" if ch == _LOST else re.escape(ch)
                                              for ch in word) + r"(?!\w)")
    spellings = {m.group() for m in pattern.finditer(whole)} - {word}
    return spellings.pop() if len(spellings) == 1 else word
