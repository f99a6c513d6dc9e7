"""Chart speed and memory with a large project: first frame, zoom and pan repaints, RSS.

Run in a child process (chart_probe.py) so the memory figure is the chart's own. Figures are
printed beside an empty chart's repaint measured in the same run; nothing asserts a time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.benchmarks._data import build_project
from tests.benchmarks.conftest import scale, summary

PROBE = Path(__file__).with_name("chart_probe.py")


def test_chart_first_frame_and_repaints(tmp_path: Path, report) -> None:  # noqa: ANN001
    n = scale(5_000, 100_000)
    project, _article = build_project(tmp_path / "big.tldb", n, n_articles=scale(10, 50))
    project.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    out = subprocess.run([sys.executable, str(PROBE), str(tmp_path / "big.tldb"), "1400", "800"],
                         capture_output=True, text=True, env=env, timeout=600, check=True)
    r = json.loads(out.stdout)
    assert r["events"] == n and r["lanes"] == scale(10, 50)
    frames, empty = summary(r["frames"]), summary(r["empty"])
    report(f"chart, {n:,} events in {r['lanes']} lanes: open {r['open_ms']:.0f} ms + load "
           f"{r['load_ms']:.0f} ms + lanes {r['lanes_ms']:.0f} ms + first frame "
           f"{r['first_frame_ms']:.0f} ms = {r['total_ms']:.0f} ms (target < 1000); "
           f"resident memory {r['rss_mb']:.0f} MB (+{r['rss_growth_mb']:.0f} MB; target "
           f"< 500)")
    report(f"the real window with the chart tab showing: chart painted {r['window_chart_ms']:.0f} "
           f"ms after opening the project, the whole window (table, reader, "
           f"inspector) ready at {r['window_ready_ms']:.0f} ms; resident memory with the "
           f"window too {r['window_rss_mb']:.0f} MB")
    report(f"chart repaint while zooming all→hours and panning ({frames['n']} frames): "
           f"median {frames['median']:.1f} ms, p95 {frames['p95']:.1f} ms (targets 16 / 33); "
           f"empty chart {empty['median']:.1f} ms; ratio "
           f"{frames['median'] / max(empty['median'], 0.01):.1f}x")
