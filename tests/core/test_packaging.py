"""The wheel carries what the installed app needs: resources, migrations, the entry point."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

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


def _tool(name: str) -> str:
    import shutil

    import pytest

    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (./test.sh installs it)")
    return found


def test_desktop_entry_and_metainfo_validate() -> None:
    desktop = subprocess.run([_tool("desktop-file-validate"),
                              str(REPO / "resources" / "timeline-annotator.desktop")],
                             capture_output=True, text=True)
    assert desktop.returncode == 0 and "error" not in desktop.stdout.lower(), desktop.stdout
    meta = subprocess.run([_tool("appstreamcli"), "validate", "--no-net",
                           str(REPO / "resources" / "io.github.timeline_annotator.metainfo.xml")],
                          capture_output=True, text=True)
    assert meta.returncode == 0, meta.stdout + meta.stderr


def test_icons_come_in_every_hicolor_size() -> None:
    sizes = {p.parent.parent.name for p in
             (REPO / "resources" / "icons" / "hicolor").glob("*/apps/timeline-annotator.png")}
    assert sizes == {f"{n}x{n}" for n in (16, 32, 48, 64, 128, 256, 512)}


def test_install_script_installs_for_the_current_user(tmp_path: Path) -> None:
    import os

    cmd = Path(sys.executable).with_name("timeline-annotator")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    result = subprocess.run(["bash", str(REPO / "packaging" / "install-desktop-entry.sh"),
                             str(cmd)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    entry = (tmp_path / "applications" / "timeline-annotator.desktop").read_text()
    assert f"Exec={cmd} %F" in entry
    assert (tmp_path / "icons" / "hicolor" / "512x512" / "apps" / "timeline-annotator.png").exists()
    assert (tmp_path / "metainfo" / "io.github.timeline_annotator.metainfo.xml").exists()


@pytest.mark.slow
def test_pyinstaller_bundle_builds_and_passes_its_smoke_test(tmp_path: Path) -> None:
    """The one-folder build runs outside Python: window offscreen, CLI import, CSV export."""
    import os

    dist, work = tmp_path / "dist", tmp_path / "build"
    build = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level",
                            "WARN", "--workpath", str(work), "--distpath", str(dist),
                            str(REPO / "packaging" / "timeline-annotator.spec")],
                           capture_output=True, text=True, cwd=REPO, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]
    binary = dist / "timeline-annotator" / "timeline-annotator"
    smoke = subprocess.run(["bash", str(REPO / "packaging" / "smoke-test.sh"), str(binary)],
                           capture_output=True, text=True, timeout=300,
                           env={k: v for k, v in os.environ.items() if k != "DISPLAY"})
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke test passed" in smoke.stdout


def test_setup_as_a_normal_user_stops_at_once_with_the_install_line(tmp_path: Path) -> None:
    """Missing system packages and no root: setup must stop with the exact apt-get line (before
    creating the venv), not carry on to a raw ImportError later."""
    import os
    import stat

    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    for name, body in (("dpkg-query", "exit 1"), ("id", "echo 1000")):
        tool = fake_bin / name
        tool.write_text(f"#!/bin/sh\n{body}\n")
        tool.chmod(tool.stat().st_mode | stat.S_IEXEC)
    env = {**os.environ, "PATH": f"{fake_bin}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", str(REPO / "scripts" / "setup.sh"), "--test"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    line = next(ln for ln in result.stderr.splitlines() if "apt-get install" in ln)
    for package in ("libglib2.0-0", "libxkbcommon0", "binutils", "desktop-file-utils",
                    "chromium"):
        assert f" {package}" in line, line
