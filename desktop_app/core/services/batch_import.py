"""Import many files or whole folders: progress, cancel, and a summary of what happened.

One routine for the GUI (progress dialog, date question) and the CLI (stderr, --published).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from desktop_app.core.errors import DuplicateArticleError, ImportFileError, TimelineError
from desktop_app.core.importers import SUPPORTED_SUFFIXES, read_article_file
from desktop_app.core.importers.dateline import latest_full_date
from desktop_app.core.records import ArticleDraft, DateSource
from desktop_app.core.services.articles import ArticleService, Reimport
from desktop_app.core.wording import counted

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class DateAnswer:
    """An answer to "when was this file published?": the day, and whether the user gave or
    confirmed it (USER) or it is the importer's suggestion taken unconfirmed (SUGGESTED)."""

    day: date
    source: DateSource = DateSource.USER


# A DateAnswer; None: import the file without a date; False: skip the file.
AskDate = Callable[[ArticleDraft, Path], "DateAnswer | None | bool"]


@dataclass(frozen=True)
class ImportedArticle:
    """An article a batch created (not its text: a batch of thousands stays small)."""

    id: int
    title: str
    path: Path


@dataclass(frozen=True)
class BatchSummary:
    """What a batch import did."""

    imported: tuple[ImportedArticle, ...]
    duplicates: tuple[tuple[Path, str], ...]  # file, title of the article already there
    failed: tuple[tuple[Path, str], ...]  # file, reason
    skipped: tuple[Path, ...]  # no publication date given
    cancelled: bool
    updated: tuple[tuple[Path, Reimport], ...] = ()  # changed versions of articles already here
    unconfirmed: tuple[tuple[Path, date], ...] = ()  # suggested days taken without confirming

    def text(self) -> str:
        """'Imported 3 articles; 1 duplicate skipped; 2 failed: ...'."""
        lines = [f"Imported {counted(len(self.imported), 'article')}."]
        if self.duplicates:
            lines.append(f"{counted(len(self.duplicates), 'duplicate')} skipped: " + "; ".join(
                f"{p} (already in the project as {t!r})" for p, t in self.duplicates))
        for path, r in self.updated:
            line = (f"{path}: a changed version of {r.article.title!r}; its text was replaced, "
                    f"{counted(r.exact + r.fuzzy, 'quote')} found again ({r.fuzzy} "
                    "approximately)")
            if r.orphaned:
                line += f", {len(r.orphaned)} no longer found, kept as orphans: " + "; ".join(
                    repr(q.exact[:60]) for q in r.orphaned)
            lines.append(line)
        if self.unconfirmed:
            lines.append(f"{counted(len(self.unconfirmed), 'publication date')} taken as "
                         "suggested, not confirmed (Article > Properties changes one):")
            lines += [f"  {path}: {day.isoformat()}" for path, day in self.unconfirmed]
        if self.skipped:
            lines.append(f"{len(self.skipped)} skipped without a publication date.")
        if self.failed:
            lines.append(f"{len(self.failed)} failed:")
            lines += [f"  {reason}" for _p, reason in self.failed]
        if self.cancelled:
            lines.append("Cancelled: the files after that point were not imported.")
        return "\n".join(lines)


def collect_files(paths: Iterable[Path], recursive: bool = True) -> list[Path]:
    """Files to import: files as given, folders expanded to their supported files."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            pattern = "**/*" if recursive else "*"
            out += sorted(f for f in p.glob(pattern)
                          if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                          and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(p)
    return out


def import_batch(articles: ArticleService, files: list[Path], *,
                 published: date | None = None, title: str | None = None,
                 ask_date: AskDate | None = None,
                 progress: Callable[[int, int, Path], bool] | None = None,
                 max_bytes: int | None = None) -> BatchSummary:
    """Import files one by one, each committed on its own so a cancel keeps what is done.

    ``progress(done, total, path)`` returns False to cancel. ``ask_date`` is asked when a file
    has no sure publication date: a DateAnswer, None to import without one, False to skip
    the file; the summary lists the suggested days taken unconfirmed.
    """
    imported, duplicates, failed, skipped, updated = [], [], [], [], []
    unconfirmed: list[tuple[Path, date]] = []
    cancelled = False
    for n, path in enumerate(files):
        if progress is not None and not progress(n, len(files), path):
            cancelled = True
            break
        try:
            draft = _read(path, max_bytes)
            if title:
                draft = replace(draft, title=title)
            if published is not None:
                draft = replace(draft, published=published, published_source=DateSource.USER)
            elif draft.published is None and ask_date is not None:
                answer = ask_date(replace(draft, published_guess=draft.published_guess
                                          or latest_full_date(draft.text)), path)
                if answer is False:
                    skipped.append(path)
                    continue
                if isinstance(answer, DateAnswer):
                    draft = replace(draft, published=answer.day, published_source=answer.source)
            result = articles.add_or_update(draft)
            if draft.published_source is DateSource.SUGGESTED and draft.published is not None:
                unconfirmed.append((path, draft.published))
            if isinstance(result, Reimport):
                updated.append((path, result))
            else:
                imported.append(ImportedArticle(result.id, result.title, path))
        except DuplicateArticleError as exc:
            duplicates.append((path, exc.existing_title))
        except TimelineError as exc:
            failed.append((path, str(exc) if str(path) in str(exc) else f"{path}: {exc}"))
    if progress is not None and not cancelled:
        progress(len(files), len(files), files[-1] if files else Path())
    return BatchSummary(tuple(imported), tuple(duplicates), tuple(failed), tuple(skipped),
                        cancelled, tuple(updated), tuple(unconfirmed))


def _read(path: Path, max_bytes: int | None) -> ArticleDraft:
    """Read one file of a batch. Whatever a file does to the readers (an encrypted PDF, a
    parser's recursion limit), it becomes that file's failure, never the batch's: the rest of
    the folder is imported and the summary says why this one was not."""
    try:
        return read_article_file(path, max_bytes) if max_bytes else read_article_file(path)
    except TimelineError:
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a whole folder
        log.exception("reading %s failed", path)
        raise ImportFileError(path, f"could not be read ({type(exc).__name__}: {exc}); the "
                                    "log has the details") from exc
