"""Read article files into drafts: plain text, Markdown and saved web pages. Never the network."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from desktop_app.core.edits import ArticleDraft
from desktop_app.core.errors import ImportFileError
from desktop_app.core.importers.decoding import decode_bytes
from desktop_app.core.importers.html import draft_from_html
from desktop_app.core.importers.plain import draft_from_text
from desktop_app.core.input_files import read_input_file
from desktop_app.core.limits import DEFAULT_LIMITS, Limit, Limits
from desktop_app.core.plain_text import one_line

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".eml", ".pdf")
_EARLIEST_YEAR = 1800  # the first dailies were older, but not their saved web pages


def read_article_file(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> ArticleDraft:
    """Read one file into a draft, or raise ImportFileError naming the file and the problem."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFileError(path, f"unsupported file type {suffix or '(no extension)'!r}; "
                                    f"import {', '.join(SUPPORTED_SUFFIXES)} files")
    data = read_input_file(path, Limit.ARTICLE_MEGABYTES, limits)
    return _plausible(_draft_of(path, suffix, data, limits))


PASTED = Path("Pasted text")  # how messages name the clipboard's text, and its title if empty


def draft_from_pasted(text: str, limits: Limits = DEFAULT_LIMITS) -> ArticleDraft:
    """The clipboard's text as a draft, held to what the same text in a .txt file would be:
    the size limit, no NUL, a one-line title, a plausible publication day."""
    data = text.encode("utf-8", "replace")
    if len(data) > limits.bytes(Limit.ARTICLE_MEGABYTES):
        raise ImportFileError(PASTED, f"is too large ({len(data) / 2**20:.1f} MB; "
                                      f"{limits.stated(Limit.ARTICLE_MEGABYTES)})")
    return _plausible(replace(_draft_of(PASTED, ".txt", data, limits), source_path=""))


def _draft_of(path: Path, suffix: str, data: bytes, limits: Limits) -> ArticleDraft:
    if suffix == ".eml":
        from desktop_app.core.importers.email_import import draft_from_email

        draft = draft_from_email(data, path, limits)
    elif suffix == ".pdf":
        from desktop_app.core.importers.pdf_import import draft_from_pdf

        draft = draft_from_pdf(data, path)
    else:
        text = decode_bytes(data, path, markup=suffix in (".html", ".htm"))
        if suffix in (".html", ".htm"):
            draft = draft_from_html(text, path, limits)
        else:
            draft = draft_from_text(text, markdown=suffix in (".md", ".markdown"),
                                    fallback_title=path.stem)
    if not draft.text.strip():
        raise ImportFileError(path, "contains no article text")
    # Whatever the reader, a title is one line of text (a mail's Subject may hold a NUL).
    return replace(draft, title=storable(one_line(draft.title)) or storable(path.stem),
                   source_path=storable(str(path)))


def storable(name: str) -> str:
    """A file name as text a project can store: bytes of the name that are not UTF-8 (which
    Python keeps as lone surrogates, and no database accepts) become U+FFFD."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # other lone surrogates
        return name.encode("utf-8", "replace").decode("utf-8")


def _plausible(draft: ArticleDraft, today: date | None = None) -> ArticleDraft:
    """The draft, asked about where its publication day cannot be the day it was published:
    after today (a clock or a template gone wrong; a day's grace for time zones) or before
    printed news (a '0001-01-01' placeholder)."""
    day, today = draft.published, today or date.today()
    if day is None:
        return draft
    if day > today + timedelta(days=1):
        why = f"the file says {day.isoformat()}, which is after today"
    elif day.year < _EARLIEST_YEAR:
        why = f"the file says {day.isoformat()}, which is before {_EARLIEST_YEAR}"
    else:
        return draft
    return replace(draft, published=None, published_guess=day, published_doubt=why)


__all__ = ["SUPPORTED_SUFFIXES", "draft_from_text", "read_article_file"]
