"""The cue scan finds exactly the matches that running every pattern over the whole text finds."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.temporal import find_expressions
from desktop_app.core.temporal.engine import _cue_index
from desktop_app.core.temporal.grammar import RULES
from desktop_app.core.temporal.lang.en.lexicon import MONTH_CUES, UNIT_CUES, WEEKDAY_CUES
from desktop_app.core.temporal.regex_tree import parse
from desktop_app.core.temporal.scan import _lowered, _shifted, find_candidates
from desktop_app.core.temporal.widths import (
    _around,
    cue_reach,
    max_width,
    min_digits,
    shape,
    width_bound,
)
from tests.conftest import SHARED

TEMPEVAL = SHARED / "data" / "tempeval"


def whole_scan(text: str) -> list[tuple[int, int, str]]:
    return sorted((m.start(), m.end(), r.name) for r in RULES for m in r.pattern.finditer(text)
                  if m.end() > m.start())


def cue_scan(text: str) -> list[tuple[int, int, str]]:
    found = find_candidates(text, _cue_index())
    for s, e, r, m in found:  # the engine matches the text again where the scan left None
        again = m or r.pattern.match(text, s)
        assert again is not None and again.span() == (s, e), (r.name, s, e)
    return sorted((s, e, r.name) for s, e, r, _ in found)


def test_every_rule_has_cues_and_a_bounded_width() -> None:
    """Otherwise the rule silently runs over the whole text again."""
    index = _cue_index()
    assert index.uncued == []
    # every pattern also has its faster lower-cased form (none needed the fallback)
    assert [r.name for r, fast in zip(RULES, index.fast, strict=True)
            if fast.flags & re.IGNORECASE] == []
    for r in RULES:
        assert r.cues, r.name
        assert max_width(r.pattern, 2) is not None, r.name
    dated = next(r for r in RULES if r.name == "month-day-year")
    assert max_width(dated.pattern, 9) > max_width(dated.pattern, 1)


def test_patterns_that_lower_casing_would_change_are_kept_as_they_are() -> None:
    for source in (r"\S+day", r"\x41pril", r"(?-i:May) 5"):
        pattern = re.compile(source, re.IGNORECASE)
        assert _lowered(pattern) == (pattern.pattern, pattern.flags)
    source, flags = _lowered(re.compile(r"(?P<mon>May)\s+\d", re.IGNORECASE))
    assert source == r"(?P<mon>may)\s+\d" and not flags & re.IGNORECASE


def test_the_width_bound_covers_every_gap() -> None:
    for r in RULES:
        base, slope = width_bound(r.pattern)
        for gap in (1, 2, 3, 5, 8, 13, 40):
            assert base + (gap - 1) * slope >= max_width(r.pattern, gap), (r.name, gap)


def test_the_reach_around_a_cue_group_covers_every_gap() -> None:
    grouped = [r for r in RULES if r.cue_in]
    assert len(grouped) >= 10
    for r in grouped:
        (before, before_slope), (after, after_slope) = cue_reach(r.pattern, r.cue_in)
        tree = parse(r.pattern.pattern)
        for gap in (1, 2, 3, 5, 8, 13, 40):
            ahead, of, behind = _around(tree, r.pattern.groupindex[r.cue_in], gap)
            assert before + (gap - 1) * before_slope >= ahead + of, (r.name, gap)
            assert after + (gap - 1) * after_slope >= of + behind, (r.name, gap)
    month = next(r for r in RULES if r.name == "month")
    assert cue_reach(month.pattern, "mon")[1] == (9, 0)  # 'september' ends every match


def test_one_parse_tells_what_the_separate_measures_tell() -> None:
    for r in RULES:
        measured = shape(r.pattern, r.cue_in)
        assert measured.reach == cue_reach(r.pattern, r.cue_in), r.name
        assert measured.digits == min_digits(r.pattern), r.name
        assert measured.shortest > 0, r.name


def test_a_group_a_match_may_lack_says_nothing_about_the_reach() -> None:
    for source, group in ((r"(?:last\s+)?(?P<w>monday)?\s+night", "w"),
                          (r"(?P<a>this)\s+week|next\s+(?P<b>week)", "b"),
                          (r"(?:(?P<w>monday)\s+)+", "w")):
        assert cue_reach(re.compile(source), group) is None
    assert cue_reach(re.compile(r"(?P<a>this)\s+week|(?P<b>next)\s+week"), "zz") == \
        (width_bound(re.compile(r"(?P<a>this)\s+week|(?P<b>next)\s+week")),) * 2


def test_the_fewest_digits_a_match_holds() -> None:
    for source, digits in ((r"\d", 1), (r"[0-3]?\d", 1), (r"x|\d", 0), (r"(?:\d\d)+", 2),
                           (r"[^\d]", 0), (r"[\d.]", 0), (r"a{2}5", 1), (r"july\s+[0-9]{1,2}", 1)):
        assert min_digits(re.compile(source)) == digits, source
    index = _cue_index()
    needs = {r.name for r, digit in zip(index.rules, index.needs_digit, strict=True) if digit}
    assert {"month-day-year", "day-month-year"} <= needs and "month" not in needs
    assert "year" not in needs  # its cues are digits already


def test_a_shifted_pattern_takes_the_character_before_its_match() -> None:
    shifted = _shifted(r"(?<![\w-])(?:may)(?![\w])", 0)
    assert shifted.pattern == r"[^\w-](?:(?:may)(?![\w]))"
    assert shifted.search(" " + "in may, june", 0).span() == (3, 7)  # text[3:6] is "may"
    assert _shifted("(?<![\\w-])(?:x", 0) is None  # not a pattern: the rule is scanned whole
    assert shape(re.compile(r"x?"), None).shortest == 0  # nothing to step over: scanned whole


@pytest.mark.parametrize("corpus", ["tbaq-train", "meantime-en"])
def test_same_matches_as_a_whole_scan_on_real_news(corpus: str) -> None:
    path = TEMPEVAL / f"{corpus}.jsonl"
    if not path.exists():
        pytest.skip("../shared/data/tempeval is not present")
    docs = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    total = 0
    for text in docs:
        expected = whole_scan(text)
        assert cue_scan(text) == expected
        total += len(expected)
    assert total > 1000


def test_a_window_cut_inside_a_word_does_not_make_a_match() -> None:
    """'decembers' is no month, although a window ending after 'december' would see one."""
    for gap in range(20, 80):
        text = "On May 5 " + "x" * gap + " decembers and the 1990sx or 2021-0"
        assert cue_scan(text) == whole_scan(text), gap


def test_a_cue_ending_in_a_stop_leaves_the_stop_for_the_next_cue() -> None:
    """'a.m.' ends with the character a year needs before it (found by the generated text)."""
    for text in ("a.m.1998 ", "at 10 p.m.Monday", "10 a.m.-2021-07-06"):
        assert cue_scan(text) == whole_scan(text)
    assert ("year" in {name for _, _, name in cue_scan("a.m.1998 ")})


def test_long_runs_of_blanks_widen_the_windows() -> None:
    text = "It happened on July" + " " * 40 + "\n\n\n 6, 2021, then" + "\t" * 30 + "last  week."
    assert cue_scan(text) == whole_scan(text)
    assert any(name == "month-day-year" for _, _, name in cue_scan(text))


def test_a_year_cut_short_is_a_cue_whatever_kind_of_number_it_also_starts() -> None:
    """"'82" before a colon or a slash is also a clock's or a date's digits: one run, two
    kinds (a generated text, "'82:5 ", had found the year only in a whole scan)."""
    for text in ("'82:5 ", "since '82:", "in '08/09 it fell", "the '80s", "since ’82"):
        assert cue_scan(text) == whole_scan(text), text
    assert any(name == "clipped-year" for _, _, name in cue_scan("since '82:"))


def test_letters_whose_lower_case_differs_in_length_or_folds_oddly() -> None:
    """'İ' lower-cases to two characters (the whole text is then scanned); 'ſ' and 'ı' match
    's' and 'i' under IGNORECASE but are not lower-cased to them."""
    for text in ("İstanbul, on Monday, July 5, 2021", "ſeptember 5, 2021 and on Frıday",
                 "ſunday THURSDAY 10:30 P.M. thıs week"):
        assert cue_scan(text) == whole_scan(text)
    found = find_expressions("İstanbul, on Monday, July 5, 2021", None)
    assert [(e.text, e.value) for e in found] == [("Monday, July 5, 2021", "2021-07-05")]


_PIECES = st.sampled_from([
    *MONTH_CUES, *WEEKDAY_CUES, *UNIT_CUES, "May", "DEC.", "Sept.", "mon.", "Thurs.", "last",
    "next", "this", "the", "of", "ago", "earlier", "later", "before that", "from now", "early",
    "mid", "late", "fiscal", "FY", "Q3", "quarter", "half", "first", "third", "1990s", "'90s",
    "90s", "1998", "2021", "2021-07-06", "2021-07", "7/6/21", "07.06.2021", "10:30", "10am",
    "10.30pm", "a.m.", "p.m.", "noon", "midnight", "EST", "now", "recent", "recently",
    "currently", "the past", "future", "today", "tonight", "yesterday", "every", "daily",
    "twice", "christmas", "new year's day", "easter", "two", "a", "several", "nineteen",
    "ninety", "two thousand", "century", "twentieth", "nineties", "spring", "fall", "weekend",
    "same", "following", "period", "ſ", "ı", "İ", "K", "x", "5", "12", "123", "0", "1st",
    "20th", "3rd", "on the", "'82", "since '08",
])
_GLUE = st.sampled_from([" ", " ", " ", "  ", "-", "\n", "\n\n", ", ", ".", "'", "/", ":", "",
                         "\t\t\t   ", " " * 12])


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_match_a_rule_can_make_is_found(rule) -> None:  # noqa: ANN001
    """Strings made from the rule's own pattern, in a sentence: the cues must cover them all."""

    @settings(max_examples=150, deadline=None)
    @given(st.from_regex(rule.pattern, fullmatch=True), _GLUE, _GLUE)
    def check(expression: str, before: str, after: str) -> None:
        text = f"It was{before or ' '}{expression}{after or ' '}and so on."
        found = cue_scan(text)
        assert found == whole_scan(text)

    check()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PIECES, _GLUE, st.booleans()), min_size=1, max_size=25))
def test_same_matches_as_a_whole_scan_on_generated_text(parts) -> None:  # noqa: ANN001
    text = "".join((p.upper() if up else p) + glue for p, glue, up in parts)
    assert cue_scan(text) == whole_scan(text)
