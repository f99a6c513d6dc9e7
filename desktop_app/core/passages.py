"""Dated passages of an article: which sentences hold a date, which are already on the
timeline (coverage), and event suggestions for the rest. Pure functions over plain data."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from desktop_app.core.dating import ArticleDating
from desktop_app.core.gc_pause import gc_paused
from desktop_app.core.records import EventDate
from desktop_app.core.temporal import TemporalExpression
from desktop_app.core.temporal.context import sentences
from desktop_app.core.titles import propose_title


@dataclass(frozen=True)
class DatedPassage:
    """A sentence holding a dated expression, and whether an event already quotes it."""

    expression: TemporalExpression
    sentence_start: int
    sentence_end: int
    used: bool


@dataclass(frozen=True)
class DatedSentence:
    """A sentence with every dated expression in it: listed once, on the timeline (``used``)
    when an event quotes any of them."""

    start: int
    end: int
    passages: tuple[DatedPassage, ...]
    used: bool

    @classmethod
    def of(cls, start: int, end: int, passages: tuple[DatedPassage, ...]) -> DatedSentence:
        return cls(start, end, passages, any(p.used for p in passages))


def by_sentence(passages: tuple[DatedPassage, ...]) -> tuple[DatedSentence, ...]:
    """The passages grouped by sentence, in text order."""
    groups: dict[tuple[int, int], list[DatedPassage]] = {}
    for p in passages:
        groups.setdefault((p.sentence_start, p.sentence_end), []).append(p)
    return tuple(DatedSentence.of(s, e, tuple(ps)) for (s, e), ps in sorted(groups.items()))


@dataclass(frozen=True)
class EventSuggestion:
    """A proposed event: the sentence as its quote, with title and date as Ctrl+E would give."""

    start: int
    end: int
    title: str
    date: EventDate

    @property
    def confident(self) -> bool:
        """Dated by an expression of its own sentence (not assumed from the publication
        date) that the engine is sure of: the Suggest dialog ticks these for the user."""
        return not self.date.assumed and not self.date.doubts


def article_expressions(text: str, published: date | None) -> list[TemporalExpression]:
    """Every temporal expression of an article, by the news rules when the publication date is
    known, else by the narrative rules."""
    from desktop_app.core.temporal.engine import find_expressions

    return find_expressions(text, published, mode="news" if published else "narrative")


def dated_passages(text: str, expressions: list[TemporalExpression],
                   quotes: list[tuple[int, int]]) -> list[DatedPassage]:
    """One entry per dated expression, with its sentence; used when a quote overlaps it.
    Sentences that state nothing but their dates are left out (see ``_states_something``)."""
    bounds = sentences(text)
    starts = [s for s, _ in bounds]
    index = _QuoteIndex(quotes)
    spans = sorted((e.start, e.end) for e in expressions)
    stating: dict[int, bool] = {}
    out = []
    for e in expressions:
        if e.earliest is None or e.type not in ("DATE", "TIME"):
            continue
        i = max(0, bisect.bisect_right(starts, e.start) - 1)
        s, t = bounds[i] if bounds else (0, len(text))
        if i not in stating:
            stating[i] = _states_something(text, s, t, spans)
        if stating[i]:
            out.append(DatedPassage(e, s, t, _quoted(e, index)))
    return out


_WORD = re.compile(r"[^\W\d_]+")


def _states_something(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether text[start:end] says something besides its dates: a word in lower case
    outside them (every statement has one: its verb, at least), or letters of a script
    without case. Headings, bylines, date stamps, table rows and citations have none
    ("Datum 25.01.2022", "DRUMMER OF THE YEAR", "| Friend | 2000 |", "(Schrenker, 2020)"):
    on the shared real pages they were one suggestion in eight, none of them an event."""
    pieces, at = [], start
    for k in range(bisect.bisect_left(spans, (start, -1)), len(spans)):
        s, e = spans[k]
        if s >= end:
            break
        pieces.append(text[at:max(at, s)])
        at = max(at, e)
    pieces.append(text[at:end])
    for word in _WORD.findall(" ".join(pieces)):
        if len(word) >= 2 and word[0].islower() or any(
                not ch.islower() and not ch.isupper() for ch in word):
            return True
    return False


class _QuoteIndex:
    """Does any quote overlap a range? Quotes sorted by start with the furthest end reached
    so far, so each question is one bisection (an article can hold thousands of both)."""

    def __init__(self, quotes: list[tuple[int, int]]) -> None:
        ordered = sorted(quotes)
        self._starts = [qs for qs, _qe in ordered]
        self._reach: list[int] = []
        furthest = -1
        for _qs, qe in ordered:
            furthest = max(furthest, qe)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)  # quotes starting before the range ends
        return i > 0 and self._reach[i - 1] > start


def _quoted(e: TemporalExpression, quotes: _QuoteIndex) -> bool:
    """Whether any quote overlaps the expression (its passage is on the timeline)."""
    return quotes.overlaps(e.start, e.end)


def analyse_article(article_id: int, text: str, published: date | None,
                    quotes: list[tuple[int, int]]) -> ArticleAnalysis:
    """Expressions and dated passages of an article (pure: safe on a worker thread; the
    collector pauses while their objects, which hold no cycles, are built)."""
    with gc_paused():
        expressions = article_expressions(text, published)
        return ArticleAnalysis(article_id, tuple(expressions),
                               tuple(dated_passages(text, expressions, quotes)),
                               tuple(sorted(quotes)))


def suggest_events(text: str, published: date | None, passages: list[DatedPassage],
                   expressions: Sequence[TemporalExpression]) -> list[EventSuggestion]:
    """One suggestion per dated sentence not on the timeline yet, dated from the article's
    own ``expressions``."""
    with gc_paused():
        return _suggested(text, published, passages, expressions)


def _suggested(text: str, published: date | None, passages: list[DatedPassage],
               expressions: Sequence[TemporalExpression]) -> list[EventSuggestion]:
    dating = ArticleDating(text, published, expressions)
    out = []
    for sentence in by_sentence(tuple(passages)):
        if sentence.used:
            continue
        d = dating.date(sentence.start, sentence.end)
        out.append(EventSuggestion(sentence.start, sentence.end,
                                   propose_title(text[sentence.start:sentence.end],
                                                 d.expression), d))
    return out


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything the reader and the coverage panel show about an article's dates."""

    article_id: int
    expressions: tuple[TemporalExpression, ...]
    passages: tuple[DatedPassage, ...]  # in text order
    quotes: tuple[tuple[int, int], ...] = ()  # the quotes the used flags were worked out for

    @cached_property
    def sentences(self) -> tuple[DatedSentence, ...]:
        """The dated sentences, each once with all its dates (grouped once per analysis:
        the panel and the counts read them at every edit)."""
        return by_sentence(self.passages)

    @cached_property
    def used_count(self) -> int:
        """How many dated sentences are on the timeline already."""
        return sum(1 for s in self.sentences if s.used)

    @cached_property
    def _layout(self) -> tuple[list[int], int, list[int]]:
        """Each passage's start, the longest passage, and each passage's sentence number."""
        sentence_of = {(s.start, s.end): i for i, s in enumerate(self.sentences)}
        return ([p.expression.start for p in self.passages],
                max((p.expression.end - p.expression.start for p in self.passages), default=0),
                [sentence_of[p.sentence_start, p.sentence_end] for p in self.passages])

    def with_quotes(self, quotes: list[tuple[int, int]]) -> ArticleAnalysis:
        """The same analysis after events were added or removed (no engine run needed): only
        the passages under a quote that came or went are looked at again."""
        index, now = _QuoteIndex(quotes), tuple(sorted(quotes))
        starts, longest, sentence_of = self._layout
        changed_quotes = set(now).symmetric_difference(self.quotes)
        passages = list(self.passages)
        touched: set[int] = set()
        for qs, qe in changed_quotes:
            for i in range(bisect.bisect_left(starts, qs - longest),
                           bisect.bisect_left(starts, qe)):
                p = passages[i]
                used = _quoted(p.expression, index)
                if used != p.used:
                    passages[i] = replace(p, used=used)
                    touched.add(sentence_of[i])
        after = ArticleAnalysis(self.article_id, self.expressions, tuple(passages), now)
        if touched:
            sentences = list(self.sentences)
            members: dict[int, list[DatedPassage]] = {k: [] for k in touched}
            for i, k in enumerate(sentence_of):
                if k in touched:
                    members[k].append(passages[i])
            for k, ps in members.items():
                sentences[k] = DatedSentence.of(sentences[k].start, sentences[k].end, tuple(ps))
            after.__dict__["sentences"] = tuple(sentences)
        else:
            after.__dict__["sentences"] = self.sentences
        after.__dict__["_layout"] = self._layout
        return after
