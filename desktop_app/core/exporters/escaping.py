"""One escaping function per target an export writes into. Every exporter uses these, so a
title, quote, tag, note or URL written by anyone (an article's author, a colleague, an
attacker) reaches the reader as text: no script runs, no markup changes the structure, and a
link is only ever http, https or mailto.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def safe_url(url: str) -> str | None:
    """The URL if a reader may follow it (http, https, mailto), else None.

    Browsers ignore tabs, newlines and leading spaces inside a scheme ("java\\nscript:"), so
    those are removed before the scheme is read.
    """
    cleaned = _CONTROL.sub("", url).strip()
    if not cleaned:
        return None
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return None
    return cleaned if scheme in SAFE_SCHEMES else None


# -- HTML (the HTML report, and TimelineJS, which inserts its fields as HTML) -----------------

def html_text(text: str) -> str:
    """Text for the content of an HTML element; line breaks kept as <br>. (Attribute values
    are escaped by html.escape alone, as html_link does.)"""
    return "<br>".join(html.escape(line, quote=True) for line in text.splitlines() or [""])


def decoded_html_text(text: str) -> str:
    """Text for a field whose reader decodes character references once before inserting it
    as HTML: escaped twice. TimelineJS treats its ``group`` and ``display_date`` so (seen in
    headless Chromium: a once-escaped ``<img onerror>`` in a group ran); the reader then shows
    the text exactly as written."""
    return html_text(html.escape(text, quote=True))


def html_link(url: str, label: str) -> str:
    """An <a> element when the URL is safe to follow, else the label as plain text."""
    href = safe_url(url)
    if href is None:
        return html_text(label)
    return f'<a href="{html.escape(href, quote=True)}">{html_text(label)}</a>'


# -- Markdown (CommonMark and Python-Markdown alike) ---------------------------------------

# Characters with inline meaning. Numeric references work in every Markdown flavour, and a
# reference never opens structure (CommonMark 6.2); a backslash escape does not work for all
# of these in Python-Markdown.
_INLINE = {c: f"&#{ord(c)};" for c in "\\`*_[]<>&|~!{}"}
_INLINE_RE = re.compile("[" + re.escape("".join(_INLINE)) + "]")
_LINE_START = re.compile(r"^([#>+\-=:]|\d+[.)])")


def markdown_text(text: str) -> str:
    """Text for one Markdown paragraph: no inline markup, no raw HTML, and no line that starts a
    heading, quote, list, rule, table or code block; line breaks kept as hard breaks."""
    lines = []
    for line in text.splitlines() or [""]:
        line = _INLINE_RE.sub(lambda m: _INLINE[m.group()], line.lstrip())
        line = _LINE_START.sub(lambda m: _line_start(m.group()), line, count=1)
        lines.append(line)
    return "  \n".join(lines)


def _line_start(marker: str) -> str:
    # The marker's last character (the '.' of '1.', or the symbol itself) becomes a reference;
    # leading spaces, which would make an indented code block, were removed before.
    return marker[:-1] + f"&#{ord(marker[-1])};"


def markdown_link(url: str, label: str) -> str:
    """A Markdown link when the URL is safe to follow, else the label as plain text."""
    href = safe_url(url)
    if href is None:
        return markdown_text(label)
    return f"[{markdown_text(label)}](<{quote(href, safe=_URL_SAFE)}>)"


_URL_SAFE = "/:?#[]@!$&'*+,;=%~-._"
