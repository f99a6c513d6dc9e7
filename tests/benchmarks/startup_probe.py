"""Child process for the start-up benchmark: print when the first window has painted.

Usage: python startup_probe.py bare|app [DB]
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            from PySide6.QtWidgets import QApplication

            QApplication.instance().exit(0)
        return False


def main() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    if sys.argv[1] == "bare":
        window = QMainWindow()
    else:
        from desktop_app.app import build_main_window

        window = build_main_window(sys.argv[2])
    painter = _FirstPaint()
    window.installEventFilter(painter)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
