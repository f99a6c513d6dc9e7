"""Anchor quotes in article text: W3C TextQuoteSelector context and re-finding a quote.

This is the one anchoring routine: creating events, the CLI's --quote and re-imports use it.
"""

from __future__ import annotations

import re
from collections import Counter
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


FUZZY_THRESHOLD = 0.8
_CANDIDATES = 8  # places a changed quote is compared at
_END = 2_000  # characters compared at each end of a long quote


def reanchor(text: str, exact: str, prefix: str, suffix: str,
             hint: int | None) -> tuple[Selector | None, str]:
    """Find a quote in a changed text: exactly, else approximately; ('exact'|'fuzzy'|'lost')."""
    found = find_quote(text, exact, prefix, suffix, hint)
    if found is not None:
        return found, "exact"
    found = fuzzy_find(text, exact, prefix, suffix, hint)
    if found is None or facts(found.exact) != facts(exact):
        # A passage that differs in a number, a name or a date states another fact: the
        # quote is lost (an orphan the user places) rather than evidence for that fact.
        return None, "lost"
    return found, "fuzzy"


_FACT = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_][\w'’-]*")
_SENTENCE_END = frozenset(".!?")


def facts(passage: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """What a passage asserts beyond its wording: its numbers (in order) and its capitalised
    words (names, months, weekdays), leaving out a sentence's first word."""
    numbers: list[str] = []
    names: set[str] = set()
    previous_end = None
    for m in _FACT.finditer(passage):
        token = m.group()
        gap = passage[previous_end or 0:m.start()].strip(" \t\n\"'“”‘’([")
        sentence_start = previous_end is None or gap[-1:] in _SENTENCE_END
        previous_end = m.end()
        if token[0].isdigit():
            numbers.append(token)
        elif token[0].isupper() and not sentence_start:
            names.add(token)
    return tuple(numbers), frozenset(names)


def text_overlap(a: str, b: str, n: int = 2) -> float:
    """How much of two texts is the same, 0 to 1: the share of word n-grams they have in
    common, of the larger text's (cheap on long articles, unlike an edit distance)."""
    grams_a, grams_b = _ngrams(a, n), _ngrams(b, n)
    if not grams_a or not grams_b:
        return 1.0 if a.split() == b.split() else 0.0
    return len(grams_a & grams_b) / max(len(grams_a), len(grams_b))


def _ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    words = text.casefold().split()
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def fuzzy_find(text: str, exact: str, prefix: str = "", suffix: str = "",
               hint: int | None = None, threshold: float = FUZZY_THRESHOLD) -> Selector | None:
    """The passage most like ``exact`` (similarity >= threshold), found from probes: chunks
    of the quote and its context that survived the edit locate candidate windows."""
    from difflib import SequenceMatcher

    n = len(exact)
    if n < 8:
        return None
    votes: Counter[int] = Counter()  # where the probes place the quote's start
    step = max(8, n // 6)
    for offset in range(0, max(1, n - 12), step):
        probe = exact[offset:offset + 16]
        for pos in _occurrences(text, probe):
            votes[max(0, pos - offset)] += 1
    for pos in _occurrences(text, prefix[-16:]) if len(prefix) >= 8 else ():
        votes[pos + len(prefix[-16:])] += 1
    for pos in _occurrences(text, suffix[:16]) if len(suffix) >= 8 else ():
        votes[max(0, pos - n)] += 1

    def distance(s: int) -> int:
        return abs(s - hint) if hint is not None else s

    # The starts most probes agree on, nearest the hint first: a text that repeats its words
    # gave every probe 20 places, and comparing a 6,000-character quote at all of them, five
    # lengths each, took 29 s.
    starts = sorted(votes, key=lambda s: (-votes[s], distance(s)))[:_CANDIDATES]
    best: tuple[float, int, int, int] | None = None
    # A long quote is compared by its two ends: an edit distance grows with the square of the
    # length (a 30,000-character quote took 25 s); what lies between is checked by its facts.
    ends = [(exact, slice(None))] if n <= 2 * _END else [
        (exact[:_END], slice(None, _END)), (exact[-_END:], slice(-_END, None))]
    matchers = []
    for part, _where in ends:
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(part)
        matchers.append(matcher)
    for s in starts:
        for length in sorted({int(n * f) for f in (0.85, 0.95, 1.0, 1.05, 1.15)}):
            window = text[s:s + length]
            ratio = 1.0
            for matcher, (_part, where) in zip(matchers, ends, strict=True):
                matcher.set_seq1(window[where])
                # The cheap upper bounds first: most windows cannot beat the best so far.
                if best is not None and (matcher.real_quick_ratio() < best[0]
                                         or matcher.quick_ratio() < best[0]):
                    ratio = 0.0
                    break
                ratio = min(ratio, matcher.ratio())
            if best is None or (ratio, -distance(s)) > (best[0], -best[3]):
                best = (ratio, s, s + length, distance(s))
    if best is None or best[0] < threshold:
        return None
    return make_selector(text, *_to_word_edges(text, best[1], best[2]))


def _occurrences(text: str, probe: str, limit: int = 20) -> list[int]:
    out: list[int] = []
    pos = text.find(probe) if probe else -1
    while pos != -1 and len(out) < limit:
        out.append(pos)
        pos = text.find(probe, pos + 1)
    return out


def _to_word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a window to whole words so a re-anchored quote does not cut one in half."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and end > 0 and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
