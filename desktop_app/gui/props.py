"""Qt properties set where a widget is made: ``made(QLabel(text), objectName="x",
wordWrap=True)``. PySide6 takes properties as constructor keywords, but its type stubs do
not know them; this says the same thing in a form mypy checks (each becomes a setter call)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

Made = TypeVar("Made", bound=QObject)


def made(widget: Made, **properties: object) -> Made:
    """Set each property through its setter (``wordWrap`` -> ``setWordWrap``)."""
    for name, value in properties.items():
        getattr(widget, "set" + name[0].upper() + name[1:])(value)
    return widget
