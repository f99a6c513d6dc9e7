"""Typed access to the one QSettings store, and the app's standard paths."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCryptographicHash, QSettings, QStandardPaths

from desktop_app.core.locations import ProjectLocation, is_server_address
from desktop_app.gui.theme import ThemeChoice

if TYPE_CHECKING:
    from desktop_app.core.limits import Limits

MAX_RECENT = 10

PROJECT_SUFFIX = ".tldb"


def data_dir() -> Path:
    """The user's data folder for this app (QStandardPaths.AppDataLocation), created if needed."""
    path = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _digest(text: str, length: int) -> str:
    # SHA-1 from Qt, already loaded: hashlib would load OpenSSL before the first paint.
    digest = QCryptographicHash.hash(text.encode(), QCryptographicHash.Algorithm.Sha1)
    return bytes(digest.toHex().data()).decode()[:length]


def _project_key(project: Path) -> str:
    return f"{project.stem}-{_digest(str(project.resolve()), 8)}"


def backup_folder(project: Path) -> Path:
    """Where rolling backups of a project go: the data folder, one sub-folder per project."""
    return data_dir() / "backups" / _project_key(project)


def _place_key(project: ProjectLocation) -> str:
    return _digest(project.remembered, 16)


def view_cache_path(project: Path) -> Path:
    """Where the window's snapshot of a project is kept between runs."""
    return data_dir() / "view-cache" / f"{_project_key(project)}.pickle"


def log_file() -> Path:
    """The rotating log file."""
    return data_dir() / "timeline-annotator.log"


def default_project_path() -> Path:
    """Where the first launch keeps its project (with the demo article)."""
    return data_dir() / f"My timeline{PROJECT_SUFFIX}"


class Settings:
    """The preferences the app remembers between runs."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store or QSettings()

    def recent_projects(self) -> list[str]:
        """Most recent first: files that still exist, and team projects' addresses (never
        with a password)."""
        raw = self._s.value("recentProjects", [], list) or []
        assert isinstance(raw, list)  # value(..., list) converts
        return [str(p) for p in raw
                if p and (is_server_address(str(p)) or Path(str(p)).exists())]

    def add_recent_project(self, location: ProjectLocation) -> None:
        """Put a project at the top of the recent list."""
        entry = location.remembered
        items = [entry] + [p for p in self.recent_projects() if p != entry]
        self._s.setValue("recentProjects", items[:MAX_RECENT])

    def display_name(self) -> str:
        """The name the user's changes are made under ("" : the login or database role)."""
        return str(self._s.value("user/displayName", "") or "")

    def set_display_name(self, name: str) -> None:
        self._s.setValue("user/displayName", " ".join(name.split()))

    def backup_keep(self) -> int:
        """How many rolling backups of each project to keep (0 turns them off)."""
        return self._whole_number("backups/keep", 5, least=0)

    def limits(self) -> Limits:
        """How much work one imported file may ask for (core.limits: one setting each)."""
        from desktop_app.core.limits import DEFAULT_LIMITS, Limit

        return DEFAULT_LIMITS.changed({limit.key: self._s.value(limit.key) for limit in Limit
                                       if self._s.contains(limit.key)})

    def _whole_number(self, key: str, default: int, least: int) -> int:
        """A number setting; a value that is not one (hand-edited) counts as the default."""
        try:
            return max(least, int(str(self._s.value(key, default))))
        except ValueError:
            return default

    def last_directory(self) -> str:
        """The folder the last file dialog was in."""
        return str(self._s.value("lastDirectory", str(Path.home())))

    def set_last_directory(self, path: Path) -> None:
        """Remember a file dialog's folder."""
        self._s.setValue("lastDirectory", str(path if path.is_dir() else path.parent))

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """Saved geometry and splitter/dock state."""
        return self._s.value("window/geometry"), self._s.value("window/splitter")

    def save_window_state(self, geometry: QByteArray, splitter: QByteArray) -> None:
        """Remember the window's size and the panes' sizes."""
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/splitter", splitter)

    def view_choices(self) -> dict[str, str]:
        """How the timeline was last shown: tab ("table"/"chart"), lanes, colour by tag,
        publication markers (strings, as QSettings keeps them)."""
        defaults = {"tab": "table", "lanes": "article", "colourByTag": "false",
                    "showPublished": "true"}
        return {k: str(self._s.value(f"view/{k}", v)) for k, v in defaults.items()}

    def save_view_choices(self, choices: dict[str, str]) -> None:
        """Remember how the timeline is shown."""
        for k, v in choices.items():
            self._s.setValue(f"view/{k}", v)

    def theme(self) -> ThemeChoice:
        """Light, dark, or the desktop's colours (the default)."""
        raw = str(self._s.value("view/theme", ThemeChoice.SYSTEM.value))
        known = {c.value for c in ThemeChoice}
        return ThemeChoice(raw) if raw in known else ThemeChoice.SYSTEM

    def set_theme(self, choice: ThemeChoice) -> None:
        self._s.setValue("view/theme", choice.value)

    def last_place(self, project: ProjectLocation) -> tuple[int, int, int]:
        """Where the user was in a project: (article id, event id, reader scroll); 0 none."""
        raw = str(self._s.value(f"places/{_place_key(project)}", "") or "")
        try:
            article, event, scroll = (int(v) for v in raw.split(","))
        except ValueError:
            return 0, 0, 0
        return article, event, scroll

    def save_last_place(self, project: ProjectLocation, article: int, event: int,
                        scroll: int) -> None:
        """Remember where the user was, to return there when the project opens again."""
        self._s.setValue(f"places/{_place_key(project)}", f"{article},{event},{scroll}")

    def table_columns(self, project: ProjectLocation) -> list[str] | None:
        """The table columns shown for a project, by name (None: never chosen)."""
        raw = self._s.value(f"columns/{_place_key(project)}", None)
        return None if raw is None else [c for c in str(raw).split(",") if c]

    def save_table_columns(self, project: ProjectLocation, names: list[str]) -> None:
        """Remember which table columns the user shows for a project."""
        self._s.setValue(f"columns/{_place_key(project)}", ",".join(names))

    def sync(self) -> None:
        """Write to disk now."""
        self._s.sync()
