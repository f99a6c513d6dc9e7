"""Our own reading of regular expressions (regex_tree.py), which the cue scan's windows are
worked out from instead of Python's private re._parser."""

from __future__ import annotations

import re

import pytest

import desktop_app.core.temporal.engine  # noqa: F401  (registers the rules)
from desktop_app.core.temporal.grammar import RULES, WEAK_RULES
from desktop_app.core.temporal.regex_tree import min_width, parse
from desktop_app.core.temporal.widths import Shape, max_width, min_digits, shape

EVERY_PATTERN = [r.pattern for r in RULES + WEAK_RULES]
DIGIT = ("in", (False, [("cat", "digit")]))


@pytest.mark.parametrize("source,tree", [
    ("ab", [("lit", "a"), ("lit", "b")]),
    (r"a|b\d", [("branch", [[("lit", "a")], [("lit", "b"), DIGIT]])]),
    (r"(?P<y>\d{4})", [("group", (1, [("repeat", (4, 4, [DIGIT]))]))]),
    (r"[^\w-]x?", [("in", (True, [("cat", "word"), ("lit", "-")])),
                   ("repeat", (0, 1, [("lit", "x")]))]),
    (r"(?<![\w-])[0-3]", [("assert", [("in", (False, [("cat", "word"), ("lit", "-")]))]),
                          ("in", (False, [("range", (48, 51))]))]),
    (r"a{2,}?b{,3}c{x", [("repeat", (2, None, [("lit", "a")])), ("repeat", (0, 3, [("lit", "b")])),
                         ("lit", "c"), ("lit", "{"), ("lit", "x")]),
    (r"(a)(?:b)\b", [("group", (1, [("lit", "a")])), ("group", (None, [("lit", "b")])),
                     ("at", "boundary")]),
])
def test_it_reads_the_syntax_the_rules_use(source: str, tree: list) -> None:
    assert parse(source) == tree


@pytest.mark.parametrize("source", [r"(a)\1", r"(?P<x>a)(?P=x)", r"(a)?(?(1)a|b)"])
def test_what_it_cannot_read_is_refused_and_scanned_whole(source: str) -> None:
    with pytest.raises(ValueError):
        parse(source)
    assert shape(re.compile(source), None) == Shape(None, 0, 0)  # the rule scans whole


@pytest.mark.parametrize("source", ["a)", "(a", "*a", "[ab"])
def test_broken_syntax_is_refused(source: str) -> None:
    with pytest.raises(ValueError):
        parse(source)


def _capture_numbers(nodes: list) -> list[int]:  # noqa: ANN001
    found = []
    for kind, value in nodes:
        if kind == "group":
            found += ([value[0]] if value[0] is not None else []) + _capture_numbers(value[1])
        elif kind == "branch":
            for way in value:
                found += _capture_numbers(way)
        elif kind == "repeat":
            found += _capture_numbers(value[2])
        elif kind == "assert":
            found += _capture_numbers(value)
    return found


def test_capture_groups_are_numbered_as_python_numbers_them() -> None:
    for pattern in EVERY_PATTERN:
        assert sorted(_capture_numbers(parse(pattern.pattern))) == \
            list(range(1, pattern.groups + 1))


def test_widths_agree_with_what_the_patterns_match() -> None:
    """The shortest width is a lower bound of every match, the widest an upper bound, on
    the rules' own examples."""
    for r in RULES + WEAK_RULES:
        tree = parse(r.pattern.pattern)
        for text, _value in r.examples:
            for m in r.pattern.finditer(text):
                assert min_width(tree) <= m.end() - m.start(), r.name
                widest = max_width(r.pattern, max(len(text), 1))
                assert widest is None or m.end() - m.start() <= widest, r.name
        assert min_digits(r.pattern) >= 0


def test_the_same_as_pythons_own_parser_where_that_is_importable() -> None:
    """re._parser is private and may go: then this comparison goes, and the rest stays."""
    sre = pytest.importorskip("re._parser")
    for pattern in EVERY_PATTERN:
        assert min_width(parse(pattern.pattern)) == \
            sre.parse(pattern.pattern, pattern.flags).getwidth()[0], pattern.pattern[:60]


def test_a_group_of_words_gives_its_words_with_the_letters_that_may_follow() -> None:
    from desktop_app.core.temporal.regex_tree import group_words, strings

    assert strings(parse(r"a(?:b|c)d?")) == {"ab", "ac", "abd", "acd"}
    assert strings(parse(r"a+")) is None and strings(parse(r"[ab]")) is None
    tree = parse(r"(?P<unit>day|centur(?:y|ie))s?(?![a-z])")
    assert group_words(tree, 1) == {"day", "days", "century", "centurys", "centurie",
                                    "centuries"}
    assert group_words(parse(r"(?P<m>jan|feb)(?:\.|(?=\s+\d))"), 1) == {"jan", "feb"}
    assert group_words(parse(r"(?P<y>\d{4})"), 1) is None  # no words: declared by hand


def test_rules_read_their_cues_from_their_patterns() -> None:
    """The cue lists the rules once kept by hand are what the patterns spell."""
    from desktop_app.core.temporal.grammar import rule
    from desktop_app.core.temporal.lang.en.lexicon import MONTH_CUES, UNIT_CUES, WEEKDAY_CUES

    by_name = {r.name: r for r in RULES}
    assert set(by_name["month"].cues) == set(MONTH_CUES)
    assert set(by_name["weekday"].cues) == set(WEEKDAY_CUES)
    assert set(by_name["duration"].cues) == set(UNIT_CUES)
    with pytest.raises(ValueError, match="declare them"):
        rule("no-words", r"(?P<n>\d+)\s+days", cue_in="n")
