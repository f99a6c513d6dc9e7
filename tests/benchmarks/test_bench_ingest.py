"""Speed of ingestion and round trips: 1,000 articles in, 100,000 events out and back in."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from desktop_app.core.edits import ArticleDraft
from desktop_app.core.errors import TimelineError
from desktop_app.core.importers.csv_import import read_timeline_csv
from desktop_app.core.project import open_project
from desktop_app.core.records import DateSource
from desktop_app.core.services.batch_import import DateAnswer, import_batch
from tests.benchmarks._data import article_text, build_project
from tests.benchmarks.conftest import scale


def _articles(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    files = []
    for i in range(n):
        body = article_text(5_000 + i)  # ~5 kB, each text different
        p = folder / f"a{i:05d}.txt"
        p.write_text(f"Report {i}\n\nGENEVA, 9 July 2021 - {body}", encoding="utf-8")
        files.append(p)
    return files


def test_import_articles(tmp_path: Path, report) -> None:  # noqa: ANN001
    n_small, n = scale(20, 200), scale(100, 1000)
    peaks, times = {}, {}
    for count in (n_small, n):
        files = _articles(tmp_path / f"in{count}", count)
        project = open_project(tmp_path / f"p{count}.tldb")
        tracemalloc.start()  # memory: import alone, traced (tracing slows Python down)
        summary = import_batch(project.articles, files[: count // 2])
        peaks[count] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        t0 = time.perf_counter()  # time: the rest, untraced, with expression finding
        summary = import_batch(project.articles, files[count // 2:])
        for a in summary.imported:
            project.analysis.analyse(a.id)  # expression finding, as the reader does
        times[count] = (time.perf_counter() - t0) * count / (count - count // 2)
        assert len(summary.imported) == count - count // 2 and not summary.failed
        project.close()
    report(f"import of {n} articles of ~5 kB with expression finding: {times[n]:.1f} s "
           f"(target < 30 s); peak traced memory of the import {peaks[n_small]:.1f} MB for "
           f"{n_small // 2} articles vs {peaks[n]:.1f} MB for {n // 2} (flat)")


def test_csv_export_and_reimport(tmp_path: Path, report) -> None:  # noqa: ANN001
    n = scale(10_000, 100_000)
    project, _ = build_project(tmp_path / "p.tldb", n)
    out = tmp_path / "t.csv"
    t0 = time.perf_counter()
    project.exports.export_csv(out)
    exported = time.perf_counter() - t0
    t0 = time.perf_counter()
    plan = project.csv.plan(read_timeline_csv(out))
    planned = time.perf_counter() - t0
    assert len(plan.unchanged) == n and not plan.problems
    report(f"CSV round trip of {n} events: export {exported:.2f} s, re-import (parse and "
           f"compare) {planned:.2f} s (targets < 5 s each)")


def test_bulk_csv_import_of_new_events(tmp_path: Path, report) -> None:  # noqa: ANN001
    """import-csv of new events (one transaction, one undo step), against the floor of
    writing the same rows with sqlite3's executemany in the same run."""
    import sqlite3

    n = scale(20_000, 100_000)
    project = open_project(tmp_path / "p.tldb")
    source = tmp_path / "new.csv"
    source.write_text("date,title,tags\n" + "".join(
        f"2021-{1 + i % 12:02d}-{1 + i % 28:02d},Imported event {i},t{i % 7}\n"
        for i in range(n)), encoding="utf-8")
    t0 = time.perf_counter()
    plan = project.csv.plan(read_timeline_csv(source))
    result = project.csv.apply(plan)
    imported = time.perf_counter() - t0
    t0 = time.perf_counter()
    project.csv.undo(result)
    undone = time.perf_counter() - t0
    t0 = time.perf_counter()
    project.csv.redo(result)
    redone = time.perf_counter() - t0
    assert project.events.count() == n and len(result.created) == n
    project.close()
    floor = sqlite3.connect(tmp_path / "floor.db")
    floor.execute("CREATE TABLE e (id INTEGER PRIMARY KEY, title TEXT, start_date TEXT)")
    t0 = time.perf_counter()
    with floor:
        floor.executemany("INSERT INTO e (title, start_date) VALUES (?, ?)",
                          ((f"Imported event {i}", "2021-07-01") for i in range(n)))
    bare = time.perf_counter() - t0
    floor.close()
    report(f"import-csv of {n} new events: {imported:.2f} s read+plan+apply (target < 5 s at "
           f"100,000), undo {undone:.2f} s, redo {redone:.2f} s (targets < 3 s); bare sqlite3 "
           f"executemany of the rows {bare:.2f} s (ratio {imported / bare:.0f}x)")


def test_import_of_annotations(tmp_path: Path, report) -> None:  # noqa: ANN001
    """import-jsonld of annotations quoting many articles (each annotation one event with its
    passage anchored and dated), against its baseline: the engine analysing every article
    once, which dating the passages cannot do with less."""
    from desktop_app.core.temporal.engine import find_expressions

    n, n_articles = scale(2_000, 10_000), scale(200, 1_000)
    project, _ = build_project(tmp_path / "p.tldb", n, n_chars=6_000, n_articles=n_articles)
    out = tmp_path / "a.jsonld"
    project.exports.export("jsonld", out, "P", None)
    texts = [a.text for a in (project.articles.get(s.id) for s in project.articles.list())]
    t0 = time.perf_counter()
    result = project.annotations.import_file(out)
    imported = time.perf_counter() - t0
    assert len(result.created) == n and not result.skipped
    published = project.articles.list()[0].published
    t0 = time.perf_counter()
    for text in texts:
        find_expressions(text, published, mode="news")
    analysed = time.perf_counter() - t0
    report(f"import-jsonld of {n:,} annotations over {n_articles:,} articles of 6,000 "
           f"characters: {imported:.2f} s (target < 5 s at 10,000); analysing each article "
           f"once {analysed:.2f} s (ratio {imported / analysed:.1f}x)")


def test_import_of_real_saved_pages(tmp_path: Path, report) -> None:  # noqa: ANN001
    """A folder of real saved web pages imported as File > Import Folder does it (each file
    committed, a progress callback, every asked date answered with the pre-filled guess),
    against reading the same pages alone; memory retained after a quarter and after all of
    them (flat: nothing kept per page)."""
    import tarfile

    from desktop_app.core.importers import read_article_file
    from tests.conftest import SHARED

    archive_path = SHARED / "data" / "webpages" / "pages.tar.xz"
    if not archive_path.exists():
        pytest.skip("../shared/data/webpages is not present")
    n = scale(40, 649)
    with tarfile.open(archive_path) as archive:
        members = sorted((m for m in archive.getmembers() if m.isfile()),
                         key=lambda m: m.name)[:n]
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            archive.extractall(tmp_path / "in", members=members, filter="data")
        else:  # Debian 12's 3.11.2: our own shared data, into a temporary folder
            archive.extractall(tmp_path / "in", members=members)
    files = sorted((tmp_path / "in").rglob("*.htm*"))
    read_article_file(files[0])  # the readers' modules loaded and patterns compiled first
    t0 = time.perf_counter()
    for f in files:
        try:
            read_article_file(f)
        except TimelineError:
            pass
    read_alone = time.perf_counter() - t0

    asked = 0

    def accept_guess(draft: ArticleDraft, _path: Path) -> DateAnswer | None:
        nonlocal asked
        asked += 1
        guess = draft.published_guess
        return DateAnswer(guess, DateSource.SUGGESTED) if guess else None

    project = open_project(tmp_path / "pages.tldb")
    t0 = time.perf_counter()
    summary = import_batch(project.articles, files, ask_date=accept_guess,
                           progress=lambda done, total, path: True)
    imported = time.perf_counter() - t0
    assert len(summary.imported) + len(summary.failed) + len(summary.duplicates) == len(files)
    project.close()

    retained: dict[int, float] = {}
    project = open_project(tmp_path / "again.tldb")
    tracemalloc.start()

    def sample(done: int, total: int, _path: Path) -> bool:
        if done in (total // 4, total):
            retained[done] = tracemalloc.get_traced_memory()[0] / 1e6
        return True

    import_batch(project.articles, files, ask_date=accept_guess, progress=sample)
    tracemalloc.stop()
    project.close()
    quarter, whole = retained[len(files) // 4], retained[len(files)]
    report(f"import of {len(files)} real saved pages: {imported:.1f} s, "
           f"{imported * 1000 / len(files):.0f} s per 1,000 (target < 60 s), reading them "
           f"alone {read_alone:.1f} s ({imported / read_alone:.2f}x); {len(summary.imported)} "
           f"imported, {len(summary.failed)} refused, {asked // 2} dates asked; memory "
           f"retained after a quarter {quarter:.1f} MB, after all {whole:.1f} MB")
