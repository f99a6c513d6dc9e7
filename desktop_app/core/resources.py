"""Locate shipped resources: inside the installed package, or the source tree's resources/."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a resource file, whether installed from a wheel or run from a checkout."""
    for root in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource {'/'.join(parts)} is missing from this installation")
