"""The temporal engine: find and resolve date expressions in news text, with explanations.

Public API: :class:`TemporalExpression`, :func:`find_expressions`, :func:`resolve_span`.
The rules compile on first use, not on import (the app paints its window before that).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.core.temporal.model import Reading, TemporalExpression

if TYPE_CHECKING:
    from desktop_app.core.temporal.engine import find_expressions, normalise_span, resolve_span

__all__ = ["Reading", "TemporalExpression", "find_expressions", "normalise_span", "resolve_span"]


def __getattr__(name: str) -> Any:
    if name in ("find_expressions", "normalise_span", "resolve_span"):
        from desktop_app.core.temporal import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
