"""Counting things in English, for the core's own messages (the GUI's go through Qt's %n)."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str = "") -> str:
    """'1 article', '3 articles', '0 articles' (``plural`` for nouns that do not take -s)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
