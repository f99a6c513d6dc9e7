"""Many words as one regular expression, as a prefix tree."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def word_trie(words: Iterable[str]) -> str:
    """A regular expression matching any of the words, longest first, as a prefix tree: the
    engine then tests a letter once where an alternation of the words tests it once per word.
    Alternatives here share no first letter, so at most one can match at each place, and each
    tries its longer words first: the same matches as the words sorted longest first."""
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if ends else body

    return emit(tree)
