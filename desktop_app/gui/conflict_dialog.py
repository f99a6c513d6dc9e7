"""The question asked when an edit meets a colleague's change made after the event was shown:
both values side by side, and the user chooses; nothing is overwritten unseen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_keep_mine(parent: QWidget, what_happened: str, field: str, theirs: str,
                  mine: str) -> bool:
    """True: save the user's value over theirs; False: take theirs (nothing saved)."""
    empty = parent.tr("(empty)")
    text = "\n\n".join((what_happened[:1].upper() + what_happened[1:] + ".",
                        parent.tr("Their %1: %2").replace("%1", field).replace("%2",
                                                                               theirs or empty),
                        parent.tr("Your %1: %2").replace("%1", field).replace("%2",
                                                                              mine or empty)))
    box = QMessageBox(QMessageBox.Icon.Question, parent.tr("Changed by someone else"), text,
                      parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # titles are data, never markup
    keep = box.addButton(parent.tr("Keep Mine"), QMessageBox.ButtonRole.AcceptRole)
    take = box.addButton(parent.tr("Take Theirs"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(take)
    box.setEscapeButton(take)
    box.exec()
    return box.clickedButton() is keep
