"""Sentence and clause boundaries, and the tense test that decides which way weekdays roll.

The word tests run on the text in lower case (``lowered``), without IGNORECASE: about twice
as fast, and they run for every weekday and every month without a year.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator

from desktop_app.core.temporal.lang.de.lexicon import ABBREVIATIONS as GERMAN_ABBREVIATIONS
from desktop_app.core.temporal.lang.de.lexicon import ORDINAL_AFTER
from desktop_app.core.temporal.lang.en.lexicon import (
    ABBREVIATIONS,
    CLAUSE_WORDS,
    DEICTIC_WORDS,
    DETERMINERS,
    FUTURE_IN_THE_PAST,
    FUTURE_MARKERS,
    LEADING_UP_WORDS,
    MONTHS,
    NAMED_DAY_WORDS,
    PAST_AUXILIARIES,
    PAST_MODALS,
    PAST_VERBS,
    PERFECT_AUXILIARIES,
    PRESENT_AUXILIARIES,
    PRESENT_PERFECT_AUXILIARIES,
    PUT_OFF_TO_WORDS,
    SAID_VERBS,
    WEEKDAYS,
    WITHIN_A_VERB,
)
from desktop_app.core.temporal.lang.en.patterns import RESCHEDULED
from desktop_app.core.temporal.word_trie import word_trie

# A full stop, ! or ? (closing quotes may follow) before a capital or a digit, a blank line, or
# a line break before text. Each way begins with its own character, so the search skips
# straight to those characters instead of trying every position.
# A full stop is no sentence end after an initial ("J. R. Doe", "the U.S. East Coast") or a
# title or abbreviation that is followed by more of its sentence ("Mr. Smith", "Aug. 6").
# A sentence may begin with a name written in camel case ("iPhone 4 will...", "eBay said").
_CLOSING = r"[\"'\u2019\u201d)\]]*(?=\s+[\"'`(\[\u201c\u2018]*(?:[A-Z0-9]|[a-z]{1,3}[A-Z]))"
# "at 6:40 p.m. (GMT +8)", "around 3 p.m. EST": the time's zone follows, the sentence goes on.
_TIME_ZONE_AFTER = (r"(?!(?<=[ap]\.m\.)\s+(?:\(|(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|IST|JST|"
                    r"AES?T|AEDT)\b))")


def _alternatives_by_length(words: tuple[str, ...]) -> list[str]:
    """The words as alternations of words of one length each (a look-behind has one width:
    one look-behind per length, not one per word)."""
    by_length: dict[int, list[str]] = {}
    for word in dict.fromkeys(words):
        by_length.setdefault(len(word), []).append(re.escape(word))
    return ["|".join(group) for _n, group in sorted(by_length.items())]


def _not_after_any(*words: str) -> str:
    """A check that the full stop just matched does not follow one of ``words``."""
    return "".join(rf"(?<!\b(?:{group})\.)" for group in _alternatives_by_length(words))


def _not_ordinal_after(*words: str) -> str:
    """A check that the full stop just matched does not end a one- or two-digit number
    after one of ``words`` ("am 15. Dezember"): an ordinal."""
    return "".join(rf"(?<!\b(?:{group})\s{digits}\.)"
                   for group in _alternatives_by_length(words) for digits in (r"\d", r"\d\d"))


# "am 3. März 2018", "(21. Februar 2022)": a day written as an ordinal before its month and
# year, as German, the Nordic languages, Czech and others write it (by its form, any month
# name: a sentence that ends in a one- or two-digit number and a next one that begins with a
# word and a year are rare).
_ORDINAL_DAY = (r"(?!(?:(?<=\D\d\.)|(?<=\D\d\d\.)|(?<=^\d\.)|(?<=^\d\d\.))"
                r"\s+\w+\.?\s+(?:1[5-9]|20)\d\d(?!\d))")
# (Checked after the full stop is matched, so the search still skips straight to stops.)
# Every language's abbreviations: a text's language is not known here, and the sentences of
# an article in German are cut by the same splitter.
_NOT_AFTER = _not_after_any(*ABBREVIATIONS, *GERMAN_ABBREVIATIONS) + \
    r"(?<![\s.(][A-HJ-Z]\.)(?<!^[A-HJ-Z]\.)" + _TIME_ZONE_AFTER + _ORDINAL_DAY + \
    _not_ordinal_after(*ORDINAL_AFTER)
_SENTENCE_END = re.compile(rf"\.{_NOT_AFTER}{_CLOSING}|!{_CLOSING}|\?{_CLOSING}|\n\s*\n|"
                           r"\n(?=\S)")
# 'after' and 'before' open a clause ('after he left'), but before an article or a possessive
# they are prepositions ('would be made public after a meeting on Friday': one clause).
_CLAUSE_BREAK = re.compile(r";|:|,|\s(?:" + "|".join(CLAUSE_WORDS) + r")\s"
                           r"(?<!after )(?<!before )|\s(?:after|before)\s(?!(?:"
                           + "|".join(DETERMINERS) + r")\s)")
# Words of the future, whole; a contraction ("'ll") after the word it is joined to ("she'll").
_FUTURE_WORDS = "|".join(m for m in FUTURE_MARKERS if not m.startswith("'"))
_FUTURE_ENDINGS = "|".join(m for m in FUTURE_MARKERS if m.startswith("'"))
_FUTURE = re.compile(rf"(?<![\w'])(?:{_FUTURE_WORDS})(?![\w])|(?<=\w)(?:{_FUTURE_ENDINGS})(?![\w])")
# The same, taking the character before instead of looking behind: the search then skips to
# the characters that can come before a word (see scan._shifted).
_FUTURE_AFTER = re.compile(rf"[^\w'](?:{_FUTURE_WORDS})(?![\w])|\w(?:{_FUTURE_ENDINGS})(?![\w])")
_WINDOW = 400


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the sentence that holds text[start:end] (looking at most 400 chars)."""
    return SentenceMarks(text, start - _WINDOW, end + _WINDOW).bounds(start, end)


class SentenceMarks:
    """The sentence marks of text[lo:hi], found once, so that every date of a text finds its
    sentence by bisection: looking around each date again cost a fifth of the analysis of a
    text dense with dates (ten dates to a sentence, every sentence searched ten times)."""

    def __init__(self, text: str, lo: int = 0, hi: int | None = None) -> None:
        self._text = text
        self._lo = max(0, lo)
        self._hi = len(text) if hi is None else min(len(text), hi)
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._future: dict[tuple[int, int], bool] = {}

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The [start, end) of the sentence that holds text[start:end], blank space trimmed:
        from the end of the last mark before it to the end of the first mark after it, at
        most 400 characters away on either side."""
        if self._starts is None:  # most texts' rules never ask
            found = list(_SENTENCE_END.finditer(self._text, self._lo, self._hi))
            self._starts = [m.start() for m in found]
            self._ends = [m.end() for m in found]
        text, starts, ends = self._text, self._starts, self._ends
        lo = max(0, start - _WINDOW)
        before = bisect.bisect_right(ends, start) - 1
        s = ends[before] if before >= 0 and starts[before] >= lo else lo
        after = bisect.bisect_left(starts, end)
        hi = min(len(text), end + _WINDOW)
        e = ends[after] if after < len(ends) and ends[after] <= hi else hi
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e


    def has_future_marker(self, low: str, start: int, end: int) -> bool:
        """``has_future_marker`` of a sentence, worked out once for all its dates."""
        known = self._future.get((start, end))
        if known is None:
            known = self._future[start, end] = has_future_marker(low, start, end)
        return known


def sentences(text: str) -> list[tuple[int, int]]:
    """The [start, end) of every sentence, blank space trimmed."""
    cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
    trimmed = []
    for s, e in zip([0, *cuts], [*cuts, len(text)], strict=True):
        chunk = text[s:e]
        kept = chunk.strip()
        if kept:
            s += len(chunk) - len(chunk.lstrip())
            trimmed.append((s, s + len(kept)))
    return trimmed


# A typographic apostrophe ("won’t", "she’ll", "couldn’t": most published text) is read as
# the typewriter's, so the words of tense written with one are the same words.
_APOSTROPHE = str.maketrans({"\u2019": "'", "\u02bc": "'"})


def lowered(text: str) -> str:
    """text in lower case, character for character (the rare letter whose lower case is
    longer, such as 'İ', is kept), so positions in it are positions in text; apostrophes
    are the typewriter's."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return low.translate(_APOSTROPHE)


def clause_bounds(low: str, start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
    """The clause around low[start:end] (the text lowered): its sentence (sentence_bounds) cut
    at commas and conjunctions."""
    s, e = sentence
    cs = s
    for m in _CLAUSE_BREAK.finditer(low, s, start):
        cs = m.end()
    after = _CLAUSE_BREAK.search(low, end, e)
    return cs, (after.start() if after else e)


_LEADING_UP = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in LEADING_UP_WORDS) + r")\b")


def leads_up_to(low: str, start: int, end: int) -> bool:
    """True when low[start:end], the words before a date in its clause, lead up to it ('ahead
    of Monday's vote', 'before')."""
    return _LEADING_UP.search(low, start, end) is not None


def next_clause_break(low: str, start: int, end: int) -> re.Match[str] | None:
    """The first comma, colon or clause word ('that', 'said') in low[start:end]."""
    return _CLAUSE_BREAK.search(low, start, end)


# A past form or a word in -ed; not one after 'has', 'is', 'been'... (a present perfect or a
# passive, no past tense: 'has continued', 'masks are required'), which _past_verbs checks.
# A past form: an irregular one, or a word in -ed.
_PAST_FORM = word_trie(PAST_VERBS) + r"|\w{3,}ed"
_PAST = re.compile(r"\b(?:" + _PAST_FORM + r")\b(?!')")
_PRESENT_AUXILIARY_BEFORE = re.compile(r"(?<![\w'])(?:" + "|".join(PRESENT_AUXILIARIES)
                                       + r")\s$")


_BEFORE_WORD = re.compile(r"(\w+)\s+$")


def preceding_word(text: str, start: int) -> str:
    """The word just before a position, lower-cased ('since' in 'since March')."""
    m = _BEFORE_WORD.search(text, max(0, start - 20), start)
    return m.group(1).lower() if m else ""


def _past_verbs(low: str, start: int, end: int,
                after: Collection[str] = ()) -> Iterator[re.Match[str]]:
    """The past-tense verbs of low[start:end] (lower-cased), and the participles after the
    auxiliaries ``after`` (a perfect's 'has', 'been'): not one after the other present
    auxiliaries. The words before one are looked at only where a word matched: as
    look-behinds, at every place of the clause, they made the scan twice as slow."""
    for m in _PAST.finditer(low, start, end):
        at = m.start()
        if at and low[at - 1] == "'":
            continue
        auxiliary = _PRESENT_AUXILIARY_BEFORE.search(low, max(0, at - 9), at)
        if auxiliary is None or auxiliary.group().strip() in after:
            yield m


def has_past_verb(low: str, start: int, end: int) -> bool:
    """True when low[start:end] (a clause, lower-cased) has a past-tense verb."""
    return next(_past_verbs(low, start, end), None) is not None


def has_past_form(low: str, start: int, end: int) -> bool:
    """True when low[start:end] (lower-cased) tells of the past: a past tense or a perfect
    ('has fluctuated', 'have gathered', 'has been sold'); not a participle after a present
    or a modal ('is planned', 'should be completed')."""
    return next(_past_verbs(low, start, end, PERFECT_AUXILIARIES), None) is not None


# A present perfect: 'has continued', 'have kept', 'has been closed', 'has also extended'.
_PRESENT_PERFECT = re.compile(r"\b(?:" + "|".join(PRESENT_PERFECT_AUXILIARIES) + r")\s+(?:(?:"
                              + "|".join(WITHIN_A_VERB) + r")\s+)*(?:" + _PAST_FORM + r")\b")


def has_present_perfect(low: str, start: int, end: int) -> bool:
    """True when low[start:end] (lower-cased) has a present perfect: a state reaching to now
    ('has continued to hold the markets closed until Friday': to come)."""
    return _PRESENT_PERFECT.search(low, start, end) is not None


def has_future_marker(low: str, start: int, end: int) -> bool:
    """True when low[start:end] (a clause, lower-cased) speaks of the future ('will meet on
    Tuesday')."""
    if start == 0:
        return _FUTURE.search(low, 0, end) is not None
    return _FUTURE_AFTER.search(low, start - 1, end) is not None


def speaks_of_the_future(low: str, start: int, end: int) -> bool:
    """True when low[start:end] (a clause, lower-cased) speaks of the future from now ('will
    meet', 'is expected to vote', 'plans to'): a word of the future not told of a past moment
    ('would', 'planned to', 'was expected'), and no past-tense verb besides it."""
    markers = list(_FUTURE.finditer(low, start, end))
    if not any(m.group() not in FUTURE_IN_THE_PAST
               and preceding_word(low, m.start()) not in PAST_AUXILIARIES for m in markers):
        return False
    return not any(not any(m.start() <= verb.start() < m.end() for m in markers)
                   for verb in _past_verbs(low, start, end))


_PUT_OFF_TO = re.compile(RESCHEDULED + r"\b(?:" + "|".join(PUT_OFF_TO_WORDS) + r")\s+$")
_PUT_OFF_ENDINGS = tuple(f"{w} " for w in PUT_OFF_TO_WORDS)


def put_off_to(low: str, sentence_start: int, start: int) -> bool:
    """True when what is written at ``start`` is the day a thing was put off to ('postponed
    the vote until Tuesday', 'moved to Friday'): a day still to come when it is reported,
    though the verb is past. Looked for in its sentence, just before it (lower-cased)."""
    return low.endswith(_PUT_OFF_ENDINGS, max(sentence_start, start - 7), start) and \
        _PUT_OFF_TO.search(low, max(sentence_start, start - 80), start) is not None


# 'said', 'said on', 'told reporters', 'told the council on', 'was told': what comes before
# the day a thing was said (after 'told', an object of up to two words or none).
_SAID_ON = re.compile(r"\b(?:(?:" + "|".join(w for w in SAID_VERBS if w != "told")
                      + r")|told(?:\s+[\w-]+){0,2})\s+(?:on\s+)?$")
_SAID_ENDINGS = tuple({f"{w[-3:]} " for w in SAID_VERBS} | {"on "})


def said_on(low: str, sentence_start: int, start: int) -> bool:
    """True when what is written at ``start`` is the day something was said ('the ministry
    said on Wednesday it would ...', 'told reporters Thursday'): a past day, whatever the
    words said speak of (lower-cased)."""
    lo = max(sentence_start, start - 40)
    before = low[lo:start]
    if not (before.endswith(_SAID_ENDINGS) or "told " in before):
        return False  # most dates: nothing said just before them
    said = _SAID_ON.search(low, lo, start)
    # 'details will be announced on Tuesday', 'is to be released Friday': a passive
    # infinitive, the day it will be said
    return said is not None and preceding_word(low, said.start()) != "be"


_PAST_MODAL = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in PAST_MODALS)
                         + r")(?![\w'])")


def has_past_modal(low: str, start: int, end: int) -> bool:
    """True when low[start:end] (a clause, lower-cased) has a modal's past ('could')."""
    return _PAST_MODAL.search(low, start, end) is not None


def only_would(low: str, start: int, end: int) -> bool:
    """The clause's words of the future are all told of a past moment: 'would' (with a past
    verb beside it, reported speech: 'he said the ban would last until September'), or one
    after 'was', 'were', 'had' ('the meeting was originally scheduled to take place in the
    spring')."""
    found = list(_FUTURE.finditer(low, start, end))
    return bool(found) and all(m.group() == "would" or _after_past_auxiliary(low, m.start())
                               for m in found)


def _after_past_auxiliary(low: str, start: int) -> bool:
    """Whether a past auxiliary stands just before ``start``, an adverb in -ly apart."""
    before = preceding_word(low, start)
    if before.endswith("ly"):
        before = preceding_word(low, start - len(before) - 1)
    return before in PAST_AUXILIARIES


_TEXT_BEFORE = re.compile(r"(\S)?\s*$")


def word_before(text: str, start: int) -> str:
    """The word right before a position, separated from it by one space ('' if none)."""
    if start < 2 or text[start - 1] != " " or text[start - 2].isspace():
        return ""
    return text[text.rfind(" ", max(0, start - 30), start - 1) + 1:start - 1]


def named_day_start(text: str, start: int, end: int, word: str) -> int:
    """Where a weekday that is part of a name begins ('Super Tuesday', 'Black Friday'), or
    -1: such a day has a date the text does not give. ``word`` is word_before(start)."""
    if not word[:1].isupper() or word.lower() not in NAMED_DAY_WORDS \
            or text[start:end].lower().rstrip(".") not in WEEKDAYS:
        return -1
    return start - 1 - len(word)


def in_a_title(text: str, start: int, end: int, word: str) -> bool:
    """'This' or 'Today' written with a capital after a capitalised word that does not open
    its sentence: part of a title ('CBS This Morning', 'USA Today'), no time expression.
    ``word`` is word_before(start)."""
    if not word[:1].isupper() or word[-1] in ".!?,;:":  # 'Hugo. Last year': a new sentence
        return False
    stop = start + 1
    while stop < end and text[stop].isalpha():
        stop += 1
    if text[start:stop].lower() not in DEICTIC_WORDS:
        return False
    if word.lower() in WEEKDAYS or word.lower().rstrip(".") in MONTHS:
        return False
    opener = _TEXT_BEFORE.search(text, max(0, start - len(word) - 6), start - len(word) - 1)
    # The capitalised word opens its sentence ('On Today's...'): no title.
    return opener is not None and opener.group(1) is not None \
        and opener.group(1) not in ".!?:\"\u201c"


# Quotation marks that open and close a title: straight and curly double quotes, and the
# doubled backticks and apostrophes of older news wires (``This Week'').
_TITLE_OPENS = ('"', "\u201c", "``", "''")
_TITLE_CLOSE = re.compile(r"(?:\s+[A-Z0-9][\w'-]*)*[.,!?]?(?:\"|\u201d|'')")


def in_quoted_title(text: str, start: int, end: int) -> bool:
    """A time expression of two or more capitalised words that opens a quotation holding
    nothing but capitalised words: the title of a show or a work ('on ABC's "This Week,"',
    'on CBS's "60 Minutes"', '"This Week With David Brinkley"'), no time expression."""
    if not text.startswith(_TITLE_OPENS, max(0, start - 2)) \
            and not text.startswith(_TITLE_OPENS, max(0, start - 1)):
        return False
    words = text[start:end].split()
    if len(words) < 2 or not all(w[0].isupper() or w[0].isdigit() for w in words):
        return False
    # A capital that running text would not have ('Week', 'Minutes'; not 'Next Tuesday').
    if all(w.lower().rstrip(".,") in WEEKDAYS or w.lower().rstrip(".,") in MONTHS
           for w in words[1:]):
        return False
    return _TITLE_CLOSE.match(text, end) is not None
