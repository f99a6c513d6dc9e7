"""Lines the extractor keeps of a page that are not the article: photo credits and copyright
notices, and the list of links to other pages that ends many articles ("Related", "Schon
gelesen?", "Lea también"). An event made from either would quote the page's furniture.

Both are told by their form, in any language, not by their words: a credit is what follows
a copyright sign to the end of a short line; a closing list is a run of lines at the text's
end each of which is, whole, the text of one of the page's links (as a related-articles list
is), with the short heading above it. A line that is an address ("www.example.org") is the
article citing a source, and stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_CREDIT_LINE = 200  # a credit or copyright line is short...
_CREDIT = 100  # ...and so is what follows its sign
_SENTENCE_END = re.compile(r"[.!?]\s+\w")  # a second sentence after the sign: prose
_HEADING = 60  # the heading of a closing list ("Auch interessant", "NOTAS RELACIONADAS")
_ADDRESS = re.compile(r"^(?:\w+://|www\.)\S+$|^\S+@\S+\.\w+$", re.IGNORECASE)
_KEEP = 0.5  # a text that is mostly links is a list the user chose to import: kept whole


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def is_credit(line: str) -> bool:
    """Whether a line is a photo credit or a copyright notice: it ends with a copyright sign
    and a name ("Marco Odermatt, Ski-Star. © AFP / MARCO BERTORELLO", "© 2020 General Mills
    All Rights Reserved"), not a sentence that mentions one."""
    at = line.rfind("\u00a9")
    if at < 0 or len(line) > _CREDIT_LINE:
        return False
    credit = line[at:].strip()
    return len(credit) <= _CREDIT and not _SENTENCE_END.search(credit)


def link_texts(root: Any) -> frozenset[str]:
    """The texts of a parsed page's (lxml's) links, whitespace collapsed."""
    return frozenset(t for a in root.iter("a") if (t := _collapsed(a.text_content())))


def without_boilerplate(text: str, links: Callable[[], frozenset[str]]) -> str:
    """``text`` without its credit lines, the list of links that closes it and a heading
    left with nothing under it ("Read more:", where the extractor dropped the list).
    ``links`` gives the page's link texts (read only where the last line could be one)."""
    lines = [line for line in text.split("\n") if not is_credit(line)]
    while lines and not lines[-1].strip():
        lines.pop()
    listed = len(lines)
    if lines and len(lines[-1]) <= _CREDIT_LINE:
        texts = links()
        while listed > 0 and (not lines[listed - 1].strip()
                              or _is_link(lines[listed - 1], texts)):
            listed -= 1
        if len("\n".join(lines[:listed])) < _KEEP * len(text):
            listed = len(lines)
    heading = lines[listed - 1].strip() if listed > 0 else ""
    if heading and len(heading) <= _HEADING and (heading.endswith(":") or (
            listed < len(lines) and heading[-1] not in ".!")):
        listed -= 1  # the list's heading, or one announcing what is not there
    kept = lines[:listed]
    return text if len(kept) == text.count("\n") + 1 else "\n".join(kept).rstrip()


def _is_link(line: str, texts: frozenset[str]) -> bool:
    line = _collapsed(line)
    return line in texts and not _ADDRESS.match(line)
