"""The timeline's rows in order: a key compared the other way round (a header sorted
descending), and a few changed rows placed among 100,000 sorted ones without sorting those
again."""

from __future__ import annotations

import bisect
import operator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.core.records import TimelineRow

ROW_ID = operator.attrgetter("id")


def first(pair: tuple[Any, TimelineRow]) -> Any:
    return pair[0]


def without(items: list[Any], gone: list[int]) -> list[Any]:
    """``items`` but those at the ``gone`` positions (ascending), copied a slice at a time."""
    out: list[Any] = []
    start = 0
    for i in gone:
        out += items[start:i]
        start = i + 1
    out += items[start:]
    return out


def spliced(rows: list[TimelineRow], keys: list[Any], new: list[tuple[Any, TimelineRow]],
             ) -> tuple[list[TimelineRow], list[Any]]:
    """Sorted ``rows`` (with their ``keys``) and ``new`` (key, row) pairs sorted by key, as
    one sorted list: each new row is placed by bisection, the rows between copied a slice at
    a time (no comparison of the 100,000 rows among themselves)."""
    out_rows: list[TimelineRow] = []
    out_keys: list[Any] = []
    start = 0
    for key, row in new:
        at = bisect.bisect_right(keys, key, start)
        out_rows += rows[start:at]
        out_keys += keys[start:at]
        out_rows.append(row)
        out_keys.append(key)
        start = at
    out_rows += rows[start:]
    out_keys += keys[start:]
    return out_rows, out_keys


class Descending:
    """A sort key compared the other way round (bisect and sorted only use <)."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key

    def __lt__(self, other: Descending) -> bool:
        return bool(other.key < self.key)

    def __le__(self, other: Descending) -> bool:
        return bool(other.key <= self.key)

    def __gt__(self, other: Descending) -> bool:
        return bool(other.key > self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Descending) and other.key == self.key

    __hash__ = None  # type: ignore[assignment]
