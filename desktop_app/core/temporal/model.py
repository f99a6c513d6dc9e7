"""Plain value types produced by the temporal engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Reading:
    """One interpretation of an expression: its TIMEX3 value and the interval it denotes."""

    value: str
    granularity: str
    earliest: date | None
    latest: date | None
    explanation: str


@dataclass(frozen=True, slots=True)
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
    # Why the engine is unsure of this reading ('read month first; 5 Apr 2021 the other way
    # round', 'after the publication date in a clause not about the future'); none: sure.
    flags: tuple[str, ...] = field(default=())
    # A range ('from 5 to 8 July'): the readings of its first and last point (an open range
    # ends at the anchor), and the point expressions it was joined from, as TIMEX3 writes it.
    bounds: tuple[Reading, Reading] | None = None
    parts: tuple[TemporalExpression, ...] = ()

    @property
    def sure(self) -> bool:
        """The engine has no reason to doubt its reading (``flags`` says why otherwise)."""
        return not self.flags

    def reading(self) -> Reading:
        """The chosen interpretation as a Reading (to cycle with ``alternatives``)."""
        return Reading(self.value, self.granularity, self.earliest, self.latest, self.explanation)


# The engine builds a Reading or two and an expression for every date it finds: slotted, each
# takes a third of the memory (600 bytes with a dictionary of its fields: 1.4 GB for Suggest
# on 16 MB of dense dates). A frozen dataclass's __init__ sets each field through
# object.__setattr__; these write the same slots through their descriptors, at half the cost,
# giving objects equal in every respect (tests hold that they set every field).
_new = object.__new__
# Each slot's own setter, in field order (unrolled below: a loop over them doubles the cost).
(_R_VALUE, _R_GRANULARITY, _R_EARLIEST, _R_LATEST, _R_EXPLANATION) = (
    getattr(Reading, name).__set__ for name in Reading.__slots__)
(_E_START, _E_END, _E_TEXT, _E_TYPE, _E_VALUE, _E_GRANULARITY, _E_EARLIEST, _E_LATEST,
 _E_ANCHOR, _E_EXPLANATION, _E_ALTERNATIVES, _E_FLAGS, _E_BOUNDS, _E_PARTS) = (
    getattr(TemporalExpression, name).__set__ for name in TemporalExpression.__slots__)


def new_reading(value: str, granularity: str, earliest: date | None, latest: date | None,
                explanation: str) -> Reading:
    """Reading(value, granularity, earliest, latest, explanation), built faster."""
    made = _new(Reading)
    _R_VALUE(made, value)
    _R_GRANULARITY(made, granularity)
    _R_EARLIEST(made, earliest)
    _R_LATEST(made, latest)
    _R_EXPLANATION(made, explanation)
    return made


def new_expression(start: int, end: int, text: str, type: str, value: str,  # noqa: A002
                   granularity: str, earliest: date | None, latest: date | None,
                   anchor: date | None, explanation: str, alternatives: tuple[Reading, ...],
                   flags: tuple[str, ...], bounds: tuple[Reading, Reading] | None = None,
                   parts: tuple[TemporalExpression, ...] = ()) -> TemporalExpression:
    """TemporalExpression(...) with every field given in order, built faster."""
    made = _new(TemporalExpression)
    _E_START(made, start)
    _E_END(made, end)
    _E_TEXT(made, text)
    _E_TYPE(made, type)
    _E_VALUE(made, value)
    _E_GRANULARITY(made, granularity)
    _E_EARLIEST(made, earliest)
    _E_LATEST(made, latest)
    _E_ANCHOR(made, anchor)
    _E_EXPLANATION(made, explanation)
    _E_ALTERNATIVES(made, alternatives)
    _E_FLAGS(made, flags)
    _E_BOUNDS(made, bounds)
    _E_PARTS(made, parts)
    return made
