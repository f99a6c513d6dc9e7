"""Child process for the start-up benchmark.

Usage: python startup_probe.py bare | app DB | app-close DB
Prints "painted" when the window first paints ("painted-content" when that first paint already
shows the project's events) and, for the app, "loaded" once the live project is shown too.
app-close closes the window normally after loading, as a user would (writing its snapshot).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject


class _FirstPaint(QObject):
    def __init__(self, quit_on_paint: bool, has_content=lambda: False) -> None:  # noqa: ANN001
        super().__init__()
        self.painted = False
        self.quit_on_paint = quit_on_paint
        self.has_content = has_content

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            print("painted-content" if self.has_content() else "painted", flush=True)
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
    def loaded() -> None:
        window.repaint()  # paint the loaded content now, then report
        assert window.timeline_model.rowCount() > 0
        print("loaded", flush=True)
        if sys.argv[1] == "app-close":
            window.close()
        app.exit(0)

    window = launch(db, settings, seed_demo_if_new=False, files=[])
    watcher = _FirstPaint(False, lambda: window.timeline_model.rowCount() > 0)
    window.installEventFilter(watcher)
    window.projectLoaded.connect(loaded)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
