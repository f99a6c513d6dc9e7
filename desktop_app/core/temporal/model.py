"""Plain value types produced by the temporal engine."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date


@dataclass(frozen=True)
class Reading:
    """One interpretation of an expression: its TIMEX3 value and the interval it denotes."""

    value: str
    granularity: str
    earliest: date | None
    latest: date | None
    explanation: str


@dataclass(frozen=True)
class TemporalExpression:
    """A temporal expression found in a text and resolved against an anchor date.

    ``earliest``/``latest`` bound the interval the expression denotes (``None`` for durations,
    sets and vague references), so "earlier this week" is Monday..anchor rather than a fake point.
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    granularity: str
    earliest: date | None
    latest: date | None
    anchor: date | None
    explanation: str
    alternatives: tuple[Reading, ...] = ()
    flags: tuple[str, ...] = field(default=())

    def reading(self) -> Reading:
        """The chosen interpretation as a Reading (to cycle with ``alternatives``)."""
        return Reading(self.value, self.granularity, self.earliest, self.latest, self.explanation)


_EXPRESSION_FIELDS = tuple(f.name for f in fields(TemporalExpression))


def expression(*values: object) -> TemporalExpression:
    """A TemporalExpression from its field values in order, the same in every respect as one
    made by its __init__, which sets each field through object.__setattr__ (it is frozen):
    the engine makes one per expression found, and this takes half the time."""
    made = object.__new__(TemporalExpression)
    made.__dict__.update(zip(_EXPRESSION_FIELDS, values, strict=True))
    return made
