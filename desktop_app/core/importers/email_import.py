"""News e-mails (.eml): subject as title, Date header as publication date, text body.

Real mail is messier than its standards: raw 8-bit headers, bodies without a charset or with
one nobody knows, uuencoded attachments inside the text, parts nested without end. The body
gets the same checks and decoding as any other text file (binary refused, a declared charset
believed where it is a real one, valid UTF-8 kept, else detected).
"""

from __future__ import annotations

import email
import email.policy
import html as html_lib
import re
from email.header import decode_header
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path

from desktop_app.core.edits import ArticleDraft
from desktop_app.core.errors import ImportFileError
from desktop_app.core.importers.decoding import decode_bytes, text_codec
from desktop_app.core.limits import DEFAULT_LIMITS, Limit, Limits
from desktop_app.core.records import DateSource

_TAGS = re.compile(r"<[^<>]+>")  # [^<>]: linear on unclosed tags
# An attachment pasted into the text by an old mailer: uuencoded, or yEnc; each kind's first
# line and the line that ends it.
_ENCODED_BEGIN = re.compile(r"^(?:(?P<uu>begin [0-7]{3,4} \S[^\n]*)|=ybegin [^\n]*)\n",
                            re.MULTILINE)
_ENCODED_END = {True: re.compile(r"^end[ \t]*$", re.MULTILINE),
                False: re.compile(r"^=yend[^\n]*$", re.MULTILINE)}


def _without_encoded_files(text: str) -> str:
    """The text without the attachments pasted into it. Each begin is matched to the next end
    of its kind once (a pattern from each begin to its end read the rest of the text for
    every begin without one: 20,000 such lines took 14 s)."""
    kept: list[str] = []
    at = search = 0
    unended: set[bool] = set()  # kinds with no end after some begin: none after later ones
    while (begin := _ENCODED_BEGIN.search(text, search)) is not None:
        uu = begin["uu"] is not None
        end = None if uu in unended else _ENCODED_END[uu].search(text, begin.end())
        if end is None:
            unended.add(uu)
            search = begin.end()
            continue
        kept.append(text[at:begin.start()])
        at = search = end.end()
    kept.append(text[at:])
    return "".join(kept)


def draft_from_email(data: bytes, path: Path, limits: Limits = DEFAULT_LIMITS) -> ArticleDraft:
    """A draft from a MIME message; HTML-only bodies are reduced to their text."""
    try:
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
        if not msg.keys():
            raise ImportFileError(path, "is not an e-mail message (no headers)")
        body = _text_part(msg, path, limits)
    except RecursionError as exc:
        raise ImportFileError(path, "nests its parts too deeply to be an e-mail") from exc
    payload = body.get_payload(decode=True)
    raw = payload if isinstance(payload, bytes) else b""
    text = decode_bytes(raw, path, declared=body.get_content_charset())
    if body.get_content_type() == "text/html":
        text = html_lib.unescape(_TAGS.sub("", re.sub(r"(?i)<(br|/p|/div)[^<>]*>", "\n", text)))
    text = _without_encoded_files(text).strip()
    if not text:
        raise ImportFileError(path, "has no text body")
    published = None
    if msg["Date"]:
        try:
            published = parsedate_to_datetime(header_text(msg, "Date")).date()
        except (TypeError, ValueError, IndexError):
            published = None
    sender = header_text(msg, "From")
    return ArticleDraft(title=header_text(msg, "Subject") or path.stem, text=text,
                        outlet=sender, author=sender, published=published,
                        published_source=DateSource.METADATA if published else DateSource.UNKNOWN,
                        published_guess=published)


def _text_part(msg: Message, path: Path, limits: Limits) -> Message:
    """The message's text: its first plain-text part, else its first HTML part (parts
    marked as attachments are not the text); walked without recursion, to a depth (real
    newsletters nest three or four deep)."""
    found: dict[str, Message] = {}
    stack: list[tuple[Message, int]] = [(msg, 0)]
    while stack:
        part, depth = stack.pop()
        if depth > limits[Limit.MIME_DEPTH]:
            raise ImportFileError(path, f"nests its parts more than {limits[Limit.MIME_DEPTH]} "
                                        f"deep ({limits.stated(Limit.MIME_DEPTH)})")
        if part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend((child, depth + 1) for child in reversed(children)
                             if isinstance(child, Message))
            continue
        if (part.get("Content-Disposition") or "").lower().startswith("attachment"):
            continue
        kind = part.get_content_type()
        if kind in ("text/plain", "text/html"):
            found.setdefault(kind, part)
            if kind == "text/plain":
                break
    body = found.get("text/plain") or found.get("text/html")
    if body is None:
        raise ImportFileError(path, "has no text body")
    return body


def header_text(msg: Message, name: str) -> str:
    """A header as text: RFC 2047 encoded words decoded by their charset, raw 8-bit bytes
    (which mailers send though they may not) read as UTF-8, a stray byte as windows-1252."""
    # The raw value: the policy would already have turned 8-bit bytes into U+FFFD.
    value = next((v for k, v in msg.raw_items() if k.lower() == name.lower()), None)
    if value is None:
        return ""
    if any(not _BASE64.fullmatch(m.group(1)) for m in _BASE64_WORD.finditer(value)):
        # An encoded word that is no base64 ('=?utf-8?B?!!!?=') decodes to stray bytes: the
        # header as written, rather than mojibake.
        return " ".join(value.split())
    parts = []
    for chunk, charset in decode_header(value):
        raw = chunk if isinstance(chunk, bytes) else chunk.encode("ascii", "surrogateescape")
        parts.append(_header_bytes(raw, charset))
    return " ".join("".join(parts).split())


_BASE64_WORD = re.compile(r"=\?[^?]*\?[bB]\?([^?]*)\?=")
_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")


def _header_bytes(raw: bytes, charset: str | None) -> str:
    codec = text_codec(charset) if charset else None
    if codec is not None and codec != "utf-8":
        return raw.decode(codec, errors="replace")
    # No charset, or UTF-8 (8-bit text labelled UTF-8 may not be): as a page's stray 8-bit
    # bytes are read (decoding.py), UTF-8, each other byte cp1252.
    return raw.decode("utf-8", errors="cp1252-fallback")
