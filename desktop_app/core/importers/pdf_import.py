"""PDF articles: the text layer via pypdf; scanned PDFs without one are refused clearly."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from desktop_app.core.errors import ImportFileError
from desktop_app.core.importers.decoding import normalise_newlines
from desktop_app.core.importers.plain import draft_from_text
from desktop_app.core.records import ArticleDraft

logging.getLogger("pypdf").setLevel(logging.ERROR)


def draft_from_pdf(data: bytes, path: Path) -> ArticleDraft:
    """A draft from a PDF's text; title from its metadata, else its first line."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF"):
        raise ImportFileError(path, "is not a PDF file (it does not start with %PDF)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ImportFileError(path, "is an encrypted PDF; save an unprotected copy first")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta_title = (reader.metadata.title if reader.metadata else None) or ""
    except ImportFileError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ImportFileError(path, f"could not be read as a PDF ({exc})") from exc
    text = normalise_newlines("\n\n".join(p.strip() for p in pages if p.strip()))
    if not text.strip():
        raise ImportFileError(path, "has no text layer (a scanned document?); run it through "
                                    "OCR first, then import the result")
    draft = draft_from_text(text, fallback_title=path.stem)
    if meta_title.strip():
        draft = ArticleDraft(**{**draft.__dict__, "title": meta_title.strip()[:200]})
    return draft
