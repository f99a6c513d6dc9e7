"""News e-mails (.eml): subject as title, Date header as publication date, text body."""

from __future__ import annotations

import email
import email.policy
import html as html_lib
import re
from email.utils import parsedate_to_datetime
from pathlib import Path

from desktop_app.core.errors import ImportFileError
from desktop_app.core.importers.decoding import normalise_newlines
from desktop_app.core.records import ArticleDraft, DateSource

_TAGS = re.compile(r"<[^>]+>")


def draft_from_email(data: bytes, path: Path) -> ArticleDraft:
    """A draft from a MIME message; HTML-only bodies are reduced to their text."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    if not msg.keys():
        raise ImportFileError(path, "is not an e-mail message (no headers)")
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise ImportFileError(path, "has no text body")
    try:
        text = body.get_content()
    except (LookupError, UnicodeDecodeError) as exc:
        raise ImportFileError(path, f"has a body in an unknown encoding ({exc})") from exc
    if body.get_content_type() == "text/html":
        text = html_lib.unescape(_TAGS.sub("", re.sub(r"(?i)<(br|/p|/div)[^>]*>", "\n", text)))
    published = None
    if msg["Date"]:
        try:
            published = parsedate_to_datetime(str(msg["Date"])).date()
        except (TypeError, ValueError):
            published = None
    sender = str(msg["From"] or "")
    return ArticleDraft(title=str(msg["Subject"] or path.stem).strip(),
                        text=normalise_newlines(text).strip(), outlet=sender,
                        author=sender, published=published,
                        published_source=DateSource.METADATA if published else DateSource.UNKNOWN,
                        published_guess=published)
