"""The wheel carries what the installed app needs: resources, migrations, the entry point."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_contains_resources_migrations_and_entry_point(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                             str(tmp_path), str(REPO)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    [wheel] = tmp_path.glob("timeline_annotator-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("desktop_app/resources/demo/demo-project.json",
                   "desktop_app/resources/icons/timeline-annotator.svg",
                   "desktop_app/resources/icons/hicolor/512x512/apps/timeline-annotator.png",
                   "desktop_app/resources/timeline-annotator.desktop",
                   "desktop_app/core/migrations/env.py",
                   "desktop_app/core/migrations/versions/0001_baseline.py"):
        assert needed in names, needed
    assert not any(n.startswith("tests/") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "timeline-annotator = desktop_app.app:main" in text
