"""Propose an event title from a selected passage: its main clause, stored whole.

A title is data (it goes into the CSV, the reports and the calendar), so it is never cut
with an ellipsis; only a clause longer than MAX_TITLE is shortened, at a word, without one.
The views elide what does not fit on screen.
"""

from __future__ import annotations

import re

from desktop_app.core.temporal.lang.en.lexicon import SUBJECT_WORDS, TIME_PREPOSITIONS

MAX_TITLE = 200
_ATTRIBUTION = re.compile(
    r",?\s+(?:according to [^,.;]+|(?:[A-Z][\w.]*\s*){1,4}(?:News|reported|said|says|reports)"
    r"(?: on \w+)?|(?:officials|the ministry|the government|sources|witnesses|he|she|they|it)"
    r"\s+(?:said|says|reported|reports|added))\s*[.!]?\s*$")
_SUBORDINATE = re.compile(r",\s+(?:which|who|whose|saying|as|after|while|because|although|"
                          r"though|but|where|when|adding)\b")
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'()-]{1,40},[^-\u2013\u2014]{1,40}\s[-\u2013\u2014]+\s+")
_LEADING_PHRASE = re.compile(r"^(?:(?:on|in|at|by|during|since|until|late|early|last|this|"
                             r"next)\s+)?[\w .,'-]{0,40}?,\s+")


_SUBJECT_START = re.compile(rf"(?:{'|'.join(SUBJECT_WORDS)})[\s'\u2019]", re.IGNORECASE)
_PREPOSITION = rf"(?:{'|'.join(TIME_PREPOSITIONS)})\s"


def _without_leading_date(text: str, expression: str) -> str:
    """The sentence without the date phrase it opens with, where that phrase only says
    when ("On Monday, the army...", "Last week, talks...", "Last week the army..."): after
    a preposition, before a comma or before the clause's subject. Where the date is part
    of the clause itself ("Saturday's peak demand reached...", "Monday saw the release...")
    the sentence is kept whole: dropping the date left "'s peak demand" or "Saw the
    release"."""
    lead = re.match(rf"\s*(?P<prep>{_PREPOSITION}\s*)?" + re.escape(expression)
                    + r"(?P<comma>\s*,)?(?![\w'\u2019])\s*", text, re.IGNORECASE)
    if lead is None:
        return text
    adverbial = lead["prep"] or re.match(_PREPOSITION, expression, re.IGNORECASE)
    if adverbial or lead["comma"] or _SUBJECT_START.match(text, lead.end()):
        return text[lead.end():]
    return text


def _first_sentence(passage: str) -> str:
    """The passage's first sentence, by the one sentence splitter (which knows "U.S." and
    "Mr." do not end a sentence)."""
    from desktop_app.core.temporal.context import sentences

    found = sentences(passage)
    return passage[:found[0][1]] if found else passage


def propose_title(passage: str, leading_expression: str = "") -> str:
    """A title from the passage: first sentence, without a leading date phrase or attribution."""
    text = " ".join(passage.split())
    text = _DATELINE.sub("", text)
    text = _first_sentence(text)
    if leading_expression:
        text = _without_leading_date(text, leading_expression)
    elif _LEADING_PHRASE.match(text) and any(ch.isdigit() for ch in text[:20]):
        text = text[_LEADING_PHRASE.match(text).end():]  # type: ignore[union-attr]
    text = _ATTRIBUTION.sub("", text)
    m = _SUBORDINATE.search(text)
    if m and m.start() > 20:
        text = text[:m.start()]
    text = text.strip().rstrip(".;:,!?").strip()
    if not text:
        text = " ".join(passage.split())[:MAX_TITLE]
    text = text[0].upper() + text[1:] if text else text
    if len(text) > MAX_TITLE:
        cut = text.rfind(" ", 0, MAX_TITLE + 1)
        text = text[:cut if cut > MAX_TITLE // 2 else MAX_TITLE].rstrip(" ,;:")
    return _quote_closed(text)


# Each opening quotation mark and the mark that closes it (German opens with „ and closes with “).
_CLOSING_MARK = {'"': '"', "\u201c": "\u201d", "\u201e": "\u201c", "\u00ab": "\u00bb",
                 "\u2018": "\u2019"}


_COMMA_BEFORE_CLOSING = re.compile(
    "[,;:]([" + "".join(re.escape(m) for m in sorted(set(_CLOSING_MARK.values()))) + "])$")


def _quote_closed(title: str) -> str:
    """A title that opens a quotation its clause was cut from ('"This is a rapidly changing
    situation, and..." he said' gives '"This is a rapidly changing situation'): the
    quotation closed where the title ends, so it still reads as someone's words."""
    closing = _CLOSING_MARK.get(title[:1])
    if closing is None:
        return title
    title = _COMMA_BEFORE_CLOSING.sub(r"\1", title)  # '"We will go,"' (its "he said" gone)
    opening = title[0]
    if opening == closing:
        open_left = title.count(opening) % 2 == 1
    else:
        open_left = title.count(closing) < title.count(opening)
    return title + closing if open_left else title
