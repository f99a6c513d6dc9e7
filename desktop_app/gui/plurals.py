"""English plurals for the app's own texts, through Qt's translation machinery.

Texts counting things are written once, with Qt's ``%n`` and "(s)": ``tr("%n event(s)", "",
n)``. Without a translation Qt would show "4 event(s)"; this translator, installed first, gives
English its two forms ("1 event", "4 events"), so a later real translation (a .qm file) takes
over the same texts unchanged.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QTranslator

_WORD = re.compile(r"(\w+)\(s\)")
# Where more than the noun changes with the count (a verb agreeing with it).
_IRREGULAR = {"%n event(s) quote it": ("%n event quotes it", "%n events quote it")}


def english(text: str, n: int) -> str:
    """The English form of a "(s)" text for a count: one, or many (zero is many)."""
    one = n == 1
    if text in _IRREGULAR:
        return _IRREGULAR[text][0 if one else 1]
    return _WORD.sub(r"\1" if one else r"\1s", text)


class EnglishPlurals(QTranslator):
    """Answers only the texts that count with "(s)"; every other text is left to others."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: N802
                  n: int = -1) -> str:
        if n < 0 or "(s)" not in source:
            return None  # type: ignore[return-value]  # null: not ours, Qt keeps the source
        return english(source, n)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


def install(app: QCoreApplication) -> EnglishPlurals:
    """Install the plural forms once per application (kept alive by the application)."""
    existing = app.findChild(EnglishPlurals)
    if existing is not None:
        return existing
    translator = EnglishPlurals(app)
    app.installTranslator(translator)
    return translator
