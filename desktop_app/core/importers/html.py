"""Saved web pages: trafilatura extracts the main text and metadata; nothing is fetched."""

from __future__ import annotations

import functools
import html as html_lib
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from desktop_app.core.edits import ArticleDraft
from desktop_app.core.errors import ImportFileError
from desktop_app.core.importers.boilerplate import (
    link_texts,
    without_boilerplate,
    without_stamps,
)
from desktop_app.core.importers.dateline import find_dateline, latest_full_date
from desktop_app.core.importers.decoding import normalise_newlines
from desktop_app.core.importers.lead import with_lead
from desktop_app.core.importers.local_day import PageTimes
from desktop_app.core.importers.marked_blocks import MarkedBlock, marked_blocks
from desktop_app.core.importers.repair import with_lost_letters_restored
from desktop_app.core.importers.shown_date import (
    Surroundings,
    surroundings,
    visible_text,
    written_days,
)
from desktop_app.core.limits import DEFAULT_LIMITS, Limit, Limits
from desktop_app.core.records import DateSource


def _htmldate(html: str, extensive: bool = False) -> date | None:
    """htmldate's reading of the page's own date markup (never its URL or the network);
    ``extensive``: also any date-like text in the markup, which is weaker."""
    try:
        from htmldate import find_date

        found = find_date(html, extensive_search=extensive, original_date=True)
        return date.fromisoformat(found) if found else None
    except Exception:  # noqa: BLE001 - a fallback: any failure means 'no date found'
        return None


def _day_in_markup(html: str) -> date | None:
    """A day written somewhere in the page's markup (a comment, a script, an attribute):
    too weak to take, worth offering. Not the 1st of a month: htmldate gives that for a
    month or a year alone (a copyright line's '2022')."""
    day = _htmldate(html, extensive=True)
    return day if day is not None and day.day != 1 else None


# Reading a page takes time in proportion to its elements (200,000 took 16 s) and to the
# square of one element's attributes (40,000 took 18 s). Real saved pages have up to about
# 20,000 elements and tens of attributes on one.
_ELEMENT = re.compile(r"<[A-Za-z]")
_LONG_TAG = 10_000  # characters of a tag that could hold many attributes
_ATTRIBUTE = re.compile(r"""\s[^\s=/>"']+\s*=""")
_SAVE_ALONE = "save the article alone (a browser's reader view) and import that"


def _long_tags(html: str) -> Iterator[str]:
    """The tags of 10,000 characters or more, read as a browser reads them: a tag runs from
    '<' to the next '>', and the next starts after it (a pattern tried at every '<' read a
    page of 100,000 unclosed tags to its end each time: seconds)."""
    at = html.find("<")
    while at >= 0:
        end = html.find(">", at)
        stop = len(html) if end < 0 else end + 1
        if stop - at >= _LONG_TAG and html[at + 1:at + 2].isalpha():
            yield html[at:stop]
        if end < 0:
            return
        at = html.find("<", stop)


def draft_from_html(html: str, path: Path, limits: Limits = DEFAULT_LIMITS) -> ArticleDraft:
    """A draft from an HTML page (scripts, iframes and images are never loaded)."""
    import trafilatura

    elements = sum(1 for _ in _ELEMENT.finditer(html))
    if elements > limits[Limit.HTML_ELEMENTS]:
        raise ImportFileError(path, f"has {elements:,} elements "
                                    f"({limits.stated(Limit.HTML_ELEMENTS)}); {_SAVE_ALONE}")
    most = max((len(_ATTRIBUTE.findall(tag)) for tag in _long_tags(html)),
               default=0)
    if most > limits[Limit.HTML_ATTRIBUTES]:
        raise ImportFileError(path, f"has an element with {most:,} attributes "
                                    f"({limits.stated(Limit.HTML_ATTRIBUTES)}); {_SAVE_ALONE}")

    doc: Any  # trafilatura's Document (or, in older versions, a dict)
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_images=False,
            include_tables=True, include_links=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken pages
        raise ImportFileError(path, f"could not be read as a web page ({exc})") from exc
    if isinstance(doc, dict):  # the older form of the result (as_dict); read it the same way
        doc = SimpleNamespace(**{k: doc.get(k) for k in
                                 ("text", "title", "date", "url", "sitename", "author")})
    if doc is None or not (doc.text or "").strip():
        raise ImportFileError(path, "contains no article text that could be extracted")
    text = normalise_newlines(str(doc.text)).strip()
    if len(text) < _SHORT_TEXT:
        text = _longer_by_recall(html, text)
    text = without_boilerplate(text, lambda: _page_links(html),
                               furniture=lambda: _page_furniture(html))
    title = without_site_name(with_lost_letters_restored((doc.title or "").strip(), html),
                              declared_site_name(html), doc.url or "")
    if title and text.startswith(title):
        text = text[len(title):].lstrip("\n")
    text = with_lost_letters_restored(with_lead(html, text, lambda: _page_text(html)), html)
    dating = _publication(html, doc.date, doc.url or "", title, text)
    # After dating: a stamp is where the page's date may have been read.
    text = without_stamps(text, {day for day in (dating.published, dating.guess) if day})
    return ArticleDraft(title=title or path.stem, text=text, outlet=doc.sitename or "",
                        url=doc.url or "", author=doc.author or "",
                        published=dating.published, published_source=dating.source,
                        published_guess=dating.guess, published_doubt=dating.doubt,
                        published_others=dating.others)


# An extraction this short may be the extractor's precision gone wrong (a site's slogan,
# twice, instead of the article): it is tried again favouring recall, and the other text
# taken where it is at least twice as long.
_SHORT_TEXT = 300


def _longer_by_recall(html: str, text: str) -> str:
    import trafilatura

    try:
        again = trafilatura.bare_extraction(
            html, favor_recall=True, include_comments=False, include_images=False,
            include_tables=True, include_links=False)
    except Exception:  # noqa: BLE001 - the first reading stands
        return text
    other = getattr(again, "text", None) if not isinstance(again, dict) else again.get("text")
    other = normalise_newlines(str(other or "")).strip()
    return other if len(other) >= 2 * len(text) else text


class _Dating(NamedTuple):
    """What a page says of its publication day (the ArticleDraft fields of that name)."""

    published: date | None  # None: to be asked
    source: DateSource
    guess: date | None  # pre-filled when asking
    doubt: str = ""  # why it is asked although a day was found
    others: tuple[tuple[date, str], ...] = ()  # other days the page names, and where


def _publication(html: str, found: str | None, url: str, title: str, text: str) -> _Dating:
    """The page's publication day. ``found``: the extractor's date."""
    times = PageTimes(html)
    published: date | None = None
    source = DateSource.UNKNOWN
    if found:
        try:
            published, source = date.fromisoformat(found[:10]), DateSource.METADATA
        except ValueError:
            published = None
    if published is None:
        published = _htmldate(html)
        source = DateSource.METADATA if published else DateSource.UNKNOWN
    if published is not None:
        published = times.local_day(published)
    dateline = find_dateline(text)
    if published is None:
        published = dateline
        source = DateSource.DATELINE if published else DateSource.UNKNOWN
    if published is None:
        page = _page_text(html)
        around = surroundings(page, title, text)
        # The byline's day, or a "Published on" line's below the text, where nothing else
        # gives one.
        shown = around and (around.day_by_headline() or around.day_after_text())
        if shown:
            return _Dating(shown, DateSource.DATELINE, shown)
        others = [(day, "the page's text, away from the article")
                  for day in _written_once(page)]
        doubt = (f"the page gives no publication date; it writes {others[0][0].isoformat()} "
                 "away from the article") if others else ""
        if not others and (markup := _day_in_markup(html)) is not None:
            others.append((markup, "the page's markup, not shown to readers"))
            doubt = (f"the page gives no publication date; its markup holds "
                     f"{markup.isoformat()}, not shown to readers")
        return _Dating(None, source, latest_full_date(text), doubt, tuple(others))
    address = url_date(url)
    declared = times.declared_days()  # the extractor's day may be the address's, not these
    named = {"dateline": dateline, "address": address, "declared publication time":
             None if not declared or published in declared
             else min(declared, key=lambda day: abs(day - published))}
    doubt = _disagreement(published, source, named)
    if doubt:
        return _Dating(None, source, published, doubt, tuple(
            (day, f"the page's {where}") for where, day in named.items()
            if day is not None and day != published))
    if source is DateSource.METADATA and published not in (dateline, address):
        return _unshown(html, published, title, text, times)
    return _Dating(published, source, published)


# "Headline | Site", "Headline - Site.de", "Headline – SITE": the last part after one of
# these separators, when it names the site.
_TITLE_SEPARATOR = re.compile(r"\s+[|\-\u2013\u2014\u2022:]{1,2}\s+")


def without_site_name(title: str, site: str, url: str) -> str:
    """The headline without the site's name that pages append to their <title> ("... |
    OnlineMarketing.de"): the last part is dropped only when it is the site's name (the
    page's own, or its address's)."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    names = {_letters(site), _letters(host), _letters(host.rsplit(".", 1)[0])} - {""}

    def names_the_site(part: str) -> bool:
        # The name itself, or most of it ("Eat What Tonight" for eatwhattonight.com).
        letters = _letters(part).removeprefix("www")
        return letters in names or (len(letters) >= 5 and any(
            n.startswith(letters) and len(letters) >= 0.6 * len(n) for n in names))

    # The site's name, and whatever follows it ("Headline | Site | The site's slogan").
    for part in parts[1:]:
        if names_the_site(part):
            return title[:title.find(part, len(parts[0]))].rstrip(" |-\u2013\u2014\u2022:")
    return title


_SITE_NAME = re.compile(r"<meta\s[^<>]*?(?:property|name)\s*=\s*[\"'](?:og:site_name|"
                        r"application-name)[\"'][^<>]*>", re.IGNORECASE)  # see lead.py
_CONTENT = re.compile(r"content\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)


def declared_site_name(html: str) -> str:
    """The site's name as the page declares it (og:site_name, application-name); not the
    extractor's guess, which may be the end of the title itself."""
    m = _SITE_NAME.search(html[:100_000])
    content = _CONTENT.search(m.group(0)) if m else None
    return html_lib.unescape(content.group(1)).strip() if content else ""


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?!\d)")


def url_date(url: str) -> date | None:
    """A day in a page's address ('/2021/07/05/...'), which publishers set at publication."""
    m = _URL_DATE.search(url)
    try:
        return date(int(m[1]), int(m[2]), int(m[3])) if m else None
    except ValueError:
        return None


@functools.lru_cache(maxsize=2)  # a page's dates, its lead and its links all read it
def _parsed_page(html: str) -> tuple[str, frozenset[str], tuple[MarkedBlock, ...]]:
    """The page's text as its readers see it (see visible_text), the texts of its links and
    of the blocks its markup names as furniture (see boilerplate.without_boilerplate), from
    one parse; empty if it cannot be parsed."""
    from trafilatura.utils import load_html

    root = load_html(html)
    if root is None:
        return "", frozenset(), ()
    # Before visible_text takes the tree apart:
    links, furniture = link_texts(root), marked_blocks(root)
    return visible_text(root), links, furniture


def _page_text(html: str) -> str:
    return _parsed_page(html)[0]


def _page_links(html: str) -> frozenset[str]:
    return _parsed_page(html)[1]


def _page_furniture(html: str) -> tuple[MarkedBlock, ...]:
    return _parsed_page(html)[2]


def _surroundings(html: str, title: str, text: str) -> Surroundings | None:
    return surroundings(_page_text(html), title, text)


_OTHER_DAYS = 5  # offered when asking; a page listing hundreds (a calendar) is no help


def _written_once(page: str) -> list[date]:
    """The first few days written in full on the page that can be read only one way."""
    days: dict[date, None] = {}
    for readings in written_days(page):
        if len(readings) == 1:
            days.setdefault(readings[0])
            if len(days) == _OTHER_DAYS:
                break
    return list(days)


def _unshown(html: str, day: date, title: str, text: str, times: PageTimes) -> _Dating:
    """The metadata's day, or a question where the page does not show it beside the article
    (pre-filled with the day the byline shows, where it shows another). Where the metadata
    gives its moment in UTC only and the byline shows the day before or after, which that
    moment is somewhere, the byline's is the day the page's readers saw."""
    around = _surroundings(html, title, text)
    if around is None:
        return _Dating(day, DateSource.METADATA, day)
    shown = around.day_by_headline()
    if shown is not None and shown != day and times.utc_day_elsewhere(day, shown):
        return _Dating(shown, DateSource.METADATA, shown)
    if around.shows(day):
        return _Dating(day, DateSource.METADATA, day)
    metadata = ((day, "the page's metadata"),)
    if shown is not None:
        return _Dating(None, DateSource.METADATA, shown,
                       f"the page's metadata says {day.isoformat()}, but the page shows "
                       f"{shown.isoformat()} by the headline", metadata)
    return _Dating(None, DateSource.METADATA, day,
                   f"the page's metadata says {day.isoformat()}, but the page does not show "
                   "that day beside the article")


def _disagreement(chosen: date, source: DateSource, others: dict[str, date | None]) -> str:
    """Why the date must be asked: another of the page's own sources ('address') names
    another day."""
    against = [f"its {where} says {other.isoformat()}" for where, other in others.items()
               if other is not None and other != chosen]
    if not against:
        return ""
    chosen_by = "dateline" if source is DateSource.DATELINE else "metadata"
    return f"the page's {chosen_by} says {chosen.isoformat()}, but " + " and ".join(against)
