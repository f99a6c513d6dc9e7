"""Import many files or whole folders: progress, cancel, and a summary of what happened.

One routine for the GUI (progress dialog, date question) and the CLI (stderr, --published).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from desktop_app.core.article_records import ArticleRecord
from desktop_app.core.edits import ArticleDraft
from desktop_app.core.errors import DuplicateArticleError, ImportFileError, TimelineError
from desktop_app.core.importers import SUPPORTED_SUFFIXES, read_article_file
from desktop_app.core.importers.dateline import (
    asks_publication_day,
    candidates_of,
    latest_full_date,
)
from desktop_app.core.limits import DEFAULT_LIMITS, Limits
from desktop_app.core.records import DateSource
from desktop_app.core.services.articles import ArticleService, Reimport
from desktop_app.core.wording import counted, some_of

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
class DateQuestion:
    """A file read but not imported yet, because its publication day is to be asked: a
    batch's questions are asked together at its end, not one dialog per file."""

    path: Path
    draft: ArticleDraft  # its published_guess is the day to pre-fill

    @property
    def reason(self) -> str:
        return self.draft.published_doubt or "no publication date was found"

    def candidates(self) -> tuple[tuple[date, str], ...]:
        """The days to offer, best first, with where each came from."""
        return candidates_of(self.draft)


@dataclass(frozen=True)
class ReplaceQuestion:
    """A file that is a changed version of an article already in the project, held until
    the user has seen what it would replace."""

    path: Path
    draft: ArticleDraft
    replaces: ArticleRecord


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
    waiting: tuple[DateQuestion, ...] = ()  # read, not imported: their days are to be asked
    replacing: tuple[ReplaceQuestion, ...] = ()  # held until the replacement is confirmed
    not_replaced: tuple[tuple[Path, str], ...] = ()  # file, title of the article kept as it was
    undated: tuple[Path, ...] = ()  # imported without a publication date

    def then(self, later: BatchSummary) -> BatchSummary:
        """This summary followed by ``later``'s, which answered its questions: the questions
        still open are ``later``'s."""
        return BatchSummary(self.imported + later.imported, self.duplicates + later.duplicates,
                            self.failed + later.failed, self.skipped + later.skipped,
                            self.cancelled or later.cancelled, self.updated + later.updated,
                            self.unconfirmed + later.unconfirmed, later.waiting,
                            later.replacing, self.not_replaced + later.not_replaced,
                            self.undated + later.undated)

    def text(self) -> str:
        """'Imported 3 articles; 1 duplicate skipped; 2 failed: ...'."""
        lines = [f"Imported {counted(len(self.imported), 'article')}."]
        if self.duplicates:
            lines.append(f"{counted(len(self.duplicates), 'duplicate')} skipped: " + some_of(
                [f"{p} (already in the project as {t!r})" for p, t in self.duplicates],
                separator="; "))
        for path, r in self.updated:
            line = (f"{path}: a changed version of {r.article.title!r}; its text was replaced, "
                    f"{counted(r.exact + r.fuzzy, 'quote')} found again ({r.fuzzy} "
                    "approximately)")
            if r.orphaned:
                line += f", {len(r.orphaned)} no longer found, kept as orphans: " + some_of(
                    [repr(q.exact[:60]) for q in r.orphaned], separator="; ")
            lines.append(line)
        if self.unconfirmed:
            lines.append(f"{counted(len(self.unconfirmed), 'publication date')} taken as "
                         "suggested, not confirmed (Article > Properties changes one):")
            lines += [f"  {path}: {day.isoformat()}" for path, day in self.unconfirmed]
        if self.undated:
            named = some_of([str(p) for p in self.undated], separator="; ")
            lines.append(f"{counted(len(self.undated), 'article')} without a publication date "
                         f"(Article > Properties sets one): {named}")
        if self.not_replaced:
            lines.append(f"{counted(len(self.not_replaced), 'changed version')} not imported, "
                         "the articles kept as they were: " + some_of(
                             [f"{p} ({t!r})" for p, t in self.not_replaced], separator="; "))
        if self.skipped:
            lines.append(f"{len(self.skipped)} skipped without a publication date.")
        if self.failed:
            lines.append(f"{len(self.failed)} failed:")
            lines += [f"  {reason}" for _p, reason in self.failed]
        if self.cancelled:
            lines.append("Cancelled: the files after that point were not imported.")
        return "\n".join(lines)


def collect_files(paths: Iterable[Path], recursive: bool = True) -> list[Path]:
    """Files to import: files as given, folders expanded to their supported files (a folder
    without any stays itself: the batch then says it held nothing to import)."""
    out: list[Path] = []
    for p in paths:
        if _is_folder(p):
            pattern = "**/*" if recursive else "*"
            out += sorted(f for f in p.glob(pattern)
                          if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                          and not any(part.startswith(".") for part in f.relative_to(p).parts)
                          ) or [p]
        else:
            out.append(p)
    return out


def _is_folder(path: Path) -> bool:
    """Whether a path is a folder; a name the system cannot even look up is taken as a file,
    whose reading then says why."""
    try:
        return path.is_dir()
    except OSError:
        return False


def import_batch(articles: ArticleService, files: list[Path], *,
                 published: date | None = None, title: str | None = None,
                 ask_date: AskDate | None = None, ask_later: bool = False,
                 progress: Callable[[int, int, Path], bool] | None = None,
                 limits: Limits = DEFAULT_LIMITS) -> BatchSummary:
    """Import files one by one, each committed on its own so a cancel keeps what is done.

    ``progress(done, total, path)`` returns False to cancel. With ``ask_later`` (the window),
    a file without a sure publication date (but naming some day: asks_publication_day; one
    naming none is imported undated) is read and left in the summary's ``waiting``
    (``import_answered`` imports it once answered), and a changed version of an article
    already here in its ``replacing`` (``replace_confirmed``); else ``ask_date`` is asked (a
    DateAnswer, None to import without a date, False to skip the file) and changed versions
    replace their articles at once. The summary lists the suggested days taken unconfirmed.
    """
    tally = _Tally(articles, hold_replacements=ask_later)
    waiting: list[DateQuestion] = []
    cancelled = False
    for n, path in enumerate(files):
        if progress is not None and not progress(n, len(files), path):
            cancelled = True
            break
        try:
            draft = _read(path, limits)
        except TimelineError as exc:
            tally.failed.append((path, _reason(path, exc)))
            continue
        if title:
            draft = replace(draft, title=title)
        if published is not None:
            draft = replace(draft, published=published, published_source=DateSource.USER)
        elif (ask_later or ask_date is not None) and asks_publication_day(draft):
            question = DateQuestion(path, replace(draft, published_guess=draft.published_guess
                                                  or latest_full_date(draft.text)))
            if ask_later:
                waiting.append(question)
                continue
            assert ask_date is not None
            tally.add(path, _answered(question, ask_date(question.draft, path)))
            continue
        tally.add(path, draft)
    if progress is not None and not cancelled:
        progress(len(files), len(files), files[-1] if files else Path())
    return tally.summary(cancelled, tuple(waiting))


def import_answered(articles: ArticleService,
                    answers: Iterable[tuple[DateQuestion, DateAnswer | None | bool]],
                    ) -> BatchSummary:
    """Import the files a batch left waiting, as answered: a DateAnswer, None to import
    without a date, False to skip the file. A changed version is held again, in
    ``replacing``."""
    tally = _Tally(articles, hold_replacements=True)
    for question, answer in answers:
        tally.add(question.path, _answered(question, answer))
    return tally.summary(False, ())


def replace_confirmed(articles: ArticleService,
                      answers: Iterable[tuple[ReplaceQuestion, bool]]) -> BatchSummary:
    """Replace the articles whose changed versions the user confirmed; the others stay as
    they were (and are listed)."""
    tally = _Tally(articles)
    for question, confirmed in answers:
        if confirmed:
            tally.add(question.path, question.draft)
        else:
            tally.not_replaced.append((question.path, question.replaces.title))
    return tally.summary(False, ())


def _answered(question: DateQuestion, answer: DateAnswer | None | bool) -> ArticleDraft | None:
    """The draft as answered; None: the file is skipped."""
    if answer is False:
        return None
    if isinstance(answer, DateAnswer):
        return replace(question.draft, published=answer.day, published_source=answer.source)
    return question.draft


class _Tally:
    """What a batch did so far, file by file."""

    def __init__(self, articles: ArticleService, hold_replacements: bool = False) -> None:
        self._articles = articles
        self._hold = hold_replacements
        self.replacing: list[ReplaceQuestion] = []
        self.not_replaced: list[tuple[Path, str]] = []
        self.imported: list[ImportedArticle] = []
        self.duplicates: list[tuple[Path, str]] = []
        self.failed: list[tuple[Path, str]] = []
        self.skipped: list[Path] = []
        self.updated: list[tuple[Path, Reimport]] = []
        self.unconfirmed: list[tuple[Path, date]] = []
        self.undated: list[Path] = []

    def add(self, path: Path, draft: ArticleDraft | None) -> None:
        """Store one file's draft (None: skipped), each committed on its own."""
        if draft is None:
            self.skipped.append(path)
            return
        try:
            if self._hold:  # a changed version waits; anything else is added at once
                old = self._articles.previous_version(draft)
                if old is not None:
                    self.replacing.append(ReplaceQuestion(path, draft, self._articles.get(old)))
                    return
                result: ArticleRecord | Reimport = self._articles.add(draft)
            else:
                result = self._articles.add_or_update(draft)
        except DuplicateArticleError as exc:
            self.duplicates.append((path, exc.existing_title))
            return
        except TimelineError as exc:
            self.failed.append((path, _reason(path, exc)))
            return
        if draft.published_source is DateSource.SUGGESTED and draft.published is not None:
            self.unconfirmed.append((path, draft.published))
        if draft.published is None:
            self.undated.append(path)
        if isinstance(result, Reimport):
            self.updated.append((path, result))
        else:
            self.imported.append(ImportedArticle(result.id, result.title, path))

    def summary(self, cancelled: bool, waiting: tuple[DateQuestion, ...]) -> BatchSummary:
        return BatchSummary(tuple(self.imported), tuple(self.duplicates), tuple(self.failed),
                            tuple(self.skipped), cancelled, tuple(self.updated),
                            tuple(self.unconfirmed), waiting, tuple(self.replacing),
                            tuple(self.not_replaced), tuple(self.undated))


def _reason(path: Path, exc: TimelineError) -> str:
    return str(exc) if str(path) in str(exc) else f"{path}: {exc}"


def _read(path: Path, limits: Limits) -> ArticleDraft:
    """Read one file of a batch. Whatever a file does to the readers (an encrypted PDF, a
    parser's recursion limit), it becomes that file's failure, never the batch's: the rest of
    the folder is imported and the summary says why this one was not."""
    if _is_folder(path):
        raise ImportFileError(path, "is a folder without a file to import (files ending "
                                    + ", ".join(SUPPORTED_SUFFIXES) + "; hidden ones are left "
                                    "out)")
    try:
        return read_article_file(path, limits)
    except TimelineError:
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a whole folder
        log.exception("reading %s failed", path)
        raise ImportFileError(path, f"could not be read ({type(exc).__name__}: {exc}); the "
                                    "log has the details") from exc
