"""Regular-expression building blocks and the rule registry shared by the rule modules."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, NamedTuple, TypeVar

from desktop_app.core.temporal.context import (
    SentenceMarks,
    clause_bounds,
    has_future_marker,
    has_past_modal,
    has_past_verb,
    has_present_perfect,
    leads_up_to,
    next_clause_break,
    only_would,
    put_off_to,
    said_on,
    sentence_bounds,
    speaks_of_the_future,
)
from desktop_app.core.temporal.model import Reading
from desktop_app.core.temporal.regex_tree import group_words, parse

T = TypeVar("T")
# At most this many words in a clause that is only a date set before the main clause ('early
# on Monday morning,').
_FRONTED_WORDS = 4


class _once(Generic[T]):  # noqa: N801 - used as a decorator, like functools.cached_property
    """functools.cached_property without the lock Python 3.11 takes on each first access: a
    Context serves one match in one thread, and the tense test runs for every weekday."""

    def __init__(self, compute: Callable[[Context], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, ctx: Context | None, owner: type | None = None) -> T:
        if ctx is None:  # looked up on the class
            return self  # type: ignore[return-value]
        value = ctx.__dict__[self.name] = self.compute(ctx)  # later reads find it there
        return value


@dataclass
class Context:
    """What a rule needs besides its match: the text, the anchors and the options.

    Not frozen: one is built for every match, and a frozen dataclass takes four times as long
    to build. Rules only read it.
    """

    text: str
    low: str  # context.lowered(text), for the tense tests
    dct: date | None
    ref: date | None  # the last absolute date mentioned before the expression
    last: date | None  # the last day-level date mentioned, explicit or relative
    last_reading: Reading | None  # the last dated expression of any granularity
    mode: str
    day_first: bool
    start: int = 0  # where the match begins in text
    end: int = 0  # where it ends
    marks: SentenceMarks | None = None  # the text's sentence marks, shared by its matches
    last_end: int = -1  # where last_reading's expression ends in text

    # The clause and its tense are worked out only for the rules that ask: most never do.
    @_once
    def sentence(self) -> tuple[int, int]:
        """[start, end) of the sentence holding the match."""
        return self._sentence_of(self.start, self.end)

    def _sentence_of(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) of the sentence holding text[start:end], by the text's shared marks
        where the engine found them."""
        if self.marks is not None:
            return self.marks.bounds(start, end)
        return sentence_bounds(self.text, start, end)

    @_once
    def clause(self) -> tuple[int, int]:
        """[start, end) of the clause holding the match."""
        return clause_bounds(self.low, self.start, self.end, self.sentence)

    @_once
    def future(self) -> bool:
        """The clause speaks of the future ('will meet on Tuesday'), or, where it is only the
        date set before the main clause, that one does from now ('On Tuesday, the council
        will meet.'), or the date is the one a thing was put off to ('postponed until
        Tuesday'); never the day something was said ('said on Wednesday it would ...').
        Most sentences have no word of the future at all: then the clause need not be cut
        out."""
        sentence_future = (has_future_marker(self.low, *self.sentence) if self.marks is None
                           else self.marks.has_future_marker(self.low, *self.sentence))
        put_off = put_off_to(self.low, self.sentence[0], self.start)
        if not (put_off or sentence_future) or self.said_on:
            return False  # 'said on Wednesday it would ...': when it was said
        if put_off:
            return True  # 'the vote was postponed until Tuesday'
        if has_future_marker(self.low, *self.clause):
            return True
        main = self.main_clause_after  # 'On Tuesday, the council will meet.'
        return main is not None and speaks_of_the_future(self.low, *main)

    @_once
    def said_on(self) -> bool:
        """The match is the day something was said ('the ministry said on Wednesday it would
        publish ...', 'told reporters Thursday'): past, whatever the words said speak of."""
        return said_on(self.low, self.sentence[0], self.start)

    @_once
    def main_clause_after(self) -> tuple[int, int] | None:
        """Where the match's clause is only the date, set before its sentence's main clause
        ('On Monday, the council met.', 'Late Monday, police said'): that clause, whose
        tense is the date's (see past and future). None otherwise."""
        start, end = self.clause
        sentence_start, sentence_end = self.sentence
        if start == sentence_start and end < sentence_end and self.low[end] == "," \
                and len(self.low[start:end].split()) <= _FRONTED_WORDS \
                and not leads_up_to(self.low, start, self.start):
            # up to the next break, taking the word that makes it ('police said ...')
            after = next_clause_break(self.low, end + 1, sentence_end)
            return end + 1, after.end() if after else sentence_end
        return None

    @_once
    def reported_future(self) -> bool:
        """The future seen from a past moment: 'he said the ban would last until September'.
        Its dates lie on either side of the publication date."""
        return (self.future and only_would(self.low, *self.clause)
                and has_past_verb(self.low, *self.sentence))

    @_once
    def reported_limit(self) -> bool:
        """A past modal in reported speech ('the department said it could not answer until
        September'): a limit set at a past moment, on either side of the publication date."""
        return has_past_modal(self.low, *self.clause) and has_past_verb(self.low, *self.sentence)

    @_once
    def past(self) -> bool:
        """The clause has a past-tense verb. A clause that is only the date, set before its
        sentence's main clause ('On Monday, the council met.', 'Late Monday, police said'),
        has that clause's tense: past where it has a past verb and no word of the future
        ('On Tuesday, the league plans to show an ad made last week')."""
        if self.said_on or has_past_verb(self.low, *self.clause):
            return True
        main = self.main_clause_after  # past unless it also speaks of the future
        return main is not None and has_past_verb(self.low, *main) \
            and not has_future_marker(self.low, *main)

    @property
    def anchor(self) -> date | None:
        """News mode anchors on the publication date; narrative mode on the last date mentioned."""
        if self.mode == "narrative":
            return self.ref or self.dct
        return self.dct or self.ref

    @property
    def anchor_label(self) -> str:
        """How the explanation names the anchor."""
        if self.anchor is None:
            return "no anchor"
        if self.anchor == self.dct and self.mode != "narrative":
            return "the publication date"
        return "the last date mentioned"

    @_once
    def reaches_now(self) -> bool:
        """The clause has a present perfect: what it tells lasts to now, so the end it runs
        'until' is still to come."""
        return has_present_perfect(self.low, *self.clause)

    @_once
    def named_nearby(self) -> Reading | None:
        """The last dated expression where it ends in this sentence or the one before ('They
        met in March. On the 15th, ...'; 'on Nov. 30. Until then, ...'), else None."""
        last = self.last_reading
        if last is None or last.earliest is None or self.last_end < 0:
            return None
        start = self.sentence[0]
        before = self._sentence_of(start - 2, start - 1)[0] if start > 1 else start
        return last if self.last_end >= before else None

    @property
    def year_written_last(self) -> int | None:
        """The year of the last dated expression where its text ends with that year in
        digits ('in 2008', 'March 2015'; not a count, 'a year ago'), else None."""
        last = self.last_reading
        if last is None or last.earliest is None \
                or self.text[self.last_end - 4:self.last_end] != f"{last.earliest.year:04d}":
            return None
        return last.earliest.year

    @property
    def ref_or_anchor(self) -> date | None:
        """Anaphoric expressions ("a day later", "the same day") follow the narrative first."""
        return self.last or self.anchor


class Hit(NamedTuple):
    """What a rule produced for one match (a named tuple: one is built per match, at a third
    of a frozen dataclass's cost)."""

    type: str
    reading: Reading
    alternatives: tuple[Reading, ...] = ()
    flags: tuple[str, ...] = ()
    absolute: bool = False  # explicit dates become the narrative reference for what follows
    derived: bool = False  # a comparison period ('a year earlier'): not where the story is


Handler = Callable[[re.Match[str], Context], Hit | None]


@dataclass(frozen=True)
class Rule:
    """One pattern and the function that resolves its matches; lower priority wins ties."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    priority: int
    needs_anchor: bool = field(default=True)
    cues: tuple[str, ...] = ()  # words one of which every match contains (scan.py)
    also: tuple[str, ...] = ()  # and one of these too: windows without one are skipped
    cue_in: str | None = None  # the named group every match's cue overlaps: narrows windows
    # What the rule is for, in its own words: texts it reads (with the value they give,
    # resolved against Fri 9 Jul 2021) and near misses it must leave alone; run as tests.
    examples: tuple[tuple[str, str], ...] = ()
    misses: tuple[str, ...] = ()


RULES: list[Rule] = []
# Cues too ambiguous to find in running text ('soon', 'current', 'previously') but clear once a
# span is known to be a time expression: used only by normalise_span.
WEAK_RULES: list[Rule] = []


EXAMPLE_ANCHOR = date(2021, 7, 9)  # the publication date every rule's examples are read on


def cue_words(pattern: re.Pattern[str], group: str) -> tuple[str, ...]:
    """The cue words of a rule whose cue group spells a few words ('january|feb...', 'day|
    week...' then 's?'): read from the pattern itself, so they cannot drift from it.
    ValueError when the group is no such list (its rule then declares its cues)."""
    words = group_words(parse(pattern.pattern), pattern.groupindex[group])
    if not words:
        raise ValueError(f"the cues of group {group!r} cannot be read from the pattern; "
                         "declare them")
    return tuple(sorted(words))


# Where a match may start: not inside a word, nor after a hyphen ('mid-August' is one word,
# 'Covid-19' no day); a rule whose matches begin with a word may also start after a number's
# hyphen ('July 23-August 8', a range's end). The second costs every search a branch, so
# only the rules that need it pay it.
_STARTS = r"(?<![\w-])"
_STARTS_AFTER_A_NUMBER = r"(?:(?<![\w-])|(?<=\d-))"


def rule(name: str, pattern: str, priority: int = 50, needs_anchor: bool = True,
         weak: bool = False, cues: tuple[str, ...] = (),
         also: tuple[str, ...] = (), cue_in: str | None = None,
         examples: tuple[tuple[str, str], ...] = (),
         misses: tuple[str, ...] = (),
         after_a_number: bool = False) -> Callable[[Handler], Handler]:
    """Register a handler for a case-insensitive, word-bounded pattern.

    cues: lower-case words (or lexicon.*_NUMBER kinds) one of which every match contains;
    the rule then runs only around them; read from the pattern when cue_in names a group
    that spells a list of words (cue_words). Without cues it runs over the whole text. also:
    more such words, one of which every match contains as well. cue_in: the named group that
    holds (or overlaps) the cue in every match; windows then reach only as far before and after
    the cue as the pattern allows around that group. examples: (text, value) pairs the rule
    reads, on EXAMPLE_ANCHOR; misses: texts where it must find nothing. after_a_number:
    matches, which begin with a word, may also start right after a number's hyphen.
    """

    starts = _STARTS_AFTER_A_NUMBER if after_a_number else _STARTS
    compiled = re.compile(starts + r"(?:" + pattern + r")(?![\w])", re.IGNORECASE)
    if cue_in and not cues:
        cues = cue_words(compiled, cue_in)

    def register(handler: Handler) -> Handler:
        (WEAK_RULES if weak else RULES).append(Rule(name, compiled, handler, priority,
                                                    needs_anchor, cues, also, cue_in,
                                                    examples, misses))
        return handler

    return register
