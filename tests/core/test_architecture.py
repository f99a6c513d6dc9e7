"""Architecture and style checks run with the tests: layer contracts and lint."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"{name} is not installed in this environment")
    return found


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_ruff_is_clean() -> None:
    result = subprocess.run([_tool("ruff"), "check", "desktop_app", "tests"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_whole_app_passes_type_checking() -> None:
    """mypy on every module (pyproject's [tool.mypy]): strict on the core; the GUI, the CLI
    and the composition root checked (the window's components name their dependencies, so
    mypy follows every call)."""
    result = subprocess.run([_tool("mypy"), "desktop_app"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_the_core_has_no_import_cycles() -> None:
    """No two core modules reach each other through imports (lazy ones included): each has a
    place in one layering (import-linter's graph, grimp)."""
    import grimp

    graph = grimp.build_graph("desktop_app")
    core = sorted(m for m in graph.modules if m.startswith("desktop_app.core"))
    cycles = [(a, b) for i, a in enumerate(core) for b in core[i + 1:]
              if graph.chain_exists(a, b) and graph.chain_exists(b, a)]
    assert cycles == []


def test_core_does_not_import_qt_at_runtime() -> None:
    code = ("import sys, desktop_app.core.project, desktop_app.core.importers, "
            "desktop_app.core.temporal; print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.stdout.strip() == "False", out.stderr


def test_the_window_paints_before_the_database_layer_is_imported() -> None:
    """Start-up paints the window first and imports SQLAlchemy after (half a second of the
    start): nothing the window module imports may pull it in (a table model once did), nor
    the article readers (their patterns take milliseconds to compile; a date question's
    candidates once did), nor the date engine and its records (the reader and the event
    dates once imported the records' module for their annotations: 3-4 ms), nor the records
    no first paint shows (edits, whole articles, search hits: a millisecond or more each)."""
    code = ("import sys, desktop_app.app, desktop_app.gui.main_window; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic', "
            "'lxml', 'trafilatura'} | {m for m in sys.modules "
            "if m.startswith(('desktop_app.core.importers', 'desktop_app.core.temporal.model', "
            "'desktop_app.core.temporal.engine', 'desktop_app.core.edits', "
            "'desktop_app.core.article_records', 'desktop_app.core.listings'))}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
