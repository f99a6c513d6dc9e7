"""Batch import: folders, duplicates, failures with reasons, cancel keeps what is done."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from desktop_app.core.records import DateSource
from desktop_app.core.services.batch_import import DateAnswer, collect_files, import_batch
from tests.conftest import FIXTURES


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    shutil.copy(FIXTURES / "dateline.txt", root / "a.txt")
    shutil.copy(FIXTURES / "dateline.txt", root / "b-copy.txt")  # same text: a duplicate
    shutil.copy(FIXTURES / "news.eml", root / "sub" / "c.eml")
    shutil.copy(FIXTURES / "front-matter.md", root / ".hidden" / "d.md")
    (root / "broken.txt").write_bytes(bytes(range(256)) * 10)
    (root / "notes.xlsx").write_bytes(b"PK")
    return root


def test_collect_files(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    assert [p.name for p in collect_files([root], recursive=False)] == [
        "a.txt", "b-copy.txt", "broken.txt"]
    assert [p.name for p in collect_files([root])] == ["a.txt", "b-copy.txt", "broken.txt",
                                                       "c.eml"]


def test_a_folder_with_nothing_to_import_is_said_so(project, tmp_path: Path) -> None:  # noqa: ANN001
    """Not a silent success: the folder is a failure line naming what it lacked."""
    empty, other = tmp_path / "empty", tmp_path / "other"
    empty.mkdir()
    other.mkdir()
    (other / "sheet.xlsx").write_bytes(b"PK")
    (other / ".hidden.txt").write_text("On Monday, it began.", encoding="utf-8")
    summary = import_batch(project.articles, collect_files([empty, other]),
                           published=date(2021, 7, 9))
    assert summary.imported == () and [p for p, _ in summary.failed] == [empty, other]
    assert "without a file to import" in summary.failed[0][1] and ".html" in \
        summary.failed[0][1]
    assert project.articles.list() == []


def test_summary_of_a_folder(project, tmp_path: Path) -> None:  # noqa: ANN001
    root = _folder(tmp_path)
    seen = []
    summary = import_batch(project.articles, collect_files([root]),
                           progress=lambda done, total, path: seen.append((done, total)) or True)
    assert [a.title for a in summary.imported] == ["Harbour strike ends",
                                                   "Ceasefire talks resume in Geneva"]
    assert [p.name for p, _ in summary.duplicates] == ["b-copy.txt"]
    assert [p.name for p, _ in summary.failed] == ["broken.txt"]
    assert "looks like a binary file" in summary.failed[0][1]
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    assert "Imported 2 articles." in summary.text() and "already in the project" in \
        summary.text()


def test_cancel_keeps_what_was_imported(project, tmp_path: Path) -> None:  # noqa: ANN001
    root = _folder(tmp_path)
    summary = import_batch(project.articles, collect_files([root]),
                           progress=lambda done, total, path: done < 1)
    assert summary.cancelled and len(summary.imported) == 1
    assert len(project.articles.list()) == 1


def test_dates_asked_given_or_skipped(project, tmp_path: Path) -> None:  # noqa: ANN001
    f = tmp_path / "nodate.txt"
    f.write_text("No date here\n\nTalks began on Monday.")
    g = tmp_path / "nodate2.txt"
    g.write_text("Still no date\n\nTalks ended on Friday.")
    h = tmp_path / "nodate3.txt"
    h.write_text("Undated\n\nTalks resumed after a long pause; the round of 2 July 2021 "
                 "had ended without an agreement.")
    answers = iter([DateAnswer(date(2021, 7, 9)), False,
                    DateAnswer(date(2021, 7, 2), DateSource.SUGGESTED)])
    summary = import_batch(project.articles, [f, g, h], ask_date=lambda d, p: next(answers))
    assert [(project.articles.get(a.id).published, project.articles.get(a.id).published_source)
            for a in summary.imported] == [(date(2021, 7, 9), DateSource.USER),
                                           (date(2021, 7, 2), DateSource.SUGGESTED)]
    assert summary.skipped == (g,) and summary.unconfirmed == ((h, date(2021, 7, 2)),)
    assert f"1 publication date taken as suggested, not confirmed (Article > Properties " \
           f"changes one):\n  {h}: 2021-07-02" in summary.text()


def test_a_file_that_breaks_a_reader_is_one_summary_line_not_the_end_of_the_batch(
        project, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """An encrypted PDF once raised pypdf's DependencyError out of the whole folder import."""
    from desktop_app.core.importers import pdf_import
    from desktop_app.core.services.batch_import import import_batch

    def explode(data, path):  # noqa: ANN001, ANN202
        raise RuntimeError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(pdf_import, "draft_from_pdf", explode)
    (tmp_path / "a.txt").write_text("First article. On Monday it rained.", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.7 encrypted")
    (tmp_path / "c.txt").write_text("Second article. On Tuesday it snowed.", encoding="utf-8")
    files = [tmp_path / name for name in ("a.txt", "b.pdf", "c.txt")]
    summary = import_batch(project.articles, files, published=date(2021, 7, 9))
    assert [a.path.name for a in summary.imported] == ["a.txt", "c.txt"]
    [(path, reason)] = summary.failed
    assert path.name == "b.pdf" and "b.pdf" in reason and "AES" in reason


def test_a_batch_can_leave_its_questions_for_the_end(project, tmp_path: Path) -> None:  # noqa: ANN001
    """ask_later: the files in no doubt are imported at once, the others are read and left
    waiting with their pre-filled day; answered, they are imported (or skipped) after."""
    from desktop_app.core.services.batch_import import import_answered

    sure = tmp_path / "a-sure.txt"
    sure.write_text("Sure\n\nGENEVA, 9 July 2021 - Talks resumed.")
    files = [sure]
    for i in range(3):
        f = tmp_path / f"b{i}.txt"
        f.write_text(f"Undated {i}\n\nTalks went on through the night; the meeting of "
                     f"{i + 1} May 2019 had been the last.")
        files.append(f)
    first = import_batch(project.articles, files, ask_later=True)
    assert [a.path for a in first.imported] == [sure]
    assert [(q.path, q.draft.published_guess, q.reason) for q in first.waiting] == [
        (files[i + 1], date(2019, 5, i + 1), "no publication date was found") for i in range(3)]
    assert len(project.articles.list()) == 1
    later = import_answered(project.articles, zip(first.waiting, [
        DateAnswer(date(2019, 5, 10)), None, False], strict=True))
    both = first.then(later)
    assert [a.path for a in both.imported] == files[:3] and both.skipped == (files[3],)
    assert both.waiting == ()
    got = [project.articles.get(a.id) for a in both.imported]
    assert [(a.published, a.published_source) for a in got] == [
        (date(2021, 7, 9), DateSource.DATELINE), (date(2019, 5, 10), DateSource.USER),
        (None, DateSource.UNKNOWN)]


def test_a_summary_names_ten_files_of_a_kind_and_counts_the_rest() -> None:
    """A folder imported twice had every duplicate named on one line (thousands)."""
    from desktop_app.core.services.batch_import import BatchSummary

    duplicates = tuple((Path(f"page{i}.html"), f"Title {i}") for i in range(25))
    text = BatchSummary((), duplicates, (), (), False).text()
    line = next(ln for ln in text.splitlines() if "duplicates skipped" in ln)
    assert "page9.html" in line and "page10.html" not in line and line.endswith("and 15 more")
