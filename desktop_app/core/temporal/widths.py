"""How wide a rule's match can be, and how far it can reach either side of its cue, worked out
from the pattern itself, so the cue scan's windows are provably wide enough.

Runs of blanks and hyphens ([\\s-]+) are the only unbounded parts our patterns allow; a match's
width then grows with the longest such run in the text (the gap), as the largest of straight
lines, one per way through the pattern. Each bound is returned as a line (base, slope) that
lies above it for every gap >= 1: the value at gap 1 plus the steepest slope, taken far out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desktop_app.core.temporal.regex_tree import Node, min_width, parse

Line = tuple[int, int]  # base + (gap - 1) * slope


class _Unbounded(Exception):
    pass


def _is_gap_class(items: list[Node]) -> bool:
    """True for a repeated item that matches only blanks and hyphens ([\\s-] or \\s)."""
    if len(items) != 1 or items[0][0] != "in" or items[0][1][0]:
        return False
    return all(item in (("cat", "space"), ("lit", "-")) for item in items[0][1][1])


def _width(items: Iterable[Node], gap: int) -> int:
    total = 0
    for kind, value in items:
        if kind in ("lit", "any", "in"):
            total += 1
        elif kind == "group":
            total += _width(value[1], gap)
        elif kind == "branch":
            total += max(_width(way, gap) for way in value)
        elif kind == "repeat":
            low, high, item = value
            if high is None:
                if not _is_gap_class(item):
                    raise _Unbounded
                high = gap
            total += high * _width(item, gap)
        elif kind not in ("at", "assert"):
            raise _Unbounded
    return total


def _around(items: list[Node], group: int, gap: int) -> tuple[int, int, int] | None:
    """(widest before, widest of, widest after) the capture group in every match of items;
    None when items never hold it. Raises _Unbounded when a match may lack it (it is optional,
    repeated or in only some branches), as its place then says nothing."""
    for k, (kind, value) in enumerate(items):
        inner: tuple[int, int, int] | None = None
        if kind == "group":
            inner = (0, _width(value[1], gap), 0) if value[0] == group else \
                _around(value[1], group, gap)
        elif kind == "branch":
            ways = [_around(way, group, gap) for way in value]
            if any(w is not None for w in ways):
                if any(w is None for w in ways):
                    raise _Unbounded
                inner = (max(w[0] for w in ways if w), max(w[1] for w in ways if w),
                         max(w[2] for w in ways if w))
        elif kind in ("repeat", "assert"):
            body = value[2] if kind == "repeat" else value
            if _around(body, group, gap) is not None:
                raise _Unbounded
        if inner is not None:
            before, of, after = inner
            return (_width(items[:k], gap) + before, of, after + _width(items[k + 1:], gap))
    return None


def _line(measure: Callable[[int], int]) -> Line:
    one, far, further = measure(1), measure(1000), measure(1001)
    return one, further - far


def _parsed(pattern: re.Pattern[str]) -> list[Node] | None:
    try:
        return parse(pattern.pattern)
    except ValueError:
        return None


def max_width(pattern: re.Pattern[str], gap: int) -> int | None:
    """The most characters a match of pattern can span when no run of blanks and hyphens is
    longer than gap; None when that cannot be told."""
    tree = _parsed(pattern)
    try:
        return None if tree is None else _width(tree, gap)
    except _Unbounded:
        return None


def width_bound(pattern: re.Pattern[str]) -> Line | None:
    """A line above max_width(pattern, gap) for every gap >= 1."""
    tree = _parsed(pattern)
    return None if tree is None else _bound(tree)


def _bound(tree: list[Node]) -> Line | None:
    try:
        return _line(lambda gap: _width(tree, gap))
    except _Unbounded:
        return None


def cue_reach(pattern: re.Pattern[str], group: str | None) -> tuple[Line, Line] | None:
    """Lines above how far a match can begin before, and end after, a cue that overlaps the
    named group (which every match holds): the widest part before the group plus the group
    itself, and the group plus the widest part after it. Without a group, the whole width both
    ways. None when that cannot be told."""
    tree = _parsed(pattern)
    return None if tree is None else _reach(tree, pattern.groupindex.get(group or ""))


def _reach(tree: list[Node], group: int | None) -> tuple[Line, Line] | None:
    if group is None:
        bound = _bound(tree)
        return None if bound is None else (bound, bound)

    def split(gap: int) -> tuple[int, int, int]:
        parts = _around(tree, group, gap)
        if parts is None:
            raise _Unbounded
        return parts

    try:
        return (_line(lambda gap: sum(split(gap)[:2])), _line(lambda gap: sum(split(gap)[1:])))
    except _Unbounded:
        return None


@dataclass(frozen=True)
class Shape:
    """What the cue scan needs to know of a rule's pattern, read from one parse of it."""

    reach: tuple[Line, Line] | None  # cue_reach
    digits: int  # min_digits
    shortest: int  # the fewest characters a match spans (0 when that cannot be told)


def shape(pattern: re.Pattern[str], group: str | None) -> Shape:
    """The pattern's Shape, with the reach around the named group that holds its cue."""
    tree = _parsed(pattern)
    if tree is None:
        return Shape(None, 0, 0)
    return Shape(_reach(tree, pattern.groupindex.get(group or "")), _digits(tree),
                 min_width(tree))


def _all_digits(negated: bool, items: list[Node]) -> bool:
    """True for a class of characters that holds digits only ([0-9], \\d, [0-3])."""
    if negated:
        return False
    for kind, value in items:
        if (kind, value) == ("cat", "digit"):
            continue
        if kind == "lit" and value.isdecimal():
            continue
        if kind == "range" and chr(value[0]).isdecimal() and chr(value[1]).isdecimal() \
                and value[1] - value[0] < 10:
            continue
        return False
    return True


def _digits(items: Iterable[Node]) -> int:
    total = 0
    for kind, value in items:
        if kind == "lit":
            total += value.isdecimal()
        elif kind == "in":
            total += _all_digits(*value)
        elif kind == "group":
            total += _digits(value[1])
        elif kind == "branch":
            total += min(_digits(way) for way in value)
        elif kind == "repeat":
            total += value[0] * _digits(value[2])
    return total


def min_digits(pattern: re.Pattern[str]) -> int:
    """The fewest digits a match of pattern holds (0 when that cannot be told): a window
    without a digit then holds no match."""
    tree = _parsed(pattern)
    return 0 if tree is None else _digits(tree)
