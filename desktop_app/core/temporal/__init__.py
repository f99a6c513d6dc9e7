"""The temporal engine: find and resolve date expressions in news text, with explanations.

Public API: :class:`TemporalExpression`, :func:`find_expressions`, :func:`resolve_span`.
The rules compile on first use, and the engine and its records are imported on first use,
not with the package: the app paints its window (whose lists word days with the calendar
module here) before that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.core.temporal.engine import find_expressions, normalise_span, resolve_span
    from desktop_app.core.temporal.model import Reading, TemporalExpression

__all__ = ["Reading", "TemporalExpression", "find_expressions", "normalise_span", "resolve_span"]


def __getattr__(name: str) -> Any:
    if name in ("find_expressions", "normalise_span", "resolve_span"):
        from desktop_app.core.temporal import engine

        return getattr(engine, name)
    if name in ("Reading", "TemporalExpression"):
        from desktop_app.core.temporal import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
