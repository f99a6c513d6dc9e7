"""How much work one file may ask for: the sizes and counts past which an import is refused
at once instead of taking minutes and gigabytes.

Each limit is a setting (the window and every command read the same settings file), and each
refusal names the limit and the setting that raises it: a user with a real file that large
raises it once, knowing it will take longer."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

_MB = 1024 * 1024


class Limit(enum.Enum):
    """A limit: its settings key, its default, and what it counts."""

    ARTICLE_MEGABYTES = ("import/maxMegabytes", 20, "MB")
    HTML_ELEMENTS = ("import/maxHtmlElements", 100_000, "elements")
    HTML_ATTRIBUTES = ("import/maxHtmlAttributes", 1_000, "attributes on one element")
    MIME_DEPTH = ("import/maxMimeDepth", 50, "levels of parts inside parts")
    CSV_MEGABYTES = ("csv/maxMegabytes", 50, "MB")
    CSV_ROWS = ("csv/maxRows", 100_000, "rows")
    CSV_CELL = ("csv/maxCellCharacters", 1_000_000, "characters in one cell")
    ANNOTATION_MEGABYTES = ("annotations/maxMegabytes", 200, "MB")
    ANNOTATIONS = ("annotations/maxAnnotations", 100_000, "annotations")

    def __init__(self, key: str, default: int, unit: str) -> None:
        self.key, self.default, self.unit = key, default, unit


# The highest value a limit takes: far past any real file, and within what the readers'
# own size arguments hold (a limit of 10^23 MB failed a read with an OverflowError).
HIGHEST = 1_000_000_000


@dataclass(frozen=True)
class Limits:
    """The limits in force: the defaults, with the values the settings give."""

    chosen: Mapping[Limit, int] = field(default_factory=lambda: MappingProxyType({}))

    def __getitem__(self, limit: Limit) -> int:
        return self.chosen.get(limit, limit.default)

    def bytes(self, limit: Limit) -> int:
        """A megabyte limit in bytes."""
        return self[limit] * _MB

    def stated(self, limit: Limit) -> str:
        """How a refusal names the limit: 'the limit is 100,000 rows, setting csv/maxRows'."""
        return f"the limit is {self[limit]:,} {limit.unit}, setting {limit.key}"

    def changed(self, values: Mapping[str, object]) -> Limits:
        """These limits, with those that ``values`` names by key changed (settings as
        stored, or a command's --limit); a value that is not a positive whole number (a
        hand-edited setting) changes nothing, one above HIGHEST counts as HIGHEST."""
        chosen = dict(self.chosen)
        for limit in Limit:
            raw = values.get(limit.key)
            try:
                value = int(str(raw)) if raw is not None else 0
            except ValueError:
                value = 0
            if value > 0:
                chosen[limit] = min(value, HIGHEST)
        return Limits(MappingProxyType(chosen))


DEFAULT_LIMITS = Limits()
