"""The time as the project stores it: naive UTC (one definition for every service and hook)."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """Naive UTC timestamp, as stored."""
    return datetime.now(UTC).replace(tzinfo=None)
