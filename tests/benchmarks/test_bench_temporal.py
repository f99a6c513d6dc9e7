"""Speed of the date engine over real news, beside dateparser.search.search_dates."""

from __future__ import annotations

import json
import time
from datetime import date, datetime

import pytest

from tests.conftest import SHARED

GOLD = SHARED / "data" / "tempeval" / "tbaq-train.jsonl"


def test_find_expressions_vs_dateparser(report) -> None:  # noqa: ANN001
    if not GOLD.exists():
        pytest.skip("../shared/data/tempeval is not present")
    from dateparser.search import search_dates

    from desktop_app.core.temporal import find_expressions

    # The whole TBAQ text at every scale: the target is stated for it, and dateparser's half
    # takes only some three seconds.
    docs = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    chars = sum(len(d["text"]) for d in docs)
    find_expressions("warm up on Monday", date(2021, 7, 9))
    t0 = time.perf_counter()
    ours = sum(len(find_expressions(d["text"], date.fromisoformat(d["dct"]))) for d in docs)
    ours_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    theirs = 0
    for d in docs:
        found = search_dates(d["text"], languages=["en"], settings={
            "RELATIVE_BASE": datetime.fromisoformat(d["dct"]), "PREFER_DATES_FROM": "past"})
        theirs += len(found or [])
    theirs_s = time.perf_counter() - t0
    assert ours > 0 and theirs > 0
    report(f"date engine over {len(docs)} TBAQ documents ({chars / 1e6:.2f} MB): "
           f"{ours_s * 1000:.0f} ms, {ours} expressions (target < 1 s for all 0.53 MB); "
           f"dateparser.search.search_dates {theirs_s:.2f} s, {theirs} dates; "
           f"ours is {theirs_s / ours_s:.1f}x faster (target >= 50x)")


def test_dense_adversarial_text_takes_linear_time_and_memory(report) -> None:  # noqa: ANN001
    """A text that is nothing but dates: time at 1x, 4x and (full size) 16x the smallest
    size, and traced peak memory at an eighth of those sizes (tracing slows Python down
    several times), each printed with its ratio to the smallest."""
    import tracemalloc

    from desktop_app.core.temporal import find_expressions
    from tests.benchmarks.conftest import scale

    unit = "On 5 July 2021 last Monday, "
    base = scale(62_500, 1_000_000)
    figures = []
    for factor in (1, 4, *((16,) if base >= 1_000_000 else ())):
        text = unit * (base * factor // len(unit))
        t0 = time.perf_counter()
        found = len(find_expressions(text, date(2021, 7, 9)))
        seconds = time.perf_counter() - t0
        assert found == 2 * (len(text) // len(unit))
        small = text[:len(text) // 8]
        tracemalloc.start()
        find_expressions(small, date(2021, 7, 9))
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        figures.append((factor, seconds, peak))
    _, s1, m1 = figures[0]
    report("dense dates, " + "; ".join(
        f"{base * f / 1e6:g} MB: {s:.2f} s ({s / s1:.1f}x), peak at 1/8 of it {m:.0f} MB "
        f"({m / m1:.1f}x)" for f, s, m in figures)
        + " (target: 16x the text < 20x the time; memory linear)")


def test_suggest_on_dense_text_takes_linear_time(report) -> None:  # noqa: ANN001
    """Suggest (analyse the article, then date each dated sentence not yet on the timeline)
    on text that is nearly nothing but weekday names (each sentence ends in a word of its
    own: one of nothing but dates is no suggestion), at 1x and 4x: the time of each and its ratio.
    Dating every sentence had analysed each character three more times, and looked back to
    the start of a line for every date (quadratic where a text has no line breaks)."""
    import random

    from desktop_app.core.passages import analyse_article, suggest_events
    from tests.benchmarks.conftest import scale

    rng = random.Random(1)
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    base = scale(62_500, 500_000)
    figures = []
    for factor in (1, 4):
        words = base * factor // 8
        text = " ".join(rng.choice(days) + (" ended." if rng.random() < 0.1 else "")
                        for _ in range(words))
        t0 = time.perf_counter()
        analysis = analyse_article(1, text, date(2021, 7, 9), [])
        analysed = time.perf_counter() - t0
        suggestions = suggest_events(text, date(2021, 7, 9), list(analysis.passages),
                                     analysis.expressions)
        seconds = time.perf_counter() - t0
        assert len(suggestions) == len(analysis.sentences) > words // 20
        figures.append((len(text), seconds, analysed))
    (n1, s1, _a1), (n4, s4, _a4) = figures
    report(f"Suggest on weekday names: {n1 / 1e6:.2f} MB {s1:.2f} s; {n4 / 1e6:.2f} MB "
           f"{s4:.2f} s ({s4 / s1:.1f}x the time for {n4 / n1:.1f}x the text); of which the "
           f"analysis {figures[0][2]:.2f} s and {figures[1][2]:.2f} s")
