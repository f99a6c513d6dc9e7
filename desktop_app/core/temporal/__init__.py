"""The temporal engine: find and resolve date expressions in news text, with explanations.

Public API: :class:`TemporalExpression`, :func:`find_expressions`, :func:`resolve_span`.
"""

from desktop_app.core.temporal.engine import find_expressions, resolve_span
from desktop_app.core.temporal.model import Reading, TemporalExpression

__all__ = ["Reading", "TemporalExpression", "find_expressions", "resolve_span"]
