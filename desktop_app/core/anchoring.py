"""Anchor quotes in article text: W3C TextQuoteSelector context and re-finding a quote.

This is the one anchoring routine: creating events, the CLI's --quote and re-imports use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.errors import InvalidSelectionError

CONTEXT_CHARS = 32


@dataclass(frozen=True)
class Selector:
    """Where a quote is: position plus exact text with prefix and suffix."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def trim_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """Clamp a selection to the text and strip surrounding white space; refuse empty ones."""
    if start > end:
        start, end = end, start
    if start < 0 or end > len(text):
        raise InvalidSelectionError(f"selection {start}-{end} is outside the article "
                                    f"({len(text)} characters)")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise InvalidSelectionError("the selection is empty: select a passage first")
    return start, end


def make_selector(text: str, start: int, end: int) -> Selector:
    """The selector of text[start:end] with 32 characters of context on each side."""
    start, end = trim_selection(text, start, end)
    return Selector(start, end, text[start:end], text[max(0, start - CONTEXT_CHARS):start],
                    text[end:end + CONTEXT_CHARS])


def find_quote(text: str, exact: str, prefix: str = "", suffix: str = "",
               hint: int | None = None) -> Selector | None:
    """Find a quote again: each exact occurrence scored by matching context, then nearness."""
    needle = exact.strip()
    if not needle:
        return None
    best: tuple[tuple[int, int], int] | None = None
    pos = text.find(needle)
    while pos != -1:
        before = text[max(0, pos - len(prefix)):pos]
        after = text[pos + len(needle):pos + len(needle) + len(suffix)]
        context = _common_suffix(before, prefix) + _common_prefix(after, suffix)
        distance = abs(pos - hint) if hint is not None else pos
        score = (-context, distance)
        if best is None or score < best[0]:
            best = (score, pos)
        pos = text.find(needle, pos + 1)
    if best is None:
        return None
    return make_selector(text, best[1], best[1] + len(needle))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
