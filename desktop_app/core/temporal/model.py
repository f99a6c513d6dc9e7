"""Plain value types produced by the temporal engine."""

from __future__ import annotations

from dataclasses import dataclass, field
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


# The engine builds a Reading or two and an expression for every date it finds. A frozen
# dataclass's __init__ sets each field through object.__setattr__; these set the same fields
# at once, at half the cost, giving objects equal in every respect (tests hold that they set
# exactly the dataclass's fields).
_new = object.__new__


def new_reading(value: str, granularity: str, earliest: date | None, latest: date | None,
                explanation: str) -> Reading:
    """Reading(value, granularity, earliest, latest, explanation), built faster."""
    made = _new(Reading)
    made.__dict__.update(value=value, granularity=granularity, earliest=earliest, latest=latest,
                         explanation=explanation)
    return made


def new_expression(start: int, end: int, text: str, type: str, value: str,  # noqa: A002
                   granularity: str, earliest: date | None, latest: date | None,
                   anchor: date | None, explanation: str, alternatives: tuple[Reading, ...],
                   flags: tuple[str, ...], bounds: tuple[Reading, Reading] | None = None,
                   parts: tuple[TemporalExpression, ...] = ()) -> TemporalExpression:
    """TemporalExpression(...) with every field given in order, built faster."""
    made = _new(TemporalExpression)
    made.__dict__.update(start=start, end=end, text=text, type=type, value=value,
                         granularity=granularity, earliest=earliest, latest=latest,
                         anchor=anchor, explanation=explanation, alternatives=alternatives,
                         flags=flags, bounds=bounds, parts=parts)
    return made
