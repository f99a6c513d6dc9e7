"""Composition root: parse arguments, set up logging, build the project, services and window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import APP_ID, APP_NAME, ORG_NAME, __version__
from desktop_app.cli_commands import COMMANDS, VALUE_OPTIONS
from desktop_app.core.locations import db_argument, unwritable_file

if TYPE_CHECKING:  # imported when needed, not before the window's first paint
    from PySide6.QtWidgets import QWidget

    from desktop_app.core.project import Project
    from desktop_app.gui.asking import Dialogs
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.settings import Settings

log = logging.getLogger(__name__)


def _gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="timeline-annotator",
        description=f"{APP_NAME}: read articles, select passages, build a dated timeline. "
                    f"Headless commands: {', '.join(COMMANDS)} (see 'COMMAND --help'); "
                    "before a command: --db FILE|URL, --author NAME (the name changes are "
                    "recorded under), --limit KEY=N (raise a limit named when a file is "
                    "refused, for this command).")
    p.add_argument("--db", type=db_argument, metavar="FILE|URL",
                   help="project file to open or create, or a team project: "
                        "postgresql://USER@HOST:PORT/DATABASE")
    p.add_argument("files", nargs="*", type=Path, help="article files to import at start")
    p.add_argument("--quit-after", type=float, metavar="SECONDS",
                   help="close the window after this many seconds (smoke tests, headless runs)")
    p.add_argument("--screenshot", type=Path, metavar="PNG",
                   help="with --quit-after: save a picture of the window before closing")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def _configure_qt_identity() -> None:
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)


class _Brief(logging.Formatter):
    """The terminal's lines: the message alone; a traceback goes to the log file only."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {record.getMessage()}"


def _setup_logging(data_dir: Path | None) -> None:
    from logging.handlers import RotatingFileHandler

    handlers: list[logging.Handler] = [logging.StreamHandler()]
    handlers[0].setLevel(logging.WARNING)
    handlers[0].setFormatter(_Brief())
    # The terminal hears the app's own warnings; a library's ("discarding data: None", from
    # an extractor given a page it cannot parse) mean nothing there and go to the log alone.
    handlers[0].addFilter(lambda record: record.name.partition(".")[0] == "desktop_app")
    if data_dir is not None:
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            handlers.append(RotatingFileHandler(data_dir / "timeline-annotator.log",
                                                maxBytes=1_000_000, backupCount=3,
                                                encoding="utf-8"))
        except OSError:
            pass
    logging.basicConfig(level=logging.INFO, handlers=handlers,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def _open_project(target: Path | str) -> Project:
    """Open a project file or team project (SQLAlchemy is imported here, not before the
    window paints), and keep a rolling backup of a file as it was when opened (a server keeps
    its own backups)."""
    from desktop_app.core.backups import newest_backup, rolling_backup
    from desktop_app.core.errors import BackupError, ProjectDamagedError
    from desktop_app.core.project import open_project
    from desktop_app.gui.settings import Settings, backup_folder

    try:
        project = open_project(target, read_only=unwritable_file(target),
                               author=Settings().display_name())
    except ProjectDamagedError as exc:
        good = newest_backup(backup_folder(exc.path), exc.path)
        if good is None:
            raise
        raise ProjectDamagedError(exc.path, f"{exc.problem}. The newest good backup is {good}: "
                                            "open that (File > Open) or copy it over the "
                                            "damaged file") from exc
    if project.path is not None:
        try:
            rolling_backup(project.db, backup_folder(project.path), Settings().backup_keep())
        except BackupError as exc:
            log.warning("no rolling backup: %s", exc)
    return project


def _open_or_create(target: Path | str, seed_demo_if_new: bool) -> Project:
    from desktop_app.core.project import seed_demo

    is_new = isinstance(target, Path) and (not target.exists() or target.stat().st_size == 0)
    project = _open_project(target)
    if is_new and seed_demo_if_new:
        seed_demo(project)
    return project


def build_main_window(db: Path | str, settings: Settings | None = None,
                      seed_demo_if_new: bool = False,
                      dialogs: Dialogs | None = None) -> MainWindow:
    """Build the real main window on a project (a file, or a server URL) without entering
    the event loop.

    ``dialogs``: what answers the window's questions (tests answer them; None: the real
    dialogs). A QApplication must exist. Raises ProjectFileError (ProjectServerError) when the file
    (server database) cannot be a project.
    """
    from PySide6.QtWidgets import QApplication

    from desktop_app.gui import plurals
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.settings import Settings

    app = QApplication.instance()
    assert app is not None, "a QApplication must exist"
    plurals.install(app)
    project = _open_or_create(db_argument(db) if isinstance(db, str) else db, seed_demo_if_new)
    return MainWindow(project, _open_project, settings or Settings(), dialogs=dialogs)


def launch(db: Path | str, settings: Settings, seed_demo_if_new: bool,
           files: list[Path]) -> MainWindow:
    """Show the main window at once, then open the project just after it first paints.

    Importing the database layer and opening the project take longer than building and
    painting the window, so the user sees the window immediately. If the project cannot be
    opened the user is told and the application exits with status 1.
    """
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.view_cache import project_stamp, read_snapshot
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.settings import view_cache_path

    window = MainWindow(None, _open_project, settings)
    if isinstance(db, Path):  # a file's snapshot; a team project changes while we are away
        snapshot = read_snapshot(view_cache_path(db), project_stamp(db.resolve()))
        if snapshot is not None:
            window.show_snapshot(snapshot)  # the project as last shown, painted at once

    def refuse(reason: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        print(f"error: {reason}", file=sys.stderr)  # noqa: T201
        QMessageBox.critical(window, APP_NAME, f"Cannot open the project:\n{reason}")
        QApplication.exit(1)

    def load() -> None:
        from desktop_app.core.errors import ProjectFileError, ProjectServerError

        try:
            project = _open_or_create(db, seed_demo_if_new)
        except (ProjectFileError, ProjectServerError) as exc:
            refuse(str(exc))
            return
        try:
            window.load_project(project)
        except Exception as exc:
            damage = project.damage_behind(exc)  # a stored value another program wrote?
            if damage is None:
                raise
            refuse(damage)
            project.close()
            return
        if files:
            window.files.import_files(files)

    _after_first_paint(window, load)
    window.show()
    return window


def _after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Run callback once, right after the window's first paint (or 300 ms, if none comes)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    done = False

    def run() -> None:
        nonlocal done
        if not done:
            done = True
            window.removeEventFilter(watcher)
            callback()

    class Watcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, run)
            return False

    watcher = Watcher(window)
    window.installEventFilter(watcher)
    QTimer.singleShot(300, run)


def _default_db_path() -> Path:
    from desktop_app.gui.settings import default_project_path

    return default_project_path()


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``timeline-annotator`` command and ``python -m desktop_app``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    first_positional = next((a for i, a in enumerate(argv) if not a.startswith("-")
                             and (i == 0 or argv[i - 1] not in VALUE_OPTIONS)), None)
    if first_positional in COMMANDS:
        from desktop_app.cli import build_parser, run

        args = build_parser().parse_args(argv)
        _configure_qt_identity()
        db = args.db or _default_db_path()
        _setup_logging(_default_db_path().parent)  # the log is the user's, whatever --db
        from desktop_app.gui.settings import Settings

        try:
            code = run(args, db, Settings().limits())
            # What is still buffered is written now, inside this guard: at the interpreter's
            # exit a closed pipe printed "Exception ignored ... BrokenPipeError".
            sys.stdout.flush()
            return code
        except BrokenPipeError:
            # The reader went away ('list | head -1'): end quietly, as Unix tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 141
    if first_positional is not None and _neither_command_nor_file(first_positional):
        mistyped = _mistyped_command(first_positional)
        hint = f"did you mean '{mistyped}'?" if mistyped else "the commands are " + ", ".join(
            COMMANDS)
        print(f"timeline-annotator: error: {first_positional!r} is neither a command nor a "  # noqa: T201
              f"file; {hint} (see 'timeline-annotator --help')", file=sys.stderr)
        return 1
    args = _gui_parser().parse_args(argv)
    return _run_gui(args)


def _neither_command_nor_file(word: str) -> bool:
    """A word without a file suffix that names no file: a typing slip ('lisst') or an
    unknown command, which must not open the window (offscreen, with no display, it would
    never end) with an error about a file called 'lisst'."""
    if Path(word).suffix:
        return False
    try:
        return not Path(word).exists()
    except OSError:
        return False


def _mistyped_command(word: str) -> str | None:
    """The command a word that names no file probably meant ('lisst': 'list')."""
    import difflib

    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.7)
    return close[0] if close else None


def _run_gui(args: argparse.Namespace) -> int:
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")) \
            and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        print("No display found: running offscreen.", file=sys.stderr)  # noqa: T201
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.resources import resource_path
    from desktop_app.gui.settings import Settings, data_dir

    _configure_qt_identity()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationDisplayName(APP_NAME)
    from desktop_app.gui import plurals

    plurals.install(app)
    app.setDesktopFileName(APP_ID)
    try:
        app.setWindowIcon(QIcon(str(resource_path("icons", "timeline-annotator.svg"))))
    except FileNotFoundError:
        pass
    _setup_logging(data_dir())
    from desktop_app.gui.error_dialog import ExceptionReporter
    from desktop_app.gui.settings import log_file

    window: MainWindow | None = None

    def diagnose(exc: BaseException) -> str | None:
        """A failure to read what another program wrote into the open project, named."""
        project = window.project if window is not None else None
        return project.damage_behind(exc) if project is not None else None

    ExceptionReporter(QApplication.activeWindow, log_file(), diagnose=diagnose).install()
    settings = Settings()
    db = args.db or db_argument((settings.recent_projects() or [str(_default_db_path())])[0])
    window = launch(db, settings, seed_demo_if_new=args.db is None, files=list(args.files))
    if args.quit_after is not None:
        def finish() -> None:
            if args.screenshot:
                window.grab().save(str(args.screenshot))
            window.close()
        QTimer.singleShot(int(args.quit_after * 1000), finish)
    return app.exec()
