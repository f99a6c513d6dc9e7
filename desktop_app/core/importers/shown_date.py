"""Whether a page shows its publication day beside the article, as its readers see it.

A page's metadata names a day, but which day? On real pages it is often not the article's:
the date of the newest reader comment, of a teaser in the sidebar, of the site template's
last rebuild. The article's own day is nearly always also shown to readers, in the byline
under the headline or in a "Published on" line at the end of the text. So the metadata's
day is taken without asking only where the page shows that same day between its headline
and the end of the article's text, or as the one date just after it (reader comments are
not part of the page's own text; a list of dates after the text is a list of other things).
On the shared real pages, 43 of the 69 metadata days not shown beside the article were
wrong; of the 451 shown there, 19.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple

# Characters looked at before the headline (a dateline or kicker above it) and after the end
# of the article's text (a "Published on" or "Stand:" line below it).
_BEFORE_HEADLINE = 600
_AFTER_TEXT = 300
# A paragraph's first or last characters find it in the page; shorter ones are not unique.
_KEY_CHARS = 30

_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg"})
# Class or id tokens of reader-comment sections (WordPress, Disqus and common themes); a
# token must be the whole name: 'commentary' and 'showing-comments' are not comments.
_COMMENTS = re.compile(r"comments?|commentlist|comment-?(?:list|area|section|wrapper|container"
                       r"|body|content|meta|\d+)|comments-(?:area|section|wrapper|list|container)"
                       r"|disqus_thread|respond|kommentare?", re.IGNORECASE)
# Ids of what an archive adds around a page it keeps: the Wayback Machine's toolbar, whose
# capture calendar ("22 captures 21 Feb 2007 - 23 Mar 2021") sits just above the headline.
_ARCHIVE_TOOLBARS = frozenset({"wm-ipp-base", "wm-ipp"})

# Month names as bylines write them, in the languages the importer meets most; a page in
# another language still counts its numeric dates.
_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("jan", "januar", "jänner", "january", "janvier", "enero", "gennaio", "janeiro", "januari",
     "gener", "stycznia", "января", "tammikuuta"),
    ("feb", "februar", "feber", "february", "février", "fevrier", "febrero", "febbraio",
     "fevereiro", "februari", "febrer", "lutego", "февраля", "helmikuuta"),
    ("mar", "mär", "märz", "maerz", "march", "mars", "marzo", "março", "maart", "marts", "març",
     "marca", "марта", "maaliskuuta"),
    ("apr", "april", "avril", "abril", "aprile", "kwietnia", "апреля", "huhtikuuta"),
    ("may", "mai", "mayo", "maggio", "maio", "mei", "maig", "maj", "maja", "мая",
     "toukokuuta"),
    ("jun", "juni", "june", "juin", "junio", "giugno", "junho", "juny", "czerwca", "июня",
     "kesäkuuta"),
    ("jul", "juli", "july", "juillet", "julio", "luglio", "julho", "juliol", "lipca", "июля",
     "heinäkuuta"),
    ("aug", "august", "août", "aout", "agosto", "augustus", "agost", "sierpnia", "августа",
     "elokuuta"),
    ("sep", "sept", "september", "septembre", "septiembre", "settembre", "setembro",
     "setembre", "września", "сентября", "syyskuuta"),
    ("oct", "okt", "oktober", "october", "octobre", "octubre", "ottobre", "outubro",
     "października", "октября", "lokakuuta"),
    ("nov", "november", "novembre", "noviembre", "novembro", "listopada", "ноября",
     "marraskuuta"),
    ("dec", "dez", "dezember", "december", "décembre", "decembre", "diciembre", "dicembre",
     "dezembro", "desembre", "grudnia", "декабря", "joulukuuta"),
)


def _ascii_digits(text: str) -> str:
    """Every decimal digit as its ASCII form (Bengali, Arabic-Indic, full-width...)."""
    table = {ord(ch): str(unicodedata.digit(ch)) for ch in set(text)
             if ch.isdecimal() and not ch.isascii()}
    return text.translate(table) if table else text


def _is_comments(element: Any) -> bool:
    tokens = f"{element.get('class') or ''} {element.get('id') or ''}".split()
    return any(_COMMENTS.fullmatch(t) for t in tokens)


def visible_text(root: Any) -> str:
    """The page's text in reading order, whitespace collapsed, without scripts, reader
    comments or an archive's toolbar; a ``<time>``'s machine date is kept where the element
    stands. ``root`` is changed: it is a parse of the page made for this."""
    from lxml import etree

    etree.strip_elements(root, *_HIDDEN, etree.Comment, with_tail=False)
    for element in root.xpath("//*[@class or @id]"):
        if (_is_comments(element) or element.get("id") in _ARCHIVE_TOOLBARS) \
                and element.getparent() is not None:
            element.drop_tree()  # its tail, text after the section, stays
    for element in root.xpath("//*[@datetime]"):
        element.text = f" {element.get('datetime')} {element.text or ''}"
    return " ".join(_ascii_digits(root.text_content()).split())


def _find_paragraph(page: str, paragraphs: list[str], from_end: bool) -> int:
    """Where the article's text starts (or ends) in the page's text; -1 when not found."""
    for para in (reversed(paragraphs) if from_end else paragraphs):
        para = " ".join(_ascii_digits(para).split())
        if len(para) < _KEY_CHARS:
            continue
        if from_end:
            at = page.rfind(para[-_KEY_CHARS:])
            if at >= 0:
                return at + _KEY_CHARS
        else:
            at = page.find(para[:_KEY_CHARS])
            if at >= 0:
                return at
    return -1


def where_text_starts(page: str, text: str) -> int:
    """Where the article's text begins in the page's text (its first paragraph long enough
    to be told apart that is found); -1 when none is."""
    return _find_paragraph(page, [p for p in text.split("\n") if p.strip()], from_end=False)


def article_span(page: str, title: str, text: str) -> tuple[int, int, bool] | None:
    """Where the article stands in the page's text: from its headline (or first paragraph)
    to the end of its text, and whether that end was found (else it is where the article
    begins); None when neither can be found."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    start = _find_paragraph(page, paragraphs, from_end=False)
    headline = " ".join(title.split())[:_KEY_CHARS]
    head = -1
    if len(headline) >= 8:  # a short title ('News') is found anywhere
        head = page.rfind(headline, 0, start + 1) if start >= 0 else page.find(headline)
    found = [at for at in (head, start) if at >= 0]
    if not found:
        return None
    end = _find_paragraph(page, paragraphs, from_end=True)
    return min(found), max(end, start, head), end >= 0


class Surroundings(NamedTuple):
    """The page's text around the article: from just above its headline to just after the
    end of its text, where the headline (or the first paragraph) stands in it, and where the
    article's text ends."""

    text: str
    headline_at: int
    text_end: int
    end_found: bool = True  # else text_end is where the article begins, not where it ends

    def shows(self, day: date) -> bool:
        """Whether ``day`` is written from above the headline to the end of the text, or is
        the one day written just after it (a "Published on" line; several days there are a
        list of other things: teasers, comments)."""
        if any(day in readings for readings in written_days(self.text[:self.text_end])):
            return True
        return self._days_after_text() == {day}

    def day_by_headline(self) -> date | None:
        """The full date written nearest the headline (the byline's, as a rule) that can
        be read only one way. Not the first one near it: above the headline, many sites'
        headers show today's date, the day the page was saved."""
        lo = max(0, self.headline_at - _BEFORE_HEADLINE)
        near = self.text[lo:min(self.headline_at + _BEFORE_HEADLINE, self.text_end)]
        at = self.headline_at - lo
        found = [(max(start - at, at - end, 0), days[0])
                 for start, end, days in dates_written(near) if len(days) == 1]
        return min(found, key=lambda f: f[0])[1] if found else None

    def day_after_text(self) -> date | None:
        """The day of a "Published on" line below the article: the one day written just
        after its text, where only one is, and it can be read only one way."""
        if not self.end_found:
            return None
        after = self._days_after_text()
        return next(iter(after)) if len(after) == 1 else None

    def _days_after_text(self) -> set[date]:
        """Every day the text just after the article's can be read as."""
        return {d for readings in written_days(self.text[self.text_end:]) for d in readings}


def surroundings(page: str, title: str, text: str) -> Surroundings | None:
    """The article's surroundings in ``page`` (a page's visible_text); None when the article
    cannot be found in it."""
    span = article_span(page, title, text)
    if span is None:
        return None
    lo = max(0, span[0] - _BEFORE_HEADLINE)
    return Surroundings(page[lo:span[1] + _AFTER_TEXT], span[0] - lo, span[1] - lo, span[2])


_MONTH_OF = {name: n for n, names in enumerate(_MONTH_NAMES, 1) for name in names}
_ANY_MONTH = "|".join(re.escape(n) for n in sorted(_MONTH_OF, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_WRITTEN_DAY = re.compile(
    # ISO, and its compact form
    rf"(?<!\d)(?P<iy>{_YEAR})(?:-(?P<im>\d\d)-(?P<id>\d\d)|(?P<cm>[01]\d)(?P<cd>[0-3]\d)(?!\d))"
    # year first, as East Asian pages write it (2020.5.4, 2020年5月4日)
    rf"|(?<!\d)(?P<ey>{_YEAR})\s?[./年]\s?(?P<em>\d{{1,2}})\s?[./月]\s?(?P<ed>\d{{1,2}})(?!\d)"
    # day first (04.05.2020, 4-5-20, 4 | 5 | 2020), or either way round with slashes (5/4/2020)
    rf"|(?<!\d)(?P<a>\d{{1,2}})\s?(?P<sep>[./|-])\s?(?P<b>\d{{1,2}})\s?(?P=sep)\s?"
    rf"(?P<ay>{_YEAR}|\d\d)(?!\d)"
    # a day before its month's name (4 May 2020, 4. Mai 2020, 4 de mayo de 2020, 4 / mai / 2020)
    rf"|(?<!\d)(?P<nd>\d{{1,2}})(?:\.|st|nd|rd|th|er|º)?\s*(?:/\s*|de\s+|d[e’']\s*)?"
    rf"(?P<nm>{_ANY_MONTH})\.?,?\s*(?:/\s*|de\s+)?(?P<ny>{_YEAR})"
    # a month's name before its day (May 4th, 2020; no word boundary is asked for before
    # it: the page's text runs neighbouring elements together, "TechnologyJan 18, 2019")
    rf"|(?P<mm>{_ANY_MONTH})\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>{_YEAR})",
    re.IGNORECASE)


def written_days(text: str) -> Iterator[tuple[date, ...]]:
    """Each full date written in ``text``, as the days it can be read as: one, or two for
    '5/4/2020' (4 May or 5 April), none for an impossible one."""
    return (days for _start, _end, days in dates_written(text))


def dates_written(text: str) -> Iterator[tuple[int, int, tuple[date, ...]]]:
    """written_days, with where each date is written: (start, end, days)."""
    for m in _WRITTEN_DAY.finditer(text):
        g = m.groupdict()
        if g["iy"]:
            ymd = [(g["iy"], g["im"] or g["cm"], g["id"] or g["cd"])]
        elif g["ey"]:
            ymd = [(g["ey"], g["em"], g["ed"])]
        elif g["a"]:
            year = g["ay"] if len(g["ay"]) == 4 else f"20{g['ay']}"
            ymd = [(year, g["b"], g["a"])]
            if g["sep"] == "/":  # American pages write the month first
                ymd.append((year, g["a"], g["b"]))
        elif g["nd"]:
            ymd = [(g["ny"], str(_MONTH_OF[g["nm"].lower()]), g["nd"])]
        else:
            ymd = [(g["my"], str(_MONTH_OF[g["mm"].lower()]), g["md"])]
        days = []
        for y, mo, d in ymd:
            try:
                days.append(date(int(y), int(mo), int(d)))
            except ValueError:
                continue
        yield m.start(), m.end(), tuple(dict.fromkeys(days))
