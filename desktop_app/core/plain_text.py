"""Text that must be one plain line wherever it comes from: titles read from files, names
typed or given on the command line."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def one_line(text: str) -> str:
    """Text as one clean line: control characters (a NUL, a line break, an escape sequence
    a title may carry from a mail header or a PDF's metadata, or a name from a terminal)
    become spaces, runs of whitespace one space."""
    return " ".join(_CONTROL.sub(" ", text).split())


def collapsed(text: str) -> str:
    """Text with each run of whitespace, line breaks included, one space: how a page's text
    is compared with what an extractor made of it, whatever its markup's layout."""
    return " ".join(text.split())
