"""Find a publication date in the first lines of a text (a dateline or 'Published:' line)."""

from __future__ import annotations

import re
from datetime import date

from desktop_app.core.temporal import find_expressions

_HEAD_CHARS = 400
_PUBLISHED_LINE = re.compile(r"^\s*(?:published|posted|updated|date|dated)\s*[:\-]?\s*(.+)$",
                             re.IGNORECASE | re.MULTILINE)


def find_dateline(text: str) -> date | None:
    """The first full date (day, month and year) near the top of the text, if any."""
    for m in _PUBLISHED_LINE.finditer(text[:2000]):
        d = _full_date(m.group(1))
        if d:
            return d
    return _full_date(text[:_HEAD_CHARS])


def latest_full_date(text: str) -> date | None:
    """The latest explicit full date in a text: a best guess to pre-fill when asking the user."""
    dates = [e.earliest for e in find_expressions(text, None)
             if e.granularity == "day" and e.earliest is not None]
    return max(dates) if dates else None


def _full_date(text: str) -> date | None:
    for e in find_expressions(text, None):
        if e.granularity in ("day", "time") and e.earliest is not None:
            return e.earliest
    return None
