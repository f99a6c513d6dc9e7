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
from typing import Any

try:  # the parser behind re.compile: private, so anything unexpected means "scan whole"
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _p = None

Line = tuple[int, int]  # base + (gap - 1) * slope


class _Unbounded(Exception):
    pass


def _is_gap_class(items: list[Any]) -> bool:
    """True for a repeated item that matches only blanks and hyphens ([\\s-] or \\s)."""
    if len(items) != 1 or items[0][0] is not _c.IN:
        return False
    return all((op is _c.CATEGORY and av is _c.CATEGORY_SPACE) or (op is _c.LITERAL and av == 45)
               for op, av in items[0][1])


def _width(items: Iterable[Any], gap: int) -> int:
    total = 0
    for op, av in items:
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            total += 1
        elif op is _c.SUBPATTERN:
            total += _width(av[-1], gap)
        elif op is _c.ATOMIC_GROUP:
            total += _width(av, gap)
        elif op is _c.BRANCH:
            total += max(_width(b, gap) for b in av[1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, high, item = av
            if high is _c.MAXREPEAT:
                if not _is_gap_class(list(item)):
                    raise _Unbounded
                high = gap
            total += high * _width(item, gap)
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            pass
        else:
            raise _Unbounded
    return total


def _around(items: list[Any], group: int, gap: int) -> tuple[int, int, int] | None:
    """(widest before, widest of, widest after) the capture group in every match of items;
    None when items never hold it. Raises _Unbounded when a match may lack it (it is optional,
    repeated or in only some branches), as its place then says nothing."""
    for k, (op, av) in enumerate(items):
        inner = None
        if op is _c.SUBPATTERN:
            inner = (0, _width(av[-1], gap), 0) if av[0] == group else \
                _around(list(av[-1]), group, gap)
        elif op is _c.BRANCH:
            ways = [_around(list(b), group, gap) for b in av[1]]
            if any(w is not None for w in ways):
                if any(w is None for w in ways):
                    raise _Unbounded
                inner = tuple(max(w[i] for w in ways) for i in range(3))  # type: ignore[index,assignment]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT, _c.ATOMIC_GROUP,
                    _c.ASSERT, _c.ASSERT_NOT):
            body = av if op is _c.ATOMIC_GROUP else av[-1]
            if _around(list(body), group, gap) is not None:
                raise _Unbounded
        if inner is not None:
            before, of, after = inner
            return (_width(items[:k], gap) + before, of, after + _width(items[k + 1:], gap))
    return None


def _line(measure: Callable[[int], int]) -> Line:
    one, far, further = measure(1), measure(1000), measure(1001)
    return one, further - far


def _parsed(pattern: re.Pattern[str]) -> _p.SubPattern | None:
    if _p is None:
        return None
    try:
        return _p.parse(pattern.pattern, pattern.flags)
    except (AttributeError, TypeError, ValueError):
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
    return None if tree is None else _bound(list(tree))


def _bound(tree: list[Any]) -> Line | None:
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
    return None if tree is None else _reach(list(tree), pattern.groupindex.get(group or ""))


def _reach(tree: list[Any], group: int | None) -> tuple[Line, Line] | None:
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
    items = list(tree)
    return Shape(_reach(items, pattern.groupindex.get(group or "")), _digits(items),
                 tree.getwidth()[0])


def _all_digits(items: list[Any]) -> bool:
    """True for a class of characters that holds digits only ([0-9], \\d, [0-3])."""
    for op, av in items:
        if op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            continue
        if op is _c.LITERAL and chr(av).isdecimal():
            continue
        if op is _c.RANGE and chr(av[0]).isdecimal() and chr(av[1]).isdecimal() \
                and av[1] - av[0] < 10:
            continue
        return False
    return True


def _digits(items: Iterable[Any]) -> int:
    total = 0
    for op, av in items:
        if op is _c.LITERAL:
            total += chr(av).isdecimal()
        elif op is _c.IN:
            total += _all_digits(list(av))
        elif op is _c.SUBPATTERN:
            total += _digits(av[-1])
        elif op is _c.ATOMIC_GROUP:
            total += _digits(av)
        elif op is _c.BRANCH:
            total += min(_digits(b) for b in av[1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            total += av[0] * _digits(av[2])
    return total


def min_digits(pattern: re.Pattern[str]) -> int:
    """The fewest digits a match of pattern holds (0 when that cannot be told): a window
    without a digit then holds no match."""
    tree = _parsed(pattern)
    return 0 if tree is None else _digits(list(tree))
