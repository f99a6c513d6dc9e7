"""PDF articles: the text layer via pypdf; scanned PDFs without one are refused clearly."""

from __future__ import annotations

import io
import logging
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from desktop_app.core.edits import ArticleDraft
from desktop_app.core.errors import ImportFileError
from desktop_app.core.importers.decoding import normalise_newlines
from desktop_app.core.importers.plain import draft_from_text
from desktop_app.core.plain_text import one_line

logging.getLogger("pypdf").setLevel(logging.ERROR)


def draft_from_pdf(data: bytes, path: Path) -> ArticleDraft:
    """A draft from a PDF's text; title from its metadata unless that is a placeholder
    ('untitled', 'Microsoft Word - x.doc', 'Binder1.pdf'), else its first line. The PDF's
    creation day is offered when the publication date is asked, never taken: it is when the
    file was made."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    if not data.startswith(b"%PDF"):
        raise ImportFileError(path, "is not a PDF file (it does not start with %PDF)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            # An owner password alone (printing, copying) opens in every viewer, as here.
            raise ImportFileError(path, "is protected by a password; open it with the "
                                        "password and save an unprotected copy first")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
        meta_title = _text(meta.title) if meta else ""
        created = _creation_day(meta)
    except ImportFileError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:  # limits reached too
        raise ImportFileError(path, f"could not be read as a PDF ({exc})") from exc
    except (NotImplementedError, DependencyError) as exc:  # an unknown encryption; JBIG2
        raise ImportFileError(path, f"uses a PDF feature this reader does not support ({exc}); "
                                    "save or print it as a new PDF first") from exc
    text = normalise_newlines("\n\n".join(p.strip() for p in pages if p.strip()))
    if not text.strip():
        raise ImportFileError(path, "has no text layer (a scanned document?); run it through "
                                    "OCR first, then import the result")
    draft = draft_from_text(text, fallback_title=path.stem)
    title = _real_title(meta_title)
    if title:
        draft = replace(draft, title=title[:200])
    if created is not None and created != draft.published:
        draft = replace(draft, published_guess=draft.published_guess or created,
                        published_others=((created, "the PDF's creation date"),))
    return draft


_WRITER_PREFIX = re.compile(r"^Microsoft (?:Word|PowerPoint|Excel) - ", re.IGNORECASE)
_FILE_SUFFIX = re.compile(r"\.(?:docx?|odt|rtf|pdf|pptx?|indd|pages|txt)$", re.IGNORECASE)
# What writing programs put in a PDF's title when the author gave none.
_PLACEHOLDER = re.compile(r"^(?:untitled|no title|title|document|binder|presentation|"
                          r"microsoft word|slide|pdf|scan|print)\s*-?\s*\d*$", re.IGNORECASE)


def _text(value: object) -> str:
    """A metadata value as one clean line (a title may hold a NUL, or not be text at all)."""
    return one_line(value) if isinstance(value, str) else ""


def _real_title(title: str) -> str:
    """The title without what the writing program added; empty for a placeholder."""
    title = _FILE_SUFFIX.sub("", _WRITER_PREFIX.sub("", title)).strip()
    return "" if _PLACEHOLDER.match(title) else title


def _creation_day(meta: object) -> date | None:
    """The day the PDF says it was made; None when it does not say, or says it badly (a
    malformed date costs the candidate, not the import)."""
    try:
        value = getattr(meta, "creation_date", None)
    except (ValueError, TypeError, KeyError):
        return None
    return value.date() if isinstance(value, datetime) else None
