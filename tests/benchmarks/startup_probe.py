"""Child process for the start-up benchmark.

Usage: python startup_probe.py bare | app DB
Prints "painted" when the window first paints and, for the app, "loaded" once the project's
content has been painted too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject


class _FirstPaint(QObject):
    def __init__(self, quit_on_paint: bool) -> None:
        super().__init__()
        self.painted = False
        self.quit_on_paint = quit_on_paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            print("painted", flush=True)
            if self.quit_on_paint:
                from PySide6.QtWidgets import QApplication

                QApplication.instance().exit(0)
        return False


def main() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    if sys.argv[1] == "bare":
        window = QMainWindow()
        watcher = _FirstPaint(quit_on_paint=True)
        window.installEventFilter(watcher)
        window.show()
        return app.exec()
    from PySide6.QtCore import QSettings

    from desktop_app.app import launch
    from desktop_app.gui.settings import Settings

    db = Path(sys.argv[2])
    settings = Settings(QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat))
    watcher = _FirstPaint(quit_on_paint=False)

    def loaded() -> None:
        window.repaint()  # paint the loaded content now, then report
        assert window.timeline_model.rowCount() > 0
        print("loaded", flush=True)
        app.exit(0)

    window = launch(db, settings, seed_demo_if_new=False, files=[])
    window.installEventFilter(watcher)
    window.projectLoaded.connect(loaded)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
