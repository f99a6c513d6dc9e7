"""Lines the extractor keeps of a page that are not the article: photo credits and copyright
notices, teasers for other articles set between its paragraphs ("Read more: ...", "Lire
aussi : ..."), the list of links to other pages that ends many articles ("Related", "Schon
gelesen?") or the cards of other articles, a list of links that opens one, a signature or
source after the last paragraph, blocks the page's markup names as furniture (a newsletter
box, a disclosure: see marked_blocks), and the page's date stamps (which the reader shows
above the text). An event made from any would quote the page's furniture, and a stamp would
be offered as a dated passage.

All are told by their form, in any language, not by their words: a credit is what follows
a copyright sign to the end of a short line; a teaser is a label of a few words and a colon
before the whole text of one of the page's links, as long as a headline; a closing list is a
run of lines at the text's end each of which is, whole, the text of one of the page's links,
with the short heading above it, or two or more cards alike, each such a link (a headline)
with as many lines under it; an opening list is two or more list items that are links; a
closing note is a short last line that is no sentence; a stamp is a date with at most a few
words; a block of furniture is named so by the page's own class names, not by its words. A
line that is an address ("www.example.org") is the article citing a source, and stays; so
does a date line at the start that is not the publication day (a chronology's first
heading).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection
from datetime import date
from typing import Any

from desktop_app.core.importers.marked_blocks import MarkedBlock, furniture_lines
from desktop_app.core.importers.shown_date import dates_written
from desktop_app.core.plain_text import collapsed

_CREDIT_LINE = 200  # a credit or copyright line is short...
_CREDIT = 100  # ...and so is what follows its sign
_SENTENCE_END = re.compile(r"[.!?]\s+\w")  # a second sentence after the sign: prose
_HEADING = 60  # the heading of a closing list ("Auch interessant", "NOTAS RELACIONADAS")
_SENTENCE_CLOSE = re.compile(r"[.!?\u2026\"'\u2019\u201c\u201d\u00ab\u00bb)\]]$")
_LIST_ITEM = re.compile(r"\s*(?:[-\u2022*\u2013]|\d+[.)])\s")
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_ADDRESS = re.compile(r"^(?:\w+://|www\.)\S+$|^\S+@\S+\.\w+$", re.IGNORECASE)
_KEEP = 0.5  # a text that is mostly links is a list the user chose to import: kept whole
# A teaser's label: one to five words of letters (one pattern per word, so that a long line
# without a colon is tried in linear time), after a list's dash or arrows.
_TEASER = re.compile(r"[-\u2013>\u00bb\s]*[^\W\d_]+(?:\s[^\W\d_]+){0,4}\s?:\s+(?P<headline>.+)")
_TEASER_LINE = 300
_HEADLINE_WORDS = 6  # another article's headline, not a label's value ("Agency: Saram")
_SENTENCE_BREAK = re.compile(r"(?<![.\s])[.!?]\s+\w")  # not an ellipsis ("Fragen an ... Dani")
_CARD_WORDS, _CARD_HEADLINE = 4, 150  # a card's headline: a link's text this long...
_CARD_LINES = 2  # ...with at most this many lines under it (a date, a summary)...
_CARD_SUMMARY = 600  # ...none longer than this (an article's first lines)



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
    return frozenset(t for a in root.iter("a") if (t := collapsed(a.text_content())))


def without_boilerplate(text: str, links: Callable[[], frozenset[str]],
                        furniture: Callable[[], tuple[MarkedBlock, ...]] = tuple) -> str:
    """``text`` without its credit lines, teasers, the lines of blocks the page's markup
    names as furniture (see marked_blocks), a list of links to other articles that opens it,
    the list or cards of them that close it and a heading left with nothing under it ("Read
    more:", where the extractor dropped the list). ``links`` gives the page's link texts
    (read only where some line could be one), ``furniture`` its marked blocks."""
    page_links = functools.cache(links)
    lines = [line for line in text.split("\n") if not is_credit(line)]
    marked = furniture_lines(lines, furniture())
    lines = [line for i, line in enumerate(lines) if i not in marked]
    headlines = [_teaser_headline(line) for line in lines]
    if any(headlines):
        lines = [line for line, headline in zip(lines, headlines, strict=True)
                 if not _is_link(headline, page_links())]
    while lines and not lines[-1].strip():
        lines.pop()
    listed = _closing_list(lines, page_links, len(text))
    if listed > 0 and _closing_note(lines[:listed], above_list=listed < len(lines)):
        listed -= 1
    kept = lines[_opening_list(lines[:listed], page_links):listed]
    return text if len(kept) == text.count("\n") + 1 else "\n".join(kept).rstrip()


def _closing_list(lines: list[str], links: Callable[[], frozenset[str]], length: int) -> int:
    """Where the list of links or the cards of other articles that close the text begin
    (len(lines) where none does, or where the text is mostly such lines: a list the user
    chose to import)."""
    listed = len(lines)
    if lines and len(lines[-1]) <= _CREDIT_LINE:
        while listed > 0 and (not lines[listed - 1].strip()
                              or _is_link(lines[listed - 1], links())):
            listed -= 1
        if len("\n".join(lines[:listed])) < _KEEP * length:
            listed = len(lines)
    if (cards := _closing_cards(lines, links)) < listed \
            and len("\n".join(lines[:cards])) >= _KEEP * length:
        listed = cards
    return listed


def _opening_list(lines: list[str], links: Callable[[], frozenset[str]]) -> int:
    """Where the text begins after a list of links to other articles that opens it: two or
    more list items ("- <headline>") each of which is, whole, one of the page's links. A
    first heading that is a link (a README's anchor) is no list."""
    start = 0
    while start < len(lines) and (not lines[start].strip() or (
            _LIST_ITEM.match(lines[start]) and _is_link(lines[start], links()))):
        start += 1
    items = sum(1 for line in lines[:start] if line.strip())
    if items < 2 or len("\n".join(lines[start:])) < _KEEP * len("\n".join(lines)):
        return 0
    return start


def _closing_cards(lines: list[str], links: Callable[[], frozenset[str]]) -> int:
    """Where the other articles' cards that end a text begin (len(lines) if they do not):
    two or more alike, each a headline that is, whole, one of the page's links, with as many
    lines under each, at most a date and a summary ("NOTAS RELACIONADAS / <headline> /
    Jueves 21 abril, 2022 / <its first lines>"; the last card may have fewer, its date being
    above it). A paragraph between two links to offers is no card's."""
    start, cards, under = len(lines), 0, 0
    last_under, shape = -1, -1  # lines under the last card, under each of the others
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line.strip():
            continue
        if _could_be_headline(line) and _is_link(line, links()):
            if cards == 0:
                last_under = under
            elif shape < 0 <= under - last_under or under == shape:
                shape = under
            else:
                break
            start, cards, under = i, cards + 1, 0
        elif under == _CARD_LINES or len(line) > _CARD_SUMMARY:
            break
        else:
            under += 1
    return start if cards >= 2 else len(lines)


def _could_be_headline(line: str) -> bool:
    """Whether a line has a headline's length: a few words, at most one sentence."""
    return _CARD_WORDS <= len(line.split()) and len(line) <= _CARD_HEADLINE \
        and not _SENTENCE_BREAK.search(line)


def _closing_note(lines: list[str], above_list: bool) -> bool:
    """Whether the last of ``lines`` is none of the article's prose: the heading of the list
    below it or of nothing ("Read more:"), or a signature, a source or a photo credit after
    the last paragraph ("Quelle: kathpress", "Götz Warnke", "Fotos: Berliner Feuerwehr"):
    short, and no sentence, no list's item, no table's row (a table's last row is data), no
    line with a year (a chronology's last entry, "2021: talks resume"), no quoted post's
    signature (with its handle)."""
    last = lines[-1].strip()
    if not last or len(last) > _HEADING:
        return False
    if last.endswith(":") or above_list:
        return last[-1] not in ".!"
    before = lines[-2].strip() if len(lines) > 1 else ""
    return (len(before) > _HEADING and not _SENTENCE_CLOSE.search(last)
            and not _LIST_ITEM.match(lines[-1]) and "@" not in last
            and not last.startswith("|") and not _YEAR.search(last))


def _teaser_headline(line: str) -> str:
    """What follows a teaser's label, where the line has that form; else ''."""
    if len(line) > _TEASER_LINE or not (m := _TEASER.fullmatch(collapsed(line))):
        return ""
    return m["headline"] if len(m["headline"].split()) >= _HEADLINE_WORDS else ""


def _is_link(line: str, texts: frozenset[str]) -> bool:
    """Whether a line is, whole, one of the page's links, or a list's item that is one (the
    extractor marks a list's items: "- <headline>")."""
    line = collapsed(line)
    item = collapsed(_LIST_ITEM.sub("", line, count=1)) if _LIST_ITEM.match(line) else line
    return bool(line) and (line in texts or item in texts) and not _ADDRESS.match(item)


_STAMP_LINE = 80
_STAMP_WORDS = 4  # besides the date and time: "Datum", "zuletzt überarbeitet am", a name
_STAMP_LETTERS = 30  # (and as many letters: a CJK line has few words, many letters)
_CLOCK = re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?\s?m\.?|uhr|h)?(?!\w)",
                    re.IGNORECASE)
_STAMPS_AT_START = 2  # lines: the byline's date may follow a subtitle or an author line


def stamp_days(line: str) -> set[date]:
    """The days a date stamp line names; empty where the line is no stamp: its words are
    more than a label and a name, or it is a quoted post's signature, a table's row or a
    list's item (a chronology's "- 5 March 2020: talks end")."""
    if len(line) > _STAMP_LINE or "@" in line or line.lstrip().startswith("|"):
        return set()  # a handle: a post's signature; a table's row: data
    found = list(dates_written(line))
    if _LIST_ITEM.match(line) and not (found and found[0][0] == len(line) - len(line.lstrip())):
        return set()  # a list's item, unless its number is the date's day ("21. Jan 2022")
    rest = line
    for start, end, _days in reversed(found):
        rest = rest[:start] + " " + rest[end:]
    rest = _CLOCK.sub(" ", rest)
    if len(re.findall(r"\w+", rest)) > _STAMP_WORDS \
            or sum(ch.isalpha() for ch in rest) > _STAMP_LETTERS:
        return set()
    return {day for _start, _end, days in found for day in days}


def without_stamps(text: str, published: Collection[date]) -> str:
    """``text`` without the date stamps at its start (those of a ``published`` day) and
    at its end (a last line that is a date: when it was updated)."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 2:
        return text
    drop = {i for i in filled[:_STAMPS_AT_START] if stamp_days(lines[i]) & set(published)}
    if stamp_days(lines[filled[-1]]):
        drop.add(filled[-1])
    if not drop or len(drop) == len(filled):
        return text
    return "\n".join(line for i, line in enumerate(lines) if i not in drop).strip()
