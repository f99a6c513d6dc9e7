"""Where each rule can match: one pass over the text finds the words every match of a rule
contains (its cues), and the rule's pattern then runs only in windows around them.

Running every pattern over the whole text took 0.7 s for half a megabyte of news, and most
text holds no date at all. The result is exactly that of running each pattern over the whole
text: every match contains one of its rule's cues and is no wider than the rule's widest
match (worked out from the pattern, taking runs of blanks and hyphens as long as the longest
run in this text), so it lies inside a window; where a rule names the group that holds its
cue (cue_in), a window reaches only as far before and after the cue as the pattern allows
around that group (widths.py). Rules whose widest match is unbounded, and texts whose lower
case has another length, are scanned whole.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import chain
from operator import itemgetter

from desktop_app.core.temporal.grammar import Rule
from desktop_app.core.temporal.lang.en.lexicon import (
    CLIPPED_YEAR_NUMBER,
    CLOCK_NUMBER,
    COLON_NUMBER,
    DECADE_NUMBER,
    ISO_NUMBER,
    MONTH_CUES,
    ORDINAL_NUMBER,
    SEASON_CUES,
    SEPARATED_NUMBER,
    YEAR_NUMBER,
)
from desktop_app.core.temporal.widths import shape
from desktop_app.core.temporal.word_trie import word_trie

# start, end, rule, and the match on the text as written; None where the cue scan matched the
# lower-cased text: the engine matches again on the text only the candidates it chooses.
Candidate = tuple[int, int, Rule, re.Match[str] | None]

# Characters that IGNORECASE matches with an ASCII letter but lower() does not turn into it.
_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s"})
# Digit runs that can be cues, by kind (group 1 is sorted out in _four_digits). Only digits
# are consumed, so a separator can start the next cue: in '10.30pm', 30 before 'pm' is one.
_NUMBERS = (r"(\d{4})(?!\d)"
            r"|(\d{1,2})(?=[/.]\d\d?[/.]\d)|(\d{1,2})(?=:\d)"
            r"|\d*?(\d)(?=a|p)"
            r"|\d?(\d)(?=st|nd|rd|th)"  # before decades: '10th' is no '10s'
            r"|\d?(0)(?=s|')"
            r"|(?<=['‘’])(\d\d)(?!\d)")  # after an apostrophe: a year cut short ('82)
_DIGIT = re.compile(r"\d")
# Modifiers a pattern lets run straight into a month, season or year ('midsummer').
_MODIFIERS = ("early", "mid", "late", "of")
_NUMBER_KINDS = {2: SEPARATED_NUMBER, 3: COLON_NUMBER, 4: CLOCK_NUMBER, 5: ORDINAL_NUMBER,
                 6: DECADE_NUMBER, 7: CLIPPED_YEAR_NUMBER}
_BLANKS = 8  # the group of a run of blanks and hyphens
_CLIPPED = 7
_APOSTROPHES = "'\u2018\u2019"


class CueIndex:
    """The cues of a list of rules, and the scanner that finds them.

    Cues that wake the same rules form one group, so a hit costs one append whatever the
    number of rules it wakes.
    """

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        shapes = [shape(r.pattern, r.cue_in) for r in self.rules]
        self.reach = [sh.reach for sh in shapes]
        # The patterns as they run in the windows: lower-cased, for the lower-cased text, and
        # shifted to take the character before the match too (see _shifted); a pattern that
        # could match nothing at all has none.
        self.fast = [_shifted(*_lowered(r.pattern)) if sh.shortest > 0 else None
                     for r, sh in zip(self.rules, shapes, strict=True)]
        self.uncued = [i for i, r in enumerate(self.rules)
                       if not r.cues or self.reach[i] is None or self.fast[i] is None]
        # Rules every match of which holds a digit, though their cues are words ('July 4'):
        # a window without a digit is skipped.
        self.needs_digit = [sh.digits > 0 and not any(
            c.startswith("<") or any(ch.isdigit() for ch in c) for c in r.cues)
            for r, sh in zip(self.rules, shapes, strict=True)]
        # A cue wakes the rules that list it in cues, and is needed by those that list it in
        # also (a window of theirs without one is skipped).
        roles: dict[str, tuple[list[int], list[int]]] = {}
        for i, r in enumerate(self.rules):
            if i not in self.uncued:
                for cue in r.cues:
                    roles.setdefault(cue, ([], []))[0].append(i)
                for cue in r.also:
                    roles.setdefault(cue, ([], []))[1].append(i)
        groups: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}
        self.group_of: dict[str, int] = {}
        for cue, (wakes, needs) in roles.items():
            self.group_of[cue] = groups.setdefault((tuple(wakes), tuple(needs)), len(groups))
        self.group_rules = [wakes for wakes, _ in groups]  # group -> the rules it wakes
        self.rule_groups = [[g for g, (wakes, _) in enumerate(groups) if i in wakes]
                            for i in range(len(self.rules))]
        self.rule_needs = [[g for g, (_, needs) in enumerate(groups) if i in needs]
                           for i in range(len(self.rules))]
        words = [c for c in roles if not c.startswith("<")]
        # Patterns let a modifier run straight into a month, a season or 'fiscal'
        # ('midsummer'): such glued words are cues too, for the rules of the word they end with.
        for glue in _MODIFIERS:
            for cue in (*MONTH_CUES, *SEASON_CUES, "fiscal", "fy"):
                if cue in self.group_of and glue + cue not in self.group_of:
                    self.group_of[glue + cue] = self.group_of[cue]
                    words.append(glue + cue)
        # A cue starts after a character that is neither letter nor digit. A digit run, which
        # words may run into ('mid-1990', 'FY1990', 'fiscal year1990'), is told apart by what
        # follows it; it is tried first, as no other cue can be glued to digits. A cue word
        # ends before a character that is not a letter. Runs of blanks and hyphens before
        # another one are reported too (a run's last character may start a cue): they widen
        # the windows. (The look-aheads only spare the engine trying each kind of number at
        # each place; glue words are never given back, as fewer would leave a letter next.)
        # A cue word ending in a stop ('a.m.') is found without it (see _by_first_letter).
        for w in words:
            if not w[-1].isalnum():
                self.group_of[w[:-1]] = self.group_of[w]
        glued = (*_MODIFIERS, "fiscal", "fy", "year")
        firsts = "".join(sorted({g[0] for g in glued}))
        self.scanner = re.compile(r"[^a-z0-9](?:(?=[\d" + firsts + "])(?:" + "|".join(glued)
                                  + r")*+(?=\d)(?:" + _NUMBERS + r")|" + _by_first_letter(words)
                                  + r"|[\s-]+(?=[\s-])())")

    def hits(self, low: str) -> tuple[defaultdict[int, list[tuple[int, int]]], int]:
        """For each cue group found, the [start, end) of its cues in low (the text in lower
        case); and the longest run of blanks and hyphens, or 2 if none is longer."""
        found: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
        group_of = self.group_of
        gap = 2
        for m in self.scanner.finditer(" " + low):
            start, end = m.start(), m.end() - 1  # in low: the scanned text begins with a space
            kind = m.lastindex
            if kind is None:  # a cue word
                found[group_of[low[start:end]]].append((start, end))
                continue
            if kind == _BLANKS:  # a run of blanks: with the one after it and the character before
                gap = max(gap, end - start + 2)  # (one too many if not a blank: windows grow)
                continue
            cues: Sequence[str]
            if kind == 1:
                cues = _four_digits(m.group(1), low[end:end + 1])
            else:
                cues = (_NUMBER_KINDS[kind],)
                if kind != _CLIPPED and low[start - 1:start] in _APOSTROPHES \
                        and low[start:start + 2].isdigit() \
                        and not low[start + 2:start + 3].isdigit():
                    cues = (*cues, CLIPPED_YEAR_NUMBER)  # '82:5, '08/09: a year cut short too
            for cue in cues:
                g = group_of.get(cue)
                if g is not None:
                    found[g].append((start, end))
        return found, gap


def _by_first_letter(words: list[str]) -> str:
    """The words, each ending before a character that is not a letter, as one alternative per
    first letter (the rest a prefix tree). Alternatives that begin with their letter let the
    engine pass over the others at once, where one that begins with a group is entered.

    A word that ends in a stop ('a.m.') is matched without it, looking ahead for it, so that
    the stop can still come right before the next cue ('a.m.1998')."""
    rests: dict[str, list[str]] = {}
    for w in words:
        rests.setdefault(w[0], []).append(w[1:])
    alternatives = []
    for first, tails in sorted(rests.items()):
        stopped = [re.escape(t[:-1]) + f"(?={re.escape(t[-1])})"
                   for t in sorted(tails, key=len, reverse=True) if t and not t[-1].isalnum()]
        plain = [t for t in tails if not t or t[-1].isalnum()]
        tree = word_trie(t for t in plain if t)
        if tree and "" in plain:
            tree = f"(?:{tree})?"
        tree += "(?![a-z])"
        body = tree if not stopped else "(?:" + "|".join([*stopped, tree]) + ")"
        alternatives.append(re.escape(first) + body)
    return "|".join(alternatives)


# What lower-casing a pattern's source would change the meaning of: escapes such as \S or
# \x41, and flags turned off for a part ((?-i:...)).
_CASE_SENSITIVE_SYNTAX = re.compile(r"\\[A-Z0-9xuN]|\(\?[a-z]*-")


def _lowered(pattern: re.Pattern[str]) -> tuple[str, int]:
    """pattern's source in lower case and its flags without IGNORECASE: on lower-cased text it
    matches where pattern matches the text (group syntax such as (?P<name>...) keeps its
    capital). Where lower-casing would change the pattern, its own source and flags, which
    ignore case anyway."""
    if _CASE_SENSITIVE_SYNTAX.search(pattern.pattern):
        return pattern.pattern, pattern.flags
    source = pattern.pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return source, pattern.flags & ~re.IGNORECASE


_WORD_START = r"(?<![\w-])"  # how grammar.rule begins every pattern


def _shifted(source: str, flags: int) -> re.Pattern[str] | None:
    """The pattern, taking the character before its match too: searched in " " + text, a
    match [s, e + 1) there is [s, e) in text (for patterns that cannot match nothing at all).

    A pattern that begins by looking behind for a word's start tries every position of a
    window, while one that begins with a class of characters skips straight to where the
    class matches: the one before a word's start is consumed instead of looked at. Searching
    on from a match's last character keeps finditer's meaning (matches do not overlap).
    """
    head, body = ((r"[^\w-]", source[len(_WORD_START):]) if source.startswith(_WORD_START)
                  else (r"[\s\S]", source))
    try:
        return re.compile(f"{head}(?:{body})", flags)
    except re.error:
        return None


def _four_digits(run: str, after: str) -> list[str]:
    cues = []
    if run[0] == "1" or run[:2] == "20":
        cues.append(YEAR_NUMBER)
    if after == "-":
        cues.append(ISO_NUMBER)
    if run[3] == "0" and after in ("s", "'"):
        cues.append(DECADE_NUMBER)
    return cues


def _windows(spans: list[tuple[int, int]], before: int, after: int,
             n: int) -> list[tuple[int, int]]:
    """Merged [lo, hi) windows reaching from before characters ahead of each span (sorted) to
    after characters past it."""
    merged: list[tuple[int, int]] = []
    lo = hi = -1
    for s, e in spans:
        if s - before <= hi:
            if e + after > hi:
                hi = e + after
        else:
            if hi >= 0:
                merged.append((lo, hi))
            lo, hi = (s - before if s > before else 0), e + after
    if hi >= 0:
        merged.append((lo, hi))
    if hi > n:
        merged[-1] = (lo, n)
    return merged


def find_candidates(text: str, index: CueIndex) -> list[Candidate]:
    """Every non-empty match of every rule of the index in text, exactly as running each
    pattern over the whole text would find them."""
    rules = index.rules
    low = text.lower()
    if len(low) != len(text):
        return scan_whole(text, rules)
    if not low.isascii():
        low = low.translate(_FOLD)
    shifted = " " + low  # the shifted patterns take the character before a match too
    found = scan_whole(text, [rules[i] for i in index.uncued])
    hits, gap = index.hits(low)
    n = len(text)
    look = gap + 8  # lookaheads at a match's end see this far (blanks then a few characters)
    woken = {i for g in hits for i in index.group_rules[g]}
    for i in sorted(woken):  # in the index's order, as ties between rules keep it
        groups, needs = index.rule_groups[i], index.rule_needs[i]
        if needs:  # a match holds one of these too: windows without one are skipped
            needed = sorted(map(itemgetter(1), chain.from_iterable(map(hits.__getitem__, needs))))
            if not needed:
                continue
        if len(groups) == 1:
            spans = hits[groups[0]]  # in order: the scan goes left to right
        else:
            spans = sorted(chain.from_iterable(map(hits.__getitem__, groups)))
        rule = rules[i]
        digit = index.needs_digit[i]
        search = index.fast[i].search  # type: ignore[union-attr]
        (before, before_slope), (after, after_slope) = index.reach[i]  # type: ignore[misc]
        for lo, hi in _windows(spans, before + (gap - 1) * before_slope,
                               after + (gap - 1) * after_slope, n):
            if needs:
                k = bisect.bisect_right(needed, lo)
                if k == len(needed) or needed[k] > hi:
                    continue
            if digit and _DIGIT.search(low, lo, hi) is None:
                continue
            end = hi + look if hi + look < n else n
            pos = lo  # in shifted, the character before lo: a match is searched from lo on
            while (m := search(shifted, pos, end + 1)) is not None:
                s, e = m.start(), m.end() - 1  # in text (shifted has one character more)
                if s >= hi:
                    break
                if e > hi:  # only a window's cut end makes a match run past it: look again
                    found.extend(_scan_past(text, rule, s, hi))
                    break
                found.append((s, e, rule, None))
                pos = e  # as finditer goes on: the next match begins where this one ends
    return found


def scan_whole(text: str, rules: Iterable[Rule], lo: int = 0,
               hi: int | None = None) -> list[Candidate]:
    """Every non-empty match of each rule in text[lo:hi], running each pattern over all of it."""
    hi = len(text) if hi is None else hi
    return [(m.start(), m.end(), r, m) for r in rules
            for m in r.pattern.finditer(text, lo, hi) if m.end() > m.start()]


def _scan_past(text: str, rule: Rule, lo: int, hi: int) -> list[Candidate]:
    """Matches starting in [lo, hi), seeing ever more text after hi until none runs past it
    (real matches lie inside the window; one running past it came from the cut)."""
    n = len(text)
    end = hi + 64
    while True:
        found: list[Candidate] = [
            (m.start(), m.end(), rule, m) for m in rule.pattern.finditer(text, lo, end)
            if m.start() < hi and m.end() > m.start()]
        if end >= n or all(e <= hi for _, e, _, _ in found):
            return found
        end = min(n, 2 * end)
