"""Guards against Qt binding regressions that would crash a long session."""

from __future__ import annotations

import sys

from PySide6.QtGui import QBrush, QColor, QTextCharFormat


def test_void_methods_do_not_drop_references_to_none(qapp) -> None:  # noqa: ANN001
    """PySide6 6.12.0 on Python 3.11 released a reference to None on every call of a method
    returning nothing; after a few thousand edits the interpreter aborted ("deallocating None").
    """
    fmt, brush = QTextCharFormat(), QBrush(QColor("red"))
    before = sys.getrefcount(None)
    for _ in range(50):
        fmt.setBackground(brush)
        fmt.setFontUnderline(True)
    assert sys.getrefcount(None) - before > -50
