"""A small parser of Python regular expressions into a tree, for what widths.py works out of
a rule's pattern (how wide a match can be, where its cue sits, how many digits it holds).

Python's own parser is a private module (re._parser) whose tree may change with any release;
this one reads the syntax our rules are written in (and more), and refuses the rest with
ValueError, which the cue scan takes as "scan this rule over the whole text": never a wrong
window, only a slower one.

The tree is a list of nodes (kind, value):
  ("lit", ch)                   one character
  ("any", None)                 '.'
  ("in", (negated, items))      a class; items are ("lit", ch), ("range", (lo, hi)) or
                                ("cat", "digit" | "space" | "word" | "not_digit" ...)
  ("group", (index, nodes))     a group; index is the capture number, or None
  ("branch", [nodes, ...])      alternatives
  ("repeat", (low, high, nodes)) high None for unbounded
  ("assert", nodes)             a look-ahead or look-behind: no width
  ("at", name)                  ^ $ \\b \\B \\A \\Z: no width
"""

from __future__ import annotations

from typing import Any

Node = tuple[str, Any]

_CATEGORIES = {"d": "digit", "D": "not_digit", "s": "space", "S": "not_space", "w": "word",
               "W": "not_word"}
_ANCHORS = {"b": "boundary", "B": "not_boundary", "A": "start", "Z": "end"}
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}


class _Reader:
    def __init__(self, source: str) -> None:
        self.s = source
        self.i = 0
        self.groups = 0

    def peek(self) -> str:
        return self.s[self.i:self.i + 1]

    def take(self) -> str:
        if self.i >= len(self.s):
            raise ValueError("unexpected end of pattern")
        ch = self.s[self.i]
        self.i += 1
        return ch

    def done(self) -> bool:
        return self.i >= len(self.s)


def parse(source: str) -> list[Node]:
    """The tree of a pattern's source; ValueError for syntax this parser does not read."""
    r = _Reader(source)
    tree = _alternatives(r)
    if not r.done():
        raise ValueError(f"unbalanced ')' at {r.i}")
    return tree


def _alternatives(r: _Reader) -> list[Node]:
    ways = [_sequence(r)]
    while r.peek() == "|":
        r.take()
        ways.append(_sequence(r))
    return ways[0] if len(ways) == 1 else [("branch", ways)]


def _sequence(r: _Reader) -> list[Node]:
    nodes: list[Node] = []
    while not r.done() and r.peek() not in "|)":
        nodes.append(_quantified(r, _atom(r)))
    return nodes


def _atom(r: _Reader) -> Node:
    ch = r.take()
    if ch == "(":
        return _group(r)
    if ch == "[":
        return ("in", _class(r))
    if ch == ".":
        return ("any", None)
    if ch == "^":
        return ("at", "line_start")
    if ch == "$":
        return ("at", "line_end")
    if ch == "\\":
        return _escape(r, in_class=False)
    if ch in "*+?":
        raise ValueError(f"nothing to repeat at {r.i - 1}")
    if ch == "{" and _bounds_ahead(r) is not None:
        raise ValueError(f"nothing to repeat at {r.i - 1}")
    return ("lit", ch)


def _group(r: _Reader) -> Node:
    if r.peek() != "?":
        r.groups += 1
        index = r.groups  # numbered where it opens, as Python numbers groups
        return ("group", (index, _inside(r)))
    r.take()
    kind = r.take()
    if kind in ":>":  # non-capturing, or atomic: as wide as its body
        return ("group", (None, _inside(r)))
    if kind == "P" and r.peek() == "<":
        end = r.s.find(">", r.i)
        if end < 0:
            raise ValueError("unterminated group name")
        r.i = end + 1
        r.groups += 1
        index = r.groups
        return ("group", (index, _inside(r)))
    if kind in "=!" or (kind == "<" and r.peek() in ("=", "!")):
        if kind == "<":
            r.take()
        return ("assert", _inside(r))
    raise ValueError(f"group syntax (?{kind} is not read here")


def _inside(r: _Reader) -> list[Node]:
    """A group's body and its closing parenthesis."""
    body = _alternatives(r)
    if r.take() != ")":
        raise ValueError(f"missing ')' at {r.i}")
    return body


def _escape(r: _Reader, in_class: bool) -> Node:
    ch = r.take()
    if ch in _CATEGORIES:
        cat = ("cat", _CATEGORIES[ch])
        return cat if in_class else ("in", (False, [cat]))
    if not in_class and ch in _ANCHORS:
        return ("at", _ANCHORS[ch])
    if ch in _ESCAPED:
        return ("lit", _ESCAPED[ch])
    if ch == "x":
        return ("lit", chr(int(r.take() + r.take(), 16)))
    if ch == "u":
        return ("lit", chr(int("".join(r.take() for _ in range(4)), 16)))
    if ch.isalnum():  # back-references, octal escapes, \N{...}: not read here
        raise ValueError(f"escape \\{ch} is not read here")
    return ("lit", ch)


def _class(r: _Reader) -> tuple[bool, list[Node]]:
    negated = r.peek() == "^"
    if negated:
        r.take()
    items: list[Node] = []
    first = True
    while True:
        ch = r.take()
        if ch == "]" and not first:
            return negated, items
        first = False
        item = _escape(r, in_class=True) if ch == "\\" else ("lit", ch)
        if item[0] == "lit" and r.peek() == "-" and r.s[r.i + 1:r.i + 2] not in ("]", ""):
            r.take()
            hi_ch = r.take()
            hi = _escape(r, in_class=True) if hi_ch == "\\" else ("lit", hi_ch)
            if hi[0] != "lit":
                raise ValueError("a range must end in a character")
            items.append(("range", (ord(item[1]), ord(hi[1]))))
        else:
            items.append(item)


def _bounds_ahead(r: _Reader) -> tuple[int, int | None] | None:
    """The {m,n} at the reader (after its '{'), without moving it; None if it is a literal."""
    end = r.s.find("}", r.i)
    if end < 0:
        return None
    body = r.s[r.i:end]
    low, comma, high = body.partition(",")
    if not (low.isdigit() or (comma and not low)) or (high and not high.isdigit()) \
            or not (low or high):
        return None
    return int(low or 0), (int(high) if high else None) if comma else int(low)


def _quantified(r: _Reader, atom: Node) -> Node:
    while True:
        ch = r.peek()
        if ch in ("*", "+", "?"):
            r.take()
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[ch]
        elif ch == "{":
            r.take()
            bounds = _bounds_ahead(r)
            if bounds is None:  # a literal brace: give it back
                r.i -= 1
                return atom
            r.i = r.s.index("}", r.i) + 1
            low, high = bounds
        else:
            return atom
        if r.peek() in ("?", "+"):  # lazy or possessive: the same widths
            r.take()
        if atom[0] in ("at", "assert"):
            raise ValueError("a repeated zero-width assertion is not read here")
        atom = ("repeat", (low, high, [atom]))


def min_width(nodes: list[Node]) -> int:
    """The fewest characters a match of the tree spans."""
    total = 0
    for kind, value in nodes:
        if kind in ("lit", "any", "in"):
            total += 1
        elif kind == "group":
            total += min_width(value[1])
        elif kind == "branch":
            total += min(min_width(way) for way in value)
        elif kind == "repeat":
            total += value[0] * min_width(value[2])
    return total


_MOST_STRINGS = 400


def strings(nodes: list[Node]) -> set[str] | None:
    """Every string a tree matches, when they are few and spelled out (no classes, no
    unbounded repeats); None otherwise. Look-arounds and anchors match the empty string."""
    out = {""}
    for kind, value in nodes:
        if kind == "lit":
            options: set[str] | None = {value}
        elif kind == "group":
            options = strings(value[1])
        elif kind == "branch":
            options = set()
            for way in value:
                spelled = strings(way)
                if spelled is None:
                    return None
                options |= spelled
        elif kind == "repeat":
            low, high, item = value
            one = strings(item)
            if one is None or high is None or high > 3:
                return None
            options = set()
            for count in range(low, high + 1):
                made = {""}
                for _ in range(count):
                    made = {a + b for a in made for b in one}
                options |= made
        elif kind in ("assert", "at"):
            continue
        else:
            return None
        if options is None:
            return None
        out = {a + b for a in out for b in options}
        if len(out) > _MOST_STRINGS:
            return None
    return out


def group_words(tree: list[Node], index: int) -> set[str] | None:
    """The words a capture group spells, with the letters the pattern lets follow it ('days'
    from 'day' then 's?'), lower-cased, without a trailing stop ('jan.' is the word 'jan');
    None when the group is not a small set of words."""
    found = _find_group(tree, index)
    if found is None:
        return None
    body, after = found
    words = strings(body)
    if words is None:
        return None
    tails = {""}
    for node in after:  # letters run on after the group: 's?' makes plurals
        more = strings([node]) if node[0] in ("lit", "repeat") else None
        if more is None or not all(t.isalpha() for t in more if t):
            break
        tails = {a + b for a in tails for b in more}
    out = set()
    for w in words:
        for t in tails:
            word = (w + t).lower().rstrip(".")
            if not word.isalpha():
                return None
            out.add(word)
    return out


def _find_group(nodes: list[Node], index: int) -> tuple[list[Node], list[Node]] | None:
    """The group's body and the nodes after it in its own sequence."""
    for k, (kind, value) in enumerate(nodes):
        if kind == "group":
            if value[0] == index:
                return value[1], nodes[k + 1:]
            inner = _find_group(value[1], index)
        elif kind == "branch":
            inner = next((f for way in value if (f := _find_group(way, index)) is not None),
                         None)
        elif kind == "repeat":
            inner = _find_group(value[2], index)
        else:
            inner = None
        if inner is not None:
            return inner
    return None
