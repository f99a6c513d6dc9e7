"""Benchmark helpers: scale (smoke by default, full with TA_BENCH_SCALE=full) and reporting."""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable

import pytest

FULL = os.environ.get("TA_BENCH_SCALE", "smoke") == "full"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every benchmark is 'slow': ./test.sh -m "not slow" leaves them out of the quick loop."""
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.slow)


def scale(smoke: int, full: int) -> int:
    """Pick the size for this run."""
    return full if FULL else smoke


def summary(samples: list[float]) -> dict[str, float]:
    """Median and 95th percentile of timings in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": statistics.median(ordered), "p95": p95, "n": len(ordered)}


@pytest.fixture
def report(capsys: pytest.CaptureFixture[str]) -> Callable[[str], None]:
    """Print a benchmark line even when pytest captures output."""

    def emit(line: str) -> None:
        with capsys.disabled():
            print(f"\n[bench{' full' if FULL else ' smoke'}] {line}", end="")

    return emit
