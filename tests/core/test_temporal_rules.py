"""Every rule of the date engine carries its own examples and near misses: each is a test.

A rule's example must be read by that rule (its pattern matches exactly the expression the
engine returns, with the value the example names); a near miss must give nothing the rule
would match. Weak rules (cues too common to scan for) are tried on the text as a span known
to be a time expression, as the engine uses them.
"""

from __future__ import annotations

import pytest

from desktop_app.core.temporal import engine
from desktop_app.core.temporal.grammar import EXAMPLE_ANCHOR, RULES, WEAK_RULES, Rule

ALL = [(r, weak) for rules, weak in ((RULES, False), (WEAK_RULES, True)) for r in rules]


def _read(rule: Rule, text: str, weak: bool) -> list[tuple[int, int, str]]:
    """The points the engine finds in text that this rule's pattern spans exactly."""
    if weak:
        found = engine.normalise_span(text, 0, len(text), EXAMPLE_ANCHOR)
        points = [found] if found is not None else []
    else:
        points = [p for e in engine.find_expressions(text, EXAMPLE_ANCHOR)
                  for p in (e.parts or (e,))]
    out = []
    for p in points:
        m = rule.pattern.match(text, p.start)
        if m is not None and m.end() == p.end:
            out.append((p.start, p.end, p.value))
    return out


def test_every_rule_has_examples() -> None:
    assert [r.name for r, _ in ALL if not r.examples] == []


@pytest.mark.parametrize("rule,weak,text,value", [
    (r, weak, text, value) for r, weak in ALL for text, value in r.examples],
    ids=lambda x: x.name if isinstance(x, Rule) else None)
def test_a_rule_reads_its_examples(rule: Rule, weak: bool, text: str, value: str) -> None:
    assert value in [v for _s, _e, v in _read(rule, text, weak)], (rule.name, text)


@pytest.mark.parametrize("rule,weak,text", [
    (r, weak, text) for r, weak in ALL for text in r.misses],
    ids=lambda x: x.name if isinstance(x, Rule) else None)
def test_a_rule_leaves_its_near_misses_alone(rule: Rule, weak: bool, text: str) -> None:
    assert _read(rule, text, weak) == [], (rule.name, text)
